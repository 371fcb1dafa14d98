// Exercise: K one-vs-rest logistic models in place of one softmax model.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { calledAs } from '../../introduction/checks.ts';
import { fitLogisticNewton } from '../../logistic-regression/fit.ts';
import { logits } from '../../logistic-regression/model.ts';
import { checkLambda } from '../../regularization/ridge.ts';
import { checkLabels } from '../model.ts';

/** θ_k = (b_k, w_k) of a logistic model of "class k or not". */
export function fitOneVsRest(
  X: Matrix,
  y: Int32Array,
  K: number,
  lambda_: number,
): Float64Array[] {
  checkLabels('fitOneVsRest', X, y, K);
  checkLambda('fitOneVsRest', 'lambda_', lambda_);
  return Array.from({ length: K }, (_, k) => {
    const yk = Float64Array.from(y, (v) => (v === k ? 1 : 0));
    return calledAs('fitOneVsRest',
      () => fitLogisticNewton(X, yk, { lambda_ }).theta);
  });
}

/** n x K: entry (i, k) is σ(b_k + w_kᵀx_i); rows need not sum to 1. */
export function oneVsRestProba(X: Matrix, thetas: Float64Array[]): Matrix {
  if (!(X instanceof Matrix)) {
    throw new Error(`oneVsRestProba: X must be a Matrix, got ${typeof X}`);
  }
  if (!Array.isArray(thetas) || thetas.length < 2) {
    throw new Error('oneVsRestProba: thetas must list K >= 2 models');
  }
  const P = new Matrix(X.rows, thetas.length);
  thetas.forEach((theta, k) => {
    const z = calledAs('oneVsRestProba', () => logits(X, theta));
    for (let i = 0; i < X.rows; i++) {
      P.data[i * thetas.length + k] = 1 / (1 + Math.exp(-z[i]));
    }
  });
  return P;
}
