// Exercise: the exact area under the achievable PR curve.
import { calledAs } from '../../introduction/checks.ts';
import { requireBothClasses } from '../checks.ts';
import { rankedCounts } from '../roc.ts';

/** Σ over tie groups of (a/P) ∫₀¹ (T + ua)/(c + ud) du, c = T + F,
 *  d = a + b: Eq. (cm-pr-line) integrated exactly. */
export function prAchievableArea(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
): number {
  const fn = 'prAchievableArea';
  const { tps, fps, P, N } = calledAs(fn, () => rankedCounts(y, s, fn));
  requireBothClasses(fn, P, N);
  let area = 0;
  let T = 0; // positives above the group
  let F = 0; // negatives above the group
  for (let k = 0; k < tps.length; k++) {
    const a = tps[k] - T;
    const d = a + (fps[k] - F);
    const c = T + F;
    // c = 0: the first group, whose precision is the constant a/d
    const integral = c === 0 ? a / d
      : a / d + ((T - (a * c) / d) * Math.log1p(d / c)) / d;
    area += (a / P) * integral;
    T = tps[k];
    F = fps[k];
  }
  return area;
}
