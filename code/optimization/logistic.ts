// The negative log-likelihood of a logistic model: the smooth convex
// objective of this chapter's real-data section, with its gradient and
// Hessian, as a whole and as a finite sum.
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { logSumExp } from '../calculus/softmax.ts';
import type { Problem } from './problems.ts';
import type { FiniteSum } from './sgd.ts';

// #region logistic
/** log(1 + e^z), overflow-free: logSumExp of (0, z). */
const softplus = (z: number): number => logSumExp([0, z]);
/** σ(z) = e^z / (1 + e^z) = exp(z − softplus(z)), in [0, 1]. */
const sigmoid = (z: number): number => Math.exp(z - softplus(z));

/**
 * f(θ) = (1/n) Σ [log(1 + e^(z_i)) − y_i z_i], z = Xθ, for labels
 * y_i in {0, 1}, Eq. (opt-logistic), with Eq. (opt-logistic-grad).
 */
export function logisticLoss(X: Matrix, y: Vector): Problem & FiniteSum {
  checkLogistic(X, y);
  const { rows: n, cols: d } = X;
  const z = (i: number, t: Vector): number => {
    if (t.length !== d) {
      throw new Error(`logisticLoss: θ must have length ${d}, got ` +
        `${shapeOf(t)}`);
    }
    let s = 0;
    for (let j = 0; j < d; j++) s += X.data[i * d + j] * t[j];
    return s;
  };
  const f = (t: Vector): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const zi = z(i, t);
      s += softplus(zi) - y[i] * zi;
    }
    return s / n;
  };
  const gradI = (i: number, t: Vector): Vector => {
    const r = sigmoid(z(i, t)) - y[i]; // p_i − y_i
    const row = X.data.subarray(i * d, (i + 1) * d);
    return row.map((xij) => r * xij);
  };
  const grad = (t: Vector): Vector => { // the mean of the gradI
    const g = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const r = (sigmoid(z(i, t)) - y[i]) / n;
      for (let j = 0; j < d; j++) g[j] += r * X.data[i * d + j];
    }
    return g;
  };
  return { n, f, grad, gradI, hess: (t) => logisticHessian(X, z, t) };
}
// #endregion

// #region logistic-hessian
/** (1/n) Σ p_i (1 − p_i) x_i x_iᵀ, Eq. (opt-logistic-hess). */
function logisticHessian(
  X: Matrix,
  z: (i: number, t: Vector) => number,
  t: Vector,
): Matrix {
  const { rows: n, cols: d } = X;
  const H = new Matrix(d, d);
  for (let i = 0; i < n; i++) {
    const p = sigmoid(z(i, t));
    const w = (p * (1 - p)) / n;
    for (let j = 0; j < d; j++) {
      for (let l = 0; l < d; l++) {
        H.data[j * d + l] += w * X.data[i * d + j] * X.data[i * d + l];
      }
    }
  }
  return H;
}
// #endregion

function checkLogistic(X: Matrix, y: Vector): void {
  if (y.length !== X.rows) {
    throw new Error(
      `logisticLoss: X is ${shapeOf(X)}, so y must have length ` +
        `${X.rows}; got y ${shapeOf(y)}`,
    );
  }
  checkFinite('logisticLoss', 'X', X);
  const i = y.findIndex((v) => v !== 0 && v !== 1);
  if (i >= 0) {
    throw new Error(
      `logisticLoss: labels must be 0 or 1, got y[${i}] = ${y[i]}`,
    );
  }
}
