// Bad-input specs for chapter "Locally weighted regression"
// (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  amise,
  amiseBandwidth,
  biasVarianceAt,
  biasVarianceCurve,
} from '../../code/locally-weighted-regression/bias-variance.ts';
import {
  checkQuery,
  checkTau,
  gaussianKernel,
  kernelWeights,
} from '../../code/locally-weighted-regression/kernel.ts';
import {
  equilibrate,
  equivalentKernel,
  localLinearFit,
  localSystem,
  lwrPredict,
  smoothAt,
} from '../../code/locally-weighted-regression/local-fit.ts';
import {
  leaveOneOut,
  selectBandwidth,
} from '../../code/locally-weighted-regression/loo.ts';
import {
  grid,
  sineData,
  sineTruth,
} from '../../code/locally-weighted-regression/synthetic.ts';
import { pairedSquaredError } from '../../code/locally-weighted-regression/hdl.ts';
import { looBrute } from '../../code/locally-weighted-regression/solutions/loo-brute.ts';
import {
  nadarayaWatson,
  nadarayaWatsonWeights,
} from '../../code/locally-weighted-regression/solutions/nadaraya-watson.ts';
import {
  bisquare,
  robustLwr,
} from '../../code/locally-weighted-regression/solutions/robust.ts';
import {
  any, callback, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const data = () => sineData({ n: 12, noise: 0.3, seed: 7 });
const X = () => data().X;
const y = () => data().y;
const x0 = () => f64(0.4);
const tau = num({ gt: 0, infinite: true }, ['tau', 'bandwidth']);
const query = vec('d', { as: ['x0', 'query'] });
const xy = [mat('n', 'd'), vec('n')];
const k = () => f64(...Array.from({ length: 12 }, (_, i) => 1 / (1 + i)));
const pos = num({ gt: 0 });

export const badInput = groups({
  kernel: [
    spec(checkTau, () => ['caller', 0.5], [any(), tau], { name: 'caller' }),
    spec(checkQuery, () => ['caller', X(), x0()], [any(), any(), vec(1,
      { as: ['x0', 'query'] })], { name: 'caller' }),
    spec(gaussianKernel, () => [f64(1, 2), f64(0, 1), 0.5],
      [vec('d'), vec('d'), tau]),
    spec(kernelWeights, () => [X(), x0(), 0.2], [mat('n', 'd'), query,
      tau]),
  ],
  local: [
    spec(localSystem, () => [X(), x0(), k(), y()], [mat('n', 'd'), query,
      vec('n', { min: 0 }), vec('n')]),
    spec(localLinearFit, () => [X(), y(), x0(), 0.2], [...xy, query, tau]),
    spec(lwrPredict, () => [X(), y(), new Matrix(2, 1, f64(0.3, 0.6)),
      0.2], [...xy, mat('m', 'd', ['Q', 'queries']), tau]),
    spec(equivalentKernel, () => [X(), x0(), 0.2], [mat('n', 'd'), query,
      tau]),
    spec(smoothAt, () => [X(), y(), x0(), 0.2], [...xy, query, tau]),
    spec(equilibrate, () => [new Matrix(2, 2, f64(4, 1, 1, 9))],
      [mat('p', 'p')]),
  ],
  loo: [
    spec(leaveOneOut, () => [X(), y(), 0.2], [...xy, tau]),
    spec(selectBandwidth, () => [X(), y(), [0.1, 0.3]],
      [...xy, list(num({ gt: 0, infinite: true }),
        { as: ['taus', 'tau'] })]),
  ],
  biasVariance: [
    spec(biasVarianceAt, () => [X(), data().f, 0.5, 0.3, x0(), 0.2],
      [mat('n', 'd'), vec('n'), num(), num({ min: 0 }), query, tau]),
    spec(biasVarianceCurve, () => [X(), (x: Float64Array) =>
      sineTruth(x[0]), 0.3, new Matrix(2, 1, f64(0.3, 0.6)), [0.1, 0.3]],
    [mat('n', 'd'), callback(), num({ min: 0 }), mat('m', 'd'),
      list(num({ gt: 0, infinite: true }), { as: ['taus', 'tau'] })]),
    spec(amise, () => [0.1, 100, 0.3, 2], [pos, pos, pos, pos]),
    spec(amiseBandwidth, () => [100, 0.3, 2], [pos, pos, pos]),
  ],
  review: [
    spec(pairedSquaredError, () => [f64(1, -2, 0.5), f64(0.5, 1, 1)],
      [vec('n', { minLength: 2, as: 'a' }),
        vec('n', { minLength: 2, as: 'b' })]),
  ],
  solutions: [
    spec(nadarayaWatsonWeights, () => [X(), x0(), 0.2],
      [mat('n', 'd'), query, tau]),
    spec(nadarayaWatson, () => [X(), y(), x0(), 0.2], [...xy, query, tau]),
    spec(looBrute, () => [X(), y(), 0.2], [...xy, tau]),
    spec(bisquare, () => [0.3], [num()]),
    spec(robustLwr, () => [X(), y(), new Matrix(2, 1, f64(0.3, 0.6)), 0.2,
      1], [...xy, mat('m', 'd', ['Q', 'queries']), tau, int(0)]),
  ],
  synthetic: [
    spec(sineTruth, () => [0.3], [num()]),
    spec(sineData, () => [{ n: 5, noise: 0.3, seed: 1 }],
      [opts({ n: int(2), noise: num({ min: 0 }), seed: int(0) })]),
    spec(grid, () => [0, 1, 5], [num(), num(), int(2)]),
  ],
});
