// Character n-grams of a word, as scikit-learn's CountVectorizer with
// analyzer='char_wb' makes them, a vocabulary, and the count matrix.
import { requireInteger } from '../introduction/checks.ts';
import { csrFromRows, type Csr } from './sparse.ts';

// #region char-ngrams
/** The n-grams of ' ' + word + ' ', for n = nMin..nMax, in order; a
 *  padded word no longer than n gives itself once and ends the list. */
export function charNgrams(word: string, nMin = 1, nMax = 3): string[] {
  checkNgramArgs('charNgrams', word, nMin, nMax);
  const w = Array.from(` ${word} `); // code points, not UTF-16 units
  const out: string[] = [];
  for (let n = nMin; n <= nMax; n++) {
    for (let at = 0; at === 0 || at + n <= w.length; at++) {
      out.push(w.slice(at, at + n).join(''));
    }
    if (w.length <= n) break;
  }
  return out;
}
// #endregion

// #region vocabulary
export interface Vocabulary {
  nMin: number;
  nMax: number;
  terms: string[]; // sorted by UTF-16 code units, as Python sorts BMP
  index: Map<string, number>;
}

/** Every n-gram of the words, sorted; column j is terms[j]. */
export function buildVocabulary(words: readonly string[], nMin = 1,
  nMax = 3): Vocabulary {
  checkWords('buildVocabulary', words);
  checkRange('buildVocabulary', nMin, nMax);
  const seen = new Set<string>();
  for (const w of words) {
    for (const g of charNgrams(w, nMin, nMax)) seen.add(g);
  }
  const terms = [...seen].sort();
  return { nMin, nMax, terms,
    index: new Map(terms.map((g, j) => [g, j])) };
}
// #endregion

// #region count-ngrams

/** Row i counts the n-grams of words[i]; n-grams not in the vocabulary
 *  are dropped, as at prediction time they must be. */
export function countNgrams(words: readonly string[],
  vocab: Vocabulary): Csr {
  checkWords('countNgrams', words);
  checkVocabulary('countNgrams', vocab);
  const rows = words.map((w) => {
    const r = new Map<number, number>();
    for (const g of charNgrams(w, vocab.nMin, vocab.nMax)) {
      const j = vocab.index.get(g);
      if (j !== undefined) r.set(j, (r.get(j) ?? 0) + 1);
    }
    return r;
  });
  return csrFromRows(rows, vocab.terms.length);
}
// #endregion

function checkNgramArgs(fn: string, word: unknown, nMin: number,
  nMax: number) {
  if (typeof word !== 'string' || word === '' || /\s/.test(word)) {
    throw new Error(`${fn}: word must be a non-empty string without ` +
      `spaces, got ${JSON.stringify(word)}`);
  }
  checkRange(fn, nMin, nMax);
}

function checkRange(fn: string, nMin: number, nMax: number) {
  requireInteger(fn, 'nMin', nMin, 1, 20);
  requireInteger(fn, 'nMax', nMax, 1, 20);
  if (nMax < nMin) {
    throw new Error(`${fn}: expected nMin <= nMax, got nMin = ${nMin} ` +
      `and nMax = ${nMax}`);
  }
}

function checkVocabulary(fn: string, v: Vocabulary) {
  if (v === null || typeof v !== 'object' || !Array.isArray(v.terms) ||
    !(v.index instanceof Map) || v.terms.length === 0) {
    throw new Error(`${fn}: vocab must be a Vocabulary from ` +
      'buildVocabulary');
  }
  checkRange(fn, v.nMin, v.nMax);
}

function checkWords(fn: string, words: unknown) {
  if (!Array.isArray(words) || words.length === 0) {
    throw new Error(`${fn}: words must be a non-empty list of strings, ` +
      `got ${Array.isArray(words) ? 'an empty list' : typeof words}`);
  }
  words.forEach((w, i) => {
    if (typeof w !== 'string' || w === '' || /\s/.test(w)) {
      throw new Error(`${fn}: words[${i}] must be a non-empty string ` +
        `without spaces, got ${JSON.stringify(w)}`);
    }
  });
}
