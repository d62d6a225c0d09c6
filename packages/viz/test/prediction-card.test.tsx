// The prediction card: the label with its probability, the provider that ran and why others were skipped,
// the latency split named by the domain, and the size of the attention in the domain's own nouns.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AttentionMaps } from '@attn/core/format';
import { PredictionCard } from '../src/prediction-card.tsx';
import type { ExplainView } from '../src/use-explain.ts';
import { shiftedLayer } from './attention-fixtures.ts';

const tokens = Array.from({ length: 17 }, (_, i) => ({ label: String(i) }));
const maps: AttentionMaps = { format: 'attn-maps/v1', model: { id: 'm' }, domain: 'image', tokens, layers: [shiftedLayer('l0', 4, 17)] };
const view = {
  body: {
    model: 'm',
    prediction: { label: '7', scores: { '7': 0.9, '1': 0.1 } },
    attention: {},
    timings: { preprocessMs: 3, runMs: 1.5, totalMs: 5 },
    provider: { requested: 'cuda', used: 'cpu', skipped: [{ provider: 'cuda', reason: 'no CUDA libraries' }] },
  },
  maps,
  request: { input: {} },
  roundTripMs: 20,
} as unknown as ExplainView;

describe('PredictionCard', () => {
  it('shows the prediction, the provider with its fallback reason, the latency and the attention size', () => {
    const html = renderToStaticMarkup(<PredictionCard view={view} preprocessLabel="decode and resize" positionName="patch" />);
    expect(html).toContain('<strong>7</strong>');
    expect(html).toContain('(90.0 %)');
    expect(html).toMatch(/cpu<span class="hint"> \(requested cuda\)/);
    expect(html).toContain('<strong>cuda</strong> skipped: no CUDA libraries');
    expect(html).toContain('decode and resize 3.0 ms');
    expect(html).toContain('1 layer × 4 heads, 17 patches');
  });
});
