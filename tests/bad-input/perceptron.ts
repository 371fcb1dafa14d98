// Bad-input specs for chapter "The perceptron" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  perceptronProblem,
  randomOrderPerceptron,
} from '../../code/perceptron/as-sgd.ts';
import { irisPair, overlappingIris } from '../../code/perceptron/iris.ts';
import {
  checkFit,
  checkSigns,
  countMistakes,
  errorsOf,
  perceptronLoss,
  perceptronSubgradient,
  predictSigns,
  sampleSubgradient,
  scoreRow,
  subgradientAt,
  unpack,
} from '../../code/perceptron/model.ts';
import {
  augmentedRadius,
  margin,
  novikoffBound,
  separableData,
} from '../../code/perceptron/novikoff.ts';
import {
  averagedPerceptron,
  perceptron,
  pocketPerceptron,
} from '../../code/perceptron/train.ts';
import { bestLineErrors } from '../../code/perceptron/best-line.ts';
import {
  kernelPerceptron,
} from '../../code/perceptron/solutions/kernel-perceptron.ts';
import {
  lazyAveragedPerceptron,
} from '../../code/perceptron/solutions/lazy-average.ts';
import {
  marginPerceptron,
} from '../../code/perceptron/solutions/margin-perceptron.ts';
import {
  any, groups, int, labels, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const X = () => new Matrix(6, 2, f64(0, 0, 1, 0, 0, 1, 3, 3, 4, 3, 3, 4));
const y = () => f64(-1, -1, -1, 1, 1, 1);
const fit = () => ({ w: f64(1, 1), b: -4 });
const signs = labels('n', [-1, 1], ['y', 'labels']);
const data = [mat('n', 'd'), signs];
const fitArg = opts({ w: vec('d'), b: num() }, ['w', 'b']);
/** One row: functions that read row i check only it. */
const X1 = () => new Matrix(1, 2, f64(1, 2));
const theta = () => f64(-4, 1, 1);
const row = int(0, { max: 5 }, ['i', 'row']);
const seed = int(0, { max: 2 ** 53 - 1 });
const passes = ['passes', 'epochs'];

export const badInput = groups({
  model: [
    spec(checkSigns, () => ['caller', X(), y()], [any(), ...data],
      { name: 'caller' }),
    spec(checkFit, () => ['caller', X(), fit()], [any(), any(),
      opts({ w: vec(2), b: num() }, ['w', 'b'])], { name: 'caller' }),
    spec(scoreRow, () => [X1(), 0, fit()], [mat('n', 'd'),
      int(0, { max: 0 }, ['i', 'row']), fitArg]),
    spec(countMistakes, () => [X(), y(), fit()], [...data, fitArg]),
    spec(errorsOf, () => [X(), y(), fit()], [...data, fitArg]),
    spec(predictSigns, () => [X(), fit()], [mat('n', 'd'), fitArg]),
    spec(unpack, () => [X(), theta()], [any(), vec(3,
      { as: ['θ', 'theta'] })]),
    spec(perceptronLoss, () => [X(), y(), theta()], [...data, vec(3,
      { as: ['θ', 'theta'] })]),
    spec(sampleSubgradient, () => [X(), y(), 2, theta()], [...data, row,
      vec(3, { as: ['θ', 'theta'] })]),
    // reads row i of X only, and checks only it: one row here
    spec(subgradientAt, () => [X1(), f64(1), 0,
      fit()], [mat('n', 'd', ['X', 'labels']),
      labels('n', [-1, 1], ['y', 'labels']),
      int(0, { max: 0 }, ['i', 'row']), fitArg]),
    spec(perceptronSubgradient, () => [X(), y(), theta()], [...data,
      vec(3, { as: ['θ', 'theta'] })]),
  ],
  training: [
    spec(perceptron, () => [X(), y(), { maxEpochs: 50 }], [...data,
      opts({ maxEpochs: int(1, {}, passes), eta: num({ gt: 0 }) })]),
    spec(pocketPerceptron, () => [X(), y(), { epochs: 3 }], [...data,
      opts({ epochs: int(1, {}, passes), eta: num({ gt: 0 }) })]),
    spec(averagedPerceptron, () => [X(), y(), { epochs: 3 }], [...data,
      opts({ epochs: int(1, {}, passes), eta: num({ gt: 0 }) })]),
    spec(perceptronProblem, () => [X(), y()], data),
    spec(randomOrderPerceptron, () => [X(), y(), 5, 1], [...data, int(1),
      seed]),
  ],
  novikoff: [
    spec(augmentedRadius, () => [X()], [mat('n', 'd')]),
    spec(margin, () => [X(), y(), fit()], [...data, fitArg]),
    spec(novikoffBound, () => [5, 0.5], [num({ gt: 0 }, ['R']),
      num({ gt: 0 }, ['gamma', 'γ'])]),
    spec(separableData, () => [5, 2, 0.1, 1], [int(1, {}, ['n']),
      int(1, {}, ['d']), num({ gt: 0, lt: 1 }, ['gamma', 'γ']), seed]),
    spec(irisPair, () => [1, 2, [2, 3]], [int(0, { max: 2 }, ['species']),
      int(0, { max: 2 }, ['species']), list(int(0, { max: 3 }),
        { as: ['features', 'columns'] })]),
    spec(overlappingIris, () => [1], [int(1)]),
    spec(bestLineErrors, () => [X(), y()], [mat('n', 2), signs]),
  ],
  solutions: [
    spec(marginPerceptron, () => [X(), y(), { tau: 1, maxEpochs: 5 }],
      [...data, opts({ tau: num({ min: 0 }), maxEpochs: int(1, {}, passes),
        eta: num({ gt: 0 }) }, ['tau', 'maxEpochs'])]),
    spec(lazyAveragedPerceptron, () => [X(), y(), { epochs: 3 }],
      [...data, opts({ epochs: int(1, {}, passes), eta: num({ gt: 0 }) },
        ['epochs'])]),
    spec(kernelPerceptron, () => [X(), y(), { degree: 2, maxEpochs: 5 }],
      [...data, opts({ degree: int(1, { max: 10 }),
        maxEpochs: int(1, {}, passes) }, ['degree', 'maxEpochs'])]),
  ],
});
