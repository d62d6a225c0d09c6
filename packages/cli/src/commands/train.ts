// `attn train <model-id> [--epochs N] [--seed S] [--out dir]`: trains any shipped model from the shared
// data with its domain's pipeline (progress bar and per-epoch figures on stderr), writes models/<id>/.
import { AttentionError, resolveUserPath } from '@attn/core';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { trainShippedModel } from '@attn/train';
import { parseCommandArgs, requirePositional, say, type CliCommand } from '../command.ts';
import { metricsLine } from './metrics-line.ts';

function optionalInteger(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new AttentionError('E_INPUT', `must be an integer ≥ ${min}, got "${value}"`, { field: `--${flag}` });
  }
  return parsed;
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'Train a shipped model (data, model, ONNX export, evaluation, model card)',
  usage: `Usage: attn train <model-id> [--epochs N] [--seed S] [--out dir]

  <model-id>   one of: ${SHIPPED_MODELS.map((m) => m.id).join(', ')}
  --epochs N   maximum epochs (default: the recipe's; early stopping on validation may stop sooner)
  --seed S     training seed (initialisation, batch order, dropout; default: the recipe's); data splits are fixed
  --out dir    write the model folder here instead of models/<model-id>

Data is read from ATTN_DATA_DIR (default ../shared/data beside the repository).`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'train',
      argv,
      { epochs: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
      ['model-id'],
    );
    const id = requirePositional(positionals, 0, 'model-id');
    const epochs = optionalInteger('epochs', values.epochs, 1);
    const seed = optionalInteger('seed', values.seed, 0);
    const summary = await trainShippedModel(id, {
      ...(epochs === undefined ? {} : { epochs }),
      ...(seed === undefined ? {} : { seed }),
      ...(values.out ? { outDir: resolveUserPath(values.out) } : {}),
      progress: true,
      log: say,
    });
    say(`${id}: test ${metricsLine(summary.testMetrics)} (n=${summary.testN}), ${summary.seconds.toFixed(0)} s → ${summary.dir}`);
  },
};
