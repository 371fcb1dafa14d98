// The symmetric eigendecomposition the fast way: Householder
// tridiagonalization A = Q T Q^T, then implicit shifted QR on T.
import { Matrix, shapeOf } from '../linear-algebra/matrix.ts';
import { checkSymmetric } from './cholesky.ts';
import { ConvergenceError } from './eigen.ts';
import { householderVector } from './householder.ts';

// #region tridiagonal-types
/** A = Q T Q^T, T tridiagonal: diagonal d, e[i] = t_(i+1,i). */
export interface Tridiagonal {
  readonly d: Float64Array;
  readonly e: Float64Array;
  readonly Q: Matrix;
}

/** As SymmetricEigen, with QR steps counted instead of sweeps. */
export interface TridiagonalEigen {
  readonly values: Float64Array; // largest first
  readonly vectors: Matrix; // column j belongs to values[j]
  readonly iterations: number;
}
// #endregion

// #region similarity
/**
 * B <- H B H for H = I - beta v v^T and the symmetric block B of a
 * from row and column r0 on: Eq. (dec-tri-update), 6 m^2 flops.
 */
function similarity(
  a: Float64Array, n: number, r0: number,
  v: Float64Array, beta: number,
): void {
  const m = v.length;
  const p = new Float64Array(m); // p = beta B v
  let pv = 0;
  for (let i = 0; i < m; i++) {
    const row = (r0 + i) * n + r0;
    let s = 0;
    for (let j = 0; j < m; j++) s += a[row + j] * v[j];
    p[i] = beta * s;
    pv += p[i] * v[i];
  }
  const w = p; // w = p - (beta / 2)(p^T v) v, in place
  for (let i = 0; i < m; i++) w[i] -= (beta / 2) * pv * v[i];
  for (let i = 0; i < m; i++) { // B -= v w^T + w v^T
    const [row, vi, wi] = [(r0 + i) * n + r0, v[i], w[i]];
    for (let j = 0; j < m; j++) a[row + j] -= vi * w[j] + wi * v[j];
  }
}
// #endregion

// #region tridiagonalize
/** Householder tridiagonalization: Eq. (dec-tri-steps). */
export function tridiagonalize(A: Matrix): Tridiagonal {
  checkSymmetric('tridiagonalize', A);
  const n = A.rows;
  const a = new Float64Array(n * n); // (A + A^T) / 2
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      a[i * n + j] = (A.data[i * n + j] + A.data[j * n + i]) / 2;
    }
  }
  const vs: Float64Array[] = [];
  const betas: number[] = [];
  for (let k = 0; k < n - 2; k++) {
    const x = new Float64Array(n - k - 1); // column k below the diagonal
    for (let i = k + 1; i < n; i++) x[i - k - 1] = a[i * n + k];
    const h = householderVector(x);
    vs.push(h.v);
    betas.push(h.beta);
    if (h.beta === 0) continue; // already tridiagonal in column k
    similarity(a, n, k + 1, h.v, h.beta);
    a[(k + 1) * n + k] = h.alpha; // H x = alpha e_1
  }
  const d = Float64Array.from({ length: n }, (_, i) => a[i * n + i]);
  const e = Float64Array.from(
    { length: Math.max(n - 1, 0) }, (_, i) => a[(i + 1) * n + i]);
  return { d, e, Q: accumulateQ(n, vs, betas) };
}
// #endregion

// #region accumulate-q
/** Q = H_0 H_1 ... H_(n-3), applied right to left to I. */
function accumulateQ(
  n: number, vs: Float64Array[], betas: number[],
): Matrix {
  const Q = new Matrix(n, n);
  const q = Q.data;
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = vs.length - 1; k >= 0; k--) {
    const v = vs[k];
    const r0 = k + 1; // H_k acts on rows and columns r0..n-1 only
    const w = new Float64Array(n); // w = beta v^T B, row by row
    for (let i = 0; i < v.length; i++) {
      const bvi = betas[k] * v[i];
      for (let c = r0; c < n; c++) w[c] += bvi * q[(r0 + i) * n + c];
    }
    for (let i = 0; i < v.length; i++) { // B -= v w
      for (let c = r0; c < n; c++) q[(r0 + i) * n + c] -= v[i] * w[c];
    }
  }
  return Q;
}
// #endregion

