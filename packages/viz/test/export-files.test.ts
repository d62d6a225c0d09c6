// Tests of the pure export helpers: safe file names, standalone SVG markup, attn-maps/v1 JSON text, and the caption
// (model, input, prediction, view, date) an export carries in its name, its drawing, its SVG metadata and its JSON.
import { describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import {
  attentionMapsJsonText,
  captionedMapsJsonText,
  captionedSvgDocument,
  captionFileName,
  captionLines,
  exportDate,
  exportFileName,
  exportMetadata,
  shortenText,
  standaloneSvgMarkup,
  type ExportCaption,
} from '../src/export-files.ts';
import { mapsOf, shiftedLayer } from './attention-fixtures.ts';

describe('exportFileName', () => {
  it('keeps safe characters and lower-cases the rest into dashes', () => {
    expect(exportFileName('Text Sentiment / Head View', 'png')).toBe('text-sentiment-head-view.png');
    expect(exportFileName('  ', 'svg')).toBe('attention.svg');
  });
});

describe('standaloneSvgMarkup', () => {
  it('adds the XML declaration and the SVG namespace', () => {
    const out = standaloneSvgMarkup('<svg width="2" height="2"><rect/></svg>');
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="2"')).toBe(true);
  });
  it('does not add a second namespace', () => {
    const out = standaloneSvgMarkup('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>');
    expect(out.match(/xmlns=/g)).toHaveLength(1);
  });
});

describe('attentionMapsJsonText', () => {
  it('writes attn-maps/v1 that parses back to the same probabilities', () => {
    const maps = mapsOf([shiftedLayer('encoder.layer.0.attention.softmax', 2, 5)]);
    const parsed = parseAttentionMaps(JSON.parse(attentionMapsJsonText(maps)));
    expect(parsed.format).toBe('attn-maps/v1');
    expect(parsed.tokens.map((t) => t.label)).toEqual(['[CLS]', 'a', 'great', 'movie', '[SEP]']);
    expect(Array.from(parsed.layers[0]!.data)).toEqual(Array.from(maps.layers[0]!.data));
  });
});

const CAPTION: ExportCaption = {
  model: 'text-sentiment',
  modelTitle: 'Sentiment (transformer)',
  input: `A warm, funny film <with> "quotes" & ${'more words '.repeat(20)}`,
  prediction: 'positive (96.3 %)',
  view: 'head view · layer 2 · all heads',
  viewParts: ['head-view', 'layer2', 'all-heads'],
};

describe('export captions', () => {
  it('name a file after the model, the view and the date', () => {
    expect(captionFileName(CAPTION, '2026-11-30', 'png')).toBe('text-sentiment_head-view_layer2_all-heads_2026-11-30.png');
    expect(captionFileName({ ...CAPTION, model: 'My Model/v2', viewParts: ['Token heat', ''] }, '2026-11-30', 'attn-maps.json')).toBe(
      'my-model-v2_token-heat_2026-11-30.attn-maps.json',
    );
  });
  it('date an export by the local calendar day', () => {
    expect(exportDate(new Date(2026, 10, 3, 23, 59))).toBe('2026-11-03');
  });
  it('shorten a long input at a word boundary', () => {
    expect(shortenText('one  two\nthree', 80)).toBe('one two three');
    expect(shortenText('alpha beta gamma', 12)).toBe('alpha beta…');
    expect(shortenText('x'.repeat(30), 10)).toBe(`${'x'.repeat(10)}…`);
  });
  it('say the model, the input, the prediction, the view and the date', () => {
    const lines = captionLines(exportMetadata(CAPTION, '2026-11-30'));
    expect(lines[0]).toBe('Model: Sentiment (transformer) (text-sentiment)');
    expect(lines[1]).toMatch(/^Input: “A warm, funny film <with> "quotes" & more words .*…”$/);
    expect(lines[1]!.length).toBeLessThan(140);
    expect(lines.slice(2)).toEqual([
      'Prediction: positive (96.3 %)',
      'View: head view · layer 2 · all heads',
      'Exported 2026-11-30 from Attention Atlas',
    ]);
  });
  it('draw the caption above the figure in a standalone SVG, escaped, with the metadata in <metadata>', () => {
    const figure = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" data-attn-view="head-view"><rect/></svg>';
    const { markup, width, height } = captionedSvgDocument(figure, { width: 300, height: 100 }, exportMetadata(CAPTION, '2026-11-30'));
    expect(width).toBe(420);
    expect(height).toBeGreaterThan(100 + 5 * 17);
    expect(markup).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="420"/);
    expect(markup).toContain('<svg x="0" y="');
    expect(markup).toContain('data-attn-view="head-view"');
    expect(markup).toContain('&lt;with&gt; &quot;quotes&quot; &amp;');
    expect(markup).not.toMatch(/<with>/);
    const metadata = JSON.parse(
      /<metadata>(.*)<\/metadata>/
        .exec(markup)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    expect(metadata).toEqual({ ...exportMetadata(CAPTION, '2026-11-30') });
    expect(metadata.viewParts).toBeUndefined();
    expect([...markup.matchAll(/<text /g)].length).toBeGreaterThanOrEqual(5);
  });
  it('write the same metadata into the JSON, which still reads as attn-maps/v1', () => {
    const maps = mapsOf([shiftedLayer('l0', 2, 5)]);
    const json = JSON.parse(captionedMapsJsonText(maps, exportMetadata(CAPTION, '2026-11-30')));
    expect(json.export).toEqual({
      model: 'text-sentiment',
      modelTitle: 'Sentiment (transformer)',
      input: CAPTION.input,
      prediction: 'positive (96.3 %)',
      view: 'head view · layer 2 · all heads',
      date: '2026-11-30',
      producer: 'Attention Atlas',
    });
    expect(parseAttentionMaps(json).tokens.map((t) => t.label)).toEqual(['[CLS]', 'a', 'great', 'movie', '[SEP]']);
  });
});
