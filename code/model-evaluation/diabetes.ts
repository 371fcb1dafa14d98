// Evaluating least squares on the diabetes data: training error, one
// hold-out split, k-fold and leave-one-out cross-validation, the spread
// of these estimates, and a learning curve. Node only (reads the file).
import { calledAs, requireInteger } from '../introduction/checks.ts';
import { takeRows } from '../gradient-descent/batches.ts';
import { createRng } from '../introduction/random.ts';
import { moments } from '../introduction/stats.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import {
  meanSquaredError,
  r2Score,
} from '../linear-regression/metrics.ts';
import { kFoldIndices } from '../regularization/cross-validation.ts';
import {
  crossValidate,
  learningCurve,
  leastSquares,
} from './cross-validation.ts';
import { meanAbsoluteError, rootMeanSquaredError } from './metrics.ts';
import { trainTestSplit } from './splits.ts';

export const HOLDOUT_TRAIN = 342; // rows 0..341 fit, 342..441 test
export const SPREAD = { repeats: 200, testFraction: 0.2, k: 10 };
export const CURVE = {
  k: 5,
  sizes: [12, 15, 20, 25, 30, 40, 50, 70, 100, 140, 200, 270, 353],
};

// #region diabetes-holdout
/** Fit on the first rows, score on the rest, Eq. (me-holdout-se). */
export function diabetesHoldout(train = HOLDOUT_TRAIN) {
  requireInteger('diabetesHoldout', 'train', train, 11, 440);
  const { X, y } = loadDiabetes();
  const fitIdx = Array.from({ length: train }, (_, i) => i);
  const testIdx = Array.from({ length: X.rows - train }, (_, i) =>
    train + i);
  const fit = takeRows(X, y, fitIdx);
  const held = takeRows(X, y, testIdx);
  const yTest = held.y;
  const yHat = leastSquares(fit.X, fit.y)(held.X);
  const losses = yTest.map((yi, i) => (yi - yHat[i]) ** 2);
  return {
    yHat,
    mseStandardError: Math.sqrt(moments(losses).variance / losses.length),
    mae: meanAbsoluteError(yTest, yHat),
    mse: meanSquaredError(yTest, yHat),
    rmse: rootMeanSquaredError(yTest, yHat),
    r2: r2Score(yTest, yHat),
  };
}
// #endregion

// #region diabetes-cv
/** Training MSE against 10-fold and leave-one-out estimates. */
export function diabetesCrossValidation(k = 10) {
  requireInteger('diabetesCrossValidation', 'k', k, 2, 442);
  const { X, y } = loadDiabetes();
  const folds = kFoldIndices(X.rows, k); // contiguous, as KFold(k)
  const cv = (metric: typeof meanSquaredError) =>
    crossValidate(X, y, folds, leastSquares, metric);
  const loo = kFoldIndices(X.rows, X.rows); // one sample per fold
  return {
    trainMse: meanSquaredError(y, leastSquares(X, y)(X)),
    mse: cv(meanSquaredError),
    mae: cv(meanAbsoluteError),
    r2: cv(r2Score),
    looMse: crossValidate(X, y, loo, leastSquares, meanSquaredError).mean,
  };
}
// #endregion

// #region diabetes-spread
/** MSE estimates from many random hold-out splits and many shuffled
 * k-fold runs: how much does the estimate depend on the split? */
export function diabetesSpread(repeats = SPREAD.repeats, seed = 7) {
  requireInteger('diabetesSpread', 'repeats', repeats, 1);
  requireInteger('diabetesSpread', 'seed', seed);
  const { X, y } = loadDiabetes();
  const { testFraction, k } = SPREAD;
  const rng = createRng(seed);
  const holdout = new Float64Array(repeats);
  const kFold = new Float64Array(repeats);
  for (let r = 0; r < repeats; r++) {
    const { train, test } = trainTestSplit(X.rows, testFraction, rng);
    const fit = takeRows(X, y, train);
    const held = takeRows(X, y, test);
    const model = leastSquares(fit.X, fit.y);
    holdout[r] = meanSquaredError(held.y, model(held.X));
    const folds = kFoldIndices(X.rows, k, rng);
    kFold[r] = crossValidate(X, y, folds, leastSquares,
      meanSquaredError).mean;
  }
  return { holdout, kFold };
}
// #endregion

// #region diabetes-learning-curve
/** Mean training and validation MSE over k folds, per training size. */
export function diabetesLearningCurve(sizes = CURVE.sizes, k = CURVE.k) {
  const fn = 'diabetesLearningCurve';
  requireInteger(fn, 'k', k, 2, 442);
  const { X, y } = loadDiabetes();
  const folds = kFoldIndices(X.rows, k);
  const lc = calledAs(fn, () => learningCurve(X, y, folds, sizes,
    leastSquares, meanSquaredError));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return sizes.map((n, s) => ({
    n, train: mean(lc.train[s]), test: mean(lc.test[s]),
  }));
}
// #endregion
