// Polynomials over GF(2) modulo the characteristic polynomial chi(x) of
// xoshiro128**'s transition T: the arithmetic behind the jump constants.
// A polynomial is a bigint whose bit i is the coefficient of x^i.

// #region gf2
/** chi(x) from the reference code (`charpoly`, x^128 implicit there). */
export const CHI =
  (1n << 128n) | (0x00fc65a2006254b1n << 64n) | 0x1b489db6de18fc01n;

/** a * b mod chi(x) over GF(2): carry-less shift-and-xor. */
export function mulMod(a: bigint, b: bigint): bigint {
  let r = 0n;
  for (; b > 0n; b >>= 1n) {
    if (b & 1n) r ^= a; // adding is xor
    a <<= 1n; // a times x
    if ((a >> 128n) & 1n) a ^= CHI; // reduce: x^128 = chi(x) - x^128
  }
  return r;
}

/** x^k mod chi(x), by square-and-multiply: about 2 log2(k) products. */
export function xPowMod(k: bigint): bigint {
  let result = 1n;
  let base = 2n; // the polynomial x
  for (; k > 0n; k >>= 1n) {
    if (k & 1n) result = mulMod(result, base);
    base = mulMod(base, base);
  }
  return result;
}

/** The 128 coefficients as the four words jumpState expects. */
export function toWords(poly: bigint): Uint32Array {
  return Uint32Array.from([0, 1, 2, 3], (i) =>
    Number((poly >> BigInt(32 * i)) & 0xffffffffn),
  );
}
// #endregion
