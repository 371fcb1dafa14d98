// Exercise: the determinant from the LU factors, and its logarithm.
import type { LU } from '../solve.ts';

/** det A = det(P)^-1 det L det U = sign * prod u_kk. Overflows or
 * underflows for large n: a product of n numbers can leave the range
 * of doubles even when det A is moderate after scaling. */
export function det(f: LU): number {
  const n = f.lu.rows;
  let d = f.sign;
  for (let k = 0; k < n; k++) d *= f.lu.data[k * n + k];
  return d;
}

/** det A as sign * exp(logAbs): a sum of logs cannot overflow. */
export function logAbsDet(f: LU): { sign: number; logAbs: number } {
  const n = f.lu.rows;
  let sign = f.sign;
  let logAbs = 0;
  for (let k = 0; k < n; k++) {
    const u = f.lu.data[k * n + k];
    if (u < 0) sign = -sign;
    logAbs += Math.log(Math.abs(u));
  }
  return { sign, logAbs };
}
