// Bad-input specs for chapter "multilayer-perceptron"
// (tests/bad-input.ts). Layers, models and tensors cannot be corrupted
// by the generator: they are `any()`, and their checks have their own
// tests in tests/multilayer-perceptron.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import {
  activate,
} from '../../code/multilayer-perceptron/activations.ts';
import { fitOneD, target } from '../../code/multilayer-perceptron/approx.ts';
import {
  twoLayerBackprop,
} from '../../code/multilayer-perceptron/backprop.ts';
import { erf } from '../../code/multilayer-perceptron/erf.ts';
import {
  loadFashionTrain,
} from '../../code/multilayer-perceptron/fashion.ts';
import { Act, Linear, linear } from '../../code/multilayer-perceptron/layers.ts';
import {
  Sequential,
  mlp,
  parameterCount,
} from '../../code/multilayer-perceptron/mlp.ts';
import { deadFraction } from '../../code/multilayer-perceptron/pitfalls.ts';
import {
  sgdStepDecay,
} from '../../code/multilayer-perceptron/solutions/weight-decay.ts';
import {
  batchOf,
  evaluate,
  fit,
  sgdStep,
  trainStep,
  zeroGrad,
} from '../../code/multilayer-perceptron/train.ts';
import {
  checkBatch, checkData, checkEta, checkFit, checkLabels, checkModel,
  checkParams, checkStep, checkTrainStep, withModel,
} from '../../code/multilayer-perceptron/checks.ts';
import {
  any, callback, choice, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const X = () => new Matrix(3, 2, Float64Array.of(1, 0, 0, 1, 1, 1));
const y = () => Int32Array.of(0, 1, 1);
const net = () => mlp([2, 3, 2], 'relu', createRng(1));
const withGrad = () => {
  const w = new Tensor([1, 2], [2], true);
  w.mul(w).sum().backward();
  return [w];
};
const two = () => ({
  W1: new Matrix(2, 3, Float64Array.of(1, 2, 3, 4, 5, 6)),
  b1: Float64Array.of(0, 0, 0),
  W2: new Matrix(3, 2, Float64Array.of(1, 0, 0, 1, 1, 1)),
  b2: Float64Array.of(0, 0),
});
const yv = (n: number | string) => vec(n, { integer: true, min: 0,
  max: 1, as: ['y', 'label'] });

/** Labels whose number of classes the function does not know. */
const anyLab = (n: number | string) => vec(n, { integer: true, min: 0,
  as: ['y', 'label'] });

export const badInput = groups({
  layers: [
    spec(erf, () => [0.5], [num({ infinite: true }, 'x')]),
    spec(activate, () => [new Tensor([1, 2], [2]), 'relu'],
      [any(), choice(['relu', 'leakyRelu', 'sigmoid', 'tanh', 'gelu',
        'geluTanh'], 'name')]),
    spec(linear, () => [3, 2, createRng(1), 'he'],
      [int(1, {}, 'fanIn'), int(1, {}, 'fanOut'), any(),
        choice(['he', 'xavier'], 'init')]),
    spec((W: Tensor, b: Tensor) => new Linear(W, b),
      () => [new Tensor([1, 2], [1, 2], true), new Tensor([0, 0], [2],
        true)], [any(), any()], { name: 'Linear', covers: [Linear] }),
    spec((name: 'relu') => new Act(name), () => ['relu'],
      [choice(['relu', 'tanh'], 'name')],
      { name: 'activate', covers: [Act] }),
    spec((layers: Linear[]) => new Sequential(layers),
      () => [[linear(2, 2, createRng(1))]], [any()],
      { name: 'Sequential', covers: [Sequential] }),
    spec(mlp, () => [[2, 3, 2], 'relu', createRng(1)],
      [list(int(1), { as: ['sizes', 'fanIn', 'fanOut'] }),
        choice(['relu', 'tanh'], ['activation', 'name']), any()]),
    spec(parameterCount, () => [net()], [any()]),
    spec(target, () => [0.3], [any()]),
    spec(fitOneD, () => [2, 2, 0.1, 1, 8],
      [int(1, {}, 'q'), int(0, {}, 'steps'), num({ gt: 0 }, 'eta'), any(),
        int(2, {}, 'n')], { expensive: true }),
    spec(twoLayerBackprop, () => [X(), y(), two(), 'tanh'],
      [mat('n', 'd'), yv('n'), any(), choice(['tanh', 'relu'], 'act')]),
  ],
  training: [
    spec(zeroGrad, () => [withGrad()], [any()]),
    spec(sgdStep, () => [withGrad(), 0.1],
      [any(), num({ gt: 0 }, 'eta')]),
    spec(sgdStepDecay, () => [withGrad(), 0.1, 0.5],
      [any(), num({ gt: 0 }, 'eta'), num({ min: 0 }, 'lambda_')]),
    spec(trainStep, () => [net(), new Tensor([1, 0, 0, 1, 1, 1], [3, 2]),
      y(), 0.1], [any(), any(), yv(3), num({ gt: 0 }, 'eta')]),
    // X is any(): batchOf checks only the rows it copies (a check of
    // all of X on every minibatch would cost more than the step).
    spec(batchOf, () => [X(), y(), [0, 2]],
      [any(), vec(3, { integer: true, min: 0, as: 'y' }), vec(undefined, { integer: true, min: 0,
        max: 2, as: 'idx' })]),
    spec(evaluate, () => [net(), X(), y()],
      [any(), mat('n', 2), yv('n')]),
    spec(fit, () => [net(), X(), y(),
      { epochs: 1, batchSize: 2, eta: 0.1, seed: 1 }],
    [any(), mat('n', 2), yv('n'), opts({
      epochs: int(1), batchSize: int(1), eta: num({ gt: 0 }),
      seed: int(0),
    }, ['epochs', 'batchSize', 'eta', 'seed'])]),
    spec(deadFraction, () => [net().layers[0] as Linear, X()],
      [any(), mat('n', 2)]),
    spec(loadFashionTrain, () => [], []),
  ],
  checks: [
    spec(checkParams, () => ['caller', withGrad()], [any(), any()],
      { name: 'caller' }),
    spec(checkEta, () => ['caller', 0.1], [any(), num({ gt: 0 }, 'eta')],
      { name: 'caller' }),
    spec(checkStep, () => ['caller', withGrad(), 0.1],
      [any(), any(), num({ gt: 0 }, 'eta')], { name: 'caller' }),
    spec(checkModel, () => ['caller', net()], [any(), any()],
      { name: 'caller' }),
    spec(checkLabels, () => ['caller', y(), 3], [any(), anyLab(3), any()],
      { name: 'caller' }),
    spec(checkData, () => ['caller', X(), y()],
      [any(), mat('n', 'd'), anyLab('n')], { name: 'caller' }),
    spec(checkTrainStep, () => [net(), new Tensor([1, 0, 0, 1, 1, 1],
      [3, 2]), y(), 0.1], [any(), any(), anyLab(3), num({ gt: 0 }, 'eta')],
    { name: 'trainStep' }),
    spec(checkFit, () => [net(), X(), y(),
      { epochs: 1, batchSize: 2, eta: 0.1, seed: 1 }],
    [any(), mat('n', 'd'), anyLab('n'), opts({
      epochs: int(1), batchSize: int(1), eta: num({ gt: 0 }),
      seed: int(0),
    }, ['epochs', 'batchSize', 'eta', 'seed'])], { name: 'fit' }),
    spec(checkBatch, () => [X(), y(), [0, 2]],
      [any(), vec(3, { integer: true, min: 0, as: 'y' }),
        vec(undefined, { integer: true, min: 0, max: 2, as: 'idx' })],
      { name: 'batchOf' }),
    spec(withModel, () => ['caller', () => 1],
      [any(), callback({ as: 'go' })], { name: 'caller' }),
  ],
});
