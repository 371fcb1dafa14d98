// Choosing k by cross-validation: kNN as a model for the model-
// evaluation chapter's crossValidate, and a faster route that scores a
// whole grid of k from one neighbour search per fold. Browser-safe.
import { takeRows } from '../gradient-descent/batches.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { standardize } from '../linear-regression/scaling.ts';
import type { Fitter } from '../model-evaluation/cross-validation.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import {
  checkGrid,
  checkLabels,
  checkOptionValues,
} from './checks.ts';
import {
  argmaxRows,
  fitKnnClassifier,
  predictKnn,
  voteScores,
} from './classifier.ts';
import { kneighbors, type KnnOptions } from './model.ts';

// #region fitter
/** The share of predictions that miss their label: a Metric. */
export function errorRate(
  y: ArrayLike<number>, yHat: ArrayLike<number>,
): number {
  if (y?.length !== yHat?.length || !(y.length > 0)) {
    throw new Error(`errorRate: y and yHat must be non-empty and of one ` +
      `length, got y of ${y?.length} and yHat of ${yHat?.length}`);
  }
  let wrong = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]) || !Number.isFinite(yHat[i])) {
      throw new Error(`errorRate: y and yHat must be finite, got ` +
        `y[${i}] = ${y[i]}, yHat[${i}] = ${yHat[i]}`);
    }
    wrong += y[i] === yHat[i] ? 0 : 1;
  }
  return wrong / y.length;
}

/** A kNN classifier as a Fitter for crossValidate: labels travel as
 *  numbers in a Vector, as that chapter's targets do. */
export function knnFitter(options: KnnOptions): Fitter {
  checkOptionValues('knnFitter', options);
  return (X: Matrix, y: Vector) => {
    const model = fitKnnClassifier(X, Int32Array.from(y), options);
    return (Q: Matrix) => Float64Array.from(predictKnn(model, Q));
  };
}
// #endregion

// #region cv-result
export interface CvByK {
  ks: number[];
  predictions: Int32Array[]; // per k: every sample's held-out label
  foldErrors: number[][]; // per k: the error rate of each fold
  mean: number[]; // per k: the mean fold error, Eq. (me-cv)
  se: number[]; // per k: its standard error
}
// #endregion

// #region cv-by-k

/** Cross-validated error for every k in ks from one search per fold:
 *  the k nearest are the first k of the max(ks) nearest, because
 *  Eq. (knn-order) is a total order. Optionally standardizes with each
 *  training fold's own means and scales. */
export function cvErrorByK(
  X: Matrix, y: Int32Array, folds: Fold[], ks: number[],
  options: Omit<KnnOptions, 'k'> & { standardize?: boolean } = {},
): CvByK {
  const K = checkLabels('cvErrorByK', X, y);
  const kMax = checkGrid(X, folds, ks);
  checkOptionValues('cvErrorByK', { ...options, k: 1 });
  const predictions = ks.map(() => new Int32Array(X.rows));
  const foldErrors = ks.map(() => [] as number[]);
  for (const { train, test } of folds) {
    const [fit, held] = foldData(X, y, train, test, options.standardize);
    const model = fitKnnClassifier(fit.X, fit.y, { ...options, k: kMax });
    const nb = kneighbors(model, held.X);
    ks.forEach((k, s) => {
      const yHat = argmaxRows(voteScores(nb, fit.y, K, model.weights, k));
      test.forEach((i, r) => (predictions[s][i] = yHat[r]));
      foldErrors[s].push(errorRate(held.y, yHat));
    });
  }
  const stats = foldErrors.map((e) => moments(e));
  const se = stats.map((m) => Math.sqrt(m.variance / folds.length));
  const mean = stats.map((m) => m.mean);
  return { ks, predictions, foldErrors, mean, se };
}
// #endregion

// #region fold-data
/** A fold's training and held-out rows, both standardized by the
 *  training rows' statistics if asked: nothing leaks from the test. */
function foldData(
  X: Matrix, y: Int32Array, train: number[], test: number[],
  scale = false,
) {
  const labels = Float64Array.from(y);
  const [fit, held] = [takeRows(X, labels, train),
    takeRows(X, labels, test)];
  let [Xfit, Xheld] = [fit.X, held.X];
  if (scale) {
    const { Z, mean, scale: s } = standardize(fit.X);
    Xfit = Z;
    Xheld = new Matrix(held.X.rows, X.cols, held.X.data.map((v, t) =>
      (v - mean[t % X.cols]) / s[t % X.cols]));
  }
  return [
    { X: Xfit, y: Int32Array.from(fit.y) },
    { X: Xheld, y: Int32Array.from(held.y) },
  ] as const;
}
// #endregion
