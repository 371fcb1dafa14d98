// The confusion matrix of a binary classifier and the rates read off
// it: precision, recall, specificity and the F-scores.
import { confusionMatrix } from '../softmax-regression/metrics.ts';
import { requireFiniteArray } from '../introduction/checks.ts';
import {
  requireCounts,
  requireLabels,
  requireLabelsScores,
} from './checks.ts';

// #region confusion
/** The four counts of the binary confusion matrix, Eq. (cm-confusion). */
export interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** The predicted labels ŷᵢ = [sᵢ ≥ t], Eq. (cm-decision). */
export function predictAt(s: ArrayLike<number>, t: number): Int32Array {
  requireFiniteArray('predictAt', 's', s);
  if (!Number.isFinite(t)) {
    throw new Error(`predictAt: t must be a finite number, got ${t}`);
  }
  const yHat = new Int32Array(s.length); // a loop: from() is slow here
  for (let i = 0; i < s.length; i++) yHat[i] = s[i] >= t ? 1 : 0;
  return yHat;
}

/** TP, FP, TN, FN: the 2 × 2 case of the K-class confusion matrix. */
export function confusionCounts(
  y: ArrayLike<number>,
  yHat: ArrayLike<number>,
): Counts {
  requireLabelsScores('confusionCounts', y, yHat, 'yHat');
  requireLabels('confusionCounts', yHat, 'yHat');
  const C = confusionMatrix(Int32Array.from(y), Int32Array.from(yHat), 2);
  // row = true class, column = predicted class, as in scikit-learn
  return { tn: C.get(0, 0), fp: C.get(0, 1), fn: C.get(1, 0),
    tp: C.get(1, 1) };
}
// #endregion

// #region rates
/** a / b, and 0 for 0/0 (scikit-learn's zero_division=0). */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Accuracy (TP + TN) / n, Eq. (cm-accuracy). */
export function accuracyOfCounts(c: Counts): number {
  requireCounts('accuracyOfCounts', c);
  return (c.tp + c.tn) / (c.tp + c.fp + c.tn + c.fn);
}

/** Precision TP / (TP + FP), Eq. (cm-precision); 0 if nothing is
 *  predicted positive. */
export function precisionOf(c: Counts): number {
  requireCounts('precisionOf', c);
  return ratio(c.tp, c.tp + c.fp);
}

/** Recall (true positive rate) TP / (TP + FN), Eq. (cm-recall). */
export function recallOf(c: Counts): number {
  requireCounts('recallOf', c);
  return ratio(c.tp, c.tp + c.fn);
}

/** Specificity TN / (TN + FP) = 1 − FPR, Eq. (cm-fpr). */
export function specificityOf(c: Counts): number {
  requireCounts('specificityOf', c);
  return ratio(c.tn, c.tn + c.fp);
}

/** F_β = (1 + β²)TP / ((1 + β²)TP + β²FN + FP), Eq. (cm-fbeta). */
export function fBetaOf(c: Counts, beta = 1): number {
  requireCounts('fBetaOf', c);
  if (!(Number.isFinite(beta) && beta > 0)) {
    throw new Error(`fBetaOf: beta must be finite and > 0, got ${beta}`);
  }
  const b2 = beta * beta;
  return ratio((1 + b2) * c.tp, (1 + b2) * c.tp + b2 * c.fn + c.fp);
}
// #endregion
