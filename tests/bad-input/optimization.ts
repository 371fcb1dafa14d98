// Bad-input specs for chapter "Optimization" (tests/bad-input.ts).
import { fromRows } from '../../code/linear-algebra/matrix.ts';
import {
  equalityQP,
  kktResiduals,
  projectBox,
  projectHalfspace,
} from '../../code/optimization/constrained.ts';
import { gradientDescent } from '../../code/optimization/gradient-descent.ts';
import { smoothnessBound } from '../../code/optimization/iris.ts';
import {
  armijo,
  checkSearch,
} from '../../code/optimization/line-search.ts';
import { logisticLoss } from '../../code/optimization/logistic.ts';
import { newton } from '../../code/optimization/newton.ts';
import {
  checkMaxIter,
  checkRange,
  checkStart,
  checked,
  finish,
  gradient,
} from '../../code/optimization/objective.ts';
import {
  eig2,
  quadratic,
  quadratic2,
} from '../../code/optimization/problems.ts';
import {
  meanProblem,
  sgd,
  sgdMeanSquaredError,
} from '../../code/optimization/sgd.ts';
import {
  heavyBallParams,
  heavyBallSteps,
  sgdStudy,
} from '../../code/optimization/studies.ts';
import {
  stationarityBound,
} from '../../code/optimization/solutions/nonconvex-check.ts';
import {
  boxMultipliers,
  projectedGradient,
} from '../../code/optimization/solutions/projected-gradient.ts';
import {
  any, callback, groups, int, labels, mat, num, opts, spec, vec,
} from '../bad-input.ts';
import { M } from './linear-algebra.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const bowl = quadratic2(4, 1, 0.3);
const search = opts({ c: num({ gt: 0, lt: 1 }), shrink: num({ gt: 0,
  lt: 1 }), maxShrinks: int(0) });
const runOpts = { maxIter: int(1), tol: num({ min: 0 }) };
// x0's length is the problem's business: the callbacks' errors say so
const start = vec(undefined, { as: ['x0'] });
const spd = () => fromRows([[2, 0.5], [0.5, 1]]);
const X = () => M(4, 2);
const y01 = () => f64(0, 1, 1, 0);
const mean = () => meanProblem(M(5, 2));

