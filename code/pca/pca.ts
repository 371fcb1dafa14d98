// Principal component analysis: fitted by the SVD of the centred data
// or by the eigendecomposition of its covariance matrix.
import { svd } from '../decompositions/svd.ts';
import { symmetricEigenQR } from '../decompositions/tridiagonal.ts';
import { Matrix, type Vector } from '../linear-algebra/matrix.ts';
import { checkData, checkK, checkModelInput } from './checks.ts';

// #region model
/** A fitted PCA; the field names follow scikit-learn's attributes. */
export interface PcaModel {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** The column means x̄, Eq. (pca-centre). */
  readonly mean: Vector;
  /** k x d: row j is the unit direction v_j (components_). */
  readonly components: Matrix;
  /** lambda_j = s_j^2 / (n - 1), largest first, Eq. (pca-svd-eig). */
  readonly explainedVariance: Vector;
  readonly explainedVarianceRatio: Vector;
  readonly singularValues: Vector;
  /** tr(S), the total variance. */
  readonly totalVariance: number;
  /** The mean of the d - k dropped eigenvalues, Eq. (ppca-sigma). */
  readonly noiseVariance: number;
  /** Scores divided by sqrt(lambda_j), Eq. (pca-whiten). */
  readonly whiten: boolean;
}

export interface PcaOptions {
  readonly method?: 'svd' | 'covariance';
  readonly whiten?: boolean;
}
// #endregion

// #region centre
/** X - 1 x̄^T and x̄, Eq. (pca-centre). */
export function centre(X: Matrix): { Xc: Matrix; mean: Vector } {
  checkData('centre', X);
  const { rows: n, cols: d } = X;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mean[j] += X.data[i * d + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  const Xc = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      Xc.data[i * d + j] = X.data[i * d + j] - mean[j];
    }
  }
  return { Xc, mean };
}
// #endregion

// #region fit-svd
/** Directions V and all variances from the thin SVD of Xc. */
function bySvd(Xc: Matrix): { V: Matrix; variances: Vector } {
  const { s, V } = svd(Xc); // Xc = U diag(s) V^T
  const n = Xc.rows;
  const variances = s.map((sj) => (sj * sj) / (n - 1)); // Eq. (pca-svd-eig)
  return { V, variances };
}
// #endregion

// #region fit-covariance
/** Directions and variances from the eigenvectors of S. */
function byCovariance(Xc: Matrix): { V: Matrix; variances: Vector } {
  const { rows: n, cols: d } = Xc;
  const S = new Matrix(d, d); // Eq. (pca-cov): Xc^T Xc / (n - 1)
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const xa = Xc.data[i * d + a] / (n - 1);
      if (xa === 0) continue;
      for (let b = a; b < d; b++) {
        S.data[a * d + b] += xa * Xc.data[i * d + b];
      }
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < a; b++) S.data[a * d + b] = S.data[b * d + a];
  }
  const { values, vectors } = symmetricEigenQR(S);
  return { V: vectors, variances: values.map((l) => Math.max(l, 0)) };
}
// #endregion

// #region fit-pca
/** PCA with k components: the top k directions and their variances. */
export function fitPca(
  X: Matrix, k: number, options: PcaOptions = {},
): PcaModel {
  checkData('fitPca', X);
  const { rows: n, cols: d } = X;
  checkK('fitPca', k, Math.min(n, d));
  const method = checkOptions('fitPca', options);
  const { Xc, mean } = centre(X);
  const { V, variances } =
    method === 'svd' ? bySvd(Xc) : byCovariance(Xc);
  const components = new Matrix(k, d);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < d; i++) {
      components.data[j * d + i] = V.data[i * V.cols + j];
    }
  }
  flipSigns(components);
  return summarize(n, d, k, mean, components, variances,
    options.whiten ?? false);
}
// #endregion

// #region summarize
function summarize(
  n: number, d: number, k: number, mean: Vector, components: Matrix,
  variances: Vector, whiten: boolean,
): PcaModel {
  let total = 0;
  for (const l of variances) total += l;
  let dropped = 0; // the eigenvalues past min(n, d) are zero
  for (let j = k; j < variances.length; j++) dropped += variances[j];
  const ev = variances.slice(0, k);
  return {
    n, d, k, mean, components, whiten,
    explainedVariance: ev,
    explainedVarianceRatio: ev.map((l) => l / total),
    singularValues: ev.map((l) => Math.sqrt(l * (n - 1))),
    totalVariance: total,
    noiseVariance: k < d ? dropped / (d - k) : 0, // Eq. (ppca-sigma)
  };
}
// #endregion

// #region flip-signs
/** Each v_j times +-1 so that its largest |entry| is positive. */
function flipSigns(C: Matrix): void {
  const d = C.cols;
  for (let j = 0; j < C.rows; j++) {
    let best = 0;
    for (let i = 0; i < d; i++) {
      const x = C.data[j * d + i];
      if (Math.abs(x) > Math.abs(best)) best = x;
    }
    if (best < 0) {
      for (let i = 0; i < d; i++) C.data[j * d + i] *= -1;
    }
  }
}
// #endregion

function checkOptions(fn: string, o: PcaOptions): 'svd' | 'covariance' {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  const method = o.method ?? 'svd';
  if (method !== 'svd' && method !== 'covariance') {
    throw new Error(`${fn}: options.method must be 'svd' or ` +
      `'covariance', got ${String(method)}`);
  }
  if (o.whiten !== undefined && typeof o.whiten !== 'boolean') {
    throw new Error(`${fn}: options.whiten must be a boolean, got ` +
      `${String(o.whiten)}`);
  }
  return method;
}

// #region transform
/** Scores z_i = V_k^T (x_i - x̄), Eq. (pca-scores), whitened or not. */
export function transform(model: PcaModel, X: Matrix): Matrix {
  checkModelInput('transform', model, X, model.d, 'X');
  const { k, d, components: C, mean } = model;
  const Z = new Matrix(X.rows, k);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < k; j++) {
      let z = 0;
      for (let a = 0; a < d; a++) {
        z += C.data[j * d + a] * (X.data[i * d + a] - mean[a]);
      }
      Z.data[i * k + j] = model.whiten
        ? z / Math.sqrt(model.explainedVariance[j]) // Eq. (pca-whiten)
        : z;
    }
  }
  return Z;
}

/** x̂_i = x̄ + V_k z_i, Eq. (pca-reconstruct). */
export function inverseTransform(model: PcaModel, Z: Matrix): Matrix {
  checkModelInput('inverseTransform', model, Z, model.k, 'Z');
  const { k, d, components: C, mean } = model;
  const X = new Matrix(Z.rows, d);
  for (let i = 0; i < Z.rows; i++) {
    const row = X.data.subarray(i * d, (i + 1) * d);
    row.set(mean);
    for (let j = 0; j < k; j++) {
      let z = Z.data[i * k + j];
      if (model.whiten) z *= Math.sqrt(model.explainedVariance[j]);
      for (let a = 0; a < d; a++) row[a] += z * C.data[j * d + a];
    }
  }
  return X;
}
// #endregion
