// @unshown: input checks shared by the chapter's files; each throws an
// Error naming the function, what it expected and what it got.
import { requireFiniteArray } from '../introduction/checks.ts';
import type { Counts } from './confusion.ts';

/** Throws unless y is a non-empty array of labels 0 and 1. */
export function requireLabels(
  fn: string,
  y: ArrayLike<number>,
  name = 'y',
): void {
  requireFiniteArray(fn, name, y);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) {
      throw new Error(
        `${fn}: ${name} must hold labels 0 or 1, got ${name}[${i}] = ` +
          `${y[i]}`,
      );
    }
  }
}

/** Throws unless y holds labels and s finite scores of one length. */
export function requireLabelsScores(
  fn: string,
  y: ArrayLike<number>,
  s: ArrayLike<number>,
  name = 's',
): void {
  requireLabels(fn, y);
  requireFiniteArray(fn, name, s);
  if (y.length !== s.length) {
    throw new Error(
      `${fn}: expected y and ${name} of one length, got ${y.length} ` +
        `and ${s.length}`,
    );
  }
}

/** Throws unless p holds probabilities in [0, 1]. */
export function requireProbabilityArray(
  fn: string,
  p: ArrayLike<number>,
  name = 'p',
): void {
  requireFiniteArray(fn, name, p);
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0 || p[i] > 1) {
      throw new Error(
        `${fn}: ${name} must hold probabilities in [0, 1], got ` +
          `${name}[${i}] = ${p[i]}`,
      );
    }
  }
}

/** Throws unless both classes occur: P > 0 positives, N > 0 negatives. */
export function requireBothClasses(fn: string, P: number, N: number) {
  for (const [name, v] of [['P', P], ['N', N]] as const) {
    if (!(Number.isSafeInteger(v) && v >= 0)) {
      throw new Error(`${fn}: ${name} must be a count, got ${v}`);
    }
  }
  if (P === 0 || N === 0) {
    throw new Error(
      `${fn}: needs both classes in y, got ${P} positives and ${N} ` +
        'negatives',
    );
  }
}

/** Throws unless c holds four counts (integers >= 0), not all 0. */
export function requireCounts(fn: string, c: Counts): void {
  for (const k of ['tp', 'fp', 'tn', 'fn'] as const) {
    const v = c?.[k];
    if (!(Number.isSafeInteger(v) && v >= 0)) {
      throw new Error(`${fn}: c.${k} must be a count (an integer >= ` +
        `0), got ${v}`);
    }
  }
  if (c.tp + c.fp + c.tn + c.fn === 0) {
    throw new Error(`${fn}: the counts c are all 0: no samples`);
  }
}
