// The k best candidates of a neighbour search, kept in a binary max-heap
// under the book's total order on (distance, index). Browser-safe.

// #region order
/** (ρ_i, i) comes before (ρ_j, j): nearer, or as near and a lower
 *  index, Eq. (knn-order). No two training points are equal in it. */
export function before(rhoI: number, i: number, rhoJ: number, j: number) {
  if (rhoI !== rhoI || rhoJ !== rhoJ || !Number.isInteger(i) ||
    !Number.isInteger(j)) { // NaN distances or non-integer indices
    throw new Error(`before: need rhoI and rhoJ not NaN and integer ` +
      `indices i and j, got (${rhoI}, ${i}) and (${rhoJ}, ${j})`);
  }
  return rhoI < rhoJ || (rhoI === rhoJ && i < j);
}
// #endregion

/** An index larger than any row index: the empty slots' index. */
const NONE = 2 ** 31 - 1;

// #region heap
/** The k best (reduced distance, index) pairs pushed so far. The worst
 *  of them sits at the root; empty slots hold (∞, NONE). */
export class NeighborHeap {
  readonly k: number;
  readonly rho: Float64Array;
  readonly index: Int32Array;

  constructor(k: number) {
    checkHeapSize(k);
    this.k = k;
    this.rho = new Float64Array(k);
    this.index = new Int32Array(k);
    this.clear();
  }

  clear(): void {
    this.rho.fill(Infinity);
    this.index.fill(NONE);
  }

  /** The reduced distance a point must not exceed to enter. */
  worst(): number {
    return this.rho[0];
  }

  /** Keeps (ρ, i) if it comes before the worst kept pair. O(log k). */
  push(rho: number, i: number): void {
    if (rho <= this.rho[0]) this.replaceWorst(rho, i); // else: too far
  }
  // #endregion

  // #region sift
  private replaceWorst(rho: number, i: number): void {
    // as far as the root but with a higher index: it stays out
    if (!before(rho, i, this.rho[0], this.index[0])) return;
    this.sink(rho, i, this.k);
  }

  /** Puts (ρ, i) at the root of the heap in slots 0..size−1 and lets it
   *  sink, swapping with its later child, until both come before it. */
  private sink(rho: number, i: number, size: number): void {
    const { rho: r, index: ix } = this;
    let at = 0;
    for (let c = 1; c < size; c = 2 * at + 1) {
      if (c + 1 < size && before(r[c], ix[c], r[c + 1], ix[c + 1])) c++;
      if (!before(rho, i, r[c], ix[c])) break; // c: the later child
      r[at] = r[c];
      ix[at] = ix[c];
      at = c;
    }
    r[at] = rho;
    ix[at] = i;
  }
  // #endregion

  // #region drain
  /** Empties the heap into row q of `out`, best first, with distances
   *  ‖·‖_p = toDistance(ρ): the root, the worst of the `size` left,
   *  goes last; the last slot's pair then sinks from the root. */
  writeSorted(
    out: { indices: Int32Array; distances: Float64Array },
    q: number,
    toDistance: (rho: number) => number,
  ): void {
    const { rho, index, k } = this;
    for (let size = k; size > 0; size--) {
      out.indices[q * k + size - 1] = index[0];
      out.distances[q * k + size - 1] = toDistance(rho[0]);
      this.sink(rho[size - 1], index[size - 1], size - 1);
    }
  }
  // #endregion
}

function checkHeapSize(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 2 ** 24) {
    throw new Error(`NeighborHeap: k must be an integer in [1, 2^24], ` +
      `got ${k}`);
  }
}
