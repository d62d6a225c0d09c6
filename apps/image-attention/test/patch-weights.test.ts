// The overlay arithmetic on a real explain result (an untrained tiny ViT): [CLS] → patch weights per head
// and head mean, rollout and flow over the patches, the distance matrix, and the pointing game.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clsPatchRollout } from '@attn/core/analysis';
import type { AttentionMaps } from '@attn/core/format';
import { loadImageTask, type ImageTask } from '@attn/task-image';
import { digitExamples, writeVitFolder } from '@attn/task-image/test-fixtures';
import {
  distanceMatrix,
  flowPatchWeights,
  headPatchWeights,
  layerPatchWeights,
  overlayWeights,
  patchGridSize,
  rolloutPointing,
} from '../src/patch-weights.ts';

let task: ImageTask;
let maps: AttentionMaps;
beforeAll(async () => {
  task = await loadImageTask(await writeVitFolder({ imageSize: 28, patchSize: 7, heads: 4, layers: 3, examples: digitExamples() }));
  maps = (await task.explain(task.examples()[0]!)).attention;
});
afterAll(() => task.dispose());

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('patch weights', () => {
  it('reads the grid from the tokens and gives [CLS] → patch weights per head, their mean for the head mean', () => {
    expect(patchGridSize(maps)).toBe(4);
    const perHead = headPatchWeights(maps, 1);
    expect(perHead).toHaveLength(4);
    const mean = layerPatchWeights(maps, 1, 'mean');
    expect(mean).toHaveLength(16);
    mean.forEach((value, i) => expect(value).toBeCloseTo(sum(perHead.map((head) => head[i]!)) / 4, 6));
    expect(layerPatchWeights(maps, 1, 2)).toEqual(perHead[2]);
  });

  it('gives rollout (as core computes it, fusion and discard applied) and flow as shares of the patches', () => {
    const rollout = overlayWeights(maps, { kind: 'rollout', fusion: 'mean', discardRatio: 0 });
    expect(Array.from(rollout)).toEqual(Array.from(clsPatchRollout(maps.layers)));
    expect(sum(rollout)).toBeCloseTo(1, 9);
    const fused = overlayWeights(maps, { kind: 'rollout', fusion: 'max', discardRatio: 0.5 });
    expect(Array.from(fused)).not.toEqual(Array.from(rollout));
    const flow = flowPatchWeights(maps);
    expect(flow).toHaveLength(16);
    expect(sum(flow)).toBeCloseTo(1, 5);
    expect(overlayWeights(maps, { kind: 'flow' })).toEqual(flow);
  });

  it('gives the mean attention distance as layers × heads, within the grid’s diagonal', () => {
    const matrix = distanceMatrix(maps);
    expect([matrix.rows, matrix.cols]).toEqual([3, 4]);
    for (const value of matrix.values) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(Math.hypot(3, 3));
    }
  });

  it('plays the pointing game against a box in model pixels, beside its chance level', () => {
    expect(rolloutPointing(maps, { x: 0, y: 0, width: 28, height: 28 }, 28)).toMatchObject({ hit: true, chance: 1 });
    const corner = rolloutPointing(maps, { x: 0, y: 0, width: 7, height: 7 }, 28);
    expect(corner.chance).toBe(1 / 16);
    expect(corner.hit).toBe(corner.peakPatch === 0);
  });
});
