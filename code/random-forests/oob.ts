// Out-of-bag prediction: each sample is predicted by the trees whose
// bootstrap sample left it out, about a share 1/e of them.
import { predictProba, predictTree } from '../decision-trees/predict.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { r2Score } from '../linear-regression/metrics.ts';
import { checkForest, checkMatrix, checkTargets } from './checks.ts';
import type { Forest } from './forest.ts';
import { argmaxRows } from '../k-nearest-neighbors/classifier.ts';

// #region oob
/** Per training sample: the mean prediction (class probabilities, or
 *  the regression mean) of the trees that did not draw it, and how
 *  many trees that is. A sample no tree left out gets NaN. */
export function oobPredict(forest: Forest, X: Matrix) {
  checkForest('oobPredict', forest);
  checkMatrix('oobPredict', X, forest.nFeatures);
  const K = forest.task === 'classification' ? forest.nClasses : 1;
  const sum = new Float64Array(X.rows * K);
  const votes = new Int32Array(X.rows);
  forest.trees.forEach((tree, b) => {
    const p = forest.task === 'classification' ? predictProba(tree, X)
      : predictTree(tree, X);
    for (let i = 0; i < X.rows; i++) {
      if (forest.inBag[b][i] > 0) continue; // tree b trained on i
      votes[i]++;
      for (let k = 0; k < K; k++) sum[i * K + k] += p[i * K + k];
    }
  });
  const value = sum.map((s, t) => s / votes[Math.floor(t / K)]);
  return { value, votes };
}
// #endregion

// #region oob-score
/** Accuracy (classification) or R² (regression) of the out-of-bag
 *  predictions, over the samples that have at least one. */
export function oobScore(
  forest: Forest, X: Matrix, y: ArrayLike<number>,
): { score: number; used: number } {
  checkForest('oobScore', forest);
  checkMatrix('oobScore', X, forest.nFeatures);
  checkTargets('oobScore', y, X.rows, forest.task === 'classification');
  const { value, votes } = oobPredict(forest, X);
  const K = forest.task === 'classification' ? forest.nClasses : 1;
  const yy: number[] = [], P: number[] = [];
  for (let i = 0; i < X.rows; i++) {
    if (votes[i] === 0) continue; // no tree left sample i out
    yy.push(y[i]);
    for (let k = 0; k < K; k++) P.push(value[i * K + k]);
  }
  if (yy.length === 0) {
    throw new Error('oobScore: no sample is out of bag for any tree');
  }
  if (forest.task === 'regression') {
    return { score: r2Score(Float64Array.from(yy), Float64Array.from(P)),
      used: yy.length };
  }
  const hat = argmaxRows(new Matrix(yy.length, K, Float64Array.from(P)));
  let right = 0;
  for (let i = 0; i < yy.length; i++) right += yy[i] === hat[i] ? 1 : 0;
  return { score: right / yy.length, used: yy.length };
}
// #endregion
