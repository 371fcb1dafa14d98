// Bad-input specs for chapter "xgboost" (tests/bad-input.ts). X may
// hold NaN (a missing value) in every function here, so X is given as
// any() and its own checks (±Infinity, shape) are explicit tests.
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  fitXGBoost, float32Below, predictMargin, predictXGBoost, sampleColumns,
} from '../../code/xgboost/booster.ts';
import {
  checkBase, checkColumns, checkCuts, checkGains, checkGradients,
  checkGrow, checkHistogram, checkModel, checkObjective, checkPenalty,
  checkRound, checkStats, checkXGBoost,
} from '../../code/xgboost/checks.ts';
import { exactSplitter, sortColumns } from '../../code/xgboost/exact.ts';
import {
  beats, growTree, noSplit, pruneByGamma,
} from '../../code/xgboost/grow.ts';
import {
  binColumns, buildHistogram, histSplitter, subtractHistogram,
} from '../../code/xgboost/hist.ts';
import { fromXGBoostParams, rowsOf } from '../../code/xgboost/data.ts';
import { gainCurve } from '../../code/xgboost/gains.ts';
import {
  baseMargin, gradients, leafWeight, nodeScore, sigmoid32, softThreshold,
  splitGain,
} from '../../code/xgboost/objective.ts';
import { binOf, quantileCuts } from '../../code/xgboost/quantile.ts';
import {
  fitEarlyStopped,
} from '../../code/xgboost/solutions/early-stopping.ts';
import {
  pseudoHuberGradients,
} from '../../code/xgboost/solutions/pseudo-huber.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  any, choice, groups, int, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const X = () => new Matrix(6, 2, f64(0, 1, 1, 0, 2, 1, 3, 0, 4, 1, 5, 0));
const y = () => f64(0, 0, 1, 0, 1, 1);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 1));
const OBJ = ['reg:squarederror', 'binary:logistic'];
const pen = opts({ lambda: num({ min: 0 }, ['lambda']),
  alpha: num({ min: 0 }, ['alpha']),
  minChildWeight: num({ min: 0 }, ['minChildWeight']) });
const validPen = () => ({ lambda: 1, alpha: 0, minChildWeight: 1 });
const xgbOpts = opts({
  objective: choice(OBJ, ['objective']),
  treeMethod: choice(['exact', 'hist'], ['treeMethod']),
  rounds: int(1, {}, ['rounds']),
  eta: num({ gt: 0, max: 1 }, ['eta']),
  lambda: num({ min: 0 }, ['lambda']),
  alpha: num({ min: 0 }, ['alpha']),
  gamma: num({ min: 0 }, ['gamma']),
  minChildWeight: num({ min: 0 }, ['minChildWeight']),
  maxDepth: int(1, { max: 30 }, ['maxDepth']),
  maxBin: int(2, { max: 255 }, ['maxBin']),
  baseScore: num({ gt: 0, lt: 1 }, ['baseScore', 'base_score']),
  colsampleBytree: num({ gt: 0, max: 1 }, ['colsampleBytree']),
  seed: int(0, {}, ['seed']),
});
const validOpts = () => ({ objective: 'binary:logistic',
  treeMethod: 'hist', rounds: 2, eta: 0.3, lambda: 1, alpha: 0,
  gamma: 0, minChildWeight: 0.1, maxDepth: 2, maxBin: 8,
  baseScore: 0.5, colsampleBytree: 1, seed: 0 });
const lab = vec('n', { min: 0, max: 1, as: ['y'] }); // P(y = 1)
const model = () => fitXGBoost(X(), y(), { rounds: 2, maxDepth: 2 });

const cols = () => ({ n: 6, d: 2, X: Float32Array.of(0, 1, 2, 3, 4, 5,
  1, 0, 1, 0, 1, 0) });
const gv = () => f64(1, -1, 2, 0, 1, -2);
const hv = () => f64(1, 1, 1, 1, 1, 1);
const growOpts = opts({ lambda: num({ min: 0 }, ['lambda']),
  alpha: num({ min: 0 }, ['alpha']),
  minChildWeight: num({ min: 0 }, ['minChildWeight']),
  gamma: num({ min: 0 }, ['gamma']),
  maxDepth: int(1, { max: 30 }, ['maxDepth']),
  eta: num({ gt: 0, max: 1 }, ['eta']) });
