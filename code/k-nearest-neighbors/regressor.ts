// k-nearest-neighbour regression: a weighted average of the k nearest
// training targets. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  kneighbors,
  knnIndex,
  neighborWeights,
  type KnnIndex,
  type KnnOptions,
} from './model.ts';
import { checkQueries } from './checks.ts';

// #region fit-regressor
/** A fitted regressor: the training rows and their targets. */
export interface KnnRegressor extends KnnIndex {
  y: Vector;
}

export function fitKnnRegressor(
  X: Matrix, y: Vector, options: KnnOptions,
): KnnRegressor {
  const fn = 'fitKnnRegressor';
  if (!(y instanceof Float64Array) || !(X instanceof Matrix) ||
    y.length !== X.rows) {
    throw new Error(`${fn}: X is ${X instanceof Matrix ? shapeOf(X)
      : typeof X}, so y must be a Float64Array of the same length`);
  }
  checkFinite(fn, 'y', y);
  return { ...knnIndex(fn, X, options), y };
}
// #endregion

// #region regress

/** ŷ(x_q) = Σ_t w_t y_(t) / Σ_t w_t over the k neighbours,
 *  Eq. (knn-regression). */
export function predictKnnRegression(
  model: KnnRegressor, Q: Matrix,
): Vector {
  checkQueries('predictKnnRegression', model, Q);
  const nb = kneighbors(model, Q);
  const yHat = new Float64Array(Q.rows);
  for (let q = 0; q < Q.rows; q++) {
    const at = q * nb.k;
    const dist = nb.distances.subarray(at, at + nb.k);
    const w = neighborWeights(dist, model.weights);
    let num = 0;
    let den = 0;
    for (let t = 0; t < nb.k; t++) {
      num += w[t] * model.y[nb.indices[at + t]];
      den += w[t];
    }
    yHat[q] = num / den;
  }
  return yHat;
}
// #endregion
