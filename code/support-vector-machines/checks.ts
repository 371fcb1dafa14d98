// @unshown: input checks of the chapter's functions; each throws an
// Error that names the function the caller called and the argument.
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Kernel } from './kernel.ts';
import type { DualProblem } from './smo.ts';
import type { SvcModel } from './svc.ts';

const fail = (fn: string, msg: string): never => {
  throw new Error(`${fn}: ${msg}`);
};

/**
 * A Matrix with `rows` rows (and `cols` columns), all finite; `of`
 * names the argument the row count comes from, for the message.
 */
export function checkMatrix(
  fn: string, name: string, X: unknown, rows: number, cols?: number,
  of = 'expected',
): void {
  if (!(X instanceof Matrix)) fail(fn, `${name} must be a Matrix`);
  const M = X as Matrix;
  if (M.rows === 0 || M.cols === 0) fail(fn, `${name} must be non-empty`);
  if (M.rows !== rows) {
    fail(fn, `${name} has ${M.rows} rows, ${of} ${rows}`);
  }
  if (cols !== undefined && M.cols !== cols) {
    fail(fn, `${name} has ${M.cols} columns, ${of} ${cols}`);
  }
  for (let i = 0; i < M.data.length; i++) {
    if (!Number.isFinite(M.data[i])) {
      fail(fn, `${name} must be finite, got ${M.data[i]} at ${i}`);
    }
  }
}

/** A kernel of a known kind; γ > 0 and finite for RBF. */
export function checkKernel(fn: string, k: unknown): void {
  const kk = k as Kernel;
  if (kk === null || typeof kk !== 'object') {
    fail(fn, 'kernel must be an object');
  }
  if (kk.kind === 'linear') return;
  if (kk.kind !== 'rbf') fail(fn, `kernel.kind must be linear or rbf`);
  const g = (kk as { gamma: number }).gamma;
  if (typeof g !== 'number' || !Number.isFinite(g) || !(g > 0)) {
    fail(fn, `kernel.gamma must be a finite number > 0, got ${g}`);
  }
}

/** Labels ±1 (an Int8Array), both present. */
export function checkSigns(fn: string, y: unknown): void {
  if (!(y instanceof Int8Array)) fail(fn, 'y must be an Int8Array of ±1');
  const v = y as Int8Array;
  if (v.length === 0) fail(fn, 'y must be non-empty');
  let pos = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== 1 && v[i] !== -1) {
      fail(fn, `y[${i}] must be ±1, got ${v[i]}`);
    }
    if (v[i] === 1) pos++;
  }
  if (pos === 0 || pos === v.length) fail(fn, 'y needs both +1 and -1');
}

/** Labels 0, …, K − 1 (an Int32Array), each present, K >= 2. */
export function checkClassLabels(fn: string, y: unknown): number {
  if (!(y instanceof Int32Array)) fail(fn, 'labels must be an Int32Array');
  const v = y as Int32Array;
  if (v.length === 0) fail(fn, 'labels must be non-empty');
  let K = 0;
  for (let i = 0; i < v.length; i++) {
    if (!(v[i] >= 0 && v[i] < v.length)) {
      fail(fn, `labels[${i}] must be in 0..n-1, got ${v[i]}`);
    }
    K = Math.max(K, v[i] + 1);
  }
  const seen = new Uint8Array(K);
  for (let i = 0; i < v.length; i++) seen[v[i]] = 1;
  if (K < 2 || seen.includes(0)) {
    fail(fn, `labels must hold every class 0..K-1 with K >= 2`);
  }
  return K;
}

/** A finite number > 0. */
export function checkPositive(fn: string, name: string, x: unknown): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x > 0)) {
    fail(fn, `${name} must be a finite number > 0, got ${x}`);
  }
}

/** A whole number >= min. */
export function checkCount(
  fn: string, name: string, x: unknown, min: number,
): void {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min) {
    fail(fn, `${name} must be an integer >= ${min}, got ${x}`);
  }
}

export function checkSvcOptions(
  fn: string, C: unknown, kernel: unknown, eps: unknown,
  weight: unknown, K: number,
): void {
  checkPositive(fn, 'C', C);
  checkKernel(fn, kernel);
  checkPositive(fn, 'eps', eps);
  if (!Array.isArray(weight) || weight.length !== K) {
    fail(fn, `classWeight must be an array of ${K} numbers`);
  }
  (weight as unknown[]).forEach((w, k) =>
    checkPositive(fn, `classWeight[${k}]`, w));
}

export function checkSmo(
  fn: string, p: DualProblem, eps: unknown, maxIter: unknown,
): void {
  if (p === null || typeof p !== 'object') {
    fail(fn, 'problem must be an object');
  }
  checkSigns(fn, p.y);
  const n = p.y.length;
  if (!(p.Q instanceof Float32Array) || p.Q.length !== n * n) {
    fail(fn, `Q must be a Float32Array of ${n * n} entries`);
  }
  if (!(p.QD instanceof Float64Array) || p.QD.length !== n) {
    fail(fn, `QD must be a Float64Array of ${n} entries`);
  }
  for (const v of [p.Q, p.QD]) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) fail(fn, `Q and QD must be finite`);
    }
  }
  checkPositive(fn, 'Cp', p.Cp);
  checkPositive(fn, 'Cn', p.Cn);
  checkPositive(fn, 'eps', eps);
  checkCount(fn, 'maxIter', maxIter, 0);
}

export function checkModel(fn: string, m: SvcModel): void {
  if (m === null || typeof m !== 'object' || !(m.sv instanceof Matrix)) {
    fail(fn, 'model must be a fitted SvcModel');
  }
}
