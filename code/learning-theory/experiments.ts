// The chapter's experiments: bounds held against measured gaps, each
// over many seeded repetitions on a distribution we know exactly.
import { createRng, type Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { quantile } from '../statistics/bootstrap.ts';
import {
  finiteClassRadius,
  GROWTH,
  hoeffdingRadius,
  rademacherRadius,
  realizableSampleSize,
  vcMarkovRadius,
  vcRademacherRadius,
} from './bounds.ts';
import {
  requireDelta,
  requireFinite,
  requireFiniteArray,
  requireInt,
} from './checks.ts';
import {
  drawSample,
  ermInterval,
  intervalDeviations,
  intervalRisk,
  population,
  type Population,
  requirePopulation,
  requireSample,
  type Sample,
} from './population.ts';
import { expectedRademacher } from './rademacher.ts';

/** The running example: doses 0..K-1, equally likely; a dose in the
 *  window [lo, hi) works (y = 1) with probability 1 - noise, a dose
 *  outside it with probability noise. */
export const WINDOW = { K: 100, lo: 30, hi: 70, noise: 0.1 } as const;

export function windowPopulation(
  { K, lo, hi, noise }: { K: number; lo: number; hi: number;
    noise: number } = WINDOW,
): Population {
  checkWindow(K, lo, hi, noise);
  const p = new Float64Array(K).fill(1 / K);
  const q = p.map((_, k) => (k >= lo && k < hi ? 1 - noise : noise));
  return population(p, q);
}

/** |H| for intervals [k1, k2) of K values: K(K + 1)/2 non-empty, and
 *  the empty one. */
export function intervalCount(K: number): number {
  requireInt('intervalCount', 'K', K, 1);
  return (K * (K + 1)) / 2 + 1;
}

function checkWindow(K: number, lo: number, hi: number, noise: number) {
  requireInt('windowPopulation', 'K', K, 1);
  requireInt('windowPopulation', 'lo', lo, 0, K);
  requireInt('windowPopulation', 'hi', hi, lo, K);
  requireFinite('windowPopulation', 'noise', noise);
  if (noise < 0 || noise > 1) {
    throw new Error(`windowPopulation: noise must be in [0, 1], got ` +
      `${noise}`);
  }
}

/** sizeH random labellings of the values 0..K-1:
 *  table[j K + x] = h_j(x). */
export function randomClass(sizeH: number, K: number, seed: number) {
  requireInt('randomClass', 'sizeH', sizeH, 1);
  requireInt('randomClass', 'K', K, 1);
  requireInt('randomClass', 'seed', seed, 0, 2 ** 52);
  const rng = createRng(seed);
  const table = new Uint8Array(sizeH * K);
  for (let t = 0; t < table.length; t++) table[t] = rng.nextUint32() >>> 31;
  return table;
}

/** How many of the sample's examples each of the sizeH hypotheses gets
 *  wrong: n L_S(h_j). */
export function mistakesOf(table: Uint8Array, K: number, S: Sample) {
  requireSample('mistakesOf', K, S);
  if (!(table instanceof Uint8Array) || table.length === 0 ||
    table.length % K !== 0) {
    throw new Error(`mistakesOf: table must be a Uint8Array of |H| * ` +
      `${K} labels, got length ${table?.length}`);
  }
  const wrong = new Int32Array(table.length / K);
  for (let i = 0; i < S.x.length; i++) {
    for (let j = 0; j < wrong.length; j++) {
      wrong[j] += table[j * K + S.x[i]] === S.y[i] ? 0 : 1;
    }
  }
  return wrong;
}

// #region union
/** Noise labels, so L_D(h) = 1/2 for all h. Per sample: the gap of a
 *  fixed h_0, of ERM's choice, and the largest over the class. */
export function unionStudy(
  { K = 1000, sizeH = 1000, n = 200, reps = 400, delta = 0.05,
    seed = 7 } = {},
) {
  checkStudy('unionStudy', n, reps, delta);
  for (const [name, v] of Object.entries({ K, sizeH })) {
    requireInt('unionStudy', name, v, 1);
  }
  requireInt('unionStudy', 'seed', seed, 0, 2 ** 52);
  const table = randomClass(sizeH, K, seed);
  const D = population(new Float64Array(K).fill(1 / K),
    new Float64Array(K).fill(0.5));
  const rng = createRng(seed + 1);
  const [fixed, erm, sup] = [0, 1, 2].map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    const wrong = mistakesOf(table, K, drawSample(D, n, rng));
    let [least, most] = [n, 0];
    for (const w of wrong) {
      least = Math.min(least, w);
      most = Math.max(most, Math.abs(w / n - 0.5));
    }
    [fixed[r], erm[r], sup[r]] =
      [Math.abs(wrong[0] / n - 0.5), 0.5 - least / n, most];
  }
  const single = hoeffdingRadius(n, delta); // Eq. (lt-hoeffding-radius)
  // Eq. (lt-finite-radius)
  const union = finiteClassRadius(n, sizeH, delta);
  return { K, sizeH, n, reps, delta, single, union, fixed, erm, sup,
    fixedOver: over(fixed, single), ermOver: over(erm, single),
    supOver: over(sup, union) };
}
// #endregion

function requireSizes(fn: string, sizes: readonly number[]) {
  if (!Array.isArray(sizes) || sizes.length === 0) {
    throw new Error(`${fn}: sizes must be a non-empty array, got ${sizes}`);
  }
  sizes.forEach((n, i) => requireInt(fn, `sizes[${i}]`, n, 1));
}

