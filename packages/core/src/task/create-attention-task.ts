// createAttentionTask: a Domain plus a model folder make an AttentionTask. Core does the shared part:
// read the folder, open the session with attention exposed, check inputs, time, label, report, dispose.
import { ATTN_MAPS_FORMAT, type AttentionToken } from '../format/types.ts';
import { AttentionError } from '../errors.ts';
import { loadAttentionModel } from '../extraction/attention-model.ts';
import { loadQueryKeyModel, type QueryKeyModel } from '../extraction/query-key-vectors.ts';
import type { WritableAttentionLayer } from '../format/serialize.ts';
import type { AttentionTask, TaskLimits, TaskLoadOptions, TaskPrediction } from './attention-task.ts';
import type { BoundDomain, Domain, EncodedInput } from './domain.ts';
import { dropOneFaithfulness } from './drop-one-faithfulness.ts';
import { checkInput } from './input-check.ts';
import { readModelFolder, type ModelFolder } from './model-folder.ts';
import { viewModelCache } from './view-models.ts';

/** What a task shows before any session is opened: the folder, the model's limits and its examples. */
export interface TaskFolder<Input> {
  folder: ModelFolder;
  limits: TaskLimits;
  examples: Input[];
}

/** Reads a domain's model folder without loading the model (for model lists and help texts). */
export function readTaskFolder<Input, P extends TaskPrediction, E extends EncodedInput>(
  domain: Domain<Input, P, E>,
  modelDir: string,
  id?: string,
): TaskFolder<Input> {
  const folder = readModelFolder(modelDir, { requiredFiles: domain.requiredFiles ?? [], ...(id ? { id } : {}) });
  const examples = folder.examples
    ? folder.examples.map((example, i) => {
        try {
          return checkInput(domain.inputSchema, example);
        } catch (cause) {
          throw new AttentionError(
            'E_MODEL',
            `${folder.dir}/examples.json: example ${i} is not a valid input: ${(cause as Error).message}`,
            { cause },
          );
        }
      })
    : (domain.defaultExamples?.(folder) ?? []);
  return { folder, limits: domain.limits?.(folder) ?? {}, examples };
}

/** Position labels "0", "1", … for a domain that does not label its axis. */
function positionTokens(count: number): AttentionToken[] {
  return Array.from({ length: count }, (_, i) => ({ label: String(i) }));
}

