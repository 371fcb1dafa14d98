// Bad-input specs for chapter "t-SNE" (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  conditionalProbabilities, jointProbabilities, squaredDistances,
} from '../../code/t-sne/affinities.ts';
import {
  checkData, checkInt, checkJoint, checkRange, checkSquare,
} from '../../code/t-sne/checks.ts';
import {
  clusters, relativeDistances, stratified,
} from '../../code/t-sne/data.ts';
import { pcaInit, randomInit } from '../../code/t-sne/init.ts';
import { rowPerplexity } from '../../code/t-sne/solutions/perplexity.ts';
import { klDivergence, tsne } from '../../code/t-sne/tsne.ts';
import { trustworthiness } from '../../code/t-sne/trustworthiness.ts';
import {
  any, groups, int, list, mat, num, opts, spec, vec,
} from '../bad-input.ts';

/** Eight points in 3-d. */
const X = () => new Matrix(8, 3, Float64Array.from([0, 0, 1, 1, 0, 2,
  0, 1, 1, 3, 3, 0, 4, 3, 1, 3, 4, 2, 0, 4, 4, 1, 5, 3]));
const Y = () => new Matrix(8, 2, Float64Array.from([0, 0, 0.1, 0.2,
  -0.3, 0.1, 1, 1, 1.2, 0.9, 0.8, 1.1, -1, 0.5, 0.4, -0.2]));
const D = () => squaredDistances(X());
const P = () => jointProbabilities(X(), 3);
const probs = vec('nn', { min: 0, as: ['P'] });

export const badInput = groups({
  affinities: [
    spec(squaredDistances, () => [X()], [mat('n', 'd', ['X'])]),
    spec(conditionalProbabilities, () => [D(), 8, 3], [vec('nn',
      { min: 0, as: ['D'] }), int(2, { max: 8 }, ['n', 'D']),
    num({ min: 1, max: 7 }, ['perplexity'])]),
    spec(jointProbabilities, () => [X(), 3], [mat('n', 'd', ['X']),
      num({ min: 1, max: 7 }, ['perplexity'])]),
    spec(rowPerplexity, () => [conditionalProbabilities(D(), 8, 3).P, 8],
      [vec('nn', { min: 0, as: ['P'] }),
        int(2, { max: 8 }, ['n', 'P'])]),
  ],
  embedding: [
    spec(klDivergence, () => [P(), Y()], [probs,
      mat('n', 2, ['Y', 'P'])]),
    spec(tsne, () => [P(), Y(), { nIter: 4, explorationIter: 2 }],
      [probs, mat('n', 2, ['Y0', 'P']), opts({
        learningRate: num({ gt: 0 }), nIter: int(1),
        earlyExaggeration: num({ gt: 0 }), explorationIter: int(0),
        minGradNorm: num({ min: 0 }), nIterWithoutProgress: int(1),
      })]),
    spec(trustworthiness, () => [X(), Y(), 2], [mat('n', 'd', ['X']),
      mat('n', 'e', ['Y']), int(1, { max: 3 }, ['k'])]),
    spec(pcaInit, () => [X()], [mat('n', 'd', ['X'])]),
    spec(randomInit, () => [8, 1], [int(2, {}, ['n']),
      int(0, { max: Number.MAX_SAFE_INTEGER }, ['seed'])]),
  ],
  data: [
    spec(stratified, () => [X(), Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]),
      2, 3], [mat('n', 'd', ['X']), vec('n', { min: 0, integer: true,
      as: ['y'] }), int(1, { max: 4 }, ['perClass']),
    int(0, { max: Number.MAX_SAFE_INTEGER }, ['seed'])]),
    spec(clusters, () => [[[0, 0], [5, 5]], [3, 4], [1, 2], 1],
      [list(vec('d', { as: ['centres'] }), { dims: ['k'],
        as: ['centre'] }),
      vec('k', { min: 1, integer: true, as: ['sizes'] }),
      vec('k', { gt: 0, as: ['spreads'] }),
      int(0, { max: Number.MAX_SAFE_INTEGER }, ['seed'])]),
    spec(relativeDistances, () => [3, 10, 1], [int(1, {}, ['d']),
      int(2, {}, ['n']), int(0, { max: Number.MAX_SAFE_INTEGER },
        ['seed'])]),
  ],
  checks: [
    spec(checkData, () => ['f', X(), 'X', 2], [any(), mat('n', 'd',
      ['X']), any(), any()], { name: 'f' }),
    spec(checkRange, () => ['f', 'x', 3, 0, 5], [any(), any(),
      num({ gt: 0, max: 5 }, ['x']), any(), any()], { name: 'f' }),
    spec(checkInt, () => ['f', 'k', 3, 1, 5], [any(), any(),
      int(1, { max: 5 }, ['k']), any(), any()], { name: 'f' }),
    spec(checkSquare, () => ['f', 'D', D(), 8], [any(), any(),
      vec('nn', { min: 0, as: ['D'] }), any()], { name: 'f' }),
    spec(checkJoint, () => ['f', P(), 8], [any(), probs, any()],
      { name: 'f' }),
  ],
});
