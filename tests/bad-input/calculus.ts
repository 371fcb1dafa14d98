// Bad-input specs for chapter "Calculus for machine learning"
// (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  crossEntropyDual,
  crossEntropyGradient,
  crossEntropyLoss,
  logits,
} from '../../code/calculus/classifier.ts';
import { dataPath, readVerified } from '../../code/calculus/data-file.ts';
import {
  add, cos, div, dual, exp, lift, log, logSumExpDual, mul, neg, pow,
  sigmoid, sin, sub, tanh, variable, type Dual,
} from '../../code/calculus/dual.ts';
import {
  derivativeErrors,
  irisGradients,
  linearizationGap,
  threeVariables,
  wiggle,
  wiggleDerivative,
} from '../../code/calculus/experiments.ts';
import {
  derivative,
  directionalDerivative,
  gradient,
  jacobian,
  jvp,
} from '../../code/calculus/forward.ts';
import {
  leastSquares,
  leastSquaresGradient,
  leastSquaresHessian,
  quadraticForm,
  quadraticFormGradient,
  quadraticFormHessian,
} from '../../code/calculus/identities.ts';
import { IRIS_SHA256, irisPath, loadIris } from '../../code/calculus/iris.ts';
import {
  circleImages,
  doubleWell,
  doubleWellGradient,
  polar,
  polarJacobian,
} from '../../code/calculus/maps.ts';
import {
  hessianCheck,
  jacobianCheck,
  numericalHessian,
  numericalJacobian,
} from '../../code/calculus/numerical.ts';
import {
  naiveLogSumExp,
  naiveSoftmax,
} from '../../code/calculus/overflow.ts';
import {
  logSoftmax,
  logSumExp,
  softmax,
  softmaxJacobian,
  softmaxVjp,
} from '../../code/calculus/softmax.ts';
import {
  any, groups, int, labels, list, mat, num, opts, spec, str, vec,
} from '../bad-input.ts';
import { M } from './linear-algebra.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const tol = opts({ rtol: num({ min: 0 }), atol: num({ min: 0 }),
  h: num({ gt: 0 }) });
/** f(x) = x0 + x1², on duals. */
const sum2 = (x: Dual[]) => add(x[0], mul(x[1], x[1]));
/** F(x) = (x0 x1, x0), on duals and on numbers, and its Jacobian. */
const pairDual = (x: Dual[]) => [mul(x[0], x[1]), x[0]];
const pair = (x: Float64Array) => f64(x[0] * x[1], x[0]);
const pairJac = (x: Float64Array) => new Matrix(2, 2, f64(x[1], x[0], 1, 0));
const dualOp = (f: (...a: number[]) => Dual, ...xs: number[]) =>
  spec(f, () => xs, xs.map(() => num()));
const W = () => M(3, 5);
const X = () => M(4, 4);
const y = () => Int32Array.of(0, 1, 2, 1);
// W has k rows, one a class; fewer than 3 leave a label without one
const model = [mat('k', 5, ['W', 'labels']), mat('n', 4),
  labels('n', [0, 1, 2])];
const scores = [vec(undefined, { as: ['z', 'scores'] })];

