// `attn compare [--models id,…] [--examples N] [--json]`: the same attention statistics for every shipped
// model (or the ones named), grouped by domain — a table on the terminal, attn-compare/v1 as JSON.
import { AttentionError } from '@attn/core';
import { compareModels, DEFAULT_COMPARE_EXAMPLES, type MeanFigure, type ModelComparison } from '@attn/compare';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { parseCommandArgs, parsePositiveInt, say, writeJson, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';

const fixed = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const figure = (f: MeanFigure | null | undefined) => (f ? `${fixed(f.mean)} ± ${fixed(f.standardError)}` : '–');

function spread(values: readonly (number | null)[]): string {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (defined.length === 0) return '–';
  const mean = defined.reduce((a, b) => a + b, 0) / defined.length;
  return `${fixed(mean)} (${fixed(Math.min(...defined))}–${fixed(Math.max(...defined))})`;
}

/** One row of the terminal table: a model's figures in the column order of COLUMNS. */
function tableRow(model: ModelComparison): string[] {
  const { heads, readout } = model;
  const roles = Object.entries(model.roles)
    .sort((a, b) => b[1] - a[1])
    .map(([role, count]) => `${count} ${role}`)
    .join(', ');
  return [
    model.id,
    `${model.layers}×${heads.length / model.layers}`,
    spread(heads.map((h) => h.entropy)),
    spread(heads.map((h) => h.meanDistance)),
    spread(heads.map((h) => h.gini)),
    spread(heads.map((h) => h.topKMass)),
    roles || '–',
    [readout.raw, readout.rollout, readout.flow].map((view) => fixed(view?.entropy.mean)).join(' / '),
    fixed(readout.rawVsRollout?.mean),
    model.faithfulness ? `${model.faithfulness.method} ${figure(model.faithfulness)}` : '–',
  ];
}

const COLUMNS = [
  'model',
  'layers×heads',
  'entropy',
  'distance',
  'Gini',
  'top-3 mass',
  'head roles',
  'readout entropy raw/rollout/flow',
  'ρ raw~rollout',
  'faithfulness (mean ± s.e.)',
];

function table(rows: string[][]): string[] {
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'Compare attention statistics across the shipped models of every domain',
  usage: `Usage: attn compare [--models id,id,…] [--examples N] [--no-faithfulness] [--json] [--out file]

  Runs each model on the first N examples of its folder and reports, grouped by domain: per-head
  entropy, attention distance (tokens or items apart; patches apart on the grid for images), Gini and
  top-3 mass (mean and range over the heads), head roles, the readout row's entropy as raw attention,
  rollout and flow, and the domain's faithfulness test (drop-one or drop-item Spearman, deletion area).

  --models           shipped ids or model folders, separated by commas (default: ${SHIPPED_MODELS.map((m) => m.id).join(', ')})
  --examples         examples per model (default ${DEFAULT_COMPARE_EXAMPLES})
  --no-faithfulness  skip the faithfulness tests (they re-run each model once per element)
  --json             print attn-compare/v1 on stdout
  --out              write the JSON to a file (implies --json)`,
  async run(argv) {
    const { values } = parseCommandArgs(
      'compare',
      argv,
      {
        models: { type: 'string' },
        examples: { type: 'string' },
        'no-faithfulness': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
      [],
    );
    const outPath = outPathArg(values.out);
    const models = values.models
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (models?.length === 0) throw new AttentionError('E_INPUT', '--models must name at least one model id or folder');
    const report = await compareModels({
      ...(models ? { models } : {}),
      examples: parsePositiveInt('examples', values.examples, DEFAULT_COMPARE_EXAMPLES),
      faithfulness: !values['no-faithfulness'],
      onModel: (done, total, id) => say(`compared ${id} (${done}/${total})`),
    });
    if (values.json || outPath) {
      await writeJson(report, outPath);
      return;
    }
    for (const { domain, models: compared } of report.domains) {
      say('');
      say(`${domain}`);
      for (const line of table(compared.map(tableRow))) say(`  ${line}`);
    }
  },
};
