// `attn eval <model-id> [--json]`: runs the committed ONNX model on its held-out test split and
// prints the metrics, computed now (never read from a file).
import { evalModel, RECIPES } from '@attn/train';
import { resolveUserPath } from '@attn/core';
import { parseCommandArgs, requirePositional, say, writeJson, type CliCommand } from '../command.ts';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Evaluate a shipped text model on its held-out test split',
  usage: `Usage: attn eval <model-id> [--json] [--dir model-dir]

  <model-id>   one of: ${Object.keys(RECIPES).join(', ')}
  --json       print { "model", "split": "test", "n", "metrics" } on stdout
  --dir        evaluate this model folder instead of models/<model-id>`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('eval', argv, { json: { type: 'boolean' }, dir: { type: 'string' } });
    const id = requirePositional('eval', positionals, 0, 'model-id');
    const report = await evalModel(id, values.dir ? resolveUserPath(values.dir) : undefined);
    if (values.json) {
      await writeJson(report);
      return;
    }
    say(`${report.model} on the ${report.split} split (n=${report.n}):`);
    for (const [name, value] of Object.entries(report.metrics)) say(`  ${name.padEnd(9)} ${(value * 100).toFixed(2)} %`);
  },
};
