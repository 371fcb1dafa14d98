// Bad-input specs for chapter "k-nearest neighbours" (tests/bad-input.ts).
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { knnBiasVariance } from '../../code/k-nearest-neighbors/bias-variance.ts';
import {
  bruteForceNeighbors,
  emptyNeighbors,
} from '../../code/k-nearest-neighbors/brute.ts';
import {
  checkGrid,
  checkGrid2d,
  checkK,
  checkLabels,
  checkNode,
  checkOptionValues,
  checkOptions,
  checkP,
  checkQueries,
  checkSearch,
  checkTree,
  checkVotes,
  checkWeights,
} from '../../code/k-nearest-neighbors/checks.ts';
import {
  argmaxRows,
  classScores,
  fitKnnClassifier,
  predictKnn,
  predictProbaKnn,
  voteScores,
} from '../../code/k-nearest-neighbors/classifier.ts';
import {
  LINEAR,
  asymptoticRisks,
  drawLabelled,
  knnTestError,
} from '../../code/k-nearest-neighbors/cover-hart.ts';
import {
  distanceConcentration,
  squaredDistanceMoments,
  treeWork,
} from '../../code/k-nearest-neighbors/curse.ts';
import {
  addGap,
  fromReduced,
  reducedDistance,
} from '../../code/k-nearest-neighbors/distance.ts';
import { NeighborHeap, before } from '../../code/k-nearest-neighbors/heap.ts';
import {
  boxBound,
  buildKdTree,
  kdTreeNeighbors,
} from '../../code/k-nearest-neighbors/kd-tree.ts';
import {
  kneighbors,
  knnIndex,
  neighborWeights,
} from '../../code/k-nearest-neighbors/model.ts';
import {
  interleavedFolds,
  pairedDifference,
} from '../../code/k-nearest-neighbors/real-data.ts';
import { decisionRegions } from '../../code/k-nearest-neighbors/regions.ts';
import {
  fitKnnRegressor,
  predictKnnRegression,
} from '../../code/k-nearest-neighbors/regressor.ts';
import {
  cvErrorByK,
  errorRate,
  knnFitter,
} from '../../code/k-nearest-neighbors/selection.ts';
import { condense } from '../../code/k-nearest-neighbors/solutions/condensed.ts';
import { radiusNeighbors } from '../../code/k-nearest-neighbors/solutions/radius.ts';
import { loadWine, winePath } from '../../code/k-nearest-neighbors/wine.ts';
import { kFoldIndices } from '../../code/regularization/cross-validation.ts';
import {
  any, choice, groups, int, labels, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Eight points in the plane, two classes. */
const X = () => new Matrix(8, 2, f64(0, 0, 1, 0, 0, 1, 1, 1, 3, 3, 4, 3,
  3, 4, 4, 4));
const y = () => Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const t = () => f64(1, 2, 3, 4, 5, 6, 7, 8);
const tree = () => buildKdTree(X(), 2);
const model = () => fitKnnClassifier(X(), y(), { k: 3 });
const regressor = () => fitKnnRegressor(X(), t(), { k: 3 });
const nb = () => bruteForceNeighbors(X(), Q(), 3);

const p = num({ min: 1, infinite: true }, ['p']);
const k = (max?: number) => int(1, max === undefined ? {} : { max },
  ['k']);
const lab = labels('n', [0, 1], ['y', 'labels']);
const anyLabels = vec('n', { min: 0, max: 65535, integer: true,
  as: ['y', 'labels'] });
const weights = choice(['uniform', 'distance'], ['weights']);
const options = opts({ k: k(8), weights, p,
  algorithm: choice(['brute', 'kd-tree'], ['algorithm']),
  leafSize: int(1, {}, ['leafSize']) }, ['k']);
const queries = mat('m', 'd', ['Q']);
const grid = opts({ x0: num(), x1: num(), nx: int(1, {}, ['nx']),
  y0: num(), y1: num(), ny: int(1, {}, ['ny']) }, ['nx', 'ny']);
const folds = () => kFoldIndices(8, 4);
const rng = () => createRng(7);
const sizes = { tests: 20, reps: 2 };

export const badInput = groups({
  distances: [
    spec(addGap, () => [1, 2, 2], [num({ min: 0 }, ['rho']),
      num({ min: 0 }, ['g']), p]),
    spec(reducedDistance, () => [f64(1, 2), 0, f64(3, 5), 0, 2, 2],
      [vec('a', { as: ['A', 'row'] }), int(0, { max: 0 }, ['i', 'row']),
        vec('b', { as: ['B', 'row'] }), int(0, { max: 0 }, ['j', 'row']),
        int(1, { max: 2 }, ['d']), p]),
    spec(fromReduced, () => [4, 2], [num({ min: 0 }, ['rho']), p]),
    spec(before, () => [1, 2, 1, 3], [num({ infinite: true }, ['rho']),
      int(0, { min: -Infinity }, ['i']), num({ infinite: true },
        ['sigma']), int(0, { min: -Infinity }, ['j'])]),
    spec((kk: number) => new NeighborHeap(kk), () => [3],
      [int(1, { max: 2 ** 24 }, ['k'])],
      { name: 'NeighborHeap', covers: [NeighborHeap], names: ['k'] }),
  ],
  searches: [
    spec(bruteForceNeighbors, () => [X(), Q(), 3, 2], [mat('n', 'd'),
      queries, k(8), p]),
    spec(emptyNeighbors, () => [2, 3], [int(1, {}, ['m']), k()]),
    spec(buildKdTree, () => [X(), 2], [mat('n', 'd'),
      int(1, {}, ['leafSize'])]),
    spec(kdTreeNeighbors, () => [tree(), Q(), 3, 2], [any(), queries,
      k(8), p]),
    spec(boxBound, () => [tree(), 1, f64(3.2, 3.9), 0, 2], [any(),
      int(0, { max: 2 }, ['t', 'node']), vec('q2', { as: ['Q'] }),
      int(0, { max: 0 }, ['q', 'row']), p]),
    spec(radiusNeighbors, () => [tree(), Q(), 0, 1.5, 2], [any(), queries,
      int(0, { max: 1 }, ['q']), num({ min: 0 }, ['r']), p]),
  ],
  models: [
    spec(knnIndex, () => ['caller', X(), { k: 3 }], [any(), mat('n', 'd'),
      options], { name: 'caller' }),
    spec(kneighbors, () => [model(), Q(), 3], [any(), queries, k(8)]),
    spec(neighborWeights, () => [f64(0.5, 1, 2), 'distance'],
      [vec('k', { min: 0, as: ['dist'] }), weights]),
    spec(fitKnnClassifier, () => [X(), y(), { k: 3 }], [mat('n', 'd'),
      anyLabels, options]),
    spec(voteScores, () => [nb(), y(), 2, 'uniform', 2], [any(),
      labels('n', [0, 1], ['y']), int(2, { max: 65536 }, ['K']),
      weights, k(3)]),
    spec(argmaxRows, () => [new Matrix(2, 2, f64(1, 2, 2, 1))],
      [mat('m', 'K', ['S'])]),
    spec(classScores, () => [model(), Q()], [any(), queries]),
    spec(predictKnn, () => [model(), Q()], [any(), queries]),
    spec(predictProbaKnn, () => [model(), Q()], [any(), queries]),
    spec(fitKnnRegressor, () => [X(), t(), { k: 3 }], [mat('n', 'd'),
      vec('n', { as: ['y'] }), options]),
    spec(predictKnnRegression, () => [regressor(), Q()], [any(), queries]),
    spec(decisionRegions, () => [model(), { x0: -1, x1: 5, nx: 3, y0: -1,
      y1: 5, ny: 2 }], [any(), grid], { names: ['model', 'grid'] }),
    spec(knnBiasVariance, () => [X(), t(), Q(), f64(1, 2), 0.3, 3,
      'uniform'], [mat('n', 'd'), vec('n', { as: ['fX'] }), queries,
      vec('m', { as: ['fQ'] }), num({ min: 0 }, ['sigma']), k(8),
      weights]),
  ],
  selection: [
    spec(errorRate, () => [f64(0, 1, 1), f64(0, 1, 0)],
      [vec('n', { as: ['y'] }), vec('n', { as: ['yHat'] })]),
    spec(knnFitter, () => [{ k: 3 }], [opts({ k: k(), weights, p },
      ['k'])]),
    spec(cvErrorByK, () => [X(), y(), folds(), [1, 3], {}],
      [mat('n', 'd'), anyLabels, any(), list(int(1, { max: 6 }),
        { as: ['ks'] }), opts({ weights, p })]),
    spec(pairedDifference, () => [f64(1, 0, 1), f64(0, 0, 1)],
      [vec('n', { minLength: 2, as: ['a'] }),
        vec('n', { minLength: 2, as: ['b'] })]),
    spec(interleavedFolds, () => [10, 3], [int(2, {}, ['n']),
      int(2, { max: 10 }, ['k'])]),
    spec(condense, () => [X(), y()], [mat('n', 'd'), anyLabels]),
  ],
  experiments: [
    spec(asymptoticRisks, () => [LINEAR, 100], [any(),
      int(1, {}, ['cells'])]),
    spec(drawLabelled, () => [LINEAR, 5, rng()], [any(), int(1, {},
      ['n']), any()]),
    spec(knnTestError, () => [LINEAR, 30, 3, sizes, rng()], [any(),
      int(1, {}, ['n']), int(1, { max: 30 }, ['k']),
      opts({ tests: int(1, {}, ['spec.tests']),
        reps: int(2, {}, ['spec.reps']) }), any()]),
    spec(squaredDistanceMoments, () => [10], [int(1, {}, ['d'])]),
    spec(distanceConcentration, () => [3, 20, 2, rng()], [int(1, {},
      ['d']), int(2, {}, ['n']), int(1, {}, ['reps']), any()]),
    spec(treeWork, () => [2, 50, 3, 2, rng()], [int(1, {}, ['d']),
      int(2, {}, ['n']), int(1, {}, ['queries']), int(1, { max: 50 },
        ['k']), any()]),
    spec(loadWine, () => [winePath()], [str({ path: true,
      as: ['path', 'file'] })]),
  ],
  checks: [
    spec(checkP, () => ['caller', 2], [any(), p], { name: 'caller' }),
    spec(checkK, () => ['caller', 2, 5], [any(), int(1, { max: 5 },
      ['k']), int(2, {}, ['n'])], { name: 'caller' }),
    spec(checkSearch, () => ['caller', X(), Q(), 2, 2], [any(),
      mat('n', 'd'), queries, k(8), p], { name: 'caller' }),
    spec(checkTree, () => ['caller', X(), 4], [any(), mat('n', 'd'),
      int(1, {}, ['leafSize'])], { name: 'caller' }),
    spec(checkOptions, () => ['caller', X(), { k: 3 }], [any(),
      mat('n', 'd'), options], { name: 'caller' }),
    spec(checkOptionValues, () => ['caller', { k: 3 }], [any(),
      opts({ k: k(), weights, p }, ['k'])], { name: 'caller' }),
    spec(checkWeights, () => ['caller', 'uniform'], [any(), weights],
      { name: 'caller' }),
    spec(checkLabels, () => ['caller', X(), y()], [any(), mat('n', 'd'),
      anyLabels], { name: 'caller' }),
    spec(checkQueries, () => ['caller', model(), Q()], [any(), any(),
      queries], { name: 'caller' }),
    spec(checkVotes, () => ['caller', nb(), y(), 2, 3], [any(), any(),
      lab, int(2, { max: 65536 }, ['K']), k(3)], { name: 'caller' }),
    spec(checkGrid, () => [X(), folds(), [1, 2]], [mat('n', 'd'), any(),
      list(int(1, { max: 6 }), { as: ['ks'] })], { name: 'cvErrorByK' }),
    spec(checkGrid2d, () => ['caller', model(), { x0: 0, x1: 1, nx: 2,
      y0: 0, y1: 1, ny: 2 }], [any(), any(), grid], { name: 'caller',
      names: ['fn', 'model', 'grid'] }),
    spec(checkNode, () => ['caller', tree(), 1, f64(3.2, 3.9), 0], [any(),
      any(), int(0, { max: 2 }, ['t', 'node']), any(),
      int(0, { max: 0 }, ['q', 'row'])], { name: 'caller' }),
  ],
});
