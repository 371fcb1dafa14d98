// Novikoff's theorem in code: the radius R and the margin γ of the
// augmented examples x̃ = (1, x), the bound (R/γ)², and separable data
// drawn with a margin known in advance. Browser-safe.
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import { Matrix, norm, type Vector } from '../linear-algebra/matrix.ts';
import type { LinearFit } from '../linear-regression/model.ts';
import { checkFit, checkSigns, scoreRow } from './model.ts';

// #region radius-margin
/** R = max_i ‖x̃_i‖ with x̃_i = (1, x_i), Eq. (pcp-radius). */
export function augmentedRadius(X: Matrix): number {
  checkSigns('augmentedRadius', X, new Float64Array(X.rows).fill(1));
  let r2 = 0;
  for (let i = 0; i < X.rows; i++) {
    let s = 1; // the constant feature
    for (let j = 0; j < X.cols; j++) s += X.get(i, j) ** 2;
    r2 = Math.max(r2, s);
  }
  return Math.sqrt(r2);
}

/**
 * γ = min_i y_i (wᵀx_i + b) / ‖(b, w)‖, Eq. (pcp-margin): positive
 * exactly when (w, b) separates the data strictly.
 */
export function margin(X: Matrix, y: Vector, s: LinearFit): number {
  checkSigns('margin', X, y);
  checkFit('margin', X, s);
  const len = Math.hypot(s.b, norm(s.w));
  if (len === 0) throw new Error('margin: θ = (b, w) is zero');
  let worst = Infinity;
  for (let i = 0; i < X.rows; i++) {
    worst = Math.min(worst, y[i] * scoreRow(X, i, s));
  }
  return worst / len;
}

/** Novikoff's bound (R/γ)² on the number of updates, Eq. (pcp-bound). */
export function novikoffBound(R: number, gamma: number): number {
  if (!(Number.isFinite(R) && R > 0 && gamma > 0 && gamma <= R)) {
    throw new Error(
      `novikoffBound: expected 0 < γ <= R, got R = ${R}, γ = ${gamma}`,
    );
  }
  return (R / gamma) ** 2;
}
// #endregion

// #region separable-data
/**
 * n points uniform in [−1, 1]^d, labelled by a random unit
 * u = (b, w) and kept only if |uᵀx̃| >= γ: margin at least γ by
 * construction. Throws if too few candidates pass.
 */
export function separableData(
  n: number,
  d: number,
  gamma: number,
  seed: number,
) {
  checkSizes(n, d, gamma);
  requireInteger('separableData', 'seed', seed);
  const rng = createRng(seed);
  const u = Float64Array.from({ length: d + 1 }, (_, j) =>
    j === 0 ? rng.uniform(-0.5, 0.5) : rng.normal());
  const len = norm(u);
  u.forEach((v, j) => (u[j] = v / len));
  const truth = { w: u.subarray(1), b: u[0] };
  const X = new Matrix(n, d);
  const y = new Float64Array(n);
  const x = new Matrix(1, d);
  for (let i = 0, tries = 0; i < n; tries++) {
    if (tries >= 1000 * n) {
      throw new Error(`separableData: fewer than n = ${n} of ` +
        `${tries} points have margin >= γ = ${gamma}; lower γ`);
    }
    for (let j = 0; j < d; j++) x.data[j] = rng.uniform(-1, 1);
    const z = scoreRow(x, 0, truth);
    if (Math.abs(z) < gamma) continue;
    X.data.set(x.data, i * d);
    y[i++] = z > 0 ? 1 : -1;
  }
  return { X, y, u: truth, gamma };
}
// #endregion

function checkSizes(n: number, d: number, gamma: number): void {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new Error(
      `separableData: n and d must be integers >= 1, got ${n}, ${d}`,
    );
  }
  if (!(Number.isFinite(gamma) && gamma > 0 && gamma < 1)) {
    throw new Error(`separableData: γ must be in (0, 1), got ${gamma}`);
  }
}
