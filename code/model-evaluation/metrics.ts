// Regression metrics that the linear-regression chapter did not need:
// the mean absolute error and the root-mean-square error. MSE and R²
// are that chapter's (code/linear-regression/metrics.ts).
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  meanSquaredError,
  residuals,
} from '../linear-regression/metrics.ts';

// #region mae-rmse
/** MAE = Σ |y_i − ŷ_i| / n, Eq. (me-mae). */
export function meanAbsoluteError(y: Vector, yHat: Vector): number {
  const r = named('meanAbsoluteError', () => residuals(y, yHat));
  let sum = 0;
  for (const ri of r) sum += Math.abs(ri);
  return sum / r.length;
}

/** RMSE = √MSE: the MSE in the units of y, Eq. (me-rmse). */
export function rootMeanSquaredError(y: Vector, yHat: Vector): number {
  const fn = 'rootMeanSquaredError';
  return Math.sqrt(named(fn, () => meanSquaredError(y, yHat)));
}

/** Runs check(); an error it throws gets `fn` in front of its message. */
function named<T>(fn: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new Error(`${fn}: ${(e as Error).message}`);
  }
}
// #endregion
