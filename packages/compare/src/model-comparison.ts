// One model's attention across its inputs, in the vocabulary every domain shares: the per-head
// profile averaged over the inputs, the readout row's shape as raw attention, rollout and flow, faithfulness.
import { AttentionError, type AttentionProfile, type FaithfulnessFigure, type HeadProfile, type HeadRole, type RowShape } from '@attn/core';

export interface MeanFigure {
  mean: number;
  standardError: number;
  /** Inputs the figure was defined on (NaN values are left out). */
  n: number;
}

export interface HeadComparison extends Omit<HeadProfile, 'role'> {
  /** The role the head takes on most inputs; null for pooling and cross layers. */
  role: HeadRole | null;
}

export interface ModelComparison {
  id: string;
  domain: string;
  title: string;
  /** Inputs the model ran on. */
  inputs: number;
  layers: number;
  heads: HeadComparison[];
  /** Heads per role (pooling and cross layers left out). */
  roles: Partial<Record<HeadRole, number>>;
  readout: {
    raw: Record<keyof RowShape, MeanFigure>;
    rollout: Record<keyof RowShape, MeanFigure> | null;
    flow: Record<keyof RowShape, MeanFigure> | null;
    rawVsRollout: MeanFigure | null;
    rolloutVsFlow: MeanFigure | null;
  };
  /** The domain's faithfulness test over the inputs; null where the task has none. */
  faithfulness: (MeanFigure & { method: string }) | null;
}

export function meanFigure(values: readonly number[]): MeanFigure {
  const defined = values.filter((v) => Number.isFinite(v));
  const n = defined.length;
  if (n === 0) return { mean: Number.NaN, standardError: Number.NaN, n };
  const mean = defined.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? defined.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, standardError: Math.sqrt(variance / n), n };
}

function meanOf<T>(items: readonly T[], value: (item: T) => number | null): number {
  const values = items.map(value).filter((v): v is number => v !== null && Number.isFinite(v));
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function shapeFigures(shapes: readonly (RowShape | null)[]): Record<keyof RowShape, MeanFigure> | null {
  const present = shapes.filter((s): s is RowShape => s !== null);
  if (present.length === 0) return null;
  return {
    entropy: meanFigure(present.map((s) => s.entropy)),
    gini: meanFigure(present.map((s) => s.gini)),
    topKMass: meanFigure(present.map((s) => s.topKMass)),
  };
}

function correlationFigure(values: readonly (number | null)[]): MeanFigure | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : meanFigure(present);
}

/** Averages the profiles (one per input, same model) head by head; the faithfulness figures likewise. */
export function compareProfiles(
  model: { id: string; domain: string; title: string },
  profiles: readonly AttentionProfile[],
  faithfulness: readonly FaithfulnessFigure[] | null,
): ModelComparison {
  const first = profiles[0];
  if (!first) throw new AttentionError('E_INPUT', `${model.id} has no examples to run; give it an input for the ${model.domain} domain`);
  const heads = first.heads.map((head, i): HeadComparison => {
    const same = profiles.map((p) => p.heads[i]!);
    const roles = same.map((h) => h.role);
    return {
      layerIndex: head.layerIndex,
      head: head.head,
      entropy: meanOf(same, (h) => h.entropy),
      meanDistance: head.meanDistance === null ? null : meanOf(same, (h) => h.meanDistance),
      gini: meanOf(same, (h) => h.gini),
      topKMass: meanOf(same, (h) => h.topKMass),
      role: roles.every((r) => r === null) ? null : mostCommon(roles.filter((r) => r !== null)),
    };
  });
  const roles: Partial<Record<HeadRole, number>> = {};
  for (const head of heads) if (head.role) roles[head.role] = (roles[head.role] ?? 0) + 1;
  const readouts = profiles.map((p) => p.readout);
  return {
    ...model,
    inputs: profiles.length,
    layers: new Set(heads.map((h) => h.layerIndex)).size,
    heads,
    roles,
    readout: {
      raw: shapeFigures(readouts.map((r) => r.raw))!,
      rollout: shapeFigures(readouts.map((r) => r.rollout)),
      flow: shapeFigures(readouts.map((r) => r.flow)),
      rawVsRollout: correlationFigure(readouts.map((r) => r.rawVsRollout)),
      rolloutVsFlow: correlationFigure(readouts.map((r) => r.rolloutVsFlow)),
    },
    faithfulness:
      faithfulness && faithfulness.length > 0 ? { method: faithfulness[0]!.method, ...meanFigure(faithfulness.map((f) => f.value)) } : null,
  };
}
