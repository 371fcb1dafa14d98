// Bad-input specs for chapter "boosting" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  fitAdaBoost,
  stagedAdaBoost,
  trainingErrorBound,
} from '../../code/boosting/adaboost.ts';
import {
  checkAdaBoost,
  checkAdaBoostX,
  checkArray,
  checkBoosting,
  checkLoss,
  checkModelX,
  checkQuantile,
  checkScores,
} from '../../code/boosting/checks.ts';
import {
  fitGradientBoosting,
  predictBoosting,
  stagedScores,
} from '../../code/boosting/gradient-boosting.ts';
import {
  initialScores,
  leafValue,
  lossValue,
  pseudoResiduals,
  weightedQuantile,
} from '../../code/boosting/losses.ts';
import { flipLabels, shareOn, wavyData } from '../../code/boosting/noise.ts';
import { exactLogLossLeaf } from '../../code/boosting/solutions/exact-leaf.ts';
import {
  any, choice, groups, int, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const X = () => new Matrix(8, 2, f64(0, 0, 1, 0, 0, 1, 1, 1, 3, 3, 4, 3,
  3, 4, 4, 4));
const y = () => f64(0, 0, 1, 0, 1, 1, 0, 1);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const lab = vec('n', { values: [0, 1], as: ['y'] });
const classes = vec('n', { min: 0, max: 1000, integer: true, as: ['y'] });
const LOSSES = ['squared_error', 'absolute_error', 'huber', 'log_loss'];
const boostOpts = opts({
  nEstimators: int(1, {}, ['nEstimators']),
  eta: num({ gt: 0, max: 1e6 }, ['eta']),
  maxDepth: int(1, { max: 64 }, ['maxDepth']),
  minSamplesLeaf: int(1, {}, ['minSamplesLeaf']),
  subsample: num({ gt: 0, max: 1 }, ['subsample']),
  alpha: num({ gt: 0, max: 1 }, ['alpha']),
  seed: int(0, {}, ['seed']),
  tol: num({ min: 0 }, ['tol']),
});
const validBoost = () => ({ nEstimators: 2, eta: 0.5, maxDepth: 2,
  minSamplesLeaf: 1, subsample: 0.5, alpha: 0.9, seed: 1, tol: 0 });
const adaOpts = opts({
  nEstimators: int(1, {}, ['nEstimators']),
  maxDepth: int(1, { max: 64 }, ['maxDepth']),
  eta: num({ gt: 0, max: 1e6 }, ['eta']),
});
const validAda = () => ({ nEstimators: 2, maxDepth: 1, eta: 1 });
const gb = () => fitGradientBoosting(X(), y(), { nEstimators: 2 });
const ada = () => fitAdaBoost(X(), y(), { nEstimators: 2 });
const state = () => ({ y: y(), F: new Float64Array(8), K: 1, k: 0,
  r: y(), w: new Float64Array(8).fill(1), delta: 1 });

export const badInput = groups({
  core: [
    spec(fitGradientBoosting, () => [X(), y(), validBoost()],
      [mat('n', 'd'), vec('n', { as: ['y'] }), boostOpts]),
    spec(stagedScores, () => [gb(), Q()], [any(), mat('m', 2, ['X'])]),
    spec(predictBoosting, () => [gb(), Q()], [any(), mat('m', 2, ['X'])]),
    spec(fitAdaBoost, () => [X(), y(), validAda()], [mat('n', 'd'), classes,
      adaOpts]),
    spec(stagedAdaBoost, () => [ada(), Q()], [any(), mat('m', 2, ['X'])]),
    spec(trainingErrorBound, () => [f64(0.1, 0.3)], [vec('m', { min: 0,
      lt: 0.5, as: ['errors'] })]),
  ],
  helpers: [
    spec(weightedQuantile, () => [f64(3, 1, 2), f64(1, 1, 2), 0.5],
      [vec('n', { as: ['v'] }), vec('n', { min: 0, as: ['w'] }),
        num({ gt: 0, max: 1 }, ['q'])]),
    spec(initialScores, () => ['squared_error', y(), 1],
      [choice(LOSSES, ['loss']), vec('n', { as: ['y'] }),
        int(1, { max: 1000 }, ['K'])]),
    spec(pseudoResiduals, () => ['huber', state(), 0.9],
      [choice(LOSSES, ['loss']), any(), num({ gt: 0, max: 1 }, ['alpha'])]),
    spec(leafValue, () => ['huber', [0, 1, 2], state()],
      [choice(LOSSES, ['loss']), any(), any()]),
    spec(lossValue, () => ['huber', y(), f64(0, 0, 0, 0, 1, 1, 1, 1), 1,
      0.9], [choice(LOSSES, ['loss']), vec('n', { as: ['y'] }),
      vec('n', { as: ['F'] }), int(1, { max: 1 }, ['K']),
      num({ gt: 0, max: 1 }, ['alpha'])]),
    spec(flipLabels, () => [y(), 0.25, 1], [lab,
      num({ min: 0, max: 1 }, ['share']), int(0, {}, ['seed'])]),
    spec(shareOn, () => [f64(1, 2, 3), f64(1, 0, 1)], [vec('n',
      { min: 0, as: ['weights'] }), vec('n', { as: ['marked'] })]),
    spec(wavyData, () => [10, 1], [int(1, {}, ['n']),
      int(0, {}, ['seed'])]),
    spec(exactLogLossLeaf, () => [y(), new Float64Array(8), 20], [lab,
      vec('n', { as: ['F'] }), int(1, {}, ['maxIter'])]),
  ],
  checks: [
    spec(checkArray, () => ['caller', 'v', f64(1, 2), 2], [any(), any(),
      vec(2, { as: ['v'] }), any()], { name: 'caller' }),
    spec(checkLoss, () => ['caller', 'huber'], [any(),
      choice(LOSSES, ['loss'])], { name: 'caller' }),
    spec(checkScores, () => ['caller', 'squared_error', y(), 1, y(), 0.5],
      [any(), choice(LOSSES, ['loss']), vec('n', { as: ['y'] }),
        int(1, { max: 1 }, ['K']), vec('n', { as: ['F'] }),
        num({ gt: 0, max: 1 }, ['alpha'])], { name: 'caller' }),
    spec(checkQuantile, () => ['caller', f64(1, 2), f64(1, 1), 0.5],
      [any(), vec('n', { as: ['v'] }), vec('n', { min: 0, as: ['w'] }),
        num({ gt: 0, max: 1 }, ['q'])], { name: 'caller' }),
    spec(checkBoosting, () => ['caller', X(), y(), validBoost()], [any(),
      mat('n', 'd'), vec('n', { as: ['y'] }), boostOpts],
    { name: 'caller' }),
    spec(checkModelX, () => ['caller', gb(), Q()], [any(), any(),
      mat('m', 2, ['X'])], { name: 'caller' }),
    spec(checkAdaBoost, () => ['caller', X(), y(), validAda()], [any(),
      mat('n', 'd'), classes, adaOpts], { name: 'caller' }),
    spec(checkAdaBoostX, () => ['caller', ada(), Q()], [any(), any(),
      mat('m', 2, ['X'])], { name: 'caller' }),
  ],
});
