// `attn train <model-id> [--epochs N] [--seed S] [--out dir]`: trains one of the shipped text
// models from the shared data (progress bar and per-epoch metrics on stderr), writes models/<id>/.
import { RECIPES, recipeFor, trainModel } from '@attn/train';
import { parseCommandArgs, parsePositiveInt, requirePositional, say, type CliCommand } from '../command.ts';
import { AttentionError, resolveUserPath } from '@attn/core';

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'Train a shipped text model (tokenizer, tfjs training, ONNX export, model card)',
  usage: `Usage: attn train <model-id> [--epochs N] [--seed S] [--out dir]

  <model-id>   one of: ${Object.keys(RECIPES).join(', ')}
  --epochs N   maximum epochs (early stopping on validation accuracy may stop sooner)
  --seed S     training seed (initialisation, batch order, dropout); the data split is fixed (seed 42)
  --out dir    write the model folder here instead of models/<model-id>

Data is read from ATTN_DATA_DIR (default ../shared/data beside the repository).`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('train', argv, {
      epochs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    });
    const id = requirePositional('train', positionals, 0, 'model-id');
    const recipe = recipeFor(id);
    const seedValue = values.seed === undefined ? recipe.defaultSeed : Number(values.seed);
    if (!Number.isInteger(seedValue) || seedValue < 0) {
      throw new AttentionError('E_INPUT', `--seed must be a non-negative integer, got "${values.seed}"`);
    }
    const summary = await trainModel(id, {
      epochs: parsePositiveInt('epochs', values.epochs, recipe.training.epochs),
      seed: seedValue,
      ...(values.out ? { outDir: resolveUserPath(values.out) } : {}),
      progress: true,
      log: say,
    });
    const m = summary.testMetrics;
    say(
      `${id}: test accuracy ${(m.accuracy * 100).toFixed(2)} %` +
        (m.f1 === undefined ? '' : `, ${recipe.positiveLabel} F1 ${(m.f1 * 100).toFixed(2)} %`) +
        ` (n=${summary.testN}), ${summary.seconds.toFixed(0)} s → ${summary.dir}`,
    );
  },
};
