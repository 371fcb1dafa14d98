// Exercise: leave-one-out by refitting, with k_i = 0 in the fit at x_i.
import { Matrix } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { solve } from '../../linear-algebra/solve.ts';
import { calledAs } from '../../introduction/checks.ts';
import { checkXy } from '../../linear-regression/model.ts';
import { checkTau, kernelWeights } from '../kernel.ts';
import { equilibrate, localSystem } from '../local-fit.ts';

/** y_i − ŷ_{−i}(x_i), each from a fit giving example i weight 0. */
export function looBrute(X: Matrix, y: Vector, tau: number): Vector {
  checkXy('looBrute', X, y);
  checkTau('looBrute', tau);
  const residuals = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const x0 = X.row(i);
    const k = kernelWeights(X, x0, tau);
    k[i] = 0; // leave example i out
    const { A, c } = localSystem(X, x0, k, y);
    const { As, D } = equilibrate(A); // Eq. (lwr-scaled)
    const z = calledAs('looBrute',
      () => solve(As, c.map((ci, r) => D[r] * ci)));
    residuals[i] = y[i] - D[0] * z[0]; // ŷ_{−i}(x_i) = θ₀
  }
  return residuals;
}
