// Writes MODEL_CARD.md for a trained model: data and licence, split, tokenizer, architecture and
// hyper-parameters, held-out test metrics of the exported ONNX file, curves, rebuild command, sha256.
import type { ClassificationMetrics } from '../metrics.ts';
import { isFinalRefit, type ModelRecipe } from '../recipes.ts';
import type { TextDataset } from '../data/text-dataset.ts';
import type { PretrainEpochRecord } from '../training/pretrain-loop.ts';
import type { EpochRecord } from '../training/train-loop.ts';
import { shippedModelDescription } from '../shipped-model-description.ts';
import { historyTable, pct, rebuildSection } from './card-sections.ts';

export interface ModelCardFacts {
  recipe: ModelRecipe;
  dataset: TextDataset;
  splitSizes: { train: number; validation: number; test: number };
  vocabSize: number;
  trainingSeed: number;
  epochsRequested: number;
  /** Masked-word pre-training epochs; empty when the recipe has none. */
  pretraining: PretrainEpochRecord[];
  history: EpochRecord[];
  bestEpoch: number;
  testMetrics: ClassificationMetrics;
  /** Absent for a final refit, where the validation split was trained on. */
  validationMetrics?: ClassificationMetrics;
  testN: number;
  trainingSeconds: number;
  onnxSha256: string;
  onnxBytes: number;
  parameterCount: number;
}

function metricsRows(m: ClassificationMetrics, positive?: string): string[] {
  const rows = [`| accuracy | ${pct(m.accuracy)} |`];
  if (positive) {
    rows.push(
      `| ${positive} precision | ${pct(m.precision)} |`,
      `| ${positive} recall | ${pct(m.recall)} |`,
      `| ${positive} F1 | ${pct(m.f1)} |`,
    );
  }
  return rows;
}

/** What the tokenizer, pre-training and fine-tuning were fit on, in words. */
function fitWords(recipe: ModelRecipe): string {
  return isFinalRefit(recipe) ? 'training and validation splits' : 'training split';
}

function pretrainingLines(f: ModelCardFacts): string[] {
  const p = f.recipe.pretraining;
  if (!p || f.pretraining.length === 0) return [];
  return [
    `Before fine-tuning, the encoder was pre-trained on the texts of the ${fitWords(f.recipe)} alone (labels unused; ${isFinalRefit(f.recipe) ? 'test texts' : 'validation and test texts'} never seen) to predict masked words, as BERT is: ${p.maskRate * 100} % of the word tokens are targets, of which 80 % are replaced by [MASK], 10 % by a random word and 10 % kept; the prediction is the final states times the word-embedding matrix (tied) plus a bias that is discarded afterwards. AdamW (weight decay ${p.weightDecay}), learning rate ${p.learningRate} with warm-up over ${p.warmupFraction * 100} % of the steps and linear decay, batch ${p.batchSize}, ${p.epochs} epochs, gradient clipping at ${p.clipNorm}, dropout ${p.dropout.embeddings} / ${p.dropout.attention} / ${p.dropout.hidden} (embeddings / attention / residual).`,
    '',
    '| pre-training epoch | masked-word loss | masked-word acc. | seconds |',
    '|---|---|---|---|',
    ...f.pretraining.map((r) => `| ${r.epoch} | ${r.loss.toFixed(4)} | ${pct(r.accuracy)} | ${r.seconds.toFixed(1)} |`),
    '',
    `Fine-tuning on the labelled ${fitWords(f.recipe)}:`,
    '',
  ];
}

