// Theorem 1 of Zhang et al. (2017), made constructive: a two-layer ReLU
// network f(x) = Σ_j w_j max(⟨a, x⟩ − b_j, 0) that takes any values
// y_1 … y_n at n inputs whose projections ⟨a, x_i⟩ are distinct. One
// output column per target column (k = 1 is the theorem's 2n + d).
import type { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkMatrix, checkRng, checkTargets } from './checks.ts';

export interface TwoLayer {
  a: Float64Array; // [d], the one direction every unit reads
  b: Float64Array; // [n], the thresholds, increasing
  W: Matrix; // [n, k], the output weights
}

// #region project
/** z = Xa, and the order that sorts z, Eq. (rg-project). Throws if
 *  two projections coincide. */
function project(fn: string, X: Matrix, a: Float64Array) {
  const z = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) z[i] += X.data[i * X.cols + j] * a[j];
  }
  const order = [...z.keys()].sort((i, k) => z[i] - z[k]);
  for (let r = 1; r < order.length; r++) {
    if (!(z[order[r]] > z[order[r - 1]])) {
      throw new Error(`${fn}: rows ${order[r - 1]} and ${order[r]} of ` +
        'X project to the same point (equal rows?)');
    }
  }
  return { z, order };
}
// #endregion

// #region fit
/** b interleaved with the sorted z, Eq. (rg-interleave); then the
 *  lower-triangular system A W = Y, Eq. (rg-triangular), solved by
 *  forward substitution. */
export function fitConstructionAlong(X: Matrix, Y: Matrix,
  a: Float64Array, fn = 'fitConstructionAlong'): TwoLayer {
  checkDirection(fn, X, Y, a);
  const { z, order } = project(fn, X, a);
  const n = X.rows, k = Y.cols, s = order.map((i) => z[i]); // sorted
  const b = new Float64Array(n);
  b[0] = s[0] - (n > 1 ? s[1] - s[0] : 1); // below the smallest
  for (let j = 1; j < n; j++) b[j] = (s[j - 1] + s[j]) / 2;
  const W = new Matrix(n, k);
  for (let i = 0; i < n; i++) { // row i of A: max(s_i − b_j, 0)
    for (let c = 0; c < k; c++) {
      let rest = Y.data[order[i] * k + c];
      for (let j = 0; j < i; j++) rest -= (s[i] - b[j]) * W.data[j * k + c];
      W.data[i * k + c] = rest / (s[i] - b[i]); // diagonal > 0
    }
  }
  return { a: Float64Array.from(a), b, W };
}

/** The theorem's network with a random direction a ~ N(0, I). */
export function fitConstruction(X: Matrix, Y: Matrix, rng: Rng) {
  checkTargets('fitConstruction', X, Y);
  checkRng('fitConstruction', rng);
  return fitConstructionAlong(X, Y, rng.normalArray(X.cols),
    'fitConstruction');
}
// #endregion

// #region predict
/** f(x) = Σ_j max(⟨a, x⟩ − b_j, 0) W_j for each row x of X. */
export function predictConstruction(net: TwoLayer, X: Matrix): Matrix {
  checkNet(net, X);
  const { a, b, W } = net;
  const out = new Matrix(X.rows, W.cols);
  for (let i = 0; i < X.rows; i++) {
    let z = 0;
    for (let j = 0; j < X.cols; j++) z += X.data[i * X.cols + j] * a[j];
    for (let j = 0; j < b.length && b[j] < z; j++) { // b increasing
      for (let c = 0; c < W.cols; c++) {
        out.data[i * W.cols + c] += (z - b[j]) * W.data[j * W.cols + c];
      }
    }
  }
  return out;
}
// #endregion

/** Parameters of the construction: d + n + n k (2n + d for k = 1). */
export function constructionSize(net: TwoLayer): number {
  checkNetShape('constructionSize', net);
  return net.a.length + net.b.length + net.W.data.length;
}

function checkDirection(fn: string, X: Matrix, Y: Matrix,
  a: Float64Array): void {
  checkTargets(fn, X, Y);
  if (!(a instanceof Float64Array) || a.length !== X.cols) {
    throw new Error(`${fn}: a must be a Float64Array of length ` +
      `${X.cols} (one weight per column of X), got ${a?.length}`);
  }
  for (let j = 0; j < a.length; j++) {
    if (!Number.isFinite(a[j])) {
      throw new Error(`${fn}: a must be finite, got ${a[j]} at ${j}`);
    }
  }
}

/** a, b, W of matching sizes, finite, b strictly increasing (the
 *  prediction loop stops at the first threshold above the input). */
function checkNetShape(fn: string, net: TwoLayer): void {
  if (net === null || typeof net !== 'object' ||
    !(net.a instanceof Float64Array) || !(net.b instanceof Float64Array) ||
    !(net.W instanceof Matrix) || net.W.rows !== net.b.length) {
    throw new Error(`${fn}: net must come from fitConstruction`);
  }
  checkMatrix(fn, 'net.W', net.W);
  for (const [name, v] of [['a', net.a], ['b', net.b]] as const) {
    for (let j = 0; j < v.length; j++) {
      if (!Number.isFinite(v[j])) {
        throw new Error(`${fn}: net.${name} must be finite, got ${v[j]}`);
      }
    }
  }
  for (let j = 1; j < net.b.length; j++) {
    if (!(net.b[j] > net.b[j - 1])) {
      throw new Error(`${fn}: net.b must be strictly increasing, got ` +
        `${net.b[j - 1]} then ${net.b[j]} at ${j}`);
    }
  }
}

function checkNet(net: TwoLayer, X: Matrix): void {
  const fn = 'predictConstruction';
  checkNetShape(fn, net);
  checkMatrix(fn, 'X', X);
  if (X.cols !== net.a.length) {
    throw new Error(`${fn}: X must have ${net.a.length} columns, ` +
      `got ${X.cols}`);
  }
}
