// Exercise: a finer grid of doses. The finite-class bound grows with
// the number K of grid values, through log |H| = log(K(K + 1)/2 + 1);
// the VC bounds do not depend on K. Where do they cross, and what do
// the measured gap and E_S R do as K grows?
import { quantile } from '../../statistics/bootstrap.ts';
import { createRng } from '../../introduction/random.ts';
import { requireDelta, requireFinite, requireInt } from '../checks.ts';
import { boundsAt, gapRepetitions, windowPopulation } from
  '../experiments.ts';
import { expectedRademacher } from '../rademacher.ts';

// #region crossing
/** The grid size K at which the finite-class bound at n equals b:
 *  log(2|H|/delta) = 2 n b^2 with |H| = K(K + 1)/2 + 1, solved for K
 *  (Eq. (lt-finite-radius)). */
export function crossingGrid(n: number, delta: number, b: number) {
  checkCrossing(n, delta, b);
  const sizeH = Math.exp(2 * n * b * b) * delta / 2;
  return (Math.sqrt(1 + 8 * (sizeH - 1)) - 1) / 2;
}
// #endregion

/** The window scaled to K doses ([0.3K, 0.7K), noise 0.1): E_S R, the
 *  four bounds at n and the (1 - delta)-quantiles of the largest gap,
 *  two-sided and one-sided, in reps samples. */
export function finerGridStudy(
  Ks: readonly number[],
  { n = 6400, reps = 100, draws = 500, delta = 0.05, seed = 13 } = {},
) {
  checkGrid(Ks, n, reps, draws, delta, seed);
  return Ks.map((K) => {
    const D = windowPopulation({ K, lo: Math.round(0.3 * K),
      hi: Math.round(0.7 * K), noise: 0.1 });
    const rad = expectedRademacher(D, n, draws, seed + K);
    const { two, one } = gapRepetitions(D, n, reps, createRng(seed));
    return { K, n, rad, bounds: boundsAt(K, n, delta, rad.mean),
      quantile: quantile(two, 1 - delta),
      oneQuantile: quantile(one, 1 - delta) };
  });
}

function checkCrossing(n: number, delta: number, b: number) {
  requireInt('crossingGrid', 'n', n, 1);
  requireDelta('crossingGrid', delta);
  requireFinite('crossingGrid', 'b', b);
  if (!(b > 0 && b < 1)) {
    throw new Error(`crossingGrid: b must be in (0, 1), got ${b}`);
  }
  if (2 * n * b * b < Math.log(2 / delta)) {
    throw new Error(`crossingGrid: b must be at least Hoeffding's ` +
      `radius for one hypothesis, got ${b}`);
  }
  if (2 * n * b * b > 700) {
    throw new Error(`crossingGrid: b = ${b} puts |H| beyond the ` +
      `largest double`);
  }
}

function checkGrid(Ks: readonly number[], n: number, reps: number,
  draws: number, delta: number, seed: number) {
  if (!Array.isArray(Ks) || Ks.length === 0) {
    throw new Error(`finerGridStudy: Ks must be a non-empty array, ` +
      `got ${Ks}`);
  }
  Ks.forEach((K, i) => requireInt('finerGridStudy', `Ks[${i}]`, K, 1));
  requireInt('finerGridStudy', 'n', n, 1);
  requireInt('finerGridStudy', 'reps', reps, 1);
  requireInt('finerGridStudy', 'draws', draws, 2);
  requireDelta('finerGridStudy', delta);
  requireInt('finerGridStudy', 'seed', seed, 0, 2 ** 52);
}
