// Least squares by batch gradient descent, with the step size taken
// from the largest eigenvalue of the Hessian XᵀX / n. Chapter 7's
// gradientDescent(f, grad, x0) minimizes any smooth f; this fit is its
// special case for the squared loss: it centres for the intercept, takes
// its step from the data, and returns the loss of every step, with
// status 'diverged' instead of an exception, so that a run that fails
// can still be plotted.
import {
  checkFinite,
  dot,
  matmul,
  norm,
  scale,
  shapeOf,
  transpose,
} from '../linear-algebra/matrix.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  center,
  checkXy,
  squaredLoss,
  squaredLossGradient,
} from './model.ts';
import type { LinearFit } from './model.ts';
import { largestEigenvalue } from './spectrum.ts';

// #region step-size
/** η = 1/λmax(XᵀX/n): half the limit 2/λmax of Eq. (lr-step-size). */
export function safeStepSize(X: Matrix): number {
  checkFinite('safeStepSize', 'X', X);
  const XtX = matmul(transpose(X), X);
  const H = scale(XtX, 1 / X.rows); // the Hessian, Eq. (lr-hessian)
  const lambdaMax = largestEigenvalue(H);
  if (!(lambdaMax > 0)) {
    throw new Error(
      `safeStepSize: X (${shapeOf(X)}) is all zeros, so the loss is ` +
        'flat and no step size is meaningful',
    );
  }
  return 1 / lambdaMax;
}
// #endregion

// #region gd-types
export interface GDOptions {
  /** Step size η; default 1/λmax(XᵀX/n). */
  eta?: number;
  maxSteps?: number;
  /** Stop when ‖∇L‖ ≤ tol · (‖∇L‖ at the start). */
  tol?: number;
  /** Fit b by centring, as fitNormalEquations does (default true). */
  intercept?: boolean;
}

export interface GDResult extends LinearFit {
  eta: number;
  steps: number;
  /** L(w_k) for k = 0, 1, …, steps. */
  losses: number[];
  status: 'converged' | 'max-steps' | 'diverged';
}
// #endregion

// #region gd
/** Batch gradient descent from w = 0, Eq. (lr-gd-step). */
export function fitGradientDescent(
  X: Matrix,
  y: Vector,
  opts: GDOptions = {},
): GDResult {
  const { maxSteps = 100_000, tol = 1e-10, intercept = true } = opts;
  checkXy('fitGradientDescent', X, y);
  const { Xc, yc, xMean, yMean } = intercept
    ? center(X, y)
    : { Xc: X, yc: y, xMean: new Float64Array(X.cols), yMean: 0 };
  const eta = opts.eta ?? safeStepSize(Xc);
  checkOptions(eta, maxSteps, tol);
  let w: Vector = new Float64Array(X.cols);
  const losses = [squaredLoss(Xc, yc, w)];
  let g = squaredLossGradient(Xc, yc, w);
  const g0 = norm(g);
  let status: GDResult['status'] = 'max-steps';
  let steps = 0;
  for (;;) {
    if (norm(g) <= tol * g0) status = 'converged';
    if (status === 'converged' || steps === maxSteps) break;
    w = w.map((wj, j) => wj - eta * g[j]); // Eq. (lr-gd-step)
    steps += 1;
    losses.push(squaredLoss(Xc, yc, w));
    // the loss only falls when η < 2/λmax, Eq. (lr-step-size)
    if (losses[steps] > losses[0]) {
      status = 'diverged';
      break;
    }
    g = squaredLossGradient(Xc, yc, w);
  }
  return { w, b: yMean - dot(xMean, w), eta, steps, losses, status };
}
// #endregion

// #region gd-checks
function checkOptions(eta: number, maxSteps: number, tol: number): void {
  const fn = 'fitGradientDescent';
  if (!(Number.isFinite(eta) && eta > 0)) {
    throw new Error(`${fn}: eta must be > 0, got ${eta}`);
  }
  if (!(Number.isInteger(maxSteps) && maxSteps >= 0)) {
    throw new Error(
      `${fn}: maxSteps must be an integer >= 0, got ${maxSteps}`,
    );
  }
  if (!(Number.isFinite(tol) && tol >= 0)) {
    throw new Error(`${fn}: tol must be >= 0, got ${tol}`);
  }
}
// #endregion
