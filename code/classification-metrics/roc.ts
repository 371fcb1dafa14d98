// The ROC curve: true against false positive rate at every threshold,
// from one sort of the scores; the area under it by trapezoids.
import { requireBothClasses, requireLabelsScores } from './checks.ts';
import { calledAs, requirePaired } from '../introduction/checks.ts';

// #region ranked-counts
/** Cumulative counts at each distinct score, highest score first. */
export interface RankedCounts {
  thresholds: Float64Array; // the distinct scores, decreasing
  tps: Float64Array; // positives with s ≥ thresholds[k]
  fps: Float64Array; // negatives with s ≥ thresholds[k]
  P: number; // all positives
  N: number; // all negatives
}

/** Sort once, then count down the list; a tie group is one step. */
export function rankedCounts(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
  fn = 'rankedCounts', // the name errors give: the caller's
): RankedCounts {
  requireLabelsScores(fn, y, s);
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => s[j] - s[i]); // decreasing score
  const thr: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    tp += y[i];
    fp += 1 - y[i];
    // close the group at the last sample of each distinct score
    if (k === n - 1 || s[order[k + 1]] !== s[i]) {
      thr.push(s[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds: Float64Array.from(thr), tps: Float64Array.from(tps),
    fps: Float64Array.from(fps), P: tp, N: fp };
}
// #endregion

// #region roc-curve
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/** (FPR, TPR) at every distinct threshold, Eq. (cm-roc-point). */
export function rocCurve(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
  dropIntermediate = true,
): RocCurve {
  const { thresholds, tps, fps, P, N } = rankedCounts(y, s, 'rocCurve');
  requireBothClasses('rocCurve', P, N);
  const m = thresholds.length;
  let keep = Array.from({ length: m }, (_, k) => k);
  if (dropIntermediate && m > 2) {
    // drop a point whose two neighbours are equally far on both axes:
    // it lies mid-way on a straight segment (scikit-learn's rule)
    const d2 = (v: Float64Array, k: number) =>
      v[k + 1] - 2 * v[k] + v[k - 1];
    keep = keep.filter((k) => k === 0 || k === m - 1 ||
      d2(fps, k) !== 0 || d2(tps, k) !== 0);
  }
  return {
    fpr: Float64Array.from([0, ...keep.map((k) => fps[k] / N)]),
    tpr: Float64Array.from([0, ...keep.map((k) => tps[k] / P)]),
    // above every score: nothing is predicted positive, the point (0, 0)
    thresholds: Float64Array.from([thresholds[0] + 1,
      ...keep.map((k) => thresholds[k])]),
  };
}
// #endregion

// #region trapezoid
/** ∫ y dx over the polyline through (x_k, y_k), x non-decreasing. */
export function trapezoid(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  requirePaired('trapezoid', { x, y });
  if (x.length !== y.length || x.length < 2) {
    throw new Error(`trapezoid: expected x and y of one length >= 2, ` +
      `got ${x.length} and ${y.length}`);
  }
  let area = 0;
  for (let k = 1; k < x.length; k++) {
    const dx = x[k] - x[k - 1];
    if (!(dx >= 0)) {
      throw new Error(`trapezoid: x must be non-decreasing, got ` +
        `x[${k - 1}] = ${x[k - 1]} > x[${k}] = ${x[k]}`);
    }
    area += (dx * (y[k] + y[k - 1])) / 2;
  }
  return area;
}

/** The area under the ROC curve, Eq. (cm-auc). */
export function rocAuc(y: ArrayLike<number>, s: ArrayLike<number>): number {
  const { fpr, tpr } = calledAs('rocAuc', () => rocCurve(y, s));
  return trapezoid(fpr, tpr);
}
// #endregion
