// Bad-input specs for chapter "Linear algebra in code" (tests/bad-input.ts).
import {
  bestTime,
  gflops,
  measureKernels,
  measureSpread,
  median,
} from '../../code/linear-algebra/benchmark.ts';
import {
  condEstAccuracy,
  growthExample,
  nearlyDependentExample,
  projectionMatrixCheck,
} from '../../code/linear-algebra/examples.ts';
import { hilbert, hilbertStudy } from '../../code/linear-algebra/hilbert.ts';
import {
  blockedKernel,
  blockedProduct,
  ikjKernel,
  naiveKernel,
} from '../../code/linear-algebra/matmul.ts';
import {
  Matrix,
  add,
  addVec,
  checkFinite,
  dot,
  fromRows,
  hadamard,
  identity,
  matmul,
  matmulWith,
  matvec,
  norm,
  scale,
  scaleVec,
  shapeOf,
  sub,
  subVec,
  transpose,
  zeros,
} from '../../code/linear-algebra/matrix.ts';
import { project } from '../../code/linear-algebra/project.ts';
import { det, logAbsDet } from '../../code/linear-algebra/solutions/det.ts';
import {
  growthMatrix,
} from '../../code/linear-algebra/solutions/growth.ts';
import {
  projectionMatrix,
} from '../../code/linear-algebra/solutions/projection-matrix.ts';
import {
  condEst,
  luFactor,
  luSolve,
  solve,
  solveNoPivot,
} from '../../code/linear-algebra/solve.ts';
import {
  any, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** A well-conditioned n x m matrix with distinct entries. */
export const M = (m: number, n: number, shift = 0) =>
  new Matrix(m, n, Float64Array.from({ length: m * n }, (_, t) =>
    (t % (n + 1) === 0 && m === n ? 4 : 0) + Math.sin(t + 1 + shift)));
const seed = int(0, { max: 2 ** 53 - 1 });
/** The factors of a 3 x 3 matrix, as luFactor returns them. */
const lu = () => luFactor(M(3, 3));
const luArg = opts({ lu: mat('n', 'n'), perm: vec('n',
  { values: [0, 1, 2] }), norm1: num({ min: 0 }) });
const method = (m: 'get' | 'set' | 'row' | 'col') =>
  (...a: number[]) => (M(2, 3)[m] as (...b: number[]) => unknown)(...a);
const cols = int(0, { max: 2 }, ['j', 'index']);
const rows = int(0, { max: 1 }, ['i', 'index']);

export const badInput = groups({
  matrices: [
    spec((r: number, c: number, d?: Float64Array) => new Matrix(r, c, d),
      () => [2, 2, f64(1, 2, 3, 4)],
      // the constructor wraps data as it is; functions check finiteness
      [int(1, {}, ['rows', 'sizes']), int(1, {}, ['cols', 'sizes']),
        vec(4, { nonfinite: true, as: ['data', 'entries'] })],
      { name: 'Matrix', covers: [Matrix], names: ['rows', 'cols', 'data'] }),
    spec(method('get'), () => [1, 2], [rows, cols],
      { name: 'Matrix.get', covers: [Matrix], names: ['i', 'j'] }),
    spec(method('set'), () => [1, 2, 5],
      [rows, cols, num({}, ['v', 'number'])],
      { name: 'Matrix.set', covers: [Matrix], names: ['i', 'j', 'v'] }),
    spec(method('row'), () => [1], [rows],
      { name: 'Matrix.row', covers: [Matrix], names: ['i'] }),
    spec(method('col'), () => [2], [cols],
      { name: 'Matrix.col', covers: [Matrix], names: ['j'] }),
    // for error messages: anything goes, a number is "number"
    spec(shapeOf, () => [f64(1, 2)], [any()]),
    spec(checkFinite, () => ['caller', 'x', f64(1, 2)],
      [any(), any(), vec(undefined, { minLength: 0 })],
      { name: 'caller' }),
    spec(fromRows, () => [[[1, 2], [3, 4]]], [list(vec('c'))]),
    spec(zeros, () => [2, 3],
      [int(1, {}, ['rows', 'sizes']), int(1, {}, ['cols', 'sizes'])]),
    spec(identity, () => [3], [int(1, {}, ['n', 'sizes'])]),
    spec(transpose, () => [M(2, 3)], [mat('m', 'n')]),
  ],
  operations: [
    spec(add, () => [M(2, 3), M(2, 3, 1)], [mat('m', 'n'), mat('m', 'n')]),
    spec(sub, () => [M(2, 3), M(2, 3, 1)], [mat('m', 'n'), mat('m', 'n')]),
    spec(hadamard, () => [M(2, 3), M(2, 3, 1)],
      [mat('m', 'n'), mat('m', 'n')]),
    spec(scale, () => [M(2, 3), 2], [mat('m', 'n'), num()]),
    spec(addVec, () => [f64(1, 2), f64(3, 4)],
      [vec('n', { minLength: 0 }), vec('n', { minLength: 0 })]),
    spec(subVec, () => [f64(1, 2), f64(3, 4)],
      [vec('n', { minLength: 0 }), vec('n', { minLength: 0 })]),
    spec(scaleVec, () => [f64(1, 2), 3], [vec('n', { minLength: 0 }), num()]),
    spec(dot, () => [f64(1, 2), f64(3, 4)],
      [vec('n', { minLength: 0 }), vec('n', { minLength: 0 })]),
    spec(norm, () => [f64(3, 4)], [vec('n', { minLength: 0 })]),
    spec(matvec, () => [M(2, 3), f64(1, 2, 3)], [mat('m', 'n'), vec('n')]),
    spec(matmul, () => [M(2, 3), M(3, 2)], [mat('m', 'k'), mat('k', 'n')]),
    // matmulWith(kernel, ...) reports as matmul(<kernel's name>)
    spec(matmulWith, () => [ikjKernel, M(2, 3), M(3, 2)],
      [any(), mat('m', 'k'), mat('k', 'n')], { name: 'matmul' }),
  ],
  kernels: [naiveKernel, ikjKernel, blockedKernel].map((k) =>
    spec(k, () => [M(2, 3).data, M(3, 2).data, 2, 3, 2],
      [vec(6), vec(6), int(1, {}, ['m', 'sizes']), int(1, {}, ['k', 'sizes']),
        int(1, {}, ['n', 'sizes'])])).concat([
    // values are not scanned: NaN and Infinity are valid entries here
    spec(blockedProduct, () => [M(2, 3).data, M(3, 2).data, 2, 3, 2],
      [vec(6, { nonfinite: true, as: ['A', 'entries'] }),
        vec(6, { nonfinite: true, as: ['B', 'entries'] }),
        int(1, {}, ['m', 'sizes']), int(1, {}, ['k', 'sizes']),
        int(1, {}, ['n', 'sizes'])])]),
  solving: [
    spec(luFactor, () => [M(3, 3)], [mat('n', 'n')]),
    spec(luSolve, () => [lu(), f64(1, 2, 3)], [luArg, vec('n')]),
    spec(condEst, () => [lu()], [luArg]),
    spec(solve, () => [M(3, 3), f64(1, 2, 3)], [mat('n', 'n'), vec('n')]),
    spec(solveNoPivot, () => [M(3, 3), f64(1, 2, 3)],
      [mat('n', 'n'), vec('n')]),
    spec(project, () => [M(4, 2), f64(1, 2, 3, 4)],
      [mat('m', 'n'), vec('m')]),
    spec(hilbert, () => [3], [int(1)]),
    spec(hilbertStudy, () => [4], [int(2)]),
    spec(condEstAccuracy, () => [3, 5], [int(1), seed]),
    // the exercises' solutions and the examples the prose quotes
    ...[det, logAbsDet].map((f) => spec(f, () => [lu()],
      [opts({ lu: mat('n', 'n'), sign: num({ min: -1, max: 1, not: [0] }) },
        ['lu', 'sign'])])),
    spec(growthMatrix, () => [4], [int(1)]),
    spec(projectionMatrix, () => [M(4, 2)], [mat('m', 'n')]),
    spec(nearlyDependentExample, () => [2], [seed]),
    spec(growthExample, () => [5, 1], [int(1), seed]),
    spec(projectionMatrixCheck, () => [31], [seed]),
  ],
  timing: [
    spec(bestTime, () => [() => 0, 1], [any(), num({ gt: 0, lt: 1e6 })]),
    spec(gflops, () => [64, 2], [num({ min: 1 }), num({ gt: 0 })]),
    spec(measureKernels, () => [[2], 1, 2],
      [list(int(1)), num({ gt: 0, lt: 1e6 }), seed]),
    spec(measureSpread, () => [[2], 1, 2, 2],
      [list(int(1)), num({ gt: 0, lt: 1e6 }), int(1), seed]),
    spec(median, () => [[3, 1, 2]], [vec()]),
  ],
});
