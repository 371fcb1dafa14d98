// The chapter's experiments: seeding quality against the best inertia
// found, choosing k, and k-means as a hard Gaussian mixture.
// Browser-safe (the real-data studies are in real-data.ts).
import { createRng, type Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { calledAs } from '../introduction/checks.ts';
import { checkData, checkInt, checkList, checkNumber } from './checks.ts';
import { blobs } from './data.ts';
import { assign, lloyd, type LloydResult } from './lloyd.ts';
import { responsibilities } from './mixture.ts';
import { kMeansPlusPlus, randomSeeding, rowsOf } from './seeding.ts';
import { silhouetteScore } from './silhouette.ts';

// #region best-of
/** n_init: Lloyd from `runs` k-means++ seedings, the lowest inertia
 *  kept (the first on a tie). */
export function bestOf(X: Matrix, k: number, runs: number,
  rng: Rng): LloydResult {
  checkData('bestOf', X);
  checkInt('bestOf', 'k', k, 1, X.rows);
  checkInt('bestOf', 'runs', runs, 1);
  let best: LloydResult | null = null;
  for (let r = 0; r < runs; r++) {
    const C0 = rowsOf(X, kMeansPlusPlus(X, k, rng));
    const fit = lloyd(X, C0);
    if (best === null || fit.inertia < best.inertia) best = fit;
  }
  return best as LloydResult;
}
// #endregion

/** k blobs of `per` points on a square grid 10 apart, unit spread. */
export function gridBlobs(k: number, per: number, rng: Rng) {
  checkInt('gridBlobs', 'k', k, 1, 1024);
  checkInt('gridBlobs', 'per', per, 1);
  const side = Math.ceil(Math.sqrt(k));
  const centres = Array.from({ length: k }, (_, m) =>
    [10 * (m % side), 10 * Math.floor(m / side)]);
  return blobs(centres, Array(k).fill(per), Array(k).fill(1), rng);
}

// #region seeding-study
/** For each k: the inertia of the seeding itself (no Lloyd steps)
 *  divided by the best inertia found, over `seeds` seeds, for uniform
 *  seeding, k-means++ (one draw) and the greedy variant; mean and
 *  standard error of the ratio. */
export function seedingStudy(ks: number[], per: number, seeds: number,
  seed = 1) {
  checkList('seedingStudy', 'ks', ks, (k) =>
    checkInt('seedingStudy', 'k', k, 1, 1024));
  checkInt('seedingStudy', 'per', per, 1);
  checkInt('seedingStudy', 'seeds', seeds, 2);
  checkInt('seedingStudy', 'seed', seed, 0, 2 ** 40);
  return ks.map((k) => {
    const rng = createRng(seed + k);
    const { X } = gridBlobs(k, per, rng);
    const methods = {
      random: (r: Rng) => randomSeeding(X, k, r),
      plusplus: (r: Rng) => kMeansPlusPlus(X, k, r, 1),
      greedy: (r: Rng) => kMeansPlusPlus(X, k, r),
    };
    const phi: Record<string, number[]> = {};
    let best = Infinity;
    for (const [name, seedFn] of Object.entries(methods)) {
      phi[name] = [];
      for (let s = 0; s < seeds; s++) {
        const C0 = rowsOf(X, seedFn(rng));
        const seeded = assign(X, C0).dist2.reduce((a, b) => a + b, 0);
        phi[name].push(seeded);
        best = Math.min(best, lloyd(X, C0).inertia);
      }
    }
    const ratio = (name: string) => {
      const m = moments(phi[name].map((v) => v / best));
      return { mean: m.mean, se: Math.sqrt(m.variance / seeds) };
    };
    return { k, n: X.rows, best, bound: 8 * (Math.log(k) + 2),
      random: ratio('random'), plusplus: ratio('plusplus'),
      greedy: ratio('greedy') };
  });
}
// #endregion

// #region choose-k
/** Inertia and silhouette of the best of `runs` fits, for each k. */
export function chooseK(X: Matrix, ks: number[], runs: number,
  seed: number) {
  checkData('chooseK', X);
  checkList('chooseK', 'ks', ks, (k) =>
    checkInt('chooseK', 'k', k, 2, X.rows - 1));
  checkInt('chooseK', 'runs', runs, 1);
  checkInt('chooseK', 'seed', seed, 0, 2 ** 40);
  return ks.map((k) => {
    const fit = bestOf(X, k, runs, createRng(seed + k));
    return { k, inertia: fit.inertia,
      silhouette: silhouetteScore(X, fit.labels, k) };
  });
}
// #endregion

// #region hard-limit
/** How far the soft responsibilities are from k-means' hard labels:
 *  the largest 1 − r_{i, label i} over the points, for each σ. */
export function hardLimit(X: Matrix, mu: Matrix, sigmas: number[]) {
  checkList('hardLimit', 'sigmas', sigmas, (s) =>
    checkNumber('hardLimit', 'sigma', s, 0, true));
  const { labels } = calledAs('hardLimit', () => assign(X, mu));
  return sigmas.map((sigma) => {
    const R = responsibilities(X, mu, sigma);
    let gap = 0;
    for (let i = 0; i < X.rows; i++) {
      gap = Math.max(gap, 1 - R.get(i, labels[i]));
    }
    return { sigma, gap };
  });
}
// #endregion
