// @unshown: input checks of the chapter's functions; the prose shows the
// algorithms, these only reject bad arguments with a named error.
import type { Entry, Merge } from './bpe.ts';

/** A word: one or more characters, no space and no '<' (which would
 *  clash with the </w> symbol). */
export function checkToken(fn: string, w: unknown): void {
  if (typeof w !== 'string' || w === '' || /[\s<>]/.test(w)) {
    throw new Error(`${fn}: a word must be a non-empty string with no ` +
      `space or angle bracket, got ${JSON.stringify(w)}`);
  }
}

export function checkMerges(fn: string, merges: readonly Merge[]): void {
  if (!Array.isArray(merges) || !merges.every((m) => Array.isArray(m) &&
    m.length === 2 && typeof m[0] === 'string' && m[0] !== '' &&
    typeof m[1] === 'string' && m[1] !== '' && !/\s/.test(m[0] + m[1]))) {
    throw new Error(`${fn}: merges must be an array of pairs of ` +
      'non-empty strings without spaces');
  }
}

export function checkCorpus(fn: string, corpus: readonly Entry[]): void {
  if (!Array.isArray(corpus) || !corpus.every((e) => e !== null &&
    typeof e === 'object' && Array.isArray(e.symbols) &&
    e.symbols.every((s: unknown) => typeof s === 'string' && s !== '' &&
      !/\s/.test(s)) &&
    Number.isFinite(e.count) && e.count > 0)) {
    throw new Error(`${fn}: corpus must be an array of { symbols: ` +
      'strings without spaces, count > 0 }');
  }
}

export function checkProbs(fn: string, p: ArrayLike<number>): void {
  if (p === null || typeof p !== 'object' || !('length' in p) ||
    p.length === 0) {
    throw new Error(`${fn}: p must be a non-empty array of numbers`);
  }
  let s = 0;
  for (let j = 0; j < p.length; j++) {
    if (typeof p[j] !== 'number' || !(p[j] >= 0) || !isFinite(p[j])) {
      throw new Error(`${fn}: p has ${p[j]} at ${j}`);
    }
    s += p[j];
  }
  if (Math.abs(s - 1) > 1e-9) {
    throw new Error(`${fn}: p must sum to 1, sums to ${s}`);
  }
}

export function checkInt(fn: string, name: string, v: unknown,
  min: number): void {
  if (!Number.isInteger(v) || (v as number) < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, ` +
      `got ${v}`);
  }
}

export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { uniform?: unknown } | null;
  if (r === null || typeof r !== 'object' ||
    typeof r.uniform !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}