// #region wilkinson-shift
/**
 * The eigenvalue of the trailing block [[dPrev, e], [e, dLast]] nearer
 * to dLast: Eq. (dec-wilkinson). e * (e / ...): no overflow in e^2.
 */
export function wilkinsonShift(
  dPrev: number, e: number, dLast: number,
): number {
  checkShiftInput(dPrev, e, dLast);
  const delta = (dPrev - dLast) / 2;
  const sign = delta >= 0 ? 1 : -1;
  return dLast - e * (e / (delta + sign * Math.hypot(delta, e)));
}
// #endregion

// #region qr-step
/**
 * One implicit QR step with shift mu on rows l..h of T: rotations in
 * planes (k, k+1) chase the bulge down, Eq. (dec-qr-chase).
 * z holds V^T: row k of z is column k of V, so rotations are row ops.
 */
export function qrStep(
  d: Float64Array, e: Float64Array, z: Float64Array, n: number,
  l: number, h: number, mu: number,
): void {
  checkStep(d, e, z, n, l, h, mu);
  let x = d[l] - mu; // first column of T - mu I: Eq. (dec-qr-first)
  let bulge = e[l];
  for (let k = l; k < h; k++) {
    const r = Math.hypot(x, bulge);
    const c = x / r;
    const s = bulge / r; // P = [[c, s], [-s, c]] maps (x, bulge) to (r, 0)
    if (k > l) e[k - 1] = r; // e_(k-1)' = r: the old bulge is gone
    const [a, b, g] = [d[k], e[k], d[k + 1]]; // P [[a, b], [b, g]] P^T
    d[k] = c * c * a + 2 * c * s * b + s * s * g;
    d[k + 1] = s * s * a - 2 * c * s * b + c * c * g;
    e[k] = c * s * (g - a) + (c * c - s * s) * b;
    if (k + 1 < h) { // row k + 2 gets the new bulge
      bulge = s * e[k + 1];
      e[k + 1] *= c;
    }
    x = e[k];
    rotateRows(z, n, k, c, s);
  }
}
// #endregion

// #region symmetric-eigen-qr
/** Tridiagonalize, then QR steps until every e_i is negligible. */
export function symmetricEigenQR(
  A: Matrix, maxIterations = 30 * A.rows,
): TridiagonalEigen {
  checkSymmetric('symmetricEigenQR', A);
  checkIterations('symmetricEigenQR', maxIterations);
  const n = A.rows;
  const { S, big } = scaledToOne(A); // no underflow in the test below
  const { d, e, Q } = tridiagonalize(S);
  const z = transposed(Q); // rows of z: the columns of V = Q P^T ...
  let iterations = 0;
  let h = n - 1; // rows h + 1.. have converged
  while (h > 0) {
    if (negligible(d, e, h - 1)) { // Eq. (dec-qr-deflate)
      e[h - 1] = 0;
      h--;
      continue;
    }
    let l = h - 1; // the unreduced block l..h
    while (l > 0 && !negligible(d, e, l - 1)) l--;
    if (l > 0) e[l - 1] = 0; // split: T is block diagonal there
    if (iterations === maxIterations) {
      throw notConverged(A, maxIterations, h, e);
    }
    qrStep(d, e, z, n, l, h, wilkinsonShift(d[h - 1], e[h - 1], d[h]));
    iterations++;
  }
  return sortedByValue(d, z, n, big, iterations);
}
// #endregion

// #region tridiagonal-helpers
/** |e_i| <= eps (|d_i| + |d_(i+1)|): Eq. (dec-qr-deflate). */
function negligible(d: Float64Array, e: Float64Array, i: number) {
  return Math.abs(e[i]) <=
    Number.EPSILON * (Math.abs(d[i]) + Math.abs(d[i + 1]));
}

