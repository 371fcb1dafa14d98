// Data drawn from a known linear model: for tests, figures and the
// initial points of the live demo. Browser-safe.
import { createRng } from '../introduction/random.ts';
import {
  requireFiniteArray,
  requireInteger,
  requireInterval,
} from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { predict } from './model.ts';

// #region synthetic
export interface LinearDataSpec {
  seed: number;
  n: number;
  w: number[];
  b?: number;
  /** Standard deviation σ of the Gaussian noise (default 0). */
  noise?: number;
  /** Each feature is uniform on [lo, hi) (default [−1, 1)). */
  lo?: number;
  hi?: number;
}

/** n samples of y = xᵀw + b + ε, ε ~ N(0, σ²), Eq. (lr-noise-model). */
export function linearData(spec: LinearDataSpec): { X: Matrix; y: Vector } {
  const { seed, n, w, b = 0, noise = 0, lo = -1, hi = 1 } = spec;
  checkSpec(seed, w, noise, lo, hi);
  if (!Number.isInteger(n) || n < 1 || w.length < 1) {
    throw new Error(
      `linearData: need n >= 1 and at least one weight, got n = ${n} ` +
        `and ${w.length} weights`,
    );
  }
  if (![...w, b].every(Number.isFinite)) {
    throw new Error(`linearData: w and b must be finite, got ${w}, ${b}`);
  }
  const rng = createRng(seed);
  const X = new Matrix(n, w.length, rng.uniformArray(n * w.length, lo, hi));
  const y = predict(X, Float64Array.from(w), b);
  for (let i = 0; i < n; i++) y[i] += rng.normal(0, noise);
  return { X, y };
}
// #endregion

function checkSpec(
  seed: number,
  w: number[],
  noise: number,
  lo: number,
  hi: number,
): void {
  const fn = 'linearData';
  requireInteger(fn, 'seed', seed);
  requireFiniteArray(fn, 'w', w);
  if (!(Number.isFinite(noise) && noise >= 0)) {
    throw new Error(`${fn}: noise must be finite and >= 0, got ${noise}`);
  }
  requireInterval(fn, lo, hi);
}
