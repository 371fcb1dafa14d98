// The chapter's experiments: the numbers in its prose and figures and
// the statistical checks in its tests are computed here, seeded.
import { createRng, type Rng } from './random.ts';
import {
  requireFinite,
  requireInteger,
  requirePaired,
} from './checks.ts';
import {
  centralDifference,
  forwardDifference,
  relativeError,
} from './check.ts';
import {
  chiSquare,
  histogram,
  moments,
  normalProbability,
  type ChiSquare,
} from './stats.ts';

// #region step-sweep
export const SWEEP_POINTS = 64;

export interface StepSweep {
  h: number[];
  forward: number[]; // mean relative error of Eq. (fd-forward)
  central: number[]; // mean relative error of Eq. (fd-central)
}

/** Mean relative errors of the derivative of exp (exp' = exp) at
 * seeded points in [0, 2), for h = 10^-13 ... 10^-1. */
export function stepSweep(seed = 7, perDecade = 8): StepSweep {
  requireSizes('stepSweep', { seed }, { perDecade });
  const points = SWEEP_POINTS;
  const xs = createRng(seed).uniformArray(points, 0, 2);
  const sweep: StepSweep = { h: [], forward: [], central: [] };
  for (let k = -13 * perDecade; k <= -perDecade; k++) {
    const h = 10 ** (k / perDecade);
    let ef = 0;
    let ec = 0;
    for (const x of xs) {
      ef += relativeError(forwardDifference(Math.exp, x, h), Math.exp(x));
      ec += relativeError(centralDifference(Math.exp, x, h), Math.exp(x));
    }
    sweep.h.push(h);
    sweep.forward.push(ef / points);
    sweep.central.push(ec / points);
  }
  return sweep;
}
// #endregion

// #region sweep-analysis
/** The h at which err is smallest. */
export function bestStep(h: number[], err: number[]): number {
  requirePaired('bestStep', { h, err });
  let best = 0;
  for (let i = 1; i < err.length; i++) if (err[i] < err[best]) best = i;
  return h[best];
}

