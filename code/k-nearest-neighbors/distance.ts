// Minkowski distances between rows of two matrices, and the "reduced"
// distance that the neighbour searches compare: it orders points as the
// distance does, without the root. Browser-safe.

// No input checks here: these run in the innermost loop of every
// search, whose callers have checked their matrices (checks.ts).

// #region add-gap
/**
 * Adds one coordinate's gap g = |a_j − b_j| ≥ 0 to the reduced
 * distance ρ_p, Eq. (knn-reduced): ρ + g^p, or max(ρ, g) for p = ∞.
 * Both searches accumulate through this one function, so a box bound
 * and a point's distance are rounded alike.
 */
export function addGap(rho: number, g: number, p: number): number {
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
  for (let t = 0; t < d; t++) {
    rho = addGap(rho, Math.abs(A[i * d + t] - B[j * d + t]), p);
  }
  return rho;
}

/** The distance ‖a − b‖_p = ρ_p^(1/p), Eq. (knn-minkowski). */
export function fromReduced(rho: number, p: number): number {
  if (p === 2) return Math.sqrt(rho);
  if (p === 1 || p === Infinity) return rho;
  return rho ** (1 / p);
}
// #endregion
