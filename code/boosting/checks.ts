// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the
// caller called. Browser-safe.
import { requireInteger } from '../introduction/checks.ts';
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Matrix as M } from '../linear-algebra/matrix.ts';
import type { BoostedTrees, BoostingOptions } from './gradient-boosting.ts';
import type { AdaBoost, AdaBoostOptions } from './adaboost.ts';
import type { LossName } from './losses.ts';

const LOSSES: LossName[] = ['squared_error', 'absolute_error', 'huber',
  'log_loss'];

/** loss is one of the four losses. */
export function checkLoss(fn: string, loss: LossName): void {
  if (!LOSSES.includes(loss)) {
    throw new Error(`${fn}: loss must be one of ${LOSSES.join(', ')}, ` +
      `got ${loss}`);
  }
}

/** lossValue's and initialScores' arguments. */
export function checkScores(
  fn: string, loss: LossName, y: ArrayLike<number>, K: number,
  F?: ArrayLike<number>, alpha = 0.5,
): void {
  checkLoss(fn, loss);
  checkArray(fn, 'y', y);
  requireInteger(fn, 'K', K, 1, 1000);
  if (loss === 'log_loss') {
    for (let i = 0; i < y.length; i++) {
      if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= Math.max(K, 2)) {
        throw new Error(`${fn}: y must hold class labels below ` +
          `${Math.max(K, 2)}, got y[${i}] = ${y[i]}`);
      }
    }
  }
  if (F !== undefined) {
    checkArray(fn, 'F', F, y.length * K, 'K per entry of y');
  }
  checkRate(fn, 'alpha', alpha, 1);
}

/** xs is an array of `length` finite numbers (any length if -1). */
export function checkArray(
  fn: string, name: string, xs: ArrayLike<number>, length = -1,
  per = '',
): void {
  if (xs === null || typeof xs !== 'object' || !('length' in xs) ||
      xs.length < 1 || (length >= 0 && xs.length !== length)) {
    const got = xs === null || typeof xs !== 'object' ? typeof xs
      : `length ${xs.length}`;
    throw new Error(`${fn}: ${name} must have ` +
      `${length >= 0 ? length : 'at least 1'} entries` +
      `${per === '' ? '' : ` (${per})`}, got ${got}`);
  }
  for (let i = 0; i < xs.length; i++) {
    if (typeof xs[i] !== 'number' || !Number.isFinite(xs[i])) {
      throw new Error(`${fn}: ${name}[${i}] = ${xs[i]} is not finite`);
    }
  }
}

/** X is a non-empty finite Matrix (with d columns if given). */
function checkMatrix(fn: string, X: M, d?: number): void {
  if (!(X instanceof Matrix) || X.rows < 1 || X.cols < 1) {
    throw new Error(`${fn}: X must be a non-empty Matrix, got ` +
      `${X instanceof Matrix ? shapeOf(X) : typeof X}`);
  }
  if (d !== undefined && X.cols !== d) {
    throw new Error(`${fn}: X must have ${d} columns, got ${shapeOf(X)}`);
  }
  checkFinite(fn, 'X', X);
}

/** Class labels 0..K−1 (integers); returns K = 1 + the largest. */
function checkLabels(fn: string, y: ArrayLike<number>): number {
  let top = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] > 1000) {
      throw new Error(`${fn}: y must hold class labels 0, 1, ..., got ` +
        `y[${i}] = ${y[i]}`);
    }
    top = Math.max(top, y[i]);
  }
  if (top < 1) {
    throw new Error(`${fn}: y must hold at least two classes, got ` +
      `only class 0`);
  }
  return top + 1;
}

