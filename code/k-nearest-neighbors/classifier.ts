// The k-nearest-neighbour classifier: a weighted vote among the k
// nearest training rows. Browser-safe.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import {
  checkLabels,
  checkQueries,
  checkVotes,
} from './checks.ts';
import type { Neighbors } from './brute.ts';
import {
  kneighbors,
  knnIndex,
  neighborWeights,
  type KnnIndex,
  type KnnOptions,
  type Weights,
} from './model.ts';
import { checkWeights } from './checks.ts';

// #region fit
/** A fitted classifier: the training rows and their labels 0..K−1. */
export interface KnnClassifier extends KnnIndex {
  y: Int32Array;
  K: number;
}

/** "Training" stores X and y (and builds a tree); nothing is fitted. */
export function fitKnnClassifier(
  X: Matrix, y: Int32Array, options: KnnOptions,
): KnnClassifier {
  const K = checkLabels('fitKnnClassifier', X, y);
  return { ...knnIndex('fitKnnClassifier', X, options), y, K };
}
// #endregion

// #region vote
/** S[q, c]: the summed weight of the first k neighbours of query q
 *  that have label c, Eq. (knn-scores). An m × K matrix. */
export function voteScores(
  nb: Neighbors, y: Int32Array, K: number, weights: Weights, k = nb?.k,
): Matrix {
  checkVotes('voteScores', nb, y, K, k);
  checkWeights('voteScores', weights);
  const m = nb.indices.length / nb.k;
  const S = new Matrix(m, K);
  for (let q = 0; q < m; q++) {
    const at = q * nb.k;
    const w = neighborWeights(nb.distances.subarray(at, at + k), weights);
    for (let t = 0; t < k; t++) {
      S.data[q * K + y[nb.indices[at + t]]] += w[t];
    }
  }
  return S;
}
// #endregion

// #region argmax
/** Per row, the class with the largest score; a tie goes to the
 *  smallest label, Eq. (knn-vote). */
export function argmaxRows(S: Matrix): Int32Array {
  if (!(S instanceof Matrix)) {
    throw new Error('argmaxRows: S must be a Matrix');
  }
  checkFinite('argmaxRows', 'S', S);
  const { rows: m, cols: K, data } = S;
  const yHat = new Int32Array(m);
  for (let q = 0; q < m; q++) {
    for (let c = 1; c < K; c++) {
      if (data[q * K + c] > data[q * K + yHat[q]]) yHat[q] = c;
    }
  }
  return yHat;
}
// #endregion

// #region predict
/** The vote scores of each row of Q. */
export function classScores(model: KnnClassifier, Q: Matrix): Matrix {
  checkQueries('classScores', model, Q);
  const { y, K, weights } = model;
  return voteScores(kneighbors(model, Q), y, K, weights);
}

/** The predicted label of each row of Q, Eq. (knn-vote). */
export function predictKnn(model: KnnClassifier, Q: Matrix): Int32Array {
  checkQueries('predictKnn', model, Q);
  return argmaxRows(classScores(model, Q));
}

/** P̂(y = c | x_q) = S[q, c] / Σ_c' S[q, c'], Eq. (knn-proba). */
export function predictProbaKnn(model: KnnClassifier, Q: Matrix) {
  checkQueries('predictProbaKnn', model, Q);
  const S = classScores(model, Q);
  const { K } = model;
  for (let q = 0; q < Q.rows; q++) {
    let total = 0;
    for (let c = 0; c < K; c++) total += S.data[q * K + c];
    for (let c = 0; c < K; c++) S.data[q * K + c] /= total;
  }
  return S;
}
// #endregion

