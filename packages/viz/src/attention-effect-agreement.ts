// How well attention ranks the input's elements as their drop-one effects do: Spearman's ρ between the two,
// and a sentence saying how strong the agreement is — shared by every app that shows attention beside an effect.
import { spearmanCorrelation } from '@attn/core/analysis';

/** How strongly ρ says the two orders agree, in words; `elements` names the input's elements ("movies", "tokens"). */
export function describeAgreement(rho: number, elements = 'movies'): string {
  if (Number.isNaN(rho)) return `undefined: one side is the same for every one of the ${elements}`;
  const size = Math.abs(rho);
  const strength = size >= 0.7 ? 'strong' : size >= 0.4 ? 'moderate' : size >= 0.2 ? 'weak' : 'no real';
  if (strength === 'no real') return `no real agreement: attention does not rank the ${elements} as their effects do`;
  return rho > 0
    ? `${strength} agreement: the ${elements} attended to most tend to matter most`
    : `${strength} disagreement: the ${elements} attended to most tend to matter least`;
}

/** Spearman's ρ between attention and effect over the elements `indices` picks (NaN under two, or where one side is constant). */
export function attentionEffectRho(attention: ArrayLike<number>, effects: ArrayLike<number>, indices: readonly number[]): number {
  if (indices.length < 2) return Number.NaN;
  return spearmanCorrelation(
    indices.map((i) => attention[i] ?? 0),
    indices.map((i) => effects[i] ?? 0),
  );
}
