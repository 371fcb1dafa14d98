// Exercise: logistic regression with example weights c_i > 0.
import { Matrix, norm } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { addOnesColumn } from '../../linear-regression/model.ts';
import { newton } from '../../optimization/newton.ts';
import { softplus } from '../../probability/univariate.ts';
import { logits } from '../model.ts';
import { sigmoid } from '../sigmoid.ts';

// #region weighted-gradient
/** Σᵢ cᵢ log(1 + e^−mᵢ) + (λ/2)‖w‖², mᵢ = (2yᵢ − 1)zᵢ. */
export function weightedLoss(X: Matrix, y: Vector, theta: Vector,
  c: Vector, lambda_ = 0): number {
  const z = logits(X, theta);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    sum += c[i] * softplus(-(2 * y[i] - 1) * z[i]);
  }
  for (let j = 1; j < theta.length; j++) sum += lambda_ * theta[j] ** 2 / 2;
  return sum;
}

/** Ãᵀ C (p − y) + λ I₀ θ, C = diag(cᵢ). */
export function weightedGradient(X: Matrix, y: Vector, theta: Vector,
  c: Vector, lambda_ = 0): Vector {
  const A = addOnesColumn(X);
  const z = logits(X, theta);
  const g = new Float64Array(A.cols);
  for (let i = 0; i < A.rows; i++) {
    const r = c[i] * (sigmoid(z[i]) - y[i]);
    for (let j = 0; j < A.cols; j++) g[j] += A.get(i, j) * r;
  }
  for (let j = 1; j < g.length; j++) g[j] += lambda_ * theta[j];
  return g;
}

// #endregion

// #region weighted-hessian
/** Ãᵀ C V Ã + λ I₀, V = diag(pᵢ(1 − pᵢ)). */
export function weightedHessian(X: Matrix, theta: Vector, c: Vector,
  lambda_ = 0): Matrix {
  const A = addOnesColumn(X);
  const z = logits(X, theta);
  const k = A.cols;
  const H = new Matrix(k, k);
  for (let i = 0; i < A.rows; i++) {
    const cv = c[i] * sigmoid(z[i]) * sigmoid(-z[i]);
    for (let j = 0; j < k; j++) {
      for (let l = 0; l < k; l++) {
        H.data[j * k + l] += cv * A.get(i, j) * A.get(i, l);
      }
    }
  }
  for (let j = 1; j < k; j++) H.data[j * k + j] += lambda_;
  return H;
}
// #endregion

// #region balanced
/** cᵢ = n / (2 n_c) for the class c of sample i: 'balanced'. */
export function balancedWeights(y: Vector): Vector {
  let ones = 0;
  for (const v of y) ones += v;
  const n = y.length;
  return y.map((v) => (v === 1 ? n / (2 * ones) : n / (2 * (n - ones))));
}

/** The weighted fit by Newton: damped, then full steps. */
export function fitWeighted(X: Matrix, y: Vector, c: Vector,
  lambda_: number): Vector {
  const f = (t: Vector) => weightedLoss(X, y, t, c, lambda_);
  const grad = (t: Vector) => weightedGradient(X, y, t, c, lambda_);
  const hess = (t: Vector) => weightedHessian(X, t, c, lambda_);
  const theta0 = new Float64Array(X.cols + 1);
  const g0 = norm(grad(theta0));
  const near = newton(f, grad, hess, theta0,
    { lineSearch: true, tol: 1e-5 * g0 });
  return newton(f, grad, hess, near.x, { tol: 1e-10 * g0 }).x;
}
// #endregion
