// The leave-one-out evaluation cases of one split: per user, the items before the held-out one,
// the held-out item, and 100 seeded negatives the user never interacted with (sampled metrics).
import { seededRandom } from '../random.ts';
import type { UserSplit } from './leave-one-out.ts';

export type HeldOutSplit = 'validation' | 'test';

export interface HeldOutCase {
  userId: number;
  /** Every item index before the held-out one, oldest first (the model reads the last maxLength). */
  history: number[];
  target: number;
  /** Distinct item indices the user never interacted with (in any split), for the sampled metrics. */
  negatives: number[];
}

export interface NegativeSampling {
  /** Negatives per case (100). */
  count: number;
  /** Seed of the draw; validation draws with seed + 1 so the two splits get independent samples. */
  seed: number;
}

/** Uniform draws without replacement from 1..numItems, skipping `excluded`. */
function sampleNegatives(excluded: ReadonlySet<number>, numItems: number, count: number, next: () => number): number[] {
  const chosen = new Set<number>();
  const available = numItems - excluded.size;
  while (chosen.size < Math.min(count, available)) {
    const item = 1 + Math.floor(next() * numItems);
    if (!excluded.has(item)) chosen.add(item);
  }
  return [...chosen];
}

/** One case per user (in the order given), over item indices 1..numItems. */
export function heldOutCases(
  users: readonly UserSplit[],
  split: HeldOutSplit,
  numItems: number,
  sampling: NegativeSampling,
): HeldOutCase[] {
  const random = seededRandom(sampling.seed + (split === 'test' ? 0 : 1));
  return users.map((user) => {
    const interacted = new Set([...user.train, user.validation, user.test]);
    return {
      userId: user.userId,
      history: split === 'test' ? [...user.train, user.validation] : [...user.train],
      target: split === 'test' ? user.test : user.validation,
      negatives: sampleNegatives(interacted, numItems, sampling.count, random.next),
    };
  });
}
