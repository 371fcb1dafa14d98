// Byte-pair encoding (Sennrich, Haddow & Birch 2016, after Gage 1994):
// start from characters, count adjacent pairs of symbols over the
// corpus, merge the most frequent pair into a new symbol, repeat. A
// word is split into its characters and an end-of-word symbol </w>, so
// that a token at the end of a word differs from the same letters
// inside one (er</w> in "lower" is not the er of "errand").
import { checkCorpus, checkMerges, checkToken } from './checks.ts';

/** The end-of-word symbol of Sennrich et al. */
export const EOW = '</w>';
/** A learned merge: the pair (left, right) becomes left + right. */
export type Merge = readonly [string, string];

// #region bpe-count
/** The count of every adjacent pair of symbols, each word weighted by
 *  its frequency, Eq. (lm-pair-count). The Map keeps the pairs in the
 *  order they first occur (words in order, pairs left to right). */
export function pairCounts(corpus: readonly Entry[]): Map<string, number> {
  checkCorpus('pairCounts', corpus);
  const counts = new Map<string, number>();
  for (const { symbols, count } of corpus) {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = symbols[i] + ' ' + symbols[i + 1];
      counts.set(key, (counts.get(key) ?? 0) + count);
    }
  }
  return counts;
}
// #endregion

/** A word of the corpus as its current symbols, and its frequency. */
export interface Entry { symbols: string[]; count: number }

// #region bpe-train
/** Learns up to numMerges merges from words (a word may repeat: each
 *  occurrence counts once). Ties go to the pair that occurs first. */
export function trainBpe(words: readonly string[], numMerges: number) {
  const corpus = toCorpus('trainBpe', words, numMerges);
  const merges: Merge[] = [], counts: number[] = [];
  while (merges.length < numMerges) {
    let best = '', bestCount = 0;
    for (const [key, c] of pairCounts(corpus)) {
      if (c > bestCount) { best = key; bestCount = c; } // first wins
    }
    if (bestCount === 0) break; // every word is one symbol
    const [a, b] = best.split(' ');
    merges.push([a, b]);
    counts.push(bestCount);
    for (const e of corpus) e.symbols = mergePair(e.symbols, a, b);
  }
  return { merges, counts };
}
// #endregion

// #region bpe-merge
/** symbols with every adjacent (a, b), left to right, replaced by ab. */
export function mergePair(symbols: readonly string[], a: string,
  b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === a &&
      symbols[i + 1] === b) {
      out.push(a + b);
      i++; // the pair is consumed: "a a a" with (a, a) gives "aa a"
    } else {
      out.push(symbols[i]);
    }
  }
  return out;
}
// #endregion

// #region bpe-encode
/** The tokens of a word: its characters and </w>, then every merge
 *  applied in the order it was learned. */
export function encodeBpe(word: string, merges: readonly Merge[]) {
  checkToken('encodeBpe', word);
  checkMerges('encodeBpe', merges);
  let symbols = [...word, EOW];
  for (const [a, b] of merges) {
    if (symbols.length === 1) break;
    symbols = mergePair(symbols, a, b);
  }
  return symbols;
}

/** The word that tokens spell: concatenated, </w> dropped. */
export function decodeBpe(tokens: readonly string[]): string {
  if (!Array.isArray(tokens) || tokens.length === 0 ||
    !tokens.every((t) => typeof t === 'string' && t !== '')) {
    throw new Error('decodeBpe: tokens must be a non-empty array of ' +
      'non-empty strings');
  }
  const s = tokens.join('');
  if (!s.endsWith(EOW) || s.indexOf(EOW) !== s.length - EOW.length) {
    throw new Error(`decodeBpe: ${EOW} must end the last token only`);
  }
  return s.slice(0, -EOW.length);
}
// #endregion

/** Each word split into its characters and </w>, frequency 1. */
function toCorpus(fn: string, words: readonly string[],
  numMerges: number): Entry[] {
  if (!Array.isArray(words) || words.length === 0 ||
    !words.every((w) => typeof w === 'string' && /^[^\s<>]+$/.test(w))) {
    throw new Error(`${fn}: words must be a non-empty array of words ` +
      'without spaces or angle brackets');
  }
  if (!Number.isInteger(numMerges) || numMerges < 0) {
    throw new Error(`${fn}: numMerges must be an integer >= 0, got ` +
      `${numMerges}`);
  }
  return words.map((w) => ({ symbols: [...w, EOW], count: 1 }));
}
