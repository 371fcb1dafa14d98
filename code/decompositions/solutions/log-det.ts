// Exercise: log det A from the Cholesky factor.
import {
  Matrix,
  checkFinite,
  shapeOf,
} from '../../linear-algebra/matrix.ts';

/** log det A = 2 sum_j log l_jj for A = L L^T: a sum, which cannot
 * underflow or overflow the way the product of the l_jj^2 can. */
export function logDet(L: Matrix): number {
  checkFactor(L);
  const n = L.rows;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.log(L.data[j * n + j]);
  return 2 * sum;
}

/** Throws unless L is a finite n x n Matrix with a positive diagonal. */
function checkFactor(L: Matrix): void {
  const fn = 'logDet';
  if (!(L instanceof Matrix) || L.rows !== L.cols) {
    throw new Error(`${fn}: expected an n x n Cholesky factor L, got L ` +
      shapeOf(L));
  }
  checkFinite(fn, 'L', L);
  for (let j = 0; j < L.rows; j++) {
    const l = L.data[j * L.cols + j];
    if (!(l > 0)) {
      throw new Error(`${fn}: L must have a positive diagonal, got ` +
        `l(${j},${j}) = ${l}`);
    }
  }
}
