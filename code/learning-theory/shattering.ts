// Shattering, and the VC dimension found by search: the largest subset
// of a pool of candidate points that a class shatters.
import type { HypothesisClass } from './classes.ts';
import { MAX_POINTS, requireFunction, requireInt } from './checks.ts';

// #region shatters
/** True if H realizes all 2^n labellings of the n points
 *  (Eq. (lt-shatter)). */
export function shatters<P>(
  H: HypothesisClass<P>,
  points: readonly P[],
): boolean {
  requireList('shatters', points, 'points', MAX_POINTS);
  return H.restrict(points).size === 2 ** points.length;
}
// #endregion

/** Calls visit with every k-subset of {0, ..., N-1}, in lexicographic
 *  order, until visit returns true; returns how many it visited. */
export function forEachSubset(
  N: number,
  k: number,
  visit: (idx: readonly number[]) => boolean,
): number {
  requireInt('forEachSubset', 'N', N);
  requireInt('forEachSubset', 'k', k, 0, N);
  requireFunction('forEachSubset', 'visit', visit);
  const idx = Array.from({ length: k }, (_, i) => i);
  let visited = 0;
  for (;;) {
    visited += 1;
    if (visit(idx)) return visited;
    let i = k - 1; // the rightmost index that can still move right
    while (i >= 0 && idx[i] === N - k + i) i -= 1;
    if (i < 0) return visited;
    idx[i] += 1;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

/** The largest k such that some k points of the pool are shattered,
 *  such a set, and the subsets examined for k = 1, 2, ... */
export interface VcSearch<P> {
  readonly dimension: number;
  readonly witness: readonly P[];
  readonly examined: readonly number[];
}

// #region vc-search
/** Searches the pool for shattered sets of size 1, 2, ...; stops at the
 *  first size with none, since every subset of a shattered set is
 *  shattered (so no larger one can be). */
export function vcSearch<P>(
  H: HypothesisClass<P>,
  pool: readonly P[],
  maxSize = Math.min(pool.length, MAX_POINTS),
): VcSearch<P> {
  checkSearch(pool, maxSize);
  let witness: readonly P[] = [];
  const examined: number[] = [];
  for (let k = 1; k <= maxSize; k++) {
    let found = null as P[] | null;
    examined.push(forEachSubset(pool.length, k, (idx) => {
      const C = idx.map((i) => pool[i]);
      if (shatters(H, C)) found = C;
      return found !== null;
    }));
    if (found === null) break;
    witness = found;
  }
  return { dimension: witness.length, witness, examined };
}
// #endregion

/** max over the k-subsets C of the pool of |H_C|: a lower bound on the
 *  growth function tau_H(k) (Eq. (lt-growth)), exact when the pool
 *  holds a set that attains the maximum. */
export function growthOnPool<P>(
  H: HypothesisClass<P>,
  pool: readonly P[],
  k: number,
): number {
  requireList('growthOnPool', pool, 'pool');
  requireInt('growthOnPool', 'k', k, 0, Math.min(pool.length, MAX_POINTS));
  let best = 0;
  forEachSubset(pool.length, k, (idx) => {
    best = Math.max(best, H.restrict(idx.map((i) => pool[i])).size);
    return best === 2 ** k; // nothing can beat a shattered set
  });
  return best;
}

function checkSearch(pool: readonly unknown[], maxSize: number) {
  requireList('vcSearch', pool, 'pool');
  requireInt('vcSearch', 'maxSize', maxSize, 0,
    Math.min(pool.length, MAX_POINTS));
}

function requireList(
  fn: string,
  xs: readonly unknown[],
  name = 'points',
  most = Infinity,
) {
  if (!Array.isArray(xs)) {
    throw new Error(`${fn}: ${name} must be an array, got ${typeof xs}`);
  }
  if (xs.length > most) {
    throw new Error(`${fn}: ${name} may hold at most ${most} points ` +
      `(labellings are bitmasks), got ${xs.length}`);
  }
}
