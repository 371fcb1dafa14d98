// Exercise: least squares on the raw design [1 X], without centring, by
// the normal equations and by Chapter 3's QR, against an accurate fit.
import { qrLeastSquares } from '../../decompositions/least-squares.ts';
import { svd } from '../../decompositions/svd.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { norm, subVec } from '../../linear-algebra/matrix.ts';
import { addOnesColumn, checkXy, fitNormalEquations } from '../model.ts';
import { standardize, unstandardize } from '../scaling.ts';

// #region raw-design
/** κ([1 X]), tan θ of the fit (residual over fitted norm), and the
 * relative error of (b, w) from each solver. */
export function rawDesignErrors(X: Matrix, y: Vector): {
  kappa: number;
  tanTheta: number;
  normalError: number;
  qrError: number;
} {
  checkXy('rawDesignErrors', X, y);
  const A = addOnesColumn(X); // b is the first weight, no centring
  const { s } = svd(A);
  const kappa = s[0] / s[s.length - 1];
  // the reference: standardized features are well conditioned
  const { Z, mean, scale } = standardize(X);
  const ref = unstandardize(fitNormalEquations(Z, y), mean, scale);
  const exact = Float64Array.from([ref.b, ...ref.w]);
  const error = (w: Vector) => norm(subVec(w, exact)) / norm(exact);
  const normal = fitNormalEquations(A, y, { intercept: false }).w;
  const qr = qrLeastSquares(A, y); // Eq. (dec-qr-ls)
  const r = qr.residualNorm;
  const tanTheta = r / Math.sqrt(norm(y) ** 2 - r * r);
  return {
    kappa, tanTheta, normalError: error(normal), qrError: error(qr.w),
  };
}
// #endregion
