// Seeded two-dimensional data for the chapter's figures: two Gaussian
// blobs, and two interleaved half-moons. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import { checkCount, checkPositive } from './checks.ts';

// #region blobs
/** n points, half around (−s, −s)·½, half around (s, s)·½, sd 1. */
export function blobs(n: number, separation: number, seed: number) {
  checkCount('blobs', 'n', n, 2);
  checkPositive('blobs', 'separation', separation);
  checkCount('blobs', 'seed', seed, 0);
  const rng = createRng(seed);
  const X = new Matrix(n, 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i < n / 2 ? 0 : 1;
    const c = (y[i] === 1 ? 1 : -1) * separation / 2;
    X.data[2 * i] = c + rng.normal();
    X.data[2 * i + 1] = c + rng.normal();
  }
  return { X, y };
}
// #endregion

// #region moons
/** scikit-learn's make_moons: two half circles, Gaussian noise. */
export function twoMoons(n: number, noise: number, seed: number) {
  checkCount('twoMoons', 'n', n, 2);
  checkPositive('twoMoons', 'noise', noise);
  checkCount('twoMoons', 'seed', seed, 0);
  const rng = createRng(seed);
  const X = new Matrix(n, 2);
  const y = new Int32Array(n);
  const half = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const upper = i < half;
    const u = Math.PI * (upper ? i / (half - 1 || 1)
      : (i - half) / (n - half - 1 || 1));
    y[i] = upper ? 0 : 1;
    X.data[2 * i] = (upper ? Math.cos(u) : 1 - Math.cos(u)) +
      noise * rng.normal();
    X.data[2 * i + 1] = (upper ? Math.sin(u) : 0.5 - Math.sin(u)) +
      noise * rng.normal();
  }
  return { X, y };
}
// #endregion
