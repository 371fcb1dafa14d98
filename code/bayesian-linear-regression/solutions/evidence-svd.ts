// Exercise: MacKay's iteration after one SVD, each step in O(d).
import {
  requireInteger,
  requirePositive,
} from '../../introduction/checks.ts';
import { svd } from '../../decompositions/svd.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { checkXy } from '../../linear-regression/model.ts';

// #region evidence-svd
/** Eq. (blr-mackay) with X = U diag(s) Vᵀ computed once. */
export function maximizeEvidenceSvd(
  X: Matrix, y: Vector, { tol = 1e-12, maxIter = 500 } = {},
) {
  checkOptions(X, y, tol, maxIter);
  const { rows: n, cols: d } = X;
  const { U, s } = svd(X);
  const k = s.length; // min(n, d); the other d − k have s_j = 0
  const uy = new Float64Array(k); // Uᵀy
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) uy[j] += U.data[i * k + j] * y[i];
  }
  let yy = 0;
  for (const v of y) yy += v * v;
  let outside = yy; // ‖y‖² − ‖Uᵀy‖²: what no w can fit
  for (const v of uy) outside -= v * v;
  let sigma2 = yy / n - (y.reduce((a, v) => a + v, 0) / n) ** 2;
  let tau2 = 1;
  for (let it = 1; it <= maxIter; it++) {
    const t = terms(s, uy, outside, sigma2, tau2, n, d);
    const next = [t.sse / (n - t.gamma), t.mm / t.gamma];
    const moved = Math.max(Math.abs(Math.log(next[0] / sigma2)),
      Math.abs(Math.log(next[1] / tau2)));
    [sigma2, tau2] = next;
    if (moved < tol) {
      const end = terms(s, uy, outside, sigma2, tau2, n, d);
      return { sigma2, tau2, ...end, iterations: it };
    }
  }
  throw new Error(`maximizeEvidenceSvd: no convergence in ${maxIter} ` +
    'iterations');
}
// #endregion

// #region svd-terms
/** ‖m‖², ‖y − Xm‖², γ and the log evidence, in O(d). */
function terms(
  s: Float64Array, uy: Float64Array, outside: number,
  sigma2: number, tau2: number, n: number, d: number,
) {
  const lambda = sigma2 / tau2;
  let mm = 0;
  let sse = outside;
  let gamma = 0;
  let logDetA = (d - s.length) * Math.log(1 / tau2); // s_j = 0
  for (let j = 0; j < s.length; j++) {
    const s2 = s[j] * s[j];
    mm += (s[j] * uy[j] / (s2 + lambda)) ** 2; // m = V diag(…) Uᵀy
    sse += (lambda / (s2 + lambda) * uy[j]) ** 2;
    gamma += s2 / (s2 + lambda);
    logDetA += Math.log(s2 / sigma2 + 1 / tau2);
  }
  const logEvidence = -0.5 * n * Math.log(2 * Math.PI * sigma2) -
    0.5 * d * Math.log(tau2) - 0.5 * logDetA - sse / (2 * sigma2) -
    mm / (2 * tau2); // Eq. (blr-evidence)
  return { mm, sse, gamma, logEvidence };
}
// #endregion

function checkOptions(X: Matrix, y: Vector, tol: number, maxIter: number) {
  checkXy('maximizeEvidenceSvd', X, y);
  requirePositive('maximizeEvidenceSvd', 'tol', tol);
  requireInteger('maximizeEvidenceSvd', 'maxIter', maxIter, 1);
}
