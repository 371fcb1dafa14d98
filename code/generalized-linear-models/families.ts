// Three exponential families: their cumulant functions, variance
// functions, canonical links and unit deviances.
// Browser-safe: no node imports.
import { shapeOf, type Vector } from '../linear-algebra/matrix.ts';
import { logGamma } from '../probability/special.ts';
import { softplus } from '../probability/univariate.ts';
import {
  identityLink,
  logLink,
  logitLink,
  type Link,
} from './links.ts';

// #region family-type
/** p(y; θ, φ) = exp((yθ − b(θ))/φ + c(y, φ)), Eq. (glm-expfam). */
export interface Family {
  readonly name: string;
  /** The cumulant function b(θ). */
  cumulant(theta: number): number;
  /** c(y, φ), the part of log p that does not involve θ. */
  logBase(y: number, phi: number): number;
  /** V(μ) = b″(θ) written as a function of μ = b′(θ). */
  variance(mu: number): number;
  /** The link with g = (b′)⁻¹, so that θ = η, Eq. (glm-canonical). */
  readonly canonical: Link;
  /** δ(y, μ), Eq. (glm-deviance); its sum is the deviance. */
  unitDeviance(y: number, mu: number): number;
  /** Can y be observed? Can μ be a mean? */
  validY(y: number): boolean;
  validMu(mu: number): boolean;
  /** A first guess μ₀ for the mean, from y alone. */
  start(y: number): number;
  /** True if φ = 1 by definition; false if φ is estimated. */
  readonly fixedDispersion: boolean;
}
// #endregion

// #region log-density
/** log p(y; θ, φ), Eq. (glm-expfam). */
export function logDensity(
  family: Family,
  y: number,
  theta: number,
  phi = 1,
): number {
  checkFamily('logDensity', family);
  if (!family.validY(y) || !Number.isFinite(theta) || !(phi > 0) ||
    !Number.isFinite(phi)) {
    throw new Error(
      `logDensity: expected y in the ${family.name} family's range, ` +
        `finite θ and φ > 0; got y = ${y}, θ = ${theta}, φ = ${phi}`,
    );
  }
  const b = family.cumulant(theta);
  return (y * theta - b) / phi + family.logBase(y, phi);
}
// #endregion

// #region gaussian
export const gaussian: Family = {
  name: 'Gaussian',
  cumulant: (theta) => theta * theta / 2,
  logBase: (y, phi) =>
    -(y * y) / (2 * phi) - Math.log(2 * Math.PI * phi) / 2,
  variance: () => 1,
  canonical: identityLink,
  unitDeviance: (y, mu) => (y - mu) ** 2,
  validY: Number.isFinite,
  validMu: Number.isFinite,
  start: (y) => y,
  fixedDispersion: false,
};
// #endregion

// #region bernoulli
export const bernoulli: Family = {
  name: 'Bernoulli',
  cumulant: softplus, // log(1 + e^θ)
  logBase: () => 0,
  variance: (mu) => mu * (1 - mu),
  canonical: logitLink,
  unitDeviance: (y, mu) => // −2 log P(y), 0 log 0 = 0
    y === 1 ? -2 * Math.log(mu) : -2 * Math.log1p(-mu),
  validY: (y) => y === 0 || y === 1,
  validMu: (mu) => mu > 0 && mu < 1,
  start: (y) => (y + 0.5) / 2, // ¼ or ¾: inside (0, 1)
  fixedDispersion: true,
};
// #endregion

// #region poisson
export const poisson: Family = {
  name: 'Poisson',
  cumulant: Math.exp,
  logBase: (y) => -logGamma(y + 1), // −log y!
  variance: (mu) => mu,
  canonical: logLink,
  unitDeviance: (y, mu) => // 2[y log(y/μ) − (y − μ)], 0 log 0 = 0
    2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu)),
  validY: (y) => Number.isInteger(y) && y >= 0,
  validMu: (mu) => mu > 0 && Number.isFinite(mu),
  start: (y) => y + 0.1, // log(0) would be −∞
  fixedDispersion: true,
};
// #endregion

// #region deviance
/** D = Σᵢ d(yᵢ, μᵢ), Eq. (glm-deviance). */
export function deviance(family: Family, y: Vector, mu: Vector): number {
  checkFamily('deviance', family);
  if (y?.length !== mu?.length) {
    throw new Error(
      `deviance: expected y and μ of the same length, got y ` +
        `${shapeOf(y)} and μ ${shapeOf(mu)}`,
    );
  }
  checkTargets('deviance', family, y);
  checkMeans('deviance', family, mu);
  let D = 0;
  for (let i = 0; i < y.length; i++) {
    D += family.unitDeviance(y[i], mu[i]);
  }
  if (!Number.isFinite(D)) {
    throw new Error(`deviance: the ${family.name} deviance is ${D}`);
  }
  return D;
}
// #endregion

// #region check-targets
/** Throws, naming `fn`, at the first y that the family cannot produce. */
export function checkTargets(fn: string, family: Family, y: Vector) {
  checkFamily(fn, family);
  if (!(ArrayBuffer.isView(y) || Array.isArray(y)) || y.length === 0) {
    throw new Error(`${fn}: y must be a non-empty array, got ${y}`);
  }
  const i = y.findIndex((v) => !family.validY(v));
  if (i >= 0) {
    throw new Error(
      `${fn}: y[${i}] = ${y[i]} is not a possible ${family.name} ` +
        'observation',
    );
  }
}
// #endregion

/** Throws, naming `fn`, unless family has every part of a Family. */
export function checkFamily(fn: string, family: Family): void {
  const parts = ['cumulant', 'logBase', 'variance', 'unitDeviance',
    'validY', 'validMu', 'start'] as const;
  const ok = typeof family === 'object' && family !== null &&
    parts.every((k) => typeof family[k] === 'function') &&
    typeof family.canonical?.inverse === 'function';
  if (!ok) {
    throw new Error(`${fn}: family must be a Family such as gaussian, ` +
      `bernoulli or poisson; got ${family?.name ?? family}`);
  }
}

/** Throws at the first μ that the family cannot have as a mean. */
export function checkMeans(fn: string, family: Family, mu: Vector) {
  if (!(ArrayBuffer.isView(mu) || Array.isArray(mu)) || mu.length === 0) {
    throw new Error(`${fn}: μ must be a non-empty array, got ${mu}`);
  }
  const i = mu.findIndex((m) => !family.validMu(m));
  if (i >= 0) {
    throw new Error(`${fn}: μ[${i}] = ${mu[i]} is not a possible ` +
      `${family.name} mean`);
  }
}
