// The C-SVC of libsvm and scikit-learn's SVC: binary problems solved by
// SMO, several classes by one-vs-one voting. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkClassLabels, checkKernel, checkMatrix, checkPositive, checkSigns,
  checkSvcOptions,
} from './checks.ts';
import { dualMatrix, type Kernel } from './kernel.ts';
import { solveDual } from './smo.ts';

export interface SvcOptions {
  C?: number; // the soft-margin constant, Eq. (sv-soft-primal)
  kernel?: Kernel;
  eps?: number; // stopping tolerance of Eq. (sv-stop)
  classWeight?: number[]; // C_k = C · weight_k, as in libsvm
}

// #region binary
/**
 * One binary C-SVC on labels ±1: SMO on Eq. (sv-dual), then the
 * coefficients y_i α_i of the support vectors and b = −ρ.
 */
export function fitBinary(
  X: Matrix, y: Int8Array, C: number, kernel: Kernel, eps: number,
  Cn = C,
) {
  checkBinary(X, y, C, kernel, eps, Cn);
  const { Q, QD } = dualMatrix(kernel, X, y);
  const res = solveDual({ Q, QD, y, Cp: C, Cn }, { eps });
  const coef = new Float64Array(y.length); // y_i α_i, Eq. (sv-w)
  for (let i = 0; i < y.length; i++) coef[i] = y[i] * res.alpha[i];
  return { ...res, coef, b: -res.rho };
}
// #endregion

export interface SvcModel {
  kernel: Kernel;
  classes: number; // K
  support: Int32Array; // training indices, grouped by class
  nSupport: Int32Array; // support vectors per class
  sv: Matrix; // their rows
  coef: Matrix; // (K − 1) × nSV, libsvm's layout and signs
  rho: Float64Array; // one per pair (a, b), a < b
  iterations: number; // SMO steps, summed over the pairs
}

// #region fit-ovo
/**
 * One-vs-one: a binary SVC for each pair a < b of the K classes, on
 * class a's rows (y = +1) then class b's (y = −1), as libsvm orders
 * them; labels are 0, …, K − 1.
 */
export function fitSvc(
  X: Matrix, labels: Int32Array, opts: SvcOptions = {},
): SvcModel {
  const { C = 1, kernel = { kind: 'rbf', gamma: 1 / X.cols },
    eps = 1e-3 } = opts;
  const K = checkClassLabels('fitSvc', labels);
  checkMatrix('fitSvc', 'X', X, labels.length, undefined, 'labels has');
  const weight = opts.classWeight ?? new Array(K).fill(1);
  checkSvcOptions('fitSvc', C, kernel, eps, weight, K);
  const rows = classRows(labels, K);
  const pairs: { a: number; b: number; idx: number[];
    coef: Float64Array; rho: number }[] = [];
  let iterations = 0;
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      const idx = [...rows[a], ...rows[b]];
      const y = Int8Array.from(idx, (i) => (labels[i] === a ? 1 : -1));
      const fit = fitBinary(takeRows(X, idx), y, C * weight[a],
        kernel, eps, C * weight[b]);
      pairs.push({ a, b, idx, coef: fit.coef, rho: -fit.b });
      iterations += fit.iterations;
    }
  }
  return assemble(X, labels, K, kernel, rows, pairs, iterations);
}
// #endregion

// #region assemble
/**
 * A support vector is a row with α > 0 in any of its pairs. libsvm
 * stores pair (a, b)'s coefficients of class a's support vectors in
 * row b − 1 of coef and those of class b's in row a.
 */
function assemble(
  X: Matrix, labels: Int32Array, K: number, kernel: Kernel,
  rows: number[][],
  pairs: { a: number; b: number; idx: number[];
    coef: Float64Array; rho: number }[],
  iterations: number,
): SvcModel {
  const nonzero = new Uint8Array(labels.length);
  for (const p of pairs) {
    p.idx.forEach((r, k) => { if (p.coef[k] !== 0) nonzero[r] = 1; });
  }
  const support = rows.flat().filter((r) => nonzero[r] === 1);
  const column = new Map(support.map((r, q) => [r, q]));
  const nSupport = Int32Array.from(rows, (rs) =>
    rs.filter((r) => nonzero[r] === 1).length);
  const coef = new Matrix(Math.max(K - 1, 1), support.length);
  for (const p of pairs) {
    p.idx.forEach((r, k) => {
      const q = column.get(r);
      if (q === undefined) return;
      const row = labels[r] === p.a ? p.b - 1 : p.a;
      coef.data[row * support.length + q] = p.coef[k];
    });
  }
  return { kernel, classes: K, support: Int32Array.from(support),
    nSupport, sv: takeRows(X, support), coef,
    rho: Float64Array.from(pairs, (p) => p.rho), iterations };
}
// #endregion

function checkBinary(
  X: Matrix, y: Int8Array, C: number, kernel: Kernel, eps: number,
  Cn: number,
): void {
  checkSigns('fitBinary', y);
  checkMatrix('fitBinary', 'X', X, y.length, undefined, 'y has');
  checkPositive('fitBinary', 'C', C);
  checkPositive('fitBinary', 'Cn', Cn);
  checkKernel('fitBinary', kernel);
  checkPositive('fitBinary', 'eps', eps);
}

/** For each class, its row indices in increasing order. */
function classRows(labels: Int32Array, K: number): number[][] {
  const rows: number[][] = Array.from({ length: K }, () => []);
  labels.forEach((c, i) => rows[c].push(i));
  return rows;
}

/** The rows idx of X, as a new matrix. */
function takeRows(X: Matrix, idx: readonly number[]): Matrix {
  const out = new Matrix(idx.length, X.cols);
  idx.forEach((r, k) =>
    out.data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols),
      k * X.cols));
  return out;
}
