// Choosing α by cross-validation, with the model-evaluation chapter's
// crossValidate: for each α on the full data's pruning path, fit a full
// tree on each training fold, prune it at α, score the held-out fold.
import { moments } from '../introduction/stats.ts';
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import {
  type Fitter,
  type Metric,
  crossValidate,
} from '../model-evaluation/cross-validation.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import { checkData } from './checks.ts';
import { requireFiniteArray } from '../introduction/checks.ts';
import { predictTree } from './predict.ts';
import { pruneTree, pruningPath } from './pruning.ts';
import { type TreeOptions, fitTree } from './tree.ts';

// #region fitter
/** A Fitter (model-evaluation chapter): grow with options, prune at α. */
export function prunedTreeFitter(
  alpha: number, options: TreeOptions = {},
): Fitter {
  if (typeof alpha !== 'number' || !(alpha >= 0) || alpha === Infinity) {
    throw new Error(`prunedTreeFitter: alpha must be a finite number ` +
      `>= 0, got ${alpha}`);
  }
  return (X, y) => {
    const tree = pruneTree(fitTree(X, y, options), alpha);
    return (Xnew) => predictTree(tree, Xnew);
  };
}
// #endregion

// #region select-alpha
/**
 * The cross-validated score of every α on the full data's pruning path
 * (the last α, which prunes to the root, left out), the α of the lowest
 * mean, and the largest α within one standard error of it (the
 * one-standard-error rule of Breiman et al. 1984, ch. 3).
 */
export function selectAlpha(
  X: Matrix, y: Vector, folds: Fold[], metric: Metric,
  options: TreeOptions = {},
) {
  checkData('selectAlpha', X, y, options);
  const path = pruningPath(fitTree(X, y, options)).alphas;
  const alphas = path.length > 1 ? path.slice(0, -1) : path;
  const cv = alphas.map((alpha) =>
    crossValidate(X, y, folds, prunedTreeFitter(alpha, options), metric));
  let best = 0;
  cv.forEach((c, a) => { if (c.mean < cv[best].mean) best = a; });
  const bar = cv[best].mean + cv[best].standardError;
  let oneSe = best;
  cv.forEach((c, a) => { if (c.mean <= bar && a > oneSe) oneSe = a; });
  return { alphas, mean: cv.map((c) => c.mean),
    standardError: cv.map((c) => c.standardError), best, oneSe };
}
// #endregion

/** Mean and standard error of a list of numbers. */
export function meanAndError(xs: ArrayLike<number>) {
  requireFiniteArray('meanAndError', 'xs', xs, 2);
  const { mean, variance } = moments(xs);
  return { mean, standardError: Math.sqrt(variance / xs.length) };
}
