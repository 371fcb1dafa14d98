// The curse of dimensionality, measured: distances between uniform
// random points concentrate around their mean as d grows, and a k-d tree
// has to look at nearly every point. Browser-safe.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { bruteForceNeighbors } from './brute.ts';
import { buildKdTree, kdTreeNeighbors } from './kd-tree.ts';

// #region concentration-theory
/** Mean and standard deviation of ‖u − v‖² for u, v uniform on
 *  [0, 1]^d: d/6 and √(7d/180), Eq. (knn-concentration). */
export function squaredDistanceMoments(d: number) {
  checkDimension('squaredDistanceMoments', d);
  return { mean: d / 6, sd: Math.sqrt((7 * d) / 180) };
}
// #endregion

// #region concentration-measured
/** `reps` draws of n uniform points and one uniform query in [0, 1]^d:
 *  the mean and standard deviation of all n · reps squared distances,
 *  and the average contrast (max − min)/min of one draw's distances. */
export function distanceConcentration(
  d: number, n: number, reps: number, rng: Rng,
) {
  checkDimension('distanceConcentration', d);
  checkSizes('distanceConcentration', { n, reps });
  const squared = new Float64Array(n * reps);
  const contrast = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    const X = new Matrix(n, d, rng.uniformArray(n * d));
    const q = new Matrix(1, d, rng.uniformArray(d));
    const all = bruteForceNeighbors(X, q, n).distances; // sorted
    all.forEach((v, i) => (squared[r * n + i] = v * v));
    contrast[r] = (all[n - 1] - all[0]) / all[0];
  }
  const { mean, variance } = moments(squared);
  const sd = Math.sqrt(variance);
  return { mean, sd, contrast: moments(contrast).mean };
}
// #endregion

// #region tree-work
/** The share of the n training points whose distance a k-d tree query
 *  computes, for uniform data in [0, 1]^d: near 0 for small d, near 1
 *  once d is large. */
export function treeWork(
  d: number, n: number, queries: number, k: number, rng: Rng,
): number {
  checkDimension('treeWork', d);
  checkSizes('treeWork', { n, queries, k });
  if (k > n) throw new Error(`treeWork: k = ${k} exceeds n = ${n}`);
  const X = new Matrix(n, d, rng.uniformArray(n * d));
  const Q = new Matrix(queries, d, rng.uniformArray(queries * d));
  const stats = { visited: 0 };
  kdTreeNeighbors(buildKdTree(X), Q, k, 2, stats);
  return stats.visited / (queries * n);
}
// #endregion

function checkDimension(fn: string, d: number): void {
  if (!Number.isInteger(d) || d < 1) {
    throw new Error(`${fn}: d must be an integer >= 1, got ${d}`);
  }
}

function checkSizes(fn: string, sizes: Record<string, number>): void {
  for (const [name, v] of Object.entries(sizes)) {
    if (!Number.isSafeInteger(v) || v < (name === 'n' ? 2 : 1)) {
      throw new Error(`${fn}: ${name} must be an integer >= ` +
        `${name === 'n' ? 2 : 1}, got ${v}`);
    }
  }
}
