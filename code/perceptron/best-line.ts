// @unshown: an exhaustive search the prose quotes, a scale for the pocket
// The fewest training errors of any line in the plane, by trying the
// line through every pair of points. A line with the fewest errors can
// be moved, without crossing a point, until it passes through two
// points; a small tilt or shift of that line then puts the points on it
// on the sides a threshold along the line chooses. O(n³) time.
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { checkSigns } from './model.ts';

/** The fewest errors (y z <= 0 counts) of any line, for d = 2. */
export function bestLineErrors(X: Matrix, y: Vector): number {
  checkSigns('bestLineErrors', X, y);
  if (X.cols !== 2) {
    throw new Error(`bestLineErrors: X must have 2 columns (a plane), ` +
      `got ${X.cols}`);
  }
  const n = X.rows;
  const px = (i: number) => X.get(i, 0);
  const py = (i: number) => X.get(i, 1);
  let big = 1;
  for (let i = 0; i < n; i++) {
    big = Math.max(big, Math.abs(px(i)), Math.abs(py(i)));
  }
  // without a pair of distinct points every line has one side for all
  let best = Math.min(count(y, 1), count(y, -1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = px(j) - px(i);
      const dy = py(j) - py(i);
      if (dx === 0 && dy === 0) continue;
      const tol = 1e-9 * (Math.abs(dx) + Math.abs(dy)) * big;
      let above = 0; // errors off the line if z > 0 predicts +1
      let below = 0; // ... if z > 0 predicts −1
      const on: { t: number; label: number }[] = [];
      for (let k = 0; k < n; k++) {
        const z = -dy * (px(k) - px(i)) + dx * (py(k) - py(i));
        if (Math.abs(z) <= tol) {
          on.push({ t: dx * (px(k) - px(i)) + dy * (py(k) - py(i)),
            label: y[k] });
        } else if (y[k] * z < 0) above++;
        else below++;
      }
      best = Math.min(best, Math.min(above, below) + onLine(on, tol));
    }
  }
  return best;
}

/** Fewest errors on the line: signs sign(a + c t) for small a, c. */
function onLine(on: { t: number; label: number }[], tol: number) {
  on.sort((p, q) => p.t - q.t);
  const pos = count(on.map((p) => p.label), 1);
  let best = Math.min(pos, on.length - pos); // all one sign
  let posBefore = 0;
  for (let k = 0; k < on.length; k++) {
    posBefore += on[k].label > 0 ? 1 : 0;
    // cut between k and k + 1 only where t changes (duplicates agree)
    if (k + 1 < on.length && on[k + 1].t - on[k].t <= tol) continue;
    const negBefore = k + 1 - posBefore;
    const posAfter = pos - posBefore;
    const negAfter = on.length - k - 1 - posAfter;
    // − before the cut and + after, or the reverse
    best = Math.min(best, posBefore + negAfter, negBefore + posAfter);
  }
  return best;
}

function count(labels: ArrayLike<number>, sign: number): number {
  let c = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === sign) c++;
  return c;
}
