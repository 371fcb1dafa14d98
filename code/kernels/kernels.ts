// The chapter's kernels, and kernels built from kernels. Linear and RBF
// Gram matrices come from the SVM chapter's kernelMatrix.
import { Matrix } from '../linear-algebra/matrix.ts';
import { kernelMatrix } from '../support-vector-machines/kernel.ts';
import { checkKernelSpec, checkMatrix } from './checks.ts';

// #region kernel-spec
/** scikit-learn's parameter names: gamma, coef0, degree. */
export type KernelSpec =
  | { kind: 'linear' } // xᵀz
  | { kind: 'polynomial'; gamma: number; coef0: number; degree: number }
  | { kind: 'rbf'; gamma: number } // exp(−γ‖x − z‖²)
  | { kind: 'laplacian'; gamma: number } // exp(−γ‖x − z‖₁)
  | { kind: 'sigmoid'; gamma: number; coef0: number } // not a kernel
  | { kind: 'sum'; a: KernelSpec; b: KernelSpec }
  | { kind: 'product'; a: KernelSpec; b: KernelSpec }
  | { kind: 'scaled'; c: number; a: KernelSpec };
// #endregion

// #region pair-value
/** k(row i of A, row j of B) for the kernels that are not composite. */
function pairValue(
  k: KernelSpec, A: Matrix, i: number, B: Matrix, j: number,
): number {
  const d = A.cols;
  let dot = 0, l1 = 0;
  for (let t = 0; t < d; t++) {
    const a = A.data[i * d + t], b = B.data[j * d + t];
    dot += a * b;
    l1 += Math.abs(a - b);
  }
  switch (k.kind) {
    case 'polynomial': // Eq. (kn-poly)
      return (k.gamma * dot + k.coef0) ** k.degree;
    case 'laplacian': // Eq. (kn-poly), third line
      return Math.exp(-k.gamma * l1);
    case 'sigmoid':
      return Math.tanh(k.gamma * dot + k.coef0);
    default:
      throw new Error(`pairValue: ${k.kind} is not a base kernel`);
  }
}
// #endregion

// #region gram
/** The matrix of k(a_i, b_j): G_ij for the rows of A and B. */
export function gram(k: KernelSpec, A: Matrix, B: Matrix): Matrix {
  checkKernelSpec('gram', k);
  checkMatrix('gram', 'A', A, A?.rows);
  checkMatrix('gram', 'B', B, B?.rows, A.cols, 'but A has');
  return gramOf(k, A, B);
}

function gramOf(k: KernelSpec, A: Matrix, B: Matrix): Matrix {
  if (k.kind === 'linear' || k.kind === 'rbf') {
    return kernelMatrix(k, A, B); // the SVM chapter's
  }
  const out = new Matrix(A.rows, B.rows);
  const o = out.data;
  if (k.kind === 'scaled') { // Eq. (kn-closure), c k
    const G = gramOf(k.a, A, B).data;
    for (let t = 0; t < o.length; t++) o[t] = k.c * G[t];
  } else if (k.kind === 'sum' || k.kind === 'product') {
    const G = gramOf(k.a, A, B).data, H = gramOf(k.b, A, B).data;
    for (let t = 0; t < o.length; t++) {
      o[t] = k.kind === 'sum' ? G[t] + H[t] : G[t] * H[t];
    }
  } else {
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < B.rows; j++) {
        o[i * B.rows + j] = pairValue(k, A, i, B, j);
      }
    }
  }
  return out;
}
// #endregion
