// @unshown: harness for the tables and figures; it runs shown code
// The experiments of the chapter, each a plain function of fixed,
// seeded inputs, so that the page, the figures and the tests share them.
// Node only: it loads the breast cancer file.
import { symmetricEigen } from '../decompositions/eigen.ts';
import { Matrix, checkFinite, norm } from '../linear-algebra/matrix.ts';
import { requireInteger } from '../introduction/checks.ts';
import {
  standardize,
  unstandardize,
} from '../linear-regression/scaling.ts';
import { gradientDescent } from '../optimization/gradient-descent.ts';
import type { RunResult } from '../optimization/objective.ts';
import { softplus } from '../probability/univariate.ts';
import { createRng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { kFoldIndices } from '../regularization/cross-validation.ts';
import {
  BREAST_CANCER_LAMBDA,
  accuracy,
  cvLogits,
  loadBreastCancer,
} from './breast-cancer.ts';
import {
  SeparationError,
  fitLogisticNewton,
  logisticObjective,
  margin,
  smoothness,
} from './fit.ts';
import { logisticHessian, predictProba } from './model.ts';
import {
  logLikelihoodTerm,
  naiveCrossEntropy,
  naiveLog1pExp,
  sigmoid,
} from './sigmoid.ts';

/** The columns idx of X, in that order. */
export function columns(X: Matrix, idx: number[]): Matrix {
  checkColumns(X, idx);
  const out = new Matrix(X.rows, idx.length);
  for (let i = 0; i < X.rows; i++) {
    idx.forEach((j, c) => { out.data[i * idx.length + c] = X.get(i, j); });
  }
  return out;
}

// ---------------------------------------------------------------------
// Overflow: the naive formulas against the stable ones.

export const OVERFLOW_Z = [-800, -40, 0, 40, 800] as const;

export function overflowTable() {
  return OVERFLOW_Z.map((z) => ({
    z,
    sigmoid: sigmoid(z),
    naiveLog1pExp: naiveLog1pExp(z),
    softplus: softplus(z),
    naiveLoss0: naiveCrossEntropy(z, 0),
    naiveLoss1: naiveCrossEntropy(z, 1),
    loss0: -logLikelihoodTerm(z, 0),
    loss1: -logLikelihoodTerm(z, 1),
  }));
}

// ---------------------------------------------------------------------
// One feature: the loss surface over (b, w) and the two paths on it.

/** Mean radius, the feature of the one-feature model. */
export const SINGLE_FEATURE = 0;
/** Steps of gradient descent drawn on the loss surface. */
export const SURFACE_GD_STEPS = 500;

/** The one-feature model in the units of the data (not standardized). */
export function singleFeatureStudy() {
  const data = loadBreastCancer();
  const X = columns(data.X, [SINGLE_FEATURE]);
  const { y } = data;
  const fit = fitLogisticNewton(X, y);
  const { f, grad } = logisticObjective(X, y);
  const eta = 1 / smoothness(X);
  const gd = gradientDescent(f, grad, new Float64Array(2), {
    eta, maxIter: SURFACE_GD_STEPS, tol: 0, requireConvergence: false,
  });
  const standardized = fitLogisticNewton(standardize(X).Z, y);
  return { X, y, fit, gd, eta, f, standardized,
    feature: data.features[SINGLE_FEATURE] };
}

// ---------------------------------------------------------------------
// Two features: the decision boundary in the units of the data.

/** Mean radius and mean texture. */
export const PAIR_FEATURES = [0, 1];

export function pairStudy() {
  const data = loadBreastCancer();
  const X = columns(data.X, PAIR_FEATURES);
  const { Z, mean, scale } = standardize(X);
  const fit = fitLogisticNewton(Z, data.y);
  const raw = unstandardize(fit, mean, scale); // w, b in data units
  const p = predictProba(Z, fit.w, fit.b);
  return { X, y: data.y, Z, fit, raw, accuracy: accuracy(data.y, p),
    features: PAIR_FEATURES.map((j) => data.features[j]) };
}

// ---------------------------------------------------------------------
// All 30 features, λ = 1: gradient descent against Newton.

/** Steps of gradient descent in the convergence figure. */
export const GD_BUDGET = 2000;

export function convergenceStudy(budget = GD_BUDGET) {
  requireInteger('convergenceStudy', 'budget', budget, 1);
  const { X, y } = loadBreastCancer();
  const { Z } = standardize(X);
  const lambda_ = BREAST_CANCER_LAMBDA;
  const newton = fitLogisticNewton(Z, y, { lambda_ });
  const { f, grad } = logisticObjective(Z, y, lambda_);
  const L = smoothness(Z, lambda_);
  const gd: RunResult = gradientDescent(f, grad, new Float64Array(31), {
    eta: 1 / L, maxIter: budget, tol: 0, requireConvergence: false,
  });
  const H = logisticHessian(Z, newton.theta, lambda_);
  const eig = symmetricEigen(H).values; // largest first
  const mu = eig[eig.length - 1];
  return { Z, y, lambda_, newton, gd, L, mu, fStar: newton.run.f,
    kappa: L / mu, order: convergenceOrder(newton.run) };
}

/**
 * The order q in ‖g_{k+1}‖ ≈ C‖g_k‖^q, from the last three steps:
 * the slope of log ‖g_{k+1}‖ against log ‖g_k‖.
 */
export function convergenceOrder(run: RunResult): number {
  checkHistory(run);
  const g = run.history.map((h) => Math.log(h.gradNorm));
  const k = g.length - 1;
  return (g[k] - g[k - 2]) / (g[k - 1] - g[k - 3]);
}

// ---------------------------------------------------------------------
// No penalty on all 30 features: the data are separable.

export function separationStudy() {
  const { X, y } = loadBreastCancer();
  const { Z } = standardize(X);
  try {
    fitLogisticNewton(Z, y);
  } catch (e) {
    if (!(e instanceof SeparationError)) throw e;
    const theta = e.theta;
    return { step: e.step, theta, margin: margin(Z, y, theta),
      normW: norm(theta.subarray(1)), message: e.message };
  }
  throw new Error('separationStudy: expected a SeparationError');
}

// ---------------------------------------------------------------------
// The penalty: one fit on all 569 masses per λ (‖w‖, steps, training
// accuracy) and repeated 10-fold cross-validation (held-out accuracy
// and log-loss), compared with λ = 1 mass by mass.

export const PENALTIES = [0.01, 1, 10] as const;
/** Repeats of 10-fold cross-validation, and the seed of the first. */
export const PENALTY_CV = { k: 10, repeats: 10, seed: 100 };

/** Per mass: the error indicator and the loss ℓ of its held-out logit,
 *  averaged over `repeats` shuffled k-fold splits, for each λ. */
export function penaltyCv(
  X: Matrix,
  y: Vector,
  lambdas: readonly number[],
  { k, repeats, seed } = PENALTY_CV,
) {
  const n = X.rows;
  const errors = lambdas.map(() => new Float64Array(n));
  const losses = lambdas.map(() => new Float64Array(n));
  for (let r = 0; r < repeats; r++) {
    const folds = kFoldIndices(n, k, createRng(seed + r));
    lambdas.forEach((lambda_, l) => {
      const z = cvLogits(X, y, lambda_, folds);
      for (let i = 0; i < n; i++) {
        const m = (2 * y[i] - 1) * z[i]; // the margin
        errors[l][i] += +(m < 0 || (m === 0 && y[i] === 0)) / repeats;
        losses[l][i] += softplus(-m) / repeats; // Eq. (logr-margin-loss)
      }
    });
  }
  return { errors, losses };
}

/** Mean of a − b over the masses and its standard error (masses
 *  treated as independent: a rough guide). */
export function pairedDifference(a: Vector, b: Vector) {
  const diff = a.map((v, i) => v - b[i]);
  const m = moments(diff);
  return { mean: m.mean, se: Math.sqrt(m.variance / diff.length) };
}

export function penaltyStudy() {
  const { X, y } = loadBreastCancer();
  const { Z } = standardize(X);
  const cv = penaltyCv(X, y, PENALTIES);
  const ref = PENALTIES.indexOf(1);
  const rows = PENALTIES.map((lambda_, l) => {
    const fit = fitLogisticNewton(Z, y, { lambda_ });
    return { lambda_, C: 1 / lambda_, fit, normW: norm(fit.w),
      iterations: fit.run.iterations,
      trainAccuracy: accuracy(y, predictProba(Z, fit.w, fit.b)),
      cvAccuracy: 1 - moments(cv.errors[l]).mean,
      cvLogLoss: moments(cv.losses[l]).mean,
      errorVsRef: pairedDifference(cv.errors[l], cv.errors[ref]),
      lossVsRef: pairedDifference(cv.losses[l], cv.losses[ref]) };
  });
  return { Z, y, rows };
}

// ---------------------------------------------------------------------
// What the penalty does to the Hessian's eigenvalues at the λ = 1 fit.

export function eigenShiftStudy(lambda_ = BREAST_CANCER_LAMBDA) {
  const { X, y } = loadBreastCancer();
  const { Z } = standardize(X);
  const { theta } = fitLogisticNewton(Z, y, { lambda_ });
  const without = symmetricEigen(logisticHessian(Z, theta, 0)).values;
  const withPenalty = symmetricEigen(logisticHessian(Z, theta, lambda_))
    .values; // both sorted, largest first
  const shift = withPenalty.map((v, j) => v - without[j]);
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of shift) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const last = without.length - 1;
  return { lambda_, without, withPenalty, shift, lo, hi,
    smallestBefore: without[last], smallestAfter: withPenalty[last],
    secondBefore: without[last - 1], secondAfter: withPenalty[last - 1] };
}

// Input checks of the functions above.

function checkColumns(X: Matrix, idx: number[]): void {
  const fn = 'columns';
  checkFinite(fn, 'X', X);
  const ok = Array.isArray(idx) && idx.length > 0 &&
    idx.every((j) => Number.isInteger(j) && j >= 0 && j < X.cols);
  if (!ok) {
    throw new Error(`${fn}: idx must list column indices in ` +
      `[0, ${X.cols}), got ${Array.isArray(idx) ? `[${idx}]` : idx}`);
  }
}

/** Four gradient norms > 0 at least: three ratios of their logs. */
function checkHistory(run: RunResult): void {
  const fn = 'convergenceOrder';
  const h = run?.history;
  if (!Array.isArray(h) || h.length < 4) {
    throw new Error(`${fn}: run.history needs at least 4 iterates, got ` +
      `${Array.isArray(h) ? h.length : h}`);
  }
  const i = h.findIndex((it) => !(it?.gradNorm > 0) ||
    !Number.isFinite(it.gradNorm));
  if (i >= 0) {
    throw new Error(`${fn}: run.history[${i}].gradNorm must be finite ` +
      `and > 0 (a log is taken), got ${h[i]?.gradNorm}`);
  }
}