export const badInput = groups({
  duals: [
    spec(dual, () => [1, 2], [num(), num({}, ['deriv', 'derivative'])]),
    dualOp(variable, 1),
    spec(lift, () => ['caller', 1], [any(), num({}, ['a', 'value'])],
      { name: 'caller' }),
    ...[add, sub, mul].map((f) => spec(f, () => [1, 2],
      [num({}, ['a', 'value']), num({}, ['b', 'value'])])),
    spec(div, () => [1, 2],
      [num({}, ['a', 'value']), num({ not: [0] }, ['b', 'zero', 'value'])]),
    ...[neg, exp, sin, cos, tanh, sigmoid].map((f) =>
      spec(f, () => [0.5], [num({}, ['a', 'value'])])),
    spec(log, () => [0.5], [num({ gt: 0 }, ['a', 'value'])]),
    spec(pow, () => [2, 1.5],
      [num({ min: 0 }, ['a', 'base', 'value']), num({}, ['p', 'exponent'])]),
    spec(logSumExpDual, () => [[1, variable(2)]],
      [list(num(), { as: ['z', 'value', 'entry'] })]),
  ],
  forward: [
    spec(derivative, () => [sin, 0.5], [any(), num()]),
    spec(directionalDerivative, () => [sum2, f64(1, 2), f64(0, 1)],
      [any(), vec('n'), vec('n')]),
    spec(gradient, () => [sum2, f64(1, 2)], [any(), vec('n')]),
    spec(jvp, () => [pairDual, f64(1, 2), f64(0, 1)],
      [any(), vec('n'), vec('n')]),
    spec(jacobian, () => [pairDual, f64(1, 2)], [any(), vec('n')]),
    spec(numericalJacobian, () => [pair, f64(1, 2), 1e-5],
      [any(), vec(), num({ gt: 0 })]),
    spec(numericalHessian, () => [pair, f64(1, 2), 1e-5],
      [any(), vec(), num({ gt: 0 })]),
    spec(jacobianCheck, () => [pair, pairJac, f64(1, 2), {}],
      [any(), any(), vec(2), tol]),
    spec(hessianCheck, () => [pair, pairJac, f64(1, 2), {}],
      [any(), any(), vec(2), tol]),
  ],
  softmax: [
    spec(logSumExp, () => [f64(1, 2, 3)], scores),
    spec(softmax, () => [f64(1, 2, 3)], scores),
    spec(logSoftmax, () => [f64(1, 2, 3)], scores),
    spec(softmaxJacobian, () => [f64(1, 2, 3)], scores),
    spec(softmaxVjp, () => [f64(1, 2, 3), f64(1, 0, 0)],
      [vec('n', { as: ['z', 'scores'] }), vec('n', { as: ['v', 'scores'] })]),
    spec(naiveLogSumExp, () => [f64(1, 2, 3)], [vec()]),
    spec(naiveSoftmax, () => [f64(1, 2, 3)], [vec()]),
  ],
  classifier: [
    // logits reads row i of X only, and checks only it: one row here
    spec(logits, () => [W(), M(1, 4), 0],
      [mat('k', 5), mat('n', 4), int(0, { max: 0 }, ['i', 'row'])]),
    spec(crossEntropyLoss, () => [W(), X(), y()], model),
    spec(crossEntropyGradient, () => [W(), X(), y()], model),
    spec(crossEntropyDual,
      () => [Array.from({ length: 15 }, (_, t) => variable(t / 15)), X(),
        y(), 3],
      [list(any(), { dims: [15], as: ['w', 'weights'] }), mat('n', 4),
        labels('n', [0, 1, 2]),
        int(3, { max: 3 }, ['k', 'labels', 'weights'])]),
  ],
  identities: [
    spec(quadraticForm, () => [M(3, 3), f64(1, 2, 3)],
      [mat('n', 'n'), vec('n')]),
    spec(quadraticFormGradient, () => [M(3, 3), f64(1, 2, 3)],
      [mat('n', 'n'), vec('n')]),
    spec(quadraticFormHessian, () => [M(3, 3)], [mat('n', 'n')]),
    spec(leastSquares, () => [M(3, 2), f64(1, 2, 3), f64(1, 2)],
      [mat('m', 'n'), vec('m'), vec('n')]),
    spec(leastSquaresGradient, () => [M(3, 2), f64(1, 2, 3), f64(1, 2)],
      [mat('m', 'n'), vec('m'), vec('n')]),
    spec(leastSquaresHessian, () => [M(3, 2)], [mat('m', 'n')]),
  ],
  maps: [
    spec(doubleWell, () => [f64(1, 2)], [vec(2, { as: ['p', 'point'] })]),
    spec(doubleWellGradient, () => [f64(1, 2)],
      [vec(2, { as: ['p', 'point'] })]),
    spec(polar, () => [f64(1, 2)], [vec(2, { as: ['u', 'point'] })]),
    spec(polarJacobian, () => [f64(1, 2)], [vec(2, { as: ['u', 'point'] })]),
    spec(circleImages, () => [polar, polarJacobian(f64(1, 2)), f64(1, 2),
      0.1, 8], [any(), mat(2, 2), vec(2, { as: ['u', 'point'] }),
      num({ gt: 0 }), int(3)]),
  ],
  experiments: [
    spec(wiggle, () => [0.5], [num({}, ['x', 'value'])]),
    spec(wiggleDerivative, () => [0.5], [num()]),
    spec(derivativeErrors, () => [[0.5, 1], [1, 2]],
      [vec('n'), vec('n', { not: [0] })]),
    spec(threeVariables, () => [[variable(1), 2, 3]],
      [list(num(), { dims: [3], as: ['x', 'value', 'inputs'] })]),
    spec(linearizationGap, () => [f64(1, 2), 0.1],
      [vec(2, { as: ['u', 'point'] }), num({ gt: 0 })]),
    spec(irisGradients, () => [M(3, 5), 10], [mat(3, 5), num()]),
  ],
  data: [
    spec(dataPath, () => ['data/iris/iris.csv'], [str()]),
    spec(readVerified, () => ['caller', irisPath(), IRIS_SHA256, 'README'],
      [any(), str({ path: true, as: ['path', 'file'] }), any(), any()],
      { name: 'caller' }),
    spec(loadIris, () => [irisPath()],
      [str({ path: true, as: ['path', 'file'] })]),
  ],
});
