// Exercise: Fisher's two-class direction S_W⁻¹(μ₁ − μ₀), unit length.
import { Matrix } from '../../linear-algebra/matrix.ts';
import {
  choleskyFor, choleskySolve,
} from '../../decompositions/cholesky.ts';
import { classMoments, pooledCovariance } from '../gda.ts';
import { checkClasses } from '../checks.ts';

// #region fisher-two
/** The w maximising J(w) for two classes, scaled to ‖w‖ = 1. */
export function fisherTwoClass(X: Matrix, y: Int32Array): Float64Array {
  const K = checkClasses('fisherTwoClass', X, y, 2);
  if (K !== 2) throw new Error(`fisherTwoClass: needs 2 classes, got ${K}`);
  const { means } = classMoments(X, y);
  const diff = means.row(1).map((v, j) => v - means.get(0, j));
  const L = choleskyFor('fisherTwoClass', pooledCovariance(X, y),
    'the within-class scatter:');
  const w = choleskySolve(L, diff); // S_W w ∝ μ₁ − μ₀
  let s = 0;
  for (const v of w) s += v * v;
  return w.map((v) => v / Math.sqrt(s));
}
// #endregion
