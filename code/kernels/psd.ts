// Is a Gram matrix positive semi-definite? Its smallest eigenvalue says.
import { Matrix } from '../linear-algebra/matrix.ts';
import { symmetricEigenQR } from '../decompositions/tridiagonal.ts';
import { checkNumber, checkSymmetric } from './checks.ts';

// #region psd
/**
 * The smallest eigenvalue of the symmetric K, and whether it is at
 * least −tol · λ_max(K): Eq. (kn-psd) up to rounding.
 */
export function psdCheck(K: Matrix, tol = 1e-10) {
  checkPsd(K, tol);
  const { values } = symmetricEigenQR(K); // largest first
  const top = Math.max(Math.abs(values[0]), Number.MIN_VALUE);
  const min = values[values.length - 1];
  return { min, max: values[0], psd: min >= -tol * top };
}
// #endregion

function checkPsd(K: Matrix, tol: number): void {
  checkSymmetric('psdCheck', 'K', K);
  checkNumber('psdCheck', 'tol', tol, 0, 1);
}
