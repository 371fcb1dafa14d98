// Exercise: the Huber loss, its gradient, and a fit by Chapter 7's
// gradientDescent with the step 1/λmax of the squared loss.
import { requirePositive } from '../../introduction/checks.ts';
import {
  Matrix,
  matmul,
  matvec,
  scale,
  transpose,
  type Vector,
} from '../../linear-algebra/matrix.ts';
import { gradientDescent } from '../../optimization/gradient-descent.ts';
import {
  addOnesColumn,
  checkWeights,
  checkXy,
  type LinearFit,
} from '../model.ts';
import { outlierExperiment } from '../pitfalls.ts';
import { largestEigenvalue } from '../spectrum.ts';

// #region huber-loss
/** L_δ(w) = (1/n) Σ h_δ(y_i − x_iᵀw), h_δ = ½r² or δ(|r| − ½δ). */
export function huberLoss(
  X: Matrix, y: Vector, w: Vector, delta: number,
): number {
  checkHuber('huberLoss', X, y, w, delta);
  const Xw = matvec(X, w);
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    const a = Math.abs(y[i] - Xw[i]);
    sum += a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
  }
  return sum / X.rows;
}

/** ∇L_δ(w) = −(1/n) Xᵀψ(r), ψ(r) = r clipped to [−δ, δ]. */
export function huberGradient(
  X: Matrix, y: Vector, w: Vector, delta: number,
): Vector {
  checkHuber('huberGradient', X, y, w, delta);
  const { rows: n, cols: d, data } = X;
  const r = matvec(X, w);
  const g = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const psi = Math.max(-delta, Math.min(delta, y[i] - r[i]));
    for (let j = 0; j < d; j++) g[j] -= (data[i * d + j] * psi) / n;
  }
  return g;
}
// #endregion

// #region fit-huber
/** The Huber fit with an intercept: w of [1 X] from w = 0. */
export function fitHuber(X: Matrix, y: Vector, delta: number): LinearFit {
  checkXy('fitHuber', X, y);
  requirePositive('fitHuber', 'delta', delta);
  const A = addOnesColumn(X);
  // ψ′ ≤ 1: the curvature is at most the squared loss's, so 1/λmax
  const H = scale(matmul(transpose(A), A), 1 / A.rows);
  const run = gradientDescent(
    (w) => huberLoss(A, y, w, delta),
    (w) => huberGradient(A, y, w, delta),
    new Float64Array(A.cols),
    { eta: 1 / largestEigenvalue(H), tol: 1e-10, maxIter: 100_000 },
  );
  return { w: run.x.slice(1), b: run.x[0] };
}
// #endregion

// #region huber-outlier
/** Huber slopes on outlierExperiment's points, without and with the
 * far point; least squares' slopes beside them. */
export function huberOutlier(delta: number) {
  requirePositive('huberOutlier', 'delta', delta);
  const o = outlierExperiment();
  const n = o.x.length;
  const X = new Matrix(n, 1, Float64Array.from(o.x));
  const Xo = new Matrix(n + 1, 1);
  Xo.data.set(o.x);
  Xo.data[n] = o.outlier[0];
  const yo = new Float64Array(n + 1);
  yo.set(o.y);
  yo[n] = o.outlier[1];
  return {
    huber: [fitHuber(X, o.y, delta).w[0], fitHuber(Xo, yo, delta).w[0]],
    leastSquares: [o.clean.w[0], o.withOutlier.w[0]],
  };
}
// #endregion

function checkHuber(
  fn: string, X: Matrix, y: Vector, w: Vector, delta: number,
): void {
  checkXy(fn, X, y);
  checkWeights(fn, X, w);
  requirePositive(fn, 'delta', delta);
}
