// The simplest model over any tokenization: a bigram over tokens with
// add-α smoothing, P(b | a) = (count(a, b) + α) / (count(a) + αV) over
// the V tokens that can follow (the start symbol ^ never does), the
// previous token a the start symbol at a word's first token. Scoring
// the same words under several tokenizations shows why per-token
// perplexities cannot be compared and per-character ones can.
import { EOW, encodeBpe, type Merge } from './bpe.ts';

// #region token-bigram
/** Counts of token pairs over the training words' tokens. The
 *  vocabulary is the tokenizer's: the characters, </w> and one symbol
 *  per merge (id 0 is the start of a word). */
export function fitTokenBigram(words: readonly string[],
  merges: readonly Merge[], alpha: number) {
  checkFit(words, alpha);
  const ids = new Map<string, number>([['^', 0], [EOW, 1]]);
  for (const w of words) for (const c of w) if (!ids.has(c)) {
    ids.set(c, ids.size);
  }
  for (const [a, b] of merges) if (!ids.has(a + b)) {
    ids.set(a + b, ids.size);
  }
  const V = ids.size - 1; // outcomes: every token but the start ^
  const pair = new Map<number, number>(), from = new Float64Array(V + 1);
  for (const w of words) {
    let a = 0;
    for (const t of encodeBpe(w, merges)) {
      const b = ids.get(t) as number, key = a * (V + 1) + b;
      pair.set(key, (pair.get(key) ?? 0) + 1);
      from[a]++;
      a = b;
    }
  }
  return { ids, V, pair, from, alpha, merges };
}
// #endregion

export type TokenBigram = ReturnType<typeof fitTokenBigram>;

// #region token-score
/** −log P of the words' tokens, the number of tokens, and the number of
 *  characters (each word's letters and its end), Eq. (lm-ppl-char). */
export function scoreTokens(m: TokenBigram, words: readonly string[]) {
  checkScore(m, words);
  let nll = 0, tokens = 0, chars = 0;
  for (const w of words) {
    let a = 0;
    for (const t of encodeBpe(w, m.merges)) {
      const b = m.ids.get(t);
      if (b === undefined) {
        throw new Error(`scoreTokens: token ${t} of ${w} is not in the ` +
          'vocabulary (a character unseen in training)');
      }
      const c = m.pair.get(a * (m.V + 1) + b) ?? 0;
      nll -= Math.log((c + m.alpha) / (m.from[a] + m.alpha * m.V));
      tokens++;
      a = b;
    }
    chars += w.length + 1;
  }
  return { nll, tokens, chars, perToken: Math.exp(nll / tokens),
    perChar: Math.exp(nll / chars) };
}
// #endregion

function checkFit(words: readonly string[], alpha: number): void {
  if (!Array.isArray(words) || words.length === 0 ||
    !words.every((w) => typeof w === 'string' && /^[^\s<>]+$/.test(w))) {
    throw new Error('fitTokenBigram: words must be a non-empty array of ' +
      'words without spaces or angle brackets');
  }
  if (typeof alpha !== 'number' || !(alpha > 0) || !isFinite(alpha)) {
    throw new Error(`fitTokenBigram: alpha must be a finite number > 0, ` +
      `got ${alpha}`);
  }
}

function checkScore(m: TokenBigram, words: readonly string[]): void {
  if (m === null || typeof m !== 'object' || !(m.ids instanceof Map)) {
    throw new Error('scoreTokens: m must come from fitTokenBigram');
  }
  if (!Array.isArray(words) || words.length === 0 ||
    !words.every((w) => typeof w === 'string' && /^[^\s<>]+$/.test(w))) {
    throw new Error('scoreTokens: words must be a non-empty array of ' +
      'words without spaces or angle brackets');
  }
}
