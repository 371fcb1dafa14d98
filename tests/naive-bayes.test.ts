// Tests for the naive Bayes chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/instance-based/
// naive-bayes.mdx. Agreement with scikit-learn is relative, 1e-10 (the
// chapter's stated tolerance), unless a test says otherwise.
import { describe, expect, it } from 'vitest';
import { loadIris } from '../code/calculus/iris.ts';
import { calibrationCurve } from '../code/classification-metrics/calibration.ts';
import { gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { dirichletSample } from '../code/probability/gamma.ts';
import { logMultiBeta } from '../code/probability/special.ts';
import { normalLogPdf } from '../code/probability/univariate.ts';
import {
  bernoulliJll,
  binarizeCsr,
  fitBernoulliNB,
} from '../code/naive-bayes/bernoulli.ts';
import { topLabel } from '../code/naive-bayes/calibration.ts';
import { MAX_CLASSES } from '../code/naive-bayes/checks.ts';
import { drivers, explainWord } from '../code/naive-bayes/explain.ts';
import {
  fitGaussianNB,
  gaussianJll,
  largestVariance,
} from '../code/naive-bayes/gaussian.ts';
import {
  classCorrelation,
  irisStudy,
  looErrors,
  looJll,
} from '../code/naive-bayes/iris.ts';
import {
  languageData,
  languageStudy,
  ruledOut,
} from '../code/naive-bayes/language.ts';
import {
  smoothedGradient,
  smoothedObjective,
} from '../code/naive-bayes/mle.ts';
import {
  fitMultinomialNB,
  multinomialJll,
} from '../code/naive-bayes/multinomial.ts';
import {
  buildVocabulary,
  charNgrams,
  countNgrams,
} from '../code/naive-bayes/ngrams.ts';
import {
  argmaxRows,
  classLogPrior,
  expMatrix,
  logPosterior,
} from '../code/naive-bayes/posterior.ts';
import {
  csrFromDense,
  csrFromRows,
  csrRows,
} from '../code/naive-bayes/sparse.ts';
import {
  copiesStudy,
  withCopies,
} from '../code/naive-bayes/solutions/duplicated.ts';
import {
  fitTemperature,
  scaleScores,
  temperatureLoss,
  temperatureStudy,
} from '../code/naive-bayes/solutions/temperature.ts';
import {
  LANGUAGES,
  loadWords,
  splitWords,
} from '../code/naive-bayes/words.ts';
import { pairedDifference } from '../code/k-nearest-neighbors/real-data.ts';
import { createHash } from 'node:crypto';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/naive-bayes.ts';
import { fixture } from './helpers.ts';

const sk = fixture('naive-bayes', 'sklearn.json');

/** The chapter's tolerance against scikit-learn: 1e-10 relative. */
const RTOL = 1e-10;

/** Every entry of a within rtol of b, relative to |b| (exact if b = 0);
 *  returns the worst relative difference for the message. */
function expectClose(a: ArrayLike<number>, b: ArrayLike<number>,
  rtol = RTOL) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    if (a[i] === b[i]) continue;
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  }
  expect(worst).toBeLessThanOrEqual(rtol);
  return worst;
}

const mat = (flat: number[], d: number) =>
  new Matrix(flat.length / d, d, Float64Array.from(flat));

/** Columns `cols` of every row of a K x d matrix, flattened. */
function pick(A: Matrix, cols: number[]): number[] {
  const out: number[] = [];
  for (let c = 0; c < A.rows; c++) {
    for (const j of cols) out.push(A.data[c * A.cols + j]);
  }
  return out;
}

/** Rows `rows` of A, flattened. */
function rowsOf(A: Matrix, rows: number[]): number[] {
  return rows.flatMap((i) => Array.from(A.row(i)));
}

/** Column sums of A (one per class for an n x K matrix). */
function colSums(A: Matrix): number[] {
  const s = new Array(A.cols).fill(0);
  for (let i = 0; i < A.rows; i++) {
    for (let c = 0; c < A.cols; c++) s[c] += A.data[i * A.cols + c];
  }
  return s;
}

const small = sk.small;
const smallX = () => csrFromDense(mat(small.X, small.d));
const smallQ = () => csrFromDense(mat(small.Q, small.d));
const smallOptions = (o: Record<string, unknown>) => ({
  alpha: o.alpha as number,
  ...(o.fit_prior === false ? { fitPrior: false } : {}),
  ...(o.class_prior ? { classPrior: o.class_prior as number[] } : {}),
  ...(o.binarize !== undefined ? { binarize: o.binarize as number } : {}),
});

/** Studies that take a second, computed once per file. */
let irisMemo: ReturnType<typeof irisStudy> | undefined;
const iris = () => (irisMemo ??= irisStudy());
let langMemo: ReturnType<typeof languageStudy> | undefined;
const lang = () => (langMemo ??= languageStudy());
let dataMemo: ReturnType<typeof languageData> | undefined;
const words13 = () => (dataMemo ??= languageData(1, 3));

