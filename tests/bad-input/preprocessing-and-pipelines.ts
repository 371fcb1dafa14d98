// Bad-input specs for chapter "preprocessing and pipelines"
// (tests/bad-input.ts). Frames, steps and folds are passed as any():
// the harness knows vectors, matrices, numbers, lists, options and
// choices; the chapter's test file checks malformed frames by hand.
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  checkChoice,
  checkFrame,
  checkLabelsFor,
  checkRows,
} from '../../code/preprocessing-and-pipelines/checks.ts';
import {
  accuracyFromProba,
  multiclassLogLoss,
  softmaxClassifier,
} from '../../code/preprocessing-and-pipelines/classifier.ts';
import {
  categoriesOf,
  oneHotEncoder,
  ordinalEncoder,
} from '../../code/preprocessing-and-pipelines/encode.ts';
import {
  checkCount,
  gapRows,
  indicatorStudy,
  leakageStudy,
  nestedStudy,
  paired,
  rowLogLosses,
  scalingOutlier,
  transformedRows,
} from '../../code/preprocessing-and-pipelines/experiments.ts';
import { stratifiedKFold } from '../../code/preprocessing-and-pipelines/folds.ts';
import {
  rowCount,
  takeFrameRows,
  toMatrix,
  type Frame,
} from '../../code/preprocessing-and-pipelines/frame.ts';
import {
  fillValue,
  imputer,
  missingIndicator,
} from '../../code/preprocessing-and-pipelines/impute.ts';
import { leakyAndProper } from '../../code/preprocessing-and-pipelines/leakage.ts';
import {
  checkSettings,
  penguinPipeline,
  penguinPreprocessor,
} from '../../code/preprocessing-and-pipelines/penguin-pipeline.ts';
import {
  loadPenguins,
} from '../../code/preprocessing-and-pipelines/penguins.ts';
import {
  columnTransformer,
  pipe,
  pipeline,
  select,
} from '../../code/preprocessing-and-pipelines/pipeline.ts';
import {
  fitScaling,
  sameNames,
  scaler,
} from '../../code/preprocessing-and-pipelines/scale.ts';
import {
  checkCv,
  crossValidatePipeline,
  gridSearch,
  parameterGrid,
} from '../../code/preprocessing-and-pipelines/search.ts';
import {
  nestedCrossValidation,
} from '../../code/preprocessing-and-pipelines/solutions/nested-cv.ts';
import {
  fStatistic,
  selectKBest,
  selectionLeak,
} from '../../code/preprocessing-and-pipelines/solutions/select-k-best.ts';
import {
  islandFit,
} from '../../code/preprocessing-and-pipelines/solutions/drop-choice.ts';
import { dataPath } from '../../code/calculus/data-file.ts';
import {
  any, callback, choice, groups, int, list, mat, num, opts, spec, str,
  vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Six rows: a numeric column with a gap, a categorical one. */
const frame = (): Frame => [
  { name: 'a', kind: 'number', values: f64(1, NaN, 3, 4, 5, 6) },
  { name: 'b', kind: 'category', values: ['x', 'y', null, 'x', 'y', 'x'] },
];
/** Six complete numeric rows, two columns. */
const numbers = (): Frame => [
  { name: 'a', kind: 'number', values: f64(1, 2, 3, 4, 5, 6) },
  { name: 'c', kind: 'number', values: f64(2, 1, 2, 5, 6, 4) },
];
const y = () => Int32Array.of(0, 1, 0, 1, 0, 1);
const folds = () => stratifiedKFold(y(), 3);
const model = () => softmaxClassifier(1, 2);
const P = () => new Matrix(2, 2, f64(0.2, 0.8, 0.6, 0.4));
const settings = { C: 1, impute: 'mean', scaler: 'standard' };
const STRATEGIES = ['mean', 'median', 'most_frequent', 'constant'];
const SCALERS = ['standard', 'minmax', 'robust'];
const labelsOf = (as: string[] = ['y']) =>
  vec('n', { min: 0, integer: true, as });
const setting = opts({ C: num({ gt: 0 }, ['C', 'settings']),
  impute: choice(STRATEGIES, ['impute']),
  scaler: choice(SCALERS, ['scaler']) }, ['C', 'impute', 'scaler']);

export const badInput = groups({
  steps: [
    spec(fitScaling, () => [f64(1, 2, 4), 'robust'],
      [vec('n', { as: ['x'] }), choice(SCALERS, ['kind'])]),
    spec(scaler, () => ['minmax'], [choice(SCALERS, ['kind'])]),
    spec(imputer, () => ['median', { indicator: true }],
      [choice(STRATEGIES, ['strategy']), any()]),
    spec(missingIndicator, () => [], []),
    spec(fillValue, () => [frame()[0], 'mean'], [any(),
      choice(STRATEGIES, ['strategy'])]),
    spec(categoriesOf, () => [{ name: 'b', kind: 'category',
      values: ['x', 'y', 'x'] }], [any()]),
    spec(oneHotEncoder, () => [{ unknown: 'ignore', drop: 'first' }],
      [opts({ unknown: choice(['error', 'ignore'], ['unknown']),
        drop: choice(['none', 'first'], ['drop']) })]),
    spec(ordinalEncoder, () => [{ unknown: -1 }],
      [opts({ unknown: int(-Infinity, { max: -1 }, ['unknown']) })]),
    spec(softmaxClassifier, () => [0.5, 3], [num({ min: 0 }, ['lambda_']),
      int(2, {}, ['K'])]),
    spec(selectKBest, () => [2], [int(1, {}, ['k'])]),
  ],
  pipelines: [
    spec(pipe, () => [scaler('minmax'), scaler('robust')],
      [callback({ as: ['steps'] }), callback({ as: ['steps'] })]),
    spec(pipeline, () => [scaler('minmax')],
      [callback({ as: ['steps'] })], { names: ['steps'] }),
    spec(columnTransformer, () => [[[['a'], scaler('minmax')]]],
      [list(any(), { as: ['branch', 'branches'] })]),
    spec(select, () => ['caller', frame(), ['b']], [any(), any(),
      list(str(), { as: ['names', 'column'] })], { name: 'caller' }),
    spec(penguinPreprocessor, () => ['median', 'robust', 'scaled'],
      [choice(STRATEGIES, ['impute']), choice(SCALERS, ['scale']),
        choice(['raw', 'scaled'], ['indicators'])]),
    spec(penguinPipeline, () => [{ ...settings }], [setting]),
  ],
  frames: [
    spec(rowCount, () => [frame()], [list(any(), { as: ['X'] })]),
    spec(takeFrameRows, () => [frame(), [0, 2]], [any(),
      list(int(0, { max: 5 }), { as: ['idx', 'row'] })]),
    spec(toMatrix, () => ['caller', numbers()], [any(),
      list(any(), { as: ['X'] })], { name: 'caller' }),
    spec(sameNames, () => ['caller', numbers(), numbers()], [any(),
      any(), any()], { name: 'caller' }),
    spec(loadPenguins, () => [dataPath('data/penguins/penguins.csv')],
      [str({ path: true, as: ['path', 'penguins'] })]),
  ],
  scores: [
    spec(multiclassLogLoss, () => [Int32Array.of(1, 0), P()],
      [labelsOf(), mat('n', 'K', ['P'])]),
    spec(accuracyFromProba, () => [Int32Array.of(1, 0), P()],
      [labelsOf(), mat('n', 'K', ['P'])]),
    spec(rowLogLosses, () => [Int32Array.of(1, 0), P()],
      [labelsOf(), mat('n', 'K', ['P'])]),
    spec(paired, () => [[0.1, -0.2, 0.3]],
      [list(num(), { minLength: 2, as: ['differences'] })]),
    spec(fStatistic, () => [f64(1, 2, 3, 5, 6, 7), y()],
      [vec('n', { as: ['x'] }), labelsOf()]),
  ],
  search: [
    spec(stratifiedKFold, () => [y(), 2], [labelsOf(),
      int(2, { max: 3 }, ['k'])]),
    spec(crossValidatePipeline, () => [numbers(), y(), folds(), model(),
      multiclassLogLoss], [any(), labelsOf(), any(),
      callback({ as: ['model'] }), callback({ as: ['score'] })],
    { expensive: true }),
    spec(parameterGrid, () => [{ C: [1, 10], scaler: ['robust'] }],
      [opts({ C: list(num(), { as: ['C'] }) })]),
    spec(gridSearch, () => [numbers(), y(), folds(), { C: [1] },
      () => model(), multiclassLogLoss], [any(), labelsOf(), any(),
      any(), callback({ as: ['make'] }), callback({ as: ['score'] })],
    { expensive: true }),
    spec(leakyAndProper, () => [numbers(), y(), folds(),
      scaler('standard'), model(), multiclassLogLoss], [any(),
      labelsOf(), any(), callback({ as: ['pre'] }),
      callback({ as: ['model'] }), callback({ as: ['score'] })],
    { expensive: true }),
    spec(nestedCrossValidation, () => [numbers(), y(), folds(), 2,
      { C: [1] }, () => model(), multiclassLogLoss], [any(), labelsOf(),
      any(), int(2, {}, ['innerK', 'k']), any(), any(), any()],
    { expensive: true }),
  ],
  experiments: [
    spec(leakageStudy, () => [{ ...settings }, { repeats: 2, seed: 1,
      indicators: 'raw' }], [setting, opts({
      repeats: int(2, {}, ['repeats']), seed: int(0, {}, ['seed']),
      indicators: choice(['raw', 'scaled'], ['indicators']) })],
    { expensive: true }),
    spec(indicatorStudy, () => [100], [num({ gt: 0 }, ['C', 'settings'])],
      { expensive: true }),
    spec(gapRows, () => [], []),
    spec(nestedStudy, () => [], [], { expensive: true }),
    spec(scalingOutlier, () => [37_500], [num({ gt: 0 }, ['grams'])]),
    spec(transformedRows, () => [{ ...settings }], [setting]),
    spec(selectionLeak, () => [{ n: 20, d: 5, k: 2, repeats: 1 }],
      [opts({ n: int(10, {}, ['n']), d: int(2, {}, ['d']),
        k: int(1, { max: 5 }, ['k']), repeats: int(1, {}, ['repeats']),
        seed: int(0, {}, ['seed']) })], { expensive: true }),
    spec(islandFit, () => [0, 1, [2, 0, 1]], [any(),
      num({ min: 0 }, ['lambda_']), list(int(0, { max: 2 }),
        { as: ['order', 'permutation'] })]),
    spec(checkCount, () => ['caller', 'count', 3, 1], [any(), any(),
      int(1, {}, ['count']), any()], { name: 'caller' }),
    spec(checkSettings, () => ['caller', { ...settings }], [any(),
      setting], { name: 'caller' }),
  ],
  checks: [
    spec(checkFrame, () => ['caller', frame()], [any(),
      list(any(), { as: ['X'] })], { name: 'caller' }),
    spec(checkRows, () => ['caller', [0, 1], 3], [any(),
      list(int(0, { max: 2 }), { as: ['row', 'indices'] }), any()],
    { name: 'caller' }),
    spec(checkLabelsFor, () => ['caller', y(), 6], [any(),
      labelsOf(), any()], { name: 'caller' }),
    spec(checkChoice, () => ['caller', 'kind', 'a', ['a', 'b']], [any(),
      any(), choice(['a', 'b'], ['kind']), any()], { name: 'caller' }),
    spec(checkCv, () => ['caller', numbers(), y(), folds(),
      { score: multiclassLogLoss }], [any(), any(), labelsOf(), any(),
      opts({ score: callback({ as: ['score'] }) })], { name: 'caller' }),
  ],
});
