// Rademacher complexity: how well a class can follow random signs.
// Estimated by Monte Carlo with its standard error, computed exactly by
// enumerating all 2^n sign vectors for small n, and in closed form for
// thresholds (Spitzer's formula).
import { createRng } from '../introduction/random.ts';
import { binomialLogPmf } from './binomial.ts';
import {
  requireFiniteArray,
  requireFunction,
  requireInt,
} from './checks.ts';
import { distinctCount, distinctRanks, type Labelling } from './classes.ts';
import {
  drawSample,
  type Population,
  requirePopulation,
  requireSample,
  type Sample,
} from './population.ts';

// #region correlator
/** sup over the vectors a of a set A in R^n of <xi, a>: how well
 *  the set can follow the signs xi. */
export type Correlator = (xi: Int8Array) => number;

/** The correlator of labellings in {0, 1}^n, given as bitmasks. */
export function labellingCorrelator(masks: Iterable<Labelling>) {
  const list = checkMasks(masks);
  return (xi: Int8Array) => {
    let best = -Infinity;
    for (const mask of list) {
      let s = 0;
      for (let i = 0; i < xi.length; i++) {
        if ((mask >> i) & 1) s += xi[i];
      }
      best = Math.max(best, s);
    }
    return best;
  };
}
// #endregion

// #region monte-carlo
export interface Estimate {
  readonly mean: number;
  readonly se: number; // the draws' sd over sqrt(draws)
  readonly draws: number;
}

/** R(A) = E_xi [sup_a <xi, a>] / n (Eq. (lt-rademacher)),
 *  estimated by the mean over `draws` random sign vectors. */
export function rademacherMonteCarlo(
  sup: Correlator,
  n: number,
  draws: number,
  seed: number,
): Estimate {
  checkMonteCarlo(sup, n, draws, seed);
  const rng = createRng(seed);
  const xi = new Int8Array(n);
  let mean = 0;
  let ss = 0; // Welford's running sum of squared deviations
  for (let t = 1; t <= draws; t++) {
    for (let i = 0; i < n; i++) xi[i] = rng.nextUint32() >>> 31 ? 1 : -1;
    const v = finiteSup('rademacherMonteCarlo', sup(xi)) / n;
    const d = v - mean;
    mean += d / t;
    ss += d * (v - mean);
  }
  return { mean, se: Math.sqrt(ss / (draws - 1) / draws), draws };
}
// #endregion

/** R(A) exactly: the average over all 2^n sign vectors (n <= 20). */
export function rademacherExact(sup: Correlator, n: number): number {
  requireInt('rademacherExact', 'n', n, 1, 20);
  requireFunction('rademacherExact', 'sup', sup);
  const xi = new Int8Array(n);
  let total = 0;
  for (let bits = 0; bits < 2 ** n; bits++) {
    for (let i = 0; i < n; i++) xi[i] = (bits >> i) & 1 ? 1 : -1;
    total += finiteSup('rademacherExact', sup(xi));
  }
  return total / 2 ** n / n;
}

// #region line-correlators
/** Signs summed over groups of equal points, in the order of the line:
 *  equal points always get one label, so they act as one. */
function groupSums(rank: Int32Array, k: number, xi: Int8Array) {
  const s = new Float64Array(k);
  for (let i = 0; i < rank.length; i++) s[rank[i]] += xi[i];
  return s;
}

/** Thresholds: the largest prefix sum (the empty prefix included). */
export function thresholdCorrelator(xs: ArrayLike<number>): Correlator {
  requireFiniteArray('thresholdCorrelator', 'xs', xs);
  const rank = distinctRanks(xs);
  const k = distinctCount(rank);
  return (xi) => {
    let run = 0;
    let best = 0;
    for (const v of groupSums(rank, k, xi)) {
      run += v;
      best = Math.max(best, run);
    }
    return best;
  };
}
// #endregion