describe('Gaussian naive Bayes', () => {
  it('estimates class means, mean squared deviations (divisor n_c) and ' +
    'adds epsilon = varSmoothing × the largest feature variance ' +
    '(Eqs. nb-gauss-mle, nb-var-smoothing)', () => {
    const X = mat([1, 10, 3, 14, 5, 30, 8, 20], 2);
    const m = fitGaussianNB(X, [0, 0, 1, 1], { varSmoothing: 0.1 });
    // column variances over all rows: 6.6875 and 56.75
    expect(largestVariance(X)).toBeCloseTo(56.75, 12);
    expect(m.epsilon).toBeCloseTo(5.675, 12);
    expect(Array.from(m.theta.data)).toEqual([2, 12, 6.5, 25]);
    const expected = [1, 4, 2.25, 25].map((v) => v + 5.675);
    expectClose(m.variance.data, expected, 1e-15);
    expectClose(m.classLogPrior, [Math.log(0.5), Math.log(0.5)], 0);
  });

  it('matches scikit-learn GaussianNB on iris: class counts, priors, ' +
    'theta_, var_ and epsilon_ for var_smoothing 1e-9, 1e-2, 1 and ' +
    'fixed priors', () => {
    const { X, y } = loadIris();
    for (const f of sk.iris.fits) {
      const m = fitGaussianNB(X, y, {
        ...(f.options.var_smoothing ? { varSmoothing:
          f.options.var_smoothing } : {}),
        ...(f.options.priors ? { priors: f.options.priors } : {}) });
      expect(Array.from(m.classCount)).toEqual(f.class_count);
      expectClose(m.classLogPrior.map(Math.exp), f.class_prior, 1e-15);
      expectClose(m.theta.data, f.theta, 1e-14);
      expectClose(m.variance.data, f.var, 1e-12);
      expectClose([m.epsilon], [f.epsilon], 1e-13);
    }
  });

  it('matches scikit-learn on iris: joint log-likelihoods and ' +
    'predict_log_proba of all 150 flowers to 1e-10 relative', () => {
    const { X, y } = loadIris();
    for (const f of sk.iris.fits) {
      const m = fitGaussianNB(X, y, {
        ...(f.options.var_smoothing ? { varSmoothing:
          f.options.var_smoothing } : {}),
        ...(f.options.priors ? { priors: f.options.priors } : {}) });
      const J = gaussianJll(m, X);
      if (f.jll) expectClose(J.data, f.jll);
      // log-probabilities near 0 (−1e-20) are compared absolutely
      const L = logPosterior(J).data;
      for (let t = 0; t < L.length; t++) {
        const e = f.log_proba[t];
        expect(Math.abs(L[t] - e)).toBeLessThanOrEqual(
          RTOL * Math.max(1, Math.abs(e)));
      }
    }
  });

  it('matches scikit-learn on small data where a feature is constant ' +
    'in one class and only the smoothing keeps its variance > 0', () => {
    const G = mat(small.gaussian_X, 3);
    for (const f of small.gaussian) {
      const m = fitGaussianNB(G, small.y, f.options.var_smoothing
        ? { varSmoothing: f.options.var_smoothing } : {});
      expect(m.variance.data[1 * 3 + 2]).toBe(m.epsilon);
      expectClose(m.variance.data, f.var, 1e-12);
      expectClose(gaussianJll(m, G).data, f.jll);
    }
    expect(() => fitGaussianNB(G, small.y, { varSmoothing: 0 }))
      .toThrow(/fitGaussianNB: feature 2 is constant in class 1/);
  });

  it('factorizes: J_c is log π_c plus a sum of one-dimensional normal ' +
    'log-densities (Eq. nb-gauss-jll)', () => {
    const { X, y } = loadIris();
    const m = fitGaussianNB(X, y);
    const J = gaussianJll(m, X);
    for (const i of [0, 77, 149]) {
      for (let c = 0; c < 3; c++) {
        let s = m.classLogPrior[c];
        for (let j = 0; j < 4; j++) {
          s += normalLogPdf(X.data[i * 4 + j], m.theta.data[c * 4 + j],
            Math.sqrt(m.variance.data[c * 4 + j]));
        }
        expect(J.data[i * 3 + c]).toBeCloseTo(s, 11);
      }
    }
  });

  it('without smoothing, changing a feature\'s units leaves the ' +
    'posterior unchanged; with var_smoothing it does not', () => {
    const { X, y } = loadIris();
    const Xum = new Matrix(150, 4, X.data.map((v, t) =>
      t % 4 === 0 ? v * 1e4 : v));
    const post = (A: Matrix, v: number) =>
      expMatrix(logPosterior(gaussianJll(fitGaussianNB(A, y,
        { varSmoothing: v }), A))).data;
    const a = post(X, 0);
    const b = post(Xum, 0);
    for (let t = 0; t < a.length; t++) expect(b[t]).toBeCloseTo(a[t], 9);
    const c = post(X, 1e-2);
    const d = post(Xum, 1e-2);
    let moved = 0;
    for (let t = 0; t < c.length; t++) moved = Math.max(moved,
      Math.abs(c[t] - d[t]));
    expect(moved).toBeGreaterThan(0.5);
  });

  it('on iris: LOO error of 4 features, of the petals alone, and the ' +
    'within-class correlation of the petal measurements', () => {
    const s = iris();
    expect(s.loo).toBeCloseTo(7 / 150, 12);
    expect(s.looPetals).toBeCloseTo(6 / 150, 12);
    expect(s.resub).toBeCloseTo(6 / 150, 12);
    // "not distinguishable": the paired difference is within 2 SE
    expect(Math.abs(s.petalVsAll.mean)).toBeLessThan(2 * s.petalVsAll.se);
    // versicolor's petal length and width are strongly correlated
    expect(s.correlation[1]).toBeGreaterThan(0.75);
    expect(classCorrelation(loadIris().X, loadIris().y, 1, 2, 3))
      .toBe(s.correlation[1]);
  });

  it('LOO by refitting equals LOO by the leave-one-out class ' +
    'statistics computed by hand for one flower', () => {
    const { X, y } = loadIris();
    const J = looJll(X, y);
    const keep = Array.from({ length: 149 }, (_, k) => k + 1);
    const m = fitGaussianNB(new Matrix(149, 4, X.data.slice(4)),
      keep.map((k) => y[k]));
    const q = gaussianJll(m, new Matrix(1, 4, X.data.slice(0, 4)));
    expect(Array.from(J.row(0))).toEqual(Array.from(q.data));
    expect(looErrors(X, y).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('var_smoothing: the units of one feature set epsilon for all; ' +
    'sepal length in micrometres raises the LOO error by more than ' +
    '4 paired standard errors at var_smoothing 1e-2', () => {
    const { units, sweep } = iris();
    expect(units.epsilonUm / units.epsilonCm).toBeGreaterThan(1e7);
    expect(units.diff.mean).toBeGreaterThan(4 * units.diff.se);
    expect(units.um - units.cm).toBeCloseTo(units.diff.mean, 12);
    // var_smoothing up to 1e-3 changes nothing; 1 hurts
    for (const k of [1, 2, 3]) expect(sweep[k].error).toBe(sweep[0].error);
    expect(sweep[3].varSmoothing).toBe(1e-3);
    expect(sweep[sweep.length - 1].error).toBeGreaterThan(sweep[0].error);
  });
});

describe('multinomial naive Bayes', () => {
  it('θ_cj = (N_cj + α) / (N_c + dα) on a hand example, each class a ' +
    'probability vector (Eq. nb-lidstone)', () => {
    const X = csrFromDense(mat([2, 0, 1, 0, 1, 0, 0, 3, 3], 3));
    const m = fitMultinomialNB(X, [0, 0, 1], { alpha: 0.5 });
    const theta = expMatrix(m.featureLogProb).data;
    const want = [2.5 / 5.5, 1.5 / 5.5, 1.5 / 5.5, 0.5 / 7.5, 3.5 / 7.5,
      3.5 / 7.5];
    expectClose(theta, want, 1e-15);
    expect(theta[0] + theta[1] + theta[2]).toBeCloseTo(1, 15);
    expectClose(m.classLogPrior, [Math.log(2 / 3), Math.log(1 / 3)],
      1e-15);
  });

  it('matches scikit-learn MultinomialNB on small data: alpha 0.5, ' +
    'fit_prior=False, class_prior; every array', () => {
    for (const f of small.multinomial) {
      const m = fitMultinomialNB(smallX(), small.y,
        smallOptions(f.options));
      expect(Array.from(m.classCount)).toEqual(f.class_count);
      expect(Array.from(m.featureCount.data)).toEqual(f.feature_count);
      expectClose(m.classLogPrior, f.class_log_prior, 1e-15);
      expectClose(m.featureLogProb.data, f.feature_log_prob, 1e-14);
      const J = multinomialJll(m, smallQ());
      expectClose(J.data, f.jll);
      expectClose(logPosterior(J).data, f.log_proba);
    }
  });

  it('builds scikit-learn\'s char_wb vocabulary of the training words: ' +
    'size, SHA-256 of the sorted terms, non-zeros and total count', () => {
    const D = words13();
    const w = sk.words;
    expect(D.vocab.terms.length).toBe(w.n_features);
    expect(D.vocab.terms.slice(0, 10)).toEqual(w.first_terms);
    const sha = createHash('sha256').update(D.vocab.terms.join('\n'),
      'utf8').digest('hex');
    expect(sha).toBe(w.terms_sha256);
    expect(D.XTrain.indices.length).toBe(w.nnz_train);
    expect(D.XTrain.values.reduce((a, b) => a + b, 0))
      .toBe(w.count_total_train);
    expect([D.yTrain.length, D.yTest.length]).toEqual([w.n_train,
      w.n_test]);
  });

  it('matches scikit-learn MultinomialNB on the words (alpha 1 and ' +
    '0.1): priors, counts and log θ of every 100th n-gram, all sums', () => {
    const D = words13();
    const cols = Array.from({ length: D.vocab.terms.length }, (_, j) => j)
      .filter((j) => j % sk.words.column_step === 0);
    for (const [key, alpha] of [['multinomial_alpha_1', 1],
      ['multinomial_alpha_0.1', 0.1]] as const) {
      const f = sk.words.models[key];
      const m = fitMultinomialNB(D.XTrain, D.yTrain, { alpha });
      expectClose(m.classLogPrior, f.class_log_prior, 1e-15);
      expect(pick(m.featureCount, cols)).toEqual(f.feature_count);
      expectClose(pick(m.featureLogProb, cols), f.feature_log_prob, 1e-14);
      expectClose(colSums(new Matrix(6022, 5, transposeData(
        m.featureLogProb))), f.feature_log_prob_sum, 1e-12);
    }
  });

  it('matches scikit-learn on the test words: joint log-likelihoods ' +
    'and predict_log_proba to 1e-10, their sums over all 1250 words, ' +
    'and the accuracy', () => {
    const D = words13();
    const rows = Array.from({ length: D.yTest.length }, (_, i) => i)
      .filter((i) => i % sk.words.test_step === 0);
    for (const [key, alpha] of [['multinomial_alpha_1', 1],
      ['multinomial_alpha_0.1', 0.1]] as const) {
      const f = sk.words.models[key];
      const J = multinomialJll(fitMultinomialNB(D.XTrain, D.yTrain,
        { alpha }), D.XTest);
      const L = logPosterior(J);
      expectClose(rowsOf(J, rows), f.jll);
      absClose(rowsOf(L, rows), f.log_proba);
      expectClose(colSums(J), f.jll_sum, 1e-12);
      expectClose(colSums(L), f.log_proba_sum, 1e-9);
      const yHat = argmaxRows(J);
      const acc = yHat.reduce((s, c, i) => s + +(c === D.yTest[i]), 0) /
        yHat.length;
      expect(acc).toBe(f.accuracy);
    }
  });

  it('sums over the non-zeros only: the sparse J equals the dense sum ' +
    'over all d features (Eq. nb-multinomial-jll)', () => {
    const m = fitMultinomialNB(smallX(), small.y, { alpha: 1 });
    const Q = mat(small.Q, small.d);
    const J = multinomialJll(m, smallQ());
    for (let i = 0; i < Q.rows; i++) {
      for (let c = 0; c < 3; c++) {
        let s = m.classLogPrior[c];
        for (let j = 0; j < small.d; j++) {
          s += Q.data[i * small.d + j] * m.featureLogProb.data[c *
            small.d + j];
        }
        expect(J.data[i * 3 + c]).toBeCloseTo(s, 12);
      }
    }
  });

  it('the smoothed objective\'s gradient (Eq. nb-map-gradient) passes a ' +
    'finite-difference check, and vanishes at z = log(N + α)', () => {
    const N = Float64Array.of(5, 0, 2, 9, 1);
    const rng = createRng(3);
    for (const alpha of [0, 0.5, 1]) {
      const z = rng.normalArray(5);
      const chk = gradientCheck((v) => smoothedObjective(v, N, alpha),
        (v) => smoothedGradient(v, N, alpha), z);
      expect(chk.ok).toBe(true);
    }
    const at = N.map((v) => Math.log(v + 0.5));
    for (const g of smoothedGradient(at, N, 0.5)) {
      expect(Math.abs(g)).toBeLessThan(1e-13);
    }
  });

  it('Lidstone θ is the mean of the Dirichlet(N + α) posterior, the ' +
    'predictive probability (Eq. nb-predictive), by Monte Carlo within ' +
    '4 standard errors', () => {
    const N = [5, 0, 2, 9, 1];
    const alpha = 1;
    const rng = createRng(17);
    const draws = 20000;
    const sum = new Float64Array(5);
    const sq = new Float64Array(5);
    for (let r = 0; r < draws; r++) {
      const th = dirichletSample(rng, N.map((v) => v + alpha));
      th.forEach((t, j) => { sum[j] += t; sq[j] += t * t; });
    }
    const total = 17 + 5 * alpha;
    N.forEach((v, j) => {
      const mean = sum[j] / draws;
      const se = Math.sqrt((sq[j] / draws - mean * mean) / draws);
      expect(Math.abs(mean - (v + alpha) / total)).toBeLessThan(4 * se);
    });
  });

  it('the predictive probabilities of a sequence multiply to the ' +
    'Dirichlet–multinomial evidence, in any order ' +
    '(Eq. nb-dirichlet-evidence)', () => {
    const N = [3, 0, 5, 1];
    const alpha = 0.7;
    const seq = N.flatMap((k, j) => Array.from({ length: k }, () => j));
    const logEvidence = logMultiBeta(N.map((k) => k + alpha)) -
      logMultiBeta(N.map(() => alpha));
    const rng = createRng(23);
    for (const order of [seq, rng.shuffle([...seq])]) {
      const seen = [0, 0, 0, 0];
      let logP = 0;
      order.forEach((j, t) => {
        logP += Math.log((seen[j] + alpha) / (t + 4 * alpha));
        seen[j] += 1;
      });
      expect(logP).toBeCloseTo(logEvidence, 12);
    }
  });

  it('α = 0: an n-gram never seen in a class gives J = −∞ there; a word ' +
    'that rules out every class has no posterior', () => {
    const m = fitMultinomialNB(smallX(), small.y, { alpha: 0 });
    const J = multinomialJll(m, smallQ());
    expect(J.data[0]).toBe(-Infinity); // query 0 has feature 4
    expect(Number.isFinite(J.data[1])).toBe(true);
    const dead = new Matrix(1, 2, Float64Array.of(-Infinity, -Infinity));
    expect(() => logPosterior(dead)).toThrow(/row 0 rules out every/);
    const z = lang().zeroAlpha;
    expect(z.n).toBe(1250);
    expect(z.some).toBeGreaterThan(0.9 * z.n);
    expect(z.all).toBeGreaterThan(0.3 * z.n);
    expect(ruledOut(m, smallQ()).some).toBeGreaterThan(0);
  });

  it('without logs the joint probability underflows to 0 for every ' +
    'class within a few words, while J stays finite and the ' +
    'posterior defined', () => {
    const u = lang().underflow;
    expect(u.words).toBeLessThanOrEqual(10);
    for (const v of u.J) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeLessThan(Math.log(Number.MIN_VALUE));
    }
    const L = logPosterior(new Matrix(1, 5, Float64Array.from(u.J)));
    expect(L.data.every(Number.isFinite)).toBe(true);
  });
});

describe('Bernoulli naive Bayes', () => {
  it('matches scikit-learn BernoulliNB on small data: alpha 0.5 with ' +
    'binarize=1, fit_prior=False; every array', () => {
    for (const f of small.bernoulli) {
      const m = fitBernoulliNB(smallX(), small.y, smallOptions(f.options));
      expect(Array.from(m.featureCount.data)).toEqual(f.feature_count);
      expectClose(m.classLogPrior, f.class_log_prior, 1e-15);
      expectClose(m.featureLogProb.data, f.feature_log_prob, 1e-14);
      const J = bernoulliJll(m, smallQ());
      expectClose(J.data, f.jll);
      expectClose(logPosterior(J).data, f.log_proba);
    }
  });

  it('matches scikit-learn BernoulliNB on the words: priors, counts, ' +
    'log θ, joint log-likelihoods and log-probabilities', () => {
    const D = words13();
    const f = sk.words.models.bernoulli_alpha_1;
    const m = fitBernoulliNB(D.XTrain, D.yTrain);
    const cols = Array.from({ length: m.d }, (_, j) => j)
      .filter((j) => j % sk.words.column_step === 0);
    const rows = Array.from({ length: D.yTest.length }, (_, i) => i)
      .filter((i) => i % sk.words.test_step === 0);
    expect(pick(m.featureCount, cols)).toEqual(f.feature_count);
    expectClose(pick(m.featureLogProb, cols), f.feature_log_prob, 1e-14);
    const J = bernoulliJll(m, D.XTest);
    expectClose(rowsOf(J, rows), f.jll);
    absClose(rowsOf(logPosterior(J), rows), f.log_proba);
    expectClose(colSums(J), f.jll_sum, 1e-12);
    const acc = argmaxRows(J).reduce((s, c, i) =>
      s + +(c === D.yTest[i]), 0) / J.rows;
    expect(acc).toBe(f.accuracy);
  });

  it('absent features count: J equals the product over all d features ' +
    'of θ^x (1 − θ)^(1 − x), taken in logs (Eq. nb-bernoulli-jll)', () => {
    const m = fitBernoulliNB(smallX(), small.y, { alpha: 1 });
    const B = mat(small.Q, small.d).data.map((v) => +(v > 0));
    const J = bernoulliJll(m, smallQ());
    for (let i = 0; i < 6; i++) {
      for (let c = 0; c < 3; c++) {
        let s = m.classLogPrior[c];
        for (let j = 0; j < small.d; j++) {
          const th = Math.exp(m.featureLogProb.data[c * small.d + j]);
          s += Math.log(B[i * small.d + j] ? th : 1 - th);
        }
        expect(J.data[i * 3 + c]).toBeCloseTo(s, 12);
      }
    }
    expectClose(m.absentLogProb.data.map(Math.exp), m.featureLogProb.data
      .map((v) => 1 - Math.exp(v)), 1e-14);
  });

  it('binarizes at the threshold, keeps the result sparse, and refuses ' +
    'α = 0', () => {
    const X = csrFromDense(mat([0, 2, 1, 3, 0, 1], 3));
    const B = binarizeCsr(X, 1);
    expect(Array.from(B.indptr)).toEqual([0, 1, 2]);
    expect(Array.from(B.indices)).toEqual([1, 0]);
    expect(Array.from(B.values)).toEqual([1, 1]);
    expect(() => fitBernoulliNB(X, [0, 1], { alpha: 0 }))
      .toThrow(/fitBernoulliNB: alpha must be > 0/);
  });
});

describe('posterior, priors and features', () => {
  it('log-posterior rows log-sum-exp to 0 even when every J is far ' +
    'below the log of the smallest double', () => {
    const J = new Matrix(2, 3, Float64Array.of(-2000, -2001, -2003,
      -5, -5, -5));
    const L = logPosterior(J);
    expect(Math.exp(-2000)).toBe(0); // the naive quotient is 0/0
    expect(L.data[0]).toBeCloseTo(-Math.log(1 + Math.exp(-1) +
      Math.exp(-3)), 14);
    expect(L.data[3]).toBeCloseTo(-Math.log(3), 15);
    const p = expMatrix(L).data;
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 14);
  });

  it('arg max ties go to the smallest label; priors: class shares, ' +
    'uniform, or given', () => {
    const S = new Matrix(2, 3, Float64Array.of(1, 3, 3, 2, 2, 2));
    expect(Array.from(argmaxRows(S))).toEqual([1, 0]);
    const n = Float64Array.of(1, 3);
    expectClose(classLogPrior(n), [Math.log(0.25), Math.log(0.75)], 1e-15);
    expectClose(classLogPrior(n, { fitPrior: false }),
      [Math.log(0.5), Math.log(0.5)], 1e-15);
    expectClose(classLogPrior(n, { fitPrior: false, classPrior:
      [0.9, 0.1] }), [Math.log(0.9), Math.log(0.1)], 0);
  });

  it('char_wb n-grams: the word padded by spaces, n = 1..3, a short ' +
    'padded word counted once, accents as one code point', () => {
    expect(charNgrams('ab', 1, 3)).toEqual([' ', 'a', 'b', ' ', ' a',
      'ab', 'b ', ' ab', 'ab ']);
    expect(charNgrams('a', 2, 4)).toEqual([' a', 'a ', ' a ']);
    expect(charNgrams('é', 3, 3)).toEqual([' é ']);
    expect(charNgrams('über', 1, 1)).toHaveLength(6);
  });

  it('the vocabulary is sorted and unique; counts drop n-grams outside ' +
    'it; CSR helpers round-trip', () => {
    const v = buildVocabulary(['abc', 'bca'], 2, 2);
    expect(v.terms).toEqual([' a', ' b', 'a ', 'ab', 'bc', 'c ', 'ca']);
    const X = countNgrams(['abcd'], v);
    expect(Array.from(X.indices)).toEqual([0, 3, 4]); // ' a', ab, bc
    const D = mat([0, 1, 2, 0, 0, 0, 3, 0, 4], 3);
    const C = csrFromDense(D);
    expect(Array.from(C.indptr)).toEqual([0, 2, 2, 4]);
    const R = csrRows(C, [2, 0]);
    expect(Array.from(R.indices)).toEqual([0, 2, 1, 2]);
    expect(Array.from(R.values)).toEqual([3, 4, 1, 2]);
    const F = csrFromRows([new Map([[2, 5], [0, 1]])], 3);
    expect(Array.from(F.indices)).toEqual([0, 2]);
  });

  it('the word sample: 1000 words a language, SHA-256 as recorded, ' +
    'lower-case letters only, no word in two languages, a 3:1 split', () => {
    const { words, y, names } = loadWords();
    expect(names).toEqual(['English', 'French', 'German', 'Spanish',
      'Italian']);
    expect(words).toHaveLength(5000);
    LANGUAGES.forEach((l) => expect(sk.words.files[l.name.toLowerCase()])
      .toBe(l.sha256));
    expect(words.every((w) => /^\p{Ll}{2,}$/u.test(w))).toBe(true);
    expect(new Set(words).size).toBe(5000);
    const { train, test } = splitWords(words, y);
    expect([train.length, test.length]).toEqual([3750, 1250]);
    expect(test.filter((i) => y[i] === 4)).toHaveLength(250);
  });

  it('fits and predicts 10⁵ rows without overflowing the stack', () => {
    const rng = createRng(5);
    const n = 100000;
    const rows = Array.from({ length: n }, () => new Map([[rng.int(0, 50),
      1 + rng.int(0, 3)]]));
    const y = Int32Array.from({ length: n }, (_, i) => i % 3);
    const X = csrFromRows(rows, 50);
    const m = fitMultinomialNB(X, y);
    expect(multinomialJll(m, X).rows).toBe(n);
    expect(bernoulliJll(fitBernoulliNB(X, y), X).rows).toBe(n);
    const G = new Matrix(n, 2, rng.normalArray(2 * n));
    expect(gaussianJll(fitGaussianNB(G, y), G).rows).toBe(n);
  });
});

describe('the language task and calibration', () => {
  it('n-grams up to length 3 beat single letters by more than 4 paired ' +
    'standard errors; Bernoulli and multinomial are within 2', () => {
    const s = lang();
    expect(-s.gramsVsUnigrams.mean).toBeGreaterThan(
      4 * s.gramsVsUnigrams.se);
    expect(Math.abs(s.bernVsMulti.mean)).toBeLessThan(2 * s.bernVsMulti.se);
    expect(s.byRange.map((r) => r.d)).toEqual([47, 886, 6022]);
  });

  it('overconfidence: with n-grams 1–3 the mean confidence exceeds the ' +
    'accuracy by more than 4 standard errors; with letters alone the ' +
    'gap is within 2', () => {
    const [uni, , tri] = lang().byRange;
    const se = (a: number) => Math.sqrt(a * (1 - a) / 1250);
    expect(tri.meanConfidence - tri.accuracy).toBeGreaterThan(
      4 * se(tri.accuracy));
    expect(Math.abs(uni.meanConfidence - uni.accuracy)).toBeLessThan(
      2 * se(uni.accuracy));
    expect(tri.ece).toBeGreaterThan(uni.ece);
    // better accuracy, worse log-loss than with 2-grams at most
    const bi = lang().byRange[1];
    expect(tri.accuracy).toBeGreaterThan(bi.accuracy);
    expect(tri.logLoss).toBeGreaterThan(bi.logLoss);
  });

  it('the words the model is surest of (confidence > 0.99) are right ' +
    'less often than 99% of the time', () => {
    const tri = lang().byRange[2];
    let k = 0;
    let right = 0;
    tri.confidence.forEach((p, i) => {
      if (p > 0.99) { k += 1; right += tri.correct[i]; }
    });
    expect(k).toBeGreaterThan(0.5 * 1250);
    expect(right / k + 4 * Math.sqrt(0.99 * 0.01 / k)).toBeLessThan(0.99);
  });

  it('α: accuracy flat from 0.01 to 1 (within 2 standard errors), ' +
    'lower by over 4 at 10; the log-loss is best at α = 1', () => {
    const a = lang().alphas;
    const upTo1 = a.filter((r) => r.alpha <= 1).map((r) => r.accuracy);
    const acc = a[4].accuracy; // α = 1, the model of the chapter
    const se = Math.sqrt(acc * (1 - acc) / 1250);
    expect(Math.max(...upTo1) - Math.min(...upTo1)).toBeLessThan(2 * se);
    expect(a[6].alpha).toBe(10);
    expect(a[4].accuracy - a[6].accuracy).toBeGreaterThan(4 * se);
    const best = a.reduce((b, r) => (r.logLoss < b.logLoss ? r : b));
    expect(best.alpha).toBe(1);
  });

  it('English is the hardest language; "probability" is recognized in ' +
    'all five, "papillon" and "farfalla" are not; none is in the ' +
    'sample', () => {
    const s = lang();
    expect(Math.min(...s.recall)).toBe(s.recall[0]);
    const D = words13();
    const m = fitMultinomialNB(D.XTrain, D.yTrain);
    const best = (w: string) => {
      const e = explainWord(m, D.vocab, w);
      return e.logPost.indexOf(Math.max(...e.logPost));
    };
    const prob = ['probability', 'probabilité', 'wahrscheinlichkeit',
      'probabilidad', 'probabilità'];
    const fly = ['butterfly', 'papillon', 'schmetterling', 'mariposa',
      'farfalla'];
    expect(prob.map(best)).toEqual([0, 1, 2, 3, 4]);
    expect(fly.map(best)).toEqual([0, 3, 2, 3, 3]);
    const all = [...D.wordsTrain, ...D.wordsTest];
    expect([...prob, ...fly].some((w) => all.includes(w))).toBe(false);
  });

  it('topLabel is calibrationCurve of (correct, confidence), its ECE ' +
    'the bin-weighted gap and its log-loss the mean −log P(y | x)', () => {
    const J = new Matrix(4, 2, Float64Array.of(0, -1, -2, 0, 0, 0, -3, 0));
    const y = [0, 0, 0, 1];
    const t = topLabel(J, y, 4);
    const p1 = 1 / (1 + Math.exp(-1));
    expect(Array.from(t.correct)).toEqual([1, 0, 1, 1]);
    const c = calibrationCurve(t.correct, t.confidence, 4);
    expect(Array.from(t.curve.probPred)).toEqual(Array.from(c.probPred));
    let ece = 0;
    c.counts.forEach((k, b) => {
      ece += (k / 4) * Math.abs(c.probTrue[b] - c.probPred[b]);
    });
    expect(t.ece).toBeCloseTo(ece, 15);
    const p3 = 1 / (1 + Math.exp(-3));
    const ll = -(Math.log(p1) + Math.log(1 - (1 / (1 + Math.exp(-2)))) +
      Math.log(0.5) + Math.log(p3)) / 4; // row 2 ties: class 0, right
    expect(t.logLoss).toBeCloseTo(ll, 14);
    expect(t.accuracy).toBe(0.75);
  });

  it('explainWord: J is the log prior plus the terms count × log θ of ' +
    'the word\'s n-grams; unseen n-grams are listed and ignored', () => {
    const D = words13();
    const m = fitMultinomialNB(D.XTrain, D.yTrain);
    const e = explainWord(m, D.vocab, 'naïvetéxq');
    for (let c = 0; c < 5; c++) {
      const s = e.grams.reduce((a, g) => a + g.terms[c],
        m.classLogPrior[c]);
      expect(e.jll[c]).toBeCloseTo(s, 10);
    }
    expect(e.unseen.length).toBeGreaterThan(0);
    const top = drivers(e, 1, 0, 3);
    expect(top).toHaveLength(3);
    expect(top[0].margin).toBeGreaterThanOrEqual(top[2].margin);
    expect(e.logPost.reduce((a, v) => a + Math.exp(v), 0))
      .toBeCloseTo(1, 14);
  });
});

describe('exercises', () => {
  it('temperature: the derivatives of the log-loss in s pass a ' +
    'finite-difference check, and the fitted s zeroes the first', () => {
    // labels drawn from softmax(0.3 J): the best s is near 0.3
    const rng = createRng(8);
    const J = new Matrix(200, 4, rng.normalArray(800, 0, 6));
    const y = Int32Array.from({ length: 200 }, (_, i) => {
      const p = expMatrix(logPosterior(scaleScores(new Matrix(1, 4,
        J.data.slice(4 * i, 4 * i + 4)), 0.3))).data;
      let u = rng.uniform();
      let c = 0;
      while (c < 3 && u >= p[c]) u -= p[c++];
      return c;
    });
    const at = Float64Array.of(0.7);
    const f = (v: Float64Array) => temperatureLoss(v[0], J, y).f;
    const g = (v: Float64Array) =>
      Float64Array.of(temperatureLoss(v[0], J, y).g);
    const h = (v: Float64Array) =>
      Float64Array.of(temperatureLoss(v[0], J, y).h);
    expect(gradientCheck(f, g, at).ok).toBe(true);
    expect(gradientCheck((v) => g(v)[0], h, at).ok).toBe(true);
    const s = fitTemperature(J, y);
    expect(Math.abs(temperatureLoss(s, J, y).g)).toBeLessThan(1e-9);
    expect(Math.abs(s - 0.3)).toBeLessThan(0.1);
    expect(Array.from(argmaxRows(scaleScores(J, s))))
      .toEqual(Array.from(argmaxRows(J)));
  });

  it('temperature on the words: s < 1, the same accuracy, lower ' +
    'log-loss and ECE on the test words', () => {
    const t = temperatureStudy();
    expect(t.s).toBeLessThan(1);
    expect(t.after.accuracy).toBe(t.before.accuracy);
    expect(t.after.logLoss).toBeLessThan(t.before.logLoss);
    expect(t.after.ece).toBeLessThan(t.before.ece / 2);
    // the temperature is close to 3, the number of n-gram lengths
    expect(1 / t.s).toBeGreaterThan(2.5);
    expect(1 / t.s).toBeLessThan(3.5);
  });

  it('copies of the petal features: LOO error no higher, confidence ' +
    'and log-loss rising with the number of copies', () => {
    const rows = copiesStudy([1, 2, 4, 8]);
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k].error).toBeLessThanOrEqual(rows[0].error);
      expect(rows[k].confidence).toBeGreaterThan(rows[k - 1].confidence);
      expect(rows[k].logLoss).toBeGreaterThan(rows[k - 1].logLoss);
    }
    expect(rows[3].logLoss).toBeGreaterThan(3 * rows[0].logLoss);
    // one flower fewer misclassified with two or more copies
    expect(Math.round(150 * (rows[0].error - rows[1].error))).toBe(1);
    expect(withCopies(loadIris().X, 3).cols).toBe(8);
  });
});

