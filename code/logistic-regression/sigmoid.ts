// The logistic sigmoid, computed without overflow for any finite z, and
// the naive formulas it replaces (kept to show how they fail).
// Browser-safe: no node imports.
import { softplus } from '../probability/univariate.ts';

function requireFinite(fn: string, z: number): void {
  if (typeof z !== 'number' || !Number.isFinite(z)) {
    throw new Error(`${fn}: z must be a finite number, got ${z}`);
  }
}

// #region sigmoid
/**
 * σ(z) = 1 / (1 + e^−z), Eq. (logr-sigmoid), exponentiating only
 * −|z| ≤ 0, so nothing overflows; σ(−z) = 1 − σ(z) gives z < 0.
 */
export function sigmoid(z: number): number {
  requireFinite('sigmoid', z);
  const e = Math.exp(-Math.abs(z)); // in (0, 1]
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/**
 * −ℓ(z, y) = −log(1 + e^−m) with the margin m = (2y − 1)z,
 * Eq. (logr-margin-loss): Eq. (logr-sample-loss) without cancellation.
 */
export function logLikelihoodTerm(z: number, y: number): number {
  requireFinite('logLikelihoodTerm', z);
  if (y !== 0 && y !== 1) {
    throw new Error(`logLikelihoodTerm: y must be 0 or 1, got ${y}`);
  }
  return -softplus(-(2 * y - 1) * z);
}
// #endregion

// #region naive
/** log(1 + e^z) as written: Infinity once e^z overflows (z > 709). */
export function naiveLog1pExp(z: number): number {
  requireFinite('naiveLog1pExp', z);
  return Math.log(1 + Math.exp(z));
}

/** −[y log p + (1 − y) log(1 − p)] with p = σ(z) computed first. */
export function naiveCrossEntropy(z: number, y: number): number {
  requireFinite('naiveCrossEntropy', z);
  if (y !== 0 && y !== 1) {
    throw new Error(`naiveCrossEntropy: y must be 0 or 1, got ${y}`);
  }
  const p = 1 / (1 + Math.exp(-z)); // rounds to exactly 1 for z > 37
  return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
}
// #endregion
