// `attn explain <model-id | model-dir> --input …`: runs any registered domain's task (the apps' pipeline)
// and prints { prediction, attention: attn-maps/v1, timings, provider } as JSON, or a short summary on stderr.
import { AttentionError, queryTokensOf, readoutQueryOf, serializeAttentionMaps, type AttentionMaps } from '@attn/core';
import { describeModel, loadTask, resolveModel, SHIPPED_MODELS } from '@attn/registry';
import { parseCommandArgs, requirePositional, say, writeJson, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';
import { PROVIDER_OPTIONS, providerOptionsUsage, providerRequest } from './extraction-args.ts';

const TOP_TOKENS = 5;

/** What the summary line shows: a pooling layer's weights, or the attention from the readout query (its token or position). */
function topTokensTitle(maps: AttentionMaps): string {
  const layer = maps.layers.at(-1);
  if (layer?.kind === 'pooling') return 'top pooling weights';
  const row = layer ? readoutQueryOf(maps, layer) : 0;
  const query = (layer && queryTokensOf(maps, layer)?.[row]?.label) ?? `position ${row}`;
  return `top attended from ${query} (last layer, mean of heads)`;
}

/** Tokens ranked by attention from the readout query, mean over the last layer's heads. */
export function topAttendedTokens(maps: AttentionMaps, count: number): { label: string; weight: number }[] {
  const layer = maps.layers.at(-1);
  if (!layer) return [];
  const [, heads, queries, keys] = layer.shape;
  const row = readoutQueryOf(maps, layer);
  const weights = Array.from({ length: keys }, (_, k) => {
    let sum = 0;
    for (let h = 0; h < heads; h++) sum += layer.data[(h * queries + row) * keys + k]!;
    return { label: maps.tokens[k]?.label ?? String(k), weight: sum / heads, special: maps.tokens[k]?.special === true };
  });
  return weights
    .filter((token) => !token.special)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, count)
    .map(({ label, weight }) => ({ label, weight }));
}

/** One line per shipped model: its domain and the limits its folder states (or why it cannot run). */
function shippedModelLines(): string {
  return SHIPPED_MODELS.map((model) => {
    let facts: string;
    try {
      const limits = Object.entries(describeModel(model.id).limits).map(([name, value]) => `${name} ${value}`);
      facts = limits.length > 0 ? `limits: ${limits.join(', ')}` : 'no stated limits';
    } catch (error) {
      facts = `not available: ${error instanceof Error ? error.message : String(error)}`;
    }
    return `                ${model.id.padEnd(22)} ${model.domain.padEnd(7)} ${facts}`;
  }).join('\n');
}

/** The --input value as the model's domain reads it: plain text for text models, JSON otherwise. */
function inputFor(idOrDir: string, value: string): unknown {
  const { domain } = resolveModel(idOrDir);
  if (domain.inputFromCommandLine) return domain.inputFromCommandLine(value);
  try {
    return JSON.parse(value);
  } catch {
    throw new AttentionError('E_INPUT', `must be JSON for a ${domain.name} model, got ${JSON.stringify(value.slice(0, 40))}`, {
      field: '--input',
    });
  }
}

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'Run a model of any domain on one input and show where it attends',
  get usage() {
    return `Usage: attn explain <model-id | model-dir> --input <input> [--ep cpu] [--fallback] [--verbose] [--json] [--out file]

  <model-id>    a shipped model (domain, and the limits its folder states):
${shippedModelLines()}
  <model-dir>   a Hugging Face-layout model folder of a known domain (for text: config.json,
                tokenizer.json, tokenizer_config.json, onnx/model.onnx)
  --input       text models: the text; other domains: the input as JSON
${providerOptionsUsage(13)}
  --json        print { prediction, attention (attn-maps/v1), timings, provider } on stdout
  --out         write the JSON to a file instead of stdout (implies --json)
`;
  },
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'explain',
      argv,
      { input: { type: 'string' }, ...PROVIDER_OPTIONS, json: { type: 'boolean', default: false }, out: { type: 'string' } },
      ['model-id | model-dir'],
    );
    const model = requirePositional(positionals, 0, 'model-id | model-dir');
    if (values.input === undefined) throw new AttentionError('E_INPUT', 'missing --input <input>');
    const request = providerRequest(values);
    const outPath = outPathArg(values.out);
    const input = inputFor(model, values.input);
    const task = await loadTask(model, request);
    try {
      const result = await task.explain(input);
      if (values.json || outPath) {
        const { prediction, timings, provider } = result;
        await writeJson({ prediction, attention: serializeAttentionMaps(result.attention), timings, provider }, outPath);
        return;
      }
      const probabilities = Object.entries(result.prediction.scores)
        .map(([label, p]) => `${label} ${p.toFixed(3)}`)
        .join(', ');
      const top = topAttendedTokens(result.attention, TOP_TOKENS)
        .map((token) => `${token.label} ${token.weight.toFixed(3)}`)
        .join(', ');
      say(`${task.id}: ${result.prediction.label} (${probabilities})`);
      say(`tokens: ${result.attention.tokens.map((t) => t.label).join(' ')}`);
      say(`${topTokensTitle(result.attention)}: ${top}`);
      const skipped = result.provider.skipped.map((s) => `${s.provider}: ${s.reason}`).join('; ');
      say(`provider ${result.provider.used}${skipped ? ` (skipped ${skipped})` : ''}`);
      say(
        `${result.timings.totalMs.toFixed(1)} ms (preprocess ${result.timings.preprocessMs.toFixed(1)}, run ${result.timings.runMs.toFixed(1)})`,
      );
    } finally {
      await task.dispose();
    }
  },
};
