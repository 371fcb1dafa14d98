// The baseline: a character bigram model, P(next | current) from counts
// over the training words with add-α smoothing, Eq. (rnn-bigram). It
// sees one character of context; the RNN's state can carry the whole
// prefix of the word.
import { checkWordList } from './checks.ts';
import { VOCAB, encodeWord } from './vocab.ts';

// #region bigram
/** Row a of the table is P(· | a): (count(a, b) + α) / (count(a) +
 *  28α). Row . is unused (nothing follows the end of a word). */
export function fitBigram(words: readonly string[], alpha = 1) {
  checkBigram(words, alpha);
  const v = VOCAB.length;
  const P = new Float64Array(v * v);
  for (const w of words) {
    const { inputs, targets } = encodeWord(w);
    for (let t = 0; t < inputs.length; t++) {
      P[inputs[t] * v + targets[t]] += 1;
    }
  }
  for (let a = 0; a < v; a++) {
    let row = 0;
    for (let b = 0; b < v; b++) row += P[a * v + b] + alpha;
    for (let b = 0; b < v; b++) P[a * v + b] = (P[a * v + b] + alpha) / row;
  }
  return P;
}
// #endregion

// #region bigram-loss
/** −log P of each word's characters (its letters and .), summed per
 *  word, and their count: the same loss the RNN is scored with. */
export function bigramWordLosses(P: Float64Array,
  words: readonly string[]) {
  const v = VOCAB.length;
  if (!(P instanceof Float64Array) || P.length !== v * v) {
    throw new Error(`bigramWordLosses: P must be a ${v}×${v} table`);
  }
  checkWordList('bigramWordLosses', words);
  return words.map((w) => {
    const { inputs, targets } = encodeWord(w);
    let loss = 0;
    for (let t = 0; t < inputs.length; t++) {
      loss -= Math.log(P[inputs[t] * v + targets[t]]);
    }
    return { loss, count: targets.length };
  });
}
// #endregion

function checkBigram(words: readonly string[], alpha: number): void {
  checkWordList('fitBigram', words);
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) ||
    !(alpha > 0)) {
    throw new Error(`fitBigram: alpha must be a finite number > 0, ` +
      `got ${alpha}`);
  }
}
