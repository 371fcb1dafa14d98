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

/** |H| for intervals [a, b) of K values: K(K + 1)/2 non-empty, 1 empty. */
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

/** k random labellings of the values 0..K-1: table[j K + x] = h_j(x). */
export function randomClass(k: number, K: number, seed: number) {
  requireInt('randomClass', 'k', k, 1);
  requireInt('randomClass', 'K', K, 1);
  requireInt('randomClass', 'seed', seed, 0, 2 ** 52);
  const rng = createRng(seed);
  const table = new Uint8Array(k * K);
  for (let t = 0; t < table.length; t++) table[t] = rng.nextUint32() >>> 31;
  return table;
}

/** How many of the sample's examples each of the k hypotheses gets
 *  wrong: m L_S(h_j). */
export function mistakesOf(table: Uint8Array, K: number, S: Sample) {
  requireSample('mistakesOf', K, S);
  if (!(table instanceof Uint8Array) || table.length === 0 ||
    table.length % K !== 0) {
    throw new Error(`mistakesOf: table must be a Uint8Array of k * ` +
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
  { K = 1000, k = 1000, m = 200, reps = 400, delta = 0.05, seed = 7 } =
    {},
) {
  checkStudy('unionStudy', m, reps, delta);
  for (const [name, v] of Object.entries({ K, k })) {
    requireInt('unionStudy', name, v, 1);
  }
  requireInt('unionStudy', 'seed', seed, 0, 2 ** 52);
  const table = randomClass(k, K, seed);
  const D = population(new Float64Array(K).fill(1 / K),
    new Float64Array(K).fill(0.5));
  const rng = createRng(seed + 1);
  const [fixed, erm, sup] = [0, 1, 2].map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    const wrong = mistakesOf(table, K, drawSample(D, m, rng));
    let [least, most] = [m, 0];
    for (const w of wrong) {
      least = Math.min(least, w);
      most = Math.max(most, Math.abs(w / m - 0.5));
    }
    [fixed[r], erm[r], sup[r]] =
      [Math.abs(wrong[0] / m - 0.5), 0.5 - least / m, most];
  }
  const single = hoeffdingRadius(m, delta); // Eq. (lt-hoeffding-radius)
  const union = finiteClassRadius(m, k, delta); // Eq. (lt-finite-radius)
  return { K, k, m, reps, delta, single, union, fixed, erm, sup,
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

function checkStudy(fn: string, m: number, reps: number, delta: number) {
  requireInt(fn, 'm', m, 1);
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

/** reps samples of size m from D: per sample, sup_h |L_D - L_S|,
 *  sup_h (L_D - L_S) (Eq. (lt-deviation)) and the gap of ERM. */
export function gapRepetitions(
  D: Population,
  m: number,
  reps: number,
  rng: Rng,
) {
  requirePopulation('gapRepetitions', D);
  requireInt('gapRepetitions', 'm', m, 1);
  requireInt('gapRepetitions', 'reps', reps, 1);
  const [two, one, gap] = [0, 1, 2].map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    const S = drawSample(D, m, rng);
    const dev = intervalDeviations(D, S);
    const h = ermInterval(D.p.length, S);
    [two[r], one[r]] = [dev.twoSided, dev.oneSided];
    gap[r] = intervalRisk(D, h.a, h.b) - h.risk;
  }
  return { two, one, gap };
}

/** The four bounds on the gap at m, for intervals of K values. */
export function boundsAt(K: number, m: number, delta: number,
  rad: number) {
  requireInt('boundsAt', 'K', K, 1);
  requireInt('boundsAt', 'm', m, 1);
  requireDelta('boundsAt', delta);
  requireFinite('boundsAt', 'rad', rad);
  if (rad < 0) throw new Error(`boundsAt: rad must be >= 0, got ${rad}`);
  return {
    finite: finiteClassRadius(m, intervalCount(K), delta),
    vcMarkov: vcMarkovRadius(m, GROWTH.intervals(2 * m), delta),
    vcRademacher: vcRademacherRadius(m, GROWTH.intervals(m), delta),
    rademacher: rademacherRadius(rad, m, delta),
  };
}

// #region gap-study
/** For each size m: the (1 - delta)-quantile of the two-sided gap, the
 *  mean gap of ERM, the four bounds and how often each failed. */
export function gapStudy(
  D: Population,
  { sizes = [25, 100, 400], reps = 200, delta = 0.05, draws = 200,
    seed = 11 }: { sizes?: number[]; reps?: number; delta?: number;
    draws?: number; seed?: number } = {},
) {
  requirePopulation('gapStudy', D);
  requireDelta('gapStudy', delta);
  requireSizes('gapStudy', sizes);
  requireInt('gapStudy', 'reps', reps, 2);
  requireInt('gapStudy', 'draws', draws, 2);
  requireInt('gapStudy', 'seed', seed, 0, 2 ** 52);
  const rng = createRng(seed);
  return sizes.map((m) => {
    const { two, one, gap } = gapRepetitions(D, m, reps, rng);
    const rad = expectedRademacher(D, m, draws, seed + m);
    const b = boundsAt(D.p.length, m, delta, rad.mean);
    const g = moments(gap);
    return { m, reps, delta, rad, bounds: b,
      quantile: quantile(two, 1 - delta),
      ermQuantile: quantile(gap, 1 - delta),
      meanGap: g.mean, gapSe: Math.sqrt(g.variance / reps),
      failures: { finite: over(two, b.finite),
        vcMarkov: over(two, b.vcMarkov),
        vcRademacher: over(one, b.vcRademacher),
        rademacher: over(one, b.rademacher) } };
  });
}
// #endregion

/** Corollary 2.3 in practice: the window without noise, so some
 *  interval has L_D = 0. At each m, the share of samples on which ERM
 *  has L_D(h_S) > eps; m0 is the size the corollary asks for. */
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
  const m0 = realizableSampleSize(intervalCount(WINDOW.K), eps, delta);
  const rng = createRng(seed);
  const rows = [...sizes, m0].map((m) => {
    let bad = 0;
    for (let r = 0; r < reps; r++) {
      const h = ermInterval(WINDOW.K, drawSample(D, m, rng));
      if (intervalRisk(D, h.a, h.b) > eps) bad += 1;
    }
    return { m, bad, share: bad / reps };
  });
  return { eps, delta, reps, m0, rows };
}
