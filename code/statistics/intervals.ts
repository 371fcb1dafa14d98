// Confidence intervals for a mean, z (sigma known) and t (sigma
// estimated), and their coverage measured by simulation.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import {
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requirePositive,
} from '../introduction/checks.ts';
import { normalQuantile } from './normal-quantile.ts';
import { tQuantile } from './student-t.ts';

export interface Interval {
  lo: number;
  hi: number;
}

// #region z-interval
/** xbar +- z_{1-alpha/2} sigma / sqrt(n), sigma known: Eq. (stat-z-ci). */
export function zInterval(
  xs: ArrayLike<number>,
  sigma: number,
  level = 0.95,
): Interval {
  checkZ(xs, sigma, level);
  const { n, mean } = moments(xs);
  const half = (normalQuantile((1 + level) / 2) * sigma) / Math.sqrt(n);
  return { lo: mean - half, hi: mean + half };
}
// #endregion

// #region t-interval
/** xbar +- t_{1-alpha/2, n-1} s / sqrt(n): Eq. (stat-t-ci). */
export function tInterval(xs: ArrayLike<number>, level = 0.95): Interval {
  checkT(xs, level);
  const { n, mean, variance } = moments(xs); // s^2: divisor n - 1
  const t = tQuantile((1 + level) / 2, n - 1);
  const half = (t * Math.sqrt(variance)) / Math.sqrt(n);
  return { lo: mean - half, hi: mean + half };
}
// #endregion

// #region coverage
export interface Coverage {
  reps: number;
  hits: number; // intervals that contained the truth
  rate: number; // hits / reps, Eq. (stat-coverage-se)
  se: number; // its binomial standard error at the nominal level
}

/** The share of `reps` intervals, each from a fresh sample, that
 * contain `truth`; se is computed at the nominal level. */
export function coverage(
  rng: Rng,
  reps: number,
  draw: (rng: Rng) => Float64Array,
  interval: (xs: Float64Array, rng: Rng) => Interval,
  truth: number,
  level = 0.95,
): Coverage {
  checkCoverage(reps, truth, level, draw, interval);
  let hits = 0;
  for (let r = 0; r < reps; r++) {
    const { lo, hi } = interval(draw(rng), rng);
    checkInterval(lo, hi);
    if (lo <= truth && truth <= hi) hits++;
  }
  const se = Math.sqrt((level * (1 - level)) / reps);
  return { reps, hits, rate: hits / reps, se };
}
// #endregion

function checkCoverage(reps: number, truth: number, level: number,
  draw: unknown, interval: unknown): void {
  if (!Number.isSafeInteger(reps) || reps < 1) {
    throw new Error(`coverage: reps must be an integer >= 1, got ${reps}`);
  }
  requireFinite('coverage', 'truth', truth);
  requireLevel('coverage', level);
  requireFunction('coverage', 'draw', draw);
  requireFunction('coverage', 'interval', interval);
}

/** An interval from the caller's `interval`: finite, lo <= hi. */
function checkInterval(lo: number, hi: number): void {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new Error(`coverage: interval must return finite lo <= hi, ` +
      `got lo=${lo}, hi=${hi}`);
  }
}

// Input checks of the functions above.

function checkZ(xs: ArrayLike<number>, sigma: number, level: number) {
  requireSample('zInterval', xs);
  requirePositive('zInterval', 'sigma', sigma);
  requireLevel('zInterval', level);
}

function checkT(xs: ArrayLike<number>, level: number) {
  requireSample('tInterval', xs);
  requireLevel('tInterval', level);
}

function requireLevel(fn: string, level: number): void {
  requireFinite(fn, 'level', level);
  if (!(level > 0 && level < 1)) {
    throw new Error(`${fn}: level must be in (0, 1), got ${level}`);
  }
}

function requireSample(fn: string, xs: ArrayLike<number>): void {
  requireFiniteArray(fn, 'xs', xs);
  if (xs.length < 2) {
    throw new Error(`${fn}: need n >= 2 values, got ${xs.length}`);
  }
}