describe('bad input', () => {
  it('models reject bad input with errors naming the function', () => {
    rejectsBadInput(badInput.models);
  });
  it('features and sparse matrices reject bad input', () => {
    rejectsBadInput(badInput.features);
  });
  it('posteriors, studies and exercises reject bad input', () => {
    rejectsBadInput(badInput.posterior);
  });
  it('the shared checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
  it('log-scores may hold −Infinity, never NaN or +Infinity; a ' +
    'malformed CSR matrix is refused', () => {
    for (const bad of [NaN, Infinity]) {
      const S = new Matrix(1, 2, Float64Array.of(0, bad));
      expect(() => logPosterior(S)).toThrow(/^logPosterior: jll/);
      expect(() => argmaxRows(S)).toThrow(/^argmaxRows: S/);
      expect(() => expMatrix(S)).toThrow(/^expMatrix: L/);
      expect(() => scaleScores(S, 2)).toThrow(/^scaleScores: jll/);
      expect(() => topLabel(S, [0])).toThrow(/^topLabel: /);
    }
    const ok = csrFromDense(mat([1, 3, 0, 2], 2));
    const broken = [
      { ...ok, indices: Int32Array.of(1, 0, 1) }, // row 0 out of order
      { ...ok, indices: Int32Array.of(0, 2, 1) }, // column 2 of 2
      { ...ok, indptr: Int32Array.of(0, 2, 2) }, // last pointer short
      { ...ok, values: Float64Array.of(1, 3, NaN) },
      { ...ok, values: [1, 3, 2] as unknown as Float64Array },
    ];
    for (const X of broken) {
      expect(() => multinomialJll(fitMultinomialNB(ok, [0, 1]), X))
        .toThrow(/^multinomialJll: X/);
    }
    expect(() => fitMultinomialNB(csrFromDense(mat([1, -1, 0, 2], 2)),
      [0, 1])).toThrow(/fitMultinomialNB: X must hold counts >= 0/);
  });
  it('labels are limited to MAX_CLASSES classes', () => {
    const X = new Matrix(2, 1, Float64Array.of(0, 1));
    expect(() => fitGaussianNB(X, [0, MAX_CLASSES]))
      .toThrow(/fitGaussianNB: y must hold labels/);
  });
});

/** Log-probabilities: absolute 1e-10 where |value| < 1, else relative;
 *  values near 0 (a sure class, −1e-30) have no useful relative error. */
function absClose(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) {
    expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(
      RTOL * Math.max(1, Math.abs(b[i])));
  }
}

