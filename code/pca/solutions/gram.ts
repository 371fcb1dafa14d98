// Exercise: PCA of n < d data through the n x n Gram matrix.
import { symmetricEigen } from '../../decompositions/eigen.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkData, checkK } from '../checks.ts';
import { centre } from '../pca.ts';

// #region gram
/** Top k directions (rows) and variances from G = Xc Xc^T. */
export function gramPca(X: Matrix, k: number) {
  checkData('gramPca', X);
  checkK('gramPca', k, Math.min(X.rows - 1, X.cols));
  const { Xc } = centre(X);
  const { rows: n, cols: d } = Xc;
  const G = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < n; l++) {
      let g = 0;
      for (let a = 0; a < d; a++) {
        g += Xc.data[i * d + a] * Xc.data[l * d + a];
      }
      G.data[i * n + l] = g;
    }
  }
  const { values, vectors: Vg } = symmetricEigen(G); // G a_j = s_j^2 a_j
  const components = new Matrix(k, d);
  for (let j = 0; j < k; j++) {
    const s = Math.sqrt(Math.max(values[j], 0)); // s_j
    for (let i = 0; i < n; i++) { // v_j = Xc^T a_j / s_j
      const v = Vg.data[i * n + j] / s;
      for (let a = 0; a < d; a++) {
        components.data[j * d + a] += Xc.data[i * d + a] * v;
      }
    }
  }
  const variances = values.slice(0, k).map((l) => l / (n - 1));
  return { components, variances };
}
// #endregion
