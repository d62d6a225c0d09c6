// The deletion curve of one image on an untrained tiny ViT: steps, the first and last scores against
// explain() with nothing and everything blanked, the seeded random order, and the class followed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionTask } from '@attn/core';
import { deletionSteps, imageDeletionCurve, loadImageTask, type ImageInput, type ImagePrediction } from '../src/index.ts';
import { digitExamples, writeVitFolder } from './fixtures/vit-folder.ts';

let task: AttentionTask<ImageInput, ImagePrediction>;
beforeAll(async () => {
  task = await loadImageTask(await writeVitFolder({ imageSize: 28, patchSize: 7, examples: digitExamples() }));
});
afterAll(() => task.dispose());

describe('deletionSteps', () => {
  it('counts every patch up to maxSteps, else evenly spaced steps from 0 to all', () => {
    expect(deletionSteps(4, 64)).toEqual([0, 1, 2, 3, 4]);
    expect(deletionSteps(196, 4)).toEqual([0, 49, 98, 147, 196]);
  });
});

describe('imageDeletionCurve', () => {
  it('scores the true class from the unchanged image to every patch blanked, in rollout and in seeded random order', async () => {
    const input = task.examples()[0]!;
    const curve = await imageDeletionCurve(task, input);
    expect(curve).toMatchObject({ target: '1', patches: 16, seed: 1, steps: Array.from({ length: 17 }, (_, k) => k) });
    const unchanged = (await task.explain(input)).prediction.scores['1']!;
    const allBlank = (await task.explain({ ...input, blankPatches: Array.from({ length: 16 }, (_, i) => i) })).prediction.scores['1']!;
    expect(curve.ranked[0]).toBeCloseTo(unchanged, 6);
    expect(curve.random[0]).toBeCloseTo(unchanged, 6);
    expect(curve.ranked[16]).toBeCloseTo(allBlank, 6);
    expect(curve.random[16]).toBeCloseTo(allBlank, 6);
    expect(Number.isFinite(curve.areaBetween)).toBe(true);
    expect(await imageDeletionCurve(task, input)).toEqual(curve);
    expect((await imageDeletionCurve(task, input, { seed: 2 })).random).not.toEqual(curve.random);
  });

  it('follows the predicted class when the input has no label the model knows, with fewer steps when asked', async () => {
    const { image } = task.examples()[1]!;
    const predicted = (await task.explain({ image })).prediction.label;
    const curve = await imageDeletionCurve(task, { image, label: 'seven' }, { maxSteps: 4 });
    expect(curve.target).toBe(predicted);
    expect(curve.steps).toEqual([0, 4, 8, 12, 16]);
  });

  it("is the image task's faithfulness figure: the area between the curves", async () => {
    const input = task.examples()[0]!;
    expect(await task.faithfulness!(input)).toEqual({
      method: 'deletion area',
      value: (await imageDeletionCurve(task, input)).areaBetween,
    });
  });
});
