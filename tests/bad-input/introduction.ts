// Bad-input specs for chapter "Introduction" (tests/bad-input.ts).
import {
  allClose,
  assertAllClose,
  centralDifference,
  forwardDifference,
  gradientCheck,
  numericalGradient,
  optimalCentralStep,
  optimalForwardStep,
  relativeError,
} from '../../code/introduction/check.ts';
import {
  bestStep,
  logLogSlope,
  moduloInt,
  momentTable,
  naiveShuffle,
  normalChiSquare,
  shuffleChiSquare,
  stepSweep,
  thirdsChiSquare,
  uniformChiSquare,
} from '../../code/introduction/experiments.ts';
import {
  calledAs,
  requireBetween,
  requireFinite,
  requireFinites,
  requireFunction,
  requireFiniteArray,
  requireIndex,
  requireInteger,
  requireInterval,
  requirePaired,
  requirePositive,
  requireProbabilities,
  requireProbability,
} from '../../code/introduction/checks.ts';
import {
  Rng,
  createRng,
  jumpState,
  JUMP_2_64,
  splitmix64,
  xoshiroNext,
} from '../../code/introduction/random.ts';
import {
  chiSquare,
  histogram,
  moments,
  normalDensity,
  normalProbability,
} from '../../code/introduction/stats.ts';
import {
  any, callback, groups, int, list, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const sq = (x: Float64Array) => x.reduce((s, v) => s + v * v, 0);
const sqGrad = (x: Float64Array) => x.map((v) => 2 * v);
const tol = opts({ rtol: num({ min: 0 }), atol: num({ min: 0 }) });
const seed = int(0, { max: 2 ** 53 - 1 });
const rng = () => createRng(1);
/** A method of a fresh generator, as a function for the harness. */
const method = (m: keyof Rng) =>
  (...a: unknown[]) => (createRng(1)[m] as (...b: unknown[]) => unknown)(
    ...a);

/** A shared check, called as the function `caller` would call it. */
const check = (f: (...a: any[]) => void, valid: () => unknown[],
  args: ReturnType<typeof num>[], names: string[]) =>
  spec(f, () => ['caller', ...valid()], [any(), ...args],
    { name: 'caller', names: ['fn', ...names] });

export const badInput = groups({
  shared: [
    check(requireFinite, () => ['x', 1], [any(), num()], ['name', 'x']),
    check(requirePositive, () => ['x', 1], [any(), num({ gt: 0 })],
      ['name', 'x']),
    check(requireProbability, () => ['p', 0.5],
      [any(), num({ min: 0, max: 1 })], ['name', 'p']),
    check(requireFiniteArray, () => ['xs', [1, 2]], [any(), vec()],
      ['name', 'xs']),
    check(requireProbabilities, () => ['p', [0.5, 0.5]],
      [any(), vec(undefined, { min: 0, max: 1 })], ['name', 'p']),
    check(requireIndex, () => ['k', 1, 3], [any(), int(0), any()],
      ['name', 'k', 'n']),
    check(requireInteger, () => ['n', 2, 1], [any(), int(1), any()],
      ['name', 'n', 'min']),
    check(requireBetween, () => ['x', 0.5, 0, 1],
      [any(), num({ min: 0, max: 1 }), any(), any()],
      ['name', 'x', 'lo', 'hi']),
    check(requireInterval, () => [0, 1], [num(), num()], ['lo', 'hi']),
    check(requirePaired, () => [{ x: [1, 2], y: [3, 4] }],
      [opts({ x: vec('n'), y: vec('n') })], ['arrays']),
    check(requireFinites, () => [{ a: 1, b: 2 }],
      [opts({ a: num(), b: num() })], ['xs']),
    check(requireFunction, () => ['f', Math.exp], [any(), callback()],
      ['name', 'f']),
    // an inner error, renamed: 'go is not a function' included
    check(calledAs, () => [() => 1], [callback()], ['go']),
  ],
  checks: [
    spec(relativeError, () => [1.5, 1], [num(), num()]),
    spec(allClose, () => [f64(1, 2), f64(1, 2), {}],
      [vec('n', { minLength: 0 }), vec('n', { minLength: 0 }), tol]),
    spec(assertAllClose, () => [f64(1, 2), f64(1, 2), {}, 'x'],
      [vec('n', { minLength: 0 }), vec('n', { minLength: 0 }), tol,
        any()]),
  ],
  differences: [
    spec(forwardDifference, () => [Math.exp, 0.5, 1e-6],
      [any(), num(), num({ not: [0] })]),
    spec(centralDifference, () => [Math.exp, 0.5, 1e-6],
      [any(), num(), num({ not: [0] })]),
    spec(optimalCentralStep, () => [1, 1], [num({ gt: 0 }), num({ gt: 0 })]),
    spec(optimalForwardStep, () => [1, 1], [num({ gt: 0 }), num({ gt: 0 })]),
    spec(numericalGradient, () => [sq, f64(1, 2), 1e-5],
      [any(), vec('d'), num({ gt: 0 })]),
    spec(gradientCheck, () => [sq, sqGrad, f64(1, 2), {}],
      [any(), any(), vec('d'), opts({ rtol: num({ min: 0 }),
        atol: num({ min: 0 }), h: num({ gt: 0 }) })]),
  ],
  experiments: [
    spec(stepSweep, () => [7, 1], [seed, int(1)]),
    spec(bestStep, () => [[1e-3, 1e-2], [0.1, 0.2]], [vec('n'), vec('n')]),
    spec(logLogSlope, () => [[1e-3, 1e-2], [0.1, 0.2], 1e-3, 1e-2],
      [vec('n', { gt: 0 }), vec('n', { gt: 0 }), num({ gt: 0 }),
        num({ gt: 0 })]),
    spec(momentTable, () => [1, 10], [seed, int(2)]),
    spec(uniformChiSquare, () => [2, 100, 4], [seed, int(1), int(2)]),
    spec(normalChiSquare, () => [3, 100], [seed, int(1)]),
    spec(moduloInt, () => [rng(), 3], [any(), int(1, { max: 2 ** 32 })]),
    spec(naiveShuffle, () => [rng(), [0, 1, 2]],
      [any(), list(any(), { minLength: 0 })]),
    spec(thirdsChiSquare, () => [moduloInt, 4, 30],
      [any(), seed, int(1)]),
    spec(shuffleChiSquare, () => [naiveShuffle, 5, 30],
      [any(), seed, int(1)]),
  ],
  random: [
    spec(splitmix64, () => [1n], [num({ min: 0 })]),
    spec(xoshiroNext, () => [Uint32Array.of(1, 2, 3, 4)], [vec(4)]),
    spec(jumpState, () => [Uint32Array.of(1, 2, 3, 4), JUMP_2_64],
      [vec(4), vec(4)]),
    spec(createRng, () => [1], [seed]),
    spec((s: number[]) => new Rng(s), () => [[1, 2, 3, 4]],
      [vec(4, { integer: true, min: 0, max: 2 ** 32 - 1 })],
      { name: 'Rng', covers: [Rng], names: ['state'] }),
    spec(method('uniform'), () => [0, 1], [num(), num()],
      { name: 'Rng.uniform', covers: [Rng], names: ['lo', 'hi'] }),
    spec(method('normal'), () => [0, 1], [num(), num({ min: 0 })],
      { name: 'Rng.normal', covers: [Rng], names: ['mean', 'std'] }),
    spec(method('int'), () => [0, 3],
      [num({ integer: true }), num({ integer: true })],
      { name: 'Rng.int', covers: [Rng], names: ['lo', 'hi'] }),
    spec(method('shuffle'), () => [[1, 2]], [list(any(), { minLength: 0 })],
      { name: 'Rng.shuffle', covers: [Rng], names: ['array'] }),
    spec(method('normalArray'), () => [3, 0, 1],
      [int(0), num(), num({ min: 0 })],
      { name: 'Rng.normalArray', covers: [Rng],
        names: ['n', 'mean', 'std'] }),
    spec(method('uniformArray'), () => [3, 0, 1], [int(0), num(), num()],
      { name: 'Rng.uniformArray', covers: [Rng],
        names: ['n', 'lo', 'hi'] }),
  ],
  stats: [
    spec(moments, () => [f64(1, 2, 4)],
      [vec('n', { minLength: 2, as: ['xs', 'values'] })]),
    spec(histogram, () => [f64(0.1, 0.5), 0, 1, 2],
      [vec('n', { minLength: 0 }), num(), num(), int(1)]),
    spec(chiSquare, () => [[3, 5], [0.5, 0.5]],
      [vec('k', { min: 0, integer: true, minLength: 2 }),
        vec('k', { gt: 0, max: 1, minLength: 2,
          as: ['probs', 'probabilities'] })]),
    spec(normalDensity, () => [0.5], [num()]),
    spec(normalProbability, () => [-1, 1], [num(), num()]),
  ],
});
