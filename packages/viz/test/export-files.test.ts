// Tests of the pure export helpers: safe file names, standalone SVG markup, attn-maps/v1 JSON text.
import { describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import { attentionMapsJsonText, exportFileName, standaloneSvgMarkup } from '../src/export-files.ts';
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
