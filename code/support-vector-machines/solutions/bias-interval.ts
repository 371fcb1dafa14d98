// Exercise: the interval of biases that the KKT conditions allow.
import { checkPositive, checkSigns } from '../checks.ts';

/**
 * The interval [lb, ub] of ρ = −b that the KKT conditions allow at α,
 * Eq. (sv-bias-kkt): an α_i at a bound gives one side, a free α_i
 * pins ρ = y_i G_i.
 */
export function biasInterval(
  y: Int8Array, G: Float64Array, alpha: Float64Array, C: number,
) {
  checkSigns('biasInterval', y);
  checkPositive('biasInterval', 'C', C);
  for (const [name, v] of [['G', G], ['alpha', alpha]] as const) {
    if (!(v instanceof Float64Array) || v.length !== y.length) {
      throw new Error(`biasInterval: ${name} must be a Float64Array ` +
        `of ${y.length}`);
    }
    for (const x of v) {
      if (!Number.isFinite(x)) {
        throw new Error(`biasInterval: ${name} must be finite`);
      }
    }
  }
  let lb = -Infinity, ub = Infinity;
  for (let i = 0; i < y.length; i++) {
    const yG = y[i] * G[i];
    const atC = alpha[i] >= C, at0 = alpha[i] <= 0;
    if ((atC && y[i] > 0) || (at0 && y[i] < 0)) lb = Math.max(lb, yG);
    else if ((atC && y[i] < 0) || (at0 && y[i] > 0)) ub = Math.min(ub, yG);
    else { lb = Math.max(lb, yG); ub = Math.min(ub, yG); } // free
  }
  return { lb, ub };
}
