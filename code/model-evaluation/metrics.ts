// Regression metrics that the linear-regression chapter did not need:
// the mean absolute error and the root-mean-square error. MSE and R²
// are that chapter's (code/linear-regression/metrics.ts).
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  meanSquaredError,
  residuals,
} from '../linear-regression/metrics.ts';
import { calledAs } from '../introduction/checks.ts';

// #region mae-rmse
/** MAE = Σ |y_i − ŷ_i| / n, Eq. (me-mae). */
export function meanAbsoluteError(y: Vector, yHat: Vector): number {
  const r = calledAs('meanAbsoluteError', () => residuals(y, yHat));
  let sum = 0;
  for (const ri of r) sum += Math.abs(ri);
  return sum / r.length;
}

/** RMSE = √MSE: the MSE in the units of y, Eq. (me-rmse). */
export function rootMeanSquaredError(y: Vector, yHat: Vector): number {
  const fn = 'rootMeanSquaredError';
  return Math.sqrt(calledAs(fn, () => meanSquaredError(y, yHat)));
}
// #endregion
