// Writes MODEL_CARD.md for a trained image model: data and licence, split and generator seeds,
// preprocessing, held-out metrics of the ONNX file beside chance, deletion curve, training, rebuild.
import type { DigitDataset } from '../data/mnist.ts';
import type { ImageModelRecipe } from '../image-recipes.ts';
import type { EpochRecord } from '../training/train-loop.ts';
import { historyTable, pct, rebuildSection } from './card-sections.ts';
import type { DeletionStudy } from './deletion-study.ts';
import type { ImageEvaluation } from './evaluate-image-onnx.ts';
import { shippedModelDescription } from '../shipped-model-description.ts';

export interface ImageModelCardFacts {
  recipe: ImageModelRecipe;
  dataset: Omit<DigitDataset, 'examples'>;
  splitSizes: { train: number; validation: number; test: number };
  trainingSeed: number;
  epochsRequested: number;
  history: EpochRecord[];
  bestEpoch: number;
  test: ImageEvaluation;
  validation: ImageEvaluation;
  deletion: DeletionStudy;
  /** How the settings were chosen (the recipe's section of image-recipes.notes.md). */
  selectionNotes: string[];
  trainingSeconds: number;
  onnxSha256: string;
  onnxBytes: number;
  parameterCount: number;
}

function dataLines(f: ImageModelCardFacts): string[] {
  const { recipe } = f;
  const data = recipe.data;
  const n = recipe.normalisation;
  const preprocessing = `Preprocessing (\`preprocessor_config.json\`, ViTImageProcessor): one grey channel, white digit on black, resized to ${recipe.imageSize}×${recipe.imageSize}, rescaled by 1/255, normalised with mean ${n.mean} and std ${n.std}; a blank (background) pixel becomes ${(-n.mean / n.std).toFixed(4)}.`;
  if (data.kind === 'digits') {
    return [
      `- Images: the ${recipe.imageSize}×${recipe.imageSize} digits as they are. Augmentation: every training epoch shifts each training image by a random whole number of pixels, up to ${data.maxShift} in each direction (uncovered border black). Validation and test images are never shifted.`,
      `- ${preprocessing}`,
    ];
  }
  const c = data.clutter;
  return [
    `- Images: cluttered translated digits, generated here (\`clutteredDigits\`): a ${c.canvasSize}×${c.canvasSize} black canvas, the ${c.digitSize}×${c.digitSize} digit pasted at a uniformly random position, then ${c.fragments} fragments of ${c.fragmentSize}×${c.fragmentSize} pixels cut from other digits of the same split (re-drawn until one holds at least ${c.minFragmentInk} ink pixels, 20 tries at most) pasted at random positions (the brighter pixel wins where they overlap). Each image keeps its digit's tight ink box in canvas pixels. Validation and test canvases are fixed (generator seeds ${data.validationSeed} and ${data.testSeed}); the training canvases are drawn afresh every epoch (augmentation), from the training digits only.`,
    `- ${preprocessing}`,
  ];
}

function metricsTable(f: ImageModelCardFacts): string[] {
  const { test, validation, deletion } = f;
  const rows = [
    '| metric | test | chance | validation |',
    '|---|---|---|---|',
    `| accuracy | ${pct(test.metrics.accuracy)} | 10.00 % | ${pct(validation.metrics.accuracy)} |`,
  ];
  if (test.metrics.pointing !== undefined) {
    rows.push(
      `| pointing game ([CLS] rollout peak patch inside the digit's box) | ${pct(test.metrics.pointing)} | ${pct(test.baseline?.pointing)} | ${pct(validation.metrics.pointing)} |`,
      `| rollout mass in the box | ${pct(test.metrics.mass_in_box)} | ${pct(test.baseline?.mass_in_box)} | ${pct(validation.metrics.mass_in_box)} |`,
    );
  }
  rows.push(
    `| deletion: area between the random and the rollout curve (mean ± s.e.) | ${deletion.meanArea.toFixed(4)} ± ${deletion.areaStandardError.toFixed(4)} | 0 | – |`,
  );
  return rows;
}

