// LDA as scikit-learn fits it: solver "eigen" (with or without
// shrinkage) and solver "svd", whose discriminant directions, transform
// and scores differ from "eigen"'s in scale and in centring only.
import { Matrix } from '../linear-algebra/matrix.ts';
import { choleskyFor } from '../decompositions/cholesky.ts';
import { classMoments } from './gda.ts';
import { ldaScores, linearScores, type LinearScores } from './lda.ts';
import { generalizedEigen } from './fisher.ts';
import {
  empiricalCovariance, ledoitWolfCovariance, shrunkCovariance,
} from './shrinkage.ts';
import { checkClasses, checkIn, checkQueries } from './checks.ts';

export type Shrinkage = number | 'auto' | null;

/** An MLE covariance, or a shrunk one (Eqs. (da-shrunk), (da-lw)). */
function covarianceWith(X: Matrix, shrinkage: Shrinkage): Matrix {
  if (shrinkage === 'auto') return ledoitWolfCovariance(X).Sigma;
  const S = empiricalCovariance(X);
  return shrinkage === null ? S : shrunkCovariance(S, shrinkage);
}

// #region lda-fit-type
export interface LdaFit extends LinearScores {
  priors: Float64Array; means: Matrix;
  covariance: Matrix; // Σ_k π_k Σ_k, Eq. (da-pooled) when unshrunk
  scalings: Matrix; // d x (K − 1): the discriminant directions
  ratios: Float64Array; // explained_variance_ratio_
  gammas: Float64Array; // all d eigenvalues γ_j of S_B w = γ S_W w
  center: Float64Array; // subtracted before projecting
}
// #endregion

// #region fit-eigen
/** solver "eigen": S_W = Σ π_k Σ_k, S_B = Σ_total − S_W. */
export function fitLdaEigen(
  X: Matrix, y: Int32Array, shrinkage: Shrinkage = null,
): LdaFit {
  const K = checkClasses('fitLdaEigen', X, y, 2);
  checkShrinkage('fitLdaEigen', shrinkage);
  const { priors, means } = classMoments(X, y);
  const d = X.cols;
  const covariance = new Matrix(d, d);
  for (let k = 0; k < K; k++) {
    const C = covarianceWith(rowsOf(X, y, k), shrinkage);
    for (let t = 0; t < d * d; t++) {
      covariance.data[t] += priors[k] * C.data[t];
    }
  }
  const total = covarianceWith(X, shrinkage);
  const SB = new Matrix(d, d, total.data.map((v, t) =>
    v - covariance.data[t]));
  choleskyFor('fitLdaEigen', covariance, `the within-class covariance ` +
    `(d = ${d} features, n − K = ${X.rows - K}):`); // singular?
  const { gammas, W } = generalizedEigen(SB, covariance);
  const sum = gammas.reduce((s, g) => s + g, 0);
  const m = Math.min(K - 1, d);
  return { ...ldaScores(means, covariance, priors), priors, means,
    covariance, scalings: firstColumns(W, m),
    ratios: gammas.slice(0, m).map((g) => g / sum), gammas,
    center: new Float64Array(d) };
}
// #endregion

// #region fit-svd
/** solver "svd": the same directions, scaled for the n − K divisor. */
export function fitLdaSvd(X: Matrix, y: Int32Array): LdaFit {
  const K = checkClasses('fitLdaSvd', X, y, 2);
  const n = X.rows;
  const e = fitLdaEigen(X, y);
  const m = e.scalings.cols;
  const c = Math.sqrt((n - K) / n); // Eq. (da-svd-scale)
  const center = new Float64Array(X.cols); // x̄ = Σ_k π_k μ_k
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < X.cols; j++) {
      center[j] += e.priors[k] * e.means.data[k * X.cols + j];
    }
  }
  const sumTop = e.ratios.reduce((s, r) => s + r, 0);
  const pooled = new Matrix(X.cols, X.cols,
    e.covariance.data.map((v) => (v * n) / (n - K)));
  const moved = new Matrix(K, X.cols, e.means.data.map((v, t) =>
    v - center[t % X.cols]));
  const s = ldaScores(moved, pooled, e.priors); // scores of x − x̄
  const b = s.b.map((bk, k) => bk - dotRow(s.W, k, center));
  return { ...e, W: s.W, b, center,
    scalings: new Matrix(X.cols, m, e.scalings.data.map((v) => c * v)),
    ratios: e.ratios.map((r) => r / sumTop) };
}
// #endregion

// #region transform
/** The projection (X − center) · scalings: n x (K − 1). */
export function ldaTransform(fit: LdaFit, X: Matrix): Matrix {
  const { scalings: V, center } = fit;
  checkQueries('ldaTransform', X, V.rows);
  const Z = new Matrix(X.rows, V.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let a = 0; a < V.cols; a++) {
      let z = 0;
      for (let j = 0; j < V.rows; j++) {
        z += (X.data[i * V.rows + j] - center[j]) * V.data[j * V.cols + a];
      }
      Z.data[i * V.cols + a] = z;
    }
  }
  return Z;
}
// #endregion

/** The fitted model's n x K scores δ_k(x_i) (decision_function). */
export function ldaDecision(fit: LdaFit, X: Matrix): Matrix {
  checkQueries('ldaDecision', X, fit.W.cols);
  return linearScores(fit, X);
}

/** The rows of X in class k. */
function rowsOf(X: Matrix, y: Int32Array, k: number): Matrix {
  const idx: number[] = [];
  for (let i = 0; i < y.length; i++) if (y[i] === k) idx.push(i);
  const d = X.cols;
  const out = new Matrix(idx.length, d);
  idx.forEach((i, r) => out.data.set(X.data.subarray(i * d, i * d + d),
    r * d));
  return out;
}

function firstColumns(W: Matrix, m: number): Matrix {
  const out = new Matrix(W.rows, m);
  for (let i = 0; i < W.rows; i++) {
    for (let j = 0; j < m; j++) {
      out.data[i * m + j] = W.data[i * W.cols + j];
    }
  }
  return out;
}

function dotRow(W: Matrix, k: number, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < W.cols; j++) s += W.data[k * W.cols + j] * x[j];
  return s;
}

function checkShrinkage(fn: string, s: Shrinkage): void {
  if (s === null || s === 'auto') return;
  checkIn(fn, 'shrinkage', s, 0, 1);
}
