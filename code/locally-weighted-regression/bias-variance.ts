// The exact bias and variance of the local fit when the truth is
// known, and the large-n approximation that explains them.
// Browser-safe.
import { Matrix, checkFinite, dot } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { equivalentKernel } from './local-fit.ts';
import { checkTau } from './kernel.ts';
import { calledAs, requireFunction } from '../introduction/checks.ts';

// #region bias-variance
/**
 * Bias E ŷ(x0) − f(x0) and variance of ŷ(x0) when y_i = f(x_i) + ε_i
 * with independent noise of standard deviation σ:
 * Eqs. (lwr-bias) and (lwr-variance). fX holds f(x_i); f0 is f(x0).
 */
export function biasVarianceAt(
  X: Matrix,
  fX: Vector,
  f0: number,
  sigma: number,
  x0: Vector,
  tau: number,
): { bias: number; variance: number } {
  checkFinite('biasVarianceAt', 'fX', fX);
  if (fX.length !== X.rows || !Number.isFinite(f0) || !(sigma >= 0) ||
    !Number.isFinite(sigma)) {
    throw new Error(
      `biasVarianceAt: need fX of length ${X.rows} (got ` +
        `${fX.length}), a finite f0 and sigma >= 0 (got ${sigma})`,
    );
  }
  const l = calledAs('biasVarianceAt', () => equivalentKernel(X, x0, tau));
  return { bias: dot(l, fX) - f0, variance: sigma ** 2 * dot(l, l) };
}

/** Mean bias² and mean variance over the rows of Q, for each τ. */
export function biasVarianceCurve(
  X: Matrix,
  f: (x: Vector) => number,
  sigma: number,
  Q: Matrix,
  taus: number[],
) {
  checkCurve(X, f, Q, taus);
  const fX = Float64Array.from({ length: X.rows }, (_, i) => f(X.row(i)));
  const bias2: number[] = [];
  const variance: number[] = [];
  for (const tau of taus) {
    let b2 = 0;
    let v = 0;
    for (let q = 0; q < Q.rows; q++) {
      const x0 = Q.row(q);
      const at = calledAs('biasVarianceCurve',
        () => biasVarianceAt(X, fX, f(x0), sigma, x0, tau));
      b2 += at.bias ** 2;
      v += at.variance;
    }
    bias2.push(b2 / Q.rows);
    variance.push(v / Q.rows);
  }
  return { taus, bias2, variance };
}
// #endregion

// #region amise
/**
 * The large-n error of Eq. (lwr-amise) for a design density p = 1 on
 * [0, 1]: ¼τ⁴R + σ² / (2√π n τ), with R = ∫ f''(x)² dx.
 */
export function amise(tau: number, n: number, sigma: number, R: number) {
  checkAmise('amise', n, sigma, R);
  if (!(tau > 0 && Number.isFinite(tau))) {
    throw new Error(`amise: tau must be finite and > 0, got ${tau}`);
  }
  const bias2 = (tau ** 4 * R) / 4;
  const variance = sigma ** 2 / (2 * Math.sqrt(Math.PI) * n * tau);
  return { bias2, variance, total: bias2 + variance };
}

/** The τ that minimizes it, Eq. (lwr-tau-star): ∝ n^(−1/5). */
export function amiseBandwidth(n: number, sigma: number, R: number) {
  checkAmise('amiseBandwidth', n, sigma, R);
  return (sigma ** 2 / (2 * Math.sqrt(Math.PI) * n * R)) ** (1 / 5);
}

function checkAmise(fn: string, n: number, sigma: number, R: number) {
  const ok = n > 0 && sigma > 0 && R > 0 &&
    [n, sigma, R].every(Number.isFinite);
  if (!ok) {
    throw new Error(
      `${fn}: need finite n, sigma, R > 0, got n = ${n}, ` +
        `sigma = ${sigma}, R = ${R}`,
    );
  }
}
// #endregion


/** f a function, Q finite queries of X's width, taus > 0. */
function checkCurve(X: Matrix, f: unknown, Q: Matrix, taus: number[]) {
  const fn = 'biasVarianceCurve';
  checkFinite(fn, 'X', X);
  requireFunction(fn, 'f', f);
  if (!(Q instanceof Matrix) || Q.cols !== X.cols) {
    throw new Error(`${fn}: Q must be a Matrix of queries with ` +
      `${X.cols} columns`);
  }
  checkFinite(fn, 'Q', Q);
  if (!Array.isArray(taus) || taus.length === 0) {
    throw new Error(`${fn}: taus must be a non-empty array, got ${taus}`);
  }
  taus.forEach((tau) => checkTau(fn, tau));
}
