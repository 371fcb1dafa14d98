// How well a regression fits: residuals, mean squared error and R².
// Browser-safe: the chapter's live demo imports this file.
import { checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';

// #region residuals
/** The residuals r_i = y_i − ŷ_i. */
export function residuals(y: Vector, yHat: Vector): Vector {
  checkPair('residuals', y, yHat);
  return y.map((yi, i) => yi - yHat[i]);
}

/** MSE = Σ (y_i − ŷ_i)² / n. */
export function meanSquaredError(y: Vector, yHat: Vector): number {
  checkPair('meanSquaredError', y, yHat);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (y[i] - yHat[i]) ** 2;
  return sum / y.length;
}
// #endregion

// #region r2
/** R² = 1 − SS_res / SS_tot, Eq. (lr-r2). */
export function r2Score(y: Vector, yHat: Vector): number {
  checkPair('r2Score', y, yHat);
  let mean = 0;
  for (const yi of y) mean += yi;
  mean /= y.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < y.length; i++) {
    ssRes += (y[i] - yHat[i]) ** 2;
    ssTot += (y[i] - mean) ** 2;
  }
  if (ssTot === 0) {
    throw new Error(
      `r2Score: y (${shapeOf(y)}) is constant, so R² is undefined`,
    );
  }
  return 1 - ssRes / ssTot;
}
// #endregion

// #region check-pair
/** Throws, naming `fn`, unless y and ŷ are finite and equally long. */
function checkPair(fn: string, y: Vector, yHat: Vector): void {
  if (!(y instanceof Float64Array) || !(yHat instanceof Float64Array)) {
    throw new Error(`${fn}: y and yHat must be Float64Arrays`);
  }
  if (y.length !== yHat.length || y.length === 0) {
    throw new Error(
      `${fn}: y and yHat must have the same, non-zero length; got ` +
        `${shapeOf(y)} and ${shapeOf(yHat)}`,
    );
  }
  checkFinite(fn, 'y', y);
  checkFinite(fn, 'yHat', yHat);
}
// #endregion
