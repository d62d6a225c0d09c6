// Writes MODEL_CARD.md for a trained recommender: data and licence, the leave-one-out split,
// held-out ranking metrics of the ONNX file beside popularity, drop-item faithfulness, training, rebuild.
import type { RecsysDataset } from '../data/movielens.ts';
import { RECSYS_METRIC_NAMES, type RecsysMetrics } from '../ranking-metrics.ts';
import type { RecsysRecipe } from '../recsys-recipes.ts';
import type { RecsysEpochRecord } from '../training/recsys-train-loop.ts';
import { SELECTION_METRIC } from '../training/recsys-train-loop.ts';
import { shippedModelDescription } from '../shipped-model-description.ts';
import { pct, rebuildSection } from './card-sections.ts';
import type { RecsysEvaluation } from './evaluate-recsys-onnx.ts';
import type { CorrelationSummary, DropItemStudy } from './recsys-faithfulness.ts';

export interface RecsysModelCardFacts {
  recipe: RecsysRecipe;
  dataset: Omit<RecsysDataset, 'movies' | 'ratings'>;
  counts: {
    ratings: number;
    users: number;
    items: number;
    moviesListed: number;
    trainInteractions: number;
    windows: number;
    targets: number;
  };
  trainingSeed: number;
  epochsRequested: number;
  history: RecsysEpochRecord[];
  bestEpoch: number;
  test: RecsysEvaluation;
  validation: RecsysEvaluation;
  faithfulness: DropItemStudy;
  /** How the settings were chosen (the recipe's section of recsys-recipes.notes.md). */
  selectionNotes: string[];
  trainingSeconds: number;
  onnxSha256: string;
  onnxBytes: number;
  parameterCount: number;
}

const GOAL_RATIO = 1.3;

const METRIC_WORDS: Record<keyof RecsysMetrics, string> = {
  'hr@10': 'HR@10, among 100 sampled negatives',
  'ndcg@10': 'NDCG@10, among 100 sampled negatives',
  'full/hr@10': 'HR@10, full catalogue',
  'full/ndcg@10': 'NDCG@10, full catalogue',
};

function metricsTable(e: RecsysEvaluation, caption: string): string[] {
  return [
    `| metric (${caption}) | model | most popular | model / popular |`,
    '|---|---|---|---|',
    ...RECSYS_METRIC_NAMES.map((name) => {
      const model = e.metrics[name];
      const popular = e.baseline.popularity[name];
      return `| ${METRIC_WORDS[name]} (\`${name}\`) | ${pct(model)} | ${pct(popular)} | ${(model / popular).toFixed(2)}× |`;
    }),
  ];
}

function goalLine(e: RecsysEvaluation): string {
  const ratios = (['hr@10', 'full/hr@10'] as const).map((name) => e.metrics[name] / e.baseline.popularity[name]);
  const met = ratios.every((r) => r >= GOAL_RATIO);
  return `Goal: HR@10 at least ${GOAL_RATIO}× the most-popular baseline's, sampled and over the full catalogue. On the test items: ${ratios.map((r) => `${r.toFixed(2)}×`).join(' and ')} — ${met ? 'met' : 'not met'}.`;
}

function correlationRow(readOut: string, c: CorrelationSummary): string {
  return `| ${readOut} | ${c.mean.toFixed(3)} ± ${c.standardError.toFixed(3)} | ${pct(c.positiveShare)} |`;
}

function historyTable(history: RecsysEpochRecord[], best: number): string[] {
  return [
    '| epoch | train loss | val. loss | val. HR@10 | val. NDCG@10 | val. full HR@10 | val. full NDCG@10 | seconds |',
    '|---|---|---|---|---|---|---|---|',
    ...history.map((h) => {
      const v = h.validation;
      return `| ${h.epoch}${h.epoch === best ? ' (kept)' : ''} | ${h.trainLoss.toFixed(4)} | ${h.validationLoss.toFixed(4)} | ${pct(v['hr@10'])} | ${pct(v['ndcg@10'])} | ${pct(v['full/hr@10'])} | ${pct(v['full/ndcg@10'])} | ${h.seconds.toFixed(1)} |`;
    }),
  ];
}

