// What "fitting" a nearest-neighbour model means: keep the data (and,
// optionally, a k-d tree over it), and answer neighbour queries. The
// classifier and the regressor share this. Browser-safe.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { bruteForceNeighbors } from './brute.ts';
import {
  checkOptions,
  checkQueries,
  checkSearch,
  checkWeights,
} from './checks.ts';
import { buildKdTree, kdTreeNeighbors, type KdTree } from './kd-tree.ts';

// #region options
export type Weights = 'uniform' | 'distance';

export interface KnnOptions {
  k: number; // neighbours per query
  weights?: Weights; // Eq. (knn-weights); default 'uniform'
  p?: number; // Minkowski order, Eq. (knn-minkowski); default 2
  algorithm?: 'brute' | 'kd-tree'; // same answers; default 'kd-tree'
  leafSize?: number; // for the k-d tree; default 40
}

// #endregion

// #region index
/** The stored training inputs and everything a query needs. */
export interface KnnIndex {
  X: Matrix;
  k: number;
  weights: Weights;
  p: number;
  tree: KdTree | null;
}

/** Validates the options and stores X, building a tree if asked. */
export function knnIndex(fn: string, X: Matrix, o: KnnOptions): KnnIndex {
  checkOptions(fn, X, o);
  const { k, weights = 'uniform', p = 2, algorithm = 'kd-tree' } = o;
  const tree = algorithm === 'kd-tree'
    ? buildKdTree(X, o.leafSize ?? 40) : null;
  return { X, k, weights, p, tree };
}

/** The k nearest training rows of each row of Q, Eq. (knn-order). */
export function kneighbors(index: KnnIndex, Q: Matrix, k = index?.k) {
  checkQueries('kneighbors', index, Q);
  checkSearch('kneighbors', index.X, Q, k, index.p);
  const { X, p, tree } = index;
  return tree ? kdTreeNeighbors(tree, Q, k, p)
    : bruteForceNeighbors(X, Q, k, p);
}
// #endregion

// #region weights
/** The weights of neighbours at these distances, Eq. (knn-weights):
 *  all 1 ('uniform'), or 1/distance; if some distances are 0, those
 *  weigh 1 and the others 0. */
export function neighborWeights(
  dist: Float64Array, weights: Weights,
): Float64Array {
  checkDistances(dist, weights);
  if (weights === 'uniform') return new Float64Array(dist.length).fill(1);
  const exact = dist.some((v) => v === 0); // a query on a training row
  return dist.map((v) => (exact ? (v === 0 ? 1 : 0) : 1 / v));
}
// #endregion

function checkDistances(dist: Float64Array, weights: Weights): void {
  checkWeights('neighborWeights', weights);
  const ok = dist instanceof Float64Array && dist.length > 0 &&
    dist.every((v) => v >= 0 && v < Infinity);
  if (!ok) {
    throw new Error('neighborWeights: dist must be a non-empty ' +
      'Float64Array of finite distances >= 0');
  }
}
