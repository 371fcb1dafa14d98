// Brute-force neighbour search: every distance from every query to every
// training row. Browser-safe.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { checkSearch } from './checks.ts';
import { fromReduced, reducedDistance } from './distance.ts';
import { NeighborHeap } from './heap.ts';

// #region neighbors
/** The k nearest training rows of each of m queries. Row q lists them
 *  in the order of Eq. (knn-order): nearest first, ties by index. */
export interface Neighbors {
  k: number;
  indices: Int32Array; // m × k, row-major
  distances: Float64Array; // m × k: ‖x_i − q‖_p
}
// #endregion

// #region brute
/** The k nearest rows of X to each row of Q: all n distances per query,
 *  O(nd + n log k) time per query. */
export function bruteForceNeighbors(
  X: Matrix,
  Q: Matrix,
  k: number,
  p = 2,
): Neighbors {
  checkSearch('bruteForceNeighbors', X, Q, k, p);
  const { rows: n, cols: d } = X;
  const out = emptyNeighbors(Q.rows, k);
  const heap = new NeighborHeap(k);
  for (let q = 0; q < Q.rows; q++) {
    heap.clear();
    for (let i = 0; i < n; i++) {
      heap.push(reducedDistance(Q.data, q, X.data, i, d, p), i);
    }
    heap.writeSorted(out, q, (rho) => fromReduced(rho, p));
  }
  return out;
}
// #endregion

/** Room for m rows of k neighbours. */
export function emptyNeighbors(m: number, k: number): Neighbors {
  if (!Number.isSafeInteger(m) || m < 1 || !Number.isSafeInteger(k) ||
    k < 1 || m * k > 2 ** 31) {
    throw new Error(`emptyNeighbors: need integers m, k >= 1 with ` +
      `m · k <= 2^31, got m = ${m}, k = ${k}`);
  }
  return {
    k,
    indices: new Int32Array(m * k),
    distances: new Float64Array(m * k),
  };
}
