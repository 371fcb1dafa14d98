// The chapter's experiments: a collapsing component, and restarts from
// two kinds of start. Browser-safe.
import { Matrix, identity, scale } from '../linear-algebra/matrix.ts';
import { checkData, checkInt, checkNumber } from './checks.ts';
import { eStep } from './estep.ts';
import { mStep } from './mstep.ts';
import { createRng } from '../introduction/random.ts';
import { fitBest } from './init.ts';
import type { EmOptions } from './em.ts';

// #region collapse
/** The log-likelihood of a two-component mixture, one component the
 *  data's own Gaussian and the other N(x_i, σ² I) sitting on point i,
 *  for each σ: it grows like −d log σ without bound as σ → 0. */
export function collapseCurve(X: Matrix, i: number, sigmas: number[]) {
  checkData('collapseCurve', X);
  checkInt('collapseCurve', 'i', i, 0, X.rows - 1);
  if (!Array.isArray(sigmas) || sigmas.length === 0) {
    throw new Error('collapseCurve: sigmas must be a non-empty array');
  }
  const { rows: n, cols: d } = X;
  const ones = new Matrix(n, 1, new Float64Array(n).fill(1));
  const whole = mStep(X, ones, 'full', 0); // one component: the data's
  const means = new Matrix(2, d);
  means.data.set(whole.means.data, 0);
  means.data.set(X.data.subarray(i * d, (i + 1) * d), d);
  return sigmas.map((sigma) => {
    checkNumber('collapseCurve', 'sigma', sigma, 0, true);
    const S = scale(identity(d), sigma * sigma);
    const p = { weights: Float64Array.of(0.5, 0.5), means,
      covs: [whole.covs[0], S] };
    return { sigma, logLik: n * eStep(X, p, 'collapseCurve').meanLogLik };
  });
}
// #endregion

// #region restart-study
/** `runs` single EM runs (full covariances, default tol) from random
 *  responsibilities and from k-means, and the random starts once more
 *  run to convergence (tol 1e-8): how many of each reach the best
 *  bound found (within 1e-4), the worst and the best final bounds. */
export function restartStudy(X: Matrix, k: number, runs: number,
  seed: number) {
  checkData('restartStudy', X);
  checkInt('restartStudy', 'k', k, 1, X.rows);
  checkInt('restartStudy', 'runs', runs, 1);
  checkInt('restartStudy', 'seed', seed, 0, 2 ** 40);
  const bounds = (method: 'random' | 'kmeans', o: EmOptions = {}) =>
    fitBest(X, k, runs, method, createRng(seed), o).bounds;
  const random = bounds('random');
  const kmeans = bounds('kmeans');
  const long = bounds('random', { tol: 1e-8, maxIter: 5000 });
  let best = -Infinity;
  for (const b of [random, kmeans, long]) best = Math.max(best, top(b));
  const hits = (b: number[]) => b.filter((v) => v > best - 1e-4).length;
  const low = (b: number[]) => b.reduce((a, v) => Math.min(a, v));
  return { best, runs, random: hits(random), kmeans: hits(kmeans),
    worstRandom: low(random), worstKmeans: low(kmeans),
    randomLong: hits(long), bestRandomLong: top(long) };
}
// #endregion

function top(b: number[]): number {
  return b.reduce((a, v) => Math.max(a, v), -Infinity);
}
