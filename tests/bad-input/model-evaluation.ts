// Bad-input specs for chapter "Model evaluation" (tests/bad-input.ts).
import { gaussianMatrix } from '../../code/decompositions/examples.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  checkProblem,
  decompose,
  simulate,
  type Problem,
} from '../../code/model-evaluation/bias-variance.ts';
import {
  checkFolds,
  crossValidate,
  learningCurve,
  leastSquares,
} from '../../code/model-evaluation/cross-validation.ts';
import {
  diabetesCrossValidation,
  diabetesHoldout,
  diabetesLearningCurve,
  diabetesSpread,
} from '../../code/model-evaluation/diabetes.ts';
import { designConditioning } from '../../code/model-evaluation/experiments.ts';
import {
  meanAbsoluteError,
  rootMeanSquaredError,
} from '../../code/model-evaluation/metrics.ts';
import {
  fixedDesign,
  optimismSimulation,
  optimismTheory,
} from '../../code/model-evaluation/optimism.ts';
import {
  checkPolynomial,
  fitPolynomial,
  polynomialDesign,
  predictPolynomial,
} from '../../code/model-evaluation/polynomial.ts';
import {
  trainTestSplit,
  trainValidationTestSplit,
} from '../../code/model-evaluation/splits.ts';
import { meanSquaredError } from '../../code/linear-regression/metrics.ts';
import { kFoldIndices } from '../../code/regularization/cross-validation.ts';
import {
  any, callback, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 1 });
const SINE: Problem = { f: (x) => Math.sin(2 * Math.PI * x), sigma: 0.3,
  domain: { lo: 0, hi: 1 } };
const problem = opts({ f: callback(), sigma: num({ min: 0 }),
  domain: opts({ lo: num(), hi: num() }) }, ['f', 'sigma', 'domain']);
const domain = opts({ lo: num(), hi: num() }, ['lo', 'hi']);
const x = () => f64(0.1, 0.3, 0.5, 0.7, 0.9);
const X = () => gaussianMatrix(3, 8, 2);
const y = () => f64(1, 3, 2, 5, 4, 0, 2, 1);
const folds = () => kFoldIndices(8, 2);
const sim = () => simulate(SINE, { degree: 1, n: 5, reps: 3,
  xTest: f64(0.2, 0.6) }, createRng(1));
const spec3 = opts({ degree: int(0, { max: 4 }), n: int(2), reps: int(2),
  xTest: vec() }, ['degree', 'n', 'reps', 'xTest']);
/** A fitter that needs one row: predict the training mean. */
const meanModel = (_: unknown, yt: Float64Array) => (Xn: { rows: number }) =>
  new Float64Array(Xn.rows).fill(yt.reduce((a, b) => a + b) / yt.length);
const fraction = num({ gt: 0, lt: 1 }, ['fraction', 'testFraction']);

export const badInput = groups({
  polynomial: [
    spec(checkPolynomial, () => ['caller', x(), 2, { lo: 0, hi: 1 }],
      [any(), vec(), int(0), domain], { name: 'caller' }),
    spec(polynomialDesign, () => [x(), 2, { lo: 0, hi: 1 }],
      [vec(), int(0), domain]),
    spec(fitPolynomial, () => [x(), x().reverse(), 2, { lo: 0, hi: 1 }],
      [vec('n'), vec('n'), int(0, { max: 4 }), domain]),
    spec(predictPolynomial, () => [{ coef: f64(1, 2), domain: { lo: 0,
      hi: 1 } }, x()], [opts({ coef: vec(), domain }, ['coef',
      'domain']), vec()]),
  ],
  biasVariance: [
    spec(checkProblem, () => ['caller', SINE], [any(), problem],
      { name: 'caller' }),
    spec(simulate, () => [SINE, { degree: 1, n: 5, reps: 3,
      xTest: f64(0.2, 0.6) }, createRng(1)], [problem, spec3, any()]),
    spec(decompose, () => [sim(), SINE], [opts({ reps: int(2),
      xTest: vec() }, ['preds']), problem]),
    spec(fixedDesign, () => [SINE, 5], [problem, int(1)]),
    spec(optimismTheory, () => [SINE, x(), 2], [problem, vec(),
      int(0, { max: 4 })]),
    spec(optimismSimulation, () => [SINE, x(), 2, 3, createRng(1)],
      [problem, vec(), int(0, { max: 4 }), int(2), any()]),
    spec(designConditioning, () => [3, 10], [int(0), int(4)]),
  ],
  cv: [
    spec(leastSquares, () => [X(), y()], [mat('n', 'd'), vec('n')]),
    spec(checkFolds, () => ['caller', folds(), 8], [any(), list(any(),
      { minLength: 2, as: ['folds'] }), any()], { name: 'caller' }),
    spec(crossValidate, () => [X(), y(), folds(), leastSquares,
      meanSquaredError], [mat('n', 'd'), vec('n'), list(any(),
      { minLength: 2, as: ['folds'] }), callback(),
    callback({ returnsNumber: true })]),
    spec(learningCurve, () => [X(), y(), folds(), [1, 4], meanModel,
      meanSquaredError], [mat('n', 'd'), vec('n'), list(any(),
      { minLength: 2, as: ['folds'] }), vec(undefined, { integer: true,
      min: 1, max: 4, as: ['sizes', 'size'] }), callback(),
    callback({ returnsNumber: true })]),
    spec(meanAbsoluteError, () => [y(), y().reverse()],
      [vec('n'), vec('n')]),
    spec(rootMeanSquaredError, () => [y(), y().reverse()],
      [vec('n'), vec('n')]),
    spec(trainTestSplit, () => [10, 0.3, createRng(1)],
      [int(2), fraction, any()]),
    spec(trainValidationTestSplit, () => [10, 0.3, 0.2, createRng(1)],
      [int(2), fraction, fraction, any()]),
  ],
  diabetes: [
    spec(diabetesHoldout, () => [342], [int(11, { max: 440 })]),
    // its leave-one-out part fits 442 models: a second a call
    spec(diabetesCrossValidation, () => [2], [int(2, { max: 442 })],
      { expensive: true }),
    spec(diabetesSpread, () => [1, 7], [int(1), seed]),
    spec(diabetesLearningCurve, () => [[20], 2],
      [vec(undefined, { integer: true, min: 1, as: ['sizes', 'size'] }),
        int(2, { max: 442 })]),
  ],
});
