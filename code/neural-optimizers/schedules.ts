// Learning-rate schedules for a network: the gradient-descent chapter's
// schedules, built with η₀ = 1 so that they return a factor, indexed by
// the optimizer step (minibatch) rather than the epoch, and a wrapper
// step rule that multiplies the rate it is given by that factor.
import type { StepRule } from '../multilayer-perceptron/train.ts';
import {
  type Schedule, cosine,
} from '../gradient-descent/schedules.ts';
import { requireFunction } from '../introduction/checks.ts';
import {
  checkCount, checkNonNegative, checkRate, checkRuleCall,
} from './checks.ts';

// #region warmup
/** Factor start + (1 − start) k/w for k < w, then the cosine of
 *  Eq. (gd-cosine) from 1 to etaMin over T − w steps, Eq. (no-warmup). */
export function warmupCosine(w: number, T: number, start = 0.1,
  etaMin = 0): Schedule {
  checkWarmup(w, T, start, etaMin);
  const decay = cosine(1, T - w, etaMin);
  return (k) => k < w ? start + (1 - start) * k / w : decay(k - w);
}
// #endregion

// #region scheduled
/** A step rule whose rate at step k = 0, 1, … is eta × factor(k). */
export function withSchedule(rule: StepRule,
  factor: Schedule): StepRule {
  requireFunction('withSchedule', 'rule', rule);
  requireFunction('withSchedule', 'factor', factor);
  let k = 0; // steps taken so far: one per minibatch, not per epoch
  return (params, eta) => {
    checkRuleCall('withSchedule', params, eta);
    rule(params, eta * factor(k++));
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
  if (etaMin >= 1) { // (cosine needs etaMin below its peak, 1)
    throw new Error(`warmupCosine: etaMin is a factor of eta: must be ` +
      `< 1, got ${etaMin}`);
  }
}
