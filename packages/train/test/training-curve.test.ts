// The training curves' value axes: d3's nice ticks, never past 1 for shares nor below 0 for losses;
// validation beside train, the pre-training row, legends in rows that do not overlap.
import { describe, expect, it } from 'vitest';
import { ACCURACY_BOUNDS, LOSS_BOUNDS, trainingCurveSvg, valueScale, type EpochRecord, type PretrainEpochRecord } from '../src/index.ts';

const validated: EpochRecord[] = [
  { epoch: 1, trainLoss: 0.2056, trainAccuracy: 0.9311, validationLoss: 0.0736, validationAccuracy: 0.9839, seconds: 1 },
  { epoch: 2, trainLoss: 0.0369, trainAccuracy: 0.9917, validationLoss: 0.0306, validationAccuracy: 0.9892, seconds: 1 },
  { epoch: 3, trainLoss: 0.0043, trainAccuracy: 0.9991, validationLoss: 0.0371, validationAccuracy: 0.991, seconds: 1 },
];
const pretraining: PretrainEpochRecord[] = [
  { epoch: 1, loss: 8.03, accuracy: 0.0573, seconds: 1 },
  { epoch: 2, loss: 6.78, accuracy: 0.052, seconds: 1 },
  { epoch: 3, loss: 4.03, accuracy: 0.3169, seconds: 1 },
];

/** The value-axis tick labels of the SVG, panel by panel, in drawing order. */
function tickLabels(svg: string): string[] {
  return [...svg.matchAll(/text-anchor="end" font-size="10">([^<]+)</g)].map((m) => m[1]!);
}

describe('valueScale', () => {
  it('makes nice round ticks for accuracies and stops the axis at 1', () => {
    const scale = valueScale([0.9311, 0.9991, 0.9839], ACCURACY_BOUNDS);
    expect(scale.domain()).toEqual([0.93, 1]);
    expect(scale.ticks(5).map(scale.tickFormat(5))).toEqual(['0.93', '0.94', '0.95', '0.96', '0.97', '0.98', '0.99', '1.00']);
  });

  it('never runs a loss axis below 0, and gives 0.05 steps rather than 0.712, 0.648', () => {
    const scale = valueScale([0.0043, 0.2056], LOSS_BOUNDS);
    expect(scale.domain()).toEqual([0, 0.25]);
    expect(valueScale([0.45, 0.6944], LOSS_BOUNDS).ticks(5)).toEqual([0.45, 0.5, 0.55, 0.6, 0.65, 0.7]);
  });

  it('clamps a nice domain that would pass a bound', () => {
    expect(valueScale([0.97, 1], ACCURACY_BOUNDS).domain()).toEqual([0.97, 1]);
    expect(valueScale([0, 0.01], LOSS_BOUNDS).domain()[0]).toBe(0);
    const flat = valueScale([1, 1], ACCURACY_BOUNDS).domain();
    expect(flat[1]).toBe(1);
    expect(flat[0]).toBeLessThan(1);
  });
});

describe('trainingCurveSvg', () => {
  it('draws validation beside train in each panel, the kept epoch in the legend, no tick past [0, 1]', () => {
    const svg = trainingCurveSvg(validated, 'toy', 3);
    expect(svg.match(/>validation</g)).toHaveLength(2);
    expect(svg.match(/>kept \(epoch 3\)</g)).toHaveLength(2);
    const ticks = tickLabels(svg).map(Number);
    expect(ticks.length).toBeGreaterThanOrEqual(6);
    for (const tick of ticks) expect(tick >= 0 && tick <= 1).toBe(true);
    expect(tickLabels(svg)).toContain('1.00');
  });

  it('adds a pre-training row above fine-tuning when the model was pre-trained', () => {
    const refit = validated.map(({ epoch, trainLoss, trainAccuracy, seconds }) => ({ epoch, trainLoss, trainAccuracy, seconds }));
    const svg = trainingCurveSvg(refit, 'toy', 3, pretraining);
    const titles = [...svg.matchAll(/font-size="13">([^<]+)</g)].map((m) => m[1]);
    expect(titles).toEqual(['toy: pre-training loss', 'toy: pre-training accuracy', 'toy: fine-tuning loss', 'toy: fine-tuning accuracy']);
    expect(svg).toContain('height="520"');
    expect(svg).toContain('no validation curve: final refit on train + validation');
    expect(tickLabels(svg).slice(0, 6)).toEqual(['4', '5', '6', '7', '8', '9']);
  });

  it('wraps legend entries into rows instead of overlapping them', () => {
    const svg = trainingCurveSvg(
      validated.map(({ epoch, trainLoss, trainAccuracy, seconds }) => ({ epoch, trainLoss, trainAccuracy, seconds })),
      'toy',
      3,
    );
    const legendText = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="10"(?: fill="[^"]+")?>([^<]+)</g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      width: m[3]!.length * 6,
    }));
    for (const a of legendText) {
      for (const b of legendText) {
        if (a !== b && a.y === b.y) expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
      }
    }
    const noteY = legendText.find((t) => t.width === 'no validation curve: final refit on train + validation'.length * 6)!.y;
    expect(noteY).toBeGreaterThan(legendText[0]!.y);
  });
});
