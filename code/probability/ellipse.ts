// The covariance ellipse of a 2-D normal: the curve of constant
// Mahalanobis distance r, and the r that encloses a given mass.
import type { MultivariateNormal } from './mvn.ts';
import {
  requireProbability,
  requirePositive,
} from '../introduction/checks.ts';

// #region ellipse-radius
/** The r whose ellipse holds probability q in 2-D: Eq. (prob-ellipse-r). */
export function ellipseRadius(q: number): number {
  requireProbability('ellipseRadius', 'q', q);
  if (q === 1) throw new Error('ellipseRadius: q = 1 needs r = infinity');
  return Math.sqrt(-2 * Math.log1p(-q));
}

// #endregion

// #region ellipse
/** Points mu + r L (cos t, sin t) of the ellipse: Eq. (prob-ellipse). */
export function covarianceEllipse(
  dist: MultivariateNormal,
  r: number,
  points = 120,
): [number, number][] {
  if (dist.dim !== 2) {
    throw new Error(`covarianceEllipse: expected a 2-D normal, got ` +
      `dimension ${dist.dim}`);
  }
  requirePositive('covarianceEllipse', 'r', r);
  if (!Number.isInteger(points) || points < 3) {
    throw new Error(`covarianceEllipse: points must be an integer ` +
      `>= 3, got ${points}`);
  }
  const [m0, m1] = dist.mean;
  const l = dist.L.data; // [l00, 0, l10, l11]
  const out: [number, number][] = [];
  for (let k = 0; k <= points; k++) { // k = points closes the curve
    const t = (2 * Math.PI * k) / points;
    const u0 = r * Math.cos(t);
    const u1 = r * Math.sin(t);
    out.push([m0 + l[0] * u0, m1 + l[2] * u0 + l[3] * u1]);
  }
  return out;
}
// #endregion