export function imageModelCardMarkdown(f: ImageModelCardFacts): string {
  const { recipe, dataset } = f;
  const a = recipe.architecture;
  const t = recipe.training;
  const grid = recipe.imageSize / a.patchSize;
  const regionWords =
    f.test.metrics.pointing === undefined
      ? ''
      : " The region figures use the [CLS] row of attention rollout (@attn/core `attentionRollout`: heads averaged, ½A + ½I per layer, no discarding) over the patches, the [CLS] key left out and the rest renormalised; a patch is inside the digit's box when its centre is (edges included). Chance for both is the share of patches inside the box, averaged over the images: where a random patch would land, and the mass uniform attention would put there.";
  const lines = [
    `# ${recipe.id}`,
    '',
    `${shippedModelDescription(recipe.id)} Labels: the digits ${dataset.labels.join(', ')} (label i = digit i).`,
    '',
    '## Data',
    '',
    `- ${dataset.source.title} — ${dataset.source.url}`,
    `- Licence / terms: ${dataset.source.licence}.`,
    `- Citation: ${dataset.source.citation}`,
    `- Files (not in this repository; read from \`ATTN_DATA_DIR\`, default \`../shared/data\`): ${dataset.source.files.map((x) => `\`${x}\``).join(', ')}. Only MNIST's 10,000-image test split is available here, so it is split again.`,
    `- Split: stratified per label, shuffled with seed ${recipe.split.seed}: ${f.splitSizes.train} train / ${f.splitSizes.validation} validation / ${f.splitSizes.test} test. Early stopping and every setting were chosen on the validation split; the test split was used once, for the figures below.`,
    ...dataLines(f),
    '',
    '## Held-out test metrics',
    '',
    `Measured on the ${f.test.n} test images by running the exported \`onnx/model.onnx\` with onnxruntime-node (CPU), attention read from its Softmax nodes; \`pnpm attn eval ${recipe.id} --json\` recomputes them.${regionWords}`,
    '',
    ...metricsTable(f),
    '',
    '## Deletion curve (faithfulness)',
    '',
    `For each test image, its ${f.deletion.patches} patches are blanked (set to the background value) in [CLS]-rollout order (most attended first) and in a random order (seed ${f.deletion.seed} + the image's position in the test split), and the model's probability of the true class is recorded with ${f.deletion.steps.join(', ')} patches blanked (@attn/core \`compareDeletionOrders\`). The area between the random and the rollout curve, over the fraction blanked (0–1), is positive when removing what attention ranks first hurts the prediction faster than chance; its mean over the test split is in the table above.`,
    '',
    '![deletion curves](deletion-curve.svg)',
    '',
    '## Model',
    '',
    `- Architecture: vision transformer (ViT), ${recipe.imageSize}×${recipe.imageSize}×1 input, ${a.patchSize}×${a.patchSize} patches (${grid}×${grid} = ${grid * grid}, embedded by a Conv with kernel = stride = ${a.patchSize}), a learned [CLS] token at position 0 and learned position embeddings, pre-LN encoder of ${a.layers} layers, ${a.heads} heads, hidden ${a.hidden}, FFN ${a.intermediate} (GELU, erf), final LayerNorm, linear classifier on [CLS]. Dropout: embeddings ${a.dropout.embeddings}, attention probabilities ${a.dropout.attention}, residual branches and the pooled vector ${a.dropout.hidden} (training only).`,
    `- Parameters: ${f.parameterCount.toLocaleString('en-US')}.`,
    `- Export: weights written by \`@attn/core\` \`buildVisionTransformer\` into an unfused ONNX graph (opset 17). Input \`pixel_values\` float32 [batch, 1, ${recipe.imageSize}, ${recipe.imageSize}]; output \`logits\` [batch, ${dataset.labels.length}]. Layer i's attention is the Softmax \`encoder.layer.<i>.attention.softmax\`, [batch, ${a.heads}, ${grid * grid + 1}, ${grid * grid + 1}], keys [CLS] then the patches row by row. \`config.json\` and \`preprocessor_config.json\` are those Transformers writes for \`ViTForImageClassification\`.`,
    `- \`onnx/model.onnx\`: ${(f.onnxBytes / 1024).toFixed(0)} KiB, sha256 \`${f.onnxSha256}\`.`,
    `- Examples: \`examples.json\` names a dozen test images (label${recipe.data.kind === 'digits' ? '' : ', digit box'}) saved as PNG in \`examples/\` (raw pixels, white digit on black).`,
    '',
    '## Training',
    '',
    `TensorFlow.js 4.22 (wasm backend) in TypeScript (\`packages/train\`), training seed ${f.trainingSeed} (initialisation, batch order, augmentation, dropout). The tfjs model computes the same function as the ONNX graph (checked: logits within 1e-4).`,
    `AdamW (β1 0.9, β2 0.999, weight decay ${t.weightDecay} on matrices, the patch kernel, [CLS] and positions), learning rate ${t.learningRate} with linear warm-up over ${t.warmupFraction * 100} % of the steps and linear decay, batch ${t.batchSize}, label smoothing ${t.labelSmoothing}, gradient clipping at global norm ${t.clipNorm}, up to ${f.epochsRequested} epochs with early stopping (patience ${t.patience}) on validation accuracy; the best validation epoch (${f.bestEpoch}) is kept. Initial weights normal, std 0.02 (LayerNorm γ 1, biases 0).`,
    `Wall time of the whole run (data, training, export, evaluation, deletion study): ${f.trainingSeconds.toFixed(0)} s on one CPU core.`,
    '',
    '### How the settings were chosen',
    '',
    ...f.selectionNotes,
    '',
    ...historyTable(f.history, f.bestEpoch),
    '',
    'Training accuracy is measured on the (augmented) training batches as they were trained (dropout on).',
    '',
    '![training curves](training-curve.svg)',
    '',
    ...rebuildSection(recipe.id, f.epochsRequested, f.trainingSeed),
  ];
  return lines.join('\n');
}
