// @unshown: input checks shared by the chapter's files; each throws an
// Error naming the function, what it expected and what it got.

/** Throws unless x is a finite number. */
export function requireFinite(fn: string, name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new Error(`${fn}: ${name} must be a finite number, got ${x}`);
  }
}

/** Throws unless x is a finite number > 0. */
export function requirePositive(
  fn: string,
  name: string,
  x: number,
): void {
  requireFinite(fn, name, x);
  if (!(x > 0)) {
    throw new Error(`${fn}: ${name} must be > 0, got ${x}`);
  }
}

/** Throws unless p is a probability in [0, 1]. */
export function requireProbability(fn: string, name: string, p: number) {
  requireFinite(fn, name, p);
  if (p < 0 || p > 1) {
    throw new Error(`${fn}: ${name} must be in [0, 1], got ${p}`);
  }
}

/** Throws unless xs is a non-empty array of finite numbers. */
export function requireFiniteArray(
  fn: string,
  name: string,
  xs: ArrayLike<number>,
): void {
  if (xs === null || typeof xs !== 'object' || !('length' in xs)) {
    throw new Error(`${fn}: ${name} must be an array, got ${xs}`);
  }
  if (xs.length === 0) {
    throw new Error(`${fn}: ${name} must be non-empty, got length 0`);
  }
  for (let i = 0; i < xs.length; i++) {
    if (typeof xs[i] !== 'number' || !Number.isFinite(xs[i])) {
      throw new Error(
        `${fn}: ${name} must hold finite numbers, got ${name}[${i}] = ` +
          `${xs[i]}`,
      );
    }
  }
}

/**
 * Throws unless probs is a probability vector: entries in [0, 1] that
 * sum to 1 within 1e-9 (a few roundings of n numbers).
 */
export function requireProbabilities(
  fn: string,
  name: string,
  probs: ArrayLike<number>,
): void {
  requireFiniteArray(fn, name, probs);
  let sum = 0;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] < 0 || probs[i] > 1) {
      throw new Error(
        `${fn}: ${name}[${i}] must be in [0, 1], got ${probs[i]}`,
      );
    }
    sum += probs[i];
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new Error(`${fn}: ${name} must sum to 1, got sum ${sum}`);
  }
}

/** Throws unless k is an integer in [0, n). */
export function requireIndex(fn: string, name: string, k: number, n = 0) {
  if (!Number.isInteger(k) || k < 0 || (n > 0 && k >= n)) {
    const range = n > 0 ? `[0, ${n})` : '[0, infinity)';
    throw new Error(`${fn}: ${name} must be an integer in ${range}, ` +
      `got ${k}`);
  }
}
