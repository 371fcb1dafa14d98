// libsvm's probability model for two classes: Platt's sigmoid fitted to
// decision values from an internal cross-validation. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { calledAs } from '../introduction/checks.ts';
import { createRng } from '../introduction/random.ts';
import { checkClassLabels, checkCount, checkMatrix } from './checks.ts';
import { fitPlatt } from './platt.ts';
import { ovoValues } from './predict.ts';
import { fitSvc, type SvcOptions } from './svc.ts';

// #region cv-platt
/**
 * Out-of-fold decision values, then Platt's fit on them. Fold k is
 * every folds-th row of a seeded shuffle (libsvm cuts its own shuffle
 * into consecutive blocks, from its own generator: not reproduced).
 * Labels 0/1; f > 0 means class 1, as in scikit-learn.
 */
export function plattByCv(
  X: Matrix, labels: Int32Array, opts: SvcOptions, folds = 5, seed = 0,
) {
  if (checkClassLabels('plattByCv', labels) !== 2) {
    throw new Error('plattByCv: labels must be 0 and 1');
  }
  checkMatrix('plattByCv', 'X', X, labels.length, undefined, 'labels has');
  checkCount('plattByCv', 'folds', folds, 2);
  if (folds > X.rows) throw new Error('plattByCv: folds must be <= n');
  return calledAs('plattByCv', () => cvFit(X, labels, opts, folds, seed));
}

function cvFit(
  X: Matrix, labels: Int32Array, opts: SvcOptions, folds: number,
  seed: number,
) {
  checkCount('plattByCv', 'seed', seed, 0);
  const n = X.rows;
  const order = createRng(seed).shuffle([...Array(n).keys()]);
  const f = new Float64Array(n);
  for (let k = 0; k < folds; k++) {
    const test = order.filter((_, r) => r % folds === k);
    const train = order.filter((_, r) => r % folds !== k);
    const m = fitSvc(rows(X, train),
      Int32Array.from(train, (i) => labels[i]), opts);
    const F = ovoValues(m, rows(X, test));
    test.forEach((i, r) => { f[i] = -F.data[r]; }); // class 1 positive
  }
  const y = Int8Array.from(labels, (c) => (c === 1 ? 1 : -1));
  return { f, ...fitPlatt(f, y) };
}
// #endregion

function rows(X: Matrix, idx: readonly number[]): Matrix {
  const out = new Matrix(idx.length, X.cols);
  idx.forEach((r, k) =>
    out.data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols),
      k * X.cols));
  return out;
}
