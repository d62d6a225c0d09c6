// `attn eval <model-id> [--json]`: runs a shipped model's committed ONNX file on its held-out test split
// and prints the metrics (and baselines, where its domain has them), computed now, never read from a file.
import { resolveUserPath } from '@attn/core';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { evalShippedModel } from '@attn/train';
import { parseCommandArgs, requirePositional, say, writeJson, type CliCommand } from '../command.ts';
import { metricsLine } from './metrics-line.ts';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Evaluate a shipped model on its held-out test split',
  usage: `Usage: attn eval <model-id> [--json] [--dir model-dir]

  <model-id>   one of: ${SHIPPED_MODELS.map((m) => m.id).join(', ')}
  --json       print { "model", "split": "test", "n", "metrics" [, "baseline"] [, "confusion"] } on stdout
               (text models: the majority-class baseline and the test confusion matrix, rows = true label)
  --dir        evaluate this model folder instead of models/<model-id>`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('eval', argv, { json: { type: 'boolean' }, dir: { type: 'string' } }, ['model-id']);
    const id = requirePositional(positionals, 0, 'model-id');
    const report = await evalShippedModel(id, values.dir ? resolveUserPath(values.dir) : undefined);
    if (values.json) {
      await writeJson(report);
      return;
    }
    say(`${report.model} on the ${report.split} split (n=${report.n}): ${metricsLine(report.metrics)}`);
    for (const [name, figures] of Object.entries(report.baseline ?? {})) {
      say(`  baseline ${name}: ${metricsLine(typeof figures === 'object' ? figures : { [name]: figures })}`);
    }
  },
};
