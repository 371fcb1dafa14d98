// Low-rank kernel approximations: Nyström (Williams & Seeger 2001) and
// random Fourier features (Rahimi & Recht 2007). Each gives features
// F (n × m) with F Fᵀ ≈ K.
import { Matrix } from '../linear-algebra/matrix.ts';
import { symmetricEigenQR } from '../decompositions/tridiagonal.ts';
import { createRng } from '../introduction/random.ts';
import {
  checkInt, checkKernelSpec, checkMatrix, checkPositiveNumber,
  checkSquare, checkVector,
} from './checks.ts';
import { gram, type KernelSpec } from './kernels.ts';

// #region nystrom
/**
 * Nyström features F = K_nm K_mm^(−1/2), Eq. (kn-nystrom), for the
 * landmark rows `idx` of X; eigenvalues below 1e-12 are raised to it,
 * as scikit-learn's Nystroem does.
 */
export function nystromFeatures(
  X: Matrix, kernel: KernelSpec, idx: Int32Array,
): Matrix {
  checkNystrom(X, kernel, idx);
  const m = idx.length;
  const Z = new Matrix(m, X.cols);
  idx.forEach((r, t) => Z.data.set(X.row(r), t * X.cols));
  const { values, vectors: V } = symmetricEigenQR(gram(kernel, Z, Z));
  const R = new Matrix(m, m); // K_mm^(−1/2) = V diag(1/√ν) Vᵀ
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let s = 0;
      for (let t = 0; t < m; t++) {
        const nu = Math.max(values[t], 1e-12);
        s += (V.data[a * m + t] * V.data[b * m + t]) / Math.sqrt(nu);
      }
      R.data[a * m + b] = s;
    }
  }
  return multiply(gram(kernel, X, Z), R);
}
// #endregion

// #region rff-draw
/** W (d × m), columns ω_j ~ N(0, 2γI), and u (m) uniform on [0, 2π). */
export function rffDraw(d: number, m: number, gamma: number, seed: number) {
  checkInt('rffDraw', 'd', d, 1);
  checkInt('rffDraw', 'm', m, 1);
  checkPositiveNumber('rffDraw', 'gamma', gamma);
  checkInt('rffDraw', 'seed', seed, 0);
  const rng = createRng(seed);
  const W = new Matrix(d, m);
  for (let t = 0; t < d * m; t++) {
    W.data[t] = Math.sqrt(2 * gamma) * rng.normal();
  }
  const u = new Float64Array(m);
  for (let j = 0; j < m; j++) u[j] = 2 * Math.PI * rng.uniform();
  return { W, u };
}
// #endregion

// #region rff
/** φ̂_j(x) = √(2/m) cos(ω_jᵀx + u_j), Eq. (kn-rff); ω_j = column j of W. */
export function rffFeatures(X: Matrix, W: Matrix, u: Float64Array) {
  checkMatrix('rffFeatures', 'X', X, X?.rows);
  checkMatrix('rffFeatures', 'W', W, X.cols, W?.cols, 'but X has cols');
  if (u?.length !== W.cols) {
    throw new Error(`rffFeatures: u has length ${u?.length}, but W ` +
      `has ${W.cols} columns`);
  }
  checkVector('rffFeatures', 'u', u, W.cols);
  const Z = multiply(X, W);
  const m = W.cols, scale = Math.sqrt(2 / m);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < m; j++) {
      const t = i * m + j;
      Z.data[t] = scale * Math.cos(Z.data[t] + u[j]);
    }
  }
  return Z;
}
// #endregion

// #region approx-error
/** ‖K − F Fᵀ‖_F / ‖K‖_F, Eq. (kn-approx-error). */
export function approxError(K: Matrix, F: Matrix): number {
  checkSquare('approxError', 'K', K);
  checkMatrix('approxError', 'F', F, K.rows, F?.cols, 'but K has');
  const n = K.rows, m = F.cols;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < m; t++) {
        s += F.data[i * m + t] * F.data[j * m + t];
      }
      const k = K.data[i * n + j];
      num += (k - s) ** 2;
      den += k * k;
    }
  }
  return Math.sqrt(num / den);
}
// #endregion

/** A B, i-k-j loop order. */
function multiply(A: Matrix, B: Matrix): Matrix {
  const out = new Matrix(A.rows, B.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let k = 0; k < A.cols; k++) {
      const a = A.data[i * A.cols + k];
      for (let j = 0; j < B.cols; j++) {
        out.data[i * B.cols + j] += a * B.data[k * B.cols + j];
      }
    }
  }
  return out;
}

function checkNystrom(X: Matrix, kernel: KernelSpec, idx: Int32Array) {
  checkMatrix('nystromFeatures', 'X', X, X?.rows);
  checkKernelSpec('nystromFeatures', kernel);
  if (!(idx instanceof Int32Array) || idx.length === 0) {
    throw new Error('nystromFeatures: idx must be a non-empty Int32Array');
  }
  const seen = new Set<number>();
  for (const r of idx) {
    checkInt('nystromFeatures', 'idx', r, 0, X.rows - 1);
    if (seen.has(r)) {
      throw new Error(`nystromFeatures: idx repeats row ${r}`);
    }
    seen.add(r);
  }
}
