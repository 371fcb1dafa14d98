// Linear regression: the model, its loss and gradient, the Gaussian
// log-likelihood, and the least-squares fit by the normal equations.
// Browser-safe: the chapter's live demo imports this file.
import {
  Matrix,
  checkFinite,
  dot,
  matvec,
  shapeOf,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { project } from '../linear-algebra/project.ts';
import { SingularMatrixError } from '../linear-algebra/solve.ts';

// #region predict
/** A fitted linear model: the prediction for x is wᵀx + b. */
export interface LinearFit {
  w: Vector;
  b: number;
}

/** Predictions ŷ = Xw + b, Eq. (lr-model). */
export function predict(X: Matrix, w: Vector, b = 0): Vector {
  checkFinite('predict', 'X', X);
  checkWeights('predict', X, w);
  if (!Number.isFinite(b)) {
    throw new Error(`predict: b must be a finite number, got ${b}`);
  }
  const yHat = matvec(X, w);
  for (let i = 0; i < yHat.length; i++) yHat[i] += b;
  return yHat;
}
// #endregion

// #region loss
/** L(w) = ‖y − Xw‖² / (2n), Eq. (lr-loss). */
export function squaredLoss(X: Matrix, y: Vector, w: Vector): number {
  checkXy('squaredLoss', X, y);
  checkWeights('squaredLoss', X, w);
  const Xw = matvec(X, w);
  let sum = 0;
  for (let i = 0; i < X.rows; i++) sum += (y[i] - Xw[i]) ** 2;
  return sum / (2 * X.rows);
}

/** ∇L(w) = Xᵀ(Xw − y) / n, Eq. (lr-gradient). */
export function squaredLossGradient(
  X: Matrix,
  y: Vector,
  w: Vector,
): Vector {
  checkXy('squaredLossGradient', X, y);
  checkWeights('squaredLossGradient', X, w);
  const { rows: n, cols: d, data } = X;
  const r = matvec(X, w); // becomes the residual Xw − y
  const g = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    r[i] -= y[i];
    // Xᵀr accumulated row by row, reading X in memory order
    for (let j = 0; j < d; j++) g[j] += data[i * d + j] * r[i];
  }
  for (let j = 0; j < d; j++) g[j] /= n;
  return g;
}
// #endregion

// #region log-likelihood
/**
 * log p(y | X, w, σ²) under y = Xw + ε, ε ~ N(0, σ²I),
 * Eq. (lr-log-likelihood).
 */
export function gaussianLogLikelihood(
  X: Matrix,
  y: Vector,
  w: Vector,
  sigma2: number,
): number {
  checkXy('gaussianLogLikelihood', X, y);
  checkWeights('gaussianLogLikelihood', X, w);
  if (!(Number.isFinite(sigma2) && sigma2 > 0)) {
    throw new Error(
      `gaussianLogLikelihood: sigma2 must be finite and > 0, ` +
        `got ${sigma2}`,
    );
  }
  const n = X.rows;
  const sse = 2 * n * squaredLoss(X, y, w); // ‖y − Xw‖²
  return -0.5 * n * Math.log(2 * Math.PI * sigma2) - sse / (2 * sigma2);
}
// #endregion

// #region center
/** X and y minus their means, and the means x̄ and ȳ. */
export function center(
  X: Matrix,
  y: Vector,
): { Xc: Matrix; yc: Vector; xMean: Vector; yMean: number } {
  checkXy('center', X, y);
  const { rows: n, cols: d } = X;
  const xMean = new Float64Array(d);
  for (let t = 0; t < n * d; t++) xMean[t % d] += X.data[t];
  for (let j = 0; j < d; j++) xMean[j] /= n;
  const Xc = new Matrix(n, d);
  for (let t = 0; t < n * d; t++) Xc.data[t] = X.data[t] - xMean[t % d];
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i];
  yMean /= n;
  const yc = y.map((yi) => yi - yMean);
  return { Xc, yc, xMean, yMean };
}

/** [1 X]: X with a first column of ones, for b as a weight. */
export function addOnesColumn(X: Matrix): Matrix {
  checkFinite('addOnesColumn', 'X', X);
  const { rows: n, cols: d } = X;
  const A = new Matrix(n, d + 1);
  for (let i = 0; i < n; i++) {
    A.data[i * (d + 1)] = 1;
    A.data.set(X.data.subarray(i * d, (i + 1) * d), i * (d + 1) + 1);
  }
  return A;
}
// #endregion

// #region fit-normal
/**
 * Least squares by the normal equations, Eq. (lr-normal-equations).
 * With `intercept` (the default) X and y are centred first and
 * b = ȳ − x̄ᵀw, Eq. (lr-intercept); otherwise b = 0.
 */
export function fitNormalEquations(
  X: Matrix,
  y: Vector,
  { intercept = true } = {},
): LinearFit {
  const fn = 'fitNormalEquations';
  checkXy(fn, X, y);
  const nParams = X.cols + (intercept ? 1 : 0); // d, and maybe b
  if (X.rows < nParams) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}; ${nParams} parameters need at ` +
        `least ${nParams} rows, so XᵀX is singular`,
    );
  }
  const { Xc, yc, xMean, yMean } = intercept
    ? center(X, y)
    : { Xc: X, yc: y, xMean: new Float64Array(X.cols), yMean: 0 };
  const w = normalEquations(fn, Xc, yc); // Eq. (lr-normal-equations)
  return { w, b: yMean - dot(xMean, w) }; // Eq. (lr-intercept)
}
// #endregion

// #region normal-equations
/**
 * Solves XᵀX w = Xᵀy with the projection of the linear-algebra
 * chapter; a singular XᵀX becomes an error that names `fn`.
 */
function normalEquations(fn: string, X: Matrix, y: Vector): Vector {
  try {
    return project(X, y).coeffs;
  } catch (e) {
    if (!(e instanceof SingularMatrixError)) throw e;
    throw new SingularMatrixError(
      `${fn}: XᵀX is singular: the columns of X (${shapeOf(X)}), ` +
        'centred if fitting an intercept, are linearly dependent, or ' +
        'nearly (a repeated or constant column?), so the least-squares ' +
        `solution is not unique. ${e.message}`,
    );
  }
}
// #endregion

// #region check-xy
/** Throws, naming `fn`, unless X is n x d, y has n entries, all finite. */
export function checkXy(fn: string, X: Matrix, y: Vector): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  if (!(y instanceof Float64Array) || y.length !== X.rows) {
    const got = y instanceof Float64Array ? shapeOf(y) : typeof y;
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so y must be vector(${X.rows}); ` +
        `got ${got}`,
    );
  }
  checkFinite(fn, 'X', X);
  checkFinite(fn, 'y', y);
}

/** Throws, naming `fn`, unless w is a finite vector(X.cols). */
export function checkWeights(
  fn: string,
  X: Matrix,
  w: Vector,
  name = 'w',
): void {
  if (!(w instanceof Float64Array) || w.length !== X.cols) {
    const got = w instanceof Float64Array ? shapeOf(w) : typeof w;
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so ${name} must be ` +
        `vector(${X.cols}); got ${got}`,
    );
  }
  checkFinite(fn, name, w);
}
// #endregion
