// Pieces the model cards share: percentages, the per-epoch training table with the kept epoch marked
// (text and image models), the confusion-matrix table and the closing Rebuild section.
import type { EpochRecord } from '../training/train-loop.ts';

export const pct = (v: number | undefined) => (v === undefined ? '–' : `${(v * 100).toFixed(2)} %`);

const loss = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(4));

export function historyTable(history: EpochRecord[], best: number): string[] {
  return [
    '| epoch | train loss | train acc. | val. loss | val. acc. | seconds |',
    '|---|---|---|---|---|---|',
    ...history.map(
      (h) =>
        `| ${h.epoch}${h.epoch === best ? ' (kept)' : ''} | ${h.trainLoss.toFixed(4)} | ${pct(h.trainAccuracy)} | ${loss(h.validationLoss)} | ${pct(h.validationAccuracy)} | ${h.seconds.toFixed(1)} |`,
    ),
  ];
}

/** The closing Rebuild section: the commands that retrain and re-evaluate the model. */
export function rebuildSection(id: string, epochs: number, seed: number): string[] {
  return [
    '## Rebuild',
    '',
    '```sh',
    `pnpm attn train ${id} --epochs ${epochs} --seed ${seed}`,
    `pnpm attn eval ${id} --json`,
    '```',
    '',
    'Training is deterministic for a given seed on the same machine and library versions (tfjs wasm backend, single thread).',
    '',
  ];
}

/** A confusion matrix as a markdown table: rows the true labels, columns the predicted ones, row totals last. */
export function confusionTable(labels: string[], counts: number[][]): string[] {
  return [
    `| true \\ predicted | ${labels.join(' | ')} | total |`,
    `|---|${labels.map(() => '---|').join('')}---|`,
    ...labels.map((label, i) => {
      const row = counts[i] ?? [];
      return `| ${label} | ${row.join(' | ')} | ${row.reduce((a, b) => a + b, 0)} |`;
    }),
  ];
}
