// Exercise: ridge regression through the SVD.
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { svd } from '../svd.ts';

/** w = sum_i s_i / (s_i^2 + lambda) (u_i^T y) v_i, the solution of
 * (X^T X + lambda I) w = X^T y; at lambda = 0 with every s_i > 0, the
 * least-squares solution. */
export function ridgeSvd(X: Matrix, y: Vector, lambda: number): Vector {
  const { U, s, V } = svd(X);
  const k = s.length;
  const d = X.cols;
  const w = new Float64Array(d);
  for (let i = 0; i < k; i++) {
    if (s[i] === 0) continue; // the filter factor is 0 there
    let uy = 0;
    for (let r = 0; r < X.rows; r++) uy += U.data[r * k + i] * y[r];
    const f = s[i] / (s[i] * s[i] + lambda); // damps a small s_i
    for (let j = 0; j < d; j++) w[j] += f * uy * V.data[j * k + i];
  }
  return w;
}
