// Extreme eigenvalues of a symmetric positive semi-definite matrix by
// power iteration: the largest sets gradient descent's step size, the
// ratio of largest to smallest is the condition number. Power iteration
// needs only products v -> Av; Chapter 3's symmetricEigen, which finds
// every eigenvalue, is the reference the tests compare it with.
import { createRng } from '../introduction/random.ts';
import {
  requireFunction,
  requireInteger,
} from '../introduction/checks.ts';
import { checkSymmetric } from '../decompositions/cholesky.ts';
import {
  dot, matvec, norm, type Matrix,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  SingularMatrixError,
  luFactor,
  luSolve,
} from '../linear-algebra/solve.ts';

// #region power-iteration
/**
 * The largest eigenvalue of a symmetric PSD operator v ↦ Av on R^d by
 * power iteration, Eq. (lr-power-iteration), from a seeded random unit
 * vector. Stops when the estimate changes by < tol, or after maxIter
 * steps with converged = false.
 */
export function powerIteration(
  apply: (v: Vector) => Vector,
  d: number,
  { maxIter = 10_000, tol = 1e-13, seed = 1 } = {},
): { value: number; vector: Vector; steps: number; converged: boolean } {
  if (!Number.isInteger(d) || d < 1) {
    throw new Error(`powerIteration: d must be an integer >= 1, got ${d}`);
  }
  checkPower(apply, maxIter, tol, seed);
  const start = createRng(seed).normalArray(d);
  const size0 = norm(start);
  let v = start.map((x) => x / size0);
  let value = 0;
  for (let k = 1; k <= maxIter; k++) {
    const Av = apply(v);
    if (Av.length !== d) {
      throw new Error(`powerIteration: apply(v) must return vector(${d})`);
    }
    const next = dot(v, Av); // the Rayleigh quotient vᵀAv, ‖v‖ = 1
    const converged = Math.abs(next - value) <= tol * Math.abs(next);
    const size = norm(Av);
    if (size === 0) return { value: 0, vector: v, steps: k, converged };
    v = Av.map((x) => x / size);
    value = next;
    if (converged) return { value, vector: v, steps: k, converged };
  }
  return { value, vector: v, steps: maxIter, converged: false };
}
// #endregion

// #region eigen-extremes
/**
 * λmax(A) of a symmetric PSD matrix. Only the value is returned: an
 * estimate that has not converged is still a lower bound on λmax.
 */
export function largestEigenvalue(A: Matrix): number {
  checkSymmetric('largestEigenvalue', A);
  return powerIteration((v) => matvec(A, v), A.rows).value;
}

/** λmin(A) = 1 / λmax(A⁻¹): power iteration on A⁻¹ via one LU. */
export function smallestEigenvalue(A: Matrix): number {
  checkSymmetric('smallestEigenvalue', A);
  let lu;
  try {
    lu = luFactor(A);
  } catch (e) {
    if (e instanceof SingularMatrixError) return 0; // to working precision
    throw e;
  }
  const inv = powerIteration((v) => luSolve(lu, v), A.rows).value;
  return 1 / inv;
}

/** κ(A) = λmax / λmin; Infinity for a singular A. */
export function conditionNumber(A: Matrix): number {
  checkSymmetric('conditionNumber', A);
  const low = smallestEigenvalue(A);
  return low > 0 ? largestEigenvalue(A) / low : Infinity;
}
// #endregion

function checkPower(
  apply: unknown,
  maxIter: number,
  tol: number,
  seed: number,
): void {
  const fn = 'powerIteration';
  requireFunction(fn, 'apply', apply);
  requireInteger(fn, 'maxIter', maxIter, 1);
  if (!(Number.isFinite(tol) && tol >= 0)) {
    throw new Error(`${fn}: tol must be finite and >= 0, got ${tol}`);
  }
  requireInteger(fn, 'seed', seed);
}