/** Rows k and k + 1 of z <- P times them, P = [[c, s], [-s, c]]. */
function rotateRows(
  z: Float64Array, n: number, k: number, c: number, s: number,
): void {
  const [p, q] = [k * n, (k + 1) * n];
  for (let j = 0; j < n; j++) {
    const zp = z[p + j];
    const zq = z[q + j];
    z[p + j] = c * zp + s * zq;
    z[q + j] = -s * zp + c * zq;
  }
}

// #endregion

// #region scale-and-sort
/** A / max |a_ij|, and that maximum (A itself if it is zero). */
function scaledToOne(A: Matrix): { S: Matrix; big: number } {
  let big = 0;
  for (const x of A.data) big = Math.max(big, Math.abs(x));
  if (big === 0) return { S: A, big: 1 };
  return { S: new Matrix(A.rows, A.cols, A.data.map((x) => x / big)), big };
}

/** Values (times big) largest first; column j of V is row order[j]
 * of z. */
function sortedByValue(
  d: Float64Array, z: Float64Array, n: number, big: number,
  iterations: number,
): TridiagonalEigen {
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => d[j] - d[i]);
  const values = Float64Array.from(order, (i) => big * d[i]);
  const vectors = new Matrix(n, n);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < n; j++) {
      vectors.data[r * n + j] = z[order[j] * n + r];
    }
  }
  return { values, vectors, iterations };
}
// #endregion

function transposed(Q: Matrix): Float64Array {
  const n = Q.rows;
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) z[j * n + i] = Q.data[i * n + j];
  }
  return z;
}

function checkIterations(fn: string, maxIterations: number): void {
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new Error(
      `${fn}: expected maxIterations to be an integer >= 0, ` +
        `got ${maxIterations}`,
    );
  }
}

function notConverged(
  A: Matrix, maxIterations: number, h: number, e: Float64Array,
): ConvergenceError {
  return new ConvergenceError(
    `symmetricEigenQR: not converged after ${maxIterations} QR ` +
      `steps on a ${shapeOf(A)} matrix; |e_${h - 1}| = ` +
      `${Math.abs(e[h - 1]).toExponential(2)}`,
  );
}

// The input checks of the two helpers the tests call directly.
function checkShiftInput(dPrev: number, e: number, dLast: number): void {
  for (const [name, v] of [['dPrev', dPrev], ['e', e], ['dLast', dLast]]) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`wilkinsonShift: ${name} must be finite, got ${v}`);
    }
  }
}

function checkStep(
  d: Float64Array, e: Float64Array, z: Float64Array, n: number,
  l: number, h: number, mu: number,
): void {
  const fail = (what: string) => {
    throw new Error(`qrStep: ${what}`);
  };
  if (!Number.isInteger(n) || n < 1) {
    fail(`n must be an integer >= 1, got ${n}`);
  }
  if (!Number.isInteger(l) || !Number.isInteger(h) || l < 0 || h <= l ||
    h >= n) {
    fail(`need integers 0 <= l < h < n = ${n}, got l ${l}, h ${h}`);
  }
  if (typeof mu !== 'number' || !Number.isFinite(mu)) {
    fail(`mu must be finite, got ${mu}`);
  }
  if (!(d instanceof Float64Array) || d.length !== n) {
    fail(`d must be a Float64Array of length n = ${n}`);
  }
  if (!(e instanceof Float64Array) || e.length < n - 1) {
    fail(`e must be a Float64Array of length >= n - 1 = ${n - 1}`);
  }
  if (!(z instanceof Float64Array) || z.length !== n * n) {
    fail(`z must be a Float64Array of length n * n = ${n * n}`);
  }
  for (let i = l; i <= h; i++) {
    if (!Number.isFinite(d[i]) || (i < h && !Number.isFinite(e[i]))) {
      fail(`d and e must be finite in rows ${l}..${h}`);
    }
  }
}
