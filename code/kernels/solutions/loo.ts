// Exercise: the leave-one-out residuals of kernel ridge from one fit.
import { Matrix, type Vector } from '../../linear-algebra/matrix.ts';
import {
  choleskyFor, choleskySolve,
} from '../../decompositions/cholesky.ts';
import { checkLambda } from '../../regularization/ridge.ts';
import {
  checkKernelSpec, checkMatrix, checkVector,
} from '../checks.ts';
import { gram, type KernelSpec } from '../kernels.ts';

/**
 * y_i − f₋ᵢ(x_i) = α_i / [(K + λI)⁻¹]_ii for each i: n residuals
 * for the price of one factorization (and n triangular solves).
 */
export function looResiduals(
  X: Matrix, y: Vector, kernel: KernelSpec, lambda_: number,
): Vector {
  checkMatrix('looResiduals', 'X', X, X?.rows);
  checkVector('looResiduals', 'y', y, X.rows);
  checkKernelSpec('looResiduals', kernel);
  checkLambda('looResiduals', 'lambda_', lambda_);
  const n = X.rows;
  const A = gram(kernel, X, X);
  for (let i = 0; i < n; i++) A.data[i * n + i] += lambda_;
  const L = choleskyFor('looResiduals', A, 'K + λI:');
  const alpha = choleskySolve(L, y);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = new Float64Array(n);
    e[i] = 1;
    const Ainv_ii = choleskySolve(L, e)[i]; // e_iᵀ A⁻¹ e_i
    out[i] = alpha[i] / Ainv_ii; // Eq. (kn-loo)
  }
  return out;
}
