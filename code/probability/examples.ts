// The chapter's worked examples: each returns the numbers that the page
// prints and the figures draw, from a fixed seed.
import { createRng } from '../introduction/random.ts';
import {
  requireInteger,
  requireProbability,
} from '../introduction/checks.ts';
import { fromRows } from '../linear-algebra/matrix.ts';
import { bayesPosterior } from './bayes.ts';
import { covarianceEllipse, ellipseRadius } from './ellipse.ts';
import { klGaussian, klMonteCarlo } from './information.ts';
import { MultivariateNormal } from './mvn.ts';
import { normalLogPdf, normalPdf } from './univariate.ts';

// #region underflow
/** The first n at which the product of n normal densities is 0. */
export function underflowDemo(seed = 11, maxN = 5000) {
  requireSizes('underflowDemo', { seed }, { maxN });
  const rng = createRng(seed);
  let product = 1;
  let logSum = 0;
  for (let n = 1; n <= maxN; n++) {
    const x = rng.normal();
    product *= normalPdf(x); // 0 once below 5e-324
    logSum += normalLogPdf(x); // Eq. (prob-iid-log): no trouble
    if (product === 0) return { n, logSum };
  }
  throw new Error(`underflowDemo: no underflow within ${maxN} draws`);
}
// #endregion

/** A screening test: P(disease | positive) by Bayes' theorem. */
export function screeningExample(
  prevalence = 0.01, sensitivity = 0.95, falsePositive = 0.05,
) {
  checkScreening(prevalence, sensitivity, falsePositive);
  const { posterior } = bayesPosterior(
    [Math.log(prevalence), Math.log1p(-prevalence)],
    [Math.log(sensitivity), Math.log(falsePositive)],
  );
  return { prevalence, sensitivity, falsePositive, post: posterior[0] };
}

/** The three normals of the sampling figure. */
export const SAMPLING_COVS = [
  [[1, 0], [0, 1]],
  [[2.5, 0], [0, 0.4]],
  [[1.5, 1.2], [1.2, 1.5]],
];

/** Draws from each normal, its ellipses, and the share inside each. */
export function samplingDemo(seed = 5, n = 500, masses = [0.5, 0.95]) {
  requireSizes('samplingDemo', { seed }, { n });
  requireMasses('samplingDemo', masses);
  const rng = createRng(seed);
  return SAMPLING_COVS.map((rows) => {
    const dist = new MultivariateNormal(new Float64Array(2),
      fromRows(rows));
    const X = dist.sampleMany(rng, n);
    const ellipses = masses.map((q) => ({
      q, points: covarianceEllipse(dist, ellipseRadius(q)),
    }));
    const inside = masses.map((q) => {
      const r2 = ellipseRadius(q) ** 2;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (dist.mahalanobisSq(X.row(i)) <= r2) k++;
      }
      return k / n;
    });
    return { cov: rows, X, ellipses, inside };
  });
}

/** Two 2-D normals for the KL example. */
export function klPair() {
  const p = new MultivariateNormal(Float64Array.of(0, 0),
    fromRows([[1, 0.8], [0.8, 1]]));
  const q = new MultivariateNormal(Float64Array.of(0.5, -0.5),
    fromRows([[1.5, 0], [0, 1.5]]));
  return { p, q };
}

/** Monte Carlo KL(p || q) and its standard error at growing n. */
export function klConvergence(seed = 9, sizes = [10, 30, 100, 300,
  1000, 3000, 10000, 30000, 100000]) {
  requireSizes('klConvergence', { seed });
  if (!Array.isArray(sizes) || sizes.length === 0) {
    throw new Error(`klConvergence: sizes must be a non-empty array, ` +
      `got ${sizes}`);
  }
  sizes.forEach((n, i) => requireInteger('klConvergence',
    `sizes[${i}]`, n, 2, Number.MAX_SAFE_INTEGER - seed));
  const { p, q } = klPair();
  const exact = klGaussian(p, q);
  const exactReverse = klGaussian(q, p);
  const rows = sizes.map((n) => {
    const rng = createRng(seed + n);
    return { n, ...klMonteCarlo(rng, p, q, n) };
  });
  return { exact, exactReverse, rows };
}

// Parameters of the chapter's tests that its Verification section
// quotes: the tests and the page read them from here.

/** logGamma(x + 1) = logGamma(x) + log x is tested at this many points
 *  x = 10^t, t uniform on the exponents of RECURRENCE_RANGE. */
export const RECURRENCE_POINTS = 200;
export const RECURRENCE_RANGE = [1e-6, 1e4] as const;

/** Simpson's rule on the simplex for Dirichlet(2, 3, 4): panels per
 *  side, and the bound on its error, h^4/180 max|f''''| with h = 1/200:
 *  9.3e-8 in u (max 26 880) plus 4.8e-8 in v (max 3360 * 0.0567 * 72),
 *  rounded up. */
export const DIRICHLET_PANELS = 200;
export const DIRICHLET_SIMPSON_BOUND = 1.5e-7;

// Input checks of the functions above.

/** Integers: each of `zero` >= 0, each of `one` >= 1. */
function requireSizes(
  fn: string,
  zero: Record<string, number>,
  one: Record<string, number> = {},
): void {
  for (const [min, xs] of [[0, zero], [1, one]] as const) {
    for (const [name, x] of Object.entries(xs)) {
      requireInteger(fn, name, x, min);
    }
  }
}

/** Each mass q in [0, 1): an ellipse with q = 1 is infinite. */
function requireMasses(fn: string, masses: number[]): void {
  if (!Array.isArray(masses) || masses.length === 0) {
    throw new Error(`${fn}: masses must be a non-empty array, got ` +
      `${masses}`);
  }
  masses.forEach((q, i) => {
    requireProbability(fn, `masses[${i}]`, q);
    if (q === 1) throw new Error(`${fn}: masses[${i}] = 1 has no ellipse`);
  });
}

function checkScreening(prevalence: number, ...rates: number[]): void {
  const fn = 'screeningExample';
  requireProbability(fn, 'prevalence', prevalence);
  if (prevalence === 0 || prevalence === 1) {
    throw new Error(`${fn}: prevalence must be in (0, 1), got ` +
      `${prevalence}`);
  }
  ['sensitivity', 'falsePositive'].forEach((name, i) => {
    requireProbability(fn, name, rates[i]);
    if (rates[i] === 0) throw new Error(`${fn}: ${name} must be > 0`);
  });
}
