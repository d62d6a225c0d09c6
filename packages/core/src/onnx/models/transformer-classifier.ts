// A small pre-LN transformer encoder classifier as an ONNX model, attention left unfused: each
// layer's Softmax `encoder.layer.<i>.attention.softmax` feeds the context MatMul directly.
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { keyPaddingBias, layerNorm, op, preLnEncoderLayer, preLnEncoderLayerWeightSpecs, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface TransformerClassifierConfig {
  vocabSize: number;
  maxLength: number;
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  numLabels: number;
  layerNormEps: number;
}

/** Every weight of the classifier in graph order, with its shape (matrices [in, out]). */
export function transformerClassifierWeightSpecs(config: TransformerClassifierConfig): WeightSpec[] {
  const { vocabSize, maxLength, hidden: d, intermediate: ff, numLabels } = config;
  const specs: WeightSpec[] = [
    { name: 'embeddings.word', shape: [vocabSize, d] },
    { name: 'embeddings.position', shape: [maxLength, d] },
  ];
  for (let i = 0; i < config.layers; i++) specs.push(...preLnEncoderLayerWeightSpecs(i, d, ff));
  specs.push(
    { name: 'final_ln.gamma', shape: [d] },
    { name: 'final_ln.beta', shape: [d] },
    { name: 'classifier.w', shape: [d, numLabels] },
    { name: 'classifier.b', shape: [numLabels] },
  );
  return specs;
}

function validateConfig(model: string, config: TransformerClassifierConfig): void {
  for (const key of ['vocabSize', 'maxLength', 'hidden', 'heads', 'layers', 'intermediate', 'numLabels'] as const) {
    requirePositiveConfigInteger(model, key, config[key]);
  }
  if (config.hidden % config.heads !== 0) {
    throw new AttentionError('E_INPUT', `${model} config.hidden (${config.hidden}) must be divisible by config.heads (${config.heads})`);
  }
  if (!(config.layerNormEps > 0)) {
    throw new AttentionError('E_INPUT', `${model} config.layerNormEps must be positive, got ${String(config.layerNormEps)}`);
  }
}

/**
 * Inputs `input_ids` and `attention_mask` int64 [batch, sequence]; output `logits` float32
 * [batch, numLabels] from the final-LayerNorm state of position 0 ([CLS]).
 */
export function buildTransformerClassifier(config: TransformerClassifierConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'transformer-classifier';
  validateConfig(model, config);
  const specs = transformerClassifierWeightSpecs(config);
  const values = resolveWeights(model, specs, weights, seed);
  const shapes = new Map(specs.map((spec) => [spec.name, spec.shape]));
  const g = new GraphBuilder(model);
  const w = (name: string): string => weightInput(g, values, name, shapes.get(name) ?? []);
  const dims = { hidden: config.hidden, heads: config.heads, layerNormEps: config.layerNormEps };

  const ids = g.input('input_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);

  const words = op(g, 'Gather', [w('embeddings.word'), ids], 'embeddings.word.gather', { axis: 0 });
  const sequenceLength = op(g, 'Shape', [ids], 'embeddings.position.length', { start: 1, end: 2 });
  const zero = g.constantInt64([0]);
  const positions = op(g, 'Slice', [w('embeddings.position'), zero, sequenceLength, zero], 'embeddings.position.slice');
  let x = op(g, 'Add', [words, positions], 'embeddings.add');
  const keyBias = keyPaddingBias(g, mask, 'encoder.mask');

  for (let i = 0; i < config.layers; i++) x = preLnEncoderLayer(g, x, keyBias, w, i, dims);

  const final = layerNorm(g, x, w('final_ln.gamma'), w('final_ln.beta'), config.layerNormEps, 'final_ln');
  const pooled = op(g, 'Gather', [final, g.constantInt64([0], [])], 'pooler.cls', { axis: 1 });
  const scores = op(g, 'MatMul', [pooled, w('classifier.w')], 'classifier');
  g.node('Add', [scores, w('classifier.b')], { name: 'classifier.bias', outputs: ['logits'] });
  g.output('logits', 'float32', ['batch', config.numLabels]);
  return g.toBytes();
}
