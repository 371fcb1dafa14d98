// Wrong on purpose: log-sum-exp and softmax as the formulas read,
// without the shift. The tests and the pitfalls section show where
// they overflow or underflow; nothing else in the book uses them.
import { requireFiniteArray } from '../introduction/checks.ts';

// #region naive
/** log Σ exp(z_i) as written: Infinity once some z_i > 709.78. */
export function naiveLogSumExp(z: ArrayLike<number>): number {
  requireFiniteArray('naiveLogSumExp', 'z', z);
  let s = 0;
  for (let i = 0; i < z.length; i++) s += Math.exp(z[i]);
  return Math.log(s);
}

/** exp(z_i) / Σ exp(z_j) as written: NaN when both overflow. */
export function naiveSoftmax(z: ArrayLike<number>): Float64Array {
  requireFiniteArray('naiveSoftmax', 'z', z);
  const e = Float64Array.from(z, (zi) => Math.exp(zi));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((ei) => ei / s);
}
// #endregion
