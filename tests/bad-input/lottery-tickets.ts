// Bad-input specs for chapter "lottery-tickets" (tests/bad-input.ts).
// Models and tensors are `any()`: their checks are the MLP chapter's.
import { Tensor } from '../../code/autodiff/tensor.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { mlp } from '../../code/multilayer-perceptron/mlp.ts';
import { sgd } from '../../code/neural-optimizers/optimizers.ts';
import {
  applyMask, fullMask, maskedRule, prunable, remaining,
} from '../../code/lottery-tickets/mask.ts';
import {
  layerRates, pruneLayer, pruneMask, randomMask,
} from '../../code/lottery-tickets/prune.ts';
import { rewind, snapshot } from '../../code/lottery-tickets/rewind.ts';
import { earlyStop, trainTicket } from '../../code/lottery-tickets/train.ts';
import {
  imp, oneShotMask, trainFresh,
} from '../../code/lottery-tickets/imp.ts';
import { downsample, fashionSplit } from '../../code/lottery-tickets/data.ts';
import { pruneGlobal } from '../../code/lottery-tickets/solutions/global.ts';
import {
  checkCount, checkEarlyStop, checkFunction, checkImp, checkMaskArray,
  checkMaskList, checkModel, checkOptions, checkRate, checkRng,
  checkSizes, checkTicket, checkValues, checkWeightsMask,
} from '../../code/lottery-tickets/checks.ts';
import {
  any, callback, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const bits = (as?: string | string[]) => vec('n', { values: [0, 1], as });
/** Masks of layers of any sizes. */
const free = () => vec('n*', { values: [0, 1], as: 'mask' });
const rate = (as: string) => num({ min: 0, lt: 1 }, as);
/** Two 2 × 2 weight matrices (size 4 each) and their masks. */
const tensors = () => [new Tensor(new Float64Array(4).fill(0.5), [2, 2],
  true), new Tensor(Float64Array.of(1, -1, 2, -2), [2, 2], true)];
const halves = () => [Float64Array.of(1, 0, 1, 0), Float64Array.of(0, 1,
  1, 1)];
const net = () => mlp([2, 2, 2], 'relu', createRng(1));
const data = () => {
  const rng = createRng(2);
  const part = () => ({ X: new Matrix(6, 2, rng.normalArray(12)),
    y: Int32Array.of(0, 1, 0, 1, 1, 0) });
  return { train: part(), val: part(), test: part() };
};
const ticketOpts = () => ({ iterations: 2, batchSize: 3, eta: 0.1,
  evalEvery: 1, seed: 0, optimizer: () => sgd() });
const ticketArg = opts({ iterations: int(1), batchSize: int(1, { max: 6 }),
  eta: num({ gt: 0 }), evalEvery: int(1, { max: 2 }), seed: int(0),
  optimizer: callback() }, ['iterations', 'batchSize', 'eta', 'evalEvery',
  'seed', 'optimizer']);

export const badInput = groups({
  pruning: [
    spec(prunable, () => [net()], [any()]),
    spec(applyMask, () => [tensors(), halves()], [any(), list(bits())]),
    spec(maskedRule, () => [sgd(), tensors(), halves()],
      [callback({ as: 'rule' }), any(), list(bits())]),
    spec(remaining, () => [halves()], [list(free())]),
    spec(fullMask, () => [tensors()], [any()]),
    spec(pruneLayer, () => [Float64Array.of(1, -2, 3), Float64Array.of(1,
      1, 0), 0.5], [vec('n'), bits(), rate('rate')]),
    spec(layerRates, () => [3, 0.2], [int(1, {}, 'layers'), rate('p')]),
    spec(pruneMask, () => [[Float64Array.of(1, -2, 3, 4),
      Float64Array.of(5, 6, -7, 8)], halves(), [0.5, 0.25]],
    [list(vec('n')), list(bits()), list(rate('rates'))]),
    spec(randomMask, () => [halves(), createRng(3)],
      [list(free()), any()]),
    spec(pruneGlobal, () => [[Float64Array.of(1, -2, 3, 4),
      Float64Array.of(5, 6, -7, 8)], halves(), 0.5],
    [list(vec('n')), list(bits()), rate('rate')]),
    spec(oneShotMask, () => [[Float64Array.of(1, -2, 3, 4),
      Float64Array.of(5, 6, -7, 8)], [0.5, 0.25], 2],
    [list(vec('n*'), { as: ['trained', 'weights'] }),
      list(rate('rates'), { as: 'rates' }), int(0, {}, 'k')]),
  ],
  training: [
    spec(snapshot, () => [net()], [any()]),
    spec(rewind, () => {
      const m = net();
      return [m, snapshot(m), fullMask(prunable(m))];
    }, [any(), list(vec('n*'), { as: 'theta0' }), list(bits())]),
    spec(earlyStop, () => [[3, 2, 1]], [vec(undefined,
      { as: 'valLoss' })]),
    spec(trainTicket, () => {
      const m = net();
      return [m, fullMask(prunable(m)), data(), ticketOpts()];
    }, [any(), list(bits()), any(), ticketArg]),
    spec(imp, () => [data(), { sizes: [2, 2, 2], seed: 1, rounds: 1,
      p: 0.5, train: ticketOpts() }], [any(), opts({
      sizes: list(int(1), { as: 'sizes' }), seed: int(0), rounds: int(0),
      p: rate('p') }, ['sizes', 'seed', 'rounds', 'p', 'train'])]),
    spec(trainFresh, () => {
      const m = net();
      return [[2, 2, 2], fullMask(prunable(m)), 4, data(), ticketOpts()];
    }, [list(int(1), { as: 'sizes' }), any(), int(0, {}, 'seed'), any(),
      any()]),
    spec(downsample, () => [new Matrix(2, 784)], [mat('n', 784, 'X')]),
    spec(fashionSplit, () => [10, 10, 10], [int(1, {}, 'nTrain'),
      int(1, {}, 'nVal'), int(1, {}, 'nTest')], { expensive: true }),
  ],
  checks: [
    spec(checkModel, () => ['caller', net()], [any(), any()],
      { name: 'caller' }),
    spec(checkRate, () => ['caller', 'p', 0.5], [any(), any(),
      rate('p')], { name: 'caller' }),
    spec(checkMaskArray, () => ['caller', 'm', Float64Array.of(1, 0), 2],
      [any(), any(), vec(2, { values: [0, 1], as: 'm' }), any()],
      { name: 'caller' }),
    spec(checkValues, () => ['caller', 'w', Float64Array.of(1, 2), 2],
      [any(), any(), vec(2, { as: 'w' }), any()], { name: 'caller' }),
    spec(checkWeightsMask, () => ['caller', tensors(), halves()],
      [any(), any(), list(bits('mask'))], { name: 'caller' }),
    spec(checkMaskList, () => ['caller', 'mask', halves()],
      [any(), any(), list(free(), { as: 'mask' })],
      { name: 'caller' }),
    spec(checkCount, () => ['caller', 'k', 3, 1], [any(), any(),
      int(1, {}, 'k'), any()], { name: 'caller' }),
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkFunction, () => ['caller', 'f', () => 0], [any(), any(),
      callback({ as: 'f' })], { name: 'caller' }),
    spec(checkOptions, () => ['caller', {}], [any(), any()],
      { name: 'caller' }),
    spec(checkEarlyStop, () => [[1, 2]], [vec(undefined,
      { as: 'valLoss' })], { name: 'earlyStop' }),
    spec(checkTicket, () => {
      const m = net();
      return [m, fullMask(prunable(m)), data(), ticketOpts()];
    }, [any(), list(bits()), any(), ticketArg], { name: 'trainTicket' }),
    spec(checkImp, () => [{ sizes: [2, 2], seed: 1, rounds: 1, p: 0.5,
      train: {} }], [opts({ sizes: list(int(1), { as: 'sizes' }),
      seed: int(0), rounds: int(0), p: rate('p') },
    ['sizes', 'seed', 'rounds', 'p', 'train'])], { name: 'imp' }),
    spec(checkSizes, () => ['caller', [2, 3]], [any(),
      list(int(1), { as: 'sizes' })], { name: 'caller' }),
  ],
});