/** Loads the model in `modelDir` once (attention exposed) and binds `domain` to it. */
export async function createAttentionTask<Input, P extends TaskPrediction, E extends EncodedInput>(
  domain: Domain<Input, P, E>,
  modelDir: string,
  options: TaskLoadOptions = {},
): Promise<AttentionTask<Input, P>> {
  const { folder, limits, examples } = readTaskFolder(domain, modelDir, options.id);
  const model = await loadAttentionModel(folder.onnxPath, {
    executionProvider: options.executionProvider ?? 'cpu',
    fallback: options.fallback ?? false,
    id: folder.id,
  });
  let bound: BoundDomain<Input, P, E>;
  try {
    bound = await domain.bind(folder, model);
  } catch (error) {
    await model.dispose();
    throw error;
  }
  const { withoutElement } = bound;

  // the neuron view's session (q·kᵀ operands exposed) opens on first use only
  let queryKeyModel: Promise<QueryKeyModel> | undefined;
  const openQueryKeyModel = () => {
    queryKeyModel ??= loadQueryKeyModel(folder.onnxPath, { executionProvider: model.provider.used, fallback: options.fallback ?? false });
    queryKeyModel.catch(() => (queryKeyModel = undefined));
    return queryKeyModel;
  };

  // the sessions of in-graph views (explainView) open on first use; 'full' over all layers is `model` itself
  const viewModels = viewModelCache(model, (request) =>
    loadAttentionModel(folder.onnxPath, {
      executionProvider: model.provider.used,
      fallback: options.fallback ?? false,
      id: folder.id,
      view: request.view,
      ...(request.layers ? { layers: request.layers } : {}),
    }),
  );

  async function run(encoded: E) {
    const result = await model.run(encoded.feeds);
    return { result, prediction: bound.predict(result.outputs, encoded) };
  }

  /** The attn-maps/v1 document of one run: the encoded input's axes and the run's layers. */
  function mapsOf<Layer extends WritableAttentionLayer>(encoded: E, layers: Layer[]) {
    const keyCount = layers[0]?.shape[3] ?? 0;
    return {
      format: ATTN_MAPS_FORMAT,
      model: { id: model.id, sha256: model.sha256, executionProvider: model.provider.used },
      domain: domain.name,
      tokens: encoded.tokens ?? positionTokens(keyCount),
      ...(encoded.queryTokens ? { queryTokens: encoded.queryTokens } : {}),
      ...(encoded.readoutQuery === undefined ? {} : { readoutQuery: encoded.readoutQuery }),
      layers,
    };
  }

  const task: AttentionTask<Input, P> = {
    id: folder.id,
    domain: domain.name,
    labels: folder.labels ?? [],
    limits,
    provider: model.provider,
    inputSchema: domain.inputSchema,
    examples: () => structuredClone(examples),

    async explain(input) {
      const start = performance.now();
      const encoded = await bound.encode(checkInput(domain.inputSchema, input));
      const preprocessMs = performance.now() - start;
      const { result, prediction } = await run(encoded);
      return {
        prediction,
        attention: mapsOf(encoded, result.layers),
        timings: { preprocessMs, runMs: result.timings.runMs, totalMs: performance.now() - start },
        provider: model.provider,
      };
    },

    async prepareView(request) {
      (await viewModels.acquire(request)).release();
    },
    async explainView(input, request) {
      const start = performance.now();
      const encoded = await bound.encode(checkInput(domain.inputSchema, input));
      const preprocessMs = performance.now() - start;
      const { view } = request;
      const keys = encoded.tokens?.length;
      if (typeof view === 'object' && 'topK' in view && keys !== undefined && view.topK > keys) {
        throw new AttentionError('E_INPUT', `must be at most the ${keys} tokens of this input, got ${view.topK}`, { field: 'view.topK' });
      }
      const lease = await viewModels.acquire(request);
      try {
        const result = await lease.model.run(encoded.feeds);
        return {
          prediction: bound.predict(result.outputs, encoded),
          attention: mapsOf<WritableAttentionLayer>(encoded, [...result.layers, ...(result.sparseLayers ?? [])]),
          timings: { preprocessMs, runMs: result.timings.runMs, totalMs: performance.now() - start },
          provider: lease.model.provider,
        };
      } finally {
        lease.release();
      }
    },

    ...(withoutElement
      ? {
          async perturb(input: Input, dropIndex: number) {
            const encoded = await bound.encode(checkInput(domain.inputSchema, input));
            const count = encoded.tokens?.length ?? 0;
            if (!Number.isInteger(dropIndex) || dropIndex < 0 || dropIndex >= count) {
              throw new AttentionError('E_INPUT', `must be an integer in [0, ${count - 1}], got ${dropIndex}`, { field: 'dropIndex' });
            }
            return (await run(withoutElement(encoded, dropIndex))).prediction;
          },
        }
      : {}),

    async queryKeyVectors(input, queryKeyOptions = {}) {
      const encoded = await bound.encode(checkInput(domain.inputSchema, input));
      const layers = await (await openQueryKeyModel()).run(encoded.feeds, { layers: queryKeyOptions.layers, batch: 0 });
      const keyCount = layers[0]?.keys ?? 0;
      return {
        tokens: encoded.tokens ?? positionTokens(keyCount),
        ...(encoded.queryTokens ? { queryTokens: encoded.queryTokens } : {}),
        layers,
      };
    },

    async dispose() {
      const opened = queryKeyModel;
      queryKeyModel = undefined;
      await Promise.all([
        viewModels.dispose(),
        model.dispose(),
        opened?.then(
          (m) => m.dispose(),
          () => undefined,
        ),
      ]);
    },
  };
  const faithfulness = domain.faithfulness ?? (withoutElement ? dropOneFaithfulness : undefined);
  return faithfulness ? { ...task, faithfulness: (input: Input) => faithfulness(task, input) } : task;
}
