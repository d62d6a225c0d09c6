// The recommender's model-folder files besides the ONNX graph: config.json (architecture, the
// input/output contract and the item vocabulary) and examples.json (users' training histories).
import { join } from 'node:path';
import { AttentionError, readModelFolder, type SasRecConfig } from '@attn/core';
import { ItemVocabulary, type CatalogueItem } from '../data/item-vocabulary.ts';
import { recentItems, type UserSplit } from '../data/leave-one-out.ts';

/** What the ONNX graph takes and gives, as config.json's `attn` block documents it. */
export const SASREC_CONTRACT = {
  paddingSide: 'left',
  paddingIndex: 0,
  inputs: {
    item_ids:
      'int64 [batch, sequence ≤ maxLength]: item indices (items[].index), oldest first, left-padded with 0 so the last column is the newest history item',
    attention_mask: 'int64 [batch, sequence]: 1 for an item, 0 for padding',
  },
  outputs: {
    scores:
      'float32 [batch, numItems + 1]: the score of every item index as the next item after the last position (last position state · item embeddings + bias); index 0 is padding and its score is meaningless',
  },
  attention:
    'unfused Softmax nodes encoder.layer.<i>.attention.softmax, [batch, heads, sequence, sequence], causal (a query sees itself and earlier items) and blind to padding; the scoring query is the last position',
  positions: 'learned, counted from the right: the newest item always gets position maxLength - 1, so padding does not change the scores',
} as const;

/** config.json's text: two-space indentation, one line per item of the vocabulary (about 0.8 MB for MovieLens). */
export function recsysConfigText(config: SasRecConfig, vocabulary: ItemVocabulary): string {
  const { items, ...rest } = recsysConfigJson(config, vocabulary);
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  return `${head},\n  "items": [\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]\n}\n`;
}

export function recsysConfigJson(config: SasRecConfig, vocabulary: ItemVocabulary) {
  return {
    architectures: ['AttnSasRecRecommender'],
    model_type: 'attn-sasrec-recommender',
    max_length: config.maxLength,
    num_items: config.numItems,
    hidden_size: config.hidden,
    num_attention_heads: config.heads,
    num_hidden_layers: config.layers,
    intermediate_size: config.intermediate,
    layer_norm_eps: config.layerNormEps,
    hidden_act: 'gelu',
    attn: {
      architecture: 'sasrec-recommender',
      hidden: config.hidden,
      heads: config.heads,
      layers: config.layers,
      intermediate: config.intermediate,
      maxLength: config.maxLength,
      numItems: config.numItems,
      ...SASREC_CONTRACT,
    },
    items: vocabulary.items.map(({ index, movieId, title, year, genres }) => ({ index, movieId, title, year, genres })),
  };
}

interface RecsysConfigFile {
  attn: { architecture: string; hidden: number; heads: number; layers: number; intermediate: number; maxLength: number; numItems: number };
  layer_norm_eps: number;
  items: CatalogueItem[];
}

/** The SASRec config and item vocabulary of a trained model folder. */
export function readRecsysModelFolder(dir: string): { config: SasRecConfig; vocabulary: ItemVocabulary } {
  const path = join(dir, 'config.json');
  const file = readModelFolder(dir, { requiredFiles: ['config.json'] }).config as unknown as RecsysConfigFile;
  const a = file.attn;
  if (a?.architecture !== 'sasrec-recommender' || !Array.isArray(file.items) || file.items.length !== a.numItems) {
    throw new AttentionError('E_MODEL', `${path} is not a sasrec-recommender config with ${a?.numItems ?? '?'} items`);
  }
  const config = {
    numItems: a.numItems,
    maxLength: a.maxLength,
    hidden: a.hidden,
    heads: a.heads,
    layers: a.layers,
    intermediate: a.intermediate,
    layerNormEps: file.layer_norm_eps,
  };
  return { config, vocabulary: new ItemVocabulary(file.items) };
}

export interface RecsysExample {
  name: string;
  userId: number;
  /** movieIds, oldest first: the user's most recent training items (validation and test items left out). */
  history: number[];
}

/** Every user's last `maxLength` training items as movieIds, for the app's "pick a user". */
export function recsysExamples(users: readonly UserSplit[], vocabulary: ItemVocabulary, maxLength: number): RecsysExample[] {
  return users.map((u) => ({
    name: `user ${u.userId}`,
    userId: u.userId,
    history: recentItems(u.train, maxLength).map((index) => vocabulary.item(index).movieId),
  }));
}
