// Exercise: for a fully connected first layer, shuffled pixels are the
// same problem as the original one, with the weights' rows permuted.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { checkMatrix, checkPerm } from '../checks.ts';

// #region permute-rows
/** W' with row j = row perm[j] of W. If x'_j = x_perm[j] (shuffled
 *  pixels), then x' W' = Σ_j x_perm[j] W_perm[j] = x W. */
export function permuteRows(W: Matrix, perm: ArrayLike<number>) {
  checkMatrix('permuteRows', 'W', W);
  checkPerm('permuteRows', perm, W.rows);
  const out = new Matrix(W.rows, W.cols);
  for (let j = 0; j < W.rows; j++) {
    out.data.set(W.data.subarray(perm[j] * W.cols,
      perm[j] * W.cols + W.cols), j * W.cols);
  }
  return out;
}
// #endregion
