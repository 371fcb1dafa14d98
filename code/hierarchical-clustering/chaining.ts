// The data of the chaining pitfall: two moons, and two blobs joined by
// a thin line of points. Browser-safe.
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { blobs } from '../k-means/data.ts';
import { checkInt } from './checks.ts';

/** The moons of the figure: twoMoons(MOONS.n, MOONS.noise, seed). */
export const MOONS = { n: 100, noise: 0.06, seed: 4 } as const;

/** The size of each blob of bridgedBlobs. */
export const BRIDGE_BLOB = 40;

// #region bridge
/** Two blobs of BRIDGE_BLOB points (spread 0.5) centred 6 apart on
 *  the x₁ axis, and `line` points spaced 0.5 on the segment between
 *  them. */
export function bridgedBlobs(line: number, rng: Rng): Matrix {
  checkInt('bridgedBlobs', 'line', line, 0);
  if (!(rng instanceof Rng)) {
    throw new Error('bridgedBlobs: rng must be an Rng (createRng(seed))');
  }
  const { X: B } = blobs([[0, 0], [6, 0]], [BRIDGE_BLOB, BRIDGE_BLOB],
    [0.5, 0.5], rng);
  const X = new Matrix(B.rows + line, 2);
  X.data.set(B.data);
  for (let t = 0; t < line; t++) {
    X.data[2 * (B.rows + t)] = 0.5 * (t + 1);
    X.data[2 * (B.rows + t) + 1] = rng.normal(0, 0.05);
  }
  return X;
}
// #endregion
