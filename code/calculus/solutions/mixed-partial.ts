// Exercise: a mixed second partial from four values of f.

/** Delta(h) / h^2 from the proof of Eq. (calc-schwarz): an O(h)
 * approximation of d^2 f / dx_i dx_j, with round-off ~ 4 eps |f| / h^2. */
export function mixedPartial(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  i: number,
  j: number,
  h: number,
): number {
  const at = (di: number, dj: number) => {
    const y = Float64Array.from(x);
    y[i] += di;
    y[j] += dj;
    return f(y);
  };
  return (at(h, h) - at(h, 0) - at(0, h) + at(0, 0)) / (h * h);
}
