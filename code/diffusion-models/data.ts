// The chapter's data: a 2-D ring to watch the process at work, and the
// 8 × 8 digits rescaled to [−1, 1], the range the forward process's
// N(0, I) end point matches.
import type { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadDigits } from '../softmax-regression/digits.ts';
import { checkRing } from './checks.ts';

// #region ring
/** n points near a circle of the given radius: angle uniform, radius
 *  jittered by N(0, width²). */
export function ring(n: number, rng: Rng, radius = 1.5,
  width = 0.08): Matrix {
  checkRing(n, rng, radius, width);
  const X = new Matrix(n, 2);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(0, 2 * Math.PI);
    const r = radius + rng.normal(0, width);
    X.data[2 * i] = r * Math.cos(a);
    X.data[2 * i + 1] = r * Math.sin(a);
  }
  return X;
}
// #endregion

// #region digits
/** The 1797 digits with pixels 0 … 16 mapped to x/8 − 1 ∈ [−1, 1]. */
export function scaledDigits() {
  const { X, y } = loadDigits();
  return { X: new Matrix(X.rows, X.cols, X.data.map((v) => v / 8 - 1)),
    y };
}
// #endregion
