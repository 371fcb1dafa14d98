// Ridge regression: the closed form by Cholesky, and the same solution
// as a shrinkage of the singular values, for one λ or a whole grid.
import { choleskyFor, choleskySolve } from '../decompositions/cholesky.ts';
import { svd } from '../decompositions/svd.ts';
import {
  Matrix,
  checkFinite,
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
  const L = choleskyFor('ridgeCholesky', A, 'XcᵀXc + λI:');
  const w = choleskySolve(L, matvec(Xt, yc));
  return { w, b: yMean - dot(xMean, w) }; // Eq. (lr-intercept)
}
// #endregion

// #region shrinkage
/** The factors s_j² / (s_j² + λ) of Eq. (rg-ridge-fitted). */
export function shrinkageFactors(s: Vector, lambda_: number): Vector {
  checkShrinkage('shrinkageFactors', s, lambda_);
  // s_j = 0 and λ = 0 is 0/0: that direction is not fitted, factor 0
  return s.map((sj) => (sj === 0 ? 0 : (sj * sj) / (sj * sj + lambda_)));
}

/** df(λ) = Σ_j s_j² / (s_j² + λ), Eq. (rg-ridge-df). */
export function effectiveDof(s: Vector, lambda_: number): number {
  checkShrinkage('effectiveDof', s, lambda_);
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
  checkLambdas('ridgePath', lambdas);
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
  checkXy('ridgeSvd', X, y);
  checkLambda('ridgeSvd', 'lambda_', lambda_);
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
  checkRidge('ridgeObjective', X, y, fit, lambda_);
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
  checkRidge('ridgeGradient', X, y, fit, lambda_);
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
  checkFinite('ridgeRisk', 'X', X);
  checkFinite('ridgeRisk', 'w', w);
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

// Input checks of the functions above.

/** Singular values finite and >= 0, and a λ >= 0. */
function checkShrinkage(fn: string, s: Vector, lambda_: number): void {
  checkLambda(fn, 'lambda_', lambda_);
  if (!(ArrayBuffer.isView(s) || Array.isArray(s)) || s.length === 0) {
    throw new Error(`${fn}: s must be a non-empty array of singular ` +
      'values');
  }
  if (s.some((sj) => !(sj >= 0) || !Number.isFinite(sj))) {
    throw new Error(`${fn}: singular values must be finite and >= 0`);
  }
}

/** A non-empty array of λ >= 0, each finite. */
export function checkLambdas(fn: string, lambdas: number[]): void {
  if (!Array.isArray(lambdas) || lambdas.length === 0) {
    throw new Error(`${fn}: lambdas must be a non-empty array of ` +
      `numbers >= 0, got ${lambdas}`);
  }
  lambdas.forEach((l, i) => checkLambda(fn, `lambdas[${i}]`, l));
}

function checkRidge(
  fn: string,
  X: Matrix,
  y: Vector,
  fit: LinearFit,
  lambda_: number,
): void {
  checkXy(fn, X, y);
  checkWeights(fn, X, fit?.w);
  checkIntercept(fn, fit.b);
  checkLambda(fn, 'lambda_', lambda_);
}
