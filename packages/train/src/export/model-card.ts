// Writes MODEL_CARD.md for a trained text model: intended use and limitations, data and licence, split,
// held-out test metrics of the ONNX file beside the majority class with the confusion matrix, model,
// training with curves, the recipe's selection notes, rebuild commands.
import type { TextModelEvaluation } from '../eval-model.ts';
import type { ClassificationMetrics } from '../metrics.ts';
import { isFinalRefit, type ModelRecipe } from '../recipes.ts';
import { shippedModelDescription } from '../shipped-model-description.ts';
import { confusionTable, historyTable, pct, rebuildSection } from './card-sections.ts';
import type { TrainingHistory } from './training-history.ts';

export interface ModelCardFacts {
  /** The folder's ONNX model run on the recipe's splits: test figures, baseline, confusion matrix. */
  evaluation: TextModelEvaluation;
  /** What training recorded (training-history.json). */
  training: TrainingHistory;
  vocabSize: number;
  onnxSha256: string;
  onnxBytes: number;
}

/** Test figures beside the majority class's (precision is 0 where it never predicts the positive label). */
function metricsRows(m: ClassificationMetrics, majority: ClassificationMetrics, positive?: string): string[] {
  const rows = [`| accuracy | ${pct(m.accuracy)} | ${pct(majority.accuracy)} |`];
  if (positive) {
    rows.push(
      `| ${positive} precision | ${pct(m.precision)} | ${pct(majority.precision)} |`,
      `| ${positive} recall | ${pct(m.recall)} | ${pct(majority.recall)} |`,
      `| ${positive} F1 | ${pct(m.f1)} | ${pct(majority.f1)} |`,
    );
  }
  return rows;
}

/** What the tokenizer, pre-training and fine-tuning were fit on, in words. */
function fitWords(recipe: ModelRecipe): string {
  return isFinalRefit(recipe) ? 'training and validation splits' : 'training split';
}

function pretrainingLines(recipe: ModelRecipe, records: TrainingHistory['pretraining']): string[] {
  const p = recipe.pretraining;
  if (!p || records.length === 0) return [];
  return [
    `Before fine-tuning, the encoder was pre-trained on the texts of the ${fitWords(recipe)} alone (labels unused; ${isFinalRefit(recipe) ? 'test texts' : 'validation and test texts'} never seen) to predict masked words, as BERT is: ${p.maskRate * 100} % of the word tokens are targets, of which 80 % are replaced by [MASK], 10 % by a random word and 10 % kept; the prediction is the final states times the word-embedding matrix (tied) plus a bias that is discarded afterwards. AdamW (weight decay ${p.weightDecay}), learning rate ${p.learningRate} with warm-up over ${p.warmupFraction * 100} % of the steps and linear decay, batch ${p.batchSize}, ${p.epochs} epochs, gradient clipping at ${p.clipNorm}, dropout ${p.dropout.embeddings} / ${p.dropout.attention} / ${p.dropout.hidden} (embeddings / attention / residual).`,
    '',
    '| pre-training epoch | masked-word loss | masked-word acc. | seconds |',
    '|---|---|---|---|',
    ...records.map((r) => `| ${r.epoch} | ${r.loss.toFixed(4)} | ${pct(r.accuracy)} | ${r.seconds.toFixed(1)} |`),
    '',
    `Fine-tuning on the labelled ${fitWords(recipe)}:`,
    '',
  ];
}

