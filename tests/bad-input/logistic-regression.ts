// Bad-input specs for chapter "Logistic regression" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  accuracy,
  breastCancerHoldout,
  breastCancerPath,
  fitBreastCancer,
  loadBreastCancer,
} from '../../code/logistic-regression/breast-cancer.ts';
import {
  columns,
  convergenceOrder,
  convergenceStudy,
} from '../../code/logistic-regression/experiments.ts';
import {
  fitLogisticGD,
  fitLogisticNewton,
  irlsStep,
  logisticObjective,
  margin,
  minimizerDistanceBound,
  smoothness,
} from '../../code/logistic-regression/fit.ts';
import {
  checkLabels,
  checkTheta,
  logisticGradient,
  logisticHessian,
  logisticLoss,
  logits,
  predictProba,
} from '../../code/logistic-regression/model.ts';
import {
  logLikelihoodTerm,
  naiveCrossEntropy,
  naiveLog1pExp,
  sigmoid,
} from '../../code/logistic-regression/sigmoid.ts';
import { logisticData } from '../../code/logistic-regression/synthetic.ts';
import {
  any, groups, int, labels, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const seed = int(0, { max: 2 ** 53 - 2 });
/** Overlapping classes: no separating line, so a maximum exists. */
const X = () => new Matrix(8, 2, f64(0, 1, 1, 0, 2, 1, 1, 2, 0, 0, 2, 2,
  1, 1, 3, 1));
const y = () => f64(0, 0, 1, 1, 1, 0, 0, 1);
const theta = () => f64(0.1, -0.2, 0.3);
const data = [mat('n', 'd'), labels('n', [0, 1])];
const lambda = num({ min: 0 }, ['lambda_']);
const model = [...data, vec(3, { as: ['θ', 'theta'] }), lambda];
const fitOpts = opts({ lambda_: lambda, maxIter: int(1),
  tol: num({ min: 0 }) });
const newtonRun = () => fitLogisticNewton(X(), y()).run;

export const badInput = groups({
  model: [
    spec(checkLabels, () => ['caller', X(), y()], [any(), ...data],
      { name: 'caller' }),
    spec(checkTheta, () => ['caller', X(), theta()], [any(), any(),
      vec(3, { as: ['θ', 'theta'] })], { name: 'caller' }),
    spec(logits, () => [X(), theta()], [mat('n', 'd'), vec(3,
      { as: ['θ', 'theta'] })]),
    spec(predictProba, () => [X(), f64(0.5, -1), 0.2],
      [mat('n', 'd'), vec('d'), num()]),
    spec(logisticLoss, () => [X(), y(), theta(), 0.5], model),
    spec(logisticGradient, () => [X(), y(), theta(), 0.5], model),
    spec(logisticHessian, () => [X(), theta(), 0.5], [mat('n', 'd'),
      vec(3, { as: ['θ', 'theta'] }), lambda]),
  ],
  sigmoid: [
    spec(sigmoid, () => [0.5], [num({}, ['z'])]),
    spec(logLikelihoodTerm, () => [0.5, 1], [num({}, ['z']),
      num({ not: [0.5] }, ['y'])]),
    spec(naiveLog1pExp, () => [0.5], [num({}, ['z'])]),
    spec(naiveCrossEntropy, () => [0.5, 1], [num({}, ['z']),
      num({ not: [0.5] }, ['y'])]),
  ],
  fit: [
    spec(margin, () => [X(), y(), theta()], [...data,
      vec(3, { as: ['θ', 'theta'] })]),
    spec(logisticObjective, () => [X(), y(), 0.5, 'caller'],
      [...data, lambda, any()], { name: 'caller' }),
    spec(fitLogisticNewton, () => [X(), y(), {}], [...data, fitOpts]),
    spec(fitLogisticGD, () => [X(), y(), { maxIter: 2000, tol: 1e-4 }],
      [...data, opts({ lambda_: lambda, maxIter: int(1),
        tol: num({ min: 0 }), eta: num({ gt: 0 }) })]),
    spec(smoothness, () => [X(), 0.5], [mat('n', 'd'), lambda]),
    spec(irlsStep, () => [X(), y(), theta(), 0.5], model),
    spec(minimizerDistanceBound, () => [X(), y(), theta(), 0.5], model),
    spec(logisticData, () => [{ seed: 1, n: 5, w: [1, 2] }],
      [opts({ seed, n: int(1), w: list(num()), b: num() },
        ['seed', 'n', 'w'])]),
  ],
  study: [
    spec(accuracy, () => [y(), f64(0.1, 0.2, 0.9, 0.8, 0.6, 0.4, 0.3, 0.7)],
      [labels('n', [0, 1]), vec('n', { min: 0, max: 1 })]),
    spec(columns, () => [X(), [1, 0]], [mat('n', 'd'),
      list(int(0, { max: 1 }), { as: ['idx', 'column'] })]),
    spec(convergenceOrder, () => [newtonRun()], [opts({
      history: list(opts({ gradNorm: num({ gt: 0 }) }),
        { minLength: 4 }) }, ['history'])]),
    spec(convergenceStudy, () => [3], [int(1)]),
    spec(loadBreastCancer, () => [breastCancerPath()],
      [str({ path: true, as: ['path', 'file'] })]),
    spec(fitBreastCancer, () => [1], [lambda]),
    spec(breastCancerHoldout, () => [1, 569, 0.25],
      [lambda, int(0, { max: 2 ** 53 - 1 }), num({ gt: 0, lt: 1 })]),
  ],
});
