// How close a lasso or elastic-net solution is to optimal: the KKT
// conditions, the duality gap, and the distance bound they give.
import { svd } from '../decompositions/svd.ts';
import { checkFinite, dot } from '../linear-algebra/matrix.ts';
import { calledAs } from '../introduction/checks.ts';
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { center, checkWeights } from '../linear-regression/model.ts';
import type { LinearFit } from '../linear-regression/model.ts';
import {
  checkGram,
  checkPenalty,
  gramProblem,
  lossCorrelations,
} from './problem.ts';
import type { Gram, Penalty } from './problem.ts';
import { checkIntercept } from './ridge.ts';

// #region kkt
/**
 * How far each w_j is from its KKT condition, Eq. (rg-kkt):
 * |c_j − λ₁ sign w_j| if w_j ≠ 0, else max(|c_j| − λ₁, 0). Also the
 * intercept's distance from its optimum ȳ − x̄ᵀw.
 */
export function kktViolations(
  X: Matrix,
  y: Vector,
  fit: LinearFit,
  penalty: Penalty,
): { coef: Vector; intercept: number } {
  const fn = 'kktViolations';
  const p = gramProblem(fn, X, y);
  checkWeights(fn, X, fit.w);
  checkIntercept(fn, fit.b);
  const { lambda1, lambda2 } = checkPenalty(fn, penalty);
  const g = lossCorrelations(p, fit.w);
  const coef = g.map((gj, j) => {
    const wj = fit.w[j];
    const cj = gj - lambda2 * wj; // Eq. (rg-kkt-c)
    if (wj === 0) return Math.max(Math.abs(cj) - lambda1, 0);
    return Math.abs(cj - lambda1 * Math.sign(wj));
  });
  const intercept = Math.abs(fit.b - (p.yMean - dot(p.xMean, fit.w)));
  return { coef, intercept };
}
// #endregion

// #region gap
/**
 * The primal value P(w) of the centred problem and the gap
 * P(w) − D(ν) at ν = γ r / n, Eqs. (rg-dual-point) and (rg-gap):
 * an upper bound on P(w) − P(w*).
 */
export function gapOfGram(
  p: Gram,
  w: Vector,
  g: Vector,
  lambda1: number,
  lambda2: number,
): { primal: number; gap: number } {
  checkGram('gapOfGram', p, { w, g });
  checkPenalty('gapOfGram', { lambda1, lambda2 });
  let cMax = 0; // max_j |c_j|, c_j = g_j − λ₂w_j, Eq. (rg-kkt-c)
  for (let j = 0; j < p.d; j++) {
    cMax = Math.max(cMax, Math.abs(g[j] - lambda2 * w[j]));
  }
  const gamma = cMax > lambda1 ? lambda1 / cMax : 1; // ν feasible
  const qw = dot(p.q, w);
  const yr = p.yy - qw; // ycᵀr / n
  const rr = p.yy - qw - dot(g, w); // ‖r‖² / n
  const w1 = w.reduce((a, v) => a + Math.abs(v), 0);
  const ww = dot(w, w);
  const primal = rr / 2 + lambda1 * w1 + (lambda2 / 2) * ww;
  const dual = gamma * yr - (gamma * gamma * (rr + lambda2 * ww)) / 2;
  return { primal, gap: primal - dual };
}
// #endregion

// #region duality-gap
/** The duality gap of w, its intercept set to its optimum. */
export function dualityGap(
  X: Matrix,
  y: Vector,
  w: Vector,
  penalty: Penalty,
): number {
  const p = gramProblem('dualityGap', X, y);
  checkWeights('dualityGap', X, w);
  const { lambda1, lambda2 } = checkPenalty('dualityGap', penalty);
  const g = lossCorrelations(p, w);
  return gapOfGram(p, w, g, lambda1, lambda2).gap;
}
// #endregion

// #region distance-bound
/** μ = s_min(Xc)²/n + λ₂: the strong convexity of Eq. (rg-enet). */
export function strongConvexity(X: Matrix, penalty: Penalty): number {
  checkFinite('strongConvexity', 'X', X);
  const { Xc } = center(X, new Float64Array(X.rows));
  const { lambda2 } = checkPenalty('strongConvexity', penalty);
  const s = svd(Xc).s;
  const sMin = X.rows >= X.cols ? s[s.length - 1] : 0; // wide: μ = λ₂
  return (sMin * sMin) / X.rows + lambda2;
}

/** ‖w − w*‖ <= ‖e‖ / μ, Eq. (rg-distance), e the KKT violations. */
export function distanceBound(
  X: Matrix,
  y: Vector,
  fit: LinearFit,
  penalty: Penalty,
): number {
  const fn = 'distanceBound';
  const mu = calledAs(fn, () => strongConvexity(X, penalty));
  if (!(mu > 0)) {
    throw new Error(
      'distanceBound: the objective is not strongly convex (μ = 0): ' +
        'Xc has dependent columns and λ₂ = 0, so w* may not be unique',
    );
  }
  const e = calledAs(fn, () => kktViolations(X, y, fit, penalty).coef);
  return Math.sqrt(dot(e, e)) / mu;
}
// #endregion
