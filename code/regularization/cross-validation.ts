// K-fold cross-validation: split, then score a grid of lambda values.
import { takeRows } from '../gradient-descent/batches.ts';
import type { Rng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  requireFiniteArray,
  requireFunction,
} from '../introduction/checks.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { meanSquaredError } from '../linear-regression/metrics.ts';
import { checkXy, predict } from '../linear-regression/model.ts';
import type { LinearFit } from '../linear-regression/model.ts';

// #region fold
/** One split: the samples to fit on and the held-out samples. */
export interface Fold {
  train: number[];
  test: number[];
}
// #endregion

// #region k-fold
/**
 * Splits 0..n-1 into k folds of sizes differing by at most one (the
 * first n mod k folds get the extra sample, as scikit-learn's KFold
 * does). Without rng the folds are contiguous blocks in order; with
 * rng the indices are shuffled first. Every index is in exactly one
 * test set; each train set is its complement; both are sorted.
 */
export function kFoldIndices(n: number, k: number, rng?: Rng): Fold[] {
  if (!Number.isSafeInteger(n) || n < 2) {
    throw new Error(`kFoldIndices: n must be an integer >= 2, got ${n}`);
  }
  if (!Number.isSafeInteger(k) || k < 2 || k > n) {
    throw new Error(
      `kFoldIndices: k must be an integer in [2, n=${n}], got ${k}`,
    );
  }
  const order = Array.from({ length: n }, (_, i) => i);
  if (rng !== undefined) rng.shuffle(order);
  const folds: Fold[] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    const test = order.slice(start, start + size);
    const train = order.slice(0, start).concat(order.slice(start + size));
    const up = (a: number, b: number) => a - b;
    folds.push({ train: train.sort(up), test: test.sort(up) });
    start += size;
  }
  return folds;
}
// #endregion

// The rows of a fold: takeRows of the gradient-descent chapter.
export { takeRows };

// #region cv-curve
/** Fits one model per λ of a grid on the given training data. */
export type PathFitter = (X: Matrix, y: Vector) => LinearFit[];

/**
 * K-fold cross-validation of a whole path: per fold, fit on the
 * training rows, score every λ on the held-out rows, Eq. (rg-cv).
 */
export function cvCurve(
  X: Matrix,
  y: Vector,
  folds: Fold[],
  fitPath: PathFitter,
): { mean: number[]; se: number[]; foldMse: number[][] } {
  checkCv(X, y, folds, fitPath);
  const foldMse = folds.map(({ train, test }) => {
    const tr = takeRows(X, y, train);
    const te = takeRows(X, y, test);
    return fitPath(tr.X, tr.y).map(({ w, b }) =>
      meanSquaredError(te.y, predict(te.X, w, b)));
  });
  checkFits(foldMse);
  const k = folds.length;
  const perLambda = foldMse[0].map((_, l) => foldMse.map((f) => f[l]));
  const stats = perLambda.map((errs) => moments(errs));
  return {
    mean: stats.map((m) => m.mean),
    se: stats.map((m) => Math.sqrt(m.variance / k)), // Eq. (rg-cv-se)
    foldMse: perLambda,
  };
}
// #endregion

// #region select
/**
 * The index of the smallest mean CV error, and the one-standard-error
 * choice: the largest λ whose error is within one SE of that minimum.
 * Expects lambdas in decreasing order, as lambdaGrid returns them.
 */
export function selectLambda(
  lambdas: number[],
  cv: { mean: number[]; se: number[] },
): { best: number; oneSe: number } {
  checkSelect(lambdas, cv);
  if (lambdas.length !== cv.mean.length || lambdas.length === 0 ||
    lambdas.some((l, i) => i > 0 && !(l < lambdas[i - 1]))) {
    throw new Error(
      'selectLambda: expected a decreasing grid of lambdas with one ' +
        `CV error each, got ${lambdas.length} lambdas and ` +
        `${cv.mean.length} errors`,
    );
  }
  let best = 0;
  cv.mean.forEach((m, i) => { if (m < cv.mean[best]) best = i; });
  const limit = cv.mean[best] + cv.se[best];
  const oneSe = cv.mean.findIndex((m) => m <= limit); // largest λ first
  return { best, oneSe };
}
// #endregion

// Input checks of the functions above.

/** At least two folds, each with rows to fit on and rows to test. */
function checkCv(X: Matrix, y: Vector, folds: Fold[], fit: PathFitter) {
  const fn = 'cvCurve';
  checkXy(fn, X, y);
  requireFunction(fn, 'fitPath', fit);
  if (!Array.isArray(folds) || folds.length < 2) {
    throw new Error(`${fn}: folds must be an array of at least 2 folds ` +
      `(a standard error needs two), got ${folds?.length ?? folds}`);
  }
  const row = (i: number) => Number.isInteger(i) && i >= 0 && i < X.rows;
  folds.forEach((f, k) => {
    const ok = Array.isArray(f?.train) && Array.isArray(f?.test) &&
      f.train.length > 0 && f.test.length > 0 &&
      f.train.every(row) && f.test.every(row);
    if (!ok) {
      throw new Error(`${fn}: folds[${k}] must have non-empty train ` +
        `and test lists of row indices in [0, ${X.rows})`);
    }
  });
}

/** Every fold fitted the same, non-zero number of λ. */
function checkFits(foldMse: number[][]): void {
  const m = foldMse[0].length;
  if (m === 0 || foldMse.some((f) => f.length !== m)) {
    throw new Error('cvCurve: fitPath must return one fit per λ, the ' +
      `same number for every fold; got ${foldMse.map((f) => f.length)}`);
  }
}

/** One finite mean and one finite standard error >= 0 per λ. */
function checkSelect(
  lambdas: number[],
  cv: { mean: number[]; se: number[] },
): void {
  const fn = 'selectLambda';
  requireFiniteArray(fn, 'lambdas', lambdas);
  requireFiniteArray(fn, 'cv.mean', cv?.mean);
  requireFiniteArray(fn, 'cv.se', cv.se);
  if (cv.se.length !== cv.mean.length || cv.se.some((s) => s < 0)) {
    throw new Error(`${fn}: cv.se must hold one standard error >= 0 ` +
      `per mean, got ${cv.se.length} for ${cv.mean.length}`);
  }
}
