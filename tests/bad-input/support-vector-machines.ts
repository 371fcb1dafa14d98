// Bad-input specs for chapter "Support vector machines"
// (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { plattByCv } from '../../code/support-vector-machines/calibrate.ts';
import {
  checkClassLabels,
  checkCount,
  checkKernel,
  checkMatrix,
  checkModel,
  checkPositive,
  checkSigns,
  checkSmo,
  checkSvcOptions,
} from '../../code/support-vector-machines/checks.ts';
import { blobs, twoMoons } from '../../code/support-vector-machines/data.ts';
import {
  dualMatrix,
  kernelMatrix,
} from '../../code/support-vector-machines/kernel.ts';
import {
  hingeObjective,
  pegasos,
} from '../../code/support-vector-machines/pegasos.ts';
import {
  fitPlatt,
  plattProbability,
} from '../../code/support-vector-machines/platt.ts';
import {
  ovoValues,
  predictSvc,
  sklearnView,
} from '../../code/support-vector-machines/predict.ts';
import { breastCancerScaled } from '../../code/support-vector-machines/real-data.ts';
import { solveDual } from '../../code/support-vector-machines/smo.ts';
import { fitBinary, fitSvc } from '../../code/support-vector-machines/svc.ts';
import { biasInterval } from '../../code/support-vector-machines/solutions/bias-interval.ts';
import { dualityGap } from '../../code/support-vector-machines/solutions/duality-gap.ts';
import {
  any, choice, groups, int, labels, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Eight points in the plane, two classes. */
const X = () => new Matrix(8, 2, f64(0, 0, 1, 0, 0, 1, 1, 1, 3, 3, 4, 3,
  3, 4, 4, 4));
const y01 = () => Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
const ypm = () => Int8Array.of(-1, -1, -1, -1, 1, 1, 1, 1);
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const rbf = () => ({ kind: 'rbf' as const, gamma: 0.5 });
const kernel = opts({ kind: choice(['linear', 'rbf'], ['kind']),
  gamma: num({ gt: 0 }, ['gamma']) }, ['kind', 'gamma']);
const signs = labels('n', [-1, 1], ['y']);
const classLabels = vec('n', { min: 0, max: 1, integer: true,
  as: ['labels'] });
const anyLabels = vec('n', { min: 0, integer: true, as: ['labels'] });
const model = () => fitSvc(X(), y01(), { C: 1, kernel: rbf() });
const problem = () => {
  const { Q: q, QD } = dualMatrix({ kind: 'linear' }, X(), ypm());
  return { Q: q, QD, y: ypm(), Cp: 1, Cn: 1 };
};
const svcOpts = opts({ C: num({ gt: 0 }, ['C']), kernel,
  eps: num({ gt: 0 }, ['eps']) });
const alpha = () => new Float64Array(8).fill(0.5);

export const badInput = groups({
  solver: [
    spec(kernelMatrix, () => [rbf(), X(), Q()], [kernel, mat('n', 'd',
      ['A']), mat('m', 'd', ['B'])]),
    spec(dualMatrix, () => [rbf(), X(), ypm()], [kernel,
      mat('n', 'd', ['X']), signs]),
    spec(solveDual, () => [problem(), { eps: 1e-3 }], [any(),
      opts({ eps: num({ gt: 0 }, ['eps']),
        maxIter: int(0, {}, ['maxIter']) })]),
    spec(fitBinary, () => [X(), ypm(), 1, rbf(), 1e-3, 2],
      [mat('n', 'd', ['X']), signs, num({ gt: 0 }, ['C']), kernel,
        num({ gt: 0 }, ['eps']), num({ gt: 0 }, ['Cn'])]),
  ],
  models: [
    spec(fitSvc, () => [X(), y01(), { C: 1, kernel: rbf() }],
      [mat('n', 'd', ['X']), anyLabels, svcOpts]),
    spec(ovoValues, () => [model(), Q()], [any(), mat('m', 2, ['Xq'])]),
    spec(predictSvc, () => [model(), Q()], [any(), mat('m', 2, ['Xq'])]),
    spec(sklearnView, () => [model(), Q()], [any(), mat('m', 2, ['Xq'])]),
    spec(fitPlatt, () => [f64(-2, -1, 1, 2), Int8Array.of(-1, 1, -1, 1)],
      [vec('n', { as: ['f'] }), labels('n', [-1, 1], ['y']),
        int(1, {}, ['maxIter'])]),
    spec(plattProbability, () => [f64(-1, 1), -2, 0.5],
      [vec('n', { as: ['f'] }), num({}, ['A']), num({}, ['B'])]),
    spec(plattByCv, () => [X(), y01(), { C: 1, kernel: rbf() }, 2, 0],
      [mat('n', 'd', ['X']), classLabels, svcOpts,
        int(2, { max: 8 }, ['folds']), int(0, {}, ['seed'])]),
  ],
  data: [
    spec(blobs, () => [10, 2, 1], [int(2, {}, ['n']),
      num({ gt: 0 }, ['separation']), int(0, {}, ['seed'])]),
    spec(twoMoons, () => [10, 0.1, 1], [int(2, {}, ['n']),
      num({ gt: 0 }, ['noise']), int(0, {}, ['seed'])]),
    spec(breastCancerScaled, () => [20], [int(2, { max: 568 }, ['n'])]),
    spec(hingeObjective, () => [X(), ypm(), f64(1, 1), 0, 0.1],
      [mat('n', 'd', ['X']), signs, vec('d', { as: ['w'] }),
        num({}, ['b']), num({ gt: 0 }, ['lambda_'])]),
    spec(pegasos, () => [X(), ypm(), { lambda_: 0.1, iterations: 5 }],
      [mat('n', 'd', ['X']), signs, opts({
        lambda_: num({ gt: 0 }, ['lambda_']),
        iterations: int(1, {}, ['iterations']),
        batch: int(1, {}, ['batch']), seed: int(0, {}, ['seed']),
        every: int(1, {}, ['every']) }, ['lambda_', 'iterations'])]),
    spec(dualityGap, () => [X(), ypm(), 1, alpha(), 0],
      [mat('n', 'd', ['X']), signs, num({ gt: 0 }, ['C']),
        vec('n', { min: 0, max: 1, as: ['alpha'] }), num({}, ['b'])]),
    spec(biasInterval, () => [ypm(), f64(1, 1, 1, 1, 1, 1, 1, 1),
      alpha(), 1], [signs, vec('n', { as: ['G'] }),
      vec('n', { as: ['alpha'] }), num({ gt: 0 }, ['C'])]),
  ],
  checks: [
    spec(checkMatrix, () => ['caller', 'X', X(), 8, 2], [any(), any(),
      mat(8, 2, ['X']), any(), any()], { name: 'caller' }),
    spec(checkKernel, () => ['caller', rbf()], [any(), kernel],
      { name: 'caller' }),
    spec(checkSigns, () => ['caller', ypm()], [any(), signs],
      { name: 'caller' }),
    spec(checkClassLabels, () => ['caller', y01()], [any(), anyLabels],
      { name: 'caller' }),
    spec(checkPositive, () => ['caller', 'C', 1], [any(), any(),
      num({ gt: 0 }, ['C'])], { name: 'caller' }),
    spec(checkCount, () => ['caller', 'n', 3, 1], [any(), any(),
      int(1, {}, ['n']), any()], { name: 'caller' }),
    spec(checkSvcOptions, () => ['caller', 1, rbf(), 1e-3, [1, 1], 2],
      [any(), num({ gt: 0 }, ['C']), kernel, num({ gt: 0 }, ['eps']),
        any(), any()], { name: 'caller' }),
    spec(checkSmo, () => ['caller', problem(), 1e-3, 10], [any(), any(),
      num({ gt: 0 }, ['eps']), int(0, {}, ['maxIter'])],
    { name: 'caller' }),
    spec(checkModel, () => ['caller', model()], [any(), any()],
      { name: 'caller' }),
  ],
});
