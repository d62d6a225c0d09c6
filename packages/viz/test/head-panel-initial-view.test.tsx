// The heads card opened on a given view (a shared link's tab, layer and heads): that tab selected, that layer chosen and only
// those heads' chips on; without one, the head view of layer 0 with every head.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { HeadPanel } from '../src/head-panel.tsx';
import { mapsOf, shiftedLayer } from './attention-fixtures.ts';

const maps = mapsOf([shiftedLayer('l0', 3, 5), shiftedLayer('l1', 3, 5)]);
const selectedTab = (html: string) => /aria-selected="true"[^>]*>([^<]+)</.exec(html)?.[1];

describe('HeadPanel initialView', () => {
  it('opens on the tab, layer and heads given', () => {
    const html = renderToStaticMarkup(<HeadPanel maps={maps} fileBase="m" initialView={{ layer: 1, activeHeads: [false, true, false] }} />);
    expect(selectedTab(html)).toBe('Head view');
    expect(html).toMatch(/<option value="1" selected="">layer 1<\/option>/);
    expect([...html.matchAll(/aria-pressed="true"[^>]*><span[^>]*><\/span>head (\d)/g)].map((m) => m[1])).toEqual(['1']);
    expect(selectedTab(renderToStaticMarkup(<HeadPanel maps={maps} fileBase="m" initialView={{ tab: 'model-view' }} />))).toBe(
      'Model view',
    );
  });

  it('falls back to layer 0 and every head without one', () => {
    const html = renderToStaticMarkup(<HeadPanel maps={maps} fileBase="m" />);
    expect(html).toMatch(/<option value="0" selected="">layer 0<\/option>/);
    expect(html.match(/aria-pressed="true"[^>]*><span[^>]*><\/span>head \d/g)).toHaveLength(3);
  });
});
