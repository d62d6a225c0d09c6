// Server-rendered markup of the patch views and the deletion chart: shaded, titled patches over the
// picture, the box and the marked patch, one selectable thumbnail per head, and the two d3 curves.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttentionHeatmap } from '../src/attention-heatmap.tsx';
import { DeletionCurveChart } from '../src/deletion-curve-chart.tsx';
import { PatchOverlay } from '../src/patch-overlay.tsx';
import { PatchSmallMultiples } from '../src/patch-small-multiples.tsx';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';

describe('PatchOverlay', () => {
  const weights = [0.1, 0.2, 0.3, 0.4];
  it('draws the picture and one titled patch per weight, clear at the lowest and coloured at the highest, with the range in the legend', () => {
    const html = renderToStaticMarkup(
      <PatchOverlay imageHref={IMAGE} gridSize={2} weights={weights} size={200} imageSize={28} caption="rollout" />,
    );
    expect(html).toContain('data-attn-view="patch-overlay"');
    expect(html).toContain(`href="${IMAGE}"`);
    expect(count(html, /data-patch="/g)).toBe(4);
    expect(html).toContain('<title>patch 1,1: 0.400</title>');
    expect(html).toContain('fill-opacity="0.75"');
    expect(html).toContain('fill-opacity="0"');
    expect(html).toContain('Colour scale: attention weight from 0.100 to 0.400');
    expect(html).toContain('rollout');
    expect(html).not.toContain('data-overlay-box');
  });
  it('outlines a box in picture pixels and marks a patch', () => {
    const html = renderToStaticMarkup(
      <PatchOverlay
        imageHref={IMAGE}
        gridSize={2}
        weights={weights}
        size={200}
        imageSize={64}
        box={{ x: 32, y: 0, width: 16, height: 32 }}
        markedPatch={1}
      />,
    );
    expect(html).toMatch(/data-overlay-box="" x="100" y="0" width="50" height="100"/);
    expect(html).toContain('translate(150 50)');
    expect(html).toContain('patch 0,1 marked');
  });
});

describe('PatchSmallMultiples', () => {
  it('draws one labelled, keyboard-reachable thumbnail per head, the chosen one pressed', () => {
    const html = renderToStaticMarkup(
      <PatchSmallMultiples
        imageHref={IMAGE}
        gridSize={2}
        headWeights={[
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 1, 0],
        ]}
        selectedHead={2}
        onSelectHead={() => undefined}
        caption="layer 1"
      />,
    );
    expect(count(html, /data-small-multiple="/g)).toBe(3);
    expect(count(html, /tabindex="0"/g)).toBe(3);
    expect(count(html, /aria-pressed="true"/g)).toBe(1);
    expect(html).toContain('head 2');
  });
});

describe('DeletionCurveChart', () => {
  it('draws both curves through d3 paths with the area between them, and says where they end', () => {
    const html = renderToStaticMarkup(
      <DeletionCurveChart
        steps={[0, 1, 2, 4]}
        ranked={[0.9, 0.5, 0.2, 0.1]}
        random={[0.9, 0.8, 0.7, 0.1]}
        elementName="patches"
        scoreName="P(7)"
      />,
    );
    expect(html).toContain('data-attn-view="deletion-curve"');
    expect(count(html, /data-deletion-series=/g)).toBe(2);
    expect(html).toMatch(/data-deletion-series="most-attended first"/);
    expect(html).toMatch(/<path d="M48,[\d.]+L/);
    expect(html).toContain('data-deletion-area');
    expect(html).toContain('most-attended first ends at 0.100, random order at 0.100');
    expect(html).toContain('patches deleted');
  });
});

describe('AttentionHeatmap valueName', () => {
  it('names the values in the legend and the readout, and is wide enough for its title and readout', () => {
    const html = renderToStaticMarkup(
      <AttentionHeatmap
        matrix={{ rows: 1, cols: 2, values: Float32Array.from([1.5, 2.5]) }}
        rowLabels={['layer 0']}
        colLabels={['head 0', 'head 1']}
        valueName="mean distance (patches)"
      />,
    );
    expect(html).toContain('Colour scale: mean distance (patches) from 0 to 2.500');
    expect(html).toContain('to read its mean distance (patches).');
    expect(Number(/<svg[^>]* width="([\d.]+)"/.exec(html)?.[1])).toBeGreaterThan(300);
  });
});
