// Exercise: early stopping against ridge with λ = n/(kη), direction by
// direction (filter factors) and on the held-out patients.
import {
  requireInteger,
  requirePositive,
} from '../../introduction/checks.ts';
import { symmetricEigen } from '../../decompositions/eigen.ts';
import {
  matmul,
  matvec,
  scale,
  transpose,
  type Matrix,
  type Vector,
} from '../../linear-algebra/matrix.ts';
import { solve } from '../../linear-algebra/solve.ts';
import { checkXy } from '../../linear-regression/model.ts';

// #region factor-gap
/** max over x > 0 of (1 − e^−x) − x/(1 + x), on a grid of step dx. */
export function largestFactorGap(dx = 1e-4): { x: number; gap: number } {
  requirePositive('largestFactorGap', 'dx', dx);
  let best = { x: 0, gap: 0 };
  for (let x = dx; x < 50; x += dx) {
    const gap = -Math.expm1(-x) - x / (1 + x);
    if (gap > best.gap) best = { x, gap };
  }
  return best;
}
// #endregion

// #region early-vs-ridge
/**
 * For centred features X: after k batch steps of η from 0, GD's factors
 * 1 − (1 − ηh_j)^k, Eq. (gd-filter), against ridge's h_j/(h_j + λ/n)
 * with λ = n/(kη), for the eigenvalues h_j of XᵀX/n; and ridge's
 * (b, w) with b = ȳ unpenalized, as for the design [1 X].
 */
export function earlyVsRidge(X: Matrix, y: Vector, eta: number, k: number) {
  checkXy('earlyVsRidge', X, y);
  requirePositive('earlyVsRidge', 'eta', eta);
  requireInteger('earlyVsRidge', 'k', k, 1);
  const { rows: n, cols: d } = X;
  const lambda = n / (k * eta);
  const G = matmul(transpose(X), X);
  const h = symmetricEigen(scale(G, 1 / n)).values;
  const gd = Array.from(h, (hj) => 1 - (1 - eta * hj) ** k);
  const ridge = Array.from(h, (hj) => hj / (hj + lambda / n));
  let yBar = 0;
  for (const v of y) yBar += v / n;
  for (let j = 0; j < d; j++) G.data[j * d + j] += lambda; // XᵀX + λI
  const w = solve(G, matvec(transpose(X), y.map((v) => v - yBar)));
  return { lambda, gd, ridge, bw: Float64Array.from([yBar, ...w]) };
}
// #endregion
