// Early stopping: the batch gradient-descent iterate in closed form as a
// filter on the eigen-directions of H, and standardizing held-out rows
// with the training statistics.
import {
  Matrix,
  checkFinite,
  matvec,
  scale,
  shapeOf,
  transpose,
  matmul,
  type Vector,
} from '../linear-algebra/matrix.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';
import { checkXy } from '../linear-regression/model.ts';

// #region gd-filter
/**
 * The k-th batch GD iterate from w₀ = 0 with step η, in closed form,
 * Eq. (gd-filter): w_k = Σ_j (1 − (1 − ηh_j)^k) (q_jᵀXᵀy/n) / h_j q_j.
 */
export function gdFilterIterate(
  X: Matrix,
  y: Vector,
  eta: number,
  k: number,
): Vector {
  checkXy('gdFilterIterate', X, y);
  if (!(eta > 0 && Number.isFinite(eta)) || !Number.isInteger(k) ||
    k < 0) {
    throw new Error(`gdFilterIterate: expected eta > 0 and an integer ` +
      `k >= 0, got ${eta}, ${k}`);
  }
  const n = X.rows;
  const { values, vectors: Q } = symmetricEigen(
    scale(matmul(transpose(X), X), 1 / n));
  const c = matvec(transpose(Q), matvec(transpose(X), y)); // Qᵀ Xᵀy
  const coef = Float64Array.from(values, (h, j) => {
    if (h <= 0) return 0; // a flat direction: GD never moves
    // 1 − (1 − ηh)^k, without cancellation when ηh is tiny
    const filter = eta * h < 1
      ? -Math.expm1(k * Math.log1p(-eta * h))
      : 1 - (1 - eta * h) ** k;
    return (filter * c[j]) / (n * h);
  });
  return matvec(Q, coef);
}
// #endregion

// #region scale-with
/** (x_ij − mean_j) / scale_j with statistics from other rows. */
export function scaleWith(X: Matrix, mean: Vector, s: Vector): Matrix {
  checkFinite('scaleWith', 'X', X);
  const d = X.cols;
  if (mean.length !== d || s.length !== d || !s.every((v) => v > 0)) {
    throw new Error(`scaleWith: X is ${shapeOf(X)}; expected mean and ` +
      `scale of length ${d}, scale > 0`);
  }
  checkFinite('scaleWith', 'mean', mean);
  checkFinite('scaleWith', 'scale', s);
  const Z = new Matrix(X.rows, d);
  for (let t = 0; t < X.data.length; t++) {
    // Eq. (lr-standardize), with the training mean and scale
    Z.data[t] = (X.data[t] - mean[t % d]) / s[t % d];
  }
  return Z;
}
// #endregion
