// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  requireFiniteArray, requireProbability,
} from '../introduction/checks.ts';

export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { uniform?: unknown; normalArray?: unknown } | null;
  if (r === null || typeof r !== 'object' ||
    typeof r.uniform !== 'function' ||
    typeof r.normalArray !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

export function checkCount(fn: string, name: string, v: number,
  min = 1): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
      `got ${v}`);
  }
}

/** A Matrix with finite entries. */
export function checkMatrix(fn: string, name: string, X: Matrix): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix, got ${X}`);
  }
  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i])) {
      throw new Error(`${fn}: ${name} must be finite, got ` +
        `${X.data[i]} at entry ${i}`);
    }
  }
}

/** Integer labels in [0, classes). */
export function checkLabels(fn: string, y: ArrayLike<number>,
  classes: number): void {
  requireFiniteArray(fn, 'y', y);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= classes) {
      throw new Error(`${fn}: y must hold integers in [0, ${classes}), ` +
        `got ${y[i]} at ${i}`);
    }
  }
}

export function checkCorrupt(y: ArrayLike<number>, p: number,
  classes: number, rng: unknown): void {
  checkCount('corruptLabels', 'classes', classes, 2);
  checkLabels('corruptLabels', y, classes);
  requireProbability('corruptLabels', 'p', p);
  checkRng('corruptLabels', rng);
}

/** perm must be a permutation of 0 … d − 1. */
export function checkPerm(fn: string, perm: ArrayLike<number>,
  d: number): void {
  requireFiniteArray(fn, 'perm', perm);
  if (perm.length !== d) {
    throw new Error(`${fn}: perm must have length ${d}, ` +
      `got ${perm.length}`);
  }
  const seen = new Uint8Array(d);
  for (let j = 0; j < d; j++) {
    const k = perm[j];
    if (!Number.isInteger(k) || k < 0 || k >= d || seen[k]) {
      throw new Error(`${fn}: perm must be a permutation of ` +
        `0 … ${d - 1}, got ${k} at ${j}`);
    }
    seen[k] = 1;
  }
}

export function checkTargets(fn: string, X: Matrix, Y: Matrix): void {
  checkMatrix(fn, 'X', X);
  checkMatrix(fn, 'Y', Y);
  if (Y.rows !== X.rows) {
    throw new Error(`${fn}: Y must have ${X.rows} rows (one per row ` +
      `of X), got ${Y.rows}`);
  }
}
