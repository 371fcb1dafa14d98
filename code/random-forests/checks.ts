// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the
// caller called.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import { checkFit } from '../decision-trees/checks.ts';
import type { ExtraTreeOptions } from './extra-trees.ts';
import type { Forest, ForestOptions } from './forest.ts';

/** An integer >= min. */
export function checkCount(
  fn: string, name: string, k: number, min: number,
): void {
  if (!Number.isSafeInteger(k) || k < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
      `got ${k}`);
  }
}

/** X is a finite non-empty Matrix with d columns (if d is given). */
export function checkMatrix(
  fn: string, X: Matrix, d?: number, name = 'X',
): void {
  if (!(X instanceof Matrix) || X.rows < 1 || X.cols < 1) {
    throw new Error(`${fn}: ${name} must be a non-empty Matrix, got ` +
      `${X instanceof Matrix ? shapeOf(X) : typeof X}`);
  }
  if (d !== undefined && X.cols !== d) {
    throw new Error(`${fn}: ${name} must have ${d} columns (the ` +
      `features), got ${shapeOf(X)}`);
  }
  checkFinite(fn, name, X);
}

/** y has one finite value per row; labels are integers >= 0. */
export function checkTargets(
  fn: string, y: ArrayLike<number>, n: number, labels: boolean,
  name = 'y', of = 'X',
): void {
  if (y === null || typeof y !== 'object' || y.length !== n) {
    throw new Error(`${fn}: ${name} must have one value per row of ` +
      `${of} (${n}), ` +
      `got ${y === null || typeof y !== 'object' ? typeof y
        : `length ${y.length}`}`);
  }
  for (let i = 0; i < n; i++) {
    const v = y[i];
    const ok = labels ? Number.isInteger(v) && v >= 0 && v < 65536
      : Number.isFinite(v);
    if (!ok) {
      throw new Error(`${fn}: ${name}[${i}] = ${v} is not ` +
        `${labels ? 'a class label 0, 1, ...' : 'a finite number'}`);
    }
  }
}

const KEYS = ['task', 'nTrees', 'maxFeatures', 'bootstrap', 'splitter',
  'criterion', 'maxDepth', 'minSamplesLeaf', 'seed'];

/** Checks fitForest's options; unknown keys are refused. */
export function checkForestOptions(
  fn: string, o: ForestOptions, d: number,
): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${o}`);
  }
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) {
      throw new Error(`${fn}: unknown option ${key}`);
    }
  }
  if (o.task !== 'classification' && o.task !== 'regression') {
    throw new Error(`${fn}: task must be classification or regression, ` +
      `got ${o.task}`);
  }
  if (o.nTrees !== undefined) checkCount(fn, 'nTrees', o.nTrees, 1);
  if (o.maxFeatures !== undefined) {
    checkCount(fn, 'maxFeatures', o.maxFeatures, 1);
    if (o.maxFeatures > d) {
      throw new Error(`${fn}: maxFeatures must be <= d = ${d}, got ` +
        `${o.maxFeatures}`);
    }
  }
  if (o.bootstrap !== undefined && typeof o.bootstrap !== 'boolean') {
    throw new Error(`${fn}: bootstrap must be true or false, got ` +
      `${o.bootstrap}`);
  }
  if (o.splitter !== undefined && o.splitter !== 'best' &&
      o.splitter !== 'random') {
    throw new Error(`${fn}: splitter must be best or random, got ` +
      `${o.splitter}`);
  }
  if (o.seed !== undefined) checkCount(fn, 'seed', o.seed, 0);
  if (o.minSamplesLeaf !== undefined) {
    checkCount(fn, 'minSamplesLeaf', o.minSamplesLeaf, 1);
  }
  if (o.maxDepth !== undefined && o.maxDepth !== Infinity) {
    checkCount(fn, 'maxDepth', o.maxDepth, 1);
  }
  const allowed = o.task === 'regression' ? ['squared_error']
    : ['gini', 'entropy'];
  if (o.criterion !== undefined && !allowed.includes(o.criterion)) {
    throw new Error(`${fn}: criterion must be ${allowed.join(' or ')} ` +
      `for ${o.task}, got ${o.criterion}`);
  }
}

/** A forest as fitForest returns it. */
export function checkForest(fn: string, f: Forest): void {
  if (f === null || typeof f !== 'object' || !Array.isArray(f.trees) ||
      f.trees.length < 1 || f.inBag?.length !== f.trees.length) {
    throw new Error(`${fn}: forest must be a Forest (fitForest makes it)`);
  }
}

const EXTRA_KEYS = ['criterion', 'maxDepth', 'minSamplesLeaf',
  'maxFeatures', 'seed', 'sampleWeight', 'nClasses'];

/** fitExtraTree's options, checked as fitTree checks its own. */
export function checkExtraOptions(
  fn: string, X: Matrix, y: ArrayLike<number>, o: ExtraTreeOptions,
): Required<ExtraTreeOptions> {
  for (const key of Object.keys(o ?? {})) {
    if (!EXTRA_KEYS.includes(key)) {
      throw new Error(`${fn}: unknown option ${key}`);
    }
  }
  return checkFit(fn, X, y, o);
}
