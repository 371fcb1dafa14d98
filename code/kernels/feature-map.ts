// The explicit feature map of the degree-2 polynomial kernel.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkInt, checkMatrix, checkNumber } from './checks.ts';

// #region poly2-map
/**
 * φ(x) with φ(x)ᵀφ(z) = (xᵀz + c)², Eq. (kn-poly2-map): the squares
 * x_j², the cross terms √2 x_j x_l (j < l), √(2c) x_j, and c.
 */
export function poly2Map(X: Matrix, c: number): Matrix {
  checkMatrix('poly2Map', 'X', X, X?.rows);
  checkNumber('poly2Map', 'c', c, 0);
  const d = X.cols;
  const D = (d * (d + 1)) / 2 + d + 1;
  const out = new Matrix(X.rows, D);
  for (let i = 0; i < X.rows; i++) {
    const x = X.data.subarray(i * d, (i + 1) * d);
    const f = out.data.subarray(i * D, (i + 1) * D);
    let t = 0;
    for (let j = 0; j < d; j++) {
      f[t++] = x[j] * x[j];
      for (let l = j + 1; l < d; l++) f[t++] = Math.SQRT2 * x[j] * x[l];
    }
    for (let j = 0; j < d; j++) f[t++] = Math.sqrt(2 * c) * x[j];
    f[t] = c;
  }
  return out;
}
// #endregion

/**
 * The number of monomials of degree at most q in d variables, C(d + q, q):
 * the length of an explicit feature map of (xᵀz + c)^q.
 */
export function polyFeatureCount(d: number, q: number): number {
  checkInt('polyFeatureCount', 'd', d, 1);
  checkInt('polyFeatureCount', 'q', q, 1, 50);
  let c = 1;
  for (let t = 1; t <= q; t++) c = (c * (d + t)) / t; // stays an integer
  return c;
}
