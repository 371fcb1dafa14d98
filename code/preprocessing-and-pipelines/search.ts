// Cross-validation of a whole pipeline, and grid search over its
// settings: preprocessing and model are refitted on every training
// fold, so no held-out row shapes what is learned. Browser-safe.
import { moments } from '../introduction/stats.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { checkFolds } from '../model-evaluation/cross-validation.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import { checkFrame, checkLabelsFor } from './checks.ts';
import { rowCount, takeFrameRows, type Frame } from './frame.ts';
import type { Step } from './pipeline.ts';

/** A loss of probabilities P for labels y: lower is better. */
export type Score = (y: Int32Array, P: Matrix) => number;

// #region cross-validate-pipeline
/** The k held-out scores of the pipeline, Eq. (pp-cv), their mean and
 *  its standard error (Eq. (rg-cv-se)). */
export function crossValidatePipeline(
  X: Frame,
  y: Int32Array,
  folds: Fold[],
  model: Step<Frame, Matrix>,
  score: Score,
): { scores: number[]; mean: number; standardError: number } {
  checkCv('crossValidatePipeline', X, y, folds, { model, score });
  const scores = folds.map(({ train, test }) => {
    const fitted = model(takeFrameRows(X, train), pick(y, train));
    return score(pick(y, test), fitted(takeFrameRows(X, test)));
  });
  const { mean, variance } = moments(scores);
  const standardError = Math.sqrt(variance / folds.length);
  return { scores, mean, standardError };
}

/** The entries idx of y. */
function pick(y: Int32Array, idx: number[]): Int32Array {
  return Int32Array.from(idx, (i) => y[i]);
}
// #endregion

// #region parameter-grid
export type Params = Record<string, number | string>;

/** Every combination of the grid's values; names in sorted order, the
 *  last name changing fastest (scikit-learn's ParameterGrid order). */
export function parameterGrid(
  grid: Record<string, (number | string)[]>,
): Params[] {
  checkGrid(grid);
  let out: Params[] = [{}];
  for (const name of Object.keys(grid).sort()) {
    out = out.flatMap((p) => grid[name].map((v) => ({ ...p, [name]: v })));
  }
  return out;
}
// #endregion

// #region grid-search
/**
 * Cross-validates the pipeline make(p) for every p of the grid on the
 * same folds; best is the smallest mean score (the first, if tied).
 */
export function gridSearch(
  X: Frame,
  y: Int32Array,
  folds: Fold[],
  grid: Record<string, (number | string)[]>,
  make: (p: Params) => Step<Frame, Matrix>,
  score: Score,
) {
  checkCv('gridSearch', X, y, folds, { make, score });
  const results = parameterGrid(grid).map((params) => ({
    params,
    ...crossValidatePipeline(X, y, folds, make(params), score),
  }));
  let best = 0;
  results.forEach((r, i) => { if (r.mean < results[best].mean) best = i; });
  return { results, best, params: results[best].params };
}
// #endregion

/** Throws, naming fn, unless data, labels and folds fit together and
 *  every callback in `calls` is a function. */
export function checkCv(
  fn: string,
  X: Frame,
  y: Int32Array,
  folds: Fold[],
  calls: Record<string, unknown> = {},
): void {
  checkFrame(fn, X);
  checkLabelsFor(fn, y, rowCount(X));
  checkFolds(fn, folds, rowCount(X));
  for (const [name, f] of Object.entries(calls)) {
    if (typeof f !== 'function') {
      throw new Error(`${fn}: ${name} must be a function, got ${typeof f}`);
    }
  }
}

function checkGrid(grid: Record<string, (number | string)[]>): void {
  if (grid === null || typeof grid !== 'object' ||
    Object.keys(grid).length === 0) {
    throw new Error('parameterGrid: expected an object of settings, ' +
      'each with a list of values');
  }
  for (const [name, values] of Object.entries(grid)) {
    if (!Array.isArray(values) || values.length === 0 || values.some(
      (v) => typeof v !== 'string' && !Number.isFinite(v))) {
      throw new Error(`parameterGrid: "${name}" must list one or more ` +
        'finite numbers or strings');
    }
  }
}
