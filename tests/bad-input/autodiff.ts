// Bad-input specs for chapter "autodiff" (tests/bad-input.ts). The
// methods of Tensor and Value take tensors, which the generator cannot
// corrupt; their checks have their own tests in tests/autodiff.test.ts.
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  crossEntropy,
  crossEntropyComposed,
  logSoftmax,
  logSoftmaxComposed,
} from '../../code/autodiff/fused.ts';
import {
  logisticLossGraph,
  logisticValueAndGradient,
} from '../../code/autodiff/logistic.ts';
import {
  gradientForward,
  gradientReverse,
} from '../../code/autodiff/modes.ts';
import { precisionStudy } from '../../code/autodiff/precision.ts';
import { Value, topologicalOrder } from '../../code/autodiff/scalar.ts';
import { layerNorm } from '../../code/autodiff/solutions/layer-norm.ts';
import {
  Tensor,
  gradOf,
  noGrad,
  record,
} from '../../code/autodiff/tensor.ts';
import {
  any, callback, groups, int, list, mat, num, spec, str, vec,
} from '../bad-input.ts';

const logits = () => new Tensor([1, 2, 3, -1, 0, 4], [2, 3], true);
const Xs = () => new Matrix(4, 2, Float64Array.of(1, 2, -1, 0, 3, 1,
  0.5, -2));
const ys = () => Float64Array.of(1, 0, 1, 0);

export const badInput = groups({
  engine: [
    spec((x: number) => new Value(x), () => [1.5], [num({}, 'number')],
      { name: 'Value', covers: [Value], names: ['data'] }),
    spec(topologicalOrder, () => [new Value(1)], [any()]),
    spec((data: Float64Array, shape: number[]) => new Tensor(data, shape),
      () => [Float64Array.of(1, 2, 3, 4, 5, 6), [2, 3]],
      [vec(undefined, { as: 'data', minLength: 0 }),
        list(int(1), { as: 'shape', minLength: 0 })],
      { name: 'Tensor', covers: [Tensor], names: ['data', 'shape'],
        expensive: false }),
    spec(noGrad, () => [() => 1], [callback({ as: 'function' })]),
    spec(record, () => [
      'record', Float64Array.of(1, 2), [2],
      [new Tensor([1, 2], [2], true)],
      () => {},
    ], [str({ as: ['fn', 'record'] }), vec(undefined, { as: ['result', 'data'], minLength: 0 }),
      any(), any(), callback({ as: 'backward' })]),
    spec(gradOf, () => [new Tensor([1], [1], true)], [any()]),
  ],
  fused: [
    spec(logSoftmax, () => [logits()], [any()]),
    spec(logSoftmaxComposed, () => [logits()], [any()]),
    spec(crossEntropy, () => [logits(), [2, 0]],
      [any(), vec(2, { integer: true, min: 0, max: 2, as: 'targets' })]),
    spec(crossEntropyComposed, () => [logits(), [2, 0]],
      [any(), vec(2, { integer: true, min: 0, max: 2, as: 'targets' })]),
    spec(layerNorm, () => [logits(), 1e-5],
      [any(), num({ gt: 0 }, 'eps')]),
  ],
  studies: [
    spec(gradientForward, () => [Float64Array.of(1, 2, 3)], [vec('n')]),
    spec(gradientReverse, () => [Float64Array.of(1, 2, 3)], [vec('n')]),
    spec(logisticLossGraph, () => [Xs(), ys(),
      new Tensor([0.1, 0.2, -0.3], [3], true), 1],
    [mat('n', 'd'), vec('n', { as: ['y', 'labels'] }), any(),
      num({ min: 0 }, 'lambda_')]),
    spec(logisticValueAndGradient, () => [Xs(), ys(),
      Float64Array.of(0.1, 0.2, -0.3), 1],
    [mat('n', 'd'), vec('n', { as: ['y', 'labels'] }),
      vec(3, { as: ['θ', 'theta'] }), num({ min: 0 }, 'lambda_')]),
    spec(precisionStudy, () => [8, 1],
      [int(4, {}, 'size'), num({ gt: 0 }, 'budgetMs')],
      { expensive: true }),
  ],
});