/** Who the model is for and where it fails, from the recipe: language, token limit, domain. */
function intendedUseLines(recipe: ModelRecipe, labels: string[]): string[] {
  return [
    '## Intended use and limitations',
    '',
    `- For: showing how ${recipe.architecture.kind === 'transformer-classifier' ? "a small transformer's attention" : "the source article's attention pooling"} behaves on ${recipe.inputKind}, in Attention Atlas's apps and CLI, and teaching. Not for decisions about people or messages: it is a ${labels.join(' / ')} demonstrator trained on one small public data set.`,
    `- English only. The WordPiece vocabulary was learnt from the training texts; words it never saw split into pieces or become [UNK], and text in other languages or scripts is mostly [UNK] — its prediction then means nothing, however confident.`,
    `- Token limit: ${recipe.maxLength} tokens including [CLS] and [SEP], so ${recipe.maxLength - 2} word pieces. Longer texts were truncated in training and evaluation; the apps and the API refuse or truncate them and say which.`,
    `- Domain: figures below hold for ${recipe.inputKind}; expect lower accuracy on other kinds of text (other review sites, social media, long documents), on sarcasm and on mixed verdicts.`,
    '- Attention shows where the model looked, not why it decided: compare it with the drop-token effects the apps show before reading it as an explanation.',
    '',
  ];
}

