// Estimators as random variables: their sampling distribution by
// simulation, and its bias, variance and mean squared error.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import {
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requirePositive,
} from '../introduction/checks.ts';

// #region sampling-distribution
export type Estimator = (xs: Float64Array) => number;

/**
 * `reps` fresh samples from draw(rng), each given to every estimator:
 * one row of estimates per estimator, all from the same samples.
 */
export function samplingDistributions(
  rng: Rng,
  reps: number,
  draw: (rng: Rng) => Float64Array,
  estimators: Estimator[],
): Float64Array[] {
  if (!Number.isSafeInteger(reps) || reps < 2) {
    throw new Error(
      `samplingDistributions: reps must be an integer >= 2, got ${reps}`,
    );
  }
  checkCallbacks(draw, estimators);
  const out = estimators.map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    const xs = draw(rng);
    estimators.forEach((est, j) => {
      out[j][r] = est(xs);
    });
  }
  out.forEach((o, j) => requireFiniteArray('samplingDistributions',
    `the estimates of estimators[${j}]`, o));
  return out;
}
// #endregion

// #region bias-variance
export interface EstimatorError {
  mean: number; // the average estimate
  bias: number; // mean - truth
  variance: number; // divisor R, so that Eq. (stat-mse) holds exactly
  mse: number; // average of (estimate - truth)^2
}

/** Bias, variance and MSE of estimates of `truth`: Eq. (stat-mse). */
export function estimatorError(
  estimates: ArrayLike<number>,
  truth: number,
): EstimatorError {
  requireFiniteArray('estimatorError', 'estimates', estimates);
  requireFinite('estimatorError', 'truth', truth);
  const R = estimates.length;
  let mean = 0;
  for (let r = 0; r < R; r++) mean += estimates[r] / R;
  let variance = 0;
  let mse = 0;
  for (let r = 0; r < R; r++) {
    variance += (estimates[r] - mean) ** 2 / R;
    mse += (estimates[r] - truth) ** 2 / R;
  }
  return { mean, bias: mean - truth, variance, mse };
}
// #endregion

// #region variance-estimators
/** sum_i (x_i - xbar)^2 / c: divisor n is the MLE, n - 1 unbiased. */
export function varianceWithDivisor(
  xs: ArrayLike<number>,
  c: number,
): number {
  checkDivisor(xs, c);
  const { n, variance } = moments(xs);
  return (variance * (n - 1)) / c; // S / c, S = (n - 1) s^2
}

/** Exact bias, variance, MSE of S/c for N(mu, sigma2) samples. */
export function varianceEstimatorTheory(
  n: number,
  c: number,
  sigma2: number,
): { bias: number; variance: number; mse: number } {
  checkTheory(n, c, sigma2);
  const bias = ((n - 1) / c - 1) * sigma2; // Eq. (stat-s-mean)
  const sd2 = sigma2 / c;
  const variance = 2 * (n - 1) * sd2 * sd2; // Eq. (stat-s-var)
  return { bias, variance, mse: bias * bias + variance };
}
// #endregion

function checkDivisor(xs: ArrayLike<number>, c: number): void {
  requireFiniteArray('varianceWithDivisor', 'xs', xs);
  requirePositive('varianceWithDivisor', 'c', c);
  if (xs.length < 2) {
    throw new Error(
      `varianceWithDivisor: need n >= 2 values, got ${xs.length}`,
    );
  }
}

function checkTheory(n: number, c: number, sigma2: number): void {
  if (!Number.isSafeInteger(n) || n < 2) {
    throw new Error(
      `varianceEstimatorTheory: n must be an integer >= 2, got ${n}`,
    );
  }
  requirePositive('varianceEstimatorTheory', 'c', c);
  requirePositive('varianceEstimatorTheory', 'sigma2', sigma2);
}

function checkCallbacks(draw: unknown, estimators: unknown[]): void {
  const fn = 'samplingDistributions';
  requireFunction(fn, 'draw', draw);
  if (!Array.isArray(estimators) || estimators.length === 0) {
    throw new Error(`${fn}: estimators must be a non-empty array of ` +
      `functions, got ${estimators}`);
  }
  estimators.forEach((e, j) => requireFunction(fn, `estimators[${j}]`, e));
}
