// Bayesian ridge as scikit-learn fits it: centre the data (a flat prior
// on the intercept), maximize the evidence, predict with error bars.
import {
  Matrix,
  checkFinite,
  dot,
  shapeOf,
} from '../linear-algebra/matrix.ts';
import { calledAs } from '../introduction/checks.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { center, checkXy } from '../linear-regression/model.ts';
import { maximizeEvidence } from './evidence.ts';
import type { EvidenceFit, EvidenceOptions } from './evidence.ts';
import { predictive } from './predictive.ts';
import type { Predictive } from './predictive.ts';

// #region fit-bayesian-ridge
/** A fitted model: the evidence fit on centred data, and b. */
export interface BayesianRidgeFit extends EvidenceFit {
  w: Vector; // the posterior mean m of the weights
  b: number; // ȳ − x̄ᵀm
  xMean: Vector;
  n: number;
}

/** Centre, then maximize the evidence: Eq. (blr-mackay). */
export function fitBayesianRidge(
  X: Matrix, y: Vector, opts: EvidenceOptions = {},
): BayesianRidgeFit {
  checkXy('fitBayesianRidge', X, y);
  const { Xc, yc, xMean, yMean } = center(X, y);
  const fit = calledAs('fitBayesianRidge',
    () => maximizeEvidence(Xc, yc, opts));
  const w = fit.posterior.mean;
  return { ...fit, w, b: yMean - dot(xMean, w), xMean, n: X.rows };
}
// #endregion

// #region predict-bayesian-ridge
/** The predictive at the rows of Xs, with b's share, Eq. (blr-pred-b). */
export function predictBayesianRidge(
  fit: BayesianRidgeFit, Xs: Matrix,
): Predictive {
  checkFit(fit);
  if (!(Xs instanceof Matrix) || Xs.cols !== fit.xMean.length) {
    throw new Error(
      `predictBayesianRidge: the model has ${fit.xMean.length} ` +
        `features; got ${Xs instanceof Matrix ? shapeOf(Xs) : typeof Xs}`,
    );
  }
  const d = Xs.cols;
  const Xc = new Matrix(Xs.rows, d); // x − x̄
  Xs.data.forEach((v, t) => { Xc.data[t] = v - fit.xMean[t % d]; });
  const p = calledAs('predictBayesianRidge',
    () => predictive(fit.posterior, Xc, fit.hyper.sigma2));
  const yMean = fit.b + dot(fit.xMean, fit.w); // ȳ
  const bVar = fit.hyper.sigma2 / fit.n; // Var(b + x̄ᵀw) = σ²/n
  return {
    mean: p.mean.map((v) => v + yMean),
    varF: p.varF.map((v) => v + bVar),
    varY: p.varY.map((v) => v + bVar),
  };
}
// #endregion

/** fit as fitBayesianRidge returns it: w, xMean of one length, b, n. */
function checkFit(fit: BayesianRidgeFit): void {
  const fn = 'predictBayesianRidge';
  const ok = fit?.w instanceof Float64Array &&
    fit.xMean instanceof Float64Array &&
    fit.w.length === fit.xMean.length && Number.isFinite(fit.b) &&
    Number.isInteger(fit.n) && fit.n >= 1;
  if (!ok) {
    throw new Error(`${fn}: fit must come from fitBayesianRidge ` +
      '(w, xMean, b and n)');
  }
  checkFinite(fn, 'xMean', fit.xMean);
  checkFinite(fn, 'w', fit.w);
}
