// Bad-input specs for chapter "lstm-and-gru" (tests/bad-input.ts).
// Tensors and cells cannot be corrupted by the generator: they are
// `any()`, and the cells' checks of shapes and states have their own
// test in tests/lstm-and-gru.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { columns } from '../../code/lstm-and-gru/columns.ts';
import { LSTMCell, lstmCell } from '../../code/lstm-and-gru/lstm.ts';
import { GRUCell, gruCell } from '../../code/lstm-and-gru/gru.ts';
import { GatedCell } from '../../code/lstm-and-gru/gated-cell.ts';
import { fromTorch } from '../../code/lstm-and-gru/torch.ts';
import { fused } from '../../code/lstm-and-gru/fused.ts';
import {
  markedBatch, trainLagTask,
} from '../../code/lstm-and-gru/lag-task.ts';
import { choGruStep } from '../../code/lstm-and-gru/solutions/cho-gru.ts';
import {
  peepholeStep,
} from '../../code/lstm-and-gru/solutions/peephole.ts';
import {
  reorderGates,
} from '../../code/lstm-and-gru/solutions/gate-order.ts';
import {
  check2d, checkCellSizes, checkCellWeights, checkColumns, checkFused,
  checkLagOptions, checkMarkedBatch, checkReorder, checkStep,
  checkTorchWeights, zeroState,
} from '../../code/lstm-and-gru/checks.ts';
import {
  any, choice, groups, int, num, opts, spec, str, vec,
} from '../bad-input.ts';

const t23 = () => new Tensor([1, 2, 3, 4, 5, 6], [2, 3], true);
const lstm = () => lstmCell(2, 3, createRng(1));
const gru = () => gruCell(2, 3, createRng(1));
const x = () => new Tensor([0.5, -1], [1, 2]);
const h = () => new Tensor([0.1, 0.2, 0.3], [1, 3]);
const torchWeights = () => {
  const c = lstm();
  return { weight_ih_l0: c.Wih.data, weight_hh_l0: c.Whh.data,
    bias_ih_l0: c.bih.data, bias_hh_l0: c.bhh.data };
};
const weightArgs = (G: number) => () => {
  const w = (n: number, m?: number) => new Tensor(
    new Float64Array(n * (m ?? 1)), m ? [n, m] : [n], true);
  return [w(G * 3, 2), w(G * 3, 3), w(G * 3), w(G * 3)];
};
const lagOpts = opts({ lag: int(1), steps: int(1), batch: int(1),
  eta: num({ gt: 0 }), seed: int(0) },
['lag', 'steps', 'batch', 'eta', 'seed']);
const lagValid = () => ({ lag: 2, steps: 1, batch: 2, eta: 0.01,
  seed: 1 });
const size = (as: string) => int(1, {}, as);

export const badInput = groups({
  cells: [
    spec(columns, () => [t23(), 1, 2],
      [any(), int(0, { max: 2 }, 'start'), int(1, { max: 2 }, 'width')]),
    spec(lstmCell, () => [2, 3, createRng(1), 1],
      [size('d'), size('H'), any(), num({}, 'forgetBias')]),
    spec(gruCell, () => [2, 3, createRng(1)],
      [size('d'), size('H'), any()]),
    spec((a: Tensor, b: Tensor, c: Tensor, d: Tensor) =>
      new LSTMCell(a, b, c, d), weightArgs(4), [any(), any(), any(),
      any()], { name: 'LSTMCell', covers: [LSTMCell, GatedCell],
      names: ['Wih', 'Whh', 'bih', 'bhh'] }),
    spec((a: Tensor, b: Tensor, c: Tensor, d: Tensor) =>
      new GRUCell(a, b, c, d), weightArgs(3), [any(), any(), any(),
      any()], { name: 'GRUCell', covers: [GRUCell],
      names: ['Wih', 'Whh', 'bih', 'bhh'] }),
    spec(fromTorch, () => ['lstm', 2, 3, torchWeights(), 0],
      [choice(['lstm', 'gru'], 'kind'), size('d'), size('H'), any(),
        int(0, {}, 'layer')]),
    spec(fused, () => [lstm()], [any()]),
    spec(markedBatch, () => [3, 2, createRng(1)],
      [size('lag'), size('batch'), any()]),
    spec(trainLagTask, () => [lstm(), lagValid()], [any(), lagOpts]),
    spec(choGruStep, () => [gru(), x(), [h()]], [any(), any(), any()]),
    spec(peepholeStep, () => [lstm(), { pi: h().reshape([3]),
      pf: h().reshape([3]), po: h().reshape([3]) }, x(), [h(), h()]],
    [any(), any(), any(), any()]),
    spec(reorderGates, () => [[1, 2, 3, 4, 5, 6, 7, 8], 2, 'ifgo',
      'iofg'], [vec(8, { as: 'w' }), int(1, { not: [3] }, 'H'),
      str({ as: 'from' }), str({ as: 'to' })],
    { names: ['w', 'H', 'from', 'to'] }),
  ],
  checks: [
    spec(check2d, () => ['caller', 't', t23(), 3], [any(), any(), any(),
      any()], { name: 'caller' }),
    spec(checkColumns, () => ['caller', t23(), 0, 1],
      [any(), any(), int(0, { max: 2 }, 'start'),
        int(1, { max: 3 }, 'width')], { name: 'caller' }),
    spec(checkCellWeights, () => ['caller', ...weightArgs(4)(), 4],
      [any(), any(), any(), any(), any(), any()], { name: 'caller' }),
    spec(checkStep, () => ['caller', lstm(), x(), [h(), h()], 2],
      [any(), any(), any(), any(), any()], { name: 'caller' }),
    spec(zeroState, () => ['caller', 2, 3],
      [any(), size('batch'), any()], { name: 'caller' }),
    spec(checkCellSizes, () => ['caller', 2, 3, createRng(1), 1],
      [any(), size('d'), size('H'), any(), num({}, 'forgetBias')],
      { name: 'caller' }),
    spec(checkTorchWeights, () => ['caller', 'lstm', 2, 3,
      torchWeights(), 0], [any(), choice(['lstm', 'gru'], 'kind'),
      size('d'), size('H'), any(), int(0, {}, 'layer')],
    { name: 'caller' }),
    spec(checkMarkedBatch, () => ['caller', 2, 3, createRng(1)],
      [any(), size('lag'), size('batch'), any()], { name: 'caller' }),
    spec(checkLagOptions, () => ['caller', lstm(), lagValid()],
      [any(), any(), lagOpts], { name: 'caller' }),
    spec(checkFused, () => ['caller', gru()], [any(), any()],
      { name: 'caller' }),
    spec(checkReorder, () => ['caller', [1, 2, 3, 4], 1, 'ab', 'ba'],
      [any(), vec(4, { as: 'w' }), int(1, { not: [3] }, 'H'), any(),
        any()], { name: 'caller' }),
  ],
});
