// Bad-input specs for chapter "initialization-and-normalization"
// (tests/bad-input.ts). Tensors, layers and generators cannot be
// corrupted by the generator: they are `any()`, and their checks have
// their own tests in tests/initialization-and-normalization.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import {
  initLinear, initWeights, schemeVariance,
} from '../../code/initialization-and-normalization/init.ts';
import {
  standardize, standardizeComposed,
} from '../../code/initialization-and-normalization/standardize.ts';
import { BatchNorm } from '../../code/initialization-and-normalization/batchnorm.ts';
import { LayerNorm } from '../../code/initialization-and-normalization/layernorm.ts';
import {
  Dropout, dropoutWithMask,
} from '../../code/initialization-and-normalization/dropout.ts';
import { depthStats } from '../../code/initialization-and-normalization/depth.ts';
import {
  deepNet, trainAndEvaluate,
} from '../../code/initialization-and-normalization/experiments.ts';
import { rmsNorm } from '../../code/initialization-and-normalization/solutions/rms-norm.ts';
import {
  orthogonalWeights,
} from '../../code/initialization-and-normalization/solutions/orthogonal.ts';
import {
  checkAffine, checkAxis, checkBatch2d, checkDeepNet, checkDropP,
  checkEps, checkMask, checkMomentum, checkOn, checkRng, checkScheme,
  checkSize, checkTrainEval,
} from '../../code/initialization-and-normalization/checks.ts';
import {
  any, choice, groups, int, list, num, opts, spec, vec,
} from '../bad-input.ts';

const SCHEMES = ['xavier-uniform', 'xavier-normal', 'he-uniform',
  'he-normal', 'torch-default'];
const x = () => new Tensor([1, 2, 3, 4, 5, 7], [3, 2]);
const ones = () => new Tensor([1, 1], [2], true);
const zeros = () => new Tensor([0, 0], [2], true);
const eps = num({ gt: 0 }, 'eps');
const data = () => ({ X: new Matrix(4, 2, Float64Array.of(1, 0, 0, 1,
  1, 1, 0, 0)), y: Int32Array.of(0, 1, 1, 0) });

