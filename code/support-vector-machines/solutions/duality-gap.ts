// Exercise: the duality gap of a linear C-SVC, primal minus dual.
import type { Matrix } from '../../linear-algebra/matrix.ts';
import {
  checkMatrix, checkPositive, checkSigns,
} from '../checks.ts';

/**
 * P(w, b) = ½‖w‖² + C Σ max(0, 1 − y_i f(x_i)) with w = Σ α_i y_i x_i,
 * and D(α) = Σ α_i − ½‖w‖²; P − D ≥ 0, and 0 at the optimum.
 */
export function dualityGap(
  X: Matrix, y: Int8Array, C: number, alpha: Float64Array, b: number,
) {
  checkSigns('dualityGap', y);
  checkMatrix('dualityGap', 'X', X, y.length, undefined, 'y has');
  checkPositive('dualityGap', 'C', C);
  checkAlpha(alpha, y.length, C);
  if (!Number.isFinite(b)) throw new Error(`dualityGap: b must be finite`);
  const w = new Float64Array(X.cols); // Eq. (sv-w)
  let sumAlpha = 0;
  for (let i = 0; i < X.rows; i++) {
    sumAlpha += alpha[i];
    for (let j = 0; j < X.cols; j++) {
      w[j] += alpha[i] * y[i] * X.data[i * X.cols + j];
    }
  }
  let ww = 0, hinge = 0;
  for (const v of w) ww += v * v;
  for (let i = 0; i < X.rows; i++) {
    let f = b;
    for (let j = 0; j < X.cols; j++) f += w[j] * X.data[i * X.cols + j];
    hinge += Math.max(0, 1 - y[i] * f);
  }
  const primal = ww / 2 + C * hinge, dual = sumAlpha - ww / 2;
  return { primal, dual, gap: primal - dual };
}

function checkAlpha(alpha: Float64Array, n: number, C: number): void {
  if (!(alpha instanceof Float64Array) || alpha.length !== n) {
    throw new Error(`dualityGap: alpha must be a Float64Array of ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!(alpha[i] >= 0 && alpha[i] <= C)) {
      throw new Error(`dualityGap: alpha[${i}] must be in [0, C], got ` +
        `${alpha[i]}`);
    }
  }
}
