// linkage(X, method): the algorithm SciPy would use for each method.
// Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkMethod, checkPoints } from './checks.ts';
import { pairwiseDistances } from './distances.ts';
import type { Method } from './lance-williams.ts';
import { mstSingleLinkage } from './mst.ts';
import { naiveLinkage } from './naive.ts';
import { nnChainLinkage } from './nn-chain.ts';

// #region linkage
/** Euclidean distances, then the MST for single linkage, the chain for
 *  the other reducible linkages, the naive loop for centroid and
 *  median (SciPy uses Müllner's generic algorithm there, which merges
 *  the same pairs). */
export function linkage(X: Matrix, method: Method): Matrix {
  checkPoints('linkage', X);
  checkMethod('linkage', method);
  const D = pairwiseDistances(X);
  if (method === 'single') return mstSingleLinkage(D);
  if (method === 'centroid' || method === 'median') {
    return naiveLinkage(D, method);
  }
  return nnChainLinkage(D, method);
}
// #endregion
