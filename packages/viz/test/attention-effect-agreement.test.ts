// describeAgreement's words for each strength and sign, and attentionEffectRho over chosen elements (special ones left out).
import { describe, expect, it } from 'vitest';
import { attentionEffectRho, describeAgreement } from '../src/attention-effect-agreement.ts';

describe('describeAgreement', () => {
  it('names the strength, the sign and the elements', () => {
    expect(describeAgreement(0.8, 'tokens')).toBe('strong agreement: the tokens attended to most tend to matter most');
    expect(describeAgreement(-0.5, 'tokens')).toBe('moderate disagreement: the tokens attended to most tend to matter least');
    expect(describeAgreement(0.25)).toBe('weak agreement: the movies attended to most tend to matter most');
    expect(describeAgreement(0.1, 'tokens')).toBe('no real agreement: attention does not rank the tokens as their effects do');
    expect(describeAgreement(Number.NaN, 'tokens')).toMatch(/^undefined/);
  });
});

describe('attentionEffectRho', () => {
  it('ranks only the chosen elements', () => {
    const attention = [0.9, 0.1, 0.2, 0.3, 0.9];
    const effects = [-5, 0.01, 0.02, 0.03, 7];
    expect(attentionEffectRho(attention, effects, [1, 2, 3])).toBeCloseTo(1, 12);
    expect(attentionEffectRho(attention, [0, 3, 2, 1, 0], [1, 2, 3])).toBeCloseTo(-1, 12);
    expect(attentionEffectRho(attention, effects, [2])).toBeNaN();
  });
});
