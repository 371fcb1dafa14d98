// Sampling a word from the model: start from ^, draw each next character
// from softmax(z/τ), feed it back as the next input, stop at the end
// token. The temperature τ sharpens (τ < 1) or flattens (τ > 1) the
// distribution; τ = 0 is its limit, the most likely character every
// time (greedy).
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import { CharModel, checkModelArg } from './charlm.ts';
import { checkRng, checkSize, checkTemperature } from './checks.ts';
import { END, START, VOCAB, decodeWord, oneHot } from './vocab.ts';

// #region softmax-t
/** softmax(z/τ) of one row of logits; τ = 0 puts all mass on the
 *  largest (the first, in a tie), Eq. (rnn-temperature). */
export function softmaxT(z: ArrayLike<number>, tau: number): Float64Array {
  checkLogits(z);
  checkTemperature('softmaxT', tau);
  const p = new Float64Array(z.length);
  let best = 0;
  for (let j = 1; j < z.length; j++) if (z[j] > z[best]) best = j;
  if (tau === 0) { // z/0 would be ±∞ and NaN: take the limit instead
    p[best] = 1;
    return p;
  }
  let s = 0;
  for (let j = 0; j < z.length; j++) {
    p[j] = Math.exp((z[j] - z[best]) / tau); // shifted: no overflow
    s += p[j];
  }
  for (let j = 0; j < z.length; j++) p[j] /= s;
  return p;
}
// #endregion

// #region sample
/** One word drawn from the model at temperature τ, at most maxLength
 *  letters (a word that has not ended by then is cut there). */
export function sampleWord(model: CharModel, rng: Rng,
  temperature = 1, maxLength = 20): string {
  checkModelArg('sampleWord', model);
  checkRng('sampleWord', rng);
  checkTemperature('sampleWord', temperature);
  checkSize('sampleWord', 'maxLength', maxLength);
  return noGrad(() => {
    const ids: number[] = [];
    let s = model.cell.initialState(1);
    let id = START;
    while (ids.length < maxLength) {
      const x = new Tensor(oneHot([id]), [1, VOCAB.length]);
      s = model.cell.step(x, s);
      const z = model.head.forward(s[0]).data;
      id = draw(softmaxT(z, temperature), rng);
      if (id === END) break;
      ids.push(id);
    }
    return decodeWord(ids);
  });
}
// #endregion

/** An index drawn with probabilities p (inverse CDF). */
function draw(p: Float64Array, rng: Rng): number {
  const u = rng.uniform();
  let c = 0;
  for (let j = 0; j < p.length; j++) {
    c += p[j];
    if (u < c) return j;
  }
  let last = p.length - 1; // rounding: the last with mass
  while (p[last] === 0) last--;
  return last;
}

function checkLogits(z: ArrayLike<number>): void {
  if (z === null || typeof z !== 'object' || !('length' in z) ||
    z.length === 0) {
    throw new Error('softmaxT: z must be a non-empty array of numbers');
  }
  for (let j = 0; j < z.length; j++) {
    if (typeof z[j] !== 'number' || !Number.isFinite(z[j])) {
      throw new Error(`softmaxT: z has ${z[j]} at ${j}`);
    }
  }
}
