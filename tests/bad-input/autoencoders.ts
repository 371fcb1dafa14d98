// Bad-input specs for chapter "autoencoders" (tests/bad-input.ts).
// Tensors and models are `any()`: the generator cannot corrupt them;
// their checks have their own tests in tests/autoencoders.test.ts.
import { Tensor } from '../../code/autodiff/tensor.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import { linear } from '../../code/multilayer-perceptron/layers.ts';
import { loadFashionSplit } from '../../code/autoencoders/data.ts';
import {
  decoderBasis, gaussianCloud, principalAngles,
} from '../../code/autoencoders/linear.ts';
import {
  bceWithLogits, l1Penalty, squaredError,
} from '../../code/autoencoders/losses.ts';
import {
  Autoencoder, autoencoder, decode, encodeAll, reconstruct,
} from '../../code/autoencoders/model.ts';
import {
  aeLoss, fitAutoencoder, maskNoise, reconstructionError,
} from '../../code/autoencoders/train.ts';
import {
  maskNoiseScaled,
} from '../../code/autoencoders/solutions/scaled-mask.ts';
import {
  TiedLinear, tiedLinearAutoencoder,
} from '../../code/autoencoders/solutions/tied.ts';
import {
  any, choice, groups, int, list, mat, num, opts, spec,
} from '../bad-input.ts';

const model = () => autoencoder({ sizes: [3, 2], activation: 'relu',
  output: 'sigmoid', seed: 1 });
const X = () => new Matrix(2, 3, Float64Array.of(0, 0.5, 1, 0.2, 0.4, 0.6));
const t = () => new Tensor([0.1, 0.9, 0.5, 0.5], [2, 2]);

export const badInput = groups({
  model: [
    spec(loadFashionSplit, () => [10, 10, 14],
      [int(1, { max: 12000 }, 'nTrain'), int(1, { max: 10000 }, 'nTest'),
        choice(['28', '14'], 'side')], { expensive: true }),
    spec((enc: Sequential, dec: Sequential, out: 'sigmoid') =>
      new Autoencoder(enc, dec, out),
    () => [new Sequential([linear(3, 2, createRng(1))]),
      new Sequential([linear(2, 3, createRng(2))]), 'sigmoid'],
    [any(), any(), choice(['sigmoid', 'linear'], 'output')],
    { name: 'Autoencoder', covers: [Autoencoder] }),
    spec(autoencoder, () => [{ sizes: [3, 2], activation: 'relu',
      output: 'sigmoid', seed: 1 }],
    [opts({ sizes: list(int(1), { minLength: 2 }), seed: int(0),
      activation: choice(['relu', 'tanh']),
      output: choice(['sigmoid', 'linear']) },
    ['sizes', 'activation', 'output', 'seed'])]),
    spec(encodeAll, () => [model(), X()], [any(), mat('n', 3)]),
    spec(reconstruct, () => [model(), X()], [any(), mat('n', 3)]),
    spec(decode, () => [model(), new Matrix(1, 2)],
      [any(), mat('n', 2, 'Z')]),
  ],
  losses: [
    spec(squaredError, () => [t(), t()], [any(), any()]),
    spec(bceWithLogits, () => [t(), t()], [any(), any()]),
    spec(l1Penalty, () => [t()], [any()]),
    spec(aeLoss, () => [model(), new Tensor(X().data, [2, 3]),
      new Tensor(X().data, [2, 3]), 'bce', 0.1],
    [any(), any(), any(), choice(['mse', 'bce'], 'loss'),
      num({ min: 0 }, 'lambda_')]),
  ],
  training: [
    spec(maskNoise, () => [X(), 0.5, createRng(1)],
      [mat('n', 'd'), num({ min: 0, lt: 1 }, 'nu'), any()]),
    spec(maskNoiseScaled, () => [X(), 0.5, createRng(1)],
      [mat('n', 'd'), num({ min: 0, lt: 1 }, 'nu'), any()]),
    spec(fitAutoencoder, () => [model(), X(), { epochs: 1, batchSize: 2,
      eta: 0.1, seed: 1, loss: 'bce', noise: 0.1, l1: 0.01 }],
    [any(), mat('n', 3), { ...opts({ epochs: int(1), batchSize: int(1),
      eta: num({ gt: 0 }), seed: int(0), loss: choice(['mse', 'bce']),
      noise: num({ min: 0, lt: 1 }), l1: num({ min: 0 }) },
    ['epochs', 'batchSize', 'eta', 'seed', 'loss']), as: 'options' }]),
    spec(reconstructionError, () => [model(), X(), X()],
      [any(), mat('n', 3), mat('n', 3, 'input')]),
  ],
  linear: [
    spec(principalAngles, () => [new Matrix(3, 1, Float64Array.of(1, 0,
      0)), new Matrix(3, 2, Float64Array.of(1, 0, 0, 1, 0, 0))],
    [mat('d', 'k', 'A'), mat('d', 'j', 'B')]),
    spec(decoderBasis, () => [autoencoder({ sizes: [3, 2],
      activation: 'relu', output: 'linear', seed: 1 })], [any()]),
    spec(gaussianCloud, () => [5, [2, 1], 1, 0],
      [int(2, {}, 'n'), list(num({ min: 0 }), { as: 'variances' }),
        int(0, {}, 'seed'), num({}, 'shift')]),
    spec(tiedLinearAutoencoder, () => [3, 2, 1],
      [int(1, {}, 'd'), int(1, {}, 'k'), int(0, {}, 'seed')]),
    spec((of: unknown) => new TiedLinear(of as never),
      () => [linear(3, 2, createRng(1))], [any()],
      { name: 'TiedLinear', covers: [TiedLinear] }),
  ],
});
