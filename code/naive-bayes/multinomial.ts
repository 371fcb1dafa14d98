// Multinomial naive Bayes: per class, one categorical distribution over
// the features (n-grams, words) from which every occurrence is drawn.
import {
  requireFinite,
  requireInteger,
} from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkColumns,
  checkCounts,
  checkCsr,
  checkLabels,
  checkPrior,
  MAX_CLASSES,
} from './checks.ts';
import { classLogPrior, type PriorOptions } from './posterior.ts';
import type { Csr } from './sparse.ts';

// #region multinomial-model
export interface MultinomialNB {
  K: number;
  d: number;
  alpha: number; // pseudo-count added to every feature count
  classCount: Float64Array; // n_c, documents per class
  classLogPrior: Float64Array; // log π_c
  featureCount: Matrix; // K x d: N_cj, occurrences of feature j in c
  featureLogProb: Matrix; // K x d: log θ_cj
}

export interface SmoothingOptions extends PriorOptions {
  /** Laplace (1, the default) or Lidstone (any alpha >= 0). */
  alpha?: number;
}
// #endregion

// #region class-feature-counts
/** n_c and N_cj = Σ_{i: y_i = c} x_ij, summed over the non-zeros. */
export function classFeatureCounts(X: Csr, y: ArrayLike<number>,
  K: number) {
  checkCsr('classFeatureCounts', X);
  requireInteger('classFeatureCounts', 'K', K, 2, MAX_CLASSES);
  if (checkLabels('classFeatureCounts', y, X.rows) > K) {
    throw new Error(`classFeatureCounts: y has labels >= K = ${K}`);
  }
  const classCount = new Float64Array(K);
  const featureCount = new Matrix(K, X.cols);
  for (let i = 0; i < X.rows; i++) {
    classCount[y[i]] += 1;
    for (let t = X.indptr[i]; t < X.indptr[i + 1]; t++) {
      featureCount.data[y[i] * X.cols + X.indices[t]] += X.values[t];
    }
  }
  return { classCount, featureCount };
}
// #endregion

// #region multinomial-fit
/** log θ_cj = log(N_cj + α) − log(N_c + dα): Eq. (nb-lidstone). */
export function fitMultinomialNB(
  X: Csr,
  y: ArrayLike<number>,
  o: SmoothingOptions = {},
): MultinomialNB {
  const { K, alpha } = checkTextFit('fitMultinomialNB', X, y, o);
  const d = X.cols;
  const { classCount, featureCount } = classFeatureCounts(X, y, K);
  const featureLogProb = new Matrix(K, d);
  for (let c = 0; c < K; c++) {
    let total = 0; // N_c + dα
    for (let j = 0; j < d; j++) total += featureCount.data[c * d + j];
    total += d * alpha;
    for (let j = 0; j < d; j++) {
      featureLogProb.data[c * d + j] =
        Math.log(featureCount.data[c * d + j] + alpha) - Math.log(total);
    }
  }
  return { K, d, alpha, classCount, featureCount, featureLogProb,
    classLogPrior: classLogPrior(classCount, o) };
}
// #endregion

// #region multinomial-jll
/** J_ic = log π_c + Σ_j x_ij log θ_cj over the non-zeros of row i:
 *  Eq. (nb-multinomial-jll). */
export function multinomialJll(model: MultinomialNB, X: Csr): Matrix {
  checkCsr('multinomialJll', X);
  checkColumns('multinomialJll', model.d, X.cols);
  const { K, d, featureLogProb: L } = model;
  const out = new Matrix(X.rows, K);
  for (let i = 0; i < X.rows; i++) {
    for (let c = 0; c < K; c++) {
      let s = model.classLogPrior[c];
      for (let t = X.indptr[i]; t < X.indptr[i + 1]; t++) {
        s += X.values[t] * L.data[c * d + X.indices[t]];
      }
      out.data[i * K + c] = s;
    }
  }
  return out;
}
// #endregion

/** Validates the arguments of a text model's fit; returns K, alpha. */
export function checkTextFit(fn: string, X: Csr, y: ArrayLike<number>,
  o: SmoothingOptions) {
  checkCsr(fn, X);
  if (fn === 'fitMultinomialNB') checkCounts(fn, X);
  const K = checkLabels(fn, y, X.rows);
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  if (o.classPrior !== undefined) checkPrior(fn, o.classPrior, K);
  const alpha = o.alpha ?? 1;
  requireFinite(fn, 'alpha', alpha);
  const min = fn === 'fitBernoulliNB' ? 'gt' : 'ge'; // see the text
  if (alpha < 0 || (min === 'gt' && alpha === 0)) {
    throw new Error(`${fn}: alpha must be ${min === 'gt' ? '>' : '>='} ` +
      `0, got ${alpha}`);
  }
  return { K, alpha };
}
