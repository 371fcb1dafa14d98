// The log-gamma function by Lanczos' approximation, and the log-beta
// function built on it: the normalizing constants of the Gamma, Beta
// and Dirichlet densities.
import {
  requireFiniteArray,
  requirePositive,
} from '../introduction/checks.ts';

// #region log-gamma
// Lanczos' coefficients for g = 7, n = 9, Godfrey's set (2001). The
// relative error of Gamma is about 2e-15 up to x = 20 and tends to
// 1 - c_0 = 1.9e-13 for large x, where A_g tends to c_0, not 1.
const LANCZOS_G = 7;
export const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028,
  771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log Gamma(x) for x > 0: Eq. (prob-lanczos), reflected below 1/2. */
export function logGamma(x: number): number {
  requirePositive('logGamma', 'x', x);
  if (x < 0.5) {
    // Eq. (prob-reflection): Gamma(x) Gamma(1 - x) = pi / sin(pi x)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  let a = LANCZOS[0]; // A_g(x - 1) of Eq. (prob-lanczos)
  for (let k = 1; k < LANCZOS.length; k++) a += LANCZOS[k] / (x - 1 + k);
  const t = x - 1 + LANCZOS_G + 0.5; // t = x + g - 1/2
  return LOG_SQRT_2PI + (x - 1 + 0.5) * Math.log(t) - t + Math.log(a);
}
// #endregion

// #region log-beta
/** log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b). */
export function logBeta(a: number, b: number): number {
  requirePositive('logBeta', 'a', a);
  requirePositive('logBeta', 'b', b);
  return logGamma(a) + logGamma(b) - logGamma(a + b); // Eq. (prob-beta-fn)
}

/** log B(alpha) = sum_k log Gamma(alpha_k) - log Gamma(sum_k alpha_k). */
export function logMultiBeta(alpha: ArrayLike<number>): number {
  requireFiniteArray('logMultiBeta', 'alpha', alpha);
  let sum = 0;
  let out = 0;
  for (let k = 0; k < alpha.length; k++) {
    requirePositive('logMultiBeta', `alpha[${k}]`, alpha[k]);
    out += logGamma(alpha[k]);
    sum += alpha[k];
  }
  return out - logGamma(sum); // Eq. (prob-dirichlet)
}
// #endregion
