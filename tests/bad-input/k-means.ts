// Bad-input specs for chapter "k-means" (tests/bad-input.ts).
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  checkCenters,
  checkData,
  checkInt,
  checkLabels,
  checkList,
  checkNumber,
} from '../../code/k-means/checks.ts';
import { blobs, twoMoons } from '../../code/k-means/data.ts';
import {
  bestOf,
  chooseK,
  gridBlobs,
  hardLimit,
  seedingStudy,
} from '../../code/k-means/experiments.ts';
import {
  assign,
  inertia,
  lloyd,
  meanVariance,
  update,
} from '../../code/k-means/lloyd.ts';
import { miniBatchKMeans } from '../../code/k-means/minibatch.ts';
import { responsibilities } from '../../code/k-means/mixture.ts';
import { purity, wineScaling } from '../../code/k-means/real-data.ts';
import {
  kMeansPlusPlus,
  randomSeeding,
  rowsOf,
} from '../../code/k-means/seeding.ts';
import {
  silhouetteSamples,
  silhouetteScore,
} from '../../code/k-means/silhouette.ts';
import { medianUpdate } from '../../code/k-means/solutions/median.ts';
import { sequentialMeans } from '../../code/k-means/solutions/running-mean.ts';
import {
  any, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Six points in the plane, two groups. */
const X = () => new Matrix(6, 2, f64(0, 0, 1, 0, 0, 1, 5, 5, 6, 5, 5, 6));
const C = () => new Matrix(2, 2, f64(0, 0, 5, 5));
const lab = () => Int32Array.of(0, 0, 0, 1, 1, 1);
const labels = vec('n', { values: [0, 1], as: ['labels'] });
const rng = () => createRng(7);
const centers = mat('k', 'd', ['centers', 'C0', 'mu']);

export const badInput = groups({
  core: [
    spec(inertia, () => [X(), C(), lab()], [mat('n', 'd'), centers,
      labels]),
    spec(assign, () => [X(), C()], [mat('n', 'd'), centers]),
    spec(update, () => [X(), C(), lab()], [mat('n', 'd'), centers,
      labels]),
    spec(lloyd, () => [X(), C(), { maxIter: 5, tol: 0 }], [mat('n', 'd'),
      centers, opts({ maxIter: int(1, {}, ['maxIter']),
        tol: num({ min: 0 }, ['tol']) })]),
    spec(meanVariance, () => [X()], [mat('n', 'd')]),
    spec(kMeansPlusPlus, () => [X(), 2, rng(), 1], [mat('n', 'd'),
      int(1, { max: 6 }, ['k']), any(), int(1, {}, ['trials'])]),
    spec(randomSeeding, () => [X(), 2, rng()], [mat('n', 'd'),
      int(1, { max: 6 }, ['k']), any()]),
    spec(rowsOf, () => [X(), [0, 3]], [mat('n', 'd'),
      list(int(0, { max: 5 }), { as: ['ids'] })]),
    spec(silhouetteSamples, () => [X(), lab(), 2], [mat('n', 'd'), labels,
      int(2, {}, ['k', 'labels'])]),
    spec(silhouetteScore, () => [X(), lab(), 2], [mat('n', 'd'), labels,
      int(2, {}, ['k', 'labels'])]),
    spec(miniBatchKMeans, () => [X(), C(), { batchSize: 2, steps: 3 },
      rng()], [mat('n', 'd'), centers, opts({
      batchSize: int(1, {}, ['batchSize']),
      steps: int(0, {}, ['steps']) }, ['batchSize', 'steps']), any()]),
    spec(responsibilities, () => [X(), C(), 0.5], [mat('n', 'd'), centers,
      num({ gt: 0 }, ['sigma'])]),
  ],
  experiments: [
    spec(blobs, () => [[[0, 0], [3, 3]], [3, 2], [1, 0.5], rng()],
      [any(), list(int(1), { as: ['sizes'] }),
        list(num({ min: 0 }), { as: ['spreads'] }), any()]),
    spec(twoMoons, () => [5, 0.1, rng()], [int(1, {}, ['n']),
      num({ min: 0 }, ['noise']), any()]),
    spec(gridBlobs, () => [4, 3, rng()], [int(1, { max: 1024 }, ['k']),
      int(1, {}, ['per']), any()]),
    spec(bestOf, () => [X(), 2, 2, rng()], [mat('n', 'd'),
      int(1, { max: 6 }, ['k']), int(1, {}, ['runs']), any()]),
    spec(seedingStudy, () => [[2], 3, 2, 1], [list(int(1, { max: 1024 }),
      { as: ['k', 'ks'] }), int(1, {}, ['per']), int(2, {}, ['seeds']),
      int(0, { max: 2 ** 40 }, ['seed'])]),
    spec(chooseK, () => [X(), [2, 3], 1, 1], [mat('n', 'd'),
      list(int(2, { max: 5 }), { as: ['k', 'ks'] }), int(1, {},
        ['runs']), int(0, { max: 2 ** 40 }, ['seed'])]),
    spec(hardLimit, () => [X(), C(), [1, 0.1]], [mat('n', 'd'), centers,
      list(num({ gt: 0 }), { as: ['sigma', 'sigmas'] })]),
    spec(purity, () => [lab(), lab(), 2, 2], [vec('n', { values: [0, 1],
      as: ['labels'] }), vec('n', { values: [0, 1], as: ['labels', 'y'] }),
    int(2, {}, ['k', 'labels']), int(2, {}, ['classes', 'labels'])]),
    spec(wineScaling, () => [1, 3], [int(1, {}, ['runs']),
      int(0, { max: 2 ** 40 }, ['seed'])], { expensive: true }),
    spec(checkList, () => ['f', 'xs', [1, 2], (x: number) =>
      checkNumber('f', 'xs', x, -Infinity)], [any(),
      any(), list(num(), { as: ['xs'] }), any()], { name: 'f' }),
    spec(sequentialMeans, () => [X(), lab(), C()], [mat('n', 'd'), labels,
      centers]),
    spec(medianUpdate, () => [X(), lab(), C()], [mat('n', 'd'), labels,
      centers]),
    spec(checkData, () => ['f', X()], [any(), mat('n', 'd')],
      { name: 'f' }),
    spec(checkCenters, () => ['f', X(), C()], [any(), mat('n', 'd'),
      centers], { name: 'f' }),
    spec(checkLabels, () => ['f', lab(), 6, 2], [any(), labels,
      int(6, { max: 6 }, ['n', 'labels']), int(2, {}, ['k', 'labels'])],
    { name: 'f' }),
    spec(checkInt, () => ['f', 'k', 3, 1, 5], [any(), any(),
      int(1, { max: 5 }, ['k']), any(), any()], { name: 'f' }),
    spec(checkNumber, () => ['f', 'x', 3, 0], [any(), any(),
      num({ min: 0 }, ['x']), any()], { name: 'f' }),
  ],
});
