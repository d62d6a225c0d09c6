// The playground's weights as an attn-maps/v1 document, for the JSON export (and /open): one pooling layer
// per normalisation that is defined here, over the tokens e1…en.
import { ATTN_MAPS_FORMAT, type AttentionLayer, type AttentionMaps } from '@attn/core/format';
import { tokenLabel } from './playground-grid.ts';
import type { PlaygroundResults } from './playground-results.ts';

export function playgroundMaps(results: PlaygroundResults): AttentionMaps {
  const layers = (['linear', 'softmax'] as const).flatMap((normalisation): AttentionLayer[] => {
    const weights = results[normalisation];
    if (!weights.ok) return [];
    return [
      {
        name: `article attention, ${normalisation} normalisation`,
        kind: 'pooling',
        shape: [1, 1, 1, results.tokens],
        data: weights.weights,
      },
    ];
  });
  return {
    format: ATTN_MAPS_FORMAT,
    model: { id: 'article-playground' },
    domain: 'article',
    tokens: Array.from({ length: results.tokens }, (_, i) => ({ label: tokenLabel(i) })),
    layers,
  };
}
