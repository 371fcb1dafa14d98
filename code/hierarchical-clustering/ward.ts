// Ward's criterion against k-means: the within-cluster sum of squares
// of Ward's k clusters and of Lloyd's, with the k-means chapter's code.
// Browser-safe.
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { bestOf } from '../k-means/experiments.ts';
import { inertia, update } from '../k-means/lloyd.ts';
import { checkInt, checkPoints } from './checks.ts';
import { linkage } from './linkage.ts';
import { cutIntoK } from './tree.ts';

// #region within-ss
/** Eq. (hc-sse) for flat clusters T numbered 1, …, k (as fcluster
 *  numbers them): the k-means chapter's inertia at the means. */
export function withinSS(X: Matrix, T: Int32Array, k: number): number {
  checkFlat('withinSS', X, T, k);
  const labels = T.map((t) => t - 1);
  const { centers } = update(X, new Matrix(k, X.cols), labels);
  return inertia(X, centers, labels);
}
// #endregion

// #region ward-vs-kmeans
/** Ward's k clusters beside the best of `runs` k-means++ starts. */
export function wardVsKMeans(X: Matrix, k: number, runs: number,
  seed: number) {
  checkPoints('wardVsKMeans', X);
  checkInt('wardVsKMeans', 'k', k, 1, X.rows);
  checkInt('wardVsKMeans', 'runs', runs, 1);
  checkInt('wardVsKMeans', 'seed', seed, 0, 2 ** 40);
  const T = cutIntoK(linkage(X, 'ward'), k);
  const fit = bestOf(X, k, runs, createRng(seed));
  return { ward: withinSS(X, T, k), kmeans: fit.inertia, wardLabels: T,
    kmeansLabels: fit.labels };
}
// #endregion

/** Throws unless T holds one cluster number in 1..k per row of X and
 *  every cluster is used. */
function checkFlat(fn: string, X: Matrix, T: Int32Array, k: number) {
  checkPoints(fn, X);
  checkInt(fn, 'k', k, 1, X.rows);
  if (!(T instanceof Int32Array) || T.length !== X.rows) {
    throw new Error(`${fn}: T must be an Int32Array with one entry ` +
      `per row of X (${X.rows}), got ${T?.length}`);
  }
  const seen = new Uint8Array(k + 1);
  for (const t of T) {
    checkInt(fn, 'T[i]', t, 1, k);
    seen[t] = 1;
  }
  if (seen.indexOf(0, 1) > 0) {
    throw new Error(`${fn}: T leaves cluster ${seen.indexOf(0, 1)} of ` +
      `k = ${k} empty`);
  }
}
