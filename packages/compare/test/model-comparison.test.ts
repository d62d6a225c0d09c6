// Averaging profiles into one model's comparison: head statistics averaged input by input, the role
// most inputs give, figures with their standard error, NaN inputs left out of a figure.
import { describe, expect, it } from 'vitest';
import type { AttentionProfile } from '@attn/core';
import { compareProfiles, meanFigure } from '../src/index.ts';

const shape = (entropy: number) => ({ entropy, gini: 1 - entropy, topKMass: 0.5 });

function profile(entropy: number, role: 'broad' | 'local', correlation: number): AttentionProfile {
  return {
    heads: [
      { layerIndex: 0, head: 0, entropy, meanDistance: 2, gini: 0.1, topKMass: 0.4, role },
      { layerIndex: 1, head: 0, entropy: 0.5, meanDistance: null, gini: 0.2, topKMass: 0.6, role: null },
    ],
    readout: { query: 0, raw: shape(entropy), rollout: shape(0.9), flow: null, rawVsRollout: correlation, rolloutVsFlow: null },
  };
}

describe('meanFigure', () => {
  it('gives the mean, its standard error and the count of defined values', () => {
    expect(meanFigure([1, 2, 3, Number.NaN])).toEqual({ mean: 2, standardError: Math.sqrt(1 / 3), n: 3 });
    expect(meanFigure([Number.NaN]).n).toBe(0);
  });
});

describe('compareProfiles', () => {
  it('averages heads over the inputs and keeps the role most inputs give', () => {
    const model = { id: 'm', domain: 'text', title: 'M' };
    const comparison = compareProfiles(
      model,
      [profile(0.9, 'broad', 0.5), profile(0.7, 'broad', Number.NaN), profile(0.2, 'local', 0.7)],
      [
        { method: 'drop-one Spearman', value: 0.2 },
        { method: 'drop-one Spearman', value: 0.4 },
      ],
    );
    expect(comparison).toMatchObject({ ...model, inputs: 3, layers: 2, roles: { broad: 1 } });
    expect(comparison.heads[0]!.entropy).toBeCloseTo(0.6, 12);
    expect(comparison.heads[0]!.role).toBe('broad');
    expect(comparison.heads[1]).toMatchObject({ meanDistance: null, role: null });
    expect(comparison.readout.rollout!.entropy.mean).toBeCloseTo(0.9, 12);
    expect(comparison.readout.flow).toBeNull();
    expect(comparison.readout.rawVsRollout).toMatchObject({ n: 2 });
    expect(comparison.readout.rawVsRollout!.mean).toBeCloseTo(0.6, 12);
    expect(comparison.faithfulness).toMatchObject({ method: 'drop-one Spearman', n: 2 });
    expect(comparison.faithfulness!.mean).toBeCloseTo(0.3, 12);
  });

  it('says which model had no input to run', () => {
    expect(() => compareProfiles({ id: 'm', domain: 'text', title: 'M' }, [], null)).toThrow(
      /m has no examples to run; give it an input for the text domain/,
    );
  });

  it('has no faithfulness figure for a task without a test', () => {
    expect(compareProfiles({ id: 'm', domain: 'text', title: 'M' }, [profile(0.5, 'local', 0)], null).faithfulness).toBeNull();
  });
});
