// The error function to double precision, for the exact GELU: a Taylor
// series near 0 and a continued fraction for erfc in the tails.

// #region erf
/** erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt, relative error about 1e-15. */
export function erf(x: number): number {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new Error(`erf: x must be a number, got ${x}`);
  }
  const a = Math.abs(x);
  if (a < 2.5) { // Σ (−1)^k x^(2k+1) / (k! (2k+1)), times 2/√π
    let term = a, sum = a;
    for (let k = 1; k < 80 && Math.abs(term) > 1e-17 * sum; k++) {
      term *= -a * a / k;
      sum += term / (2 * k + 1);
    }
    return Math.sign(x) * sum * 2 / Math.sqrt(Math.PI);
  }
  // erfc(a) = e^{−a²}/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + …))))
  let frac = a;
  for (let k = 60; k >= 1; k--) frac = a + (k / 2) / frac;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / frac;
  return Math.sign(x) * (1 - erfc);
}
// #endregion
