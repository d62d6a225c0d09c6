// The recommendation Domain: a user's history of movieIds (or a user of the model's examples) in, the
// history as the attention axis (keys labelled "Title (year)"), the top-N unseen movies and a candidate out.
import { Tensor } from 'onnxruntime-node';
import {
  AttentionError,
  createAttentionTask,
  firstRow,
  namedOutput,
  withoutSequencePosition,
  type AttentionToken,
  type Domain,
  type EncodedInput,
  type LoadAttentionTask,
  type ModelFolder,
} from '@attn/core';
import { historyEffects } from './history-effects.ts';
import { catalogueFromConfig, type MovieCatalogue } from './movie-catalogue.ts';
import { DEFAULT_TOP_N, MAX_HISTORY_ITEMS, MAX_TOP_N, recsysInputSchema, type RecsysInput } from './recsys-input.ts';
import { recommendFromScores, type RecommendationRequest, type RecsysPrediction } from './recsys-prediction.ts';

/** The encoded history: feeds, one key label per history item, and what the prediction needs. */
export interface RecsysEncodedInput extends EncodedInput {
  tokens: AttentionToken[];
  request: RecommendationRequest;
}

const RECSYS_GRAPH_INPUTS = ['item_ids', 'attention_mask'];
const RECSYS_ARCHITECTURE = 'sasrec-recommender';

function int64Row(values: readonly number[]): Tensor {
  return new Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    [1, values.length],
  );
}

function attnBlock(folder: ModelFolder): Record<string, unknown> | undefined {
  const attn = folder.config.attn;
  return typeof attn === 'object' && attn !== null ? (attn as Record<string, unknown>) : undefined;
}

/** The example users of the folder (examples.json entries with a userId and a history), by userId. */
function exampleUsers(folder: ModelFolder): Map<number, number[]> {
  const users = new Map<number, number[]>();
  for (const example of folder.examples ?? []) {
    const parsed = recsysInputSchema.safeParse(example);
    if (parsed.success && parsed.data.userId !== undefined && parsed.data.history) users.set(parsed.data.userId, parsed.data.history);
  }
  return users;
}

/** The item indices of `history` (movieIds); E_INPUT naming `history.<i>` for an unknown or repeated movie. */
function historyIndices(history: readonly number[], catalogue: MovieCatalogue): number[] {
  const positions = new Map<number, number>();
  return history.map((movieId, i) => {
    const movie = catalogue.byId(movieId);
    if (!movie)
      throw new AttentionError('E_INPUT', `movieId ${movieId} is not in the model's catalogue of ${catalogue.size} movies`, {
        field: `history.${i}`,
      });
    const earlier = positions.get(movieId);
    if (earlier !== undefined)
      throw new AttentionError('E_INPUT', `movieId ${movieId} is already at history.${earlier}; a history lists each movie once`, {
        field: `history.${i}`,
      });
    positions.set(movieId, i);
    return movie.index;
  });
}

/** `attn explain --input`: "42" is user 42, "1,2,3" a history of movieIds, anything else JSON. */
function commandLineInput(value: string): unknown {
  if (/^\s*\d+\s*$/.test(value)) return { userId: Number(value) };
  if (/^\s*\d+(\s*,\s*\d+)+\s*$/.test(value)) return { history: value.split(',').map(Number) };
  try {
    return JSON.parse(value);
  } catch {
    throw new AttentionError(
      'E_INPUT',
      `must be a userId, movieIds separated by commas, or JSON; got ${JSON.stringify(value.slice(0, 40))}`,
      { field: '--input' },
    );
  }
}

/** The history and list lengths a folder allows: the model's max_length (at most MAX_HISTORY_ITEMS), MAX_TOP_N. */
function recsysLimits(folder: ModelFolder): { maxHistory: number; maxRecommendations: number } {
  return { maxHistory: Math.min(MAX_HISTORY_ITEMS, folder.maxLength ?? MAX_HISTORY_ITEMS), maxRecommendations: MAX_TOP_N };
}

