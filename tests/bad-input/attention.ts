// Bad-input specs for chapter "attention" (tests/bad-input.ts). Tensors,
// masks and layers cannot be corrupted by the generator: they are
// `any()`, and their shape checks have their own tests in
// tests/attention.test.ts (the fully masked row among them).
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  attention, scaledDotProductAttention,
} from '../../code/attention/sdpa.ts';
import { composedAttention } from '../../code/attention/composed.ts';
import {
  broadcastMask, causalMask, combineMasks, maskFrom, paddingMask,
} from '../../code/attention/mask.ts';
import { mergeHeads, splitHeads } from '../../code/attention/heads.ts';
import { MultiHeadAttention } from '../../code/attention/mha.ts';
import {
  LearnedPositions, addSinusoidal, shiftPositions, sinusoidalPositions,
} from '../../code/attention/positions.ts';
import {
  dotVariance, softmaxSpread, softmaxTemperature,
} from '../../code/attention/scaling.ts';
import {
  ReverseModel, accuracy, reverseBatch, trainReverse,
} from '../../code/attention/reverse.ts';
import {
  attentionSmoother,
} from '../../code/attention/solutions/smoother.ts';
import {
  linearAttention, linearAttentionWeights,
} from '../../code/attention/solutions/linear.ts';
import { rotary } from '../../code/attention/solutions/rotary.ts';
import {
  checkMask, checkMaskFits, checkRank,
} from '../../code/attention/checks.ts';
import {
  any, choice, groups, int, num, opts, spec, vec,
} from '../bad-input.ts';

const t = (shape: number[]) => {
  let n = 1;
  for (const d of shape) n *= d;
  return new Tensor(createRng(n).normalArray(n), shape, true);
};
const qkv = () => [t([3, 4]), t([5, 4]), t([5, 2])];
const size = (as: string) => int(1, {}, as);
const attnOpts = opts({ scale: num({ gt: 0 }, 'scale') });
const revOpts = opts({ V: int(2, {}, 'V'), T: size('T'), E: size('E'),
  H: size('H'), steps: int(0, {}, 'steps'), batch: size('batch'),
  eta: num({ gt: 0 }, 'eta'), seed: int(0, {}, 'seed'),
  positions: choice(['learned', 'sinusoidal', 'none'], 'positions') },
['V', 'T', 'E', 'H', 'steps', 'batch', 'eta', 'seed']);
const revValid = () => ({ V: 3, T: 2, E: 2, H: 1, steps: 1, batch: 2,
  eta: 0.01, seed: 1, positions: 'learned' });
const model = () => new ReverseModel(3, 2, 2, 1, createRng(1));

export const badInput = groups({
  attention: [
    spec(attention, () => [...qkv(), { scale: 0.5 }],
      [any(), any(), any(), attnOpts]),
    spec(scaledDotProductAttention, () => [...qkv(), { scale: 0.5 }],
      [any(), any(), any(), attnOpts]),
    spec(composedAttention, () => [...qkv(), { scale: 0.5 }],
      [any(), any(), any(), attnOpts]),
    spec(causalMask, () => [3], [size('t')]),
    spec(paddingMask, () => [[2, 3], 3],
      [vec('B', { as: 'lengths', integer: true, min: 1, max: 3 }),
        size('t')]),
    spec(maskFrom, () => [[[0, 1], [0, 0]]], [any()]),
    spec(combineMasks, () => [causalMask(2), causalMask(2)],
      [any(), any()]),
    spec(broadcastMask, () => [causalMask(2), [3, 2, 2]],
      [any(), any()]),
    spec(splitHeads, () => [t([4, 6]), 2, 3],
      [any(), int(1, { not: [3] }, 'B'), int(1, { not: [4, 5] }, 'H')]),
    spec(mergeHeads, () => [t([2, 2, 3, 2])], [any()]),
  ],
  layers: [
    spec((E: number, H: number, rng: unknown) =>
      new MultiHeadAttention(E, H, rng as never), () => [4, 2,
      createRng(1)], [int(1, { not: [1, 3, 5, 7] }, 'embed'),
      int(1, { not: [3] }, 'heads'), any()],
    { name: 'MultiHeadAttention', covers: [MultiHeadAttention],
      names: ['embed', 'heads', 'rng'] }),
    spec(sinusoidalPositions, () => [3, 4, 0],
      [size('t'), size('d'), int(0, {}, 'start')]),
    spec(shiftPositions, () => [sinusoidalPositions(3, 4), 2],
      [any(), int(0, {}, 'k')]),
    spec(addSinusoidal, () => [t([2, 3, 4]), 1],
      [any(), int(0, {}, 'start')]),
    spec((maxLen: number, d: number, rng: unknown, std: number) =>
      new LearnedPositions(maxLen, d, rng as never, std), () => [4, 2,
      createRng(1), 0.02], [size('maxLen'), size('d'), any(),
      num({ gt: 0 }, 'std')],
    { name: 'LearnedPositions', covers: [LearnedPositions],
      names: ['maxLen', 'd', 'rng', 'std'] }),
    spec(dotVariance, () => [3, 10, createRng(1)],
      [size('d'), int(2, {}, 'n'), any()]),
    spec(softmaxSpread, () => [3, 4, 0.5, 2, createRng(1)],
      [size('d'), int(2, {}, 'Tk'), num({ gt: 0 }, 'scale'), size('n'),
        any()]),
    spec(softmaxTemperature, () => [[1, 2, 3], 0.5],
      [vec(undefined, { as: 'scores' }), num({ gt: 0 }, 'tau')]),
    spec(reverseBatch, () => [2, 3, 4, createRng(1)],
      [size('B'), size('T'), int(2, {}, 'V'), any()]),
    spec((V: number, T: number, E: number, H: number, rng: unknown) =>
      new ReverseModel(V, T, E, H, rng as never), () => [3, 2, 2, 1,
      createRng(1)], [any(), any(), any(), any(), any()],
    { name: 'ReverseModel', covers: [ReverseModel],
      names: ['V', 'T', 'E', 'H', 'rng'] }),
    spec(trainReverse, () => [revValid()], [revOpts]),
    spec(accuracy, () => [model(), Int32Array.of(0, 1), Int32Array.of(1,
      0)], [any(), any(), any()]),
  ],
  checks: [
    spec(checkRank, () => ['caller', 'x', t([2, 2]), 2, 2],
      [any(), any(), any(), any(), any()], { name: 'caller' }),
    spec(checkMask, () => ['caller', causalMask(2)], [any(), any()],
      { name: 'caller' }),
    spec(checkMaskFits, () => ['caller', 'mask', causalMask(2), [2, 2]],
      [any(), any(), any(), any()], { name: 'caller' }),
    spec(attentionSmoother, () => [new Matrix(3, 1,
      Float64Array.of(0, 1, 2)), Float64Array.of(1, 2, 3),
    new Matrix(1, 1, Float64Array.of(0.5)), 0.5],
    [any(), any(), any(), num({ gt: 0 }, 'tau')]),
    spec(linearAttention, () => [...qkv().map((x, i) =>
      i === 0 ? t([5, 4]) : x), false], [any(), any(), any(), any()]),
    spec(linearAttentionWeights, () => [t([5, 4]), t([5, 4]), true],
      [any(), any(), any()]),
    spec(rotary, () => [t([3, 4]), 1], [any(), int(0, {}, 'start')]),
  ],
});
