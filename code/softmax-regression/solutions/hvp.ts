// Exercise: the Hessian-vector product without forming the Hessian.
import { softmaxVjp } from '../../calculus/softmax.ts';
import {
  Matrix,
  checkFinite,
  matmul,
  shapeOf,
  transpose,
} from '../../linear-algebra/matrix.ts';
import { addOnesColumn } from '../../linear-regression/model.ts';
import { checkLambda } from '../../regularization/ridge.ts';
import { checkParams, classScores } from '../model.ts';

/**
 * (∇²L) vec(V) as a q x K matrix, X̃ᵀM + λ[0; V_{1:d}], where row i of
 * M is S_i times row i of X̃V: O(nqK) time, no (qK)² matrix.
 */
export function softmaxHvp(
  X: Matrix,
  Theta: Matrix,
  V: Matrix,
  lambda_ = 0,
): Matrix {
  checkHvp(X, Theta, V, lambda_);
  const A = addOnesColumn(X);
  const Z = classScores(X, Theta);
  const AV = matmul(A, V); // row i: Vᵀx̃_i
  const K = Theta.cols;
  const M = new Matrix(X.rows, K);
  for (let i = 0; i < X.rows; i++) {
    // S_i is symmetric, so its vector-Jacobian product is S_i (X̃V)_i
    M.data.set(softmaxVjp(Z.row(i), AV.row(i)), i * K);
  }
  const H = matmul(transpose(A), M);
  for (let t = K; t < H.data.length; t++) H.data[t] += lambda_ * V.data[t];
  return H;
}

function checkHvp(X: Matrix, Theta: Matrix, V: Matrix, lambda_: number) {
  const fn = 'softmaxHvp';
  checkParams(fn, X, Theta);
  checkLambda(fn, 'lambda_', lambda_);
  if (!(V instanceof Matrix) || V.rows !== Theta.rows ||
    V.cols !== Theta.cols) {
    throw new Error(`${fn}: the direction V must be shaped like Θ ` +
      `(${shapeOf(Theta)}); got ` +
      (V instanceof Matrix ? shapeOf(V) : typeof V));
  }
  checkFinite(fn, 'V', V);
}
