// @unshown: input checks shared by the chapter's files; each throws an
// Error naming the function called, what it expected and what it got.
import {
  requireFiniteArray,
  requireInteger,
} from '../introduction/checks.ts';
import { Matrix, shapeOf } from '../linear-algebra/matrix.ts';
import type { Csr } from './sparse.ts';

/** The most classes a model takes: labels are small integers. */
export const MAX_CLASSES = 1000;

/** Throws unless X is a Matrix with finite entries. */
export function checkMatrix(fn: string, X: unknown, name = 'X'): Matrix {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ${typeof X}`);
  }
  for (let t = 0; t < X.data.length; t++) {
    if (!Number.isFinite(X.data[t])) {
      const i = Math.floor(t / X.cols);
      throw new Error(`${fn}: ${name} has ${X.data[t]} at (${i}, ` +
        `${t - i * X.cols})`);
    }
  }
  return X;
}

/** Throws unless X is a well-formed Csr matrix with finite values. */
export function checkCsr(fn: string, X: unknown, name = 'X'): Csr {
  const A = X as Csr;
  if (A === null || typeof A !== 'object' ||
    !(A.indptr instanceof Int32Array) ||
    !(A.indices instanceof Int32Array) ||
    !(A.values instanceof Float64Array)) {
    throw new Error(`${fn}: ${name} must be a Csr matrix (indptr, ` +
      `indices, values), got ${typeof X}`);
  }
  requireInteger(fn, `${name}.rows`, A.rows, 1);
  requireInteger(fn, `${name}.cols`, A.cols, 1);
  const nnz = A.indices.length;
  if (A.indptr.length !== A.rows + 1 || A.indptr[0] !== 0 ||
    A.indptr[A.rows] !== nnz || A.values.length !== nnz) {
    throw new Error(`${fn}: ${name} has inconsistent indptr, indices ` +
      `and values (${A.rows} rows, ${nnz} entries)`);
  }
  for (let i = 0; i < A.rows; i++) {
    for (let t = A.indptr[i]; t < A.indptr[i + 1]; t++) {
      const j = A.indices[t];
      const prev = t > A.indptr[i] ? A.indices[t - 1] : -1;
      if (!(j > prev && j < A.cols)) {
        throw new Error(`${fn}: ${name} row ${i} has column indices ` +
          `out of order or outside [0, ${A.cols})`);
      }
      if (!Number.isFinite(A.values[t])) {
        throw new Error(`${fn}: ${name} has ${A.values[t]} at (${i}, ` +
          `${j})`);
      }
    }
  }
  return A;
}

/** Throws unless X holds counts: finite values >= 0. */
export function checkCounts(fn: string, X: Csr, name = 'X'): void {
  for (let t = 0; t < X.values.length; t++) {
    if (X.values[t] < 0) {
      throw new Error(`${fn}: ${name} must hold counts >= 0, got ` +
        `${X.values[t]}`);
    }
  }
}

/**
 * Throws unless y holds one label per row, each an integer in [0, K),
 * and every class 0..K−1 occurs; returns K = max(y) + 1.
 */
export function checkLabels(fn: string, y: ArrayLike<number>,
  n: number, rowsOf = 'X'): number {
  requireFiniteArray(fn, 'y', y);
  if (y.length !== n) {
    throw new Error(`${fn}: expected ${n} labels y (one per row of ` +
      `${rowsOf}), got ${y.length}`);
  }
  let K = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= MAX_CLASSES) {
      throw new Error(`${fn}: y must hold labels 0, 1, ..., got y[${i}]` +
        ` = ${y[i]}`);
    }
    K = Math.max(K, y[i] + 1);
  }
  const seen = new Uint8Array(K);
  for (let i = 0; i < y.length; i++) seen[y[i]] = 1;
  const missing = seen.indexOf(0);
  if (K < 2 || missing >= 0) {
    throw new Error(`${fn}: y must hold at least two classes and every ` +
      `label below its largest, got ${K < 2 ? 'one class' :
        `no sample of class ${missing}`}`);
  }
  return K;
}

/** Throws unless prior is a probability vector of K positive entries. */
export function checkPrior(fn: string, prior: ArrayLike<number>,
  K: number): void {
  requireFiniteArray(fn, 'prior', prior);
  if (prior.length !== K) {
    throw new Error(`${fn}: prior must have one entry per class (${K}),` +
      ` got ${prior.length}`);
  }
  let s = 0;
  for (let c = 0; c < K; c++) {
    if (!(prior[c] > 0)) {
      throw new Error(`${fn}: prior must be > 0, got prior[${c}] = ` +
        `${prior[c]}`);
    }
    s += prior[c];
  }
  if (Math.abs(s - 1) > 1e-9) {
    throw new Error(`${fn}: prior must sum to 1, got ${s}`);
  }
}

/** Throws unless Q has the model's d columns. */
export function checkColumns(fn: string, d: number, cols: number,
  name = 'X'): void {
  if (cols !== d) {
    throw new Error(`${fn}: ${name} must have the model's ${d} columns, ` +
      `got ${cols}`);
  }
}

/** Throws unless S is an n x K matrix of log-scores (no NaN, no +Inf). */
export function checkScores(fn: string, S: unknown, name = 'jll'): Matrix {
  if (!(S instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ${typeof S}`);
  }
  for (let t = 0; t < S.data.length; t++) {
    const v = S.data[t];
    if (Number.isNaN(v) || v === Infinity) {
      throw new Error(`${fn}: ${name} (${shapeOf(S)}) has ${v} at entry ` +
        `${t}; log-scores are finite or -Infinity`);
    }
  }
  return S;
}

/** Throws unless counts holds K >= 2 counts, each > 0. */
export function checkClassCount(fn: string,
  counts: ArrayLike<number>): void {
  requireFiniteArray(fn, 'classCount', counts, 2);
  for (let c = 0; c < counts.length; c++) {
    if (!(counts[c] > 0)) {
      throw new Error(`${fn}: classCount must hold counts > 0, got ` +
        `classCount[${c}] = ${counts[c]}`);
    }
  }
}
