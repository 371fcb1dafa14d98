// The bias and variance of k-NN regression at a fixed design: the
// prediction is a weighted average of k noisy targets, so both are
// exact sums. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { kneighbors, knnIndex, neighborWeights } from './model.ts';
import type { Weights } from './model.ts';
import { checkWeights } from './checks.ts';

// #region bias-variance
/** For y_i = f(x_i) + ε_i, Var ε_i = σ², and the rows of Q: the mean
 *  over queries of the squared bias and of the variance of the k-NN
 *  prediction, Eq. (knn-bias-variance). fX holds f(x_i), fQ f(q). */
export function knnBiasVariance(
  X: Matrix, fX: Vector, Q: Matrix, fQ: Vector, sigma: number,
  k: number, weights: Weights = 'uniform',
) {
  checkBiasVariance(X, fX, Q, fQ, sigma);
  checkWeights('knnBiasVariance', weights);
  const nb = kneighbors(knnIndex('knnBiasVariance', X, { k }), Q);
  let bias2 = 0;
  let variance = 0;
  for (let q = 0; q < Q.rows; q++) {
    const at = q * k;
    const w = neighborWeights(nb.distances.subarray(at, at + k), weights);
    const total = w.reduce((s, v) => s + v, 0);
    let mean = 0; // E ŷ(q) = Σ l_t f(x_(t)), l_t = w_t / Σ w
    let sumL2 = 0; // Var ŷ(q) = σ² Σ l_t²
    for (let t = 0; t < k; t++) {
      const l = w[t] / total;
      mean += l * fX[nb.indices[at + t]];
      sumL2 += l * l;
    }
    bias2 += (mean - fQ[q]) ** 2 / Q.rows;
    variance += (sigma ** 2 * sumL2) / Q.rows;
  }
  return { bias2, variance };
}
// #endregion

function checkBiasVariance(
  X: Matrix, fX: Vector, Q: Matrix, fQ: Vector, sigma: number,
): void {
  const fn = 'knnBiasVariance';
  if (!(X instanceof Matrix) || !(Q instanceof Matrix) ||
    !(fX instanceof Float64Array) || !(fQ instanceof Float64Array) ||
    fX.length !== X.rows || fQ.length !== Q.rows) {
    throw new Error(`${fn}: need matrices X, Q and Float64Arrays fX, ` +
      'fQ with one value per row of X and of Q');
  }
  if (Q.cols !== X.cols) {
    throw new Error(`${fn}: X is ${shapeOf(X)} and Q is ${shapeOf(Q)}; ` +
      'they need the same columns');
  }
  checkFinite(fn, 'X', X);
  checkFinite(fn, 'Q', Q);
  checkFinite(fn, 'fX', fX);
  checkFinite(fn, 'fQ', fQ);
  if (!(sigma >= 0 && Number.isFinite(sigma))) {
    throw new Error(`${fn}: sigma must be finite and >= 0, got ${sigma}`);
  }
}
