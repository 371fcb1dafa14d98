// One word through the language model: its n-grams, what each adds to
// every class's joint log-likelihood, and the posterior. Used by the
// chapter's live figure in the browser and by its printed version.
import { calledAs } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { multinomialJll, type MultinomialNB } from './multinomial.ts';
import { charNgrams, countNgrams, type Vocabulary } from './ngrams.ts';
import { logPosterior } from './posterior.ts';

// #region explain
export interface Explained {
  jll: Float64Array; // J_c for each class c
  logPost: Float64Array; // log P(c | word)
  /** n-grams of the vocabulary: count and count × log θ_cj per class */
  grams: { gram: string; count: number; terms: Float64Array }[];
  unseen: string[]; // n-grams outside the vocabulary, ignored
}

/** The word's J_c = log π_c + Σ_j x_j log θ_cj, term by term. */
export function explainWord(model: MultinomialNB, vocab: Vocabulary,
  word: string): Explained {
  const X = calledAs('explainWord', () => countNgrams([word], vocab));
  const jll = calledAs('explainWord', () => multinomialJll(model, X));
  const grams = [];
  for (let t = X.indptr[0]; t < X.indptr[1]; t++) {
    const j = X.indices[t];
    const count = X.values[t];
    const terms = Float64Array.from({ length: model.K }, (_, c) =>
      count * model.featureLogProb.data[c * model.d + j]);
    grams.push({ gram: vocab.terms[j], count, terms });
  }
  const unseen = [...new Set(charNgrams(word, vocab.nMin, vocab.nMax))]
    .filter((g) => !vocab.index.has(g));
  return { jll: jll.data, grams, unseen,
    logPost: logPosterior(new Matrix(1, model.K, jll.data)).data };
}
// #endregion

// #region drivers
/** The n-grams that favour class a over class b most: the largest
 *  count × (log θ_aj − log θ_bj), at most `top` of them. */
export function drivers(e: Explained, a: number, b: number, top = 6) {
  if (!(e?.jll instanceof Float64Array) || !Array.isArray(e.grams)) {
    throw new Error('drivers: e must be the result of explainWord');
  }
  if (!Number.isInteger(top) || top < 1) {
    throw new Error(`drivers: top must be an integer >= 1, got ${top}`);
  }
  const K = e.jll.length;
  for (const [name, c] of [['a', a], ['b', b]] as const) {
    if (!Number.isInteger(c) || c < 0 || c >= K) {
      throw new Error(`drivers: ${name} must be a class in [0, ${K}), ` +
        `got ${c}`);
    }
  }
  return e.grams
    .map((g) => ({ gram: g.gram, count: g.count,
      margin: g.terms[a] - g.terms[b] }))
    .sort((u, v) => v.margin - u.margin || (u.gram < v.gram ? -1 : 1))
    .slice(0, top);
}
// #endregion
