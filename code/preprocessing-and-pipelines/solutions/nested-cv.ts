// Exercise solution: nested cross-validation. Grid search runs inside
// each outer training fold; the outer test fold scores the pipeline it
// chose, refitted on that whole training fold. Browser-safe.
import type { Matrix } from '../../linear-algebra/matrix.ts';
import type { Fold } from '../../regularization/cross-validation.ts';
import { stratifiedKFold } from '../folds.ts';
import { takeFrameRows, type Frame } from '../frame.ts';
import type { Step } from '../pipeline.ts';
import {
  checkCv,
  gridSearch,
  type Params,
  type Score,
} from '../search.ts';

// #region nested-cv
/** For each outer fold: the settings grid search chose on its training
 *  rows, their inner CV score, and their score on the outer test fold. */
export function nestedCrossValidation(
  X: Frame,
  y: Int32Array,
  outer: Fold[],
  innerK: number,
  grid: Record<string, (number | string)[]>,
  make: (p: Params) => Step<Frame, Matrix>,
  score: Score,
) {
  checkCv('nestedCrossValidation', X, y, outer, { make, score });
  if (!Number.isInteger(innerK) || innerK < 2) {
    throw new Error('nestedCrossValidation: innerK must be an integer ' +
      `>= 2, got ${innerK}`);
  }
  return outer.map(({ train, test }) => {
    const Xtr = takeFrameRows(X, train);
    const ytr = Int32Array.from(train, (i) => y[i]);
    const inner = stratifiedKFold(ytr, innerK);
    const search = gridSearch(Xtr, ytr, inner, grid, make, score);
    const fitted = make(search.params)(Xtr, ytr);
    const yte = Int32Array.from(test, (i) => y[i]);
    return {
      params: search.params,
      inner: search.results[search.best].mean, // the optimistic one
      outer: score(yte, fitted(takeFrameRows(X, test))),
    };
  });
}
// #endregion
