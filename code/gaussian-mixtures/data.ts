// Seeded synthetic data shaped like Old Faithful's eruptions: two
// correlated, elongated groups. Browser-safe.
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkInt } from './checks.ts';

// #region faithful
/** n points (eruption minutes, waiting minutes): with probability 0.35
 *  from the short-eruption group, else from the long one; each group a
 *  Gaussian drawn as μ + L z with L the Cholesky factor of Σ. */
export function faithfulLike(n: number, rng: Rng) {
  checkInt('faithfulLike', 'n', n, 1);
  if (!(rng instanceof Rng)) {
    throw new Error('faithfulLike: rng must be an Rng (createRng(seed))');
  }
  const groups = [ // mean, then L = [l11, l21, l22]
    { mu: [2.0, 54], L: [0.25, 10, 4.6] },
    { mu: [4.3, 80], L: [0.4, 8, 4.1] },
  ];
  const X = new Matrix(n, 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = rng.uniform() < 0.35 ? 0 : 1;
    const { mu, L } = groups[g];
    const z1 = rng.normal();
    const z2 = rng.normal();
    X.data[2 * i] = mu[0] + L[0] * z1;
    X.data[2 * i + 1] = mu[1] + L[1] * z1 + L[2] * z2;
    y[i] = g;
  }
  return { X, y };
}
// #endregion
