// The two functions of the chapter's figures: a scalar field with two
// valleys and a saddle, and the polar-coordinates map of the plane.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';

function checkPoint2(fn: string, x: ArrayLike<number>): void {
  const ok = x !== null && typeof x === 'object' && x.length === 2 &&
    Number.isFinite(x[0]) && Number.isFinite(x[1]);
  if (!ok) {
    throw new Error(
      `${fn}: expected a point of two finite numbers, got ` +
        (x && typeof x === 'object' ? `[${Array.from(x)}]` : String(x)),
    );
  }
}

// #region double-well
/** f(x, y) = (x² − 1)² + 2(y − x/2)²: Eq. (calc-double-well). */
export function doubleWell(p: ArrayLike<number>): number {
  checkPoint2('doubleWell', p);
  const [x, y] = [p[0], p[1]];
  return (x * x - 1) ** 2 + 2 * (y - x / 2) ** 2;
}

/** Its gradient, by the chain rule on each term. */
export function doubleWellGradient(p: ArrayLike<number>): Float64Array {
  checkPoint2('doubleWellGradient', p);
  const [x, y] = [p[0], p[1]];
  const v = y - x / 2; // the inner function of the second term
  return Float64Array.of(4 * x * (x * x - 1) - 2 * v, 4 * v);
}
// #endregion

// #region polar
/** (r, θ) ↦ (r cos θ, r sin θ): Eq. (calc-polar). */
export function polar(u: ArrayLike<number>): Float64Array {
  checkPoint2('polar', u);
  return Float64Array.of(u[0] * Math.cos(u[1]), u[0] * Math.sin(u[1]));
}

/** Its Jacobian: column 1 is ∂/∂r, column 2 is ∂/∂θ. */
export function polarJacobian(u: ArrayLike<number>): Matrix {
  checkPoint2('polarJacobian', u);
  const [r, t] = [u[0], u[1]];
  const c = Math.cos(t);
  const s = Math.sin(t);
  return new Matrix(2, 2, Float64Array.of(c, -r * s, s, r * c));
}
// #endregion

// #region circle-images
/** k points of the circle of radius rho around u, and their images
 *  under F and under the linearization F(u) + J·(v − u). */
export function circleImages(
  F: (u: Float64Array) => Float64Array,
  J: Matrix,
  u: ArrayLike<number>,
  rho: number,
  k = 64,
) {
  checkPoint2('circleImages', u);
  if (!(J instanceof Matrix) || J.rows !== 2 || J.cols !== 2) {
    throw new Error(`circleImages: expected a 2x2 Jacobian J, got ${J}`);
  }
  checkFinite('circleImages', 'J', J);
  if (!(rho > 0) || !Number.isFinite(rho) || !Number.isInteger(k) ||
    k < 3) {
    throw new Error(`circleImages: expected rho > 0, k >= 3; ` +
      `got rho ${rho}, k ${k}`);
  }
  const Fu = F(Float64Array.from(u));
  return Array.from({ length: k + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / k;
    const d = [rho * Math.cos(t), rho * Math.sin(t)]; // v − u
    const v = Float64Array.of(u[0] + d[0], u[1] + d[1]);
    const lin = Float64Array.of(
      Fu[0] + J.data[0] * d[0] + J.data[1] * d[1], // Eq. (calc-jacobian)
      Fu[1] + J.data[2] * d[0] + J.data[3] * d[1],
    );
    return { input: v, image: F(v), linear: lin };
  });
}
// #endregion
