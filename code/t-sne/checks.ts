// @unshown: input checks of the t-SNE chapter; each throws an Error that
// names the function the caller called, the argument and the problem.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';

/** X is a finite Matrix with at least `min` rows. */
export function checkData(fn: string, X: Matrix, name = 'X', min = 2) {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ${shapeOf(X)}`);
  }
  checkFinite(fn, name, X);
  if (X.rows < min) {
    throw new Error(`${fn}: ${name} needs at least ${min} rows, got ` +
      `${shapeOf(X)}`);
  }
}

/** A number in (lo, hi] (lo exclusive unless loIn). */
export function checkRange(fn: string, name: string, x: number,
  lo: number, hi = Infinity, loIn = false): void {
  const ok = typeof x === 'number' && !Number.isNaN(x) &&
    (loIn ? x >= lo : x > lo) && x <= hi && Number.isFinite(x);
  if (!ok) {
    const l = loIn ? '>=' : '>';
    const h = hi === Infinity ? '' : ` and <= ${hi}`;
    throw new Error(`${fn}: ${name} must be finite, ${l} ${lo}${h}, ` +
      `got ${x}`);
  }
}

/** An integer in lo..hi. */
export function checkInt(fn: string, name: string, k: number, lo: number,
  hi = Infinity): void {
  if (!Number.isInteger(k) || k < lo || k > hi) {
    const h = hi === Infinity ? '' : `..${hi}`;
    throw new Error(`${fn}: ${name} must be an integer in ${lo}${h}, ` +
      `got ${k}`);
  }
}

/** A square n x n Float64Array of finite numbers >= 0. */
export function checkSquare(fn: string, name: string, A: Float64Array,
  n: number): void {
  if (!(A instanceof Float64Array)) {
    throw new Error(`${fn}: ${name} must be a Float64Array, got ` +
      `${typeof A}`);
  }
  if (A.length !== n * n) {
    throw new Error(`${fn}: ${name} must hold n * n = ${n * n} values, ` +
      `got ${A.length}`);
  }
  for (let k = 0; k < A.length; k++) {
    if (!(A[k] >= 0) || !Number.isFinite(A[k])) {
      throw new Error(`${fn}: ${name} must hold finite numbers >= 0, ` +
        `got ${name}[${k}] = ${A[k]}`);
    }
  }
}

/** P is symmetric with zero diagonal and sums to 1 (to 1e-6). */
export function checkJoint(fn: string, P: Float64Array, n: number) {
  checkSquare(fn, 'P', P, n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (P[i * n + i] !== 0) {
      throw new Error(`${fn}: P must have a zero diagonal, got ` +
        `P[${i}][${i}] = ${P[i * n + i]}`);
    }
    for (let j = 0; j < n; j++) {
      sum += P[i * n + j];
      if (P[i * n + j] !== P[j * n + i]) {
        throw new Error(`${fn}: P must be symmetric, got P[${i}][${j}]` +
          ` = ${P[i * n + j]} and P[${j}][${i}] = ${P[j * n + i]}`);
      }
    }
  }
  if (!(Math.abs(sum - 1) <= 1e-6)) {
    throw new Error(`${fn}: P must sum to 1, got ${sum}`);
  }
}
