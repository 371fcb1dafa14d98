// Exercise: log det A from the Cholesky factor.
import type { Matrix } from '../../linear-algebra/matrix.ts';

/** log det A = 2 sum_j log l_jj for A = L L^T: a sum, which cannot
 * underflow or overflow the way the product of the l_jj^2 can. */
export function logDet(L: Matrix): number {
  const n = L.rows;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.log(L.data[j * n + j]);
  return 2 * sum;
}
