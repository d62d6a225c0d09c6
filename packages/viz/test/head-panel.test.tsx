// The attention-heads card: its three tabs, what each view is called in the exports' captions and file names (an enlarged head
// under its own name), and the model view — every layer × head as a small head view, one tab stop, arrow keys between heads.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { HeadGrid } from '../src/head-grid.tsx';
import { HeadPanel, describeHeads, describePanelView } from '../src/head-panel.tsx';
import { ModelView, headLinePaths, moveHeadCursor } from '../src/model-view.tsx';
import { mapsOf, shiftedLayer } from './attention-fixtures.ts';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('describeHeads and describePanelView', () => {
  it('name the heads shown in words and as a file-name part', () => {
    expect(describeHeads([true, true, true])).toEqual({ words: 'all heads', part: 'all-heads' });
    expect(describeHeads([false, true, false])).toEqual({ words: 'head 1', part: 'head1' });
    expect(describeHeads([true, false, true])).toEqual({ words: 'heads 0, 2', part: 'heads0-2' });
    expect(describeHeads([false, false])).toEqual({ words: 'no heads', part: 'no-heads' });
  });
  it('name each tab’s view, and an enlarged head apart from the grid', () => {
    expect(describePanelView('head-view', 2, [true, true], null)).toEqual({
      view: 'head view · layer 2 · all heads',
      viewParts: ['head-view', 'layer2', 'all-heads'],
    });
    expect(describePanelView('model-view', 0, [true], null).viewParts).toEqual(['model-view']);
    expect(describePanelView('head-grid', 0, [true], null).viewParts).toEqual(['head-grid']);
    expect(describePanelView('head-grid', 0, [true], { layer: 1, head: 3 })).toEqual({
      view: 'attention matrix · layer 1 · head 3',
      viewParts: ['attention-matrix', 'layer1', 'head3'],
    });
  });
});

describe('HeadPanel', () => {
  it('offers the head view, the model view and the grid as tabs, the head view first', () => {
    const html = renderToStaticMarkup(<HeadPanel maps={mapsOf([shiftedLayer('l0', 2, 5)])} fileBase="m" />);
    expect([...html.matchAll(/role="tab"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['Head view', 'Model view', 'Layer × head grid']);
    expect(html).toContain('data-attn-view="head-view"');
  });
});

describe('ModelView', () => {
  const layers = [shiftedLayer('l0', 2, 5), shiftedLayer('l1', 3, 5)];
  it('draws every layer × head as a small head view, one tab stop among them', () => {
    const html = renderToStaticMarkup(<ModelView layers={layers} onOpen={() => {}} />);
    expect(count(html, /data-model-view-cell=/g)).toBe(5);
    expect(count(html, /tabindex="0"/g)).toBe(1);
    expect(html).toContain('aria-label="Layer 1, head 2: open in the head view"');
  });
  it('grows its small head views to share the width it is given, between 64 and 160 px a side', () => {
    const side = (width: number) =>
      Number(
        /<rect width="(\d+)" height="\1" fill="#ffffff" stroke/.exec(
          renderToStaticMarkup(<ModelView layers={layers} width={width} onOpen={() => {}} />),
        )?.[1],
      );
    expect(side(400)).toBe(102); // (400 - 64) / 3 - 10
    expect(side(2000)).toBe(160);
    expect(side(200)).toBe(64);
  });
  it('draws a head’s lines as one path per opacity step, each step at the middle of its weights', () => {
    const paths = headLinePaths(layers[0]!, 1, 50);
    // 0.1 falls in step 1 of 16 (0.0625–0.125), 0.6 in step 9 (0.5625–0.625).
    expect(paths.map((p) => p.opacity)).toEqual([1.5 / 16, 9.5 / 16]);
    expect(paths[1]!.d.match(/M/g)).toHaveLength(5);
    expect(paths[0]!.d.match(/M/g)).toHaveLength(20);
    expect(paths[1]!.d.startsWith('M0 5.0L50 15.0')).toBe(true);
  });
  it('leaves out the weakest opacity steps of a head with more lines than it may draw, never the strongest', () => {
    // Head 1: five lines at 0.6 (step 9), twenty at 0.1 (step 1).
    expect(headLinePaths(layers[0]!, 1, 50, 0, 25).map((p) => p.opacity)).toEqual([1.5 / 16, 9.5 / 16]);
    expect(headLinePaths(layers[0]!, 1, 50, 0, 24).map((p) => p.opacity)).toEqual([9.5 / 16]);
    expect(headLinePaths(layers[0]!, 1, 50, 0, 2).map((p) => p.opacity)).toEqual([9.5 / 16]);
  });
  it('moves between heads with the arrow keys, within the grid', () => {
    expect(moveHeadCursor({ layer: 0, head: 0 }, 'ArrowRight', 2, 3)).toEqual({ layer: 0, head: 1 });
    expect(moveHeadCursor({ layer: 0, head: 0 }, 'ArrowUp', 2, 3)).toEqual({ layer: 0, head: 0 });
    expect(moveHeadCursor({ layer: 0, head: 2 }, 'ArrowDown', 2, 3)).toEqual({ layer: 1, head: 2 });
    expect(moveHeadCursor({ layer: 1, head: 0 }, 'Tab', 2, 3)).toBeNull();
  });
});

describe('HeadGrid', () => {
  it('shows the enlarged head it is given (controlled)', () => {
    const layers = [shiftedLayer('l0', 2, 5)];
    const html = renderToStaticMarkup(
      <HeadGrid layers={layers} tokens={mapsOf(layers).tokens} selected={{ layer: 0, head: 1 }} onSelectedChange={() => {}} />,
    );
    expect(html).toContain('data-attn-view="attention-heatmap"');
    expect(html).toContain('Layer 0, head 1');
  });
});
