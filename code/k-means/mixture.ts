// k-means as the σ → 0 limit of a Gaussian mixture with equal
// weights and shared covariance σ²I. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkCenters, checkNumber } from './checks.ts';

// #region responsibilities
/** r_im = exp(−‖x_i − μ_m‖²/2σ²) / Σ_l exp(−‖x_i − μ_l‖²/2σ²),
 *  Eq. (km-responsibility), computed with the smallest distance
 *  subtracted first so that no exponential underflows to 0/0. */
export function responsibilities(X: Matrix, mu: Matrix,
  sigma: number): Matrix {
  checkCenters('responsibilities', X, mu);
  checkNumber('responsibilities', 'sigma', sigma, 0, true);
  const { data: x, rows: n, cols: d } = X;
  const k = mu.rows;
  const R = new Matrix(n, k);
  const q = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let qMin = Infinity;
    for (let m = 0; m < k; m++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        s += (x[i * d + j] - mu.data[m * d + j]) ** 2;
      }
      q[m] = s;
      qMin = Math.min(qMin, s);
    }
    let z = 0;
    for (let m = 0; m < k; m++) {
      const r = Math.exp(-(q[m] - qMin) / (2 * sigma ** 2));
      R.data[i * k + m] = r;
      z += r;
    }
    for (let m = 0; m < k; m++) R.data[i * k + m] /= z;
  }
  return R;
}
// #endregion
