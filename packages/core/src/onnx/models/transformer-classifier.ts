// A small pre-LN transformer encoder classifier as an ONNX model, attention left unfused: each
// layer's Softmax `encoder.layer.<i>.attention.softmax` feeds the context MatMul directly.
import {
  checkEncoderConfig,
  clsClassifierHead,
  clsClassifierWeightSpecs,
  encoderStack,
  encoderStackWeightSpecs,
  modelGraph,
} from './encoder-stack.ts';
import { keyPaddingBias, op } from './graph-blocks.ts';
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

/**
 * The shape of BERT-base (12 layers × 12 heads, hidden 768, FFN 3072, 512 positions, WordPiece vocabulary of 30,522):
 * what the benchmark and the long-input tests build with seeded RANDOM weights — a fixture, never a trained model.
 */
export const BERT_BASE_SHAPE: Readonly<TransformerClassifierConfig> = Object.freeze({
  vocabSize: 30522,
  maxLength: 512,
  hidden: 768,
  heads: 12,
  layers: 12,
  intermediate: 3072,
  numLabels: 2,
  layerNormEps: 1e-12,
});

/** Every weight of the classifier in graph order, with its shape (matrices [in, out]). */
export function transformerClassifierWeightSpecs(config: TransformerClassifierConfig): WeightSpec[] {
  return [
    { name: 'embeddings.word', shape: [config.vocabSize, config.hidden] },
    { name: 'embeddings.position', shape: [config.maxLength, config.hidden] },
    ...encoderStackWeightSpecs(config),
    ...clsClassifierWeightSpecs(config.hidden, config.numLabels),
  ];
}

/**
 * Inputs `input_ids` and `attention_mask` int64 [batch, sequence]; output `logits` float32
 * [batch, numLabels] from the final-LayerNorm state of position 0 ([CLS]).
 */
export function buildTransformerClassifier(config: TransformerClassifierConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'transformer-classifier';
  checkEncoderConfig(model, config, ['vocabSize', 'maxLength', 'numLabels']);
  const { g, w } = modelGraph(model, transformerClassifierWeightSpecs(config), weights, seed);

  const ids = g.input('input_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);

  const words = op(g, 'Gather', [w('embeddings.word'), ids], 'embeddings.word.gather', { axis: 0 });
  const sequenceLength = op(g, 'Shape', [ids], 'embeddings.position.length', { start: 1, end: 2 });
  const zero = g.constantInt64([0]);
  const positions = op(g, 'Slice', [w('embeddings.position'), zero, sequenceLength, zero], 'embeddings.position.slice');
  const embedded = op(g, 'Add', [words, positions], 'embeddings.add');

  const encoded = encoderStack(g, embedded, keyPaddingBias(g, mask, 'encoder.mask'), w, config);
  clsClassifierHead(g, encoded, w, config.numLabels);
  return g.toBytes();
}
