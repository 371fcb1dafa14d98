// Bad-input specs for chapter "convolutional-networks"
// (tests/bad-input.ts). Tensors, layers and generators cannot be
// corrupted by the generator: they are `any()`, and their shape checks
// have their own test in tests/convolutional-networks.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import {
  checkOptions, geometry, outputSize, receptiveField,
} from '../../code/convolutional-networks/geometry.ts';
import { col2im, im2col } from '../../code/convolutional-networks/im2col.ts';
import { conv2d, conv2dDirect } from '../../code/convolutional-networks/conv.ts';
import { avgPool2d, maxPool2d } from '../../code/convolutional-networks/pool.ts';
import {
  BatchNorm2d, channelsLast,
} from '../../code/convolutional-networks/batchnorm2d.ts';
import {
  Conv2d, Pool2d, Reshape, lenet,
} from '../../code/convolutional-networks/layers.ts';
import {
  convTranspose2d,
} from '../../code/convolutional-networks/solutions/transposed.ts';
import { shift } from '../../code/convolutional-networks/solutions/shift.ts';
import {
  pointwise,
} from '../../code/convolutional-networks/solutions/pointwise.ts';
import {
  any, choice, groups, int, list, num, opts, spec, vec,
} from '../bad-input.ts';

const x = () => new Tensor(new Float64Array(32).fill(1), [1, 2, 4, 4]);
const w = () => new Tensor(new Float64Array(18).fill(1), [1, 2, 3, 3]);
const w1 = () => new Tensor(new Float64Array(2).fill(1), [1, 2, 1, 1]);
const convOpts = () => opts({ stride: int(1), padding: int(0),
  dilation: int(1) });
const o = () => ({ stride: 1, padding: 0, dilation: 1 });
const g = () => geometry('test', x(), w(), {});

export const badInput = groups({
  geometry: [
    spec(outputSize, () => [7, 3, 1, 2, 1],
      [int(1, {}, 'h'), int(1, {}, 'k'), int(0, {}, 'p'),
        int(1, {}, 's'), int(1, {}, 'd')]),
    spec(receptiveField, () => [[{ k: 3, s: 1, d: 1 }]],
      [list(opts({ k: int(1), s: int(1), d: int(1) }, ['k']),
        { as: 'layers' })]),
    spec(geometry, () => ['caller', x(), w(), o()],
      [any(), any(), any(), convOpts()], { name: 'caller' }),
    spec(checkOptions, () => ['caller', o()], [any(), convOpts()],
      { name: 'caller' }),
    spec(im2col, () => [x().data, g()], [vec(32, { as: 'x' }), any()]),
    spec(col2im, () => [new Float64Array(18 * 4), g()],
      [vec(72, { as: 'cols' }), any()]),
  ],
  ops: [
    spec(conv2d, () => [x(), w(), null, o()],
      [any(), any(), any(), convOpts()]),
    spec(conv2dDirect, () => [x(), w(), null, o()],
      [any(), any(), any(), convOpts()]),
    spec(maxPool2d, () => [x(), 2, 2],
      [any(), int(1, { max: 4 }, 'k'), int(1, {}, 's')]),
    spec(avgPool2d, () => [x(), 2, 2],
      [any(), int(1, { max: 4 }, 'k'), int(1, {}, 's')]),
    spec(channelsLast, () => [x()], [any()]),
    spec(convTranspose2d, () => [new Tensor(new Float64Array(16),
      [1, 1, 4, 4]), w1(), 4, 4, o()],
    [any(), any(), int(1, {}, 'h'), int(1, {}, 'wd'), convOpts()]),
    spec(shift, () => [x(), 1, -1],
      [any(), num({ integer: true }, 'dy'), num({ integer: true }, 'dx')]),
    spec(pointwise, () => [x(), w1()], [any(), any()]),
  ],
  layers: [
    spec((c: number, e: number, m: number) => new BatchNorm2d(c, e, m),
      () => [2, 1e-5, 0.1], [int(1, {}, 'c'), num({ gt: 0 }, 'eps'),
        num({ gt: 0, max: 1 }, 'momentum')],
      { name: 'BatchNorm2d', covers: [BatchNorm2d],
        names: ['c', 'eps', 'momentum'] }),
    spec((c: number, co: number, k: number, oo: object) =>
      new Conv2d(c, co, k, createRng(1), oo), () => [2, 3, 3, o()],
    [int(1, {}, 'c'), int(1, {}, 'co'), int(1, {}, 'k'), convOpts()],
    { name: 'Conv2d', covers: [Conv2d], names: ['c', 'co', 'k', 'o'] }),
    spec((k: number, kind: 'max' | 'avg') => new Pool2d(k, kind),
      () => [2, 'max'], [int(1, {}, 'k'), choice(['max', 'avg'], 'kind')],
      { name: 'Pool2d', covers: [Pool2d], names: ['k', 'kind'] }),
    spec((shape: number[]) => new Reshape(shape), () => [[1, 28, 28]],
      [list(int(1), { as: 'shape' })],
      { name: 'Reshape', covers: [Reshape], names: ['shape'] }),
    spec(lenet, () => [createRng(1), 4], [any(), int(1, {}, 'hidden')]),
  ],
});
