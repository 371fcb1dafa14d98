// The M step for the four covariance types, with scikit-learn's floor
// reg_covar added to every variance. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  checkCovType, checkData, checkNumber, checkResp,
  type CovType, type GmmParams,
} from './checks.ts';

// #region m-step
/** The M step: weights, Eq. (gm-m-weights), means, Eq. (gm-m-means),
 *  and covariances of the given type, each from the responsibilities
 *  R (n × k). N_m gets 10 ε, as in scikit-learn, so that an empty
 *  component divides by no zero. */
export function mStep(X: Matrix, R: Matrix, covType: CovType,
  regCovar = 1e-6): GmmParams {
  checkData('mStep', X);
  checkResp('mStep', R, X.rows);
  checkCovType('mStep', covType);
  checkNumber('mStep', 'regCovar', regCovar, 0);
  const { data: x, rows: n, cols: d } = X;
  const k = R.cols;
  const Nk = new Float64Array(k).fill(10 * Number.EPSILON);
  const means = new Matrix(k, d);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < k; m++) {
      const r = R.data[i * k + m];
      Nk[m] += r;
      for (let j = 0; j < d; j++) means.data[m * d + j] += r * x[i * d + j];
    }
  }
  let total = 0;
  for (let m = 0; m < k; m++) total += Nk[m];
  const weights = Nk.map((v) => v / total);
  for (let t = 0; t < k * d; t++) means.data[t] /= Nk[Math.floor(t / d)];
  const scatter = scatters(X, R, means);
  const covs = COVARIANCE[covType](scatter, Nk, total);
  for (const S of new Set(covs)) addFloor(S, regCovar); // tied: once
  return { weights, means, covs };
}
// #endregion

// #region scatter
/** S_m = Σ_i r_im (x_i − μ_m)(x_i − μ_m)ᵀ for every m. */
function scatters(X: Matrix, R: Matrix, means: Matrix): Matrix[] {
  const { data: x, rows: n, cols: d } = X;
  const k = R.cols;
  const diff = new Float64Array(d);
  return Array.from({ length: k }, (_, m) => {
    const S = new Matrix(d, d);
    for (let i = 0; i < n; i++) {
      const r = R.data[i * k + m];
      for (let j = 0; j < d; j++) {
        diff[j] = x[i * d + j] - means.data[m * d + j];
      }
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) S.data[a * d + b] += r * diff[a] *
          diff[b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) S.data[b * d + a] = S.data[a * d + b];
    }
    return S;
  });
}
// #endregion

// #region covariance-types
/** The covariance M step of each type from the scatters S_m:
 *  full Eq. (gm-m-full), tied Eq. (gm-m-tied), diag Eq. (gm-m-diag),
 *  spherical Eq. (gm-m-spherical). */
const COVARIANCE: Record<CovType,
  (S: Matrix[], Nk: Float64Array, total: number) => Matrix[]> = {
  full: (S, Nk) => S.map((s, m) => scaled(s, 1 / Nk[m])),
  tied: (S, _Nk, total) => {
    const sum = scaled(S[0], 1 / total);
    for (let m = 1; m < S.length; m++) {
      for (let t = 0; t < sum.data.length; t++) {
        sum.data[t] += S[m].data[t] / total;
      }
    }
    return S.map(() => sum); // one matrix shared by all components
  },
  diag: (S, Nk) => S.map((s, m) => diagonal(s, 1 / Nk[m])),
  spherical: (S, Nk) => S.map((s, m) => {
    const D = diagonal(s, 1 / Nk[m]);
    const d = D.rows;
    let v = 0; // the mean of the diagonal variances
    for (let j = 0; j < d; j++) v += D.data[j * d + j] / d;
    for (let j = 0; j < d; j++) D.data[j * d + j] = v;
    return D;
  }),
};
// #endregion

function scaled(S: Matrix, c: number): Matrix {
  return new Matrix(S.rows, S.cols, S.data.map((v) => v * c));
}

function diagonal(S: Matrix, c: number): Matrix {
  const d = S.rows;
  const D = new Matrix(d, d);
  for (let j = 0; j < d; j++) D.data[j * d + j] = S.data[j * d + j] * c;
  return D;
}

// #region floor
/** The covariance floor: reg_covar added to each variance, so that no
 *  covariance is singular, Eq. (gm-floor). */
function addFloor(S: Matrix, reg: number): void {
  const d = S.rows;
  for (let j = 0; j < d; j++) S.data[j * d + j] += reg;
}
// #endregion
