// The chapter's studies on real data: iris (choosing k) and wine (why
// features must share a scale). Node only: it loads data files.
import { loadIris } from '../calculus/iris.ts';
import { createRng } from '../introduction/random.ts';
import { standardize } from '../linear-regression/scaling.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadWine } from '../k-nearest-neighbors/wine.ts';
import { checkData, checkInt, checkLabels } from './checks.ts';
import { bestOf, chooseK } from './experiments.ts';

// #region purity
/** The share of points whose cluster's most common class is their own
 *  class: 1 when every cluster holds one class. */
export function purity(labels: Int32Array, y: Int32Array, k: number,
  classes: number): number {
  checkInt('purity', 'k', k, 1);
  checkInt('purity', 'classes', classes, 1);
  checkLabels('purity', labels, labels?.length, k);
  checkLabels('purity', y, labels.length, classes);
  const table = new Float64Array(k * classes);
  for (let i = 0; i < y.length; i++) table[labels[i] * classes + y[i]]++;
  let agree = 0;
  for (let m = 0; m < k; m++) {
    let most = 0;
    for (let c = 0; c < classes; c++) {
      most = Math.max(most, table[m * classes + c]);
    }
    agree += most;
  }
  return agree / y.length;
}
// #endregion

// #region wine-scaling
/** k = 3 on the 13 wine measurements, raw and standardized: how well
 *  the clusters match the three cultivars. */
export function wineScaling(runs = 10, seed = 3) {
  checkInt('wineScaling', 'runs', runs, 1);
  checkInt('wineScaling', 'seed', seed, 0, 2 ** 40);
  const { X, y } = loadWine();
  const raw = bestOf(X, 3, runs, createRng(seed));
  const scaled = bestOf(standardize(X).Z, 3, runs, createRng(seed));
  return {
    n: X.rows,
    raw: purity(raw.labels, y, 3, 3),
    scaled: purity(scaled.labels, y, 3, 3),
    prolineSd: sd(X, 12),
    hueSd: sd(X, 10),
  };
}
// #endregion

/** Iris: inertia and silhouette for k = 2..8 (best of 10 runs). */
export function irisChooseK() {
  const { X, y } = loadIris();
  const rows = chooseK(X, [2, 3, 4, 5, 6, 7, 8], 10, 1);
  const three = bestOf(X, 3, 10, createRng(4));
  return { rows, n: X.rows, purity3: purity(three.labels, y, 3, 3) };
}

function sd(X: Matrix, j: number): number {
  checkData('sd', X);
  const v = X.col(j);
  let mean = 0;
  for (const t of v) mean += t / v.length;
  let ss = 0;
  for (const t of v) ss += (t - mean) ** 2;
  return Math.sqrt(ss / v.length);
}
