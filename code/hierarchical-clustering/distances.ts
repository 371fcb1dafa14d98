// The n × n matrix of Euclidean distances that every algorithm of the
// chapter starts from. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkPoints } from './checks.ts';

// #region distances
/** D[i][j] = ‖x_i − x_j‖, summed feature by feature in order (as
 *  SciPy's pdist does, so the two agree bit for bit). 8n² bytes. */
export function pairwiseDistances(X: Matrix): Matrix {
  checkPoints('pairwiseDistances', X);
  const { data: x, rows: n, cols: d } = X;
  const D = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const u = x[i * d + t] - x[j * d + t];
        s += u * u;
      }
      D.data[i * n + j] = D.data[j * n + i] = Math.sqrt(s);
    }
  }
  return D;
}
// #endregion