/** Intervals: the largest sum of a run (Kadane; empty run included). */
export function intervalCorrelator(xs: ArrayLike<number>): Correlator {
  requireFiniteArray('intervalCorrelator', 'xs', xs);
  const rank = distinctRanks(xs);
  const k = distinctCount(rank);
  return (xi) => {
    let run = 0;
    let best = 0;
    for (const v of groupSums(rank, k, xi)) {
      run = Math.max(0, run) + v;
      best = Math.max(best, run);
    }
    return best;
  };
}

/** R of thresholds on n distinct points in closed form: E max(0, S_1,
 *  ..., S_m) / n for the walk S_k of the signs, which Spitzer's
 *  identity turns into sum_k E[S_k^+] / k, Eq. (lt-spitzer). */
export function thresholdRademacher(n: number): number {
  requireInt('thresholdRademacher', 'n', n, 1, 100_000);
  let total = 0;
  for (let k = 1; k <= n; k++) {
    let plus = 0; // E[S_k^+]: S_k = 2j - k with j ~ Binomial(k, 1/2)
    for (let j = Math.floor(k / 2) + 1; j <= k; j++) {
      plus += (2 * j - k) * Math.exp(binomialLogPmf(j, k, 0.5));
    }
    total += plus / k;
  }
  return total / n;
}

// #region loss-correlator
/** The 0-1 loss of intervals on a sample S: l_i = y_i + (1 - 2 y_i)
 *  h(x_i), so sup_h <xi, l> = <xi, y> + the largest run of
 *  s_k = sum_{i: x_i = k} xi_i (1 - 2 y_i), Eq. (lt-loss-class). */
export function intervalLossCorrelator(K: number, S: Sample): Correlator {
  requireSample('intervalLossCorrelator', K, S);
  return (xi) => {
    const s = new Float64Array(K);
    let base = 0;
    for (let i = 0; i < S.x.length; i++) {
      base += xi[i] * S.y[i];
      s[S.x[i]] += xi[i] * (1 - 2 * S.y[i]);
    }
    let run = 0;
    let best = 0;
    for (const v of s) {
      run = Math.max(0, run) + v;
      best = Math.max(best, run);
    }
    return base + best;
  };
}
// #endregion

/** E_S R(loss o H o S) for intervals, by Monte Carlo over pairs of a
 *  sample S ~ D^n and signs xi: one draw of sup / n per pair. */
export function expectedRademacher(
  D: Population,
  n: number,
  draws: number,
  seed: number,
): Estimate {
  requirePopulation('expectedRademacher', D);
  requireInt('expectedRademacher', 'n', n, 1);
  requireInt('expectedRademacher', 'draws', draws, 2);
  requireInt('expectedRademacher', 'seed', seed, 0, 2 ** 52);
  const rng = createRng(seed);
  const sup: Correlator = (xi) =>
    intervalLossCorrelator(D.p.length, drawSample(D, n, rng))(xi);
  return rademacherMonteCarlo(sup, n, draws, seed + 1);
}

function checkMonteCarlo(sup: Correlator, n: number, draws: number,
  seed: number) {
  requireInt('rademacherMonteCarlo', 'n', n, 1);
  requireInt('rademacherMonteCarlo', 'draws', draws, 2);
  requireInt('rademacherMonteCarlo', 'seed', seed, 0, 2 ** 52);
  requireFunction('rademacherMonteCarlo', 'sup', sup);
}

function checkMasks(masks: Iterable<Labelling>): Int32Array {
  const fn = 'labellingCorrelator';
  if (masks === null || typeof masks !== 'object' ||
    !(Symbol.iterator in masks)) {
    throw new Error(`${fn}: masks must be a list of labellings, got ` +
      `${masks}`);
  }
  const list = [...masks];
  if (list.length === 0) throw new Error(`${fn}: masks must not be empty`);
  list.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1) {
      throw new Error(`${fn}: masks must hold labellings (integers in ` +
        `[0, 2^31)), got masks[${i}] = ${v}`);
    }
  });
  return Int32Array.from(list);
}

function finiteSup(fn: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`${fn}: sup must return a finite number, got ${v}`);
  }
  return v;
}
