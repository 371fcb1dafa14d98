// Exercise: the pseudo-Huber loss ℓ = δ²(√(1 + (z/δ)²) − 1),
// z = F − y, as a second-order objective: g and h for Eq. (xgb-g-h).
import { requireFiniteArray } from '../../introduction/checks.ts';

export function pseudoHuberGradients(
  y: ArrayLike<number>, F: ArrayLike<number>, delta: number,
) {
  requireFiniteArray('pseudoHuberGradients', 'y', y);
  requireFiniteArray('pseudoHuberGradients', 'F', F);
  if (F.length !== y.length) {
    throw new Error(`pseudoHuberGradients: F must have the length of y` +
      ` (${y.length}), got ${F.length}`);
  }
  if (!(delta > 0 && delta < Infinity)) {
    throw new Error(`pseudoHuberGradients: delta must be > 0, ` +
      `got ${delta}`);
  }
  const g = new Float64Array(y.length);
  const h = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const z = F[i] - y[i];
    const u = Math.sqrt(1 + (z / delta) ** 2);
    g[i] = z / u; // dℓ/dF
    h[i] = 1 / (u * u * u); // d²ℓ/dF² > 0, small for |z| ≫ δ
  }
  return { g, h };
}