export const badInput = groups({
  init: [
    spec(schemeVariance, () => ['he-normal', 3, 2],
      [choice(SCHEMES, 'scheme'), int(1, {}, 'fanIn'),
        int(1, {}, 'fanOut')]),
    spec(initWeights, () => ['he-normal', 3, 2, createRng(1)],
      [choice(SCHEMES, 'scheme'), int(1, {}, 'fanIn'),
        int(1, {}, 'fanOut'), any()], { name: 'schemeVariance' }),
    spec(initLinear, () => ['xavier-uniform', 3, 2, createRng(1)],
      [choice(SCHEMES, 'scheme'), int(1, {}, 'fanIn'),
        int(1, {}, 'fanOut'), any()], { name: 'schemeVariance' }),
    spec(orthogonalWeights, () => [3, createRng(1), 1],
      [int(1, {}, 'd'), any(), num({ gt: 0 }, 'gain')]),
    spec(depthStats, () => [{ depth: 2, width: 3, batch: 2,
      activation: 'relu', weights: (a: number, b: number) =>
        new Float64Array(a * b).fill(0.1) }, createRng(1)],
    [opts({ depth: int(1), width: int(1), batch: int(1),
      activation: choice(['relu', 'tanh']) },
    ['depth', 'width', 'batch', 'activation']), any()]),
  ],
  normalization: [
    spec(standardize, () => [x(), 0, 1e-5],
      [any(), num({ integer: true, min: 0, max: 1 }, 'axis'), eps]),
    spec(standardizeComposed, () => [x(), 1, 1e-5],
      [any(), num({ integer: true, min: 0, max: 1 }, 'axis'), eps]),
    spec((d: number, e: number, momentum: number) =>
      new BatchNorm(d, e, momentum), () => [2, 1e-5, 0.1],
    [int(1, {}, 'd'), num({ gt: 0 }, 'eps'),
      num({ gt: 0, max: 1 }, 'momentum')],
    { name: 'BatchNorm', covers: [BatchNorm], names: ['d', 'eps',
      'momentum'] }),
    spec((d: number, e: number) => new LayerNorm(d, e), () => [2, 1e-5],
      [int(1, {}, 'd'), num({ gt: 0 }, 'eps')],
      { name: 'LayerNorm', covers: [LayerNorm], names: ['d', 'eps'] }),
    spec(rmsNorm, () => [x(), ones(), 1e-5], [any(), any(), eps]),
    spec(dropoutWithMask, () => [x(), [1, 0, 1, 1, 0, 1], 0.5],
      [any(), vec(6, { integer: true, min: 0, max: 1, as: 'mask' }),
        num({ min: 0, lt: 1 }, 'p')]),
    spec((p: number) => new Dropout(p, createRng(1)), () => [0.5],
      [num({ min: 0, lt: 1 }, 'p')],
      { name: 'Dropout', covers: [Dropout], names: ['p'] }),
  ],
  training: [
    spec(deepNet, () => [{ sizes: [2, 3, 2], scheme: 'he-normal' },
      createRng(1)], [opts({ sizes: list(int(1), { as: 'sizes' }),
      scheme: choice(SCHEMES) }, ['sizes', 'scheme']), any()]),
    spec(trainAndEvaluate, () => [deepNet({ sizes: [2, 3, 2],
      scheme: 'he-normal' }, createRng(1)), data(), data(),
    { epochs: 1, batchSize: 2, eta: 0.1, seed: 1 }],
    [any(), any(), any(), opts({ epochs: int(1) }, ['epochs'])]),
  ],
  checks: [
    spec(checkSize, () => ['caller', 'n', 2],
      [any(), any(), int(1, {}, 'n')],
      { name: 'caller' }),
    spec(checkScheme, () => ['caller', 'he-normal', 2, 3],
      [any(), choice(SCHEMES, 'scheme'), int(1, {}, 'fanIn'),
        int(1, {}, 'fanOut')], { name: 'caller' }),
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkBatch2d, () => ['caller', x()], [any(), any()],
      { name: 'caller' }),
    spec(checkEps, () => ['caller', 1e-5], [any(), eps],
      { name: 'caller' }),
    spec(checkAxis, () => ['caller', 0],
      [any(), num({ integer: true, min: 0, max: 1 }, 'axis')],
      { name: 'caller' }),
    spec(checkAffine, () => ['caller', 2, ones(), zeros()],
      [any(), any(), any(), any()], { name: 'caller' }),
    spec(checkDropP, () => ['caller', 0.5],
      [any(), num({ min: 0, lt: 1 }, 'p')], { name: 'caller' }),
    spec(checkMomentum, () => ['caller', 0.1],
      [any(), num({ gt: 0, max: 1 }, 'momentum')], { name: 'caller' }),
    spec(checkOn, () => ['caller', true], [any(), any()],
      { name: 'caller' }),
    spec(checkMask, () => ['caller', x(), [1, 0, 1, 1, 0, 1]],
      [any(), any(), vec(6, { integer: true, min: 0, max: 1,
        as: 'mask' })], { name: 'caller' }),
    spec(checkDeepNet, () => [{ sizes: [2, 3], scheme: 'he-normal' },
      createRng(1)], [opts({ sizes: list(int(1), { as: 'sizes' }),
      scheme: choice(SCHEMES) }, ['sizes', 'scheme']), any()],
    { name: 'deepNet' }),
    spec(checkTrainEval, () => [new Sequential([initLinear('he-normal',
      2, 2, createRng(1))]), { epochs: 1 }],
    [any(), opts({ epochs: int(1) }, ['epochs'])],
    { name: 'trainAndEvaluate' }),
  ],
});
