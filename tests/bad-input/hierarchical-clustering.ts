// Bad-input specs for chapter "hierarchical-clustering"
// (tests/bad-input.ts).
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  checkDistances, checkInt, checkLinkage, checkMethod, checkNumber,
  checkPoints,
} from '../../code/hierarchical-clustering/checks.ts';
import { dendrogramLinks } from '../../code/hierarchical-clustering/dendrogram.ts';
import { pairwiseDistances } from '../../code/hierarchical-clustering/distances.ts';
import {
  lanceWilliams, lwCoefficients, METHODS, updaterFor,
} from '../../code/hierarchical-clustering/lance-williams.ts';
import { linkage } from '../../code/hierarchical-clustering/linkage.ts';
import { sortAndLabel } from '../../code/hierarchical-clustering/linkage-matrix.ts';
import { mstSingleLinkage } from '../../code/hierarchical-clustering/mst.ts';
import { naiveLinkage } from '../../code/hierarchical-clustering/naive.ts';
import {
  nnChainLinkage, REDUCIBLE,
} from '../../code/hierarchical-clustering/nn-chain.ts';
import { sseFromHeights } from '../../code/hierarchical-clustering/solutions/ward-sse.ts';
import {
  cophenetCorrelation, cophenetic, cutAtHeight, cutIntoK, leavesList,
  maxDists,
} from '../../code/hierarchical-clustering/tree.ts';
import { wardVsKMeans, withinSS } from '../../code/hierarchical-clustering/ward.ts';
import { bridgedBlobs } from '../../code/hierarchical-clustering/chaining.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  any, choice, groups, int, mat, num, spec, vec,
} from '../bad-input.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
/** Six points in the plane, two groups. */
const X = () => new Matrix(6, 2, f64(0, 0, 1, 0, 0, 1.5, 5, 5, 6, 5,
  5, 6.5));
const D = () => pairwiseDistances(X());
const Z = () => linkage(X(), 'ward');
const T = () => Int32Array.of(1, 1, 1, 2, 2, 2);
const method = choice(METHODS, ['method']);
const linkageMat = mat('m', 4, ['Z']);
const dist = mat('n', 'n', ['D']);

export const badInput = groups({
  linkages: [
    spec(pairwiseDistances, () => [X()], [mat('n', 'd', ['X'])]),
    spec(lwCoefficients, () => ['ward', 2, 3, 1], [method,
      num({ min: 1 }, ['ni']), num({ min: 1 }, ['nj']),
      num({ min: 1 }, ['nk'])]),
    spec(lanceWilliams, () => ['average', 1, 2, 1.5, 2, 3, 1], [method,
      num({ min: 0 }, ['dki']), num({ min: 0 }, ['dkj']),
      num({ min: 0 }, ['dij']), num({ min: 1 }, ['ni']),
      num({ min: 1 }, ['nj']), num({ min: 1 }, ['nk'])]),
    spec(updaterFor, () => ['ward'], [method]),
    spec(naiveLinkage, () => [D(), 'centroid'], [dist, method]),
    spec(nnChainLinkage, () => [D(), 'ward'], [dist,
      choice(REDUCIBLE, ['method'])]),
    spec(mstSingleLinkage, () => [D()], [dist]),
    spec(linkage, () => [X(), 'average'], [mat('n', 'd', ['X']), method]),
    spec(sortAndLabel, () => [new Matrix(2, 4, f64(0, 1, 1, 2, 1, 2, 3,
      3))], [mat('m', 4, ['merges'])]),
  ],
  trees: [
    spec(leavesList, () => [Z()], [linkageMat]),
    spec(maxDists, () => [Z()], [linkageMat]),
    spec(cutAtHeight, () => [Z(), 2], [linkageMat, num({}, ['t'])]),
    spec(cutIntoK, () => [Z(), 2], [linkageMat, int(1, {}, ['k'])]),
    spec(cophenetic, () => [Z()], [linkageMat]),
    spec(cophenetCorrelation, () => [Z(), D()], [linkageMat, dist]),
    spec(dendrogramLinks, () => [Z()], [linkageMat]),
    spec(withinSS, () => [X(), T(), 2], [mat('n', 'd', ['X']),
      vec('n', { values: [1, 2], as: ['T'] }),
      int(2, { max: 2 }, ['k', 'T'])]),
    spec(wardVsKMeans, () => [X(), 2, 2, 1], [mat('n', 'd', ['X']),
      int(1, { max: 6 }, ['k']), int(1, {}, ['runs']),
      int(0, { max: 2 ** 40 }, ['seed'])]),
    spec(bridgedBlobs, () => [3, createRng(1)], [int(0, {}, ['line']),
      any()]),
    spec(sseFromHeights, () => [Z(), 2], [linkageMat,
      int(1, { max: 6 }, ['k'])]),
  ],
  checks: [
    spec(checkPoints, () => ['f', X()], [any(), mat('n', 'd', ['X'])],
      { name: 'f' }),
    spec(checkDistances, () => ['f', D()], [any(), dist], { name: 'f' }),
    spec(checkMethod, () => ['f', 'ward'], [any(), method],
      { name: 'f' }),
    spec(checkLinkage, () => ['f', Z()], [any(), linkageMat],
      { name: 'f' }),
    spec(checkNumber, () => ['f', 'x', 3, 0], [any(), any(),
      num({ min: 0 }, ['x']), any()], { name: 'f' }),
    spec(checkInt, () => ['f', 'k', 3, 1, 5], [any(), any(),
      int(1, { max: 5 }, ['k']), any(), any()], { name: 'f' }),
  ],
});
