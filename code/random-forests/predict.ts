// Using a forest: every tree predicts, the forest averages.
import { predictProba, predictTree } from '../decision-trees/predict.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
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

/** The class of largest mean probability (the first of ties), or
 *  Eq. (rf-average), the mean of the regression trees. */
export function predictForest(forest: Forest, X: Matrix): Float64Array {
  checkPredict('predictForest', forest, X);
  if (forest.task === 'classification') {
    return argmaxRows(predictForestProba(forest, X), forest.nClasses);
  }
  const out = new Float64Array(X.rows);
  for (const tree of forest.trees) {
    const v = predictTree(tree, X);
    for (let i = 0; i < X.rows; i++) out[i] += v[i] / forest.trees.length;
  }
  return out;
}
// #endregion

/** The index of the largest entry of each row of K (first of ties). */
export function argmaxRows(P: ArrayLike<number>, K: number) {
  if (!Number.isInteger(K) || K < 1 || P?.length % K !== 0) {
    throw new Error(`argmaxRows: P must hold rows of K >= 1 entries, ` +
      `got ${P?.length} entries and K = ${K}`);
  }
  const out = new Float64Array(P.length / K);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) {
      if (P[i * K + k] > P[i * K + best]) best = k;
    }
    out[i] = best;
  }
  return out;
}

function checkPredict(fn: string, forest: Forest, X: Matrix): void {
  checkForest(fn, forest);
  checkMatrix(fn, X, forest.nFeatures);
}
