// The chapter's real data: iris (two and three classes) and the first
// 200 breast masses, standardized by the preprocessing chapter's
// scaler. Node only (reads data files).
import { loadIris } from '../calculus/iris.ts';
import { loadBreastCancer } from '../logistic-regression/breast-cancer.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { fitScaling } from '../preprocessing-and-pipelines/scale.ts';
import { checkCount } from './checks.ts';

// #region iris-two
/** Versicolor (0) against virginica (1): 100 flowers, 4 features. */
export function irisTwoClasses() {
  const { X, y } = loadIris();
  const keep: number[] = [];
  y.forEach((c, i) => { if (c > 0) keep.push(i); });
  const X2 = new Matrix(keep.length, 4);
  keep.forEach((r, k) => X2.data.set(X.data.subarray(4 * r, 4 * r + 4),
    4 * k));
  return { X: X2, y: Int32Array.from(keep, (i) => y[i] - 1) };
}
// #endregion

// #region cancer
/**
 * The first `n` breast masses (1 = malignant), each feature scaled to
 * mean 0 and standard deviation 1 over those rows; the rest of the
 * 569 rows scaled with the same centres and scales.
 */
export function breastCancerScaled(n = 200) {
  checkCount('breastCancerScaled', 'n', n, 2);
  const { X, y } = loadBreastCancer();
  if (n >= X.rows) {
    throw new Error(`breastCancerScaled: n must be < ${X.rows}`);
  }
  const Z = new Matrix(X.rows, X.cols);
  for (let j = 0; j < X.cols; j++) {
    const col = X.col(j);
    const { center, scale } = fitScaling(col.subarray(0, n), 'standard');
    for (let i = 0; i < X.rows; i++) {
      Z.data[i * X.cols + j] = (col[i] - center) / scale;
    }
  }
  const labels = Int32Array.from(y);
  return {
    X: new Matrix(n, X.cols, Z.data.slice(0, n * X.cols)),
    y: labels.slice(0, n),
    Xrest: new Matrix(X.rows - n, X.cols, Z.data.slice(n * X.cols)),
    yrest: labels.slice(n),
  };
}
// #endregion
