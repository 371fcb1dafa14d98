// End to end: the logistic-regression chapter's penalized loss written
// as a tensor graph, its gradient taken by backward(), and gradient
// descent run on the breast-cancer data with that gradient alone.
import { calledAs } from '../introduction/checks.ts';
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { checkLabels, checkTheta } from '../logistic-regression/model.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { Tensor } from './tensor.ts';

// #region logistic-graph
/**
 * L(θ) = Σ_i [softplus(z_i) − y_i z_i] + (λ/2)‖w‖², z = b + Xw,
 * Eq. (logr-penalized), from primitives only; softplus(z) is written
 * relu(z) + log(1 + e^−|z|), which never overflows.
 */
export function logisticLossGraph(
  X: Matrix, y: Vector, theta: Tensor, lambda_: number,
): Tensor {
  checkGraph(X, y, theta, lambda_);
  const d = X.cols;
  const b = theta.gather([0]); // shape [1]
  const w = theta.reshape([d + 1, 1]).gather(range(1, d + 1)); // [d, 1]
  const z = new Tensor(X.data, [X.rows, d]).matmul(w).add(b); // [n, 1]
  const absZ = z.relu().add(z.neg().relu());
  const softplus = z.relu().add(absZ.neg().exp().add(1).log());
  const yz = z.mul(new Tensor(y, [X.rows, 1]));
  const penalty = w.mul(w).sum().mul(lambda_ / 2);
  return softplus.sub(yz).sum().add(penalty);
}

// #endregion

// #region logistic-gradient
/** L and ∇L at θ, the gradient by one backward pass. */
export function logisticValueAndGradient(
  X: Matrix, y: Vector, theta: Vector, lambda_: number,
): { value: number; gradient: Float64Array } {
  return calledAs('logisticValueAndGradient', () => {
    checkTheta('logisticValueAndGradient', X, theta);
    const t = new Tensor(theta.slice(), [theta.length], true);
    const loss = logisticLossGraph(X, y, t, lambda_);
    loss.backward(); // fills t.grad
    return { value: loss.data[0], gradient: t.grad as Float64Array };
  });
}
// #endregion

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}

function checkGraph(X: Matrix, y: Vector, theta: Tensor, lambda_: number) {
  const fn = 'logisticLossGraph';
  checkLabels(fn, X, y);
  if (!(theta instanceof Tensor) || theta.shape.length !== 1 ||
    theta.size !== X.cols + 1) {
    throw new Error(`${fn}: theta must be a Tensor of shape ` +
      `[${X.cols + 1}], (b, w)`);
  }
  checkTheta(fn, X, theta.data);
  checkLambda(fn, 'lambda_', lambda_);
}
