// Exercise: leakage through feature selection, measured.
import { createRng } from '../../introduction/random.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { meanSquaredError } from '../../linear-regression/metrics.ts';
import { kFoldIndices } from '../../regularization/cross-validation.ts';
import {
  crossValidate,
  leastSquares,
  type Fitter,
} from '../cross-validation.ts';

// #region select
/** The `keep` columns of X most correlated with y (in absolute value). */
export function topCorrelated(X: Matrix, y: Vector, keep: number) {
  const { rows: n, cols: d } = X;
  let yBar = 0;
  for (let i = 0; i < n; i++) yBar += y[i] / n;
  const score = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let xBar = 0;
    for (let i = 0; i < n; i++) xBar += X.get(i, j) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      const dx = X.get(i, j) - xBar;
      sxy += dx * (y[i] - yBar);
      sxx += dx * dx;
    }
    score[j] = Math.abs(sxy) / Math.sqrt(sxx); // ∝ |correlation|
  }
  const order = Array.from({ length: d }, (_, j) => j);
  return order.sort((a, b) => score[b] - score[a]).slice(0, keep);
}

/** The listed columns of X, in order. */
export function columns(X: Matrix, cols: number[]): Matrix {
  const out = new Matrix(X.rows, cols.length);
  for (let i = 0; i < X.rows; i++) {
    cols.forEach((c, j) => (out.data[i * cols.length + j] = X.get(i, c)));
  }
  return out;
}

// #endregion

// #region leakage-study
/** Least squares on the `keep` best columns, chosen from its own data. */
export function selectThenFit(keep: number): Fitter {
  return (X, y) => {
    const cols = topCorrelated(X, y, keep);
    const model = leastSquares(columns(X, cols), y);
    return (Xnew) => model(columns(Xnew, cols));
  };
}

/** CV MSE with selection on all data (leaky) and inside each fold. */
export function leakageStudy(seed = 123, n = 50, d = 1000, keep = 10) {
  const rng = createRng(seed);
  const X = new Matrix(n, d, rng.normalArray(n * d));
  const y = rng.normalArray(n); // independent of X: the best MSE is 1
  const folds = kFoldIndices(n, 10, rng);
  const chosen = topCorrelated(X, y, keep); // sees every fold's y
  const leaky = crossValidate(columns(X, chosen), y, folds, leastSquares,
    meanSquaredError);
  const honest = crossValidate(X, y, folds, selectThenFit(keep),
    meanSquaredError);
  return {
    leaky: leaky.mean, honest: honest.mean, se: honest.standardError,
  };
}
// #endregion
