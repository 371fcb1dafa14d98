// Bad-input specs for chapter "random forests" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  bootstrapCounts,
  inBagFraction,
} from '../../code/random-forests/bootstrap.ts';
import {
  checkCount,
  checkExtraOptions,
  checkForest,
  checkForestOptions,
  checkMatrix,
  checkTargets,
} from '../../code/random-forests/checks.ts';
import {
  splitEveryKth,
  withNoiseFeatures,
} from '../../code/random-forests/data.ts';
import { fitExtraTree } from '../../code/random-forests/extra-trees.ts';
import { fitForest } from '../../code/random-forests/forest.ts';
import {
  forestImportances,
  permutationImportance,
} from '../../code/random-forests/importance.ts';
import { oobPredict, oobScore } from '../../code/random-forests/oob.ts';
import {
  predictForest,
  predictForestProba,
} from '../../code/random-forests/predict.ts';
import {
  averageVariance,
  treeCorrelation,
} from '../../code/random-forests/variance.ts';
import { predictByVote } from '../../code/random-forests/solutions/majority-vote.ts';
import { oobCurve } from '../../code/random-forests/solutions/oob-curve.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  any, callback, choice, groups, int, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const X = () => new Matrix(8, 2, f64(0, 0, 1, 0, 0, 1, 1, 1, 3, 3, 4, 3,
  3, 4, 4, 4));
const y = () => f64(0, 0, 1, 0, 1, 1, 0, 1);
const r = () => f64(1, 2, 3, 4, 5, 6, 7, 8);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const forest = () => fitForest(X(), y(), { task: 'classification',
  nTrees: 20, seed: 1 });
const lab = vec('n', { min: 0, max: 65535, integer: true, as: ['y'] });
const forestOptions = opts({
  task: choice(['classification'], ['task']),
  nTrees: int(1, {}, ['nTrees']),
  maxFeatures: int(1, { max: 2 }, ['maxFeatures']),
  splitter: choice(['best', 'random'], ['splitter']),
  criterion: choice(['gini', 'entropy'], ['criterion']),
  maxDepth: int(1, { infinite: true }, ['maxDepth']),
  minSamplesLeaf: int(1, {}, ['minSamplesLeaf']),
  seed: int(0, {}, ['seed']),
}, ['task']);
const validForest = () => ({ task: 'classification', nTrees: 2,
  maxFeatures: 1, splitter: 'best', criterion: 'gini', maxDepth: 3,
  minSamplesLeaf: 1, seed: 0 });
const extraOptions = opts({
  criterion: choice(['gini', 'entropy'], ['criterion']),
  maxDepth: int(1, { infinite: true }, ['maxDepth']),
  minSamplesLeaf: int(1, {}, ['minSamplesLeaf']),
  maxFeatures: int(1, { max: 2 }, ['maxFeatures']),
  seed: int(0, {}, ['seed']),
  sampleWeight: vec('n', { min: 0, as: ['sampleWeight'] }),
});
const validExtra = () => ({ criterion: 'gini', maxDepth: 3,
  minSamplesLeaf: 1, maxFeatures: 2, seed: 0,
  sampleWeight: f64(1, 1, 1, 1, 2, 2, 2, 2) });
const accuracy = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a[0] === b[0] ? 1 : 0;
const study = opts({
  nTrain: int(2, { max: 8 }, ['nTrain']),
  B: int(2, {}, ['B']),
  reps: int(2, {}, ['reps']),
  maxFeatures: int(1, {}, ['maxFeatures']),
  seed: int(0, {}, ['seed']),
}, ['nTrain', 'B', 'reps', 'maxFeatures', 'seed']);

export const badInput = groups({
  core: [
    spec(bootstrapCounts, () => [5, createRng(0)], [int(1, {}, ['n']),
      any()]),
    spec(inBagFraction, () => [5], [int(1, {}, ['n'])]),
    spec(fitForest, () => [X(), y(), validForest()], [mat('n', 'd'),
      lab, forestOptions]),
    spec(fitExtraTree, () => [X(), y(), validExtra()], [mat('n', 'd'),
      lab, extraOptions]),
    spec(predictForest, () => [forest(), Q()], [any(), mat('m', 2,
      ['X'])]),
    spec(predictForestProba, () => [forest(), Q()], [any(),
      mat('m', 2, ['X'])]),
    spec(predictByVote, () => [forest(), Q()], [any(), mat('m', 2,
      ['X'])]),
  ],
  more: [
    spec(oobPredict, () => [forest(), X()], [any(), mat('n', 2, ['X'])]),
    spec(oobScore, () => [forest(), X(), y()], [any(), mat('n', 2,
      ['X']), lab]),
    spec(oobCurve, () => [forest(), X(), y()], [any(), mat('n', 2,
      ['X']), lab]),
    spec(forestImportances, () => [forest()], [any()]),
    spec(permutationImportance, () => [(M: Matrix) =>
      predictForest(forest(), M), X(), y(), accuracy, 2, 0],
    [callback({ as: ['predict'] }), mat('n', 'd'), vec('n', { as: ['y'] }),
      callback({ as: ['score'] }), int(1, {}, ['repeats']),
      int(0, {}, ['seed'])]),
    spec(averageVariance, () => [0.3, 2, 10], [num({ min: -1, max: 1 },
      ['rho']), num({ min: 0 }, ['sigma2']), int(1, {}, ['B'])]),
    spec(treeCorrelation, () => [X(), r(), Q(), f64(1, 2), { nTrain: 6,
      B: 2, reps: 2, maxFeatures: 1, seed: 0 }], [mat('n', 'd'),
      vec('n', { as: ['y'] }), mat('m', 'd', ['Xtest']),
      vec('m', { as: ['yTest'] }), study]),
    spec(splitEveryKth, () => [X(), y(), 3], [mat('n', 'd'),
      vec('n', { as: ['y'] }), int(2, {}, ['k'])]),
    spec(withNoiseFeatures, () => [X(), 1], [mat('n', 'd'),
      int(0, {}, ['seed'])]),
    spec(checkCount, () => ['caller', 'k', 3, 1], [any(), any(),
      int(1, {}, ['k']), any()], { name: 'caller' }),
    spec(checkMatrix, () => ['caller', X(), 2], [any(), mat('n', 2,
      ['X']), any()], { name: 'caller' }),
    spec(checkTargets, () => ['caller', y(), 8, true], [any(), vec(8,
      { min: 0, integer: true, as: ['y'] }), any(), any()],
    { name: 'caller' }),
    spec(checkForestOptions, () => ['caller', validForest(), 2], [any(),
      forestOptions, any()], { name: 'caller' }),
    spec(checkForest, () => ['caller', forest()], [any(), any()],
      { name: 'caller' }),
    spec(checkExtraOptions, () => ['caller', X(), y(), validExtra()],
      [any(), mat('n', 'd'), lab, extraOptions], { name: 'caller' }),
  ],
});
