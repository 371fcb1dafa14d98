// Ridge regression: the closed form by Cholesky, and the same solution
// as a shrinkage of the singular values, for one λ or a whole grid.
import { cholesky, choleskySolve } from '../decompositions/cholesky.ts';
import { svd } from '../decompositions/svd.ts';
import {
  Matrix,
  dot,
  matmul,
  matvec,
  shapeOf,
  transpose,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  center,
  checkWeights,
  checkXy,
} from '../linear-regression/model.ts';
import type { LinearFit } from '../linear-regression/model.ts';

// #region check-lambda
/** Throws, naming `fn`, unless λ is a finite number >= 0. */
export function checkLambda(fn: string, name: string, lambda_: number) {
  if (typeof lambda_ !== 'number' || !(lambda_ >= 0) ||
    !Number.isFinite(lambda_)) {
    throw new Error(
      `${fn}: ${name} must be a finite number >= 0, got ${lambda_}`,
    );
  }
}

/** Throws, naming `fn`, unless the intercept b is finite. */
export function checkIntercept(fn: string, b: number): void {
  if (typeof b !== 'number' || !Number.isFinite(b)) {
    throw new Error(`${fn}: b must be a finite number, got ${b}`);
  }
}
// #endregion

// #region ridge-cholesky
/**
 * Ridge by its normal equations (XcᵀXc + λI) w = Xcᵀyc on centred
 * data, Eq. (rg-ridge-normal), solved by Cholesky; b = ȳ − x̄ᵀw.
 */
export function ridgeCholesky(
  X: Matrix,
  y: Vector,
  lambda_: number,
): LinearFit {
  checkXy('ridgeCholesky', X, y);
  checkLambda('ridgeCholesky', 'lambda_', lambda_);
  const { Xc, yc, xMean, yMean } = center(X, y);
  const Xt = transpose(Xc);
  const A = matmul(Xt, Xc); // XcᵀXc, d x d
  for (let j = 0; j < A.rows; j++) A.data[j * A.cols + j] += lambda_;
  const w = choleskySolve(cholesky(A), matvec(Xt, yc));
  return { w, b: yMean - dot(xMean, w) }; // Eq. (lr-intercept)
}
// #endregion

// #region shrinkage
/** The factors s_j² / (s_j² + λ) of Eq. (rg-ridge-fitted). */
export function shrinkageFactors(s: Vector, lambda_: number): Vector {
  checkLambda('shrinkageFactors', 'lambda_', lambda_);
  if (s.some((sj) => !(sj >= 0) || !Number.isFinite(sj))) {
    throw new Error(
      'shrinkageFactors: singular values must be finite and >= 0',
    );
  }
  // s_j = 0 and λ = 0 is 0/0: that direction is not fitted, factor 0
  return s.map((sj) => (sj === 0 ? 0 : (sj * sj) / (sj * sj + lambda_)));
}

/** df(λ) = Σ_j s_j² / (s_j² + λ), Eq. (rg-ridge-df). */
export function effectiveDof(s: Vector, lambda_: number): number {
  return shrinkageFactors(s, lambda_).reduce((a, f) => a + f, 0);
}
// #endregion

// #region ridge-path
/**
 * Ridge for every λ in `lambdas` from one SVD of the centred X,
 * Eq. (rg-ridge-svd): w = Σ_j v_j s_j/(s_j² + λ) u_jᵀyc.
 */
export function ridgePath(
  X: Matrix,
  y: Vector,
  lambdas: number[],
): LinearFit[] {
  checkXy('ridgePath', X, y);
  lambdas.forEach((l, i) => checkLambda('ridgePath', `lambdas[${i}]`, l));
  const { Xc, yc, xMean, yMean } = center(X, y);
  const { U, s, V } = svd(Xc);
  const k = s.length;
  const uy = matvec(transpose(U), yc); // u_jᵀ yc
  return lambdas.map((lambda_) => { // Eq. (rg-ridge-svd)
    const w = new Float64Array(X.cols);
    for (let j = 0; j < k; j++) {
      if (s[j] === 0) continue; // no direction to fit
      const c = (s[j] / (s[j] * s[j] + lambda_)) * uy[j];
      for (let r = 0; r < X.cols; r++) w[r] += c * V.data[r * k + j];
    }
    return { w, b: yMean - dot(xMean, w) };
  });
}

/** Ridge for one λ through the SVD. */
export function ridgeSvd(X: Matrix, y: Vector, lambda_: number) {
  return ridgePath(X, y, [lambda_])[0];
}
// #endregion

// #region ridge-objective
/** ‖y − Xw − b‖² + λ‖w‖², Eq. (rg-ridge). */
export function ridgeObjective(
  X: Matrix,
  y: Vector,
  fit: LinearFit,
  lambda_: number,
): number {
  checkXy('ridgeObjective', X, y);
  checkWeights('ridgeObjective', X, fit.w);
  checkIntercept('ridgeObjective', fit.b);
  checkLambda('ridgeObjective', 'lambda_', lambda_);
  const Xw = matvec(X, fit.w);
  let sse = 0;
  for (let i = 0; i < X.rows; i++) sse += (y[i] - Xw[i] - fit.b) ** 2;
  return sse + lambda_ * dot(fit.w, fit.w);
}
// #endregion

// #region ridge-gradient
/**
 * Its gradient, Eq. (rg-ridge-grad): −2Xᵀr + 2λw in w and −2Σr_i
 * in b, with the residual r = y − Xw − b.
 */
export function ridgeGradient(
  X: Matrix,
  y: Vector,
  fit: LinearFit,
  lambda_: number,
): { w: Vector; b: number } {
  ridgeObjective(X, y, fit, lambda_); // the same checks
  const { rows: n, cols: d, data } = X;
  const r = matvec(X, fit.w).map((v, i) => y[i] - v - fit.b);
  const gw = fit.w.map((wj) => 2 * lambda_ * wj);
  let gb = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) gw[j] -= 2 * data[i * d + j] * r[i];
    gb -= 2 * r[i];
  }
  return { w: gw, b: gb };
}
// #endregion

// #region ridge-risk
/**
 * E‖ŵ_λ − w‖² for ridge without intercept on a fixed X with noise
 * variance σ², Eq. (rg-ridge-risk): squared bias plus variance.
 */
export function ridgeRisk(
  X: Matrix,
  w: Vector,
  noiseVar: number,
  lambda_: number,
): { bias2: number; variance: number; total: number } {
  checkLambda('ridgeRisk', 'noiseVar', noiseVar);
  checkLambda('ridgeRisk', 'lambda_', lambda_);
  if (X.rows < X.cols || w.length !== X.cols) {
    throw new Error(
      `ridgeRisk: expected a tall X and w of length X.cols, got X ` +
        `${shapeOf(X)} and w ${shapeOf(w)}`,
    );
  }
  const { s, V } = svd(X);
  const a = matvec(transpose(V), w); // a_j = v_jᵀw
  let bias2 = 0;
  let variance = 0;
  for (let j = 0; j < s.length; j++) {
    const q = s[j] * s[j] + lambda_;
    if (q === 0) {
      throw new Error('ridgeRisk: X is rank deficient and λ = 0');
    }
    bias2 += ((lambda_ / q) * a[j]) ** 2;
    variance += (noiseVar * s[j] * s[j]) / (q * q);
  }
  return { bias2, variance, total: bias2 + variance };
}
// #endregion
