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
 *  nucleus; no k, or k ≥ V, and topP = 1 (or none) cut nothing. */
export interface Decoding { tau: number; k?: number; topP?: number }

// #region decode-dist
/** The distribution a decoding rule draws the next token from. */
export function decodingDistribution(z: ArrayLike<number>,
  d: Decoding): Float64Array {
  checkLogits('decodingDistribution', z);
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

export function checkLogits(fn: string, z: ArrayLike<number>): void {
  if (z === null || typeof z !== 'object' || !('length' in z) ||
    z.length === 0) {
    throw new Error(`${fn}: z must be a non-empty array of numbers`);
  }
  for (let j = 0; j < z.length; j++) {
    if (typeof z[j] !== 'number' || !Number.isFinite(z[j])) {
      throw new Error(`${fn}: z has ${z[j]} at ${j}`);
    }
  }
}

function checkDecoding(fn: string, d: Decoding): void {
  if (d === null || typeof d !== 'object') {
    throw new Error(`${fn}: the decoding rule must be an object`);
  }
  if (typeof d.tau !== 'number' || !(d.tau >= 0) || !isFinite(d.tau)) {
    throw new Error(`${fn}: tau must be a finite number >= 0, got ` +
      `${d.tau}`);
  }
  if (d.k !== undefined) checkInt(fn, 'k', d.k, 1);
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

// #region log-likelihood
/** log P(ids, then end) under the model at τ = 1: how likely the model
 *  itself finds a sequence (a sample's own log-likelihood). */
export function logLikelihood(next: NextLogits, ids: readonly number[],
  end: number): number {
  if (typeof next !== 'function') {
    throw new Error('logLikelihood: next must be a function of the ' +
      'prefix');
  }
  checkInt('logLikelihood', 'end', end, 0);
  if (!Array.isArray(ids) || !ids.every((i) => Number.isInteger(i))) {
    throw new Error('logLikelihood: ids must be an array of token ids');
  }
  let ll = 0;
  for (let t = 0; t <= ids.length; t++) {
    const z = next(ids.slice(0, t));
    const target = t < ids.length ? ids[t] : end;
    let top = -Infinity, s = 0;
    for (let j = 0; j < z.length; j++) top = Math.max(top, z[j]);
    for (let j = 0; j < z.length; j++) s += Math.exp(z[j] - top);
    ll += z[target] - top - Math.log(s); // log softmax(z)[target]
  }
  return ll;
}
// #endregion
