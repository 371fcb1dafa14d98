// Scoring a model by k-fold cross-validation, and learning curves. The
// folds come from kFoldIndices of the regularization chapter.
import { takeRows } from '../gradient-descent/batches.ts';
import { moments } from '../introduction/stats.ts';
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { fitNormalEquations, predict } from '../linear-regression/model.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import {
  calledAs,
  requireFiniteArray,
  requireFunction,
} from '../introduction/checks.ts';

// #region fitter
/** Fits a model to (X, y) and returns its prediction function. */
export type Fitter = (X: Matrix, y: Vector) => (X: Matrix) => Vector;

/** A score of predictions yHat against targets y, e.g. the MSE. */
export type Metric = (y: Vector, yHat: Vector) => number;

/** Least squares with intercept, the linear-regression chapter's fit. */
export const leastSquares: Fitter = (X, y) => {
  const { w, b } = calledAs('leastSquares', () => fitNormalEquations(X, y));
  return (Xnew) => predict(Xnew, w, b);
};
// #endregion

// #region cross-validate
/** The k held-out scores, their mean (Eq. (me-cv)) and its std. error. */
export function crossValidate(
  X: Matrix,
  y: Vector,
  folds: Fold[],
  fitter: Fitter,
  metric: Metric,
): { scores: number[]; mean: number; standardError: number } {
  checkData('crossValidate', X, y, fitter, metric);
  checkFolds('crossValidate', folds, X.rows);
  const scores = folds.map(({ train, test }) => {
    const fit = takeRows(X, y, train);
    const held = takeRows(X, y, test);
    const model = fitter(fit.X, fit.y);
    return checkScore('crossValidate', metric(held.y, model(held.X)));
  });
  const { mean, variance } = moments(scores);
  const standardError = Math.sqrt(variance / folds.length);
  return { scores, mean, standardError };
}
// #endregion

// #region check-folds
/** Throws unless the test sets partition 0..n−1 and every train set
 * is the complement of its test set. */
export function checkFolds(fn: string, folds: Fold[], n: number): void {
  if (!Array.isArray(folds) || folds.length < 2) {
    throw new Error(`${fn}: need at least 2 folds, got ${folds?.length}`);
  }
  folds.forEach((f, k) => {
    if (!Array.isArray(f?.train) || !Array.isArray(f?.test)) {
      throw new Error(`${fn}: folds[${k}] needs train and test arrays`);
    }
  });
  const seen = new Uint8Array(n);
  folds.forEach(({ train, test }, f) => {
    const inTest = new Uint8Array(n);
    for (const i of test) {
      if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) {
        throw new Error(
          `${fn}: index ${i} in the test set of fold ${f} is outside ` +
            `0..${n - 1} or already held out by an earlier fold`,
        );
      }
      seen[i] = inTest[i] = 1;
    }
    const complement = train.length + test.length === n &&
      train.every((i) => Number.isInteger(i) && i >= 0 && i < n &&
        !inTest[i]);
    if (!complement || new Set(train).size !== train.length) {
      throw new Error(
        `${fn}: the train set of fold ${f} is not the complement of ` +
          'its test set',
      );
    }
  });
  const missing = seen.indexOf(0);
  if (missing >= 0) {
    throw new Error(`${fn}: sample ${missing} is in no test set`);
  }
}

function checkData(
  fn: string,
  X: Matrix,
  y: Vector,
  fitter: Fitter,
  metric: Metric,
): void {
  requireFunction(fn, 'fitter', fitter);
  requireFunction(fn, 'metric', metric);
  if (!(X instanceof Matrix) || y?.length !== X.rows) {
    throw new Error(`${fn}: X must be an n × d Matrix and y ` +
      `vector(n); got ${shapeOf(X)} and ${shapeOf(y)}`);
  }
  checkFinite(fn, 'X', X);
  checkFinite(fn, 'y', y);
}
// #endregion

// #region learning-curve
/**
 * For each fold and each size m: fit on the first m training indices,
 * score on them and on the held-out fold. Rows are sizes, columns folds.
 */
export function learningCurve(
  X: Matrix,
  y: Vector,
  folds: Fold[],
  sizes: number[],
  fitter: Fitter,
  metric: Metric,
): { sizes: number[]; train: number[][]; test: number[][] } {
  checkData('learningCurve', X, y, fitter, metric);
  checkFolds('learningCurve', folds, X.rows);
  requireFiniteArray('learningCurve', 'sizes', sizes);
  const smallest = folds.reduce(
    (m, f) => Math.min(m, f.train.length), Infinity);
  for (const m of sizes) {
    if (!Number.isInteger(m) || m < 1 || m > smallest) {
      throw new Error(
        `learningCurve: size ${m} must be an integer in ` +
          `[1, ${smallest}], the smallest training fold`,
      );
    }
  }
  const train = sizes.map(() => [] as number[]);
  const test = sizes.map(() => [] as number[]);
  for (const fold of folds) {
    const held = takeRows(X, y, fold.test);
    sizes.forEach((m, s) => {
      const fit = takeRows(X, y, fold.train.slice(0, m));
      const model = fitter(fit.X, fit.y);
      const score = (t: Vector, M: Matrix) =>
        checkScore('learningCurve', metric(t, model(M)));
      train[s].push(score(fit.y, fit.X));
      test[s].push(score(held.y, held.X));
    });
  }
  return { sizes, train, test };
}
// #endregion

/** A metric's value: finite, or the error names the caller. */
function checkScore(fn: string, s: number): number {
  if (typeof s !== 'number' || !Number.isFinite(s)) {
    throw new Error(`${fn}: metric returned ${s}; expected a finite ` +
      'number');
  }
  return s;
}
