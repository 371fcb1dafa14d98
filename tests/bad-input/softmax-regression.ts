// Bad-input specs for chapter "Softmax regression" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { digitsPath, loadDigits } from
  '../../code/softmax-regression/digits.ts';
import {
  digitsRows,
  irisColumns,
  irisStudy,
  overflowStudy,
  redundancyStudy,
  twoClassStudy,
} from '../../code/softmax-regression/experiments.ts';
import {
  centredObjective,
  fitSoftmax,
  referenceObjective,
} from '../../code/softmax-regression/fit.ts';
import {
  accuracyOf,
  confusionMatrix,
} from '../../code/softmax-regression/metrics.ts';
import {
  checkLabels,
  checkParams,
  classScores,
  oneHot,
  predictClass,
  predictProba,
  softmaxGradient,
  softmaxHessian,
  softmaxLoss,
} from '../../code/softmax-regression/model.ts';
import { softmaxHvp } from '../../code/softmax-regression/solutions/hvp.ts';
import {
  fitOneVsRest,
  oneVsRestProba,
} from '../../code/softmax-regression/solutions/one-vs-rest.ts';
import {
  any, groups, int, labels, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Three overlapping classes in the plane. */
const X = () => new Matrix(9, 2, f64(0, 0, 1, 0, 0, 1, 2, 2, 3, 2, 2, 3,
  1, 1, 0, 2, 2, 0));
const y = () => Int32Array.of(0, 0, 0, 1, 1, 1, 2, 2, 2);
const Theta = () => new Matrix(3, 3, f64(0.1, -0.2, 0.1, 0.3, 0, -0.3,
  -0.1, 0.2, -0.1));
const lab = labels('n', [0, 1, 2], ['y', 'labels']);
const theta = mat(3, 'K', ['Θ', 'Theta']);
const lambda = num({ min: 0 }, ['lambda_']);
const model = [mat('n', 'd'), lab, theta, lambda];
/** K >= 3 here: fewer leaves label 2 without a class. */
const K = int(3, {}, ['K', 'class', 'labels', 'y']);
/** Labels 0, 1, 2, ... when no K says how many. */
const anyLabels = vec('n', { min: 0, integer: true, as: ['y', 'labels'] });

export const badInput = groups({
  model: [
    spec(checkLabels, () => ['caller', X(), y(), 3], [any(), mat('n', 'd'),
      lab, K], { name: 'caller' }),
    spec(checkParams, () => ['caller', X(), Theta()], [any(),
      mat('n', 'd'), theta], { name: 'caller' }),
    spec(oneHot, () => [y(), 3], [lab, K]),
    spec(classScores, () => [X(), Theta()], [mat('n', 'd'), theta]),
    spec(predictProba, () => [X(), Theta()], [mat('n', 'd'), theta]),
    spec(predictClass, () => [X(), Theta()], [mat('n', 'd'), theta]),
    spec(softmaxLoss, () => [X(), y(), Theta(), 0.5], model),
    spec(softmaxGradient, () => [X(), y(), Theta(), 0.5], model),
    spec(softmaxHessian, () => [X(), Theta(), 0.5], [mat('n', 'd'),
      theta, lambda]),
  ],
  fit: [
    spec(centredObjective, () => [X(), y(), 3, 0.5], [mat('n', 'd'), lab,
      K, lambda]),
    spec(referenceObjective, () => [X(), y(), 3, 0.5], [mat('n', 'd'), lab,
      K, lambda]),
    spec(fitSoftmax, () => [X(), y(), { lambda_: 0.5 }], [mat('n', 'd'),
      anyLabels, opts({ lambda_: lambda, K, maxIter: int(1),
        tol: num({ min: 0 }) })]),
    spec(accuracyOf, () => [y(), y().reverse()], [anyLabels,
      { ...anyLabels, as: ['yHat'] }]),
    spec(confusionMatrix, () => [y(), y().reverse(), 3],
      [labels('n', [0, 1, 2]), labels('n', [0, 1, 2]), K]),
  ],
  experiments: [
    spec(loadDigits, () => [digitsPath()],
      [str({ path: true, as: ['path', 'file'] })]),
    spec(irisColumns, () => [[2, 3]], [list(int(0, { max: 3 }),
      { as: ['cols'] })]),
    spec(irisStudy, () => [[2, 3]], [list(int(0, { max: 3 }),
      { as: ['cols'] })]),
    spec(digitsRows, () => [[0, 5, 9]], [list(int(0, { max: 1796 }),
      { as: ['rows'] })]),
    spec(twoClassStudy, () => [1], [lambda]),
    spec(redundancyStudy, () => [11], [int(0, { max: 2 ** 53 - 1 })]),
    spec(overflowStudy, () => [100], [num({ gt: 0 })]),
  ],
  solutions: [
    spec(softmaxHvp, () => [X(), Theta(), Theta(), 0.5], [mat('n', 'd'),
      theta, mat(3, 'K', ['V', 'direction']), lambda]),
    spec(fitOneVsRest, () => [X(), y(), 3, 0.5], [mat('n', 'd'), lab, K,
      lambda]),
    spec(oneVsRestProba, () => [X(), [f64(0, 1, -1), f64(0.5, 0, 1)]],
      [mat('n', 'd'), list(vec(3, { as: ['θ', 'theta'] }),
        { minLength: 2, as: ['thetas', 'θ', 'theta'] })]),
  ],
});
