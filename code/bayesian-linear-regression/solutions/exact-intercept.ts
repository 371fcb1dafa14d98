// Exercise: with the intercept integrated out exactly, the noise update
// divides by n − 1 − γ instead of n − γ.
import {
  calledAs,
  requireInteger,
  requirePositive,
} from '../../introduction/checks.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { center, checkXy } from '../../linear-regression/model.ts';
import { evidence } from '../evidence.ts';

/** MacKay's fixed point on centred data, σ² ← ‖y_c − X_c m‖²/(n−1−γ). */
export function maximizeEvidenceExactIntercept(
  X: Matrix, y: Vector, { tol = 1e-12, maxIter = 500 } = {},
) {
  const fn = 'maximizeEvidenceExactIntercept';
  checkXy(fn, X, y);
  requirePositive(fn, 'tol', tol);
  requireInteger(fn, 'maxIter', maxIter, 1);
  const { Xc, yc } = center(X, y);
  const n = X.rows;
  let yy = 0;
  for (const v of yc) yy += v * v;
  let h = { sigma2: yy / n, tau2: 1 }; // Var(y), as maximizeEvidence

  for (let it = 1; it <= maxIter; it++) {
    const t = calledAs(fn, () => evidence(Xc, yc, h));
    const next = {
      sigma2: t.sse / (n - 1 - t.gamma), // n − 1: b integrated out
      tau2: t.mm / t.gamma,
    };
    const moved = Math.max(Math.abs(Math.log(next.sigma2 / h.sigma2)),
      Math.abs(Math.log(next.tau2 / h.tau2)));
    h = next;
    if (moved < tol) return { ...h, gamma: t.gamma, iterations: it };
  }
  throw new Error(`${fn}: no convergence in ${maxIter} iterations`);
}
