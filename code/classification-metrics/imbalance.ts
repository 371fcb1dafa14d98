// What class imbalance does to precision, and how costs set the
// threshold.
import type { Counts } from './confusion.ts';
import { requireCounts } from './checks.ts';

function requireRate(fn: string, name: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0 && v <= 1)) {
    throw new Error(`${fn}: ${name} must be in [0, 1], got ${v}`);
  }
}

function requireCost(fn: string, name: string, v: number): void {
  if (!(Number.isFinite(v) && v > 0)) {
    throw new Error(`${fn}: ${name} must be finite and > 0, got ${v}`);
  }
}

// #region prevalence
/** Precision at prevalence π from the class-wise rates,
 *  Eq. (cm-precision-prevalence); 0 if nothing is predicted positive. */
export function precisionAtPrevalence(
  tpr: number,
  fpr: number,
  pi: number,
): number {
  const fn = 'precisionAtPrevalence';
  requireRate(fn, 'tpr', tpr);
  requireRate(fn, 'fpr', fpr);
  requireRate(fn, 'pi', pi);
  const positives = pi * tpr; // P(ŷ = 1, y = 1)
  const total = positives + (1 - pi) * fpr; // P(ŷ = 1)
  return total === 0 ? 0 : positives / total;
}
// #endregion

// #region costs
/** The threshold t* = c_FP / (c_FP + c_FN), Eq. (cm-cost-threshold). */
export function costThreshold(costFP: number, costFN: number): number {
  requireCost('costThreshold', 'costFP', costFP);
  requireCost('costThreshold', 'costFN', costFN);
  return costFP / (costFP + costFN);
}

/** The mean cost per sample, (c_FP · FP + c_FN · FN) / n. */
export function meanCost(c: Counts, costFP: number, costFN: number) {
  requireCost('meanCost', 'costFP', costFP);
  requireCost('meanCost', 'costFN', costFN);
  requireCounts('meanCost', c);
  const n = c.tp + c.fp + c.tn + c.fn;
  return (costFP * c.fp + costFN * c.fn) / n;
}
// #endregion
