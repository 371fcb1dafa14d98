// Brute-force neighbour search: every distance from every query to every
// training row. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
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
  return {
    k,
    indices: new Int32Array(m * k),
    distances: new Float64Array(m * k),
  };
}

// #region check-search
/** Throws, naming `fn`, unless p ∈ [1, ∞] (∞ allowed). */
export function checkP(fn: string, p: number): void {
  if (typeof p !== 'number' || !(p >= 1)) {
    throw new Error(`${fn}: p must be a number >= 1 (or Infinity), ` +
      `got ${p}`);
  }
}

/** Throws, naming `fn`, unless X (n × d) and Q (m × d) are finite
 *  matrices, 1 <= k <= n is an integer and p is valid. */
export function checkSearch(
  fn: string,
  X: Matrix,
  Q: Matrix,
  k: number,
  p: number,
): void {
  if (!(X instanceof Matrix) || !(Q instanceof Matrix)) {
    throw new Error(`${fn}: X and Q must be Matrix objects`);
  }
  if (Q.cols !== X.cols) {
    throw new Error(`${fn}: X is ${shapeOf(X)}, so the queries need ` +
      `${X.cols} columns; Q is ${shapeOf(Q)}`);
  }
  checkFinite(fn, 'X', X);
  checkFinite(fn, 'Q', Q);
  checkK(fn, k, X.rows);
  checkP(fn, p);
}

/** Throws, naming `fn`, unless k is an integer in [1, n]. */
export function checkK(fn: string, k: number, n: number): void {
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new Error(`${fn}: k must be an integer in [1, n = ${n}], ` +
      `got ${k}`);
  }
}
// #endregion
