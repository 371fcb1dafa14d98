// Bad-input specs for chapter "Kernels" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  approxError, nystromFeatures, rffDraw, rffFeatures,
} from '../../code/kernels/approx.ts';
import {
  checkInt, checkKernelSpec, checkNumber, checkPositiveNumber,
  checkSquare, checkSymmetric, checkVector,
} from '../../code/kernels/checks.ts';
import { circles, landmarks } from '../../code/kernels/data.ts';
import {
  poly2Map, polyFeatureCount,
} from '../../code/kernels/feature-map.ts';
import {
  centerGram, fitKernelPca, kpcaTransform, maxDiffUpToSign,
} from '../../code/kernels/kernel-pca.ts';
import {
  fitKernelRidge, predictKernelRidge,
} from '../../code/kernels/kernel-ridge.ts';
import { gram } from '../../code/kernels/kernels.ts';
import { psdCheck } from '../../code/kernels/psd.ts';
import { krrTiming } from '../../code/kernels/timing.ts';
import { looResiduals } from '../../code/kernels/solutions/loo.ts';
import {
  any, choice, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Eight points in the plane. */
const X = () => new Matrix(8, 2, f64(0, 0, 1, 0, 0, 1, 1, 1, 3, 3, 4, 3,
  3, 4, 4, 4));
const Q = () => new Matrix(2, 2, f64(0.5, 0.5, 3.2, 3.9));
const y = () => f64(0, 1, 1, 2, 3, 3, 4, 5);
const rbf = () => ({ kind: 'rbf' as const, gamma: 0.5 });
const kernel = opts({ kind: choice(['rbf', 'laplacian'], ['kind']),
  gamma: num({ gt: 0 }, ['gamma']) }, ['kind', 'gamma']);
const K = () => new Matrix(2, 2, f64(2, 1, 1, 2));
const F = () => new Matrix(2, 1, f64(1, 1));
const ridge = () => fitKernelRidge(X(), y(), rbf(), 0.1);
const pca = () => fitKernelPca(X(), rbf(), 2);

export const badInput = groups({
  kernels: [
    spec(gram, () => [rbf(), X(), Q()], [kernel, mat('n', 'd', ['A']),
      mat('m', 'd', ['B'])]),
    spec(poly2Map, () => [X(), 1], [mat('n', 'd', ['X']),
      num({ min: 0 }, ['c'])]),
    spec(polyFeatureCount, () => [3, 2], [int(1, {}, ['d']),
      int(1, { max: 50 }, ['q'])]),
    spec(psdCheck, () => [K(), 1e-10], [mat('n', 'n', ['K']),
      num({ min: 0, max: 1 }, ['tol'])]),
  ],
  models: [
    spec(fitKernelRidge, () => [X(), y(), rbf(), 0.1],
      [mat('n', 'd', ['X']), vec('n', { as: ['y'] }), kernel,
        num({ min: 0 }, ['lambda_'])]),
    spec(predictKernelRidge, () => [ridge(), Q()],
      [any(), mat('m', 2, ['Xq'])]),
    spec(looResiduals, () => [X(), y(), rbf(), 0.1],
      [mat('n', 'd', ['X']), vec('n', { as: ['y'] }), kernel,
        num({ min: 0 }, ['lambda_'])]),
    spec(centerGram, () => [K()], [mat('n', 'n', ['K'])]),
    spec(fitKernelPca, () => [X(), rbf(), 2], [mat('n', 'd', ['X']),
      kernel, int(1, { max: 8 }, ['k'])]),
    spec(kpcaTransform, () => [pca(), Q()], [any(),
      mat('m', 2, ['Xq'])]),
    spec(maxDiffUpToSign, () => [X(), X()], [mat('n', 'd', ['A']),
      mat('n', 'd', ['B'])]),
  ],
  approx: [
    spec(nystromFeatures, () => [X(), rbf(), Int32Array.of(0, 5)],
      [mat('n', 'd', ['X']), kernel,
        vec('m', { min: 0, max: 7, integer: true, as: ['idx'] })]),
    spec(rffDraw, () => [2, 3, 0.5, 1], [int(1, {}, ['d']),
      int(1, {}, ['m']), num({ gt: 0 }, ['gamma']),
      int(0, {}, ['seed'])]),
    spec(rffFeatures, () => [X(), Q(), f64(0, 1)],
      [mat('n', 'd', ['X']), mat('d', 'm', ['W']),
        vec('m', { as: ['u'] })]),
    spec(approxError, () => [K(), F()], [mat('n', 'n', ['K']),
      mat('n', 'm', ['F'])]),
    spec(circles, () => [10, 0.1, 0.5, 1], [int(2, {}, ['n']),
      num({ min: 0 }, ['noise']), num({ min: 0, max: 1 }, ['factor']),
      int(0, {}, ['seed'])]),
    spec(landmarks, () => [10, 3, 1], [int(1, {}, ['n']),
      int(1, { max: 10 }, ['m']), int(0, {}, ['seed'])]),
    spec(krrTiming, () => [[20, 30], 1], [list(int(10, { max: 5000 }),
      { as: ['sizes'] }), int(1, { max: 100 }, ['runs'])]),
  ],
  checks: [
    spec(checkKernelSpec, () => ['caller', rbf()], [any(), kernel],
      { name: 'caller' }),
    spec(checkSquare, () => ['caller', 'K', K()], [any(), any(),
      mat('n', 'n', ['K'])], { name: 'caller' }),
    spec(checkSymmetric, () => ['caller', 'K', K()], [any(), any(),
      mat('n', 'n', ['K'])], { name: 'caller' }),
    spec(checkVector, () => ['caller', 'b', f64(1, 2), 2], [any(), any(),
      vec(2, { as: ['b'] }), any()], { name: 'caller' }),
    spec(checkNumber, () => ['caller', 'c', 1, 0, 2], [any(), any(),
      num({ min: 0, max: 2 }, ['c']), any(), any()], { name: 'caller' }),
    spec(checkInt, () => ['caller', 'k', 1, 0, 2], [any(), any(),
      int(0, { max: 2 }, ['k']), any(), any()], { name: 'caller' }),
    spec(checkPositiveNumber, () => ['caller', 'g', 1], [any(), any(),
      num({ gt: 0 }, ['g'])], { name: 'caller' }),
  ],
});
