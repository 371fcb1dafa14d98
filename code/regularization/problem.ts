// The elastic-net problem in scikit-learn's scaling: its objective, its
// penalty weights, and the centred Gram form every solver works on.
import {
  Matrix,
  checkFinite,
  dot,
  matmul,
  matvec,
  scale,
  scaleVec,
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
import { checkIntercept, checkLambda } from './ridge.ts';

// #region penalty
/** λ₁ (L1) and λ₂ (L2) of Eq. (rg-enet); the lasso has λ₂ = 0. */
export interface Penalty {
  lambda1: number;
  lambda2?: number;
}
// #endregion

// #region check-penalty
/** Checks a penalty and fills in λ₂ = 0. */
export function checkPenalty(fn: string, p: Penalty) {
  if (typeof p !== 'object' || p === null) {
    throw new Error(`${fn}: expected a penalty { lambda1, lambda2 }`);
  }
  const { lambda1, lambda2 = 0 } = p;
  checkLambda(fn, 'lambda1', lambda1);
  checkLambda(fn, 'lambda2', lambda2);
  return { lambda1, lambda2 };
}
// #endregion

// #region objective
/**
 * (1/2n)‖y − Xw − b‖² + λ₁‖w‖₁ + (λ₂/2)‖w‖², Eq. (rg-enet):
 * the lasso and elastic net as scikit-learn defines them.
 */
export function elasticNetObjective(
  X: Matrix,
  y: Vector,
  fit: LinearFit,
  penalty: Penalty,
): number {
  const fn = 'elasticNetObjective';
  checkXy(fn, X, y);
  checkWeights(fn, X, fit.w);
  checkIntercept(fn, fit.b);
  const { lambda1, lambda2 } = checkPenalty(fn, penalty);
  const Xw = matvec(X, fit.w);
  let sse = 0;
  for (let i = 0; i < X.rows; i++) sse += (y[i] - Xw[i] - fit.b) ** 2;
  const l1 = fit.w.reduce((a, wj) => a + Math.abs(wj), 0);
  return sse / (2 * X.rows) + lambda1 * l1 +
    (lambda2 / 2) * dot(fit.w, fit.w);
}
// #endregion

// #region gram
/**
 * What the centred problem needs of the data, Eq. (rg-gram):
 * G = XcᵀXc/n, q = Xcᵀyc/n and ‖yc‖²/n, with Xc = X − 1x̄ᵀ and
 * yc = y − ȳ; the intercept is then b = ȳ − x̄ᵀw.
 */
export interface Gram {
  n: number;
  d: number;
  G: Matrix;
  q: Vector;
  yy: number;
  xMean: Vector;
  yMean: number;
}

export function gramProblem(fn: string, X: Matrix, y: Vector): Gram {
  checkXy(fn, X, y);
  if (X.rows < 2) {
    throw new Error(`${fn}: need at least 2 rows, got X ${shapeOf(X)}`);
  }
  const { Xc, yc, xMean, yMean } = center(X, y);
  const n = X.rows;
  const Xt = transpose(Xc);
  const G = scale(matmul(Xt, Xc), 1 / n);
  const q = scaleVec(matvec(Xt, yc), 1 / n);
  return { n, d: X.cols, G, q, yy: dot(yc, yc) / n, xMean, yMean };
}
// #endregion

// #region loss-correlations

/** g = q − Gw = Xcᵀ(yc − Xc w)/n: minus the loss gradient. */
export function lossCorrelations(p: Gram, w: Vector): Vector {
  checkGram('lossCorrelations', p, { w });
  const Gw = matvec(p.G, w);
  return p.q.map((qj, j) => qj - Gw[j]);
}
// #endregion

/** Throws unless p is a Gram of gramProblem and each vector is
 *  finite, of length p.d. */
export function checkGram(
  fn: string,
  p: Gram,
  vs: Record<string, Vector>,
): void {
  const ok = p?.G instanceof Matrix && p.G.rows === p.d &&
    p.q?.length === p.d && Number.isFinite(p.yy);
  if (!ok) {
    throw new Error(`${fn}: p must be a Gram of gramProblem`);
  }
  for (const [name, v] of Object.entries(vs)) {
    if (!(v instanceof Float64Array) || v.length !== p.d) {
      throw new Error(`${fn}: ${name} must be vector(${p.d}), got ` +
        (v instanceof Float64Array ? shapeOf(v) : typeof v));
    }
    checkFinite(fn, name, v);
  }
}
