// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the caller
// called. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import { checkFolds } from '../model-evaluation/cross-validation.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import type { KnnIndex, KnnOptions } from './model.ts';
import type { Grid } from './regions.ts';

/** Labels are small integers: at most this many classes. */
export const MAX_CLASSES = 2 ** 16;

/** Throws, naming `fn`, unless p ∈ [1, ∞] (∞ allowed). */
export function checkP(fn: string, p: number): void {
  if (typeof p !== 'number' || !(p >= 1)) {
    throw new Error(`${fn}: p must be a number >= 1 (or Infinity), ` +
      `got ${p}`);
  }
}

/** Throws, naming `fn`, unless k is an integer in [1, n]. */
export function checkK(fn: string, k: number, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`${fn}: n must be an integer >= 1, got ${n}`);
  }
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new Error(`${fn}: k must be an integer in [1, n = ${n}], ` +
      `got ${k}`);
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
  checkRange(fn, X, Q, p);
}

/** Throws if some ρ_p between a row of X and a row of Q could overflow:
 *  d · (2 max |entry|)^p must be a finite number. */
function checkRange(fn: string, X: Matrix, Q: Matrix, p: number): void {
  let big = 0;
  for (const v of X.data) big = Math.max(big, Math.abs(v));
  for (const v of Q.data) big = Math.max(big, Math.abs(v));
  const worst = p === Infinity ? 2 * big : X.cols * (2 * big) ** p;
  if (!(worst < Infinity)) {
    throw new Error(`${fn}: entries of X and Q up to ${big} make ` +
      `‖x − q‖_p^p overflow for p = ${p}; rescale the data`);
  }
}

