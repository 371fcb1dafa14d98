// Locally weighted linear regression: at each query point x0, a
// straight line fitted by kernel-weighted least squares. Browser-safe.
import {
  Matrix,
  checkFinite,
  dot,
  shapeOf,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { SingularMatrixError, solve } from '../linear-algebra/solve.ts';
import { checkXy } from '../linear-regression/model.ts';
import { calledAs } from '../introduction/checks.ts';
import { checkQuery, checkTau, kernelWeights } from './kernel.ts';

// #region local-system
/**
 * A = X̃ᵀKX̃ and c = X̃ᵀKy of Eq. (lwr-normal), where row i of X̃ is
 * x̃_i = [1, (x_i − x0)ᵀ] and K = diag(k). Without y, c = 0.
 */
export function localSystem(
  X: Matrix,
  x0: Vector,
  k: Vector,
  y?: Vector,
): { A: Matrix; c: Vector } {
  checkSystem(X, x0, k, y);
  const { rows: n, cols: d, data } = X;
  const m = d + 1; // intercept and d slopes
  const A = new Matrix(m, m);
  const c = new Float64Array(m);
  const xt = new Float64Array(m); // x̃_i
  xt[0] = 1;
  for (let i = 0; i < n; i++) {
    if (k[i] === 0) continue; // an underflowed weight adds nothing
    for (let j = 0; j < d; j++) xt[j + 1] = data[i * d + j] - x0[j];
    for (let r = 0; r < m; r++) {
      const kx = k[i] * xt[r];
      if (y) c[r] += kx * y[i];
      for (let s = 0; s <= r; s++) A.data[r * m + s] += kx * xt[s];
    }
  }
  for (let r = 0; r < m; r++) {
    for (let s = 0; s < r; s++) A.data[s * m + r] = A.data[r * m + s];
  }
  return { A, c };
}
// #endregion

// #region local-fit
/** The line fitted around x0: ŷ(x0) = θ₀, slopes θ₁..θ_d. */
export interface LocalFit {
  theta: Vector;
  yHat: number;
  /** The kernel weights, scaled so that the largest is 1. */
  k: Vector;
}

/**
 * Kernel-weighted least squares at x0,
 * Eqs. (lwr-normal) and (lwr-predict).
 */
export function localLinearFit(
  X: Matrix,
  y: Vector,
  x0: Vector,
  tau: number,
): LocalFit {
  const fn = 'localLinearFit';
  checkXy(fn, X, y);
  checkLocal(fn, X, x0, tau);
  const k = kernelWeights(X, x0, tau); // Eq. (lwr-kernel)
  const { A, c } = localSystem(X, x0, k, y);
  const theta = solveLocal(fn, A, c, x0, tau); // Eq. (lwr-normal)
  return { theta, yHat: theta[0], k }; // Eq. (lwr-predict)
}
// #endregion

// #region predict
/** ŷ at every row of Q: one local fit per query, Eq. (lwr-predict). */
export function lwrPredict(
  X: Matrix,
  y: Vector,
  Q: Matrix,
  tau: number,
): Vector {
  if (!(Q instanceof Matrix) || Q.cols !== X.cols) {
    throw new Error(
      `lwrPredict: X is ${shapeOf(X)}, so the queries Q must be a ` +
        `matrix with ${X.cols} columns; got ${shapeOf(Q)}`,
    );
  }
  checkFinite('lwrPredict', 'Q', Q);
  checkXy('lwrPredict', X, y);
  checkTau('lwrPredict', tau);
  const yHat = new Float64Array(Q.rows);
  for (let q = 0; q < Q.rows; q++) {
    yHat[q] = localLinearFit(X, y, Q.row(q), tau).yHat;
  }
  return yHat;
}
// #endregion

// #region equivalent-kernel
/**
 * The weights l(x0) with ŷ(x0) = l(x0)ᵀy, Eq. (lwr-equivalent):
 * l_i = k_i x̃_iᵀ v, where (X̃ᵀKX̃) v = e₁.
 */
export function equivalentKernel(
  X: Matrix,
  x0: Vector,
  tau: number,
): Vector {
  const fn = 'equivalentKernel';
  checkFinite(fn, 'X', X);
  checkLocal(fn, X, x0, tau);
  const k = kernelWeights(X, x0, tau);
  const { A } = localSystem(X, x0, k);
  const e1 = new Float64Array(A.rows);
  e1[0] = 1;
  const v = solveLocal(fn, A, e1, x0, tau);
  const { rows: n, cols: d, data } = X;
  const l = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = v[0]; // x̃_iᵀv
    for (let j = 0; j < d; j++) s += (data[i * d + j] - x0[j]) * v[j + 1];
    l[i] = k[i] * s;
  }
  return l;
}

