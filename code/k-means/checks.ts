// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the
// caller called. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';

/** Throws unless X is a finite Matrix with at least one row. */
export function checkData(fn: string, X: Matrix): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  checkFinite(fn, 'X', X);
}

/** Throws unless C (k × d) holds k <= n finite centres for X (n × d). */
export function checkCenters(fn: string, X: Matrix, C: Matrix): void {
  checkData(fn, X);
  if (!(C instanceof Matrix)) {
    throw new Error(`${fn}: centers must be a Matrix, got ${typeof C}`);
  }
  if (C.cols !== X.cols || C.rows > X.rows) {
    throw new Error(`${fn}: X is ${shapeOf(X)}, so centers need ` +
      `${X.cols} columns and at most ${X.rows} rows; centers are ` +
      `${shapeOf(C)}`);
  }
  checkFinite(fn, 'centers', C);
}

/** Throws unless labels has n integer entries in [0, k). */
export function checkLabels(fn: string, labels: Int32Array, n: number,
  k: number): void {
  checkInt(fn, 'k', k, 1);
  if (!(labels instanceof Int32Array) || labels.length !== n) {
    throw new Error(`${fn}: labels must be an Int32Array with one ` +
      `entry per row of X (n = ${n}), got ${labels?.length} entries`);
  }
  for (let i = 0; i < n; i++) {
    if (labels[i] < 0 || labels[i] >= k) {
      throw new Error(`${fn}: labels[${i}] = ${labels[i]} is not in ` +
        `[0, k = ${k})`);
    }
  }
}

/** Throws unless k is an integer in [lo, hi]. */
export function checkInt(fn: string, name: string, k: number, lo: number,
  hi = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(k) || k < lo || k > hi) {
    throw new Error(`${fn}: ${name} must be an integer in [${lo}, ` +
      `${hi}], got ${k}`);
  }
}

/** Throws unless x is a finite number >= lo (or > lo when strict). */
export function checkNumber(fn: string, name: string, x: number,
  lo: number, strict = false): void {
  if (typeof x !== 'number' || !Number.isFinite(x) ||
    (strict ? !(x > lo) : !(x >= lo))) {
    throw new Error(`${fn}: ${name} must be a finite number ` +
      `${strict ? '>' : '>='} ${lo}, got ${x}`);
  }
}

/** Throws unless xs is a non-empty array whose items pass `check`. */
export function checkList<T>(fn: string, name: string, xs: T[],
  check: (x: T) => void): void {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new Error(`${fn}: ${name} must be a non-empty array, got ${xs}`);
  }
  for (const x of xs) check(x);
}
