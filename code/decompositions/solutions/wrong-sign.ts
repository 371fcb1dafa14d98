// Exercise: the Householder reflector with the wrong sign of alpha.
import { norm } from '../../linear-algebra/matrix.ts';

/** ||H x - alpha e_1|| for the unscaled reflector v = x - alpha e_1,
 * beta = 2 / v^T v, with alpha = sign * sign(x_1) ||x||: sign = -1 is
 * Eq. (dec-house-alpha), sign = +1 the wrong choice. */
export function reflectionError(x: Float64Array, sign: 1 | -1): number {
  const s1 = x[0] >= 0 ? 1 : -1;
  const alpha = sign * s1 * norm(x);
  const v = Float64Array.from(x);
  v[0] = x[0] - alpha; // cancels when alpha has the sign of x_1
  let vv = 0;
  let vx = 0;
  for (let i = 0; i < x.length; i++) {
    vv += v[i] * v[i];
    vx += v[i] * x[i];
  }
  const beta = 2 / vv;
  let err = 0; // || x - beta v (v^T x) - alpha e_1 ||^2
  for (let i = 0; i < x.length; i++) {
    const hx = x[i] - beta * v[i] * vx;
    err += (hx - (i === 0 ? alpha : 0)) ** 2;
  }
  return Math.sqrt(err);
}
