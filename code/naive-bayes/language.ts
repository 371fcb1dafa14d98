// Telling the language of a word: multinomial and Bernoulli naive Bayes
// on character n-gram counts of the data/words sample. Node only: it
// loads the data files.
import { calledAs } from '../introduction/checks.ts';
import { pairedDifference } from '../k-nearest-neighbors/real-data.ts';
import { bernoulliJll, fitBernoulliNB } from './bernoulli.ts';
import { topLabel } from './calibration.ts';
import { checkLabels } from './checks.ts';
import {
  fitMultinomialNB,
  multinomialJll,
  type MultinomialNB,
} from './multinomial.ts';
import { buildVocabulary, countNgrams } from './ngrams.ts';
import { argmaxRows } from './posterior.ts';
import type { Csr } from './sparse.ts';
import { loadWords, splitWords } from './words.ts';

// #region language-data
/** Training and test words, their labels and n-gram count matrices;
 *  the vocabulary is built from the training words only. Made once
 *  per n-gram range (it is read-only). */
export function languageData(nMin = 1, nMax = 3) {
  const key = `${nMin}-${nMax}`;
  const known = made.get(key);
  if (known) return known;
  const data = makeLanguageData(nMin, nMax);
  made.set(key, data);
  return data;
}

const made = new Map<string, ReturnType<typeof makeLanguageData>>();

function makeLanguageData(nMin: number, nMax: number) {
  const { words, y, names } = loadWords();
  const { train, test } = splitWords(words, y);
  const wordsTrain = train.map((i) => words[i]);
  const wordsTest = test.map((i) => words[i]);
  const vocab = calledAs('languageData', () =>
    buildVocabulary(wordsTrain, nMin, nMax));
  return { names, vocab, wordsTrain, wordsTest,
    yTrain: Int32Array.from(train, (i) => y[i]),
    yTest: Int32Array.from(test, (i) => y[i]),
    XTrain: countNgrams(wordsTrain, vocab),
    XTest: countNgrams(wordsTest, vocab) };
}
// #endregion

export const RANGES = [[1, 1], [1, 2], [1, 3]] as const;
export const ALPHAS = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];

// #region language-study
/** Every number the chapter prints about the language task. */
export function languageStudy() {
  const byRange = RANGES.map(([lo, hi]) => {
    const D = languageData(lo, hi);
    const model = fitMultinomialNB(D.XTrain, D.yTrain);
    return { nMin: lo, nMax: hi, d: D.vocab.terms.length,
      ...topLabel(multinomialJll(model, D.XTest), D.yTest) };
  });
  const D = languageData(1, 3);
  const multi = fitMultinomialNB(D.XTrain, D.yTrain);
  const jll = multinomialJll(multi, D.XTest);
  const bern = topLabel(bernoulliJll(fitBernoulliNB(D.XTrain, D.yTrain),
    D.XTest), D.yTest);
  // #endregion
  // #region language-study-rest
  const main = byRange[2];
  const alphas = ALPHAS.map((alpha) => {
    const t = topLabel(multinomialJll(fitMultinomialNB(D.XTrain,
      D.yTrain, { alpha }), D.XTest), D.yTest);
    return { alpha, accuracy: t.accuracy, logLoss: t.logLoss,
      ece: t.ece };
  });
  return {
    names: D.names, nTrain: D.yTrain.length, nTest: D.yTest.length,
    d: D.vocab.terms.length, nnz: D.XTrain.indices.length,
    byRange, bern,
    bernVsMulti: pairedDifference(errors(bern), errors(main)),
    gramsVsUnigrams: pairedDifference(errors(main), errors(byRange[0])),
    recall: perClassRecall(argmaxRows(jll), D.yTest, D.names.length),
    alphas,
    zeroAlpha: ruledOut(fitMultinomialNB(D.XTrain, D.yTrain,
      { alpha: 0 }), D.XTest),
    underflow: underflowLength(multi, D.XTest, D.yTest),
  };
}
// #endregion

function errors(t: { correct: Float64Array }) {
  return t.correct.map((v) => 1 - v);
}

/** Share of the test words of each class that are classified right. */
function perClassRecall(yHat: Int32Array, y: Int32Array, K: number) {
  const right = new Float64Array(K);
  const all = new Float64Array(K);
  y.forEach((c, i) => { all[c] += 1; right[c] += +(yHat[i] === c); });
  return Array.from(right, (r, c) => r / all[c]);
}

// #region zero-counts
/** With α = 0: how many words have some class, and every class, at
 *  J = −∞ (an n-gram never seen in that class's training words). */
export function ruledOut(model: MultinomialNB, X: Csr) {
  const J = calledAs('ruledOut', () => multinomialJll(model, X));
  let some = 0;
  let all = 0;
  for (let i = 0; i < J.rows; i++) {
    let out = 0;
    for (let c = 0; c < J.cols; c++) {
      out += +(J.data[i * J.cols + c] === -Infinity);
    }
    some += +(out > 0);
    all += +(out === J.cols);
  }
  return { some, all, n: J.rows };
}
// #endregion

// #region underflow
/** The product π_c Π_j θ_cj^x_ij over the test words of class 0 taken
 *  as one text, word after word, computed without logs: the number of
 *  words after which it is 0 for every class, and the log-joint J
 *  there (finite). */
export function underflowLength(model: MultinomialNB, X: Csr,
  y: Int32Array) {
  calledAs('underflowLength', () => {
    multinomialJll(model, X);
    checkLabels('underflowLength', y, X.rows);
  });
  const { K, d } = model;
  const product = Float64Array.from(model.classLogPrior, Math.exp);
  const J = Float64Array.from(model.classLogPrior);
  let words = 0;
  for (let i = 0; i < X.rows; i++) {
    if (y[i] !== 0) continue;
    words += 1;
    for (let t = X.indptr[i]; t < X.indptr[i + 1]; t++) {
      for (let c = 0; c < K; c++) {
        const lt = model.featureLogProb.data[c * d + X.indices[t]];
        product[c] *= Math.exp(lt) ** X.values[t];
        J[c] += X.values[t] * lt;
      }
    }
    if (product.every((p) => p === 0)) {
      return { words, J: Array.from(J), smallest: Number.MIN_VALUE };
    }
  }
  throw new Error('underflowLength: the product never underflowed');
}
// #endregion
