// The forward (noising) process in one step: x_t drawn from q(x_t | x₀)
// given the noise ε that the ε-network will be asked to recover.
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Schedule } from './schedule.ts';
import { checkQSample } from './checks.ts';

// #region q-sample
/** x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε for each row, its own step t[i],
 *  Eq. (dm-marginal). */
export function qSample(s: Schedule, x0: Matrix, t: ArrayLike<number>,
  eps: Matrix): Matrix {
  checkQSample(s, x0, t, eps);
  const { rows: n, cols: d } = x0;
  const out = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    const ab = s.alphaBar[t[i] - 1];
    const a = Math.sqrt(ab), b = Math.sqrt(1 - ab);
    for (let j = 0; j < d; j++) {
      const k = i * d + j;
      out.data[k] = a * x0.data[k] + b * eps.data[k];
    }
  }
  return out;
}
// #endregion
