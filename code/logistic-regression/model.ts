// The logistic model: probabilities, the penalized negative
// log-likelihood, its gradient and its Hessian. Parameters are one
// vector θ = (b, w₁, …, w_d): the intercept first, never penalized.
// Browser-safe: no node imports.
import {
  Matrix,
  checkFinite,
  matvec,
  shapeOf,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  addOnesColumn,
  checkWeights,
  checkXy,
} from '../linear-regression/model.ts';
import { softplus } from '../probability/univariate.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { sigmoid } from './sigmoid.ts';

// #region check-labels
/** Throws, naming `fn`, unless X is finite and y is n labels in {0,1}. */
export function checkLabels(fn: string, X: Matrix, y: Vector): void {
  checkXy(fn, X, y); // shapes and finiteness, as for least squares
  const i = y.findIndex((v) => v !== 0 && v !== 1);
  if (i >= 0) {
    throw new Error(`${fn}: labels must be 0 or 1, got y[${i}] = ${y[i]}`);
  }
}

/** Throws unless θ = (b, w) is a finite vector(d + 1) for X n x d. */
export function checkTheta(fn: string, X: Matrix, theta: Vector): void {
  if (!(theta instanceof Float64Array) || theta.length !== X.cols + 1) {
    const got = theta instanceof Float64Array ? shapeOf(theta) : 'no';
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so θ = (b, w) must be ` +
        `vector(${X.cols + 1}); got ${got}`,
    );
  }
  checkFinite(fn, 'θ', theta);
}
// #endregion

// #region predict-proba
/** z = b + Xw, Eq. (logr-model): one logit per row of X. */
export function logits(X: Matrix, theta: Vector): Vector {
  checkFinite('logits', 'X', X);
  checkTheta('logits', X, theta);
  const z = matvec(X, theta.subarray(1)); // Xw
  for (let i = 0; i < z.length; i++) z[i] += theta[0]; // + b
  return z;
}

/** P(y = 1 | x) = σ(b + wᵀx) for every row of X, Eq. (logr-model). */
export function predictProba(X: Matrix, w: Vector, b = 0): Vector {
  if (!Number.isFinite(b)) {
    throw new Error(`predictProba: b must be a finite number, got ${b}`);
  }
  checkFinite('predictProba', 'X', X);
  checkWeights('predictProba', X, w); // w, not θ = (b, w)
  const theta = new Float64Array(w.length + 1); // (b, w)
  theta[0] = b;
  theta.set(w, 1);
  return logits(X, theta).map(sigmoid);
}
// #endregion

// #region loss
/**
 * L(θ) = Σᵢ [log(1 + e^zᵢ) − yᵢzᵢ] + (λ/2)‖w‖², z = b + Xw,
 * Eq. (logr-penalized): a sum over samples, not a mean. Each term is
 * computed as log(1 + e^−mᵢ), mᵢ = (2yᵢ − 1)zᵢ, Eq. (logr-margin-loss).
 */
export function logisticLoss(
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda_ = 0,
): number {
  checkAll('logisticLoss', X, y, theta, lambda_);
  const z = logits(X, theta);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    sum += softplus(-(2 * y[i] - 1) * z[i]);
  }
  return sum + (lambda_ / 2) * penaltyNorm2(theta);
}

/** ‖w‖², the intercept θ₀ = b left out. */
function penaltyNorm2(theta: Vector): number {
  let s = 0;
  for (let j = 1; j < theta.length; j++) s += theta[j] * theta[j];
  return s;
}
// #endregion

// #region gradient
/** ∇L(θ) = Ãᵀ(p − y) + λ(0, w), Ã = [1 X], Eq. (logr-gradient). */
export function logisticGradient(
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda_ = 0,
): Vector {
  checkAll('logisticGradient', X, y, theta, lambda_);
  const { rows: n, cols: d, data } = X;
  const z = logits(X, theta);
  const g = new Float64Array(d + 1);
  for (let i = 0; i < n; i++) {
    const r = sigmoid(z[i]) - y[i]; // pᵢ − yᵢ
    g[0] += r; // the column of ones
    for (let j = 0; j < d; j++) g[j + 1] += data[i * d + j] * r;
  }
  for (let j = 1; j <= d; j++) g[j] += lambda_ * theta[j];
  return g;
}
// #endregion

// #region hessian
/** ∇²L(θ) = ÃᵀVÃ + λ diag(0, 1, …, 1), Eq. (logr-hessian). */
export function logisticHessian(
  X: Matrix,
  theta: Vector,
  lambda_ = 0,
): Matrix {
  checkFinite('logisticHessian', 'X', X);
  checkTheta('logisticHessian', X, theta);
  checkLambda('logisticHessian', 'lambda_', lambda_);
  const A = addOnesColumn(X);
  const { rows: n, cols: k } = A;
  const z = matvec(A, theta);
  const H = new Matrix(k, k);
  for (let i = 0; i < n; i++) {
    // vᵢ = pᵢ(1 − pᵢ), Eq. (logr-weights), with 1 − pᵢ = σ(−zᵢ)
    const v = sigmoid(z[i]) * sigmoid(-z[i]);
    for (let j = 0; j < k; j++) {
      const va = v * A.data[i * k + j];
      for (let l = j; l < k; l++) {
        H.data[j * k + l] += va * A.data[i * k + l]; // upper triangle
      }
    }
  }
  for (let j = 0; j < k; j++) {
    for (let l = 0; l < j; l++) H.data[j * k + l] = H.data[l * k + j];
    if (j > 0) H.data[j * k + j] += lambda_;
  }
  return H;
}
// #endregion

function checkAll(
  fn: string,
  X: Matrix,
  y: Vector,
  theta: Vector,
  lambda_: number,
): void {
  checkLabels(fn, X, y);
  checkTheta(fn, X, theta);
  checkLambda(fn, 'lambda_', lambda_);
}
