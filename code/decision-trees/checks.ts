// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the
// caller called. Browser-safe.
import { requireInteger } from '../introduction/checks.ts';
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { FitOptions, Tree, TreeOptions } from './tree.ts';

const CRITERIA = ['gini', 'entropy', 'squared_error'];
const KEYS = ['criterion', 'maxDepth', 'minSamplesSplit',
  'minSamplesLeaf', 'minImpurityDecrease', 'maxFeatures', 'seed',
  'sampleWeight', 'nClasses', 'allowMissing'];

/** X is an n × d Matrix, n >= 1, finite (NaN allowed if missing). */
export function checkX(
  fn: string, X: Matrix, allowMissing = false, d?: number,
): void {
  if (!(X instanceof Matrix) || X.rows < 1 || X.cols < 1) {
    throw new Error(`${fn}: X must be a non-empty Matrix, got ` +
      `${X instanceof Matrix ? shapeOf(X) : typeof X}`);
  }
  if (d !== undefined && X.cols !== d) {
    throw new Error(`${fn}: X must have ${d} columns (the tree's ` +
      `features), got ${shapeOf(X)}`);
  }
  if (!allowMissing) {
    checkFinite(fn, 'X', X);
    return;
  }
  for (let t = 0; t < X.data.length; t++) {
    const v = X.data[t];
    if (typeof v !== 'number' || v === Infinity || v === -Infinity) {
      throw new Error(`${fn}: X has ${v} at (${Math.floor(t / X.cols)}, ` +
        `${t % X.cols}); expected finite numbers or NaN (missing)`);
    }
  }
}

/** Checks fitTree's arguments; returns the options with defaults. */
export function checkFit(
  fn: string, X: Matrix, y: ArrayLike<number>, options: TreeOptions,
): FitOptions {
  if (options === null || typeof options !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${options}`);
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) {
      throw new Error(`${fn}: unknown option ${key}`);
    }
  }
  const o = options;
  checkX(fn, X, o.allowMissing === true);
  if (y === null || typeof y !== 'object' || y.length !== X.rows) {
    throw new Error(`${fn}: y must have one value per row of X ` +
      `(${X.rows}), got ${y === null || typeof y !== 'object'
        ? typeof y : `length ${y.length}`}`);
  }
  for (let i = 0; i < y.length; i++) {
    if (typeof y[i] !== 'number' || !Number.isFinite(y[i])) {
      throw new Error(`${fn}: y must hold finite numbers, got y[${i}] ` +
        `= ${y[i]}`);
    }
  }
  const criterion = o.criterion ?? 'gini';
  if (!CRITERIA.includes(criterion)) {
    throw new Error(`${fn}: criterion must be one of ` +
      `${CRITERIA.join(', ')}, got ${criterion}`);
  }
  const d = X.cols;
  const maxDepth = o.maxDepth ?? Infinity;
  if (maxDepth !== Infinity) requireInteger(fn, 'maxDepth', maxDepth, 1);
  const minSamplesLeaf = o.minSamplesLeaf ?? 1;
  requireInteger(fn, 'minSamplesLeaf', minSamplesLeaf, 1);
  const minSamplesSplit = o.minSamplesSplit ?? 2;
  requireInteger(fn, 'minSamplesSplit', minSamplesSplit, 2);
  const minImpurityDecrease = o.minImpurityDecrease ?? 0;
  if (typeof minImpurityDecrease !== 'number' ||
      !(minImpurityDecrease >= 0) || minImpurityDecrease === Infinity) {
    throw new Error(`${fn}: minImpurityDecrease must be a finite ` +
      `number >= 0, got ${minImpurityDecrease}`);
  }
  const maxFeatures = o.maxFeatures ?? d;
  requireInteger(fn, 'maxFeatures', maxFeatures, 1, d);
  const seed = o.seed ?? 0;
  requireInteger(fn, 'seed', seed, 0);
  const nClasses = criterion === 'squared_error' ? 1
    : checkLabels(fn, y, o.nClasses);
  const { sampleWeight, totalWeight } = checkWeights(fn, o.sampleWeight,
    X.rows);
  return { criterion, maxDepth, minSamplesLeaf,
    // a split needs two leaves of minSamplesLeaf, as in scikit-learn
    minSamplesSplit: Math.max(minSamplesSplit, 2 * minSamplesLeaf),
    minImpurityDecrease, maxFeatures, seed, nClasses, sampleWeight,
    totalWeight, allowMissing: o.allowMissing === true, nFeatures: d };
}

/** Labels are integers in [0, K); returns K. */
function checkLabels(
  fn: string, y: ArrayLike<number>, nClasses?: number,
): number {
  let top = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] > 65535) {
      throw new Error(`${fn}: y must hold class labels 0, 1, ..., got ` +
        `y[${i}] = ${y[i]}`);
    }
    top = Math.max(top, y[i]);
  }
  if (nClasses === undefined) return top + 1;
  requireInteger(fn, 'nClasses', nClasses, top + 1, 65536);
  return nClasses;
}

function checkWeights(
  fn: string, w: ArrayLike<number> | undefined, n: number,
): { sampleWeight: Float64Array; totalWeight: number } {
  const sampleWeight = new Float64Array(n).fill(1);
  if (w === undefined) return { sampleWeight, totalWeight: n };
  if (w === null || typeof w !== 'object' || w.length !== n) {
    throw new Error(`${fn}: sampleWeight must have ${n} entries, got ` +
      `${w === null || typeof w !== 'object' ? typeof w : w.length}`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (typeof w[i] !== 'number' || !(w[i] >= 0) || w[i] === Infinity) {
      throw new Error(`${fn}: sampleWeight must hold finite numbers ` +
        `>= 0, got sampleWeight[${i}] = ${w[i]}`);
    }
    sampleWeight[i] = w[i];
    total += w[i];
  }
  if (!(total > 0)) {
    throw new Error(`${fn}: sampleWeight must not be all zero`);
  }
  return { sampleWeight, totalWeight: total };
}

/** A Tree as fitTree returns it: arrays of nodeCount entries. */
export function checkTree(fn: string, tree: Tree): void {
  const ok = tree !== null && typeof tree === 'object' &&
    Number.isInteger(tree.nodeCount) && tree.nodeCount >= 1 &&
    tree.left instanceof Int32Array &&
    tree.left.length === tree.nodeCount &&
    tree.right instanceof Int32Array &&
    tree.feature instanceof Int32Array &&
    tree.value instanceof Float64Array &&
    typeof tree.allowMissing === 'boolean' &&
    tree.value.length === tree.nodeCount * tree.nOutputs;
  if (!ok) {
    throw new Error(`${fn}: tree must be a Tree from fitTree`);
  }
}

/** Checks the data of a function that fits trees; returns K or 1. */
export function checkData(
  fn: string, X: Matrix, y: ArrayLike<number>, options: TreeOptions = {},
): FitOptions {
  return checkFit(fn, X, y, options);
}

/** xs is an array of `length` finite numbers. */
export function checkVector(
  fn: string, name: string, xs: ArrayLike<number>, length: number,
): void {
  if (xs === null || typeof xs !== 'object' || xs.length !== length) {
    throw new Error(`${fn}: ${name} must have ${length} entries, got ` +
      `${xs === null || typeof xs !== 'object' ? typeof xs : xs.length}`);
  }
  for (let i = 0; i < length; i++) {
    if (typeof xs[i] !== 'number' || !Number.isFinite(xs[i])) {
      throw new Error(`${fn}: ${name}[${i}] = ${xs[i]} is not finite`);
    }
  }
}
