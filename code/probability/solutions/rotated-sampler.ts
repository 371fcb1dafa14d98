// Exercise: any factor A with A A^T = Sigma samples N(mu, Sigma).
import type { Rng } from '../../introduction/random.ts';
import {
  Matrix, checkFinite, shapeOf, type Vector,
} from '../../linear-algebra/matrix.ts';
import { requireInteger } from '../../introduction/checks.ts';

/** n draws mu + A z, z ~ N(0, I), one per row: Eq. (prob-mvn-sample)
 *  with any square A in place of the Cholesky factor L. */
export function sampleWithFactor(
  rng: Rng, mu: Vector, A: Matrix, n: number,
): Matrix {
  checkFactor(mu, A, n);
  const d = mu.length;
  const X = new Matrix(n, d);
  for (let r = 0; r < n; r++) {
    const z = rng.normalArray(d);
    for (let i = 0; i < d; i++) {
      let x = mu[i];
      for (let j = 0; j < d; j++) x += A.data[i * d + j] * z[j];
      X.data[r * d + i] = x;
    }
  }
  return X; // Cov = A I A^T, Eq. (prob-cov)
}

function checkFactor(mu: Vector, A: Matrix, n: number): void {
  const fn = 'sampleWithFactor';
  const d = mu?.length;
  if (!(A instanceof Matrix) || !d || A.rows !== d || A.cols !== d) {
    throw new Error(`${fn}: expected mu of length d >= 1 and A d x d, ` +
      `got ${shapeOf(mu)} and ${A instanceof Matrix ? shapeOf(A) : A}`);
  }
  checkFinite(fn, 'mu', mu);
  checkFinite(fn, 'A', A);
  requireInteger(fn, 'n', n, 1);
}
