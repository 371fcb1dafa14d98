// The recurrent chapters' word model with a transformer: each English
// word read as ^ c₁ … c_m with targets c₁ … c_m . (encodeWord), scored
// by the same cross-entropy per character, so that the perplexities
// stand side by side.
import { noGrad } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import { calledAs } from '../introduction/checks.ts';
import { checkTemperature } from '../recurrent-networks/checks.ts';
import { softmaxT } from '../recurrent-networks/sample.ts';
import {
  END, START, decodeWord, encodeWord,
} from '../recurrent-networks/vocab.ts';
import type { Decoder } from './decoder.ts';
import { type Example, padBatch } from './train.ts';
import { checkDecoder, checkRng, checkSizes } from './checks.ts';

// #region word-examples
/** One example per word: inputs ^ c₁ … c_m, targets c₁ … c_m . */
export function wordExamples(words: readonly string[]): Example[] {
  if (!Array.isArray(words) || words.length === 0) {
    throw new Error('wordExamples: words must be a non-empty array');
  }
  return calledAs('wordExamples', () => words.map((w) => encodeWord(w)));
}
// #endregion

// #region word-losses
/** Each word's summed cross-entropy (its letters and .) and its
 *  number of characters, with no tape, in batches of 128. */
export function decoderWordLosses(model: Decoder,
  words: readonly string[]) {
  checkDecoder('decoderWordLosses', model);
  const ex = calledAs('decoderWordLosses', () => wordExamples(words));
  const V = model.config.vocab;
  const out = ex.map((e) => ({ loss: 0, count: e.targets.length }));
  noGrad(() => {
    for (let s = 0; s < ex.length; s += 128) {
      const { tokens, targets } = padBatch(ex.slice(s, s + 128));
      const z = model.forward(tokens).data;
      const T = tokens[0].length;
      for (let i = 0; i < targets.length; i++) {
        if (targets[i] < 0) continue;
        let m = -Infinity, sum = 0; // −log softmax, shifted by the max
        for (let j = 0; j < V; j++) m = Math.max(m, z[i * V + j]);
        for (let j = 0; j < V; j++) sum += Math.exp(z[i * V + j] - m);
        out[s + Math.floor(i / T)].loss +=
          m + Math.log(sum) - z[i * V + targets[i]];
      }
    }
  });
  return out;
}
// #endregion

// #region sample-word
/** A word drawn from the model at temperature τ: the whole prefix is
 *  read again at every step (no cache: see the next chapter). */
export function sampleDecoderWord(model: Decoder, rng: Rng,
  temperature = 1, maxLength = 16): string {
  checkDecoder('sampleDecoderWord', model);
  checkTemperature('sampleDecoderWord', temperature);
  checkRng('sampleDecoderWord', rng);
  checkSizes('sampleDecoderWord', { maxLength });
  if (maxLength >= model.config.context) {
    throw new Error('sampleDecoderWord: maxLength must be below the ' +
      `context ${model.config.context}, got ${maxLength}`);
  }
  const ids = [START];
  noGrad(() => {
    while (ids.length <= maxLength) {
      const z = model.forward([ids]).data; // [1, t, V]
      const V = model.config.vocab;
      const p = softmaxT(z.subarray(z.length - V), temperature);
      let u = rng.uniform(), next = 0; // inverse CDF
      while (next < V - 1 && u >= p[next]) u -= p[next++];
      if (next === END) break;
      ids.push(next);
    }
  });
  return decodeWord(ids);
}
// #endregion
