// The recommender's per-epoch curves for its model card: train and validation loss, and the
// validation items' full-catalogue HR@10 and NDCG@10, with the kept epoch marked.
import type { RecsysEpochRecord } from '../training/recsys-train-loop.ts';
import { ACCURACY_BOUNDS, epochAxis, LOSS_BOUNDS, panelsSvg, TRAIN_COLOUR, VALIDATION_COLOUR } from './training-curve-svg.ts';

export function recsysTrainingCurveSvg(history: RecsysEpochRecord[], title: string, keptEpoch: number): string {
  const axis = epochAxis(history.length);
  const marker = { index: keptEpoch - 1, label: `kept (epoch ${keptEpoch})` };
  return panelsSvg(
    [
      {
        title: `${title}: loss`,
        series: [
          { label: 'train', colour: TRAIN_COLOUR, dashed: false, values: history.map((h) => h.trainLoss) },
          { label: 'validation', colour: VALIDATION_COLOUR, dashed: true, values: history.map((h) => h.validationLoss) },
        ],
        axis,
        marker,
        bounds: LOSS_BOUNDS,
      },
      {
        title: `${title}: validation, full catalogue`,
        series: [
          { label: 'HR@10', colour: VALIDATION_COLOUR, dashed: true, values: history.map((h) => h.validation['full/hr@10']) },
          { label: 'NDCG@10', colour: '#9467bd', dashed: true, values: history.map((h) => h.validation['full/ndcg@10']) },
        ],
        axis,
        marker,
        bounds: ACCURACY_BOUNDS,
      },
    ],
    2,
  );
}
