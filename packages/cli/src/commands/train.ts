// `attn train <model-id> [--epochs N] [--seed S] [--out dir]`: trains any shipped model from the shared
// data with its domain's pipeline (progress bar and per-epoch figures on stderr), writes models/<id>/;
// `--card-only` rewrites a text model's card and curves from its stored training history instead.
import { AttentionError, resolveUserPath } from '@attn/core';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { rewriteShippedCard, trainShippedModel } from '@attn/train';
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
       attn train <model-id> --card-only [--out dir]

  <model-id>   one of: ${SHIPPED_MODELS.map((m) => m.id).join(', ')}
  --epochs N   maximum epochs (default: the recipe's; early stopping on validation may stop sooner)
  --seed S     training seed (initialisation, batch order, dropout; default: the recipe's); data splits are fixed
  --out dir    write the model folder here instead of models/<model-id>
  --card-only  do not train: rewrite MODEL_CARD.md and training-curve.svg of a text model from its
               training-history.json and a fresh evaluation of its ONNX file (weights untouched)

Data is read from ATTN_DATA_DIR (default ../shared/data beside the repository).`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'train',
      argv,
      { epochs: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, 'card-only': { type: 'boolean' } },
      ['model-id'],
    );
    const id = requirePositional(positionals, 0, 'model-id');
    if (values['card-only']) {
      if (values.epochs !== undefined || values.seed !== undefined) {
        throw new AttentionError('E_INPUT', 'does not train, so it takes no --epochs or --seed', { field: '--card-only' });
      }
      const { test } = await rewriteShippedCard(id, ...(values.out ? [resolveUserPath(values.out)] : []));
      say(`${id}: card and curves rewritten; test ${metricsLine(test.metrics)} (n=${test.n})`);
      return;
    }
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
