// The perceptron criterion handed to the optimization chapter's SGD:
// with batch size 1 and η = 1, sgd() is the perceptron, visiting the
// examples in random order instead of cyclically. Browser-safe.
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { sgd, type FiniteSum } from '../optimization/sgd.ts';
import { requireInteger } from '../introduction/checks.ts';
import {
  checkSigns,
  perceptronLoss,
  subgradientAt,
  unpack,
} from './model.ts';

// #region as-sgd
/** f_i = ℓ_i of Eq. (pcp-loss), ∇f_i = Eq. (pcp-subgradient). */
export function perceptronProblem(X: Matrix, y: Vector): FiniteSum {
  checkSigns('perceptronProblem', X, y);
  return {
    n: X.rows,
    f: (theta) => perceptronLoss(X, y, theta),
    gradI: (i, theta) => subgradientAt(X, y, i, unpack(X, theta)),
  };
}

/** `steps` SGD steps from θ = 0, Eq. (opt-sgd); counts the updates. */
export function randomOrderPerceptron(
  X: Matrix,
  y: Vector,
  steps: number,
  seed: number,
) {
  const fn = 'randomOrderPerceptron';
  checkSigns(fn, X, y);
  requireInteger(fn, 'steps', steps, 1);
  requireInteger(fn, 'seed', seed);
  const run = sgd(perceptronProblem(X, y), new Float64Array(X.cols + 1),
    { eta: 1, steps, seed });
  let updates = 0;
  for (let k = 1; k < run.history.length; k++) {
    const before = run.history[k - 1].x;
    if (run.history[k].x.some((v, j) => v !== before[j])) updates++;
  }
  return { theta: run.x, loss: run.history[steps].f, updates };
}
// #endregion
