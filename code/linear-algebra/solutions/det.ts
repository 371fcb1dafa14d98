// Exercise: the determinant from the LU factors, and its logarithm.
import { Matrix, checkFinite, shapeOf } from '../matrix.ts';
import type { LU } from '../solve.ts';

/** det A = det(P)^-1 det L det U = sign * prod u_kk. Overflows or
 * underflows for large n: a product of n numbers can leave the range
 * of doubles even when det A is moderate after scaling. */
export function det(f: LU): number {
  checkLU('det', f);
  const n = f.lu.rows;
  let d = f.sign;
  for (let k = 0; k < n; k++) d *= f.lu.data[k * n + k];
  return d;
}

/** det A as sign * exp(logAbs): a sum of logs cannot overflow. */
export function logAbsDet(f: LU): { sign: number; logAbs: number } {
  checkLU('logAbsDet', f);
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

/** Throws unless f holds finite n x n factors and a sign of +1 or -1. */
function checkLU(fn: string, f: LU): void {
  const { lu, sign } = f ?? {};
  if (!(lu instanceof Matrix) || lu.rows !== lu.cols) {
    throw new Error(`${fn}: expected n x n factors lu, got ` +
      (lu instanceof Matrix ? shapeOf(lu) : typeof lu));
  }
  checkFinite(fn, 'lu', lu);
  if (sign !== 1 && sign !== -1) {
    throw new Error(`${fn}: sign must be +1 or -1, got ${sign}`);
  }
}
