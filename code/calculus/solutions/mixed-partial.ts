// Exercise: a mixed second partial from four values of f.
import {
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireIndex,
} from '../../introduction/checks.ts';

/** Delta(h) / h^2 from the proof of Eq. (calc-schwarz): an O(h)
 * approximation of d^2 f / dx_i dx_j, with round-off ~ 4 eps |f| / h^2. */
export function mixedPartial(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  i: number,
  j: number,
  h: number,
): number {
  checkArgs(f, x, i, j, h);
  const at = (di: number, dj: number) => {
    const y = Float64Array.from(x);
    y[i] += di;
    y[j] += dj;
    return f(y);
  };
  return (at(h, h) - at(h, 0) - at(0, h) + at(0, 0)) / (h * h);
}

function checkArgs(
  f: unknown,
  x: ArrayLike<number>,
  i: number,
  j: number,
  h: number,
): void {
  const fn = 'mixedPartial';
  requireFunction(fn, 'f', f);
  requireFiniteArray(fn, 'x', x);
  requireIndex(fn, 'i', i, x.length);
  requireIndex(fn, 'j', j, x.length);
  requireFinite(fn, 'h', h);
  if (h === 0) throw new Error(`${fn}: h must be nonzero, got 0`);
}
