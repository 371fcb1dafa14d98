// Bad-input specs for chapter "decision trees" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { compareUpToTies } from '../../code/decision-trees/compare.ts';
import {
  checkData,
  checkFit,
  checkTree,
  checkVector,
  checkX,
} from '../../code/decision-trees/checks.ts';
import {
  impurity,
  impurityDecrease,
  proxy,
} from '../../code/decision-trees/criterion.ts';
import { penguinMeasurements } from '../../code/decision-trees/data.ts';
import { featureImportances } from '../../code/decision-trees/importance.ts';
import {
  type SplitData,
  addSample,
  bestSplit,
  children,
  nodeStats,
} from '../../code/decision-trees/splitter.ts';
import {
  instability,
  predictAlong,
  xorData,
} from '../../code/decision-trees/pitfalls.ts';
import {
  applyTree,
  predictProba,
  predictTree,
} from '../../code/decision-trees/predict.ts';
import { pruneTree, pruningPath } from '../../code/decision-trees/pruning.ts';
import { leafBoxes } from '../../code/decision-trees/regions.ts';
import {
  meanAndError,
  prunedTreeFitter,
  selectAlpha,
} from '../../code/decision-trees/selection.ts';
import { fitTree } from '../../code/decision-trees/tree.ts';
import { decisionPath } from '../../code/decision-trees/solutions/decision-path.ts';
import { misclassification } from '../../code/decision-trees/solutions/misclassification.ts';
import { repeatRows } from '../../code/decision-trees/solutions/repeat-rows.ts';
import { errorRate } from '../../code/k-nearest-neighbors/selection.ts';
import { kFoldIndices } from '../../code/regularization/cross-validation.ts';
import {
  any, choice, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const X = () => new Matrix(8, 2, f64(0, 0, 1, 0, 0, 1, 1, 1, 3, 3, 4, 3,
  3, 4, 4, 4));
const y = () => f64(0, 0, 1, 0, 1, 1, 0, 1);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const tree = () => fitTree(X(), y());
const reg = () => fitTree(X(), f64(1, 2, 3, 4, 5, 6, 7, 8),
  { criterion: 'squared_error' });
const lab = vec('n', { min: 0, max: 65535, integer: true, as: ['y'] });
const options = opts({
  criterion: choice(['gini', 'entropy'], ['criterion']),
  maxDepth: int(1, { infinite: true }, ['maxDepth']),
  minSamplesSplit: int(2, {}, ['minSamplesSplit']),
  minSamplesLeaf: int(1, {}, ['minSamplesLeaf']),
  minImpurityDecrease: num({ min: 0 }, ['minImpurityDecrease']),
  maxFeatures: int(1, { max: 2 }, ['maxFeatures']),
  seed: int(0, {}, ['seed']),
  sampleWeight: vec('n', { min: 0, as: ['sampleWeight'] }),
});
const valid = () => ({ criterion: 'gini', maxDepth: 3,
  minSamplesSplit: 2, minSamplesLeaf: 1, minImpurityDecrease: 0,
  maxFeatures: 2, seed: 0, sampleWeight: f64(1, 1, 1, 1, 2, 2, 2, 2) });
const queries = mat('m', 'd', ['X']);
const folds = () => kFoldIndices(8, 2);

/** The splitter's view of X() and y(): what fitTree builds. */
const data = (): SplitData => {
  const x = X();
  const cols = new Float32Array(16);
  for (let i = 0; i < 8; i++) {
    cols[i] = x.data[2 * i];
    cols[8 + i] = x.data[2 * i + 1];
  }
  return { n: 8, d: 2, X: cols, y: y(), label: Int32Array.from(y()),
    w: new Float64Array(8).fill(1), criterion: 'gini', stats: 2,
    minSamplesLeaf: 1 };
};
const idx = () => Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
const stats = vec('K', { minLength: 1, as: ['s', 'statistics'] });

export const badInput = groups({
  internals: [
    spec(impurity, () => ['gini', f64(3, 1), 4], [choice(['gini',
      'entropy', 'squared_error'], ['criterion']), stats,
    num({ gt: 0 }, ['w', 'weight'])]),
    spec(proxy, () => ['entropy', f64(3, 1), 4, f64(1, 2), 3],
      [choice(['gini', 'entropy', 'squared_error'], ['criterion']),
        vec('K', { as: ['left', 'statistics'] }),
        num({ gt: 0 }, ['wL', 'weight']),
        vec('K', { as: ['right', 'statistics'] }),
        num({ gt: 0 }, ['wR', 'weight'])]),
    spec(impurityDecrease, () => [8, 8, 0.5, 4, 0.25, 4, 0.25],
      [num({ gt: 0 }, ['wTotal']), num({ gt: 0 }, ['wNode']),
        num({}, ['iNode']), num({ gt: 0 }, ['wL']), num({}, ['iL']),
        num({ gt: 0 }, ['wR']), num({}, ['iR'])]),
    // s is not scanned for NaN: addSample runs once per sample per
    // feature in the sweep; its length is checked
    spec(addSample, () => [data(), new Float64Array(2), 3, 1], [any(),
      any(), int(0, { max: 7 }, ['i']),
      num({ min: -1, max: 1, integer: true, not: [0] }, ['sign'])]),
    spec(nodeStats, () => [data(), idx(), 0, 8], [any(), any(),
      int(0, { max: 7 }, ['start']), int(1, { max: 8 }, ['end'])]),
    spec(children, () => [data(), idx(), 0, 4, 8], [any(), any(),
      int(0, { max: 3 }, ['start']), int(1, { max: 7 }, ['pos']),
      int(5, { max: 8 }, ['end'])]),
    spec(bestSplit, () => [data(), idx(), 0, 8, f64(4, 4), 8, [0, 1], 2],
      [any(), any(), int(0, { max: 7 }, ['start']),
        int(1, { max: 8 }, ['end']), any(), num({ gt: 0 }, ['wNode']),
        list(int(0, { max: 1 }), { as: ['features'] }),
        int(1, {}, ['maxFeatures'])]),
    spec(penguinMeasurements, () => [true], [any()]),
  ],
  checks: [
    spec(checkX, () => ['caller', X(), false, 2], [any(), mat('n', 2,
      ['X']), any(), any()], { name: 'caller' }),
    spec(checkFit, () => ['caller', X(), y(), valid()], [any(),
      mat('n', 'd'),
      lab, options], { name: 'caller' }),
    spec(checkData, () => ['caller', X(), y(), valid()], [any(),
      mat('n', 'd'),
      lab, options], { name: 'caller' }),
    spec(checkTree, () => ['caller', tree()], [any(), any()],
      { name: 'caller' }),
    spec(checkVector, () => ['caller', 'v', f64(1, 2), 2], [any(), any(),
      vec(2, { as: ['v'] }), any()], { name: 'caller' }),
  ],
  core: [
    spec(fitTree, () => [X(), y(), valid()], [mat('n', 'd'), lab,
      options]),
    spec(applyTree, () => [tree(), Q()], [any(), queries]),
    spec(predictTree, () => [tree(), Q()], [any(), queries]),
    spec(predictProba, () => [tree(), Q()], [any(), queries]),
    spec(featureImportances, () => [tree()], [any()]),
    spec(pruningPath, () => [tree()], [any()]),
    spec(pruneTree, () => [reg(), 0.5], [any(), num({ min: 0 },
      ['alpha'])]),
    spec(leafBoxes, () => [tree(), [-1, 5, -1, 5]], [any(),
      list(num(), { minLength: 4, as: ['bounds'] })]),
  ],
  more: [
    spec(prunedTreeFitter, () => [0.1, {}], [num({ min: 0 }, ['alpha']),
      any()]),
    spec(selectAlpha, () => [X(), y(), folds(), errorRate, {}],
      [mat('n', 'd'), lab, any(), any(), any()]),
    spec(meanAndError, () => [f64(1, 2, 4)], [vec('k', { minLength: 2,
      as: ['xs'] })]),
    spec(xorData, () => [8, 1], [int(4, {}, ['n']), int(0, {}, ['seed'])]),
    spec(instability, () => [X(), y(), {}, 2, 0.25, 1], [mat('n', 'd'),
      lab, any(), int(1, {}, ['reps']), num({ gt: 0, lt: 1 }, ['drop']),
      any()]),
    spec(predictAlong, () => [reg(), f64(0, 0), 0, 0, 5, 3], [any(),
      vec('d', { as: ['at'] }), int(0, { max: 1 }, ['j']), num({}, ['lo']),
      num({}, ['hi']), int(2, {}, ['m'])]),
    spec(compareUpToTies, () => [tree(), tree(), X(), y(), 'gini', 2],
      [any(), any(), mat('n', 'd'), lab, any(), any()]),
    spec(decisionPath, () => [tree(), f64(1, 2), ['a', 'b']], [any(),
      vec('d', { as: ['x'] }), any()]),
    spec(repeatRows, () => [X(), y(), f64(1, 2, 0, 1, 1, 1, 1, 1)],
      [mat('n', 'd'), vec('n', { as: ['y'] }), vec('n', { min: 0,
        integer: true, as: ['weights'] })]),
    spec(misclassification, () => [f64(3, 1), 4], [vec('K', { min: 0,
      as: ['s'] }), num({ gt: 0 }, ['w'])]),
  ],
});
