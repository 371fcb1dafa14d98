// Why training error is too optimistic: with the inputs held fixed, the
// expected training and in-sample test errors of least squares, exactly.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { meanSquaredError } from '../linear-regression/metrics.ts';
import { checkProblem, type Problem } from './bias-variance.ts';
import { requireInteger } from '../introduction/checks.ts';
import {
  checkPolynomial,
  fitPolynomial,
  predictPolynomial,
} from './polynomial.ts';

// #region optimism-theory
/** n inputs at the midpoints of n equal cells of the domain. */
export function fixedDesign(problem: Problem, n: number): Float64Array {
  checkProblem('fixedDesign', problem);
  requireInteger('fixedDesign', 'n', n, 1);
  const { lo, hi } = problem.domain;
  return Float64Array.from({ length: n }, (_, i) =>
    lo + ((i + 0.5) / n) * (hi - lo));
}

/**
 * Expected training and in-sample test MSE of a degree-q fit (d = q + 1
 * columns) on the fixed inputs x: Eqs. (me-train-expected) and
 * (me-insample-expected).
 */
export function optimismTheory(problem: Problem, x: Float64Array,
  degree: number) {
  checkDesign('optimismTheory', problem, x, degree);
  const n = x.length;
  const d = degree + 1;
  const fx = x.map(problem.f);
  const fit = fitPolynomial(x, fx, degree, problem.domain);
  // δ² = ‖(I − P) f‖² / n: what the model cannot represent at all
  const delta2 = meanSquaredError(fx, predictPolynomial(fit, x));
  const s2 = problem.sigma ** 2;
  return {
    delta2,
    train: delta2 + (s2 * (n - d)) / n,
    inSample: delta2 + (s2 * (n + d)) / n,
  };
}
// #endregion

// #region optimism-simulation
/** Training and in-sample test MSE over `reps` noise draws. */
export function optimismSimulation(problem: Problem, x: Float64Array,
  degree: number, reps: number, rng: Rng) {
  if (!Number.isSafeInteger(reps) || reps < 2) {
    throw new Error(
      `optimismSimulation: reps must be an integer >= 2, got ${reps}`,
    );
  }
  checkDesign('optimismSimulation', problem, x, degree);
  const { f, sigma, domain } = problem;
  const train = new Float64Array(reps);
  const inSample = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    const y = x.map((xi) => f(xi) + rng.normal(0, sigma));
    const yHat = predictPolynomial(fitPolynomial(x, y, degree, domain), x);
    train[r] = meanSquaredError(y, yHat);
    const yNew = x.map((xi) => f(xi) + rng.normal(0, sigma)); // same x
    inSample[r] = meanSquaredError(yNew, yHat);
  }
  const gap = inSample.map((e, r) => e - train[r]);
  return {
    train: moments(train),
    inSample: moments(inSample),
    gap: moments(gap), // Eq. (me-optimism): mean about 2σ²d/n
  };
}
// #endregion

/** The problem, and inputs x enough for a polynomial of `degree`. */
function checkDesign(
  fn: string,
  problem: Problem,
  x: Float64Array,
  degree: number,
): void {
  checkProblem(fn, problem);
  checkPolynomial(fn, x, degree, problem.domain);
  if (x.length < degree + 1) {
    throw new Error(`${fn}: degree ${degree} needs at least ` +
      `${degree + 1} inputs x, got ${x.length}`);
  }
}
