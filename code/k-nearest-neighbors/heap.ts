// The k best candidates of a neighbour search, kept in a binary max-heap
// under the book's total order on (distance, index). Browser-safe.

// #region order
/** (ρ, i) comes before (σ, j): nearer, or as near and a lower index,
 *  Eq. (knn-order). No two training points are ever equal in it. */
export function before(rho: number, i: number, sigma: number, j: number) {
  if (rho !== rho || sigma !== sigma || !Number.isInteger(i) ||
    !Number.isInteger(j)) { // NaN distances or non-integer indices
    throw new Error(`before: need rho and sigma not NaN and integer ` +
      `indices i and j, got (${rho}, ${i}) and (${sigma}, ${j})`);
  }
  return rho < sigma || (rho === sigma && i < j);
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
    const { rho: r, index: ix, k } = this;
    if (!before(rho, i, r[0], ix[0])) return; // as far, higher index
    let at = 0; // the new pair replaces the root and sinks
    for (let c = 1; c < k; c = 2 * at + 1) {
      if (c + 1 < k && before(r[c], ix[c], r[c + 1], ix[c + 1])) c++;
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
  /** Writes the kept pairs, best first, into row q of `out`, with
   *  distances ‖·‖_p = fromReduced(ρ, p). */
  writeSorted(
    out: { indices: Int32Array; distances: Float64Array },
    q: number,
    toDistance: (rho: number) => number,
  ): void {
    const { rho, index, k } = this;
    const slots = Array.from({ length: k }, (_, s) => s);
    slots.sort((a, b) => before(rho[a], index[a], rho[b], index[b])
      ? -1 : before(rho[b], index[b], rho[a], index[a]) ? 1 : 0);
    slots.forEach((s, t) => {
      out.indices[q * k + t] = index[s];
      out.distances[q * k + t] = toDistance(rho[s]);
    });
  }
  // #endregion
}

function checkHeapSize(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 2 ** 24) {
    throw new Error(`NeighborHeap: k must be an integer in [1, 2^24], ` +
      `got ${k}`);
  }
}
