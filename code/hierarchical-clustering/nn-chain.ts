// The nearest-neighbour chain: O(n²) time for reducible linkages.
// Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkDistances, checkMethod } from './checks.ts';
import { updaterFor, type Method } from './lance-williams.ts';
import { sortAndLabel } from './linkage-matrix.ts';

/** The linkages for which the chain is correct (Eq. (hc-reducible)). */
export const REDUCIBLE: readonly Method[] = ['single', 'complete',
  'average', 'weighted', 'ward'];

// #region nn-chain
/** Follow nearest neighbours from a cluster until two clusters are
 *  each other's nearest; merge them; continue from the rest of the
 *  chain. Merges come out of height order: sortAndLabel fixes that. */
export function nnChainLinkage(D: Matrix, method: Method): Matrix {
  checkDistances('nnChainLinkage', D);
  checkMethod('nnChainLinkage', method, REDUCIBLE);
  const update = updaterFor(method);
  const n = D.rows;
  const d = D.data.slice();
  const size = new Float64Array(n).fill(1); // 0: merged away
  const chain: number[] = [];
  const merges = new Matrix(n - 1, 4); // [slot x, slot y, height, size]
  for (let k = 0; k < n - 1; k++) {
    if (chain.length === 0) chain.push(size.findIndex((s) => s > 0));
    const [x, y, best] = growChain(d, size, n, chain);
    mergeSlots(d, size, n, x, y, best, update);
    merges.data.set([x, y, best, size[y]], 4 * k);
  }
  return sortAndLabel(merges);
}
// #endregion

// #region grow-chain
/** Push nearest neighbours until the top two are mutual; pop and
 *  return them (x < y) with their distance. */
function growChain(d: Float64Array, size: Float64Array, n: number,
  chain: number[]): [number, number, number] {
  for (;;) {
    const x = chain[chain.length - 1];
    const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
    // the previous cluster wins a tie: the chain cannot cycle
    let y = prev;
    let best = prev >= 0 ? d[x * n + prev] : Infinity;
    for (let i = 0; i < n; i++) {
      if (size[i] > 0 && i !== x && d[x * n + i] < best) {
        best = d[x * n + i]; y = i;
      }
    }
    if (y === prev) { // mutual nearest neighbours
      chain.length -= 2;
      return [Math.min(x, y), Math.max(x, y), best];
    }
    chain.push(y);
  }
}
// #endregion

/** Slot y takes x ∪ y; its distances by Eq. (hc-lance-williams). */
function mergeSlots(d: Float64Array, size: Float64Array, n: number,
  x: number, y: number, dxy: number,
  update: ReturnType<typeof updaterFor>): void {
  for (let i = 0; i < n; i++) {
    if (size[i] === 0 || i === x || i === y) continue;
    d[i * n + y] = d[y * n + i] = update(d[i * n + x], d[i * n + y], dxy,
      size[x], size[y], size[i]);
  }
  size[y] += size[x];
  size[x] = 0;
}