export const badInput = groups({
  objective: [
    spec(checked, () => ['caller', 1.5, 3], [any(), num({}, ['f(x)']),
      any()], { name: 'caller' }),
    spec(gradient, () => ['caller', bowl.grad, f64(1, 2), 0],
      [any(), callback(), vec(), any()], { name: 'caller' }),
    spec(finish, () => ['caller', [{ x: f64(1), f: 1, gradNorm: 0 }], 1,
      { tol: 1e-8, maxIter: 5, requireConvergence: true }],
    [any(), { kind: 'list', minLength: 1, as: ['history'] },
      int(0, {}, ['evaluations']), opts(runOpts)], { name: 'caller' }),
    spec(checkStart, () => ['caller', f64(1, 2)], [any(), vec()],
      { name: 'caller' }),
    spec(checkRange, () => ['caller', 'v', 0.5, 0, 1],
      [any(), any(), num({ min: 0, lt: 1 }, ['v', 'must be']), any(),
        any()], { name: 'caller' }),
    spec(checkMaxIter, () => ['caller', 5], [any(), int(1)],
      { name: 'caller' }),
    spec(checkSearch, () => ['caller', { c: 0.1 }], [any(), search],
      { name: 'caller' }),
  ],
  problems: [
    spec(quadratic, () => [spd(), f64(1, 2)], [mat('n', 'n'), vec('n')]),
    spec(quadratic2, () => [4, 1, 0.3, f64(1, 2)],
      [num({ gt: 0 }), num({ gt: 0 }, ['mu', 'L >= mu']), num(), vec(2)]),
    spec(eig2, () => [spd()], [mat(2, 2, ['H', 'matrix'])]),
    spec(smoothnessBound, () => [X()], [mat('n', 'd')]),
    spec(logisticLoss, () => [X(), y01()], [mat('n', 'd'),
      labels('n', [0, 1])]),
    spec(meanProblem, () => [M(5, 2)], [mat('n', 'd')]),
  ],
  methods: [
    spec(armijo, () => [bowl.f, f64(1, 2), bowl.f(f64(1, 2)),
      bowl.grad(f64(1, 2)), bowl.grad(f64(1, 2)).map((g) => -g), 1, {}],
    [callback(), vec('d'), num({}, ['fx', 'f(x)']), vec('d'), vec('d'),
      num({ gt: 0 }),
      search]),
    spec(gradientDescent, () => [bowl.f, bowl.grad, f64(1, 2),
      { eta: 0.1, maxIter: 500, tol: 1e-6 }],
    [callback(), callback(), start, opts({ eta: num({ gt: 0 }),
      momentum: num({ min: 0, lt: 1 }), ...runOpts })]),
    spec(gradientDescent, () => [bowl.f, bowl.grad, f64(1, 2),
      { lineSearch: { c: 0.1 }, maxIter: 500, tol: 1e-6 }],
    [callback(), callback(), start, opts({ lineSearch: search })]),
    spec(newton, () => [bowl.f, bowl.grad, bowl.hess, f64(1, 2),
      { lineSearch: { c: 0.1 } }],
    [callback(), callback(), callback(), start,
      opts({ lineSearch: search, ...runOpts })]),
    spec(sgd, () => [mean(), f64(1, 2), { eta: 0.1, steps: 5, seed: 1 }],
      [any(), start, opts({ eta: num({ gt: 0 }), steps: int(1),
        batch: int(1), seed: int(0), recordEvery: int(1) })]),
    spec(sgdMeanSquaredError, () => [0.5, 2, 1, 3, 4],
      [num({ gt: 0, lt: 2 }), num({ min: 0 }), int(1), num({ min: 0 }),
        int(0)]),
  ],
  constrained: [
    spec(equalityQP, () => [spd(), f64(1, 2), M(1, 2), f64(1)],
      [mat('n', 'n'), vec('n'), mat('m', 'n'), vec('m')]),
    spec(projectBox, () => [f64(1, 5), f64(0, 0), f64(2, 2)],
      [vec('n'), vec('n'), vec('n')]),
    spec(projectHalfspace, () => [f64(1, 5), f64(1, 1), 2],
      [vec('n'), vec('n'), num()]),
    spec(kktResiduals, () => [f64(1, 2), M(3, 2), f64(1, 2, 3), f64(0, 0),
      f64(0, 1, 0)], [vec('n'), mat('m', 'n'), vec('m'), vec('n'),
      vec('m')]),
  ],
  studies: [
    spec(heavyBallParams, () => [4, 1], [num(), num({ gt: 0 })]),
    spec(heavyBallSteps, () => [100, 1e-3],
      [num({ min: 1 }), num({ gt: 0, lt: 1 })]),
    spec(sgdStudy, () => [2], [int(2)]),
  ],
  solutions: [
    spec(stationarityBound, () => [[{ x: f64(0), f: 1, gradNorm: 1 },
      { x: f64(0.5), f: 0.5, gradNorm: 0.5 }], 1e-4, 0],
    [{ kind: 'list', minLength: 2, as: ['history'] }, num({ gt: 0 }),
      num()]),
    spec(projectedGradient, () => [bowl.grad, f64(0, 0), f64(-1, -1),
      f64(1, 1), { eta: 0.2 }],
    [callback(), vec('n'), vec('n'), vec('n'),
      opts({ eta: num({ gt: 0 }) })]),
    spec(boxMultipliers, () => [f64(1, -1), f64(0, 1), f64(0, 0),
      f64(1, 1)], [vec('n'), vec('n'), vec('n'), vec('n')]),
  ],
});