/** The K x d data of A as d x K (for column sums per class). */
function transposeData(A: Matrix): Float64Array {
  const out = new Float64Array(A.data.length);
  for (let c = 0; c < A.rows; c++) {
    for (let j = 0; j < A.cols; j++) {
      out[j * A.rows + c] = A.data[c * A.cols + j];
    }
  }
  return out;
}

describe('review', () => {
  /** −log P(y_i | x_i) of every test word, n-grams 1..nMax. */
  const wordLogLoss = (nMax: number, alpha = 1) => {
    const D = languageData(1, nMax);
    const L = logPosterior(multinomialJll(fitMultinomialNB(D.XTrain,
      D.yTrain, { alpha }), D.XTest));
    return Float64Array.from(D.yTest, (c, i) => -L.data[i * L.cols + c]);
  };
  const wordErrors = (nMax: number, alpha = 1) => {
    const D = languageData(1, nMax);
    const yHat = argmaxRows(multinomialJll(fitMultinomialNB(D.XTrain,
      D.yTrain, { alpha }), D.XTest));
    return Float64Array.from(yHat, (c, i) => +(c !== D.yTest[i]));
  };

  it('sepal length in µm: its variance grows 10^8-fold, but epsilon ' +
    'only by 10^8 × var(sepal length) / var(petal length), < 10^8 / 4',
  () => {
    const { X } = loadIris();
    const v = (j: number) => largestVariance(new Matrix(150, 1,
      Float64Array.from({ length: 150 }, (_, i) => X.data[i * 4 + j])));
    const { units } = iris();
    const growth = units.epsilonUm / units.epsilonCm;
    expect(largestVariance(X)).toBe(v(2)); // petal length sets ε in cm
    expectClose([growth], [1e8 * v(0) / v(2)], 1e-9);
    expect(growth).toBeLessThan(1e8 / 4);
  });

  it('the sparse training matrix takes more than 1 MB, and over 100 ' +
    'times less than the dense one', () => {
    const X = words13().XTrain;
    const bytes = X.indptr.byteLength + X.indices.byteLength +
      X.values.byteLength;
    expect(bytes).toBeGreaterThan(1e6);
    expect(X.rows * X.cols * 8).toBeGreaterThan(100 * bytes);
  });

  it('var_smoothing 1 raises the LOO error over the default by more ' +
    'than 2 paired standard errors', () => {
    const { X, y } = loadIris();
    const p = pairedDifference(looErrors(X, y, { varSmoothing: 1 }),
      iris().looErrors);
    expect(p.mean).toBeGreaterThan(2 * p.se);
  });

  it('α: the accuracy at α = 3 is lower than at α = 1 by more than 3 ' +
    'paired standard errors; the log-loss at 3 is within 2 of α = 1\'s',
  () => {
    const e1 = wordErrors(3, 1);
    const a3 = pairedDifference(wordErrors(3, 3), e1);
    expect(a3.mean).toBeGreaterThan(3 * a3.se);
    const a10 = pairedDifference(wordErrors(3, 10), e1);
    expect(a10.mean).toBeGreaterThan(4 * a10.se);
    const ll = pairedDifference(wordLogLoss(3, 3), wordLogLoss(3, 1));
    expect(ll.mean).toBeGreaterThan(0);
    expect(ll.mean).toBeLessThan(2 * ll.se);
  });

  it('3-grams against 2-grams at most: accuracy higher by more than 4 ' +
    'paired standard errors, log-loss worse by more than 3', () => {
    const acc = pairedDifference(wordErrors(2), wordErrors(3));
    expect(acc.mean).toBeGreaterThan(4 * acc.se);
    const ll = pairedDifference(wordLogLoss(3), wordLogLoss(2));
    expect(ll.mean).toBeGreaterThan(3 * ll.se);
  });

  it('English is the hardest language by more than 4 standard errors ' +
    'of the difference to the next; 250 test words a language', () => {
    const { recall } = lang();
    const D = words13();
    const k = Array.from({ length: 5 }, (_, c) =>
      D.yTest.filter((v) => v === c).length);
    expect(k).toEqual([250, 250, 250, 250, 250]);
    const next = Math.min(...recall.slice(1));
    const se = Math.sqrt(recall[0] * (1 - recall[0]) / 250 +
      next * (1 - next) / 250);
    expect(next - recall[0]).toBeGreaterThan(4 * se);
  });

  it('temperature grows with the n-gram lengths: T(1) < T(1–2) < ' +
    'T(1–3), each step between 0.5 and 1.5', () => {
    const T = [1, 2, 3].map((hi) => {
      const D = languageData(1, hi);
      const ks = D.wordsTrain.map((_, k) => k);
      const fit = ks.filter((k) => k % 3 !== 2);
      const val = ks.filter((k) => k % 3 === 2);
      const vocab = buildVocabulary(fit.map((k) => D.wordsTrain[k]), 1,
        hi);
      const X = (idx: number[]) => countNgrams(idx.map((k) =>
        D.wordsTrain[k]), vocab);
      const m = fitMultinomialNB(X(fit), fit.map((k) => D.yTrain[k]));
      return 1 / fitTemperature(multinomialJll(m, X(val)),
        val.map((k) => D.yTrain[k]));
    });
    expect(T[2]).toBeCloseTo(1 / temperatureStudy().s, 12);
    for (const k of [1, 2]) {
      expect(T[k] - T[k - 1]).toBeGreaterThan(0.5);
      expect(T[k] - T[k - 1]).toBeLessThan(1.5);
    }
  });

  it('farfalla: the listed n-grams favour Spanish over Italian', () => {
    const D = words13();
    const m = fitMultinomialNB(D.XTrain, D.yTrain);
    const top = drivers(explainWord(m, D.vocab, 'farfalla'), 3, 4, 3);
    expect(top).toHaveLength(3);
    for (const g of top) expect(g.margin).toBeGreaterThan(0);
  });

  it('explainWord and drivers name themselves on bad input', () => {
    const D = words13();
    const m = fitMultinomialNB(csrFromDense(mat([1, 0, 0, 1], 2)), [0, 1]);
    expect(() => explainWord(m, D.vocab, 'ab')).toThrow(/^explainWord: /);
    expect(() => drivers({} as never, 0, 1)).toThrow(/^drivers: e must/);
  });

  it('reliability (n-grams 1–3): the top bin holds most test words ' +
    'and its accuracy is below its confidence', () => {
    const { curve } = lang().byRange[2];
    const b = curve.counts.length - 1;
    expect(curve.counts[b]).toBeGreaterThan(0.5 * 1250);
    expect(curve.probTrue[b]).toBeLessThan(curve.probPred[b]);
  });
});
