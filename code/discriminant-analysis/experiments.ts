// The chapter's studies: LDA against PCA as a 2-D projection of the wine
// data, with cross-validated accuracy; Gaussian data whose logistic
// weights are known.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';
import { kFoldIndices } from '../regularization/cross-validation.ts';
import { columnMeans } from './gda.ts';
import { empiricalCovariance } from './shrinkage.ts';
import { fitLdaEigen, ldaDecision, ldaTransform } from './fit-lda.ts';
import {
  checkClasses, checkMatrix, checkPriors, checkQueries,
} from './checks.ts';

// #region pca-projection
/** Fits a projection on (X, y); returns the map it applies to rows. */
export type Projector = (X: Matrix, y: Int32Array) => (Q: Matrix) => Matrix;

/** PCA: standardise, then the top two principal directions. */
export function pca2(X: Matrix, y: Int32Array): (Q: Matrix) => Matrix {
  checkClasses('pca2', X, y);
  const m = columnMeans(X);
  const S = empiricalCovariance(X);
  const d = X.cols;
  const sd = m.map((_, j) => Math.sqrt(S.data[j * d + j]) || 1);
  const R = new Matrix(d, d, S.data.map((v, t) => // correlation matrix
    v / (sd[Math.floor(t / d)] * sd[t % d])));
  const { vectors: V } = symmetricEigen(R);
  return (Q) => {
    checkQueries('pca2', Q, d);
    const Z = new Matrix(Q.rows, 2);
    for (let i = 0; i < Q.rows; i++) {
      for (let j = 0; j < d; j++) {
        const z = (Q.data[i * d + j] - m[j]) / sd[j];
        Z.data[2 * i] += z * V.data[j * d];
        Z.data[2 * i + 1] += z * V.data[j * d + 1];
      }
    }
    return Z;
  };
}
// #endregion

// #region lda-projection
/** LDA: the K − 1 = 2 discriminant directions of solver "eigen". */
export function lda2(X: Matrix, y: Int32Array): (Q: Matrix) => Matrix {
  checkClasses('lda2', X, y, 2);
  const fit = fitLdaEigen(X, y);
  return (Q) => ldaTransform(fit, Q);
}
// #endregion

// #region projection-cv
/** Fits a classifier on (X, y); returns its n x K scores of rows. */
export type Fitter = (X: Matrix, y: Int32Array) => (Q: Matrix) => Matrix;

/** Accuracy of a classifier, fold by fold, over k shuffled folds. */
export function cvAccuracy(
  X: Matrix, y: Int32Array, fit: Fitter, k = 10, seed = 1,
): Float64Array {
  checkCv(X, y, fit, k, seed);
  const folds = kFoldIndices(X.rows, k, createRng(seed));
  return Float64Array.from(folds, ({ train, test }) => {
    const [Xa, ya] = takeRows(X, y, train);
    const [Xb, yb] = takeRows(X, y, test);
    const S = fit(Xa, ya)(Xb); // fitted on the training fold only
    let right = 0;
    for (let i = 0; i < yb.length; i++) {
      if (argmax(S.row(i)) === yb[i]) right++;
    }
    return right / yb.length;
  });
}

// #endregion

// #region lda-after
/** LDA refitted in the plane of a projection fitted on the same rows. */
export function ldaAfter(project: Projector): Fitter {
  if (typeof project !== 'function') {
    throw new Error(`ldaAfter: project must be a function, got ${project}`);
  }
  return (X, y) => {
    const p = project(X, y);
    const fit = fitLdaEigen(p(X), y);
    return (Q) => ldaDecision(fit, p(Q));
  };
}
// #endregion

function checkCv(
  X: Matrix, y: Int32Array, fit: Fitter, k: number, seed: number,
): void {
  checkClasses('cvAccuracy', X, y, 2);
  if (typeof fit !== 'function') {
    throw new Error(`cvAccuracy: fit must be a function, got ${fit}`);
  }
  if (!Number.isInteger(k) || k < 2 || k > X.rows) {
    throw new Error(`cvAccuracy: k must be an integer in 2..${X.rows}, ` +
      `got ${k}`);
  }
  if (!Number.isInteger(seed)) {
    throw new Error(`cvAccuracy: seed must be an integer, got ${seed}`);
  }
}

/** The index of the largest entry (the first, on ties). */
export function argmax(v: Float64Array): number {
  if (!(v instanceof Float64Array) || v.length === 0) {
    throw new Error(`argmax: v must be a non-empty Float64Array`);
  }
  checkFinite('argmax', 'v', v);
  let best = 0;
  for (let j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
  return best;
}

/** The rows idx of X and y. */
export function takeRows(
  X: Matrix, y: Int32Array, idx: readonly number[],
): [Matrix, Int32Array] {
  checkClasses('takeRows', X, y);
  if (!Array.isArray(idx) || idx.length === 0) {
    throw new Error(`takeRows: idx must be a non-empty array of rows, ` +
      `got ${Array.isArray(idx) ? 'an empty array' : idx}`);
  }
  const d = X.cols;
  const out = new Matrix(idx.length, d);
  idx.forEach((i, r) => {
    if (!(Number.isInteger(i) && i >= 0 && i < X.rows)) {
      throw new Error(`takeRows: idx[${r}] = ${i} is not a row of X`);
    }
    out.data.set(X.data.subarray(i * d, i * d + d), r * d);
  });
  return [out, Int32Array.from(idx, (i) => y[i])];
}

// #region fisher-ratio
/** tr(S_W⁻¹ S_B) = Σ_j γ_j of the points X: Eq. (da-fisher-trace). */
export function fisherRatio(X: Matrix, y: Int32Array): number {
  checkClasses('fisherRatio', X, y, 2);
  return fitLdaEigen(X, y).gammas.reduce((s, g) => s + g, 0);
}
// #endregion

// #region gaussian-classes
/** n points of K Gaussian classes N(μ_k, Σ = A Aᵀ), labels ~ π. */
export function gaussianClasses(
  n: number, means: Matrix, A: Matrix, priors: Float64Array, seed: number,
): { X: Matrix; y: Int32Array } {
  checkGaussian(n, means, A, priors, seed);
  const { rows: K, cols: d } = means;
  const rng = createRng(seed);
  const X = new Matrix(n, d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let u = rng.uniform();
    while (y[i] < K - 1 && u >= priors[y[i]]) u -= priors[y[i]++];
    const z = Float64Array.from({ length: d }, () => rng.normal());
    for (let a = 0; a < d; a++) {
      let v = means.data[y[i] * d + a];
      for (let b = 0; b < d; b++) v += A.data[a * d + b] * z[b];
      X.data[i * d + a] = v;
    }
  }
  return { X, y };
}
// #endregion

function checkGaussian(
  n: number, means: Matrix, A: Matrix, priors: Float64Array, seed: number,
): void {
  checkMatrix('gaussianClasses', 'means', means);
  checkMatrix('gaussianClasses', 'A', A);
  const { rows: K, cols: d } = means;
  if (!Number.isInteger(n) || n < 1 || A.rows !== d || A.cols !== d ||
    priors.length !== K) {
    throw new Error(`gaussianClasses: need n >= 1, A ${d}x${d} and ` +
      `${K} priors; got n = ${n}, A ${A.rows}x${A.cols}, ` +
      `${priors.length} priors`);
  }
  checkPriors('gaussianClasses', priors, K);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`gaussianClasses: seed must be an integer >= 0, ` +
      `got ${seed}`);
  }
}
