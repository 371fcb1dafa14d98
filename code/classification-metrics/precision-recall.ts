// The precision–recall curve and its summary, average precision: the
// step sum, not the trapezoid.
import { requireBothClasses } from './checks.ts';
import { calledAs } from '../introduction/checks.ts';
import { rankedCounts, trapezoid } from './roc.ts';

// #region pr-curve
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array; // increasing; one fewer than the points
}

/** (recall, precision) at every distinct threshold, lowest first, then
 *  scikit-learn's end point (recall 0, precision 1): Eq. (cm-pr). */
export function precisionRecallCurve(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
): PrecisionRecallCurve {
  const fn = 'precisionRecallCurve';
  const { thresholds, tps, fps, P, N } = rankedCounts(y, s, fn);
  requireBothClasses(fn, P, N);
  const m = thresholds.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    const j = m - 1 - k; // reverse: lowest threshold first
    precision[k] = tps[j] / (tps[j] + fps[j]); // tps + fps ≥ 1
    recall[k] = tps[j] / P;
  }
  precision[m] = 1; // recall[m] = 0
  const increasing = thresholds.slice().reverse();
  return { precision, recall, thresholds: increasing };
}
// #endregion

// #region average-precision
/** AP = Σₖ (Rₖ − Rₖ₋₁) Pₖ, Eq. (cm-ap): each recall step is paid
 *  at the precision reached at its end. */
export function averagePrecision(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
): number {
  const { precision, recall } = calledAs('averagePrecision',
    () => precisionRecallCurve(y, s));
  let ap = 0;
  for (let k = 0; k + 1 < recall.length; k++) {
    ap += (recall[k] - recall[k + 1]) * precision[k];
  }
  return ap;
}

/** The trapezoid under the PR points: optimistic, Eq. (cm-pr-line). */
export function prTrapezoid(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
): number {
  const { precision, recall } = calledAs('prTrapezoid',
    () => precisionRecallCurve(y, s));
  return trapezoid(recall.slice().reverse(), precision.slice().reverse());
}
// #endregion
