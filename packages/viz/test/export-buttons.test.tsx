// The export buttons: PNG and SVG always, the attn-maps/v1 JSON button only where the view has maps
// (disabled while they load), so a chart without attention does not offer a button that never works.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AttentionMaps } from '@attn/core/format';
import { ExportButtons } from '../src/export-buttons.tsx';
import { shiftedLayer } from './attention-fixtures.ts';

const maps: AttentionMaps = { format: 'attn-maps/v1', model: { id: 'm' }, domain: 'text', tokens: [], layers: [shiftedLayer('l0', 2, 3)] };
const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>([^<]+)<\/button>/g)].map((m) => `${m[2]}${/\sdisabled/.test(m[1]!) ? ' (disabled)' : ''}`);

describe('ExportButtons', () => {
  it('offers the JSON of the maps where the view has them, disabled while they load, and none where it has none', () => {
    const getSvg = () => null;
    expect(buttons(renderToStaticMarkup(<ExportButtons getSvg={getSvg} fileBase="v" maps={maps} />))).toEqual([
      'PNG',
      'SVG',
      'attn-maps/v1 JSON',
    ]);
    expect(buttons(renderToStaticMarkup(<ExportButtons getSvg={getSvg} fileBase="v" maps={null} />))).toEqual([
      'PNG',
      'SVG',
      'attn-maps/v1 JSON (disabled)',
    ]);
    expect(buttons(renderToStaticMarkup(<ExportButtons getSvg={getSvg} fileBase="v" />))).toEqual(['PNG', 'SVG']);
  });
});