export function modelCardMarkdown(f: ModelCardFacts): string {
  const { recipe, dataset, splitSizes } = f.evaluation;
  const run = f.training;
  const a = recipe.architecture;
  const t = recipe.training;
  const refit = isFinalRefit(recipe);
  const selection = refit
    ? `Settings and the number of epochs were chosen on the validation split with models fit on the training split (see Notes); this model is a final refit with those settings on train + validation (${splitSizes.train + splitSizes.validation} examples). The test split was used once, for the figures below.`
    : 'Model selection (early stopping, the kept epoch) used the validation split only; the test split was used once, for the figures below.';
  const epochsWords = refit
    ? `${run.epochsRequested} epochs on train + validation with no early stopping; the last epoch is kept`
    : `up to ${run.epochsRequested} epochs with early stopping (patience ${t.patience}) on validation accuracy; the best validation epoch (${run.bestEpoch}) is kept`;
  const validation = f.evaluation.validation;
  const validationLine = validation
    ? `Validation accuracy of the kept epoch (ONNX): ${pct(validation.metrics.accuracy)}.`
    : 'No validation figure: the validation split is part of this final fit.';
  const arch =
    a.kind === 'transformer-classifier'
      ? `pre-LN transformer encoder, ${a.layers} layers, ${a.heads} heads, hidden ${a.hidden}, FFN ${a.intermediate} (GELU, erf), learned positions (max ${recipe.maxLength}), [CLS] pooling, final LayerNorm, linear classifier. Dropout: embeddings ${a.dropout.embeddings}, attention probabilities ${a.dropout.attention}, residual branches and pooled vector ${a.dropout.hidden} (training only).`
      : `the source article's model: word embeddings e_i (dim ${a.hidden}), bilinear self-score s_i = e_iᵀ·W_a·e_i, padding masked, softmax over the tokens (graph node \`pooling.softmax\`, extracted as an attention layer of kind \`pooling\`), attention-weighted sum of the embeddings, linear classifier. Dropout: embeddings ${a.dropout.embeddings}, pooled vector ${a.dropout.pooled} (training only).`;
  const { majority, test } = f.evaluation;
  const notes = recipe.selectionNotes ?? [];
  const lines = [
    `# ${recipe.id}`,
    '',
    `${shippedModelDescription(recipe.id)} Labels: ${dataset.labels.map((l, i) => `${i} = ${l}`).join(', ')}.`,
    '',
    ...intendedUseLines(recipe, dataset.labels),
    '## Data',
    '',
    `- ${dataset.source.title} — ${dataset.source.url}`,
    `- Licence / terms: ${dataset.source.licence}.`,
    `- Citation: ${dataset.source.citation}`,
    `- Files (not in this repository; read from \`ATTN_DATA_DIR\`, default \`../shared/data\`): ${dataset.source.files.map((x) => `\`${x}\``).join(', ')}.`,
    `- Split: stratified per label, shuffled with seed ${recipe.split.seed}: ${splitSizes.train} train / ${splitSizes.validation} validation / ${splitSizes.test} test (${100 * (1 - recipe.split.validation - recipe.split.test)}/${100 * recipe.split.validation}/${100 * recipe.split.test}). ${selection}`,
    '',
    '## Held-out test metrics',
    '',
    `Measured on the ${test.n} test examples by running the exported \`onnx/model.onnx\` with onnxruntime-node (CPU); \`pnpm attn eval ${recipe.id} --json\` recomputes them, the baseline and the confusion matrix.`,
    '',
    `| metric | test | majority class ("${majority.label}" for every text) |`,
    '|---|---|---|',
    ...metricsRows(test.metrics, majority.metrics, recipe.positiveLabel),
    '',
    `The majority class is the most frequent label of the ${fitWords(recipe)}; its row is what a model that ignores the text scores on the same test split.`,
    '',
    validationLine,
    '',
    'Confusion matrix on the test split (rows: true label, columns: predicted label):',
    '',
    ...confusionTable(dataset.labels, f.evaluation.confusion),
    '',
    '## Model',
    '',
    `- Architecture: ${arch}`,
    `- Parameters: ${run.parameterCount.toLocaleString('en-US')}.`,
    `- Tokenizer: WordPiece trained here on the ${fitWords(recipe)} only (BERT normalisation: lower-case, accents stripped; BERT pre-tokenisation; \`##\` continuations), vocabulary ${f.vocabSize} including [PAD] [UNK] [CLS] [SEP] [MASK], minimum pair frequency ${recipe.tokenizer.minFrequency}; sequences are [CLS] … [SEP], truncated to ${recipe.maxLength} tokens. Saved as \`tokenizer.json\` + \`tokenizer_config.json\` (loads with \`@huggingface/transformers\` AutoTokenizer offline).`,
    `- Export: weights written by \`@attn/core\` \`${a.kind === 'transformer-classifier' ? 'buildTransformerClassifier' : 'buildSeedClassifier'}\` into an unfused ONNX graph (opset 17), so the attention probabilities are Softmax outputs the extractor can read. Inputs \`input_ids\`, \`attention_mask\` (int64 [batch, sequence]); output \`logits\` [batch, ${dataset.labels.length}].`,
    `- \`onnx/model.onnx\`: ${(f.onnxBytes / 1024).toFixed(0)} KiB, sha256 \`${f.onnxSha256}\`.`,
    '',
    '## Training',
    '',
    `TensorFlow.js 4.22 (wasm backend) in TypeScript (\`packages/train\`), training seed ${run.trainingSeed} (initialisation, batch order, dropout).`,
    `AdamW (β1 0.9, β2 0.999, weight decay ${t.weightDecay} on matrices and embeddings), learning rate ${t.learningRate} with linear warm-up over ${t.warmupFraction * 100} % of the steps and linear decay, batch ${t.batchSize} (padded to the batch's longest sequence, length-bucketed), label smoothing ${t.labelSmoothing}, word dropout ${t.tokenDropout ?? 0} (training tokens replaced by [MASK]), gradient clipping at global norm ${t.clipNorm}, ${epochsWords}. Initial word embeddings: normal, std ${recipe.embeddingInitStd}; other matrices normal, std 0.02.`,
    `Wall time of the training run (tokenizer, training, export): ${run.trainingSeconds.toFixed(0)} s on one CPU core. The per-epoch records are in \`training-history.json\`.`,
    '',
    ...pretrainingLines(recipe, run.pretraining),
    ...historyTable(run.history, run.bestEpoch),
    '',
    'Training accuracy is measured on the training batches as they were trained (dropout on).',
    '',
    '![training curves](training-curve.svg)',
    '',
    ...(notes.length > 0 ? ['## Notes', '', ...notes, ''] : []),
    ...rebuildSection(recipe.id, run.epochsRequested, run.trainingSeed),
    `\`pnpm attn train ${recipe.id} --card-only\` rewrites this card and the curves from \`training-history.json\` and a fresh evaluation of the committed ONNX file, without training.`,
    '',
  ];
  return lines.join('\n');
}
