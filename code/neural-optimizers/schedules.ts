// Learning-rate schedules as step rules: a wrapper that asks the
// schedule for the rate of step k and hands it to the inner rule. The
// schedule counts optimizer steps (minibatches), not epochs.
import type { StepRule } from '../multilayer-perceptron/train.ts';
import { requireFunction } from '../introduction/checks.ts';
import {
  checkCount, checkNonNegative, checkPositive, checkRate, checkRuleCall,
} from './checks.ts';

// #region schedules
/** The rate of step k = 0, 1, … for a base rate eta. */
export type Schedule = (k: number, eta: number) => number;

/** η γ^⌊k/s⌋, as torch's StepLR, Eq. (no-step-lr). */
export function stepDecay(stepSize: number, gamma: number): Schedule {
  checkCount('stepDecay', 'stepSize', stepSize);
  checkPositive('stepDecay', 'gamma', gamma);
  return (k, eta) => eta * gamma ** Math.floor(k / stepSize);
}

/** From η down to etaMin over T steps, as CosineAnnealingLR,
 *  Eq. (no-cosine). */
export function cosine(T: number, etaMin = 0): Schedule {
  checkCount('cosine', 'T', T);
  checkNonNegative('cosine', 'etaMin', etaMin);
  return (k, eta) =>
    etaMin + (eta - etaMin) * (1 + Math.cos(Math.PI * k / T)) / 2;
}

/** Linear warm-up from start·η to η over w steps, then cosine to
 *  etaMin at step T, as LinearLR + CosineAnnealingLR in SequentialLR,
 *  Eq. (no-warmup). */
export function warmupCosine(w: number, T: number, start = 0.1,
  etaMin = 0): Schedule {
  checkWarmup(w, T, start, etaMin);
  const decay = cosine(T - w, etaMin);
  return (k, eta) => k < w
    ? eta * (start + (1 - start) * k / w)
    : decay(k - w, eta);
}
// #endregion

// #region scheduled
/** A step rule whose rate follows the schedule, one step at a time. */
export function withSchedule(rule: StepRule,
  schedule: Schedule): StepRule {
  requireFunction('withSchedule', 'rule', rule);
  requireFunction('withSchedule', 'schedule', schedule);
  let k = 0; // steps taken so far
  return (params, eta) => {
    checkRuleCall('withSchedule', params, eta);
    rule(params, schedule(k++, eta));
  };
}
// #endregion

function checkWarmup(w: number, T: number, start: number,
  etaMin: number): void {
  checkCount('warmupCosine', 'w', w);
  checkCount('warmupCosine', 'T', T, w + 1);
  checkRate('warmupCosine', 'start', start);
  if (start === 0) {
    throw new Error('warmupCosine: start must be > 0, got 0');
  }
  checkNonNegative('warmupCosine', 'etaMin', etaMin);
}
