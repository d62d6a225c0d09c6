// What the encoder models (text classifier, ViT, SASRec) share around their own embeddings: config
// checks, the graph with its weight lookup, the pre-LN layer stack with its final LayerNorm, the [CLS] head.
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { layerNorm, op, preLnEncoderLayer, preLnEncoderLayerWeightSpecs, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface EncoderStackConfig {
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  layerNormEps: number;
}

/** Checks the stack's sizes and the model's own positive integers (`ownKeys`); errors name `config.<key>`. */
export function checkEncoderConfig<Config extends EncoderStackConfig>(
  model: string,
  config: Config,
  ownKeys: readonly (keyof Config & string)[],
): void {
  for (const key of [...ownKeys, 'hidden', 'heads', 'layers', 'intermediate'] as const) {
    requirePositiveConfigInteger(model, key, config[key] as number);
  }
  if (config.hidden % config.heads !== 0) {
    throw new AttentionError('E_INPUT', `${model} config.hidden (${config.hidden}) must be divisible by config.heads (${config.heads})`);
  }
  if (!(config.layerNormEps > 0)) {
    throw new AttentionError('E_INPUT', `${model} config.layerNormEps must be positive, got ${String(config.layerNormEps)}`);
  }
}

/** The weights of the layers (`layers.<i>.*`) and of the final LayerNorm (`final_ln.*`). */
export function encoderStackWeightSpecs(config: EncoderStackConfig): WeightSpec[] {
  const specs: WeightSpec[] = [];
  for (let i = 0; i < config.layers; i++) specs.push(...preLnEncoderLayerWeightSpecs(i, config.hidden, config.intermediate));
  specs.push({ name: 'final_ln.gamma', shape: [config.hidden] }, { name: 'final_ln.beta', shape: [config.hidden] });
  return specs;
}

/** The [CLS] classifier's weights: `classifier.w` [hidden, labels], `classifier.b` [labels]. */
export function clsClassifierWeightSpecs(hidden: number, numLabels: number): WeightSpec[] {
  return [
    { name: 'classifier.w', shape: [hidden, numLabels] },
    { name: 'classifier.b', shape: [numLabels] },
  ];
}

/** A graph named `model` and `w(name)`, which adds weight `name` (given, or seeded) as an initializer. */
export function modelGraph(
  model: string,
  specs: WeightSpec[],
  weights: ModelWeights | undefined,
  seed: number,
): { g: GraphBuilder; w: (name: string) => string } {
  const values = resolveWeights(model, specs, weights, seed);
  const shapes = new Map(specs.map((spec) => [spec.name, spec.shape]));
  const g = new GraphBuilder(model);
  return { g, w: (name) => weightInput(g, values, name, shapes.get(name) ?? []) };
}

/** x [B,S,d] through the pre-LN layers (attention bias as in multiHeadSelfAttention) and the final LayerNorm. */
export function encoderStack(
  g: GraphBuilder,
  x: string,
  attentionBias: string | undefined,
  w: (name: string) => string,
  config: EncoderStackConfig,
): string {
  const dims = { hidden: config.hidden, heads: config.heads, layerNormEps: config.layerNormEps };
  let h = x;
  for (let i = 0; i < config.layers; i++) h = preLnEncoderLayer(g, h, attentionBias, w, i, dims);
  return layerNorm(g, h, w('final_ln.gamma'), w('final_ln.beta'), config.layerNormEps, 'final_ln');
}

/** Graph output `logits` float32 [batch, numLabels]: the classifier on position 0 ([CLS]) of `encoded`. */
export function clsClassifierHead(g: GraphBuilder, encoded: string, w: (name: string) => string, numLabels: number): void {
  const pooled = op(g, 'Gather', [encoded, g.constantInt64([0], [])], 'pooler.cls', { axis: 1 });
  const scores = op(g, 'MatMul', [pooled, w('classifier.w')], 'classifier');
  g.node('Add', [scores, w('classifier.b')], { name: 'classifier.bias', outputs: ['logits'] });
  g.output('logits', 'float32', ['batch', numLabels]);
}
