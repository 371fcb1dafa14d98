// Using a forest: every tree predicts, the forest averages.
import { predictProba, predictTree } from '../decision-trees/predict.ts';
import { argmaxRows } from '../k-nearest-neighbors/classifier.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkForest, checkMatrix } from './checks.ts';
import type { Forest } from './forest.ts';

// #region predict
/** Eq. (rf-proba): the mean of the trees' class probabilities,
 *  n rows of K. */
export function predictForestProba(forest: Forest, X: Matrix) {
  checkPredict('predictForestProba', forest, X);
  if (forest.task !== 'classification') {
    throw new Error('predictForestProba: a regression forest has no ' +
      'classes');
  }
  const B = forest.trees.length;
  const P = new Float64Array(X.rows * forest.nClasses);
  for (const tree of forest.trees) {
    const p = predictProba(tree, X);
    for (let t = 0; t < P.length; t++) P[t] += p[t] / B;
  }
  return P;
}
// #endregion

// #region predict-class
/** The class of largest mean probability (the first of ties), or
 *  Eq. (rf-average), the mean of the regression trees. */
export function predictForest(forest: Forest, X: Matrix): Float64Array {
  checkPredict('predictForest', forest, X);
  if (forest.task === 'classification') {
    const P = predictForestProba(forest, X);
    return Float64Array.from(argmaxRows(new Matrix(X.rows,
      forest.nClasses, P))); // the first of ties, as scikit-learn
  }
  const out = new Float64Array(X.rows);
  for (const tree of forest.trees) {
    const v = predictTree(tree, X);
    for (let i = 0; i < X.rows; i++) out[i] += v[i] / forest.trees.length;
  }
  return out;
}
// #endregion

function checkPredict(fn: string, forest: Forest, X: Matrix): void {
  checkForest(fn, forest);
  checkMatrix(fn, X, forest.nFeatures);
}
