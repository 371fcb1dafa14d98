// Minkowski distances between rows of two matrices, and the "reduced"
// distance that the neighbour searches compare: it orders points as the
// distance does, without the root. Browser-safe.

// #region add-gap
/**
 * Adds one coordinate's gap g = |a_j − b_j| ≥ 0 to the reduced
 * distance ρ_p, Eq. (knn-reduced): ρ + g^p, or max(ρ, g) for p = ∞.
 * Both searches accumulate through this one function, so a box bound
 * and a point's distance are rounded alike.
 */
export function addGap(rho: number, g: number, p: number): number {
  checkGap(rho, g, p); // a few comparisons: finite, >= 0, p >= 1
  if (p === 2) return rho + g * g;
  if (p === 1) return rho + g;
  if (p === Infinity) return rho > g ? rho : g;
  return rho + g ** p;
}
// #endregion

// #region minkowski
/** ρ_p between row i of A and row j of B, both with d columns. */
export function reducedDistance(
  A: Float64Array,
  i: number,
  B: Float64Array,
  j: number,
  d: number,
  p: number,
): number {
  let rho = 0;
  try {
    for (let t = 0; t < d; t++) {
      rho = addGap(rho, Math.abs(A[i * d + t] - B[j * d + t]), p);
    }
  } catch {
    throw new Error(rowsMessage('reducedDistance', i, j, d, p));
  }
  if (!(Number.isInteger(d) && d >= 1)) {
    throw new Error(rowsMessage('reducedDistance', i, j, d, p));
  }
  return rho;
}
// #endregion

// #region from-reduced
/** The distance ‖a − b‖_p = ρ_p^(1/p), Eq. (knn-minkowski). */
export function fromReduced(rho: number, p: number): number {
  if (!(rho >= 0 && rho < Infinity && p >= 1)) {
    throw new Error(`fromReduced: need a finite rho >= 0 and p >= 1, ` +
      `got rho = ${rho}, p = ${p}`);
  }
  if (p === 2) return Math.sqrt(rho);
  if (p === 1 || p === Infinity) return rho;
  return rho ** (1 / p);
}
// #endregion

function checkGap(rho: number, g: number, p: number): void {
  if (!(rho >= 0 && rho < Infinity && g >= 0 && g < Infinity &&
    p >= 1)) {
    throw new Error('addGap: need finite rho >= 0 and g >= 0, and ' +
      `p >= 1; got rho = ${rho}, g = ${g}, p = ${p}`);
  }
}

function rowsMessage(fn: string, i: number, j: number, d: number,
  p: number): string {
  return `${fn}: row i = ${i} of A and row j = ${j} of B (d = ${d} ` +
    `columns, an integer >= 1) must exist and be finite, p (${p}) ` +
    'must be >= 1, and ρ_p must not overflow';
}
