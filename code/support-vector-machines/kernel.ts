// The two kernels of this chapter and the matrix Q of the dual.
// Browser-safe: the interactive figure fits with it.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkKernel, checkMatrix, checkSigns } from './checks.ts';

/** A linear kernel xᵀz, or the RBF kernel exp(−γ‖x − z‖²). */
export type Kernel =
  | { kind: 'linear' }
  | { kind: 'rbf'; gamma: number };

// #region kernel
/** K(row i of A, row j of B): Eq. (sv-linear-kernel) or Eq. (sv-rbf). */
function kernelAt(
  k: Kernel, A: Matrix, i: number, B: Matrix, j: number,
): number {
  const d = A.cols;
  let s = 0;
  if (k.kind === 'linear') {
    for (let t = 0; t < d; t++) {
      s += A.data[i * d + t] * B.data[j * d + t];
    }
    return s;
  }
  for (let t = 0; t < d; t++) {
    const diff = A.data[i * d + t] - B.data[j * d + t];
    s += diff * diff;
  }
  return Math.exp(-k.gamma * s);
}
// #endregion

// #region kernel-matrix
/** The matrix of K(a_i, b_j) for the rows of A and of B. */
export function kernelMatrix(k: Kernel, A: Matrix, B: Matrix): Matrix {
  checkKernel('kernelMatrix', k);
  checkMatrix('kernelMatrix', 'A', A, A?.rows);
  checkMatrix('kernelMatrix', 'B', B, B.rows, A.cols, 'but A has');
  const out = new Matrix(A.rows, B.rows);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.rows; j++) {
      out.data[i * B.rows + j] = kernelAt(k, A, i, B, j);
    }
  }
  return out;
}
// #endregion

// #region q-matrix
/**
 * Q_ij = y_i y_j K(x_i, x_j), Eq. (sv-dual), stored in single
 * precision as libsvm stores its kernel cache; the diagonal QD in
 * double, as libsvm keeps it.
 */
export function dualMatrix(k: Kernel, X: Matrix, y: Int8Array) {
  checkKernel('dualMatrix', k);
  checkSigns('dualMatrix', y);
  checkMatrix('dualMatrix', 'X', X, y.length, undefined, 'y has');
  const n = X.rows;
  const Q = new Float32Array(n * n);
  const QD = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    QD[i] = kernelAt(k, X, i, X, i);
    for (let j = 0; j < n; j++) {
      Q[i * n + j] = y[i] * y[j] * kernelAt(k, X, i, X, j);
    }
  }
  return { Q, QD };
}
// #endregion
