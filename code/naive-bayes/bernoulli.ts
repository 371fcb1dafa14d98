// Bernoulli naive Bayes: per class, an independent coin for each
// feature, "present" or "absent"; absent features count too.
import { Matrix } from '../linear-algebra/matrix.ts';
import { calledAs, requireFinite } from '../introduction/checks.ts';
import { checkColumns, checkCsr } from './checks.ts';
import {
  checkTextFit,
  classFeatureCounts,
  type SmoothingOptions,
} from './multinomial.ts';
import { classLogPrior } from './posterior.ts';
import type { Csr } from './sparse.ts';

// #region bernoulli-model
export interface BernoulliNB {
  K: number;
  d: number;
  alpha: number;
  binarize: number; // a feature is present when x_ij > binarize
  classCount: Float64Array; // n_c
  classLogPrior: Float64Array;
  featureCount: Matrix; // K x d: documents of c in which j is present
  featureLogProb: Matrix; // K x d: log θ_cj
  absentLogProb: Matrix; // K x d: log(1 − θ_cj)
}
// #endregion

// #region binarize
/** x_ij > threshold as 1, else 0 (kept sparse: zeros are dropped). */
export function binarizeCsr(X: Csr, threshold = 0): Csr {
  checkCsr('binarizeCsr', X);
  requireFinite('binarizeCsr', 'threshold', threshold);
  const rows = Array.from({ length: X.rows }, () => 0);
  const keep: number[] = [];
  for (let i = 0; i < X.rows; i++) {
    for (let t = X.indptr[i]; t < X.indptr[i + 1]; t++) {
      if (X.values[t] > threshold) { keep.push(t); rows[i] += 1; }
    }
  }
  const indptr = new Int32Array(X.rows + 1);
  for (let i = 0; i < X.rows; i++) indptr[i + 1] = indptr[i] + rows[i];
  return { rows: X.rows, cols: X.cols, indptr,
    indices: Int32Array.from(keep, (t) => X.indices[t]),
    values: new Float64Array(keep.length).fill(1) };
}
// #endregion

// #region bernoulli-fit
/** θ_cj = (N_cj + α) / (n_c + 2α): Eq. (nb-bernoulli-map). */
export function fitBernoulliNB(
  X: Csr,
  y: ArrayLike<number>,
  o: SmoothingOptions & { binarize?: number } = {},
): BernoulliNB {
  const { K, alpha } = checkTextFit('fitBernoulliNB', X, y, o);
  const binarize = o.binarize ?? 0;
  const B = calledAs('fitBernoulliNB', () => binarizeCsr(X, binarize));
  const { classCount, featureCount } = classFeatureCounts(B, y, K);
  const d = X.cols;
  const featureLogProb = new Matrix(K, d);
  const absentLogProb = new Matrix(K, d);
  for (let c = 0; c < K; c++) {
    const denominator = Math.log(classCount[c] + 2 * alpha);
    for (let j = 0; j < d; j++) {
      const present = featureCount.data[c * d + j];
      featureLogProb.data[c * d + j] =
        Math.log(present + alpha) - denominator;
      absentLogProb.data[c * d + j] =
        Math.log(classCount[c] - present + alpha) - denominator;
    }
  }
  return { K, d, alpha, binarize, classCount, featureCount,
    featureLogProb, absentLogProb,
    classLogPrior: classLogPrior(classCount, o) };
}
// #endregion

// #region bernoulli-jll
/** J_ic = log π_c + Σ_j log(1 − θ_cj)
 *        + Σ_{j present} [log θ_cj − log(1 − θ_cj)]:
 *  Eq. (nb-bernoulli-jll), a sum over the non-zeros only. */
export function bernoulliJll(model: BernoulliNB, X: Csr): Matrix {
  checkCsr('bernoulliJll', X);
  checkColumns('bernoulliJll', model.d, X.cols);
  const B = binarizeCsr(X, model.binarize);
  const { K, d, featureLogProb: L, absentLogProb: A } = model;
  const out = new Matrix(X.rows, K);
  for (let c = 0; c < K; c++) {
    let allAbsent = model.classLogPrior[c];
    for (let j = 0; j < d; j++) allAbsent += A.data[c * d + j];
    for (let i = 0; i < X.rows; i++) {
      let s = allAbsent;
      for (let t = B.indptr[i]; t < B.indptr[i + 1]; t++) {
        const j = c * d + B.indices[t];
        s += L.data[j] - A.data[j];
      }
      out.data[i * K + c] = s;
    }
  }
  return out;
}
// #endregion
