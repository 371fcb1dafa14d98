// Bad-input specs for chapter "Naive Bayes" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  bernoulliJll,
  binarizeCsr,
  fitBernoulliNB,
} from '../../code/naive-bayes/bernoulli.ts';
import { topLabel } from '../../code/naive-bayes/calibration.ts';
import {
  checkClassCount,
  checkColumns,
  checkCounts,
  checkCsr,
  checkLabels,
  checkMatrix,
  checkPrior,
  checkScores,
} from '../../code/naive-bayes/checks.ts';
import { drivers, explainWord } from '../../code/naive-bayes/explain.ts';
import {
  classMoments,
  fitGaussianNB,
  gaussianJll,
  largestVariance,
} from '../../code/naive-bayes/gaussian.ts';
import {
  classCorrelation,
  columns,
  looErrors,
  looJll,
} from '../../code/naive-bayes/iris.ts';
import {
  languageData,
  ruledOut,
  underflowLength,
} from '../../code/naive-bayes/language.ts';
import {
  smoothedGradient,
  smoothedObjective,
} from '../../code/naive-bayes/mle.ts';
import {
  checkTextFit,
  classFeatureCounts,
  fitMultinomialNB,
  multinomialJll,
} from '../../code/naive-bayes/multinomial.ts';
import {
  buildVocabulary,
  charNgrams,
  countNgrams,
} from '../../code/naive-bayes/ngrams.ts';
import {
  argmaxRows,
  classLogPrior,
  expMatrix,
  logPosterior,
} from '../../code/naive-bayes/posterior.ts';
import {
  csrFromDense,
  csrFromRows,
  csrRows,
} from '../../code/naive-bayes/sparse.ts';
import {
  copiesStudy,
  withCopies,
} from '../../code/naive-bayes/solutions/duplicated.ts';
import {
  fitTemperature,
  scaleScores,
  temperatureLoss,
} from '../../code/naive-bayes/solutions/temperature.ts';
import { loadWords, splitWords } from '../../code/naive-bayes/words.ts';
import { dataPath } from '../../code/calculus/data-file.ts';
import {
  any, groups, int, labels, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Six rows, three features, two classes. */
const G = () => new Matrix(6, 3, f64(1, 2, 0, 2, 1, 1, 3, 3, 0, 7, 8, 2,
  8, 6, 1, 9, 7, 0));
const y = () => Int32Array.of(0, 0, 0, 1, 1, 1);
const counts = () => csrFromDense(G());
const gauss = () => fitGaussianNB(G(), y());
const multi = () => fitMultinomialNB(counts(), y());
const bern = () => fitBernoulliNB(counts(), y());
const vocab = () => buildVocabulary(['abc', 'bca', 'cab'], 1, 2);
const wordModel = () => fitMultinomialNB(countNgrams(['abc', 'bca',
  'cab'], vocab()), [0, 1, 1]);
const J = () => new Matrix(3, 2, f64(-1, -2, -3, -1, -1, -2));

const lab = labels('n', [0, 1], ['y']);
/** Labels of a fit: any small integers (every class below the largest
 *  must occur, which one entry changed to 2 does not break here). */
const anyLab = vec('n', { min: 0, max: 999, integer: true, as: ['y'] });
const priors = vec(2, { gt: 0, max: 1, as: ['prior', 'priors'] });
const smoothing = opts({ alpha: num({ min: 0 }, ['alpha']),
  fitPrior: any(), classPrior: priors }, []);

export const badInput = groups({
  models: [
    spec(fitGaussianNB, () => [G(), y(), { varSmoothing: 1e-9,
      priors: [0.5, 0.5] }], [mat('n', 'd'), anyLab,
      opts({ varSmoothing: num({ min: 0 }, ['varSmoothing']),
        priors: vec(2, { gt: 0, max: 1, as: ['prior', 'priors'] }) })]),
    spec(largestVariance, () => [G()], [mat('n', 'd')]),
    spec(classMoments, () => [G(), y(), 2], [mat('n', 'd'), lab,
      int(2, { max: 2 }, ['K'])]),
    spec(gaussianJll, () => [gauss(), G()], [any(), mat('m', 3)]),
    spec(fitMultinomialNB, () => [counts(), y(), { alpha: 1,
      classPrior: [0.5, 0.5] }], [any(), anyLab, smoothing]),
    spec(multinomialJll, () => [multi(), counts()], [any(), any()]),
    spec(classFeatureCounts, () => [counts(), y(), 2], [any(), lab,
      int(2, { max: 1000 }, ['K'])]),
    spec(checkTextFit, () => ['caller', counts(), y(), { classPrior:
      [0.5, 0.5] }], [any(), any(),
      anyLab, smoothing], { name: 'caller' }),
    spec(fitBernoulliNB, () => [counts(), y(), { alpha: 1, binarize: 0 }],
      [any(), anyLab, opts({ alpha: num({ gt: 0 }, ['alpha']),
        binarize: num({}, ['binarize', 'threshold']) })]),
    spec(bernoulliJll, () => [bern(), counts()], [any(), any()]),
    spec(binarizeCsr, () => [counts(), 0.5], [any(),
      num({}, ['threshold'])]),
    spec(smoothedObjective, () => [f64(0, 1, 2), f64(3, 0, 1), 1],
      [vec('d', { as: ['z'] }), vec('d', { min: 0, as: ['counts'] }),
        num({ min: 0 }, ['alpha'])]),
    spec(smoothedGradient, () => [f64(0, 1, 2), f64(3, 0, 1), 1],
      [vec('d', { as: ['z'] }), vec('d', { min: 0, as: ['counts'] }),
        num({ min: 0 }, ['alpha'])]),
  ],
  features: [
    spec(charNgrams, () => ['word', 1, 3], [str({ as: ['word'] }),
      int(1, { max: 20 }, ['nMin']), int(1, { max: 20 }, ['nMax'])]),
    spec(buildVocabulary, () => [['ab', 'ba'], 1, 2], [list(str(),
      { as: ['words'] }), int(1, { max: 20 }, ['nMin']),
    int(1, { max: 20 }, ['nMax'])]),
    spec(countNgrams, () => [['ab'], vocab()], [list(str(),
      { as: ['words'] }), any()]),
    spec(csrFromRows, () => [[new Map([[0, 1]]), new Map()], 2],
      [any(), int(1, {}, ['cols'])]),
    spec(csrFromDense, () => [G()], [mat('n', 'd')]),
    spec(csrRows, () => [counts(), [2, 0]], [any(), list(int(0,
      { max: 5 }), { as: ['which'] })]),
    spec(loadWords, () => [dataPath('data/words')], [str({ as: ['dir',
      'path'] })], { expensive: true }),
    spec(splitWords, () => [['a', 'b', 'c'], [0, 1, 0]], [list(any(),
      { dims: ['n'], as: ['words'] }), vec('n', { as: ['y'] })]),
    spec(explainWord, () => [wordModel(), vocab(), 'abca'], [any(), any(),
      str({ as: ['word'] })]),
    spec(drivers, () => [explainWord(wordModel(), vocab(), 'ab'), 0, 1, 2],
      [any(), int(0, { max: 1 }, ['a']), int(0, { max: 1 }, ['b']),
        int(1, {}, ['top'])]),
  ],
  posterior: [
    spec(classLogPrior, () => [f64(2, 3), { classPrior: [0.4, 0.6] }],
      [vec(undefined, { gt: 0, minLength: 2, as: ['classCount'] }),
        opts({ classPrior: priors })]),
    // −Infinity is a valid log-score: NaN and +Infinity are tested in
    // the chapter's test file, not generated here
    spec(logPosterior, () => [J()], [any()]),
    spec(argmaxRows, () => [J()], [any()]),
    spec(expMatrix, () => [J()], [any()]),
    spec(topLabel, () => [J(), [0, 1, 1], 4], [any(),
      labels(3, [0, 1], ['y']), int(1, {}, ['nBins'])]),
    spec(looJll, () => [G(), y(), {}], [mat('n', 'd'), anyLab,
      opts({ varSmoothing: num({ min: 0 }, ['varSmoothing']) })]),
    spec(looErrors, () => [G(), y(), {}], [mat('n', 'd'), anyLab,
      opts({ varSmoothing: num({ min: 0 }, ['varSmoothing']) })]),
    spec(columns, () => [G(), [2, 0]], [mat('n', 'd'), list(int(0,
      { max: 2 }), { as: ['cols'] })]),
    spec(classCorrelation, () => [G(), y(), 1, 0, 1], [mat('n', 'd'),
      anyLab,
      int(0, { max: 1 }, ['c']), int(0, { max: 2 }, ['a']),
      int(0, { max: 2 }, ['b'])]),
    spec(languageData, () => [1, 2], [int(1, { max: 20 }, ['nMin']),
      int(1, { max: 20 }, ['nMax'])], { expensive: true }),
    spec(ruledOut, () => [multi(), counts()], [any(), any()]),
    spec(underflowLength, () => [fitMultinomialNB(csrFromDense(
      new Matrix(2, 2, f64(1, 2000, 2000, 1))), [0, 1]), csrFromDense(
      new Matrix(2, 2, f64(400, 400, 1, 1))), Int32Array.of(0, 1)],
    [any(), any(), labels(2, [0, 1], ['y'])]),
    spec(withCopies, () => [new Matrix(2, 4), 2], [any(),
      int(1, { max: 100 }, ['m'])]),
    spec(copiesStudy, () => [[1]], [list(int(1, { max: 100 }),
      { as: ['m', 'ms'] })], { expensive: true }),
    spec(temperatureLoss, () => [0.5, J(), [0, 1, 1]], [num({}, ['s']),
      mat('n', 'K', ['jll']), labels('n', [0, 1], ['y'])]),
    spec(fitTemperature, () => [J(), [0, 1, 1]], [mat('n', 'K', ['jll']),
      labels('n', [0, 1], ['y'])]),
    spec(scaleScores, () => [J(), 2], [any(), num({}, ['s'])]),
  ],
  checks: [
    spec(checkMatrix, () => ['caller', G()], [any(), mat('n', 'd')],
      { name: 'caller' }),
    spec(checkCsr, () => ['caller', counts()], [any(), any()],
      { name: 'caller' }),
    spec(checkCounts, () => ['caller', counts()], [any(), any()],
      { name: 'caller' }),
    spec(checkLabels, () => ['caller', y(), 6], [any(), anyLab,
      any()], { name: 'caller', names: ['fn', 'y', 'n'] }),
    spec(checkPrior, () => ['caller', [0.3, 0.7], 2], [any(), priors,
      any()], { name: 'caller' }),
    spec(checkColumns, () => ['caller', 3, 3], [any(), any(), any()],
      { name: 'caller' }),
    spec(checkScores, () => ['caller', J()], [any(), any()],
      { name: 'caller', names: ['fn', 'S'] }),
    spec(checkClassCount, () => ['caller', [2, 3]], [any(),
      vec(undefined, { gt: 0, minLength: 2, as: ['classCount'] })],
    { name: 'caller' }),
  ],
});

