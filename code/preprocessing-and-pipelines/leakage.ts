// Leakage measured: the same folds scored twice, once with the
// preprocessing fitted on all the rows (the test rows included) and
// once inside each training fold (a pipeline). Browser-safe.
import type { Matrix } from '../linear-algebra/matrix.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import type { Frame } from './frame.ts';
import { pipe, type Step } from './pipeline.ts';
import {
  checkCv,
  crossValidatePipeline,
  type Score,
} from './search.ts';

// #region leaky-and-proper
/** Cross-validation with preprocessing fitted once on all of X
 *  (leaky, Eq. (pp-cv-leaky)) and inside each fold (Eq. (pp-cv)). */
export function leakyAndProper(
  X: Frame,
  y: Int32Array,
  folds: Fold[],
  pre: Step<Frame, Frame>,
  model: Step<Frame, Matrix>,
  score: Score,
) {
  checkCv('leakyAndProper', X, y, folds, { pre, model, score });
  const seenAll = pre(X, y)(X); // every row, test rows too, fitted pre
  const fn = crossValidatePipeline;
  return {
    leaky: fn(seenAll, y, folds, model, score),
    proper: fn(X, y, folds, pipe(pre, model), score),
  };
}
// #endregion