function checkStudy(fn: string, n: number, reps: number, delta: number) {
  requireInt(fn, 'n', n, 1);
  requireInt(fn, 'reps', reps, 1);
  requireDelta(fn, delta);
}

/** How many of xs exceed the bound b. */
export function over(xs: ArrayLike<number>, b: number): number {
  requireFiniteArray('over', 'xs', xs);
  requireFinite('over', 'b', b);
  let c = 0;
  for (let i = 0; i < xs.length; i++) c += xs[i] > b ? 1 : 0;
  return c;
}

/** reps samples of size n from D: per sample, sup_h |L_D - L_S|,
 *  sup_h (L_D - L_S) (Eq. (lt-deviation)) and the gap of ERM. */
export function gapRepetitions(
  D: Population,
  n: number,
  reps: number,
  rng: Rng,
) {
  requirePopulation('gapRepetitions', D);
  requireInt('gapRepetitions', 'n', n, 1);
  requireInt('gapRepetitions', 'reps', reps, 1);
  const [two, one, gap] = [0, 1, 2].map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    const S = drawSample(D, n, rng);
    const dev = intervalDeviations(D, S);
    const h = ermInterval(D.p.length, S);
    [two[r], one[r]] = [dev.twoSided, dev.oneSided];
    gap[r] = intervalRisk(D, h.k1, h.k2) - h.risk;
  }
  return { two, one, gap };
}

/** The four bounds on the gap at n, for intervals of K values. */
export function boundsAt(K: number, n: number, delta: number,
  rad: number) {
  requireInt('boundsAt', 'K', K, 1);
  requireInt('boundsAt', 'n', n, 1);
  requireDelta('boundsAt', delta);
  requireFinite('boundsAt', 'rad', rad);
  if (rad < 0) throw new Error(`boundsAt: rad must be >= 0, got ${rad}`);
  return {
    finite: finiteClassRadius(n, intervalCount(K), delta),
    vcMarkov: vcMarkovRadius(n, GROWTH.intervals(2 * n), delta),
    vcRademacher: vcRademacherRadius(n, GROWTH.intervals(n), delta),
    rademacher: rademacherRadius(rad, n, delta),
  };
}

// #region gap-study
/** For each size n: the (1 - delta)-quantiles of the two-sided and the
 *  one-sided largest gap and of ERM's gap, the mean gap of ERM, the
 *  four bounds and how often each failed (the two-sided gap against
 *  the two-sided bounds, the one-sided gap against the others). */
export function gapStudy(
  D: Population,
  { sizes = [25, 100, 400], reps = 200, delta = 0.05, draws = 200,
    seed = 11 }: { sizes?: number[]; reps?: number; delta?: number;
    draws?: number; seed?: number } = {},
) {
  checkGapStudy(D, sizes, reps, delta, draws, seed);
  const rng = createRng(seed);
  return sizes.map((n) => {
    const { two, one, gap } = gapRepetitions(D, n, reps, rng);
    const rad = expectedRademacher(D, n, draws, seed + n);
    const b = boundsAt(D.p.length, n, delta, rad.mean);
    const g = moments(gap);
    return { n, reps, delta, rad, bounds: b,
      quantile: quantile(two, 1 - delta),
      oneQuantile: quantile(one, 1 - delta),
      ermQuantile: quantile(gap, 1 - delta),
      meanGap: g.mean, gapSe: Math.sqrt(g.variance / reps),
      failures: { finite: over(two, b.finite),
        vcMarkov: over(two, b.vcMarkov),
        vcRademacher: over(one, b.vcRademacher),
        rademacher: over(one, b.rademacher) } };
  });
}
// #endregion

function checkGapStudy(D: Population, sizes: number[], reps: number,
  delta: number, draws: number, seed: number) {
  requirePopulation('gapStudy', D);
  requireDelta('gapStudy', delta);
  requireSizes('gapStudy', sizes);
  requireInt('gapStudy', 'reps', reps, 2);
  requireInt('gapStudy', 'draws', draws, 2);
  requireInt('gapStudy', 'seed', seed, 0, 2 ** 52);
}

/** Corollary 2.3 in practice: the window without noise, so some
 *  interval has L_D = 0. At each n, the share of samples on which ERM
 *  has L_D(h_S) > eps; needed is the size the corollary asks for. */
export function realizableStudy(
  { eps = 0.1, delta = 0.05, reps = 1000, seed = 3,
    sizes = [10, 20, 30, 40, 50, 60, 80] } = {},
) {
  requireDelta('realizableStudy', delta);
  requireDelta('realizableStudy', eps, 'eps');
  requireInt('realizableStudy', 'reps', reps, 1);
  requireInt('realizableStudy', 'seed', seed, 0, 2 ** 52);
  requireSizes('realizableStudy', sizes);
  const D = windowPopulation({ ...WINDOW, noise: 0 });
  const needed = realizableSampleSize(intervalCount(WINDOW.K), eps, delta);
  const rng = createRng(seed);
  const rows = [...sizes, needed].map((n) => {
    let bad = 0;
    for (let r = 0; r < reps; r++) {
      const h = ermInterval(WINDOW.K, drawSample(D, n, rng));
      if (intervalRisk(D, h.k1, h.k2) > eps) bad += 1;
    }
    return { n, bad, share: bad / reps };
  });
  return { eps, delta, reps, needed, rows };
}
