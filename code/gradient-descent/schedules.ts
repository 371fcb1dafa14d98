// Learning-rate schedules: the step η_e of epoch e = 0, 1, 2, …
import { checkRange } from '../optimization/objective.ts';

// #region schedule-type
/** The step size of epoch e (0-based); held fixed within the epoch. */
export type Schedule = (epoch: number) => number;

/** Throws unless e is an integer >= 0. */
function checkEpoch(fn: string, e: number): void {
  if (!Number.isInteger(e) || e < 0) {
    throw new Error(`${fn}: epoch must be an integer >= 0, got ${e}`);
  }
}
// #endregion

// #region step-decay
/** η_e = η₀ γ^⌊e/s⌋: multiply by γ every s epochs, Eq. (gd-step-decay). */
export function stepDecay(
  eta0: number,
  gamma: number,
  every: number,
): Schedule {
  const fn = 'stepDecay';
  checkRange(fn, 'eta0', eta0, Number.MIN_VALUE, Infinity);
  checkRange(fn, 'gamma', gamma, Number.MIN_VALUE, 1);
  if (!Number.isInteger(every) || every < 1) {
    throw new Error(`${fn}: every must be an integer >= 1, got ${every}`);
  }
  return (e: number): number => {
    checkEpoch(fn, e);
    return eta0 * gamma ** Math.floor(e / every);
  };
}
// #endregion

// #region inverse-time
/** η_e = η₀ / (1 + e/τ), Eq. (gd-inverse-time). */
export function inverseTime(eta0: number, tau: number): Schedule {
  const fn = 'inverseTime';
  checkRange(fn, 'eta0', eta0, Number.MIN_VALUE, Infinity);
  checkRange(fn, 'tau', tau, Number.MIN_VALUE, Infinity);
  return (e: number): number => {
    checkEpoch(fn, e);
    return eta0 / (1 + e / tau);
  };
}
// #endregion

// #region cosine
/**
 * η_e = η_min + ½(η₀ − η_min)(1 + cos(π e/E)) for e <= E, then η_min,
 * Eq. (gd-cosine).
 */
export function cosine(
  eta0: number,
  epochs: number,
  etaMin = 0,
): Schedule {
  const fn = 'cosine';
  checkRange(fn, 'eta0', eta0, Number.MIN_VALUE, Infinity);
  checkRange(fn, 'etaMin', etaMin, 0, eta0);
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new Error(`${fn}: epochs must be an integer >= 1, got ${epochs}`);
  }
  return (e: number): number => {
    checkEpoch(fn, e);
    const t = Math.min(e, epochs) / epochs; // the fraction of the run
    return etaMin + 0.5 * (eta0 - etaMin) * (1 + Math.cos(Math.PI * t));
  };
}
// #endregion