export function modelCardMarkdown(f: ModelCardFacts): string {
  const { recipe, dataset } = f;
  const a = recipe.architecture;
  const t = recipe.training;
  const refit = isFinalRefit(recipe);
  const selection = refit
    ? `Settings and the number of epochs were chosen on the validation split with models fit on the training split (see Training); this model is a final refit with those settings on train + validation (${f.splitSizes.train + f.splitSizes.validation} examples). The test split was used once, for the figures below.`
    : 'Model selection (early stopping, the kept epoch) used the validation split only; the test split was used once, for the figures below.';
  const epochsWords = refit
    ? `${f.epochsRequested} epochs on train + validation with no early stopping; the last epoch is kept`
    : `up to ${f.epochsRequested} epochs with early stopping (patience ${t.patience}) on validation accuracy; the best validation epoch (${f.bestEpoch}) is kept`;
  const validationLine = f.validationMetrics
    ? `Validation accuracy of the kept epoch (ONNX): ${pct(f.validationMetrics.accuracy)}.`
    : 'No validation figure: the validation split is part of this final fit.';
  const arch =
    a.kind === 'transformer-classifier'
      ? `pre-LN transformer encoder, ${a.layers} layers, ${a.heads} heads, hidden ${a.hidden}, FFN ${a.intermediate} (GELU, erf), learned positions (max ${recipe.maxLength}), [CLS] pooling, final LayerNorm, linear classifier. Dropout: embeddings ${a.dropout.embeddings}, attention probabilities ${a.dropout.attention}, residual branches and pooled vector ${a.dropout.hidden} (training only).`
      : `the source article's model: word embeddings e_i (dim ${a.hidden}), bilinear self-score s_i = e_iᵀ·W_a·e_i, padding masked, softmax over the tokens (graph node \`pooling.softmax\`, extracted as an attention layer of kind \`pooling\`), attention-weighted sum of the embeddings, linear classifier. Dropout: embeddings ${a.dropout.embeddings}, pooled vector ${a.dropout.pooled} (training only).`;
  const lines = [
    `# ${recipe.id}`,
    '',
    `${shippedModelDescription(recipe.id)} Labels: ${dataset.labels.map((l, i) => `${i} = ${l}`).join(', ')}.`,
    '',
    '## Data',
    '',
    `- ${dataset.source.title} — ${dataset.source.url}`,
    `- Licence / terms: ${dataset.source.licence}.`,
    `- Citation: ${dataset.source.citation}`,
    `- Files (not in this repository; read from \`ATTN_DATA_DIR\`, default \`../shared/data\`): ${dataset.source.files.map((x) => `\`${x}\``).join(', ')}.`,
    `- Split: stratified per label, shuffled with seed ${recipe.split.seed}: ${f.splitSizes.train} train / ${f.splitSizes.validation} validation / ${f.splitSizes.test} test (${100 * (1 - recipe.split.validation - recipe.split.test)}/${100 * recipe.split.validation}/${100 * recipe.split.test}). ${selection}`,
    '',
    '## Held-out test metrics',
    '',
    `Measured on the ${f.testN} test examples by running the exported \`onnx/model.onnx\` with onnxruntime-node (CPU); \`pnpm attn eval ${recipe.id}\` recomputes them.`,
    '',
    '| metric | test |',
    '|---|---|',
    ...metricsRows(f.testMetrics, recipe.positiveLabel),
    '',
    validationLine,
    '',
    '## Model',
    '',
    `- Architecture: ${arch}`,
    `- Parameters: ${f.parameterCount.toLocaleString('en-US')}.`,
    `- Tokenizer: WordPiece trained here on the ${fitWords(recipe)} only (BERT normalisation: lower-case, accents stripped; BERT pre-tokenisation; \`##\` continuations), vocabulary ${f.vocabSize} including [PAD] [UNK] [CLS] [SEP] [MASK], minimum pair frequency ${recipe.tokenizer.minFrequency}; sequences are [CLS] … [SEP], truncated to ${recipe.maxLength} tokens. Saved as \`tokenizer.json\` + \`tokenizer_config.json\` (loads with \`@huggingface/transformers\` AutoTokenizer offline).`,
    `- Export: weights written by \`@attn/core\` \`${a.kind === 'transformer-classifier' ? 'buildTransformerClassifier' : 'buildSeedClassifier'}\` into an unfused ONNX graph (opset 17), so the attention probabilities are Softmax outputs the extractor can read. Inputs \`input_ids\`, \`attention_mask\` (int64 [batch, sequence]); output \`logits\` [batch, ${dataset.labels.length}].`,
    `- \`onnx/model.onnx\`: ${(f.onnxBytes / 1024).toFixed(0)} KiB, sha256 \`${f.onnxSha256}\`.`,
    '',
    '## Training',
    '',
    `TensorFlow.js 4.22 (wasm backend) in TypeScript (\`packages/train\`), training seed ${f.trainingSeed} (initialisation, batch order, dropout).`,
    `AdamW (β1 0.9, β2 0.999, weight decay ${t.weightDecay} on matrices and embeddings), learning rate ${t.learningRate} with linear warm-up over ${t.warmupFraction * 100} % of the steps and linear decay, batch ${t.batchSize} (padded to the batch's longest sequence, length-bucketed), label smoothing ${t.labelSmoothing}, word dropout ${t.tokenDropout ?? 0} (training tokens replaced by [MASK]), gradient clipping at global norm ${t.clipNorm}, ${epochsWords}. Initial word embeddings: normal, std ${recipe.embeddingInitStd}; other matrices normal, std 0.02.`,
    ...(recipe.selectionNotes ?? []),
    `Wall time of the whole run (tokenizer, training, export, evaluation): ${f.trainingSeconds.toFixed(0)} s on one CPU core.`,
    '',
  ];
  lines.push(
    ...pretrainingLines(f),
    ...historyTable(f.history, f.bestEpoch),
    '',
    'Training accuracy is measured on the training batches as they were trained (dropout on).',
    '',
    '![training curves](training-curve.svg)',
    '',
    ...rebuildSection(recipe.id, f.epochsRequested, f.trainingSeed),
  );
  return lines.join('\n');
}
