// Exercise: ridge as least squares on augmented data, solved by QR.
import { qrLeastSquares } from '../../decompositions/least-squares.ts';
import { Matrix, dot } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { center } from '../../linear-regression/model.ts';
import type { LinearFit } from '../../linear-regression/model.ts';
import { checkLambda } from '../ridge.ts';

/**
 * min ‖[yc; 0] − [Xc; √λ I] w‖², which is Eq. (rg-ridge) on centred
 * data, by Householder QR: no XᵀX is formed.
 */
export function ridgeQr(X: Matrix, y: Vector, lambda_: number): LinearFit {
  checkLambda('ridgeQr', 'lambda_', lambda_);
  const { Xc, yc, xMean, yMean } = center(X, y);
  const { rows: n, cols: d } = Xc;
  const A = new Matrix(n + d, d);
  A.data.set(Xc.data);
  for (let j = 0; j < d; j++) A.data[(n + j) * d + j] = Math.sqrt(lambda_);
  const b = new Float64Array(n + d);
  b.set(yc);
  const { w } = qrLeastSquares(A, b);
  return { w, b: yMean - dot(xMean, w) };
}
