// Exercise: Friedman's regularised discriminant analysis, the class
// covariances pulled towards the pooled one: (1 − a) Σ_k + a Σ.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { classCovariances, pooledCovariance } from '../gda.ts';
import { checkClasses, checkIn } from '../checks.ts';

// #region rda
/** Σ_k(a) = (1 − a) Σ_k + a Σ_pooled, both maximum likelihood. */
export function rdaCovariances(
  X: Matrix, y: Int32Array, a: number,
): Matrix[] {
  checkClasses('rdaCovariances', X, y);
  checkIn('rdaCovariances', 'a', a, 0, 1);
  const pooled = pooledCovariance(X, y);
  return classCovariances(X, y).map((S) => new Matrix(S.rows, S.cols,
    S.data.map((v, t) => (1 - a) * v + a * pooled.data[t])));
}
// #endregion
