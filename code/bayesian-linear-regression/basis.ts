// Gaussian bumps as features: a model linear in its weights that can
// bend, for the one-dimensional examples of the chapter.
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';

// #region gaussian-basis
/** The n × K design φ_k(x_i) = exp(−(x_i − c_k)² / (2ℓ²)), ℓ = width. */
export function gaussianBasis(
  x: Vector, centres: number[], width: number,
): Matrix {
  checkFinite('gaussianBasis', 'x', x);
  if (x.length < 1 || !Array.isArray(centres) || centres.length < 1 ||
    !centres.every(Number.isFinite)) {
    throw new Error(
      `gaussianBasis: expected at least one x and one finite centre, ` +
        `got ${x.length} and centres [${centres}]`,
    );
  }
  if (!(width > 0 && Number.isFinite(width))) {
    throw new Error(`gaussianBasis: width must be > 0, got ${width}`);
  }
  const K = centres.length;
  const Phi = new Matrix(x.length, K);
  x.forEach((xi, i) => centres.forEach((c, k) => {
    Phi.data[i * K + k] = Math.exp(-((xi - c) ** 2) / (2 * width ** 2));
  }));
  return Phi;
}
// #endregion
