// Bad-input specs for chapter "PCA" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  checkData, checkK, checkModel, checkModelInput,
} from '../../code/pca/checks.ts';
import { knownSpectrum, routeErrors } from '../../code/pca/conditioning.ts';
import { loadFashionMnist, parseIdx } from '../../code/pca/idx.ts';
import {
  centre, fitPca, inverseTransform, transform,
} from '../../code/pca/pca.ts';
import { ppcaLogLikelihood, ppcaWeights } from '../../code/pca/ppca.ts';
import { chooseK } from '../../code/pca/solutions/choose-k.ts';
import { gramPca } from '../../code/pca/solutions/gram.ts';
import {
  any, choice, groups, int, mat, num, opts, spec, vec,
} from '../bad-input.ts';

/** Six points in 3-d, not on a plane. */
const X = () => new Matrix(6, 3, Float64Array.from([1, 2, 0, 0, 1, 3,
  2, 2, 1, 4, 0, 1, 3, 3, 3, 0, 0, 2]));
const model = () => fitPca(X(), 2);
const Z = () => new Matrix(2, 2, Float64Array.from([0.5, -1, 2, 0]));
const idx = () => Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
const data = mat('n', 3, ['X']);

export const badInput = groups({
  data: [
    spec(parseIdx, () => [idx(), 1], [vec('b', { min: 0, max: 255,
      integer: true, as: ['bytes'] }), int(1, { max: 4 }, ['dims'])]),
    spec(loadFashionMnist, () => [1], [int(1, { max: 10000 },
      ['count'])]),
  ],
  models: [
    spec(centre, () => [X()], [mat('n', 'd', ['X'])]),
    spec(fitPca, () => [X(), 2, { method: 'covariance', whiten: true }],
      [mat('n', 'd', ['X']), int(1, { max: 3 }, ['k']),
        opts({ method: choice(['svd', 'covariance'], ['method']) })]),
    spec(transform, () => [model(), X()], [any(), data]),
    spec(inverseTransform, () => [model(), Z()], [any(),
      mat('m', 2, ['Z'])]),
    spec(ppcaWeights, () => [model()], [any()], { names: ['model'] }),
    spec(ppcaLogLikelihood, () => [model(), X()], [any(), data]),
  ],
  studies: [
    spec(knownSpectrum, () => [6, [1, 0.5, 0.1], 3], [int(4, {}, ['n']),
      vec('d', { gt: 0, as: ['s'] }), int(0, {}, ['seed'])]),
    spec(routeErrors, () => [6, [1, 0.5, 0.1], 3], [int(4, {}, ['n']),
      vec('d', { gt: 0, as: ['s'] }), int(0, {}, ['seed'])]),
    spec(chooseK, () => [[0.6, 0.3, 0.1], 0.9], [vec('k', { min: 0,
      as: ['ratio'] }), num({ gt: 0, max: 1 }, ['share'])]),
    spec(gramPca, () => [X(), 2], [mat('n', 'd', ['X']),
      int(1, { max: 3 }, ['k'])]),
  ],
  checks: [
    spec(checkData, () => ['caller', X()], [any(), mat('n', 'd', ['X'])],
      { name: 'caller' }),
    spec(checkK, () => ['caller', 2, 3], [any(), int(1, { max: 3 },
      ['k']), any()], { name: 'caller' }),
    spec(checkModel, () => ['caller', model()], [any(), any()],
      { name: 'caller' }),
    spec(checkModelInput, () => ['caller', model(), X(), 3, 'X'],
      [any(), any(), data, any(), any()], { name: 'caller' }),
  ],
});
