// The smoothed multinomial objective of the derivation, in the softmax
// parametrization θ = softmax(z), which has no constraint; its gradient
// is checked by finite differences in the tests.
import { softmax } from '../calculus/softmax.ts';
import { requireFiniteArray } from '../introduction/checks.ts';

// #region smoothed-objective
/** Σ_j (N_j + α) log θ_j with θ = softmax(z): Eq. (nb-map-objective). */
export function smoothedObjective(
  z: ArrayLike<number>,
  counts: ArrayLike<number>,
  alpha: number,
): number {
  const theta = softmax(checkObjective('smoothedObjective', z, counts,
    alpha));
  let f = 0;
  for (let j = 0; j < theta.length; j++) {
    f += (counts[j] + alpha) * Math.log(theta[j]);
  }
  return f;
}

/** ∂/∂z_j = (N_j + α) − (N + dα) θ_j: Eq. (nb-map-gradient). */
export function smoothedGradient(
  z: ArrayLike<number>,
  counts: ArrayLike<number>,
  alpha: number,
): Float64Array {
  const theta = softmax(checkObjective('smoothedGradient', z, counts,
    alpha));
  let total = 0; // N + dα
  for (let j = 0; j < theta.length; j++) total += counts[j] + alpha;
  return theta.map((t, j) => counts[j] + alpha - total * t);
}
// #endregion

/** Validates z, counts (>= 0, as long as z) and alpha (>= 0). */
function checkObjective(fn: string, z: ArrayLike<number>,
  counts: ArrayLike<number>, alpha: number): ArrayLike<number> {
  requireFiniteArray(fn, 'z', z);
  requireFiniteArray(fn, 'counts', counts);
  if (counts.length !== z.length) {
    throw new Error(`${fn}: counts must have one entry per z ` +
      `(${z.length}), got ${counts.length}`);
  }
  for (let j = 0; j < counts.length; j++) {
    if (counts[j] < 0) {
      throw new Error(`${fn}: counts must be >= 0, got counts[${j}] = ` +
        `${counts[j]}`);
    }
  }
  if (!(Number.isFinite(alpha) && alpha >= 0)) {
    throw new Error(`${fn}: alpha must be a finite number >= 0, got ` +
      `${alpha}`);
  }
  return z;
}
