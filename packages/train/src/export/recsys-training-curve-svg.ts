// The recommender's per-epoch curves for its model card: train and validation loss, and the
// validation items' full-catalogue HR@10 and NDCG@10, with the kept epoch marked.
import type { RecsysEpochRecord } from '../training/recsys-train-loop.ts';
import { epochAxis, linePanel } from './training-curve-svg.ts';

export function recsysTrainingCurveSvg(history: RecsysEpochRecord[], title: string, keptEpoch: number): string {
  const width = 360;
  const height = 240;
  const axis = epochAxis(history.length);
  const kept = { index: keptEpoch - 1, label: 'kept' };
  const loss = linePanel(
    `${title}: loss`,
    [
      { label: 'train', colour: '#1f77b4', dashed: false, values: history.map((h) => h.trainLoss) },
      { label: 'validation', colour: '#d62728', dashed: true, values: history.map((h) => h.validationLoss) },
    ],
    axis,
    kept,
    0,
    width,
    height,
  );
  const ranking = linePanel(
    `${title}: validation, full catalogue`,
    [
      { label: 'HR@10', colour: '#d62728', dashed: true, values: history.map((h) => h.validation['full/hr@10']) },
      { label: 'NDCG@10', colour: '#9467bd', dashed: true, values: history.map((h) => h.validation['full/ndcg@10']) },
    ],
    axis,
    kept,
    width,
    width,
    height,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * width}" height="${height}" viewBox="0 0 ${2 * width} ${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${loss}\n${ranking}\n</svg>\n`;
}