export function recsysModelCardMarkdown(f: RecsysModelCardFacts): string {
  const { recipe, dataset, counts } = f;
  const a = recipe.architecture;
  const t = recipe.training;
  const windowWords =
    t.windows === 'all'
      ? `each user's training sequence cut from its end into consecutive windows of at most ${recipe.maxLength} inputs, so every training item after a user's first is a target exactly once (${counts.windows.toLocaleString('en-US')} windows, ${counts.targets.toLocaleString('en-US')} targets)`
      : `each user's most recent ${recipe.maxLength} training inputs, one window per user (${counts.windows.toLocaleString('en-US')} windows, ${counts.targets.toLocaleString('en-US')} targets)`;
  const lines = [
    `# ${recipe.id}`,
    '',
    `${shippedModelDescription(recipe.id)} It reads a user's movie history oldest first (the last ${recipe.maxLength} items count); recommendations leave out the movies already in the history.`,
    '',
    '## Data',
    '',
    `- ${dataset.source.title} — ${dataset.source.url}`,
    `- Licence / terms: ${dataset.source.licence}.`,
    `- Citation: ${dataset.source.citation}`,
    `- Files (not in this repository; read from \`ATTN_DATA_DIR\`, default \`../shared/data\`): ${dataset.source.files.map((x) => `\`${x}\``).join(', ')}.`,
    `- Interactions: every rating is one interaction, whatever its value: ${counts.ratings.toLocaleString('en-US')} ratings by ${counts.users} users of ${counts.items.toLocaleString('en-US')} movies (the item vocabulary: every movie rated at least once, by ascending movieId, indices 1–${counts.items}; 0 is padding; ${counts.moviesListed - counts.items} movies of movies.csv have no rating and are left out).`,
    `- Split (leave-one-out, per user): the ratings in time order (ratings in the same second by ascending movieId); the last item is the test item, the one before it the validation item, the rest training (${counts.trainInteractions.toLocaleString('en-US')} interactions). The model reads the last ${recipe.maxLength} items of a history. Test scoring reads the items before the test item (training and validation items), validation scoring those before the validation item.`,
    `- \`examples.json\` holds, for every user, the last ${recipe.maxLength} items of their training history as movieIds (oldest first), so the app can offer "pick a user" without the data set. It is derived from MovieLens and is distributed under the same GroupLens terms.`,
    '',
    '## Held-out test metrics',
    '',
    `Measured on the ${f.test.n} users' test items by running the exported \`onnx/model.onnx\` with onnxruntime-node (CPU); \`pnpm attn eval ${recipe.id} --json\` recomputes them. Sampled: the held-out movie ranked among ${recipe.negatives.count} movies the user never rated, drawn uniformly without replacement (seed ${recipe.negatives.seed}; validation draws with seed ${recipe.negatives.seed + 1}). Full catalogue: ranked among all ${counts.items.toLocaleString('en-US')} movies except the user's earlier ones. Ties count in expectation (the held-out movie's rank uniform among the tied). Most popular: every movie scored by its number of training interactions, ranked the same way.`,
    '',
    ...metricsTable(f.test, `test, n = ${f.test.n}`),
    '',
    goalLine(f.test),
    '',
    `Validation items (the kept epoch, ONNX), on which the settings and the epoch were chosen:`,
    '',
    ...metricsTable(f.validation, `validation, n = ${f.validation.n}`),
    '',
    '## Does attention say which history items drove a recommendation?',
    '',
    `For each test user (history: the ${recipe.maxLength} items before the test item, unpadded), the candidate is the top recommendation outside the user's history. The exact effect of a history item is the candidate's score minus its score with that item removed (re-scored through the ONNX model, the other items kept in order). Per user, Spearman's ρ (average ranks for ties, @attn/core \`spearmanCorrelation\`) between the effects and (a) the scoring (last) position's attention row in the last layer, heads averaged, and (b) its attention-rollout row (@attn/core \`attentionRollout\`: heads averaged, ½A + ½I per layer).`,
    '',
    '| attention read-out | mean ρ with the drop-item effect (± standard error) | users with ρ > 0 |',
    '|---|---|---|',
    correlationRow('last layer, head mean', f.faithfulness.attention),
    correlationRow('rollout', f.faithfulness.rollout),
    '',
    `Over ${f.faithfulness.users} users${f.faithfulness.undefinedUsers > 0 ? ` (${f.faithfulness.undefinedUsers} left out: a constant row, ρ undefined)` : ''}. A mean near 0 says that, for this model, how much attention a history item gets does not tell how much it moves the recommendation; the app shows both for each item.`,
    '',
    '## Model',
    '',
    `- Architecture: SASRec-style causal self-attention: item embeddings (${counts.items + 1} × ${a.hidden}, row 0 padding) plus learned positions counted from the right (the newest item always at position ${recipe.maxLength - 1}), ${a.layers} pre-LN transformer layers (${a.heads} heads, hidden ${a.hidden}, FFN ${a.intermediate}, erf-GELU), causal attention blind to padding, final LayerNorm; the score of item i is the last position's state · item embedding i + bias i (tied output layer).${a.itemFeatures === 'genres+decade' ? ' While training, an item\'s embedding is its own learned row plus learned embeddings of its genres (each weighted 1 / its number of genres) and of its release decade ("unknown" without a year), so rarely rated movies share what their genres and decade learn; the export folds these sums into the item table, so the graph is the plain one.' : ''} Dropout while training: embeddings ${a.dropout.embeddings}, attention probabilities ${a.dropout.attention}, residual branches ${a.dropout.hidden}.`,
    `- Parameters: ${f.parameterCount.toLocaleString('en-US')}.`,
    `- Export: weights written by \`@attn/core\` \`buildSasRecRecommender\` into an unfused ONNX graph (opset 17): inputs \`item_ids\` and \`attention_mask\` (int64 [batch, sequence ≤ ${recipe.maxLength}], left-padded with 0), output \`scores\` (float32 [batch, ${counts.items + 1}], index 0 meaningless); the attention probabilities are the Softmax nodes \`encoder.layer.<i>.attention.softmax\` ([batch, heads, sequence, sequence]). \`config.json\` documents the contract (its \`attn\` block) and lists the items (\`items\`: index, movieId, title, year, genres).`,
    `- \`onnx/model.onnx\`: ${(f.onnxBytes / 1024).toFixed(0)} KiB, sha256 \`${f.onnxSha256}\`.`,
    '',
    '## Training',
    '',
    `TensorFlow.js 4.22 (wasm backend) in TypeScript (\`packages/train\`), training seed ${f.trainingSeed} (initialisation, window order, dropout). Loss: cross-entropy of the next item over the whole catalogue (full softmax) at every input position, ${windowWords}; batches of ${t.batchSize} windows, left-padded to the batch's longest. AdamW (β1 0.9, β2 0.999, weight decay ${t.weightDecay} on matrices and embeddings), learning rate ${t.learningRate} with linear warm-up over ${t.warmupFraction * 100} % of the steps and linear decay, gradient clipping at global norm ${t.clipNorm}; up to ${f.epochsRequested} epochs with early stopping (patience ${t.patience}) on the validation items' full-catalogue NDCG@10 (\`${SELECTION_METRIC}\`); the best epoch (${f.bestEpoch}) is kept. Initial item embeddings normal with std ${recipe.embeddingInitStd}, other matrices std 0.02.`,
    `Wall time of the whole run (data, training, export, evaluation, faithfulness study): ${f.trainingSeconds.toFixed(0)} s on one CPU core.`,
    '',
    ...historyTable(f.history, f.bestEpoch),
    '',
    'Training loss is measured on the training batches as they were trained (dropout on); validation figures come from the tfjs model with dropout off.',
    '',
    '![training curves](training-curve.svg)',
    '',
    '## How the settings were chosen',
    '',
    ...f.selectionNotes,
    '',
    ...rebuildSection(recipe.id, f.epochsRequested, f.trainingSeed),
  ];
  return lines.join('\n');
}
