// Bad-input specs for chapter "Regularization" (tests/bad-input.ts).
import { gaussianMatrix } from '../../code/decompositions/examples.ts';
import {
  elasticNet,
  lasso,
  softThreshold,
} from '../../code/regularization/coordinate-descent.ts';
import {
  cvCurve,
  kFoldIndices,
  selectLambda,
  takeRows,
} from '../../code/regularization/cross-validation.ts';
import {
  entryOrder,
  quadraticFeatures,
} from '../../code/regularization/diabetes.ts';
import {
  distanceBound,
  dualityGap,
  gapOfGram,
  kktViolations,
  strongConvexity,
} from '../../code/regularization/optimality.ts';
import {
  elasticNetPath,
  lambdaGrid,
  lambdaMax,
} from '../../code/regularization/path.ts';
import {
  checkGram,
  checkPenalty,
  elasticNetObjective,
  gramProblem,
  lossCorrelations,
} from '../../code/regularization/problem.ts';
import {
  checkIntercept,
  checkLambda,
  checkLambdas,
  effectiveDof,
  ridgeCholesky,
  ridgeGradient,
  ridgeObjective,
  ridgePath,
  ridgeRisk,
  ridgeSvd,
  shrinkageFactors,
} from '../../code/regularization/ridge.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  any, callback, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const X = () => gaussianMatrix(1, 8, 3);
const y = () => f64(1, 3, 2, 5, 4, 0, 2, 1);
const w = () => f64(0.5, -1, 0);
const data = [mat('n', 'd'), vec('n')];
const lambda = num({ min: 0 }, ['lambda_']);
const fit = opts({ w: vec('d'), b: num() }, ['w', 'b']);
const penalty = opts({ lambda1: num({ min: 0 }), lambda2: num({ min: 0 }) });
const positive = opts({ lambda1: num({ gt: 0 }), lambda2: num({ min: 0 }) });
const gram = () => gramProblem('caller', X(), y());
const lambdas = list(num({ min: 0 }), { as: ['lambdas'] });
const folds = () => kFoldIndices(8, 2);
const path = (Xt: unknown, yt: unknown) =>
  ridgePath(Xt as never, yt as never, [0.1, 1]);
const cv = opts({ mean: vec('k'), se: vec('k', { min: 0 }) },
  ['mean', 'se']);

export const badInput = groups({
  ridge: [
    spec(checkLambda, () => ['caller', 'lambda_', 1], [any(), any(), lambda],
      { name: 'caller' }),
    spec(checkIntercept, () => ['caller', 1], [any(), num({}, ['b'])],
      { name: 'caller' }),
    spec(checkLambdas, () => ['caller', [1, 2]], [any(), lambdas],
      { name: 'caller' }),
    spec(ridgeCholesky, () => [X(), y(), 0.5], [...data, lambda]),
    spec(shrinkageFactors, () => [f64(3, 2), 0.5],
      [vec(undefined, { min: 0, as: ['s', 'singular'] }), lambda]),
    spec(effectiveDof, () => [f64(3, 2), 0.5],
      [vec(undefined, { min: 0, as: ['s', 'singular'] }), lambda]),
    spec(ridgePath, () => [X(), y(), [0.1, 1]], [...data, lambdas]),
    spec(ridgeSvd, () => [X(), y(), 0.5], [...data, lambda]),
    spec(ridgeObjective, () => [X(), y(), { w: w(), b: 1 }, 0.5],
      [...data, fit, lambda]),
    spec(ridgeGradient, () => [X(), y(), { w: w(), b: 1 }, 0.5],
      [...data, fit, lambda]),
    spec(ridgeRisk, () => [X(), w(), 1, 0.5],
      [mat('n', 'd'), vec('d'), num({ min: 0 }), lambda]),
  ],
  lasso: [
    spec(checkPenalty, () => ['caller', { lambda1: 1 }], [any(), penalty],
      { name: 'caller' }),
    spec(elasticNetObjective, () => [X(), y(), { w: w(), b: 1 },
      { lambda1: 0.1 }], [...data, fit, penalty]),
    spec(gramProblem, () => ['caller', X(), y()], [any(), ...data],
      { name: 'caller' }),
    spec(checkGram, () => ['caller', gram(), { w: w() }],
      [any(), any(), opts({ w: vec(3) })], { name: 'caller' }),
    spec(lossCorrelations, () => [gram(), w()], [any(), vec(3)]),
    spec(softThreshold, () => [0.5, 0.1], [num(), num({ min: 0 })]),
    spec(elasticNet, () => [X(), y(), { lambda1: 0.1, lambda2: 0.1 },
      { w0: w() }], [...data, positive, opts({ tol: num({ gt: 0 }),
      maxSweeps: int(1), w0: vec('d') })]),
    spec(lasso, () => [X(), y(), 0.1, {}],
      [...data, num({ gt: 0 }, ['lambda_', 'lambda1']), any()]),
    spec(kktViolations, () => [X(), y(), { w: w(), b: 1 },
      { lambda1: 0.1 }], [...data, fit, penalty]),
    spec(gapOfGram, () => [gram(), w(), w(), 0.1, 0],
      [any(), vec(3), vec(3), num({ min: 0 }), num({ min: 0 })]),
    spec(dualityGap, () => [X(), y(), w(), { lambda1: 0.1 }],
      [...data, vec('d'), penalty]),
    spec(strongConvexity, () => [X(), { lambda1: 0.1, lambda2: 0.1 }],
      [mat('n', 'd'), penalty]),
    spec(distanceBound, () => [X(), y(), { w: w(), b: 1 },
      { lambda1: 0.1 }], [...data, fit, penalty]),
  ],
  path: [
    spec(lambdaMax, () => [X(), y(), 0.5], [...data, num({ gt: 0,
      max: 1 })]),
    spec(lambdaGrid, () => [X(), y(), { count: 3, eps: 0.1 }],
      [...data, opts({ count: int(2), eps: num({ gt: 0, lt: 1 }),
        l1Ratio: num({ gt: 0, max: 1 }) })]),
    spec(elasticNetPath, () => [X(), y(), [0.3, 0.1], { l1Ratio: 0.5 }],
      [...data, list(num({ gt: 0 }), { as: ['lambdas', 'lambda1'] }),
        opts({ l1Ratio: num({ gt: 0, max: 1 }), tol: num({ gt: 0 }),
          maxSweeps: int(1) })]),
  ],
  cv: [
    spec(kFoldIndices, () => [8, 3, createRng(1)],
      [int(2), int(2, { max: 8 }), any()]),
    spec(takeRows, () => [X(), y(), [0, 3]], [...data,
      list(int(0, { max: 7 }), { as: ['idx', 'row'] })]),
    spec(cvCurve, () => [X(), y(), folds(), path],
      [...data, list(any(), { minLength: 2, as: ['folds'] }),
        callback()]),
    spec(selectLambda, () => [[1, 0.5, 0.1], { mean: [3, 2, 2.5],
      se: [0.5, 0.5, 0.5] }], [vec('k'), cv]),
  ],
  diabetes: [
    spec(entryOrder, () => [[{ w: f64(0, 1) }, { w: f64(2, 1) }]],
      [list(opts({ w: vec('d') }), { as: ['fits'] })]),
    spec(quadraticFeatures, () => [X(), ['a', 'SEX', 'c']],
      [mat('n', 'd'), list(any(), { dims: ['d'], as: ['names'] })]),
  ],
});
