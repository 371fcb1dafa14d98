// Exercise: projected gradient descent on a box, and the multipliers
// of the bounds read off the gradient at the limit.
import {
  checkFinite, shapeOf, type Vector,
} from '../../linear-algebra/matrix.ts';
import { projectBox } from '../constrained.ts';
import type { Grad } from '../objective.ts';
import { requireFunction, requirePositive } from
  '../../introduction/checks.ts';

// #region projected-gradient
/** x_{k+1} = proj(x_k − η ∇f(x_k)) until the step is below η tol. */
export function projectedGradient(grad: Grad, x0: Vector, lo: Vector,
  hi: Vector, o: { eta: number; maxIter?: number; tol?: number }) {
  const { maxIter = 10_000, tol = 1e-10 } = o;
  checkProjected(grad, o.eta);
  checkVectors('projectedGradient', { x0, lo, hi });
  let x = projectBox(x0, lo, hi).x;
  for (let k = 1; k <= maxIter; k++) {
    const g = grad(x);
    const next = projectBox(x.map((v, j) => v - o.eta * g[j]), lo, hi).x;
    let move = 0;
    for (let j = 0; j < x.length; j++) move += (next[j] - x[j]) ** 2;
    x = next;
    if (Math.sqrt(move) / o.eta <= tol) return { x, iterations: k };
  }
  throw new Error(`projectedGradient: no convergence in ${maxIter} steps`);
}

/** α⁺ on x_j <= hi_j and α⁻ on −x_j <= −lo_j from ∇f at x, by the
 *  stationarity row of Eq. (opt-box-kkt): ∂_j f + α⁺_j − α⁻_j = 0. */
export function boxMultipliers(g: Vector, x: Vector, lo: Vector,
  hi: Vector, slack = 1e-12) {
  checkVectors('boxMultipliers', { g, x, lo, hi });
  const alphaHi = x.map((v, j) => (hi[j] - v <= slack ? -g[j] : 0));
  const alphaLo = x.map((v, j) => (v - lo[j] <= slack ? g[j] : 0));
  return { alphaHi, alphaLo };
}
// #endregion

function checkProjected(grad: unknown, eta: number): void {
  requireFunction('projectedGradient', 'grad', grad);
  requirePositive('projectedGradient', 'eta', eta);
}

/** The named vectors: finite Float64Arrays of one length, lo <= hi. */
function checkVectors(fn: string, vs: Record<string, Vector>): void {
  const n = vs.lo?.length;
  for (const [name, v] of Object.entries(vs)) {
    if (!(v instanceof Float64Array) || v.length === 0 ||
      v.length !== n) {
      throw new Error(`${fn}: ${name} must have the length of lo, ` +
        `${n}; got ${v instanceof Float64Array ? shapeOf(v) : v}`);
    }
    checkFinite(fn, name, v);
  }
  if (vs.lo.some((l, j) => l > vs.hi[j])) {
    throw new Error(`${fn}: expected lo <= hi in every coordinate`);
  }
}
