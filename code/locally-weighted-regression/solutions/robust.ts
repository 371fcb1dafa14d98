// Exercise: robust LOWESS, with the bisquare robustness weights of
// Cleveland (1979) multiplied into the kernel weights.
import { Matrix } from '../../linear-algebra/matrix.ts';
import type { Vector } from '../../linear-algebra/matrix.ts';
import { solve } from '../../linear-algebra/solve.ts';
import {
  calledAs,
  requireFinite,
  requireInteger,
} from '../../introduction/checks.ts';
import { checkXy } from '../../linear-regression/model.ts';
import { median } from '../../statistics/bootstrap.ts';
import { checkTau, kernelWeights } from '../kernel.ts';
import { equilibrate, localSystem } from '../local-fit.ts';

/** B(u) = (1 − u²)² for |u| < 1, else 0. */
export function bisquare(u: number): number {
  requireFinite('bisquare', 'u', u);
  return Math.abs(u) < 1 ? (1 - u * u) ** 2 : 0;
}

/** ŷ at each row of Q, each example's kernel weight times δ_i. */
function fitWeighted(X: Matrix, y: Vector, Q: Matrix, tau: number,
  delta: Vector): Vector {
  return Float64Array.from({ length: Q.rows }, (_, q) => {
    const x0 = Q.row(q);
    const k = kernelWeights(X, x0, tau).map((ki, i) => ki * delta[i]);
    let top = 0;
    for (let i = 0; i < k.length; i++) top = Math.max(top, k[i]);
    const { A, c } = localSystem(X, x0, k.map((ki) => ki / top), y);
    const { As, D } = equilibrate(A); // Eq. (lwr-scaled)
    return D[0] * solve(As, c.map((ci, r) => D[r] * ci))[0];
  });
}

/** Local lines refitted `iters` times with robustness weights. */
export function robustLwr(X: Matrix, y: Vector, Q: Matrix, tau: number,
  iters = 2): Vector {
  checkRobust(X, y, Q, tau, iters);
  const delta = new Float64Array(X.rows).fill(1);
  for (let t = 0; t < iters; t++) {
    const r = calledAs('robustLwr', () => fitWeighted(X, y, X, tau, delta))
      .map((fi, i) => y[i] - fi);
    const s = median(r.map(Math.abs)); // robust scale of the residuals
    for (let i = 0; i < X.rows; i++) {
      delta[i] = s > 0 ? bisquare(r[i] / (6 * s)) : Number(r[i] === 0);
    }
  }
  return calledAs('robustLwr', () => fitWeighted(X, y, Q, tau, delta));
}

function checkRobust(X: Matrix, y: Vector, Q: Matrix, tau: number,
  iters: number): void {
  const fn = 'robustLwr';
  checkXy(fn, X, y);
  checkTau(fn, tau);
  if (!(Q instanceof Matrix) || Q.cols !== X.cols) {
    throw new Error(`${fn}: the queries Q must be a Matrix with ` +
      `${X.cols} columns`);
  }
  for (let t = 0; t < Q.data.length; t++) {
    if (!Number.isFinite(Q.data[t])) {
      throw new Error(`${fn}: Q must be finite, got ${Q.data[t]}`);
    }
  }
  requireInteger(fn, 'iters', iters, 0);
}
