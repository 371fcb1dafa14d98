// @unshown: input checks shared by the chapter's files; each throws an
// Error naming the function, what it expected and what it got.
import {
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireInteger,
  requirePositive,
} from '../introduction/checks.ts';

export {
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireInteger as requireInt,
  requirePositive,
};

/** Labellings are bitmasks, so a point set has at most 30 points. */
export const MAX_POINTS = 30;

/** Throws unless delta is a confidence parameter in (0, 1). */
export function requireDelta(fn: string, delta: number, name = 'delta') {
  requireFinite(fn, name, delta);
  if (!(delta > 0 && delta < 1)) {
    throw new Error(`${fn}: ${name} must be in (0, 1), got ${delta}`);
  }
}

/** Throws unless xs is a list of 0 to MAX_POINTS finite numbers. */
export function requirePoints1(
  fn: string,
  xs: ArrayLike<number>,
  name = 'points',
): void {
  if (xs === null || typeof xs !== 'object' || !('length' in xs)) {
    throw new Error(`${fn}: ${name} must be an array, got ${xs}`);
  }
  if (xs.length > MAX_POINTS) {
    throw new Error(`${fn}: ${name} may hold at most ${MAX_POINTS} ` +
      `points (labellings are bitmasks), got ${xs.length}`);
  }
  if (xs.length > 0) requireFiniteArray(fn, name, xs);
}

/** A point of the plane. */
export type Point2 = readonly [number, number];

/** Throws unless ps is a list of 0 to MAX_POINTS finite points. */
export function requirePoints2(
  fn: string,
  ps: readonly Point2[],
  name = 'points',
): void {
  if (!Array.isArray(ps)) {
    throw new Error(`${fn}: ${name} must be an array of [x, y], got ` +
      `${typeof ps}`);
  }
  if (ps.length > MAX_POINTS) {
    throw new Error(`${fn}: ${name} may hold at most ${MAX_POINTS} ` +
      `points (labellings are bitmasks), got ${ps.length}`);
  }
  ps.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 ||
      !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new Error(`${fn}: ${name}[${i}] must be a pair of finite ` +
        `numbers, got ${Array.isArray(p) ? `[${p.join(', ')}]` : p}`);
    }
  });
}
