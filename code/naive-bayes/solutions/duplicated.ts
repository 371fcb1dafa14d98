// Exercise: copies of a feature. Gaussian naive Bayes on iris with the
// petal measurements entered m times: leave-one-out accuracy and
// calibration as m grows.
import { loadIris } from '../../calculus/iris.ts';
import {
  requireFiniteArray,
  requireInteger,
} from '../../introduction/checks.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { topLabel } from '../calibration.ts';
import { columns, looJll } from '../iris.ts';

// #region duplicated
/** The four iris features with petal length and width repeated so
 *  that each appears m times. */
export function withCopies(X: Matrix, m: number): Matrix {
  requireInteger('withCopies', 'm', m, 1, 100);
  if (!(X instanceof Matrix) || X.cols !== 4) {
    throw new Error('withCopies: X must be the 4 iris features, got ' +
      (X instanceof Matrix ? `${X.cols} columns` : typeof X));
  }
  const cols = [0, 1];
  for (let k = 0; k < m; k++) cols.push(2, 3);
  return columns(X, cols);
}

/** Leave-one-out error, mean confidence and log-loss for each m. */
export function copiesStudy(ms: readonly number[] = [1, 2, 4, 8]) {
  requireFiniteArray('copiesStudy', 'ms', ms);
  for (const m of ms) requireInteger('copiesStudy', 'm', m, 1, 100);
  const { X, y } = loadIris();
  return ms.map((m) => {
    const t = topLabel(looJll(withCopies(X, m), y), y);
    return { m, error: 1 - t.accuracy, confidence: t.meanConfidence,
      logLoss: t.logLoss, ece: t.ece };
  });
}
// #endregion
