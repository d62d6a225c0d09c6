// Draws a model's mean deletion curves (true-class probability as patches are blanked in rollout
// order and in random order) as a small standalone SVG for the model card.
import type { DeletionStudy } from './deletion-study.ts';
import { ACCURACY_BOUNDS, panelsSvg } from './training-curve-svg.ts';

/** The curve at every count 0 … patches, straight between the scored steps (as the lines are drawn). */
function atEveryCount(steps: readonly number[], values: readonly number[], patches: number): number[] {
  return Array.from({ length: patches + 1 }, (_, k) => {
    const right = Math.max(
      1,
      steps.findIndex((step) => step >= k),
    );
    const [k0, k1] = [steps[right - 1] as number, steps[right] as number];
    const [v0, v1] = [values[right - 1] as number, values[right] as number];
    return k1 === k0 ? v0 : v0 + ((v1 - v0) * (k - k0)) / (k1 - k0);
  });
}

export function deletionCurveSvg(study: DeletionStudy, title: string): string {
  const width = 420;
  const height = 280;
  const quarter = study.patches / 4;
  const axis = {
    caption: `patches blanked (of ${study.patches})`,
    tick: (k: number) => (Number.isInteger(k / quarter) ? String(k) : undefined),
  };
  const series = [
    {
      label: 'rollout order (most attended first)',
      colour: '#d62728',
      dashed: false,
      values: atEveryCount(study.steps, study.ranked, study.patches),
    },
    { label: 'random order', colour: '#1f77b4', dashed: true, values: atEveryCount(study.steps, study.random, study.patches) },
  ];
  return panelsSvg([{ title: `${title}: mean P(true class), n = ${study.n}`, series, axis, bounds: ACCURACY_BOUNDS }], 1, width, height);
}
