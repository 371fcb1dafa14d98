// Exercise: the Hanley–McNeil standard error of the AUC.
import {
  requireBetween, requireInteger,
} from '../../introduction/checks.ts';

/** √Var(A), Var(A) = (A(1 − A) + (P − 1)(Q₁ − A²)
 *  + (N − 1)(Q₂ − A²)) / (PN), Q₁ = A/(2 − A), Q₂ = 2A²/(1 + A). */
export function hanleyMcNeilSE(
  auc: number,
  nPos: number,
  nNeg: number,
): number {
  const fn = 'hanleyMcNeilSE';
  requireBetween(fn, 'auc', auc, 0, 1);
  requireInteger(fn, 'nPos', nPos, 1);
  requireInteger(fn, 'nNeg', nNeg, 1);
  const a2 = auc * auc;
  const q1 = auc / (2 - auc);
  const q2 = (2 * a2) / (1 + auc);
  const v = auc * (1 - auc) + (nPos - 1) * (q1 - a2) +
    (nNeg - 1) * (q2 - a2);
  return Math.sqrt(v / (nPos * nNeg));
}
