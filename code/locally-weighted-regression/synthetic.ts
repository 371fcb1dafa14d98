// A non-linear one-dimensional regression problem with a known truth,
// for the figures and the tests. Browser-safe.
import { createRng } from '../introduction/random.ts';
import {
  requireFinite,
  requireInteger,
  requireInterval,
} from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';

// #region sine
/** The true regression function f(x) = sin(2πx) on [0, 1]. */
export function sineTruth(x: number): number {
  requireFinite('sineTruth', 'x', x);
  return Math.sin(2 * Math.PI * x);
}

/** R = ∫₀¹ f''(x)² dx = (2π)⁴ / 2 for f = sineTruth, Eq. (lwr-amise). */
export const SINE_ROUGHNESS = (2 * Math.PI) ** 4 / 2;

/** The chapter's example: n, noise σ and seed. */
export const SINE = { n: 100, noise: 0.3, seed: 7 } as const;

/** n points x ~ U(0, 1), y = f(x) + ε with ε ~ N(0, σ²). */
export function sineData(
  { n, noise, seed }: { n: number; noise: number; seed: number } = SINE,
): { X: Matrix; y: Vector; f: Vector } {
  requireInteger('sineData', 'seed', seed);
  if (!Number.isInteger(n) || n < 2 || !(noise >= 0) ||
    !Number.isFinite(noise)) {
    throw new Error(
      `sineData: need an integer n >= 2 and noise >= 0, got n = ${n}, ` +
        `noise = ${noise}`,
    );
  }
  const rng = createRng(seed);
  const x = rng.uniformArray(n, 0, 1).sort();
  const f = x.map(sineTruth);
  const y = f.map((fi) => fi + rng.normal(0, noise));
  return { X: new Matrix(n, 1, x), y, f };
}

/** m evenly spaced points on [lo, hi], as an m × 1 matrix. */
export function grid(lo: number, hi: number, m: number): Matrix {
  if (!(Number.isInteger(m) && m >= 2 && lo < hi)) {
    throw new Error(
      `grid: need an integer m >= 2 and lo < hi, got m = ${m}, ` +
        `[${lo}, ${hi}]`,
    );
  }
  requireInterval('grid', lo, hi); // and both finite
  const t = Float64Array.from({ length: m }, (_, i) =>
    lo + ((hi - lo) * i) / (m - 1));
  return new Matrix(m, 1, t);
}
// #endregion
