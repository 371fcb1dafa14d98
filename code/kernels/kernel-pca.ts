// Kernel PCA: the eigenvectors of the Gram matrix centred in feature
// space, and the projection of new points onto them.
import { Matrix } from '../linear-algebra/matrix.ts';
import { symmetricEigenQR } from '../decompositions/tridiagonal.ts';
import {
  checkInt, checkKernelSpec, checkMatrix, checkSymmetric, checkVector,
} from './checks.ts';
import { gram, type KernelSpec } from './kernels.ts';

// #region center-gram
/**
 * K̃ = K − 1K − K1 + 1K1, Eq. (kn-center), for 1 the n × n matrix of
 * 1/n: subtract row and column means, add back the grand mean.
 */
export function centerGram(K: Matrix): Matrix {
  checkSymmetric('centerGram', 'K', K);
  const n = K.rows;
  const { col, all } = means(K);
  const out = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out.data[i * n + j] = K.data[i * n + j] - col[i] - col[j] + all;
    }
  }
  return out;
}
// #endregion

/** Column means of the symmetric K (= row means), and the grand mean. */
function means(K: Matrix) {
  const n = K.rows;
  const col = new Float64Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) col[j] += K.data[i * n + j] / n;
  }
  for (let j = 0; j < n; j++) all += col[j] / n;
  return { col, all };
}

export interface KernelPca {
  kernel: KernelSpec;
  X: Matrix;
  values: Float64Array; // eigenvalues of K̃, largest first
  coef: Matrix; // n × k: column j is v_j / √μ_j, Eq. (kn-kpca-coef)
  col: Float64Array; // column means of the training K
  all: number; // its grand mean
}

// #region kpca-fit
/** The top k eigenpairs of K̃; coefficients v_j / √μ_j. */
export function fitKernelPca(
  X: Matrix, kernel: KernelSpec, k: number,
): KernelPca {
  checkFit(X, kernel, k);
  const K = gram(kernel, X, X);
  const { col, all } = means(K);
  const eig = symmetricEigenQR(centerGram(K));
  const n = X.rows;
  const coef = new Matrix(n, k);
  for (let j = 0; j < k; j++) {
    const mu = eig.values[j];
    if (!(mu > 1e-12 * eig.values[0])) {
      throw new Error(`fitKernelPca: eigenvalue ${j + 1} of the ` +
        `centred K is ${mu}, not positive; ask for fewer components`);
    }
    for (let i = 0; i < n; i++) {
      coef.data[i * k + j] = eig.vectors.data[i * n + j] / Math.sqrt(mu);
    }
  }
  return { kernel, X, values: eig.values.slice(0, k), coef, col, all };
}
// #endregion

// #region kpca-transform
/** Scores of new rows: their centred kernel row times coef. */
export function kpcaTransform(m: KernelPca, Xq: Matrix): Matrix {
  checkTransform(m, Xq);
  const Kq = gram(m.kernel, Xq, m.X); // q × n
  const n = m.X.rows, k = m.coef.cols;
  const out = new Matrix(Xq.rows, k);
  for (let r = 0; r < Xq.rows; r++) {
    const row = Kq.data.subarray(r * n, (r + 1) * n);
    let rowMean = 0;
    for (let i = 0; i < n; i++) rowMean += row[i] / n;
    for (let i = 0; i < n; i++) { // Eq. (kn-center-new)
      const c = row[i] - rowMean - m.col[i] + m.all;
      for (let j = 0; j < k; j++) {
        out.data[r * k + j] += c * m.coef.data[i * k + j];
      }
    }
  }
  return out;
}
// #endregion

/** Largest |a − b| over two score (or eigenvector) matrices after
 *  matching each column's sign: components are defined up to sign. */
export function maxDiffUpToSign(A: Matrix, B: Matrix): number {
  checkMatrix('maxDiffUpToSign', 'A', A, A?.rows);
  checkMatrix('maxDiffUpToSign', 'B', B, A.rows, A.cols, 'as A:');
  let d = 0;
  for (let j = 0; j < A.cols; j++) {
    let minus = 0, plus = 0;
    for (let i = 0; i < A.rows; i++) {
      const a = A.data[i * A.cols + j], b = B.data[i * A.cols + j];
      minus = Math.max(minus, Math.abs(a - b));
      plus = Math.max(plus, Math.abs(a + b));
    }
    d = Math.max(d, Math.min(minus, plus));
  }
  return d;
}

function checkFit(X: Matrix, kernel: KernelSpec, k: number): void {
  checkKernelSpec('fitKernelPca', kernel);
  checkMatrix('fitKernelPca', 'X', X, X?.rows);
  checkInt('fitKernelPca', 'k', k, 1, X.rows);
}

function checkTransform(m: KernelPca, Xq: Matrix): void {
  const fn = 'kpcaTransform';
  if (m === null || typeof m !== 'object') {
    throw new Error(`${fn}: model must be a fitted KernelPca`);
  }
  checkKernelSpec(fn, m.kernel);
  checkMatrix(fn, 'model.X', m.X, m.X?.rows);
  const n = m.X.rows;
  checkMatrix(fn, 'model.coef', m.coef, n, m.coef?.cols);
  checkVector(fn, 'model.col', m.col, n);
  if (typeof m.all !== 'number' || !Number.isFinite(m.all)) {
    throw new Error(`${fn}: model.all must be a finite number`);
  }
  checkMatrix(fn, 'Xq', Xq, Xq?.rows, m.X.cols);
}
