// Bayesian ridge on the standardized diabetes data: the evidence fit,
// credible intervals, and predictive intervals checked on held-out
// patients. Node only (reads the CSV).
import { createRng } from '../introduction/random.ts';
import {
  requireFiniteArray,
  requireInteger,
} from '../introduction/checks.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import { fitNormalEquations } from '../linear-regression/model.ts';
import { standardize } from '../linear-regression/scaling.ts';
import {
  cvCurve,
  kFoldIndices,
  takeRows,
} from '../regularization/cross-validation.ts';
import { ridgePath } from '../regularization/ridge.ts';
import { normalQuantile } from '../statistics/normal-quantile.ts';
import {
  fitBayesianRidge,
  predictBayesianRidge,
} from './bayesian-ridge.ts';

/** The two-sided level of every interval in this study. */
export const LEVEL = 0.95;

// #region diabetes-fit
/** Evidence fit, 95% credible intervals, and OLS beside them. */
export function diabetesBayes() {
  const { X, y, features } = loadDiabetes();
  const { Z } = standardize(X); // one prior scale τ for every weight
  const fit = fitBayesianRidge(Z, y);
  const z = normalQuantile((1 + LEVEL) / 2);
  const d = Z.cols;
  const intervals = features.map((name, j) => {
    const sd = Math.sqrt(fit.posterior.cov.data[j * d + j]);
    const m = fit.w[j];
    return { name, mean: m, sd, lo: m - z * sd, hi: m + z * sd };
  });
  return { features, Z, y, fit, intervals, ols: fitNormalEquations(Z, y) };
}
// #endregion

// #region held-out
/**
 * K-fold: fit on the other folds (standardized with their own means
 * and scales), then score each held-out target by z = (y − μ)/σ_y.
 */
export function heldOutZ(folds = 10, seed = 7) {
  checkSplit('heldOutZ', folds, seed);
  const { X, y } = loadDiabetes();
  const z = new Float64Array(X.rows);
  for (const f of kFoldIndices(X.rows, folds, createRng(seed))) {
    const train = takeRows(X, y, f.train);
    const test = takeRows(X, y, f.test);
    const { Z, mean, scale } = standardize(train.X);
    const fit = fitBayesianRidge(Z, train.y);
    const d = X.cols;
    const Zt = new Matrix(test.X.rows, d);
    test.X.data.forEach((v, t) => {
      Zt.data[t] = (v - mean[t % d]) / scale[t % d];
    });
    const p = predictBayesianRidge(fit, Zt);
    f.test.forEach((i, k) => {
      z[i] = (y[i] - p.mean[k]) / Math.sqrt(p.varY[k]);
    });
  }
  const zc = normalQuantile((1 + LEVEL) / 2);
  const inside = z.filter((v) => Math.abs(v) <= zc).length;
  return { z, coverage: inside / X.rows, folds, seed };
}
// #endregion

// #region ridge-cv
/** The ridge grid of the comparison: 10^-1 to 10^3, 10 per decade. */
export const CV_LAMBDAS = Array.from(
  { length: 41 }, (_, k) => 10 ** (-1 + k / 10),
);

/** λ with the smallest 10-fold CV error, on heldOutZ's folds. */
export function ridgeCvLambda(folds = 10, seed = 7) {
  checkSplit('ridgeCvLambda', folds, seed);
  const { X, y } = loadDiabetes();
  const { Z } = standardize(X);
  const split = kFoldIndices(X.rows, folds, createRng(seed));
  const cv = cvCurve(Z, y, split, (Xt, yt) => ridgePath(Xt, yt,
    CV_LAMBDAS));
  let best = 0;
  cv.mean.forEach((m, i) => { if (m < cv.mean[best]) best = i; });
  return { lambda: CV_LAMBDAS[best], best, mse: cv.mean[best], cv };
}

/**
 * The CV error at grid point i minus that at j, fold by fold: its mean
 * and standard error. The folds are shared, so their common part of
 * the error cancels in the difference.
 */
export function pairedCvDifference(
  cv: { foldMse: number[][] }, i: number, j: number,
): { mean: number; se: number } {
  const fn = 'pairedCvDifference';
  const k = cv?.foldMse?.length ?? 0;
  requireInteger(fn, 'i', i, 0, k - 1);
  requireInteger(fn, 'j', j, 0, k - 1);
  const diff = cv.foldMse[i].map((e, f) => e - cv.foldMse[j][f]);
  requireFiniteArray(fn, 'the fold errors', diff, 2);
  const { mean, variance } = moments(diff);
  return { mean, se: Math.sqrt(variance / diff.length) };
}
// #endregion

/** 2 to 442 folds (the patients), and a seed. */
function checkSplit(fn: string, folds: number, seed: number): void {
  requireInteger(fn, 'folds', folds, 2, 442);
  requireInteger(fn, 'seed', seed);
}
