// Bad-input specs for chapter "residual-networks" (tests/bad-input.ts).
// Layers, tensors and generators cannot be corrupted by the generator:
// they are `any()`, and the checks that refuse them are called here
// with such values through the shared `check*` specs.
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import {
  Block, Identity, Projection, ZeroPad, residualFunction,
} from '../../code/residual-networks/block.ts';
import { netDepth, stackNet } from '../../code/residual-networks/net.ts';
import {
  gradientNorms, trainCurves,
} from '../../code/residual-networks/experiments.ts';
import { PreActBlock } from '../../code/residual-networks/solutions/preact.ts';
import {
  checkBlock, checkCurves, checkGradientNorms, checkInt, checkLayer,
  checkNet, checkRng, checkWidths,
} from '../../code/residual-networks/checks.ts';
import {
  any, choice, groups, int, list, num, opts, spec,
} from '../bad-input.ts';

const net = () => stackNet({ input: 2, classes: 2, widths: [2],
  blocks: 1, residual: true }, createRng(1));
const data = () => ({ X: new Matrix(4, 2, Float64Array.of(1, 0, 0, 1,
  1, 1, 0, 0)), y: Int32Array.of(0, 1, 1, 0) });
const netFields = {
  input: int(1), classes: int(1), widths: list(int(1), { as: 'widths' }),
  blocks: int(1),
};
const NET_KEYS = ['input', 'classes', 'widths', 'blocks', 'residual'];
const curveFields = { epochs: int(1), batchSize: int(1),
  eta: num({ gt: 0 }), momentum: num({ min: 0, lt: 1 }), seed: int(0),
  every: int(1) };
const CURVE_KEYS = ['epochs', 'batchSize', 'eta', 'momentum', 'seed'];
const curveOpts = () => ({ epochs: 1, batchSize: 2, eta: 0.1,
  momentum: 0.9, seed: 1, every: 1 });

export const badInput = groups({
  blocks: [
    spec(residualFunction, () => [2, 3, createRng(1)],
      [int(1, {}, 'dIn'), int(1, {}, 'dOut'), any()]),
    spec((dIn: number, dOut: number) => new ZeroPad(dIn, dOut),
      () => [3, 3], [int(1, { max: 3 }, 'dIn'), int(3, {}, 'dOut')],
      { name: 'ZeroPad', covers: [ZeroPad], names: ['dIn', 'dOut'] }),
    spec((dIn: number, dOut: number) => new Projection(dIn, dOut,
      createRng(1)), () => [2, 3],
    [int(1, {}, 'dIn'), int(1, {}, 'dOut')],
    { name: 'Projection', covers: [Projection], names: ['dIn', 'dOut'] }),
    spec((d: number) => new PreActBlock(d, createRng(1)), () => [2],
      [int(1, {}, 'd')],
      { name: 'PreActBlock', covers: [PreActBlock], names: ['d'] }),
    spec((f: unknown) => new Block(f as Sequential, new Identity()),
      () => [residualFunction(2, 2, createRng(1))], [any()],
      { name: 'Block', covers: [Block, Identity], names: ['f'] }),
  ],
  networks: [
    spec(stackNet, () => [{ input: 2, classes: 2, widths: [2, 3],
      blocks: 1, residual: true, option: 'B' }, createRng(1)],
    [opts({ ...netFields, option: choice(['A', 'B', 'C']) }, NET_KEYS),
      any()]),
    spec(netDepth, () => [{ widths: [2, 3], blocks: 2 }],
      [opts({ widths: netFields.widths, blocks: int(1) },
        ['widths', 'blocks'])]),
    spec(gradientNorms, () => [net(), data().X, data().y],
      [any(), any(), any()]),
    spec(trainCurves, () => [net(), data(), data(), curveOpts()],
      [any(), any(), any(), opts(curveFields, CURVE_KEYS)]),
  ],
  checks: [
    spec(checkInt, () => ['caller', 'k', 2], [any(), any(),
      int(1, {}, 'k')], { name: 'caller' }),
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkWidths, () => ['caller', 2, 3, createRng(1)],
      [any(), int(1, {}, 'dIn'), int(1, {}, 'dOut'), any()],
      { name: 'caller' }),
    spec(checkLayer, () => ['caller', 'shortcut', new Identity()],
      [any(), any(), any()], { name: 'caller' }),
    spec(checkBlock, () => [residualFunction(2, 2, createRng(1)), null],
      [any(), any()], { name: 'Block' }),
    spec(checkNet, () => [{ input: 2, classes: 2, widths: [2],
      blocks: 1, residual: false }, createRng(1)],
    [opts(netFields, NET_KEYS), any()], { name: 'stackNet' }),
    spec(checkGradientNorms, () => [net(), data().X, data().y],
      [any(), any(), any()], { name: 'gradientNorms' }),
    spec(checkCurves, () => [net(), curveOpts()],
      [any(), opts(curveFields, CURVE_KEYS)], { name: 'trainCurves' }),
  ],
});
