// @unshown: input checks shared by every chapter; each throws an Error
// naming the function the caller called, the argument and the problem.

/** Throws unless x is a finite number. */
export function requireFinite(fn: string, name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new Error(`${fn}: ${name} must be a finite number, got ${x}`);
  }
}

/** requireFinite for each named number: requireFinites(fn, { a, b }). */
export function requireFinites(
  fn: string,
  xs: Record<string, number>,
): void {
  for (const [name, x] of Object.entries(xs)) requireFinite(fn, name, x);
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

/** Throws unless xs is an array of >= min (1) finite numbers. */
export function requireFiniteArray(
  fn: string,
  name: string,
  xs: ArrayLike<number>,
  min = 1,
): void {
  if (xs === null || typeof xs !== 'object' || !('length' in xs)) {
    throw new Error(`${fn}: ${name} must be an array, got ${xs}`);
  }
  if (xs.length === 0) {
    throw new Error(`${fn}: ${name} must be non-empty, got length 0`);
  }
  if (xs.length < min) {
    throw new Error(`${fn}: ${name} needs at least ${min} values, got ` +
      `${xs.length}`);
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

/** Throws unless x is an integer in [min, max]: a count, a size, a seed. */
export function requireInteger(
  fn: string,
  name: string,
  x: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): void {
  if (!Number.isSafeInteger(x) || x < min || x > max) {
    const range = max === Number.MAX_SAFE_INTEGER
      ? `>= ${min}`
      : `in [${min}, ${max}]`;
    throw new Error(`${fn}: ${name} must be an integer ${range}, got ${x}`);
  }
}

/** Throws unless x is a finite number in [lo, hi]. */
export function requireBetween(
  fn: string,
  name: string,
  x: number,
  lo: number,
  hi: number,
): void {
  requireFinite(fn, name, x);
  if (x < lo || x > hi) {
    throw new Error(`${fn}: ${name} must be in [${lo}, ${hi}], got ${x}`);
  }
}

/** Throws unless lo < hi, both finite: an interval. */
export function requireInterval(
  fn: string,
  lo: number,
  hi: number,
  names = ['lo', 'hi'],
): void {
  requireFinite(fn, names[0], lo);
  requireFinite(fn, names[1], hi);
  if (!(lo < hi)) {
    throw new Error(
      `${fn}: expected ${names[0]} < ${names[1]}, got ${lo} and ${hi}`,
    );
  }
}

/**
 * Throws unless every named array is a non-empty array of finite
 * numbers, all of one length: requirePaired(fn, { x, y }).
 */
export function requirePaired(
  fn: string,
  arrays: Record<string, ArrayLike<number>>,
): void {
  const entries = Object.entries(arrays);
  for (const [name, xs] of entries) requireFiniteArray(fn, name, xs);
  const [first, a] = entries[0];
  for (const [name, b] of entries.slice(1)) {
    if (b.length !== a.length) {
      throw new Error(
        `${fn}: expected ${first} and ${name} of one length, got ` +
          `${a.length} and ${b.length}`,
      );
    }
  }
}

/**
 * go(), with any Error it throws re-thrown under the caller's name:
 * "fn: inner message". For a function that hands its input to another
 * public function, so that the error names the function called.
 */
export function calledAs<T>(fn: string, go: () => T): T {
  try {
    return go();
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(`${fn}:`)) {
      e.message = `${fn}: ${e.message}`;
    }
    throw e;
  }
}

/** Throws unless f is a function. */
export function requireFunction(fn: string, name: string, f: unknown) {
  if (typeof f !== 'function') {
    throw new Error(`${fn}: ${name} must be a function, got ${typeof f}`);
  }
}
