// @unshown: input checks of the chapter's functions; each throws an Error
// that starts with the name of the function the caller called.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';

/** Throws unless X is a finite Matrix. */
export function checkMatrix(fn: string, name: string, X: Matrix): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ${typeof X}`);
  }
  checkFinite(fn, name, X);
}

/**
 * Throws unless y holds X.rows integer labels 0..K-1, K >= 2, with at
 * least `least` samples in every class; returns K.
 */
export function checkClasses(
  fn: string,
  X: Matrix,
  y: Int32Array,
  least = 1,
): number {
  checkMatrix(fn, 'X', X);
  if (!Number.isInteger(least) || least < 1) {
    throw new Error(`${fn}: least samples per class must be an integer ` +
      `>= 1, got ${least}`);
  }
  if (!(y instanceof Int32Array) || y.length !== X.rows) {
    const got = y instanceof Int32Array ? `length ${y.length}` : typeof y;
    throw new Error(`${fn}: X is ${shapeOf(X)}, so y must be an ` +
      `Int32Array of ${X.rows} labels; got ${got}`);
  }
  let K = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) {
      throw new Error(`${fn}: labels y must be >= 0, got y[${i}] = ` +
        `${y[i]}`);
    }
    K = Math.max(K, y[i] + 1);
  }
  const counts = new Int32Array(K);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  if (K < 2) throw new Error(`${fn}: y needs >= 2 classes, got ${K}`);
  const k = counts.findIndex((c) => c < least);
  if (k >= 0) {
    throw new Error(`${fn}: class ${k} of y has ${counts[k]} samples; ` +
      `expected at least ${least}`);
  }
  return K;
}

/** Throws unless S is a finite square d x d Matrix. */
export function checkSquare(
  fn: string,
  name: string,
  S: Matrix,
  d: number,
): void {
  checkMatrix(fn, name, S);
  if (S.rows !== d || S.cols !== d) {
    throw new Error(`${fn}: ${name} must be ${d}x${d}, got ${shapeOf(S)}`);
  }
}

/** Throws unless x is a finite number in [lo, hi]. */
export function checkIn(
  fn: string,
  name: string,
  x: number,
  lo: number,
  hi: number,
): void {
  if (typeof x !== 'number' || !(x >= lo && x <= hi)) {
    throw new Error(`${fn}: ${name} must lie in [${lo}, ${hi}], got ${x}`);
  }
}

/** Throws unless priors are K positive finite numbers. */
export function checkPriors(fn: string, priors: Float64Array, K: number) {
  if (!(priors instanceof Float64Array) || priors.length !== K) {
    throw new Error(`${fn}: priors must be a Float64Array of ${K} ` +
      `numbers, got ${priors instanceof Float64Array
        ? `length ${priors.length}` : typeof priors}`);
  }
  const i = priors.findIndex((p) => !(p > 0 && Number.isFinite(p)));
  if (i >= 0) {
    throw new Error(`${fn}: priors must be positive and finite, got ` +
      `priors[${i}] = ${priors[i]}`);
  }
}

/** Throws unless Q is a finite Matrix with d columns. */
export function checkQueries(fn: string, Q: Matrix, d: number): void {
  checkMatrix(fn, 'X', Q);
  if (Q.cols !== d) {
    throw new Error(`${fn}: the model has d = ${d} features, so X ` +
      `needs ${d} columns; got ${shapeOf(Q)}`);
  }
}
