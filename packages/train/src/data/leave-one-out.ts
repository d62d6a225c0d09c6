// Per-user interaction sequences and the leave-one-out split: each user's items in time order
// (ties by ascending movieId), the last one for test, the one before for validation, the rest training.
import type { Rating } from './movielens.ts';

export interface UserSplit {
  userId: number;
  /** Training items (movieIds or item indices), oldest first. */
  train: number[];
  validation: number;
  test: number;
}

export interface LeaveOneOutSplit {
  users: UserSplit[];
  /** Users with fewer than 3 interactions, left out (none in ml-latest-small, where each has ≥ 20). */
  skippedUsers: number;
}

/**
 * Each user's movieIds ordered by timestamp; ratings in the same second are ordered by ascending
 * movieId (the order ratings.csv lists them in), so the order never depends on file order. By userId.
 */
export function userSequences(ratings: readonly Rating[]): { userId: number; movieIds: number[] }[] {
  const byUser = new Map<number, Rating[]>();
  for (const rating of ratings) {
    const list = byUser.get(rating.userId);
    if (list) list.push(rating);
    else byUser.set(rating.userId, [rating]);
  }
  return [...byUser.entries()]
    .sort(([a], [b]) => a - b)
    .map(([userId, list]) => ({
      userId,
      movieIds: list.sort((a, b) => a.timestamp - b.timestamp || a.movieId - b.movieId).map((r) => r.movieId),
    }));
}

export function leaveOneOut(ratings: readonly Rating[]): LeaveOneOutSplit {
  const users: UserSplit[] = [];
  let skippedUsers = 0;
  for (const { userId, movieIds } of userSequences(ratings)) {
    if (movieIds.length < 3) {
      skippedUsers++;
      continue;
    }
    const n = movieIds.length;
    users.push({ userId, train: movieIds.slice(0, n - 2), validation: movieIds[n - 2] as number, test: movieIds[n - 1] as number });
  }
  return { users, skippedUsers };
}

/** The last `maxLength` items of `items` (the model reads at most that many), oldest first. */
export function recentItems(items: readonly number[], maxLength: number): number[] {
  return items.slice(Math.max(0, items.length - maxLength));
}