function checkOptions(fn: string, options: object, keys: string[]) {
  if (options === null || typeof options !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${options}`);
  }
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) {
      throw new Error(`${fn}: unknown option ${key}`);
    }
  }
}

function checkRate(fn: string, name: string, x: number, hi: number) {
  if (typeof x !== 'number' || !(x > 0 && x <= hi)) {
    throw new Error(`${fn}: ${name} must be in (0, ${hi}], got ${x}`);
  }
}

/** weightedQuantile's arguments. */
export function checkQuantile(
  fn: string, v: ArrayLike<number>, w: ArrayLike<number>, q: number,
): void {
  checkArray(fn, 'v', v);
  checkArray(fn, 'w', w, v.length, 'one per entry of v');
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < 0) throw new Error(`${fn}: w[${i}] = ${w[i]} is negative`);
    total += w[i];
  }
  if (!(total > 0)) throw new Error(`${fn}: w must not be all zero`);
  checkRate(fn, 'q', q, 1);
}

/** fitGradientBoosting's arguments, with every default filled in. */
export function checkBoosting(
  fn: string, X: M, y: ArrayLike<number>, options: BoostingOptions,
) {
  checkOptions(fn, options, ['loss', 'nEstimators', 'eta', 'maxDepth',
    'minSamplesLeaf', 'subsample', 'alpha', 'seed', 'validation',
    'nIterNoChange', 'tol']);
  checkMatrix(fn, X);
  checkArray(fn, 'y', y, X.rows, 'one per row of X');
  const o = options;
  const loss = o.loss ?? 'squared_error';
  checkLoss(fn, loss);
  const nClasses = loss === 'log_loss' ? checkLabels(fn, y) : 1;
  const nEstimators = o.nEstimators ?? 100;
  requireInteger(fn, 'nEstimators', nEstimators, 1);
  const eta = o.eta ?? 0.1;
  checkRate(fn, 'eta', eta, 1e6);
  const maxDepth = o.maxDepth ?? 3;
  requireInteger(fn, 'maxDepth', maxDepth, 1, 64);
  const minSamplesLeaf = o.minSamplesLeaf ?? 1;
  requireInteger(fn, 'minSamplesLeaf', minSamplesLeaf, 1);
  const subsample = o.subsample ?? 1;
  checkRate(fn, 'subsample', subsample, 1);
  const alpha = o.alpha ?? 0.9;
  checkRate(fn, 'alpha', alpha, 1);
  const seed = o.seed ?? 0;
  requireInteger(fn, 'seed', seed, 0);
  const tol = o.tol ?? 1e-4;
  if (typeof tol !== 'number' || !(tol >= 0) || tol === Infinity) {
    throw new Error(`${fn}: tol must be a finite number >= 0, got ${tol}`);
  }
  const validation = checkValidation(fn, o, X.cols, nClasses);
  const nIterNoChange = o.nIterNoChange ?? 1;
  requireInteger(fn, 'nIterNoChange', nIterNoChange, 1);
  return { loss, nClasses, nEstimators, eta, maxDepth, minSamplesLeaf,
    subsample, alpha, seed, tol, validation, nIterNoChange };
}

function checkValidation(
  fn: string, o: BoostingOptions, d: number, K: number,
) {
  if (o.nIterNoChange !== undefined && o.validation === undefined) {
    throw new Error(`${fn}: nIterNoChange needs a validation set`);
  }
  const v = o.validation;
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object') {
    throw new Error(`${fn}: validation must be { X, y }, got ${v}`);
  }
  checkMatrix(fn, v.X, d);
  checkArray(fn, 'validation.y', v.y, v.X.rows,
    'one per row of validation.X');
  if (K > 1 && checkLabels(fn, v.y) > K) {
    throw new Error(`${fn}: validation.y has a class not in y`);
  }
  return v;
}

/** A model from fitGradientBoosting and a matching X. */
export function checkModelX(fn: string, model: BoostedTrees, X: M) {
  const ok = model !== null && typeof model === 'object' &&
    Array.isArray(model.trees) && model.trees.length >= 1 &&
    model.init instanceof Float64Array &&
    model.gammas?.length === model.trees.length;
  if (!ok) {
    throw new Error(`${fn}: model must come from fitGradientBoosting`);
  }
  checkMatrix(fn, X, model.trees[0].nFeatures);
}

/** fitAdaBoost's arguments, with every default filled in. */
export function checkAdaBoost(
  fn: string, X: M, y: ArrayLike<number>, options: AdaBoostOptions,
) {
  checkOptions(fn, options, ['nEstimators', 'maxDepth', 'eta']);
  checkMatrix(fn, X);
  checkArray(fn, 'y', y, X.rows, 'one per row of X');
  const K = checkLabels(fn, y);
  const nEstimators = options.nEstimators ?? 50;
  requireInteger(fn, 'nEstimators', nEstimators, 1);
  const maxDepth = options.maxDepth ?? 1;
  requireInteger(fn, 'maxDepth', maxDepth, 1, 64);
  const eta = options.eta ?? 1;
  checkRate(fn, 'eta', eta, 1e6);
  return { K, nEstimators, maxDepth, eta };
}

/** A model from fitAdaBoost and a matching X. */
export function checkAdaBoostX(fn: string, model: AdaBoost, X: M) {
  const ok = model !== null && typeof model === 'object' &&
    Array.isArray(model.stumps) && model.stumps.length >= 1 &&
    model.alphas?.length === model.stumps.length;
  if (!ok) throw new Error(`${fn}: model must come from fitAdaBoost`);
  checkMatrix(fn, X, model.stumps[0].nFeatures);
}
