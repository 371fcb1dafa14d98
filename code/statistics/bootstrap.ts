// The nonparametric bootstrap: resample the data with replacement,
// recompute the statistic, and read an interval off the replicates.
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import {
  requireFinite,
  requireFiniteArray,
  requireFunction,
} from '../introduction/checks.ts';
import type { Interval } from './intervals.ts';

// #region quantile
/** The p-quantile of xs with linear interpolation: Eq. (stat-quantile)
 * (NumPy's default method, Hyndman and Fan's type 7). */
export function quantile(xs: ArrayLike<number>, p: number): number {
  requireFiniteArray('quantile', 'xs', xs);
  requireFinite('quantile', 'p', p);
  if (p < 0 || p > 1) {
    throw new Error(`quantile: p must be in [0, 1], got ${p}`);
  }
  const sorted = Float64Array.from(xs).sort(); // numeric, ascending
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  if (j + 1 >= sorted.length) return sorted[j];
  return sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]);
}

/** The median: the 1/2-quantile. */
export function median(xs: ArrayLike<number>): number {
  requireFiniteArray('median', 'xs', xs);
  return quantile(xs, 0.5);
}
// #endregion

// #region resample
/** B bootstrap replicates of statistic(xs), Eq. (stat-bootstrap). */
export function bootstrapReplicates(
  rng: Rng,
  xs: ArrayLike<number>,
  statistic: (sample: Float64Array) => number,
  B: number,
): Float64Array {
  const fn = 'bootstrapReplicates';
  requireFiniteArray(fn, 'xs', xs);
  requireFunction(fn, 'statistic', statistic);
  if (!Number.isSafeInteger(B) || B < 2) {
    throw new Error(
      `bootstrapReplicates: B must be an integer >= 2, got ${B}`,
    );
  }
  const n = xs.length;
  const sample = new Float64Array(n); // reused for every resample
  const out = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) sample[i] = xs[rng.int(0, n)];
    out[b] = statistic(sample);
    requireFinite(fn, `statistic of resample ${b}`, out[b]);
  }
  return out;
}
// #endregion

// #region percentile-interval
/** The percentile interval, Eq. (stat-percentile-ci). */
export function percentileInterval(
  replicates: ArrayLike<number>,
  level = 0.95,
): Interval {
  requireFiniteArray('percentileInterval', 'replicates', replicates);
  requireFinite('percentileInterval', 'level', level);
  if (!(level > 0 && level < 1)) {
    throw new Error(
      `percentileInterval: level must be in (0, 1), got ${level}`,
    );
  }
  const alpha = 1 - level;
  return {
    lo: quantile(replicates, alpha / 2),
    hi: quantile(replicates, 1 - alpha / 2),
  };
}

/** The bootstrap standard error: the replicates' standard deviation. */
export function bootstrapStandardError(
  replicates: ArrayLike<number>,
): number {
  const fn = 'bootstrapStandardError';
  requireFiniteArray(fn, 'replicates', replicates, 2);
  return Math.sqrt(moments(replicates).variance); // Eq. (stat-boot-se)
}
// #endregion
