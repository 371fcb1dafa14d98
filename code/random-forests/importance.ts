// Two importances: the forest's mean decrease in impurity (MDI), and
// permutation importance, the drop of a held-out score when one
// feature's column is shuffled.
import { featureImportances } from '../decision-trees/importance.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { requireFunction } from '../introduction/checks.ts';
import {
  checkCount,
  checkForest,
  checkMatrix,
  checkTargets,
} from './checks.ts';
import type { Forest } from './forest.ts';

// #region mdi
/** Eq. (rf-mdi): the trees' impurity importances averaged, scaled to
 *  sum to 1 (trees that are a single leaf are left out, as in
 *  scikit-learn). */
export function forestImportances(forest: Forest): Float64Array {
  checkForest('forestImportances', forest);
  const out = new Float64Array(forest.nFeatures);
  for (const tree of forest.trees) {
    if (tree.nodeCount < 2) continue;
    const imp = featureImportances(tree);
    for (let j = 0; j < out.length; j++) out[j] += imp[j];
  }
  let total = 0;
  for (let j = 0; j < out.length; j++) total += out[j];
  return total > 0 ? out.map((v) => v / total) : out;
}
// #endregion

// #region permutation
/** Eq. (rf-permutation): for each feature, the mean drop (and its
 *  standard deviation over the repeats) of score(y, predict(X)) when
 *  that column of X is shuffled. */
export function permutationImportance(
  predict: (X: Matrix) => ArrayLike<number>, X: Matrix,
  y: ArrayLike<number>, score: (y: ArrayLike<number>,
    yHat: ArrayLike<number>) => number, repeats = 5, seed = 0,
) {
  checkPermutation(predict, X, y, score, repeats, seed);
  const rng = createRng(seed);
  const base = score(y, predict(X));
  const mean = new Float64Array(X.cols);
  const std = new Float64Array(X.cols);
  for (let j = 0; j < X.cols; j++) {
    const drops: number[] = [];
    for (let q = 0; q < repeats; q++) { // Q shuffles
      const Xp = new Matrix(X.rows, X.cols, X.data.slice());
      const order = rng.shuffle(Array.from({ length: X.rows },
        (_, i) => i));
      order.forEach((from, i) => {
        Xp.data[i * X.cols + j] = X.data[from * X.cols + j];
      });
      drops.push(base - score(y, predict(Xp)));
    }
    mean[j] = drops.reduce((a, b) => a + b, 0) / repeats;
    const ss = drops.reduce((a, b) => a + (b - mean[j]) ** 2, 0);
    std[j] = Math.sqrt(ss / repeats);
  }
  return { base, mean, std };
}
// #endregion

function checkPermutation(
  predict: unknown, X: Matrix, y: ArrayLike<number>, score: unknown,
  repeats: number, seed: number,
): void {
  const fn = 'permutationImportance';
  requireFunction(fn, 'predict', predict);
  checkMatrix(fn, X);
  checkTargets(fn, y, X.rows, false);
  requireFunction(fn, 'score', score);
  checkCount(fn, 'repeats', repeats, 1);
  checkCount(fn, 'seed', seed, 0);
}
