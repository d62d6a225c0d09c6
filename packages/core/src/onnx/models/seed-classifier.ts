// The article's model as a classifier: word embeddings, bilinear self-scores, a masked Softmax
// `pooling.softmax` over the tokens, attention-weighted pooling, and a linear classifier.
import { GraphBuilder } from '../graph-builder.ts';
import { bilinearSelfScore, linear, op, paddingBias, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface SeedClassifierConfig {
  vocabSize: number;
  hidden: number;
  numLabels: number;
}

/** The weights: `embeddings.word` [V,d], `pooling.wa` [d,d], `classifier.w` [d,C], `classifier.b` [C]. */
export function seedClassifierWeightSpecs(config: SeedClassifierConfig): WeightSpec[] {
  return [
    { name: 'embeddings.word', shape: [config.vocabSize, config.hidden] },
    { name: 'pooling.wa', shape: [config.hidden, config.hidden] },
    { name: 'classifier.w', shape: [config.hidden, config.numLabels] },
    { name: 'classifier.b', shape: [config.numLabels] },
  ];
}

/**
 * Inputs `input_ids` and `attention_mask` int64 [batch, sequence]; output `logits` float32
 * [batch, numLabels]. The rank-2 Softmax `pooling.softmax` [batch, sequence] reaches the pooling
 * MatMul's left operand through an Unsqueeze to [batch, 1, sequence].
 */
export function buildSeedClassifier(config: SeedClassifierConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'seed-classifier';
  for (const key of ['vocabSize', 'hidden', 'numLabels'] as const) requirePositiveConfigInteger(model, key, config[key]);
  const specs = seedClassifierWeightSpecs(config);
  const values = resolveWeights(model, specs, weights, seed);
  const g = new GraphBuilder(model);
  const ids = g.input('input_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);
  const [word, wa, classifierW, classifierB] = specs.map((spec) => weightInput(g, values, spec.name, spec.shape)) as [
    string,
    string,
    string,
    string,
  ];

  const embeddings = op(g, 'Gather', [word, ids], 'embeddings.word.gather', { axis: 0 });
  const scores = bilinearSelfScore(g, embeddings, wa, 'pooling.score');
  const masked = op(g, 'Add', [scores, paddingBias(g, mask, 'pooling.mask')], 'pooling.mask.add');
  const attention = op(g, 'Softmax', [masked], 'pooling.softmax', { axis: -1 });
  const row = op(g, 'Unsqueeze', [attention, g.constantInt64([1])], 'pooling.unsqueeze');
  const pooledRow = op(g, 'MatMul', [row, embeddings], 'pooling.context');
  const pooled = op(g, 'Squeeze', [pooledRow, g.constantInt64([1])], 'pooling.squeeze');
  const scoresOut = linear(g, pooled, classifierW, classifierB, 'classifier');
  g.node('Identity', [scoresOut], { name: 'logits', outputs: ['logits'] });
  g.output('logits', 'float32', ['batch', config.numLabels]);
  return g.toBytes();
}
