// The k-d tree: boxes that halve the data along their widest side, and
// a depth-first search that skips every box farther away than the k-th
// best point so far. Browser-safe.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { addGap, fromReduced, reducedDistance } from './distance.ts';
import { emptyNeighbors, type Neighbors } from './brute.ts';
import { checkNode, checkSearch, checkTree } from './checks.ts';
import { NeighborHeap, before } from './heap.ts';

// #region tree-type
/** A k-d tree over the rows of X. Node t has children 2t + 1 and
 *  2t + 2; it holds the rows order[start[t]], …, order[end[t] − 1],
 *  which lie inside the box lo[t·d + j] ≤ x_j ≤ hi[t·d + j]. */
export interface KdTree {
  X: Matrix;
  nodes: number;
  order: Int32Array;
  start: Int32Array;
  end: Int32Array;
  lo: Float64Array;
  hi: Float64Array;
}
// #endregion

// #region build
/** Splits at the median of the widest side until the leaves hold
 *  between leafSize and 2·leafSize rows (or all n if n < leafSize). */
export function buildKdTree(X: Matrix, leafSize = 40): KdTree {
  checkTree('buildKdTree', X, leafSize);
  const { rows: n, cols: d } = X;
  const levels = 1 + Math.floor(Math.log2(Math.max(1, (n - 1) /
    leafSize)));
  const nodes = 2 ** levels - 1;
  const tree: KdTree = {
    X, nodes, order: Int32Array.from({ length: n }, (_, i) => i),
    start: new Int32Array(nodes), end: new Int32Array(nodes),
    lo: new Float64Array(nodes * d), hi: new Float64Array(nodes * d),
  };
  tree.end[0] = n;
  for (let t = 0; t < nodes; t++) { // parents before children
    const widest = fitBox(tree, t);
    const [a, b] = [2 * t + 1, 2 * t + 2];
    if (a >= nodes) continue; // a leaf
    const s = tree.start[t], e = tree.end[t];
    const mid = s + Math.floor((e - s) / 2);
    selectNth(X, tree.order, s, e, mid, widest);
    [tree.start[a], tree.end[a], tree.start[b], tree.end[b]] =
      [s, mid, mid, e];
  }
  return tree;
}
// #endregion

// #region box
/** Sets node t's box to the smallest one around its rows; returns the
 *  side along which the box is widest (the first, if several are). */
function fitBox(tree: KdTree, t: number): number {
  const { X, order, start, end, lo, hi } = tree;
  const d = X.cols;
  lo.fill(Infinity, t * d, (t + 1) * d);
  hi.fill(-Infinity, t * d, (t + 1) * d);
  for (let s = start[t]; s < end[t]; s++) {
    for (let j = 0; j < d; j++) {
      const v = X.data[order[s] * d + j];
      if (v < lo[t * d + j]) lo[t * d + j] = v;
      if (v > hi[t * d + j]) hi[t * d + j] = v;
    }
  }
  let widest = 0;
  for (let j = 1; j < d; j++) {
    const w = hi[t * d + j] - lo[t * d + j];
    if (w > hi[t * d + widest] - lo[t * d + widest]) widest = j;
  }
  return widest;
}
// #endregion

// #region select
/**
 * Reorders order[s..e) so that position m holds the row that would be
 * there if the range were sorted by (x_j, index), smaller ones before
 * it and larger after: quickselect, O(e − s) on average.
 */
function selectNth(
  X: Matrix, order: Int32Array, s: number, e: number, m: number,
  j: number,
): void {
  const d = X.cols;
  const key = (i: number) => X.data[i * d + j];
  const less = (a: number, b: number) => before(key(a), a, key(b), b);
  let lo = s, hi = e - 1;
  while (lo < hi) {
    const pivot = order[lo + ((hi - lo) >> 1)];
    let i = lo, k = hi;
    while (i <= k) { // Hoare partition around the pivot row
      while (less(order[i], pivot)) i++;
      while (less(pivot, order[k])) k--;
      if (i <= k) {
        [order[i], order[k]] = [order[k], order[i]];
        i++;
        k--;
      }
    }
    if (m <= k) hi = k; // the target lies left of the split
    else if (m >= i) lo = i; // right of it
    else return; // between: in place
  }
}
// #endregion

// #region bound
/** ρ_p from query q to the nearest point of node t's box: a lower
 *  bound on ρ_p to every row inside, Eq. (knn-box-bound). */
export function boxBound(
  tree: KdTree, t: number, Q: Float64Array, q: number, p: number,
): number {
  const d = tree.X.cols;
  checkNode('boxBound', tree, t, Q, q);
  let rho = 0;
  try {
    for (let j = 0; j < d; j++) {
      const v = Q[q * d + j];
      const g = Math.max(0, tree.lo[t * d + j] - v,
        v - tree.hi[t * d + j]);
      rho = addGap(rho, g, p);
    }
  } catch {
    throw new Error(`boxBound: row q = ${q} of Q must be finite and ` +
      `p >= 1, got p = ${p}`);
  }
  return rho;
}
// #endregion

// #region query
/** What a search did: distances computed, and the leaves it opened. */
export interface SearchStats {
  visited: number;
  leaves?: number[];
}

/** The k nearest rows of tree.X to each row of Q, exactly as
 *  bruteForceNeighbors finds them. */
export function kdTreeNeighbors(
  tree: KdTree, Q: Matrix, k: number, p = 2,
  stats: SearchStats = { visited: 0 },
): Neighbors {
  checkSearch('kdTreeNeighbors', tree.X, Q, k, p);
  const out = emptyNeighbors(Q.rows, k);
  const heap = new NeighborHeap(k);
  for (let q = 0; q < Q.rows; q++) {
    heap.clear();
    const root = boxBound(tree, 0, Q.data, q, p);
    search(tree, Q.data, q, p, heap, 0, root, stats);
    heap.writeSorted(out, q, (rho) => fromReduced(rho, p));
  }
  return out;
}
// #endregion

// #region search
/** Opens node t unless its box is farther than the worst kept point;
 *  in a leaf, measures every row; otherwise, the nearer child first. */
function search(tree: KdTree, Q: Float64Array, q: number, p: number,
  heap: NeighborHeap, t: number, bound: number,
  stats: SearchStats): void {
  if (bound > heap.worst()) return; // pruned; ">": keep equal-ρ ties
  const [a, b] = [2 * t + 1, 2 * t + 2];
  if (a >= tree.nodes) { // a leaf: measure every row in it
    const { X, order } = tree;
    for (let s = tree.start[t]; s < tree.end[t]; s++) {
      const i = order[s];
      heap.push(reducedDistance(Q, q, X.data, i, X.cols, p), i);
    }
    stats.visited += tree.end[t] - tree.start[t];
    stats.leaves?.push(t);
    return;
  }
  const ba = boxBound(tree, a, Q, q, p), bb = boxBound(tree, b, Q, q, p);
  const [near, far] = ba <= bb ? [a, b] : [b, a]; // nearer box first
  search(tree, Q, q, p, heap, near, Math.min(ba, bb), stats);
  search(tree, Q, q, p, heap, far, Math.max(ba, bb), stats);
}
// #endregion
