// A small pre-LN transformer encoder classifier as an ONNX model, attention left unfused: each
// layer's Softmax `encoder.layer.<i>.attention.softmax` feeds the context MatMul directly.
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { geluErf, keyPaddingBias, layerNorm, linear, multiHeadSelfAttention, op, weightInput } from './graph-blocks.ts';
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
  for (let i = 0; i < config.layers; i++) {
    const layer = `layers.${i}`;
    specs.push({ name: `${layer}.ln1.gamma`, shape: [d] }, { name: `${layer}.ln1.beta`, shape: [d] });
    for (const p of ['q', 'k', 'v', 'o']) {
      specs.push({ name: `${layer}.attn.w${p}`, shape: [d, d] }, { name: `${layer}.attn.b${p}`, shape: [d] });
    }
    specs.push(
      { name: `${layer}.ln2.gamma`, shape: [d] },
      { name: `${layer}.ln2.beta`, shape: [d] },
      { name: `${layer}.ffn.w1`, shape: [d, ff] },
      { name: `${layer}.ffn.b1`, shape: [ff] },
      { name: `${layer}.ffn.w2`, shape: [ff, d] },
      { name: `${layer}.ffn.b2`, shape: [d] },
    );
  }
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
  const dims = { hidden: config.hidden, heads: config.heads };
  const eps = config.layerNormEps;

  const ids = g.input('input_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);

  const words = op(g, 'Gather', [w('embeddings.word'), ids], 'embeddings.word.gather', { axis: 0 });
  const sequenceLength = op(g, 'Shape', [ids], 'embeddings.position.length', { start: 1, end: 2 });
  const zero = g.constantInt64([0]);
  const positions = op(g, 'Slice', [w('embeddings.position'), zero, sequenceLength, zero], 'embeddings.position.slice');
  let x = op(g, 'Add', [words, positions], 'embeddings.add');
  const keyBias = keyPaddingBias(g, mask, 'encoder.mask');

  for (let i = 0; i < config.layers; i++) {
    const layer = `layers.${i}`;
    const node = `encoder.layer.${i}`;
    const h = layerNorm(g, x, w(`${layer}.ln1.gamma`), w(`${layer}.ln1.beta`), eps, `${node}.ln1`);
    const attention = multiHeadSelfAttention(
      g,
      h,
      keyBias,
      {
        wq: w(`${layer}.attn.wq`), bq: w(`${layer}.attn.bq`),
        wk: w(`${layer}.attn.wk`), bk: w(`${layer}.attn.bk`),
        wv: w(`${layer}.attn.wv`), bv: w(`${layer}.attn.bv`),
        wo: w(`${layer}.attn.wo`), bo: w(`${layer}.attn.bo`),
      },
      dims,
      `${node}.attention`,
    );
    x = op(g, 'Add', [x, attention], `${node}.attention.residual`);
    const h2 = layerNorm(g, x, w(`${layer}.ln2.gamma`), w(`${layer}.ln2.beta`), eps, `${node}.ln2`);
    const inner = geluErf(g, linear(g, h2, w(`${layer}.ffn.w1`), w(`${layer}.ffn.b1`), `${node}.ffn.up`), `${node}.ffn.gelu`);
    const ffn = linear(g, inner, w(`${layer}.ffn.w2`), w(`${layer}.ffn.b2`), `${node}.ffn.down`);
    x = op(g, 'Add', [x, ffn], `${node}.ffn.residual`);
  }

  const final = layerNorm(g, x, w('final_ln.gamma'), w('final_ln.beta'), eps, 'final_ln');
  const pooled = op(g, 'Gather', [final, g.constantInt64([0], [])], 'pooler.cls', { axis: 1 });
  const scores = op(g, 'MatMul', [pooled, w('classifier.w')], 'classifier');
  g.node('Add', [scores, w('classifier.b')], { name: 'classifier.bias', outputs: ['logits'] });
  g.output('logits', 'float32', ['batch', config.numLabels]);
  return g.toBytes();
}
