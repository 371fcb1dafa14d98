// The chapter's simulations, seeded: the numbers in its prose and
// figures, and (with fewer repetitions) the statistical tests.
import { createRng, type Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { bootstrapReplicates, percentileInterval } from './bootstrap.ts';
import {
  estimatorError,
  samplingDistributions,
  varianceEstimatorTheory,
  varianceWithDivisor,
} from './estimators.ts';
import {
  coverage,
  tInterval,
  zInterval,
  type Coverage,
} from './intervals.ts';
import { normalQuantile } from './normal-quantile.ts';
import { tCdf } from './student-t.ts';
import {
  requireFiniteArray,
  requireInteger,
  requirePositive,
} from '../introduction/checks.ts';

// #region variance-study
/** S/c for each divisor c on the same `reps` samples of N(0, sigma2). */
export function varianceStudy(
  seed: number,
  n: number,
  sigma2: number,
  reps: number,
  divisors: number[],
) {
  checkVarianceStudy(seed, n, sigma2, reps, divisors);
  const draw = (rng: Rng) => rng.normalArray(n, 0, Math.sqrt(sigma2));
  const ests = divisors.map((c) => (xs: Float64Array) =>
    varianceWithDivisor(xs, c));
  const rows = samplingDistributions(createRng(seed), reps, draw, ests);
  return divisors.map((c, j) => ({
    c,
    estimates: rows[j],
    measured: estimatorError(rows[j], sigma2), // Eq. (stat-mse)
    theory: varianceEstimatorTheory(n, c, sigma2),
  }));
}
// #endregion

// #region coverage-study
export const COVERAGE_MU = 10;
export const COVERAGE_SIGMA = 2;
export const METHODS = ['z, σ known', 't', 'z, σ estimated',
  'bootstrap'] as const;
export type Method = (typeof METHODS)[number];

/** Coverage of the four 95% intervals for the mean of N(10, 4). */
export function coverageStudy(
  seed: number, n: number, reps: number, B: number,
): Record<Method, Coverage> {
  checkSizes('coverageStudy', { seed }, { n: [n, 2], reps: [reps, 1],
    B: [B, 2] });
  const z = normalQuantile(0.975);
  const draw = (rng: Rng) => rng.normalArray(n, COVERAGE_MU,
    COVERAGE_SIGMA);
  const plugIn = (xs: Float64Array) => {
    const m = moments(xs);
    const half = (z * Math.sqrt(m.variance)) / Math.sqrt(n);
    return { lo: m.mean - half, hi: m.mean + half };
  };
  const boot = (xs: Float64Array, rng: Rng) => percentileInterval(
    bootstrapReplicates(rng, xs, (s) => moments(s).mean, B));
  const run = (offset: number, interval: Parameters<typeof coverage>[3]) =>
    coverage(createRng(seed + offset), reps, draw, interval, COVERAGE_MU);
  return {
    'z, σ known': run(0, (xs) => zInterval(xs, COVERAGE_SIGMA)),
    t: run(1, (xs) => tInterval(xs)),
    'z, σ estimated': run(2, plugIn),
    bootstrap: run(3, boot),
  };
}

/** Exact coverage of xbar +- z s/sqrt(n) * f: P(|T| <= z f). */
export function plugInCoverage(n: number, f = 1): number {
  checkSizes('plugInCoverage', {}, { n: [n, 2] });
  requirePositive('plugInCoverage', 'f', f);
  const z = normalQuantile(0.975);
  return 2 * tCdf(z * f, n - 1) - 1; // Eq. (stat-plugin-coverage)
}
// #endregion

/**
 * Coverage of the percentile interval of the exact bootstrap (B to
 * infinity) for the mean of N(10, 4) samples of size n <= 6. A resample
 * is fixed by how often it takes each value, a composition c of n with
 * probability n! / (c_1! ... c_n! n^n): all of them are enumerated, and
 * the interval is read off the distribution function at 2.5% and 97.5%.
 */
export function exactBootstrapCoverage(
  seed: number, n: number, reps: number,
): Coverage {
  checkSizes('exactBootstrapCoverage', { seed }, { reps: [reps, 1] });
  requireInteger('exactBootstrapCoverage', 'n', n, 2, 6);
  const comps = compositions(n);
  const draw = (rng: Rng) => rng.normalArray(n, COVERAGE_MU,
    COVERAGE_SIGMA);
  const exact = (xs: Float64Array) => {
    const law = comps.map(({ counts, weight }) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += counts[i] * xs[i];
      return { mean: s / n, weight };
    }).sort((a, b) => a.mean - b.mean);
    const quantile = (p: number) => { // min{v : F(v) >= p}
      let F = 0;
      for (const { mean, weight } of law) {
        F += weight;
        if (F >= p) return mean;
      }
      return law[law.length - 1].mean; // F rounded a hair below 1
    };
    return { lo: quantile(0.025), hi: quantile(0.975) };
  };
  return coverage(createRng(seed), reps, draw, exact, COVERAGE_MU);
}

/** Every composition of n into n counts, with its multinomial
 *  probability n! / (c_1! ... c_n!) / n^n. */
function compositions(n: number) {
  const out: { counts: number[]; weight: number }[] = [];
  const logFact = [0];
  for (let k = 1; k <= n; k++) logFact.push(logFact[k - 1] + Math.log(k));
  const counts = new Array<number>(n).fill(0);
  const place = (i: number, left: number) => {
    if (i === n - 1) {
      counts[i] = left;
      let logW = logFact[n] - n * Math.log(n);
      for (const c of counts) logW -= logFact[c];
      out.push({ counts: counts.slice(), weight: Math.exp(logW) });
      return;
    }
    for (let c = 0; c <= left; c++) {
      counts[i] = c;
      place(i + 1, left - c);
    }
  };
  place(0, n);
  return out;
}

// The sizes of the chapter's statistical tests, which its Verification
// section quotes: the tests and the page read them from here.
export const TEST_SIZES = {
  /** Samples of size varianceN behind the bias and variance tests. */
  varianceReps: 4000,
  varianceN: 10,
  /** Intervals from samples of size coverageN for the coverage tests. */
  coverageReps: 2000,
  coverageN: 8,
  /** Bootstrap intervals at n = bootN, each from bootB resamples. */
  bootReps: 1000,
  bootN: 30,
  bootB: 250,
  /** A deviation beyond zBound standard errors fails a test. */
  zBound: 4,
  /** The normal quantile's relative error against 40 digits. */
  normalTolerance: 1e-15,
} as const;

// Input checks of the functions above.

/** Seeds in [0, 2^53 - 4) (a study adds up to 3), sizes >= a minimum. */
function checkSizes(
  fn: string,
  seeds: Record<string, number>,
  sizes: Record<string, [number, number]>,
): void {
  for (const [name, s] of Object.entries(seeds)) {
    requireInteger(fn, name, s, 0, Number.MAX_SAFE_INTEGER - 3);
  }
  for (const [name, [x, min]] of Object.entries(sizes)) {
    requireInteger(fn, name, x, min);
  }
}

function checkVarianceStudy(
  seed: number,
  n: number,
  sigma2: number,
  reps: number,
  divisors: number[],
): void {
  const fn = 'varianceStudy';
  checkSizes(fn, { seed }, { n: [n, 2], reps: [reps, 2] });
  requirePositive(fn, 'sigma2', sigma2);
  requireFiniteArray(fn, 'divisors', divisors);
  divisors.forEach((c, j) => requirePositive(fn, `divisors[${j}]`, c));
}
