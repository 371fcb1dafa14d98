// Exercise: the largest constant step that survives a run, by bisection
// on log η between a stable and a divergent step.
import { requireInteger } from '../../introduction/checks.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { checkXy } from '../../linear-regression/model.ts';
import { DivergenceError } from '../../optimization/objective.ts';
import { stepBounds } from '../conditioning.ts';
import { minibatchGD } from '../minibatch.ts';

/** Whether minibatchGD runs `epochs` epochs at η without diverging. */
function survives(
  X: Matrix, y: Vector, batch: number, eta: number,
  epochs: number, seed: number,
): boolean {
  try {
    minibatchGD(X, y, { batch, eta, epochs, seed });
    return true;
  } catch (e) {
    if (e instanceof DivergenceError) return false;
    throw e;
  }
}

// #region bisect
/**
 * Bisects log η between the per-sample bound, Eq. (gd-sample-bound),
 * and twice the batch bound, Eq. (lr-step-size), until they are 1 %
 * apart; returns the largest step seen to survive.
 */
export function largestStableStep(
  X: Matrix, y: Vector, batch: number, { epochs = 50, seed = 1 } = {},
): number {
  const fn = 'largestStableStep';
  checkXy(fn, X, y);
  requireInteger(fn, 'batch', batch, 1, X.rows);
  requireInteger(fn, 'epochs', epochs, 1);
  requireInteger(fn, 'seed', seed);
  const bound = stepBounds(X);
  let lo = bound.sample;
  let hi = 2 * bound.batch;
  if (!survives(X, y, batch, lo, epochs, seed)) return NaN; // none
  if (survives(X, y, batch, hi, epochs, seed)) return hi;
  while (hi / lo > 1.01) {
    const mid = Math.sqrt(lo * hi); // the midpoint of log η
    if (survives(X, y, batch, mid, epochs, seed)) lo = mid;
    else hi = mid;
  }
  return lo;
}
// #endregion