/** ŷ(x0) = l(x0)ᵀy, Eq. (lwr-equivalent). */
export function smoothAt(X: Matrix, y: Vector, x0: Vector, tau: number) {
  checkXy('smoothAt', X, y);
  return dot(calledAs('smoothAt', () => equivalentKernel(X, x0, tau)), y);
}
// #endregion

// #region equilibrate
/**
 * D A D with D = diag(1/√a_rr): the same system with unit diagonal,
 * Eq. (lwr-scaled). A zero diagonal entry (no weighted spread along
 * that axis) is left as it is, and solve will report it.
 */
export function equilibrate(A: Matrix): { As: Matrix; D: Vector } {
  checkSquare(A);
  const m = A.rows; // d + 1
  const D = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const a = A.data[r * m + r];
    D[r] = a > 0 ? 1 / Math.sqrt(a) : 1;
  }
  const As = new Matrix(m, m);
  for (let t = 0; t < m * m; t++) {
    As.data[t] = D[Math.floor(t / m)] * A.data[t] * D[t % m];
  }
  return { As, D };
}
// #endregion

// #region checks
/** x0 must fit X, τ > 0, and a line in d dimensions needs n > d. */
function checkLocal(fn: string, X: Matrix, x0: Vector, tau: number) {
  checkQuery(fn, X, x0);
  checkTau(fn, tau);
  if (X.rows < X.cols + 1) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}; a local line has ${X.cols + 1} ` +
        `parameters and needs at least ${X.cols + 1} points`,
    );
  }
}

/** Solves A z = c, explaining a singular A in terms of x0 and τ. */
function solveLocal(
  fn: string,
  A: Matrix,
  c: Vector,
  x0: Vector,
  tau: number,
): Vector {
  const { As, D } = equilibrate(A);
  try {
    const z = solve(As, c.map((ci, r) => D[r] * ci)); // Eq. (lwr-scaled)
    return z.map((zr, r) => D[r] * zr);
  } catch (e) {
    if (!(e instanceof SingularMatrixError)) throw e;
    throw new SingularMatrixError(
      `${fn}: the local system at x0 = [${Array.from(x0)}] with tau = ` +
        `${tau} is singular: fewer than ${A.rows} points carry weight ` +
        'there, or they all lie on one hyperplane; increase tau. ' +
        e.message,
    );
  }
}
// #endregion

/** X finite, x0 a query, k weights >= 0 and y (if given) per row. */
function checkSystem(X: Matrix, x0: Vector, k: Vector, y?: Vector) {
  const fn = 'localSystem';
  checkFinite(fn, 'X', X);
  checkQuery(fn, X, x0);
  if (!(k instanceof Float64Array) || k.length !== X.rows ||
    k.some((v) => !(v >= 0))) {
    throw new Error(`${fn}: k must hold one weight >= 0 per row of X ` +
      `(${shapeOf(X)}), got ` +
      (k instanceof Float64Array ? shapeOf(k) : typeof k));
  }
  checkFinite(fn, 'k', k);
  if (y !== undefined) checkXy(fn, X, y);
}

function checkSquare(A: Matrix): void {
  if (!(A instanceof Matrix) || A.rows !== A.cols) {
    throw new Error('equilibrate: A must be a square Matrix, got ' +
      (A instanceof Matrix ? shapeOf(A) : typeof A));
  }
  checkFinite('equilibrate', 'A', A);
}