const validGrow = () => ({ ...validPen(), gamma: 0, maxDepth: 2,
  eta: 0.3 });
const binned = () => binColumns(cols(), 4);
const splitter = () => exactSplitter(cols(), sortColumns(cols()), [0, 1],
  Float32Array.from(gv()), Float32Array.from(hv()), validPen());
const grown = () => growTree(splitter(), validGrow(), false);
const rowIdx = () => Uint32Array.of(0, 1, 2, 3, 4, 5);

export const badInput = groups({
  trees: [
    spec(sortColumns, () => [cols()], [any()]),
    spec(exactSplitter, () => [cols(), sortColumns(cols()), [0, 1], gv(),
      hv(), validPen()], [any(), any(), any(), vec('n', { as: ['g'] }),
      vec('n', { min: 0, as: ['h'] }), pen]),
    spec(histSplitter, () => [binned(), [0, 1], gv(), hv(), validPen(),
      true], [any(), any(), vec('n', { as: ['g'] }), vec('n',
      { min: 0, as: ['h'] }), pen, any()]),
    spec(binColumns, () => [cols(), 4], [any(), int(2, { max: 255 },
      ['maxBin'])]),
    spec(buildHistogram, () => [binned(), rowIdx(), 1, 4, gv(), hv()],
      [any(), any(), int(0, { max: 6 }, ['from']), int(0, { max: 6 },
        ['to']), any(), any()]),
    spec(subtractHistogram, () => [f64(1, 2), f64(0, 1)], [any(),
      any()]),
    spec(growTree, () => [splitter(), validGrow(), false], [any(),
      growOpts, any()]),
    spec(pruneByGamma, () => [grown(), 1, 0.3], [any(),
      num({ min: 0 }, ['gamma']), num({ gt: 0, max: 1 }, ['eta'])]),
    spec(beats, () => [noSplit(), 1, 0], [any(), any(), any()]),
  ],
  core: [
    spec(fitXGBoost, () => [X(), y(), validOpts()], [any(), lab,
      xgbOpts]),
    spec(predictMargin, () => [model(), Q()], [any(), any()]),
    spec(predictXGBoost, () => [model(), Q()], [any(), any()]),
    spec(sampleColumns, () => [4, 0.5, createRng(1)], [int(1, {},
      ['d']), num({ gt: 0, max: 1 }, ['share']), any()]),
    spec(float32Below, () => [1.5], [num({}, ['s'])]),
  ],
  objective: [
    spec(gradients, () => ['binary:logistic', y(), f64(0, 1, 2, 3, 4, 5)],
      [choice(OBJ, ['objective']), lab, vec('n', { as: ['F'] })]),
    spec(sigmoid32, () => [0.5], [num({}, ['z'])]),
    spec(softThreshold, () => [2, 1], [num({}, ['G']),
      num({ min: 0 }, ['alpha'])]),
    spec(leafWeight, () => [-3, 4, validPen()], [num({}, ['G']),
      num({ min: 0 }, ['H']), pen]),
    spec(nodeScore, () => [-3, 4, validPen()], [num({}, ['G']),
      num({ min: 0 }, ['H']), pen]),
    spec(splitGain, () => [-3, 4, 2, 3, 1, validPen()], [num({}, ['G']),
      num({ min: 0 }, ['H']), num({}, ['G']), num({ min: 0 }, ['H']),
      num({}, ['rootScore']), pen]),
    spec(baseMargin, () => ['binary:logistic', 0.3],
      [choice(OBJ, ['objective']), num({ gt: 0, lt: 1 }, ['base_score',
        'F'])]),
  ],
  hist: [
    spec(quantileCuts, () => [f64(3, 1, NaN, 2, 2), 4],
      [vec('n', { nonfinite: true, as: ['values'] }),
        int(2, { max: 255 }, ['maxBin'])]),
    spec(binOf, () => [Float32Array.of(1, 2, 5), 1.5], [any(), any()]),
    spec(gainCurve, () => [f64(1, 2, 3, NaN), f64(1, -1, 1, 0),
      f64(1, 1, 1, 1), validPen(), 0, false], [vec('n', {
      nonfinite: true, as: ['values', 'x'] }), vec('n', { as: ['g'] }),
      vec('n', { min: 0, as: ['h'] }), pen, int(0, { max: 255 },
        ['maxBin']), any()]),
  ],
  data: [
    spec(rowsOf, () => [X(), y(), 1, 4, [1]], [any(), vec('n',
      { as: ['y'] }), int(0, {}, ['from']), int(1, {}, ['to']), any()]),
    spec(fromXGBoostParams, () => [{ eta: 0.3 }, 2], [any(),
      int(1, {}, ['rounds'])]),
    spec(pseudoHuberGradients, () => [y(), f64(0, 1, 2, 3, 4, 5), 1],
      [vec('n', { as: ['y'] }), vec('n', { as: ['F'] }),
        num({ gt: 0 }, ['delta'])]),
    spec(fitEarlyStopped, () => [X(), y(), Q(), f64(0, 1),
      { rounds: 3, maxDepth: 1 }, 1], [any(), vec('n', { as: ['y'] }),
      any(), vec('m', { as: ['yv'] }), any(), int(1, {}, ['patience'])]),
  ],
  checks: [
    spec(checkObjective, () => ['caller', 'binary:logistic'], [any(),
      choice(OBJ, ['objective'])], { name: 'caller' }),
    spec(checkBase, () => ['caller', 'binary:logistic', 0.3], [any(),
      choice(OBJ, ['objective']), num({ gt: 0, lt: 1 }, ['base_score'])],
    { name: 'caller' }),
    spec(checkColumns, () => ['caller', 4, 0.5], [any(), int(1, {},
      ['d']), num({ gt: 0, max: 1 }, ['share'])], { name: 'caller' }),
    spec(checkRound, () => ['caller', 6, gv(), hv(), validPen()], [any(),
      any(), vec('n', { as: ['g'] }), vec('n', { min: 0, as: ['h'] }),
      pen], { name: 'caller' }),
    spec(checkGrow, () => ['caller', validGrow()], [any(), growOpts],
      { name: 'caller' }),
    spec(checkHistogram, () => ['caller', binned(), rowIdx(), 1, 4, gv(),
      hv()], [any(), any(), any(), int(0, { max: 6 }, ['from']),
      int(0, { max: 6 }, ['to']), any(), any()], { name: 'caller' }),
    spec(checkGradients, () => ['caller', 'reg:squarederror', y(), y()],
      [any(), choice(OBJ, ['objective']), vec('n', { as: ['y'] }),
        vec('n', { as: ['F'] })], { name: 'caller' }),
    spec(checkPenalty, () => ['caller', validPen()], [any(), pen],
      { name: 'caller' }),
    spec(checkStats, () => ['caller', 1, 2, validPen()], [any(),
      num({}, ['G']), num({ min: 0 }, ['H']), pen], { name: 'caller' }),
    spec(checkCuts, () => ['caller', f64(1, 2), 4], [any(),
      vec('n', { nonfinite: true, as: ['values'] }),
      int(2, { max: 255 }, ['maxBin'])], { name: 'caller' }),
    spec(checkGains, () => ['caller', f64(1, 2), f64(1, 1), f64(1, 1),
      validPen(), 4], [any(), vec('n', { nonfinite: true,
      as: ['values', 'x'] }), vec('n', { as: ['g'] }), vec('n',
      { min: 0, as: ['h'] }), pen, int(0, { max: 255 }, ['maxBin'])],
    { name: 'caller' }),
    spec(checkXGBoost, () => ['caller', X(), y(), validOpts()], [any(),
      any(), lab, xgbOpts], { name: 'caller' }),
    spec(checkModel, () => ['caller', model(), Q()], [any(), any(),
      any()], { name: 'caller' }),
  ],
});
