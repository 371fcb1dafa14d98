// Gamma, Beta and Dirichlet: densities on (0, inf), on (0, 1) and on
// the probability simplex, and samplers for all three built on one
// Gamma sampler (Marsaglia & Tsang 2000).
import type { Rng } from '../introduction/random.ts';
import { softmax } from '../calculus/softmax.ts';
import { logBeta, logGamma, logMultiBeta } from './special.ts';
import {
  requireFinite, requireFiniteArray, requirePositive,
} from '../introduction/checks.ts';

/** Marsaglia–Tsang accepts over 95% of proposals for shape >= 1. */
export const MAX_GAMMA_TRIES = 1000;

// #region gamma-log-pdf
/** log p(x) for X ~ Gamma(shape a, rate b): Eq. (prob-gamma). */
export function gammaLogPdf(x: number, a: number, b = 1): number {
  requireFinite('gammaLogPdf', 'x', x);
  requirePositive('gammaLogPdf', 'shape', a);
  requirePositive('gammaLogPdf', 'rate', b);
  if (x <= 0) return -Infinity; // outside the support (0, inf)
  return a * Math.log(b) - logGamma(a) + (a - 1) * Math.log(x) - b * x;
}
// #endregion

// #region gamma-sample
/** log of one Gamma(a, 1) draw, by Marsaglia and Tsang's method. */
export function logGammaSample(rng: Rng, a: number): number {
  requirePositive('logGammaSample', 'shape', a);
  if (a < 1) {
    // Eq. (prob-gamma-boost): G(a+1) U^(1/a) ~ G(a); kept in logs
    // because U^(1/a) underflows for small a
    const logU = Math.log(1 - rng.uniform()); // 1 - U is in (0, 1]
    return logGammaSample(rng, a + 1) + logU / a;
  }
  const delta = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * delta);
  for (let tries = 0; tries < MAX_GAMMA_TRIES; tries++) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3; // Eq. (prob-mt-proposal)
    if (v <= 0) continue;
    const logU = Math.log(1 - rng.uniform());
    // Eq. (prob-mt-accept)
    if (logU < 0.5 * z * z + delta - delta * v + delta * Math.log(v)) {
      return Math.log(delta * v);
    }
  }
  throw new Error(
    `logGammaSample: no proposal accepted in ${MAX_GAMMA_TRIES} tries ` +
      `for shape ${a}; the generator is broken`,
  );
}

// #endregion

// #region gamma-rate
/** One Gamma(shape a, rate b) draw. */
export function gammaSample(rng: Rng, a: number, b = 1): number {
  requirePositive('gammaSample', 'shape', a);
  requirePositive('gammaSample', 'rate', b);
  return Math.exp(logGammaSample(rng, a)) / b; // X/b ~ Gamma(a, b)
}
// #endregion

// #region beta
/** log p(x) for X ~ Beta(a, b) on (0, 1): Eq. (prob-beta). */
export function betaLogPdf(x: number, a: number, b: number): number {
  requireFinite('betaLogPdf', 'x', x);
  requirePositive('betaLogPdf', 'a', a);
  requirePositive('betaLogPdf', 'b', b);
  if (x <= 0 || x >= 1) return -Infinity; // outside the support
  return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) -
    logBeta(a, b);
}

/** One Beta(a, b) draw as X/(X+Y), Eq. (prob-beta-gamma). */
export function betaSample(rng: Rng, a: number, b: number): number {
  requirePositive('betaSample', 'a', a);
  requirePositive('betaSample', 'b', b);
  const lx = logGammaSample(rng, a);
  const ly = logGammaSample(rng, b);
  return 1 / (1 + Math.exp(ly - lx)); // X/(X+Y), computed from logs
}
// #endregion

// #region dirichlet
/** log p(x) for x ~ Dirichlet(alpha): Eq. (prob-dirichlet). */
export function dirichletLogPdf(
  x: ArrayLike<number>,
  alpha: ArrayLike<number>,
): number {
  requireFiniteArray('dirichletLogPdf', 'x', x);
  requireShapes('dirichletLogPdf', alpha);
  if (x.length !== alpha.length || x.length < 2) {
    throw new Error(
      `dirichletLogPdf: expected x and alpha of one length >= 2, got ` +
        `${x.length} and ${alpha.length}`,
    );
  }
  let sum = 0;
  let out = -logMultiBeta(alpha);
  for (let k = 0; k < x.length; k++) {
    if (x[k] <= 0) return -Infinity; // outside the open simplex
    out += (alpha[k] - 1) * Math.log(x[k]);
    sum += x[k];
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new Error(`dirichletLogPdf: x must sum to 1, got ${sum}`);
  }
  return out;
}

// #endregion

// #region dirichlet-sample
/** One Dirichlet(alpha) draw: normalized Gammas, Eq. (prob-dir-gamma). */
export function dirichletSample(
  rng: Rng,
  alpha: ArrayLike<number>,
): Float64Array {
  requireShapes('dirichletSample', alpha);
  const logG = Float64Array.from(alpha, (a) => logGammaSample(rng, a));
  return softmax(logG); // G_k / sum_j G_j, computed from the logs
}
// #endregion

/** Throws unless alpha is a non-empty array of numbers > 0. */
function requireShapes(fn: string, alpha: ArrayLike<number>): void {
  requireFiniteArray(fn, 'alpha', alpha);
  for (let k = 0; k < alpha.length; k++) {
    requirePositive(fn, `alpha[${k}]`, alpha[k]);
  }
}