export function checkTree(fn: string, X: Matrix, leafSize: number): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix`);
  }
  checkFinite(fn, 'X', X);
  if (!Number.isInteger(leafSize) || leafSize < 1) {
    throw new Error(`${fn}: leafSize must be an integer >= 1, got ` +
      `${leafSize}`);
  }
}

export function checkOptions(fn: string, X: Matrix, o: KnnOptions): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  checkOptionValues(fn, o);
  checkFinite(fn, 'X', X);
  checkK(fn, o.k, X.rows);
}

/** Throws unless the options are valid, leaving out k <= n: an integer
 *  k >= 1, p >= 1, a known weighting and algorithm, leafSize >= 1. */
export function checkOptionValues(fn: string, o: KnnOptions): void {
  if (typeof o !== 'object' || o === null) {
    throw new Error(`${fn}: options must be an object with k`);
  }
  checkK(fn, o.k, Number.MAX_SAFE_INTEGER);
  checkP(fn, o.p ?? 2);
  checkWeights(fn, o.weights ?? 'uniform');
  const a = o.algorithm ?? 'kd-tree';
  if (a !== 'brute' && a !== 'kd-tree') {
    throw new Error(`${fn}: algorithm must be 'brute' or 'kd-tree', ` +
      `got ${String(a)}`);
  }
  if (o.leafSize !== undefined &&
    !(Number.isInteger(o.leafSize) && o.leafSize >= 1)) {
    throw new Error(`${fn}: leafSize must be an integer >= 1, got ` +
      `${o.leafSize}`);
  }
}

/** Throws unless w names a weighting. */
export function checkWeights(fn: string, w: unknown): void {
  if (w !== 'uniform' && w !== 'distance') {
    throw new Error(`${fn}: weights must be 'uniform' or 'distance', ` +
      `got ${String(w)}`);
  }
}

/** Throws unless model holds training rows X and Q is a finite matrix
 *  of queries with X's columns. */
export function checkQueries(fn: string, model: { X: Matrix },
  Q: Matrix): void {
  if (!(model?.X instanceof Matrix)) {
    throw new Error(`${fn}: model must hold its training rows X`);
  }
  if (!(Q instanceof Matrix) || Q.cols !== model.X.cols) {
    throw new Error(`${fn}: the model has ${model.X.cols} features, so ` +
      `Q must be a Matrix with ${model.X.cols} columns; got ` +
      `${Q instanceof Matrix ? shapeOf(Q) : typeof Q}`);
  }
  checkFinite(fn, 'Q', Q);
}

/** Throws unless nb is a neighbour list whose indices are rows of y,
 *  labels lie in 0..K−1 and 1 <= k <= nb.k. */
export function checkVotes(
  fn: string,
  nb: { k: number; indices: Int32Array; distances: Float64Array },
  y: Int32Array, K: number, k: number,
): void {
  const ok = Number.isInteger(nb?.k) && nb.k >= 1 &&
    nb.indices instanceof Int32Array &&
    nb.distances instanceof Float64Array &&
    nb.indices.length === nb.distances.length &&
    nb.indices.length % nb.k === 0 && nb.indices.length > 0;
  if (!ok) throw new Error(`${fn}: nb must be a neighbour list`);
  if (!(y instanceof Int32Array) || y.length === 0) {
    throw new Error(`${fn}: y must be a non-empty Int32Array of labels`);
  }
  if (!Number.isInteger(K) || K < 1 || K > MAX_CLASSES) {
    throw new Error(`${fn}: K must be an integer in [1, ${MAX_CLASSES}]` +
      `, got ${K}`);
  }
  checkK(fn, k, nb.k);
  const i = y.findIndex((c) => c < 0 || c >= K);
  if (i >= 0) {
    throw new Error(`${fn}: labels y must lie in 0..K−1 = ` +
      `0..${K - 1}, got y[${i}] = ${y[i]}`);
  }
  for (let t = 0; t < nb.indices.length; t++) {
    const i = nb.indices[t];
    const v = nb.distances[t];
    if (i < 0 || i >= y.length || !(v >= 0 && v < Infinity)) {
      throw new Error(`${fn}: entry ${t} of nb (index ${i}, distance ` +
        `${v}) is not a row of y with a label below K = ${K} at a ` +
        'finite distance');
    }
  }
}

/** Throws, naming `fn`, unless y holds X.rows integer labels in
 *  0..MAX_CLASSES − 1; returns K, the largest label plus one. */
export function checkLabels(fn: string, X: Matrix, y: Int32Array) {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  if (!(y instanceof Int32Array) || y.length !== X.rows) {
    const got = y instanceof Int32Array ? `length ${y.length}` : typeof y;
    throw new Error(`${fn}: X is ${shapeOf(X)}, so y must be an ` +
      `Int32Array of ${X.rows} labels; got ${got}`);
  }
  checkFinite(fn, 'X', X);
  let K = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= MAX_CLASSES) {
      throw new Error(`${fn}: labels must lie in 0..${MAX_CLASSES - 1}` +
        `, got y[${i}] = ${y[i]}`);
    }
    if (y[i] + 1 > K) K = y[i] + 1;
  }
  return K;
}

/** Throws unless the folds partition X's rows and every k in ks fits
 *  in the smallest training fold; returns the largest k. */
export function checkGrid(X: Matrix, folds: Fold[], ks: number[]): number {
  const fn = 'cvErrorByK';
  if (!(X instanceof Matrix)) throw new Error(`${fn}: X must be a Matrix`);
  checkFinite(fn, 'X', X);
  checkFolds(fn, folds, X.rows);
  let smallest = X.rows;
  for (const f of folds) smallest = Math.min(smallest, f.train.length);
  if (!Array.isArray(ks) || ks.length === 0 || ks.some((k) =>
    !Number.isInteger(k) || k < 1 || k > smallest)) {
    throw new Error(`${fn}: ks must be integers in [1, ${smallest}] ` +
      `(the smallest training fold of X ${shapeOf(X)}), got ` +
      `[${Array.isArray(ks) ? ks.join(', ') : ks}]`);
  }
  let kMax = 1;
  for (const k of ks) kMax = Math.max(kMax, k);
  return kMax;
}

/** Throws unless the model has two features and the grid is valid. */
export function checkGrid2d(fn: string, model: KnnIndex, g: Grid): void {
  const ok = model?.X instanceof Matrix && model.X.cols === 2 &&
    Number.isInteger(g?.nx) && Number.isInteger(g?.ny) && g.nx >= 1 &&
    g.ny >= 1 && g.x0 < g.x1 && g.y0 < g.y1 &&
    [g.x0, g.x1, g.y0, g.y1].every(Number.isFinite);
  if (!ok) {
    throw new Error(`${fn}: need a model on 2 features and a grid with ` +
      'integer nx, ny >= 1, x0 < x1 and y0 < y1');
  }
}

/** Throws unless t is a node of the tree and q a row of Q (flat, with
 *  the tree's d columns). */
export function checkNode(
  fn: string, tree: { X: Matrix; nodes: number }, t: number,
  Q: Float64Array, q: number,
): void {
  if (!(tree?.X instanceof Matrix) || !Number.isInteger(t) || t < 0 ||
    t >= tree.nodes || !(Q instanceof Float64Array) ||
    !Number.isInteger(q) || q < 0 || (q + 1) * tree.X.cols > Q.length) {
    throw new Error(`${fn}: node t = ${t} must be one of the tree's ` +
      `${tree?.nodes} and q = ${q} a row of Q (${Q?.length} numbers)`);
  }
}
