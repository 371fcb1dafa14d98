// The chapter's real-data studies: digits (choosing k, and k-NN against
// softmax regression on the same test images) and wine (why features
// must share a scale). Node only: it loads data files.
import { loadIris } from '../calculus/iris.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  kFoldIndices,
  type Fold,
} from '../regularization/cross-validation.ts';
import { loadDigits } from '../softmax-regression/digits.ts';
import { digitsRows } from '../softmax-regression/experiments.ts';
import { fitKnnClassifier, predictKnn } from './classifier.ts';
import { cvErrorByK } from './selection.ts';
import { loadWine } from './wine.ts';

// #region digits
export const DIGITS_KS = Array.from({ length: 15 }, (_, i) => i + 1);

/** Chapter 15's split: image i is held out when i % 4 = 3. */
export function digitsSplit() {
  const all = Array.from({ length: loadDigits().X.rows }, (_, i) => i);
  return {
    train: digitsRows(all.filter((i) => i % 4 !== 3)),
    test: digitsRows(all.filter((i) => i % 4 === 3)),
  };
}

/** 10-fold CV over k on the training images (contiguous folds, as
 *  scikit-learn's KFold(10)), then the chosen k on the test images. */
export function digitsKnnStudy() {
  const { train, test } = digitsSplit(); // every fourth image held out
  const folds = kFoldIndices(train.X.rows, 10);
  const options = { algorithm: 'brute' } as const; // 64-d: no tree
  const cv = cvErrorByK(train.X, train.y, folds, DIGITS_KS, options);
  let best = 0; // the smallest mean CV error; the smaller k if tied
  cv.mean.forEach((e, s) => { if (e < cv.mean[best]) best = s; });
  const k = DIGITS_KS[best];
  const model = fitKnnClassifier(train.X, train.y, { k, ...options });
  const yHat = predictKnn(model, test.X);
  const wrong = Float64Array.from(yHat, (v, i) => +(v !== test.y[i]));
  return { cv, k, yHat, yTest: test.y, wrong,
    testError: moments(wrong).mean,
    testSe: Math.sqrt(moments(wrong).variance / wrong.length) };
}
// #endregion

// #region paired
/** Two classifiers' errors on the same m test samples (1 = wrong):
 *  the mean difference and its standard error, from the m paired
 *  differences. */
export function pairedDifference(a: ArrayLike<number>,
  b: ArrayLike<number>) {
  if (a?.length !== b?.length || !(a.length >= 2)) {
    throw new Error(`pairedDifference: a and b must be equally long, ` +
      `with at least 2 errors, got a of ${a?.length} and b of ` +
      `${b?.length}`);
  }
  const diff = Float64Array.from(a, (v, i) => v - b[i]);
  if (!diff.every(Number.isFinite)) {
    throw new Error('pairedDifference: a and b must be finite');
  }
  const { mean, variance } = moments(diff);
  return { mean, se: Math.sqrt(variance / diff.length) };
}
// #endregion

// #region wine
export const WINE_KS = [1, 3, 5, 7, 9, 11, 15, 21, 31];

/** Folds that put row i in fold i mod k: every fold gets every class
 *  of the class-sorted wine file. */
export function interleavedFolds(n: number, k: number): Fold[] {
  checkFoldCount(n, k);
  return Array.from({ length: k }, (_, f) => {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (i % k === f ? test : train).push(i);
    return { train, test };
  });
}

/** 10-fold CV error of k-NN on wine, raw and standardized inside each
 *  training fold, for every k in WINE_KS. */
export function wineScalingStudy() {
  const { X, y, features } = loadWine();
  const folds = interleavedFolds(X.rows, 10);
  const raw = cvErrorByK(X, y, folds, WINE_KS);
  const scaled = cvErrorByK(X, y, folds, WINE_KS, { standardize: true });
  const wrong = (p: Int32Array) => Float64Array.from(p, (v, i) =>
    +(v !== y[i]));
  const paired = WINE_KS.map((_, s) => pairedDifference(
    wrong(raw.predictions[s]), wrong(scaled.predictions[s])));
  const spread = features.map((name, j) => ({
    name, sd: Math.sqrt(moments(X.col(j)).variance),
  }));
  return { raw, scaled, paired, spread };
}
// #endregion

// #region iris-sepal
/** Iris by its two sepal measurements only (cm), and the species. */
export function irisSepals() {
  const { X, y } = loadIris();
  const S = new Matrix(X.rows, 2);
  for (let i = 0; i < X.rows; i++) {
    S.data[2 * i] = X.get(i, 0);
    S.data[2 * i + 1] = X.get(i, 1);
  }
  return { X: S, y };
}
// #endregion

function checkFoldCount(n: number, k: number): void {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(k) || k < 2 ||
    k > n) {
    throw new Error(`interleavedFolds: need integers 2 <= k <= n, got ` +
      `n = ${n}, k = ${k}`);
  }
}
