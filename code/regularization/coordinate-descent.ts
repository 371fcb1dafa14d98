// The lasso and the elastic net by cyclic coordinate descent with
// soft-thresholding, stopped by the duality gap.
import { ConvergenceError } from '../decompositions/eigen.ts';
import { calledAs } from '../introduction/checks.ts';
import { checkFinite, dot, shapeOf } from '../linear-algebra/matrix.ts';
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import type { LinearFit } from '../linear-regression/model.ts';
import { gapOfGram } from './optimality.ts';
import {
  checkPenalty,
  gramProblem,
  lossCorrelations,
} from './problem.ts';
import type { Gram, Penalty } from './problem.ts';

// #region soft-threshold
/** S(z, t) = sign(z) max(|z| − t, 0), Eq. (rg-soft-threshold). */
export function softThreshold(z: number, t: number): number {
  if (!Number.isFinite(z) || !(t >= 0) || !Number.isFinite(t)) {
    throw new Error(
      `softThreshold: expected finite z and t >= 0, got z=${z}, t=${t}`,
    );
  }
  if (z > t) return z - t;
  if (z < -t) return z + t;
  return 0;
}
// #endregion

// #region coordinate-step
/**
 * Minimizes over w_j alone, Eq. (rg-cd-update), and keeps
 * g = q − Gw = Xcᵀr/n up to date: O(d) work, Eq. (rg-cd-gram).
 */
function coordinateStep(
  p: Gram, g: Vector, w: Vector, j: number,
  lambda1: number, lambda2: number,
): void {
  const d = p.d;
  const Gjj = p.G.data[j * d + j]; // z_j = ‖x_j‖²/n
  if (Gjj + lambda2 === 0) return; // constant column, lasso: w_j = 0
  const rho = g[j] + Gjj * w[j]; // ρ_j, Eq. (rg-cd-rho)
  const wNew = softThreshold(rho, lambda1) / (Gjj + lambda2);
  const delta = wNew - w[j];
  if (delta === 0) return;
  for (let k = 0; k < d; k++) g[k] -= p.G.data[j * d + k] * delta;
  w[j] = wNew;
}
// #endregion

// #region options
export interface CDOptions {
  /** Stop when gap <= tol ‖yc‖²/n, as scikit-learn's tol (1e-10). */
  tol?: number;
  /** At most this many sweeps over the d coordinates (10 000). */
  maxSweeps?: number;
  /** Starting weights (warm start); default 0. */
  w0?: Vector;
}

export interface ElasticNetFit extends LinearFit {
  /** Sweeps used, and the duality gap at the end, Eq. (rg-gap). */
  sweeps: number;
  gap: number;
  /** The objective, Eq. (rg-enet), and the gap after each sweep. */
  objectives: number[];
  gaps: number[];
}
// #endregion

// #region elastic-net
/** The elastic net of Eq. (rg-enet) by cyclic coordinate descent. */
export function elasticNet(
  X: Matrix,
  y: Vector,
  penalty: Penalty,
  { tol = 1e-10, maxSweeps = 10_000, w0 }: CDOptions = {},
): ElasticNetFit {
  const fn = 'elasticNet';
  const p = gramProblem(fn, X, y);
  const { lambda1, lambda2 } = checkPenalty(fn, penalty);
  checkOptions(fn, X, lambda1, tol, maxSweeps, w0);
  const w = w0 ? w0.slice() : new Float64Array(p.d);
  const g = lossCorrelations(p, w); // q − Gw
  const objectives: number[] = [];
  const gaps: number[] = [];
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    for (let j = 0; j < p.d; j++) {
      coordinateStep(p, g, w, j, lambda1, lambda2);
    }
    const { primal, gap } = gapOfGram(p, w, g, lambda1, lambda2);
    objectives.push(primal);
    gaps.push(gap);
    if (gap <= tol * p.yy) { // the gap relative to ‖yc‖²/n
      const b = p.yMean - dot(p.xMean, w); // Eq. (lr-intercept)
      return { w, b, sweeps: sweep, gap, objectives, gaps };
    }
  }
  const gap = gaps[maxSweeps - 1];
  throw new ConvergenceError(
    `${fn}: duality gap ${gap.toExponential(2)} still above ` +
      `${(tol * p.yy).toExponential(2)} after ${maxSweeps} sweeps ` +
      `(λ₁ = ${lambda1}, λ₂ = ${lambda2}); raise maxSweeps or tol`,
  );
}
// #endregion

// #region lasso
/** The lasso: the elastic net with λ₂ = 0. */
export function lasso(
  X: Matrix,
  y: Vector,
  lambda_: number,
  options: CDOptions = {},
): ElasticNetFit {
  const penalty = { lambda1: lambda_ };
  return calledAs('lasso', () => elasticNet(X, y, penalty, options));
}
// #endregion

function checkOptions(
  fn: string, X: Matrix, lambda1: number, tol: number,
  maxSweeps: number, w0: Vector | undefined,
): void {
  if (!(lambda1 > 0)) {
    throw new Error(
      `${fn}: lambda1 must be > 0 (its duality gap needs it), got ` +
        `${lambda1}; for lambda1 = 0 use ridgeSvd with n·lambda2`,
    );
  }
  if (!(tol > 0) || !Number.isFinite(tol)) {
    throw new Error(`${fn}: tol must be finite and > 0, got ${tol}`);
  }
  if (!Number.isSafeInteger(maxSweeps) || maxSweeps < 1) {
    throw new Error(
      `${fn}: maxSweeps must be an integer >= 1, got ${maxSweeps}`,
    );
  }
  if (w0 === undefined) return;
  if (!(w0 instanceof Float64Array) || w0.length !== X.cols) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so w0 must be vector(${X.cols}); ` +
        `got ${w0 instanceof Float64Array ? shapeOf(w0) : typeof w0}`,
    );
  }
  checkFinite(fn, 'w0', w0);
}
