// Fisher's discriminant directions: the generalised symmetric eigenproblem
// S_B w = γ S_W w, reduced to an ordinary one by whitening with the
// Cholesky factor of S_W and solved with the decompositions chapter's
// Jacobi eigensolver.
import { Matrix } from '../linear-algebra/matrix.ts';
import { choleskyFor } from '../decompositions/cholesky.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';
import {
  solveLower, solveLowerTransposed,
} from '../decompositions/triangular.ts';
import { checkSquare } from './checks.ts';

// #region generalized-eigen
/**
 * S_B w_j = γ_j S_W w_j with w_jᵀ S_W w_k = [j = k], γ largest first:
 * S_W = L Lᵀ, C = L⁻¹ S_B L⁻ᵀ = V diag(γ) Vᵀ, W = L⁻ᵀ V.
 */
export function generalizedEigen(SB: Matrix, SW: Matrix): {
  gammas: Float64Array; W: Matrix;
} {
  const fn = 'generalizedEigen';
  checkSquare(fn, 'SW', SW, SW.rows);
  checkSquare(fn, 'SB', SB, SW.rows);
  const d = SW.rows;
  const L = choleskyFor(fn, SW, 'the within-class scatter SW:');
  const M = new Matrix(d, d); // Mᵀ = L⁻¹ S_B, a column per row
  for (let j = 0; j < d; j++) M.data.set(solveLower(L, SB.col(j)), j * d);
  const C = new Matrix(d, d); // L⁻¹ S_B L⁻ᵀ = L⁻¹ M, Eq. (da-whitened)
  for (let j = 0; j < d; j++) C.data.set(solveLower(L, M.col(j)), j * d);
  const { values, vectors } = symmetricEigen(C); // C is symmetric
  const W = new Matrix(d, d);
  for (let j = 0; j < d; j++) {
    const w = solveLowerTransposed(L, vectors.col(j)); // L⁻ᵀ v_j
    for (let i = 0; i < d; i++) W.data[i * d + j] = w[i];
  }
  return { gammas: values, W };
}
// #endregion