/** Least-squares slope of log10(err) against log10(h) on [lo, hi]. */
export function logLogSlope(
  h: number[],
  err: number[],
  lo: number,
  hi: number,
): number {
  checkSlope(h, err, lo, hi);
  const pts = h
    .map((hk, k) => [Math.log10(hk), Math.log10(err[k])])
    .filter(([lh]) => lh >= Math.log10(lo) - 1e-9)
    .filter(([lh]) => lh <= Math.log10(hi) + 1e-9);
  const mx = pts.reduce((s, [u]) => s + u, 0) / pts.length;
  const my = pts.reduce((s, [, v]) => s + v, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (const [u, v] of pts) {
    sxy += (u - mx) * (v - my);
    sxx += (u - mx) ** 2;
  }
  return sxy / sxx;
}
// #endregion

// #region moment-table
export interface MomentRow {
  name: string;
  measured: number;
  exact: number;
  se: number; // standard error of the measured value
  z: number; // (measured - exact) / se
}

function row(name: string, measured: number, exact: number, se: number) {
  return { name, measured, exact, se, z: (measured - exact) / se };
}

export const MOMENT_DRAWS = 100_000;

/** Sample moments of n uniform and n normal draws beside the truth. */
export function momentTable(seed = 1, n = MOMENT_DRAWS): MomentRow[] {
  requireSizes('momentTable', { seed }, {}, { n });
  const rng = createRng(seed);
  const u = moments(rng.uniformArray(n));
  const z = moments(rng.normalArray(n));
  return [
    row('uniform mean', u.mean, 1 / 2, Math.sqrt(1 / 12 / n)),
    row('uniform variance', u.variance, 1 / 12, Math.sqrt(1 / 180 / n)),
    row('normal mean', z.mean, 0, Math.sqrt(1 / n)),
    row('normal variance', z.variance, 1, Math.sqrt(2 / n)),
    row('normal skewness', z.skewness, 0, Math.sqrt(6 / n)),
    row('normal excess kurtosis', z.kurtosis, 0, Math.sqrt(24 / n)),
  ];
}
// #endregion

// #region uniformity-tests
/** Chi-square of n uniform draws in `bins` equal bins of [0, 1). */
export function uniformChiSquare(seed = 2, n = 100_000, bins = 100) {
  requireSizes('uniformChiSquare', { seed }, { n }, { bins });
  const xs = createRng(seed).uniformArray(n);
  const probs = new Array<number>(bins).fill(1 / bins);
  return chiSquare(histogram(xs, 0, 1, bins), probs);
}

/** Chi-square of n normal draws in 35 bins on [-3.5, 3.5) + 2 tails. */
export function normalChiSquare(seed = 3, n = 100_000): ChiSquare {
  requireSizes('normalChiSquare', { seed }, { n });
  const xs = createRng(seed).normalArray(n);
  const inner = histogram(xs, -3.5, 3.5, 35);
  const below = Array.from(xs).filter((x) => x < -3.5).length;
  const counts = [below, ...inner, n - below - sum(inner)];
  const probs = inner.map((_, k) =>
    normalProbability(-3.5 + 0.2 * k, -3.3 + 0.2 * k),
  );
  const tail = (1 - sum(probs)) / 2; // both tails, by symmetry
  return chiSquare(counts, [tail, ...probs, tail]);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
// #endregion

// #region wrong-on-purpose
/** WRONG: x mod n favours small values unless n divides 2^32. */
export function moduloInt(rng: Rng, n: number): number {
  requireInteger('moduloInt', 'n', n, 1, 2 ** 32);
  return rng.nextUint32() % n;
}

/** WRONG: swapping with any position gives n^n equally likely paths. */
export function naiveShuffle<T>(rng: Rng, items: T[]): T[] {
  requireArray('naiveShuffle', items);
  for (let i = 0; i < items.length; i++) {
    const j = rng.int(0, items.length);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
// #endregion

// #region discrete-tests
/** Chi-square of draws in [0, n), n = 3 * 2^30, binned by thirds. */
export function thirdsChiSquare(
  draw: (rng: Rng, n: number) => number,
  seed = 4,
  trials = 30_000,
): ChiSquare {
  requireSizes('thirdsChiSquare', { seed }, { trials });
  const rng = createRng(seed);
  const n = 3 * 2 ** 30;
  const counts = [0, 0, 0];
  for (let t = 0; t < trials; t++) {
    counts[Math.floor(draw(rng, n) / 2 ** 30)]++; // which third
  }
  return chiSquare(counts, [1 / 3, 1 / 3, 1 / 3]);
}

/** Chi-square of the 6 orders of [0, 1, 2] after shuffling. */
export function shuffleChiSquare(
  shuffle: <T>(rng: Rng, items: T[]) => T[],
  seed = 5,
  trials = 30_000,
): ChiSquare {
  requireSizes('shuffleChiSquare', { seed }, { trials });
  const rng = createRng(seed);
  const orders = ['012', '021', '102', '120', '201', '210'];
  const counts = [0, 0, 0, 0, 0, 0];
  for (let t = 0; t < trials; t++) {
    const key = shuffle(rng, [0, 1, 2]).join('');
    counts[orders.indexOf(key)]++;
  }
  return chiSquare(counts, new Array<number>(6).fill(1 / 6));
}
// #endregion

// #region round-up
/**
 * How often Eq. (rng-affine) rounds up to hi on [lo, hi): the share of
 * `draws` uniforms u with lo + (hi - lo) u >= hi, which uniform(lo, hi)
 * rejects, and how many distinct values the others take.
 */
export function roundUpRate(
  lo: number,
  hi: number,
  draws = 100_000,
  seed = 1,
) {
  const rng = createRng(seed);
  const seen = new Set<number>();
  let up = 0;
  for (let t = 0; t < draws; t++) {
    const x = lo + (hi - lo) * rng.uniform(); // uniform() is [0, 1)
    if (x >= hi) up++;
    else seen.add(x);
  }
  return { rate: up / draws, distinct: seen.size, draws };
}
// #endregion

// Input checks of the functions above.

/** Integers: each of `zero` >= 0, of `one` >= 1, of `two` >= 2. */
function requireSizes(
  fn: string,
  zero: Record<string, number>,
  one: Record<string, number> = {},
  two: Record<string, number> = {},
): void {
  for (const [min, xs] of [[0, zero], [1, one], [2, two]] as const) {
    for (const [name, x] of Object.entries(xs)) {
      requireInteger(fn, name, x, min);
    }
  }
}

function requireArray(fn: string, items: unknown): void {
  if (!Array.isArray(items)) {
    throw new Error(`${fn}: items must be an array, got ${typeof items}`);
  }
}

/** h and err > 0 of one length, 0 < lo < hi, two points in between. */
function checkSlope(h: number[], err: number[], lo: number, hi: number) {
  const fn = 'logLogSlope';
  requirePaired(fn, { h, err });
  requireFinite(fn, 'lo', lo);
  requireFinite(fn, 'hi', hi);
  if (!(lo > 0 && lo < hi)) {
    throw new Error(`${fn}: expected 0 < lo < hi, got lo=${lo}, hi=${hi}`);
  }
  for (const [name, v] of [['h', h], ['err', err]] as const) {
    const i = v.findIndex((x) => !(x > 0));
    if (i >= 0) {
      throw new Error(`${fn}: ${name} must be > 0 (a log is taken), ` +
        `got ${name}[${i}] = ${v[i]}`);
    }
  }
  const [a, b] = [Math.log10(lo) - 1e-9, Math.log10(hi) + 1e-9];
  const inside = h.filter((x) => Math.log10(x) >= a &&
    Math.log10(x) <= b).length;
  if (inside < 2) {
    throw new Error(`${fn}: need two h in [lo, hi] = [${lo}, ${hi}], ` +
      `got ${inside}`);
  }
}
