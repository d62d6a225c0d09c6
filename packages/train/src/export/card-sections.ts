// Pieces every model card shares (text and image models): percentages, and the per-epoch
// training table with the kept epoch marked.
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
