// Decoding: turning the model's next-token logits into a choice. Greedy
// takes the most likely token; sampling draws from softmax(z/τ), and
// top-k (Fan, Lewis & Dauphin 2018) and nucleus sampling (Holtzman et
// al. 2020) first cut the distribution's tail and renormalize.
import type { Rng } from '../introduction/random.ts';
import { softmaxT } from '../recurrent-networks/sample.ts';
import { checkInt, checkProbs, checkRng } from './checks.ts';

// #region order
/** The indices of p from most to least likely; equal probabilities
 *  keep their index order, so every cut below is deterministic. */
function byProbability(p: ArrayLike<number>): number[] {
  const idx = Array.from({ length: p.length }, (_, j) => j);
  return idx.sort((i, j) => p[j] - p[i] || i - j);
}
// #endregion

// #region top-k
/** The k most likely tokens keep their probability, renormalized;
 *  the rest get 0, Eq. (lm-top-k). */
export function topK(p: ArrayLike<number>, k: number): Float64Array {
  checkProbs('topK', p);
  checkInt('topK', 'k', k, 1);
  const keep = byProbability(p).slice(0, k);
  return renormalize(p, keep);
}
// #endregion

// #region top-p
/** The nucleus: the smallest set of most likely tokens whose mass
 *  reaches topP, the token that crosses topP included, Eq. (lm-top-p). */
export function nucleus(p: ArrayLike<number>, topP: number): Float64Array {
  checkProbs('nucleus', p);
  if (typeof topP !== 'number' || !(topP > 0) || !(topP <= 1)) {
    throw new Error(`nucleus: topP must be in (0, 1], got ${topP}`);
  }
  const order = byProbability(p), keep: number[] = [];
  let mass = 0;
  for (const j of order) {
    keep.push(j);
    mass += p[j];
    if (mass >= topP) break; // j crossed the threshold: it stays
  }
  return renormalize(p, keep);
}
// #endregion

function renormalize(p: ArrayLike<number>, keep: number[]): Float64Array {
  const out = new Float64Array(p.length);
  let s = 0;
  for (const j of keep) s += p[j];
  for (const j of keep) out[j] = p[j] / s;
  return out;
}

// #region draw
/** An index drawn with probabilities p by the inverse CDF: the first j
 *  with p₀ + … + p_j > u for u uniform on [0, 1). */
export function drawIndex(p: ArrayLike<number>, rng: Rng): number {
  checkProbs('drawIndex', p);
  checkRng('drawIndex', rng);
  const u = rng.uniform();
  let c = 0, last = 0;
  for (let j = 0; j < p.length; j++) {
    if (p[j] === 0) continue; // a cut token is never drawn
    c += p[j];
    last = j;
    if (u < c) return j;
  }
  return last; // rounding left c just below 1
}
// #endregion

/** A decoding rule: temperature τ (0 is greedy), then top-k, then
 *  nucleus; k = Infinity and topP = 1 cut nothing. */
export interface Decoding { tau: number; k?: number; topP?: number }

// #region decode-dist
/** The distribution a decoding rule draws the next token from. */
export function decodingDistribution(z: ArrayLike<number>,
  d: Decoding): Float64Array {
  checkDecoding('decodingDistribution', d);
  let p = softmaxT(z, d.tau);
  if (d.k !== undefined && d.k < p.length) p = topK(p, d.k);
  if (d.topP !== undefined && d.topP < 1) p = nucleus(p, d.topP);
  return p;
}
// #endregion

/** The next token's logits given the tokens so far (start not included). */
export type NextLogits = (prefix: readonly number[]) => ArrayLike<number>;

// #region generate
/** Tokens drawn one at a time until the end token or maxLength. */
export function generate(next: NextLogits, d: Decoding, end: number,
  maxLength: number, rng: Rng): number[] {
  checkGenerate(next, d, end, maxLength, rng);
  const ids: number[] = [];
  while (ids.length < maxLength) {
    const id = drawIndex(decodingDistribution(next(ids), d), rng);
    if (id === end) break;
    ids.push(id);
  }
  return ids;
}
// #endregion

function checkDecoding(fn: string, d: Decoding): void {
  if (d === null || typeof d !== 'object') {
    throw new Error(`${fn}: the decoding rule must be an object`);
  }
  if (typeof d.tau !== 'number' || !(d.tau >= 0) || !isFinite(d.tau)) {
    throw new Error(`${fn}: tau must be a finite number >= 0, got ` +
      `${d.tau}`);
  }
  if (d.k !== undefined && d.k !== Infinity) checkInt(fn, 'k', d.k, 1);
  if (d.topP !== undefined && (typeof d.topP !== 'number' ||
    !(d.topP > 0) || !(d.topP <= 1))) {
    throw new Error(`${fn}: topP must be in (0, 1], got ${d.topP}`);
  }
}

function checkGenerate(next: NextLogits, d: Decoding, end: number,
  maxLength: number, rng: Rng): void {
  if (typeof next !== 'function') {
    throw new Error('generate: next must be a function of the prefix');
  }
  checkDecoding('generate', d);
  checkInt('generate', 'end', end, 0);
  checkInt('generate', 'maxLength', maxLength, 1);
  checkRng('generate', rng);
}
