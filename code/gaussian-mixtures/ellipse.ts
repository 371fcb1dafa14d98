// The c-σ contour of a 2-D Gaussian, for the figures. Browser-safe.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';
import { calledAs } from '../introduction/checks.ts';
import { checkInt, checkNumber } from './checks.ts';

// #region ellipse
/** Points on {x : (x − μ)ᵀ Σ⁻¹ (x − μ) = c²}, Eq. (gm-ellipse): with
 *  Σ = V diag(λ) Vᵀ, x = μ + c (√λ₁ cos t v₁ + √λ₂ sin t v₂). */
export function ellipse(mu: ArrayLike<number>, S: Matrix, c: number,
  steps = 72): number[][] {
  checkEllipse(mu, S, c, steps);
  const { values: lam, vectors: V } =
    calledAs('ellipse', () => symmetricEigen(S));
  const a = c * Math.sqrt(Math.max(lam[0], 0));
  const b = c * Math.sqrt(Math.max(lam[1], 0));
  const out: number[][] = [];
  for (let s = 0; s <= steps; s++) {
    const t = (2 * Math.PI * s) / steps;
    const u = a * Math.cos(t);
    const v = b * Math.sin(t);
    out.push([mu[0] + u * V.get(0, 0) + v * V.get(0, 1),
      mu[1] + u * V.get(1, 0) + v * V.get(1, 1)]);
  }
  return out;
}
// #endregion

function checkEllipse(mu: ArrayLike<number>, S: Matrix, c: number,
  steps: number): void {
  const fn = 'ellipse';
  if (!mu || mu.length !== 2 || !Number.isFinite(mu[0]) ||
    !Number.isFinite(mu[1])) {
    throw new Error(`${fn}: mu must hold 2 finite numbers`);
  }
  if (!(S instanceof Matrix) || S.rows !== 2 || S.cols !== 2) {
    throw new Error(`${fn}: S must be a 2x2 Matrix`);
  }
  checkFinite(fn, 'S', S);
  checkNumber(fn, 'c', c, 0, true);
  checkInt(fn, 'steps', steps, 4);
}