export const recsysDomain: Domain<RecsysInput, RecsysPrediction, RecsysEncodedInput> = {
  name: 'recsys',
  inputSchema: recsysInputSchema,
  requiredFiles: ['config.json'],
  limits: recsysLimits,
  defaultExamples: (folder) => {
    const first = catalogueFromConfig(folder.config, `${folder.dir}/config.json`).movies.slice(0, 3);
    return [{ name: 'the first movies of the catalogue', history: first.map((movie) => movie.movieId) }];
  },
  recognizes: (folder) => Array.isArray(folder.config.items) && attnBlock(folder)?.architecture === RECSYS_ARCHITECTURE,
  inputFromCommandLine: commandLineInput,
  // Each history item removed in turn: Spearman of the candidate's score change against the rollout row.
  faithfulness: async (task, input) => ({ method: 'drop-item Spearman', value: (await historyEffects(task, input)).agreement.rollout }),

  async bind(folder, graph) {
    const extra = graph.inputNames.filter((name) => !RECSYS_GRAPH_INPUTS.includes(name));
    if (
      extra.length > 0 ||
      !RECSYS_GRAPH_INPUTS.every((name) => graph.inputNames.includes(name)) ||
      !graph.outputNames.includes('scores')
    ) {
      throw new AttentionError(
        'E_MODEL',
        `${folder.onnxPath}: inputs [${graph.inputNames.join(', ')}] → outputs [${graph.outputNames.join(', ')}] are not a recommender's (item_ids, attention_mask → scores)`,
      );
    }
    const catalogue = catalogueFromConfig(folder.config, `${folder.dir}/config.json`);
    const users = exampleUsers(folder);
    const { maxHistory } = recsysLimits(folder);

    const historyOf = (input: RecsysInput): number[] => {
      if (input.history) return input.history;
      const history = users.get(input.userId!);
      if (!history) {
        const known = [...users.keys()];
        const range = known.length > 0 ? `users ${Math.min(...known)}–${Math.max(...known)}` : 'none';
        throw new AttentionError(
          'E_INPUT',
          `user ${input.userId} is not among the model's example users (${range}); give a history instead`,
          { field: 'userId' },
        );
      }
      return history;
    };

    return {
      encode(input): RecsysEncodedInput {
        const history = historyOf(input);
        if (history.length > maxHistory) {
          throw new AttentionError('E_LIMIT', `is ${history.length} movies long, over the model's limit of ${maxHistory}`, {
            field: 'history',
          });
        }
        const indices = historyIndices(history, catalogue);
        let candidate: number | undefined;
        if (input.candidate !== undefined) {
          const movie = catalogue.byId(input.candidate);
          if (!movie)
            throw new AttentionError('E_INPUT', `movieId ${input.candidate} is not in the model's catalogue of ${catalogue.size} movies`, {
              field: 'candidate',
            });
          if (indices.includes(movie.index))
            throw new AttentionError('E_INPUT', `movieId ${input.candidate} is in the history; recommendations leave watched movies out`, {
              field: 'candidate',
            });
          candidate = movie.index;
        }
        const tokens = indices.map((index): AttentionToken => {
          const movie = catalogue.atIndex(index);
          return { label: catalogue.labelOf(movie), id: movie.movieId, title: movie.title };
        });
        return {
          feeds: { item_ids: int64Row(indices), attention_mask: int64Row(indices.map(() => 1)) },
          tokens,
          readoutQuery: tokens.length - 1,
          request: { history: indices, topN: input.topN ?? DEFAULT_TOP_N, ...(candidate === undefined ? {} : { candidate }) },
        };
      },
      predict: (outputs, encoded) => recommendFromScores(firstRow(namedOutput(outputs, 'scores')), catalogue, encoded.request),
      // The history without item `index`, unpadded, as if never watched: positions count from the right,
      // so newer items keep theirs and older ones move up one.
      withoutElement: (encoded, index) => ({
        ...withoutSequencePosition(encoded, index),
        tokens: encoded.tokens.filter((_, i) => i !== index),
        request: { ...encoded.request, history: encoded.request.history.filter((_, i) => i !== index) },
      }),
    };
  },
};

/** The recommender task of a model folder: history → top-N unseen movies, attention over the history. */
export const loadRecsysTask: LoadAttentionTask<RecsysInput, RecsysPrediction> = (modelDir, options) =>
  createAttentionTask(recsysDomain, modelDir, options);
