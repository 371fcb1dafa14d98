// Reading a linkage matrix: leaf order, flat clusters, cophenetic
// distances. Each follows scipy.cluster.hierarchy. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkDistances, checkInt, checkLinkage,
  checkNumber } from './checks.ts';

/** The children [a, b] of cluster n + k, read from row k of Z. */
const kids = (Z: Matrix, k: number) =>
  [Z.data[4 * k], Z.data[4 * k + 1]] as const;

// #region leaves
/** The leaves from left to right: a depth-first walk from the root,
 *  first child (column 0) first, as scipy's leaves_list and dendrogram
 *  order them. */
export function leavesList(Z: Matrix): Int32Array {
  checkLinkage('leavesList', Z);
  const n = Z.rows + 1;
  const out = new Int32Array(n);
  const stack = [2 * n - 2];
  let t = 0;
  while (stack.length > 0) {
    const c = stack.pop() as number;
    if (c < n) { out[t++] = c; continue; }
    const [a, b] = kids(Z, c - n);
    stack.push(b, a); // a is popped, so visited, first
  }
  return out;
}
// #endregion

// #region max-dists
/** MD[k]: the largest height in the subtree of cluster n + k. It is
 *  Z[k][2] unless the linkage has inversions (centroid, median). */
export function maxDists(Z: Matrix): Float64Array {
  checkLinkage('maxDists', Z);
  const n = Z.rows + 1;
  const MD = new Float64Array(n - 1);
  for (let k = 0; k < n - 1; k++) { // children come before parents
    let m = Z.data[4 * k + 2];
    for (const c of kids(Z, k)) if (c >= n) m = Math.max(m, MD[c - n]);
    MD[k] = m;
  }
  return MD;
}
// #endregion

// #region fcluster
/** Flat clusters 1, 2, … from cutting at height t: every maximal
 *  subtree whose MD is <= t is one cluster (fcluster 'distance').
 *  Numbers are given in scipy's order: a subtree's number when it is
 *  entered, a lone leaf's when its parent is left. */
export function cutAtHeight(Z: Matrix, t: number): Int32Array {
  checkLinkage('cutAtHeight', Z);
  checkNumber('cutAtHeight', 't', t, -Infinity);
  return monocrit(Z, maxDists(Z), t);
}
// #endregion

// #region monocrit
/** Walks from the root; a subtree with MD <= t starts a cluster. */
function monocrit(Z: Matrix, MD: Float64Array, t: number): Int32Array {
  const n = Z.rows + 1;
  const T = new Int32Array(n);
  let count = 0;
  let leader = -1;
  const stack: [number, boolean][] = [[n - 2, false]]; // [row, done]
  while (stack.length > 0) {
    const [k, done] = stack.pop() as [number, boolean];
    const [a, b] = kids(Z, k);
    if (!done) {
      if (leader === -1 && MD[k] <= t) { leader = k; count++; }
      stack.push([k, true]);
      if (b >= n) stack.push([b - n, false]);
      if (a >= n) stack.push([a - n, false]);
      continue;
    }
    for (const c of [a, b]) {
      if (c >= n) continue;
      if (leader === -1) count++; // a cluster of one point
      T[c] = count;
    }
    if (leader === k) leader = -1;
  }
  return T;
}
// #endregion

// #region maxclust
/** At most k flat clusters (fcluster 'maxclust'): the cut at the
 *  smallest MD that leaves no more than k, found by bisection over
 *  the rows as scipy does. */
export function cutIntoK(Z: Matrix, k: number): Int32Array {
  checkLinkage('cutIntoK', Z);
  const n = Z.rows + 1;
  checkInt('cutIntoK', 'k', k, 1);
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i + 1);
  const MD = maxDists(Z);
  let lo = -1;
  let hi = n - 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (countClusters(monocrit(Z, MD, MD[mid])) > k) lo = mid;
    else hi = mid;
  }
  return monocrit(Z, MD, MD[hi]);
}

function countClusters(T: Int32Array): number {
  let m = 0;
  for (const v of T) m = Math.max(m, v);
  return m;
}
// #endregion

// #region cophenetic
/** The cophenetic distance of i and j: the height at which they first
 *  share a cluster. Returned condensed, pairs (0,1), (0,2), …, as
 *  scipy's cophenet. */
export function cophenetic(Z: Matrix): Float64Array {
  checkLinkage('cophenetic', Z);
  const n = Z.rows + 1;
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const out = new Float64Array((n * (n - 1)) / 2);
  for (let k = 0; k < n - 1; k++) {
    const [a, b] = kids(Z, k);
    for (const i of members[a]) {
      for (const j of members[b]) {
        out[condensed(n, Math.min(i, j), Math.max(i, j))] =
          Z.data[4 * k + 2];
      }
    }
    members.push(members[a].concat(members[b]));
    members[a] = members[b] = [];
  }
  return out;
}

const condensed = (n: number, i: number, j: number) =>
  n * i - (i * (i + 1)) / 2 + (j - i - 1);
// #endregion

// #region cophenet
/** The cophenetic correlation, Eq. (hc-cophenetic-correlation): the
 *  Pearson correlation over all pairs i < j of D and the cophenetic
 *  distances. */
export function cophenetCorrelation(Z: Matrix, D: Matrix): number {
  checkLinkage('cophenetCorrelation', Z);
  checkDistances('cophenetCorrelation', D);
  const n = D.rows;
  if (n !== Z.rows + 1) {
    throw new Error(`cophenetCorrelation: D is ${n} x ${n}, so Z needs ` +
      `${n - 1} rows; it has ${Z.rows}`);
  }
  const c = cophenetic(Z);
  const d = new Float64Array(c.length);
  for (let i = 0, t = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) d[t++] = D.data[i * n + j];
  }
  return pearson(d, c);
}
// #endregion

// #region pearson
/** Pearson's correlation of two equally long vectors. */
function pearson(u: Float64Array, v: Float64Array): number {
  let mu = 0, mv = 0;
  for (let t = 0; t < u.length; t++) { mu += u[t]; mv += v[t]; }
  mu /= u.length; mv /= v.length;
  let suv = 0, suu = 0, svv = 0;
  for (let t = 0; t < u.length; t++) {
    suv += (u[t] - mu) * (v[t] - mv);
    suu += (u[t] - mu) ** 2;
    svv += (v[t] - mv) ** 2;
  }
  return suv / Math.sqrt(suu * svv);
}
// #endregion
