// Exercise: how many labels does corruption leave unchanged?
import { requireProbability } from '../../introduction/checks.ts';
import { checkCount } from '../checks.ts';

// #region agreement
/** P(corrupted label = true label) = 1 − p + p/c = 1 − p(1 − 1/c):
 *  kept with probability 1 − p, or redrawn and hitting it by luck. */
export function expectedAgreement(p: number, classes: number): number {
  requireProbability('expectedAgreement', 'p', p);
  checkCount('expectedAgreement', 'classes', classes, 2);
  return 1 - p * (1 - 1 / classes);
}
// #endregion
