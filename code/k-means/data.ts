// Seeded synthetic data for the chapter: Gaussian blobs and two moons.
// Browser-safe.
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkNumber } from './checks.ts';

// #region blobs
/** Points around the given centres in the plane: sizes[m] points drawn
 *  from N(centre m, spreads[m]² I); y is the blob each came from. */
export function blobs(centres: number[][], sizes: number[],
  spreads: number[], rng: Rng) {
  checkBlobs(centres, sizes, spreads, rng);
  let n = 0;
  for (const m of sizes) n += m;
  const X = new Matrix(n, 2);
  const y = new Int32Array(n);
  let i = 0;
  centres.forEach(([cx, cy], m) => {
    for (let t = 0; t < sizes[m]; t++, i++) {
      X.data[2 * i] = rng.normal(cx, spreads[m]);
      X.data[2 * i + 1] = rng.normal(cy, spreads[m]);
      y[i] = m;
    }
  });
  return { X, y };
}
// #endregion

/** Two interleaved half circles, n points each, with normal noise. */
export function twoMoons(n: number, noise: number, rng: Rng) {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`twoMoons: n must be an integer >= 1, got ${n}`);
  }
  checkNumber('twoMoons', 'noise', noise, 0);
  if (!(rng instanceof Rng)) {
    throw new Error('twoMoons: rng must be an Rng (createRng(seed))');
  }
  const X = new Matrix(2 * n, 2);
  const y = new Int32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) {
    const t = Math.PI * (i % n) / Math.max(1, n - 1);
    const upper = i < n;
    X.data[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) +
      rng.normal(0, noise);
    X.data[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) +
      rng.normal(0, noise);
    y[i] = upper ? 0 : 1;
  }
  return { X, y };
}

function checkBlobs(centres: number[][], sizes: number[],
  spreads: number[], rng: Rng): void {
  const fn = 'blobs';
  if (!Array.isArray(centres) || centres.length === 0 ||
    !centres.every((c) => Array.isArray(c) && c.length === 2 &&
      c.every(Number.isFinite))) {
    throw new Error(`${fn}: centres must be a non-empty list of ` +
      'finite [x, y] pairs');
  }
  if (!Array.isArray(sizes) || sizes.length !== centres.length ||
    !sizes.every((m) => Number.isSafeInteger(m) && m >= 1)) {
    throw new Error(`${fn}: sizes must hold ${centres.length} ` +
      `integers >= 1, got ${sizes}`);
  }
  if (!Array.isArray(spreads) || spreads.length !== centres.length ||
    !spreads.every((s) => Number.isFinite(s) && s >= 0)) {
    throw new Error(`${fn}: spreads must hold ${centres.length} ` +
      `finite numbers >= 0, got ${spreads}`);
  }
  if (!(rng instanceof Rng)) {
    throw new Error(`${fn}: rng must be an Rng (createRng(seed))`);
  }
}
