// Runs models of every registered domain on their examples (or on a chosen input per domain) and
// compares their attention: what `attn compare` prints and the atlas draws.
import { attentionProfile, type AttentionProfile, type FaithfulnessFigure } from '@attn/core';
import { describeModel, loadTask, SHIPPED_MODELS } from '@attn/registry';
import { compareProfiles, type ModelComparison } from './model-comparison.ts';

export const COMPARE_FORMAT = 'attn-compare/v1' as const;

export interface CompareOptions {
  /** Shipped ids or model folders; default every shipped model. */
  models?: readonly string[];
  /** Examples run per model (the first ones of its folder); default 4. */
  examples?: number;
  /** An input per domain to run instead of the examples (e.g. { text: { text: '…' } }). */
  inputs?: Readonly<Record<string, unknown>>;
  /** Skip the faithfulness tests (they re-run the model once per element). */
  faithfulness?: boolean;
  /** Called as each model finishes, for progress bars. */
  onModel?: (done: number, total: number, id: string) => void;
}

export interface DomainComparison {
  domain: string;
  models: ModelComparison[];
}

export interface CompareReport {
  format: typeof COMPARE_FORMAT;
  /** Per domain, in the order the models were given. */
  domains: DomainComparison[];
}

export const DEFAULT_COMPARE_EXAMPLES = 4;

/** One model's comparison: its inputs run once each, profiled, and tested for faithfulness. */
export async function compareModel(idOrDir: string, options: Omit<CompareOptions, 'models' | 'onModel'> = {}): Promise<ModelComparison> {
  const description = describeModel(idOrDir);
  const chosen = options.inputs?.[description.domain];
  const inputs = chosen === undefined ? description.examples.slice(0, options.examples ?? DEFAULT_COMPARE_EXAMPLES) : [chosen];
  const task = await loadTask(idOrDir);
  try {
    const profiles: AttentionProfile[] = [];
    const figures: FaithfulnessFigure[] = [];
    for (const input of inputs) {
      profiles.push(attentionProfile((await task.explain(input)).attention));
      if (options.faithfulness !== false && task.faithfulness) figures.push(await task.faithfulness(input));
    }
    const model = { id: task.id, domain: task.domain, title: description.title };
    return compareProfiles(model, profiles, task.faithfulness && options.faithfulness !== false ? figures : null);
  } finally {
    await task.dispose();
  }
}

/** Every requested model compared, grouped by domain. */
export async function compareModels(options: CompareOptions = {}): Promise<CompareReport> {
  const ids = options.models ?? SHIPPED_MODELS.map((model) => model.id);
  const compared: ModelComparison[] = [];
  for (const [i, id] of ids.entries()) {
    compared.push(await compareModel(id, options));
    options.onModel?.(i + 1, ids.length, id);
  }
  const domains = [...new Set(compared.map((model) => model.domain))];
  return { format: COMPARE_FORMAT, domains: domains.map((domain) => ({ domain, models: compared.filter((m) => m.domain === domain) })) };
}
