// The posterior of the weights of a linear model with Gaussian noise
// and a Gaussian prior, in closed form, and its update by new data.
import {
  choleskyFor,
  choleskySolve,
} from '../decompositions/cholesky.ts';
import { checkTriangular } from '../decompositions/triangular.ts';
import {
  Matrix,
  checkFinite,
  matmul,
  matvec,
  shapeOf,
  transpose,
} from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { checkXy } from '../linear-regression/model.ts';
import { MultivariateNormal } from '../probability/mvn.ts';

// #region hyper
/** The noise variance σ² and the prior variance τ² of each weight. */
export interface Hyper {
  sigma2: number;
  tau2: number;
}
// #endregion

// #region posterior-type
/** N(m, S) over the weights, with the precision A = S⁻¹ = L Lᵀ. */
export interface Posterior {
  mean: Vector; // m
  cov: Matrix; // S
  precision: Matrix; // A
  L: Matrix; // the Cholesky factor of A
}
// #endregion

// #region condition
/**
 * The prior N(m₀, A₀⁻¹), given by A₀ and h₀ = A₀m₀, conditioned on
 * y = Xw + ε, ε ~ N(0, σ²I): Eqs. (blr-update-prec), (blr-update-mean).
 */
function condition(
  fn: string, A0: Matrix, h0: Vector, X: Matrix, y: Vector,
  sigma2: number,
): Posterior {
  const Xt = transpose(X);
  const A = matmul(Xt, X); // XᵀX, overwritten by A₀ + XᵀX/σ²
  A.data.forEach((v, t) => { A.data[t] = A0.data[t] + v / sigma2; });
  const Xty = matvec(Xt, y);
  const h = h0.map((v, j) => v + Xty[j] / sigma2);
  const L = factor(fn, A);
  const mean = choleskySolve(L, h); // solves A m = h
  return { mean, cov: choleskyInverse(L), precision: A, L };
}
// #endregion

// #region posterior
/**
 * The posterior under the prior w ~ N(0, τ²I):
 * Eqs. (blr-post-prec) and (blr-post-mean).
 */
export function blrPosterior(X: Matrix, y: Vector, h: Hyper): Posterior {
  checkXy('blrPosterior', X, y);
  checkHyper('blrPosterior', h);
  const d = X.cols;
  const A0 = new Matrix(d, d); // the prior precision I/τ²; 0 if flat
  for (let j = 0; j < d; j++) A0.data[j * d + j] = 1 / h.tau2;
  return condition('blrPosterior', A0, new Float64Array(d), X, y,
    h.sigma2);
}
// #endregion

// #region prior
/**
 * Today's posterior is tomorrow's prior:
 * Eqs. (blr-update-prec) and (blr-update-mean).
 */
export function updatePosterior(
  prior: Posterior, X: Matrix, y: Vector, sigma2: number,
): Posterior {
  checkXy('updatePosterior', X, y);
  checkHyper('updatePosterior', { sigma2, tau2: 1 });
  checkPosterior('updatePosterior', prior);
  if (prior.mean.length !== X.cols) {
    throw new Error(
      `updatePosterior: the prior is over ${prior.mean.length} ` +
        `weights but X is ${shapeOf(X)}`,
    );
  }
  const h0 = matvec(prior.precision, prior.mean); // A₀m₀
  return condition('updatePosterior', prior.precision, h0, X, y, sigma2);
}

/** The prior N(0, τ²I) itself, the posterior before any data. */
export function isotropicPrior(d: number, tau2: number): Posterior {
  if (!Number.isInteger(d) || d < 1) {
    throw new Error(`isotropicPrior: d must be an integer >= 1, got ${d}`);
  }
  checkHyper('isotropicPrior', { sigma2: 1, tau2 });
  if (tau2 === Infinity) {
    throw new Error('isotropicPrior: a flat prior (tau2 = Infinity) ' +
      'has no density to start from; pass data to blrPosterior');
  }
  const diag = (v: number) => {
    const M = new Matrix(d, d);
    for (let j = 0; j < d; j++) M.data[j * d + j] = v;
    return M;
  };
  return {
    mean: new Float64Array(d), cov: diag(tau2),
    precision: diag(1 / tau2), L: diag(1 / Math.sqrt(tau2)),
  };
}

/** The posterior as a MultivariateNormal, to sample weights from. */
export function posteriorDistribution(p: Posterior): MultivariateNormal {
  checkPosterior('posteriorDistribution', p);
  return new MultivariateNormal(p.mean, p.cov);
}
// #endregion

// #region cholesky-inverse
/** S = A⁻¹ from A = L Lᵀ, column by column, made exactly symmetric. */
export function choleskyInverse(L: Matrix): Matrix {
  checkTriangular('choleskyInverse', L, new Float64Array(L?.rows));
  const d = L.rows;
  const S = new Matrix(d, d);
  const e = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(L, e); // column j of A⁻¹
    for (let i = 0; i < d; i++) S.data[i * d + j] = col[i];
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const s = (S.data[i * d + j] + S.data[j * d + i]) / 2;
      S.data[i * d + j] = s;
      S.data[j * d + i] = s;
    }
  }
  return S;
}
// #endregion

/** Cholesky of the posterior precision, with an error naming `fn`. */
function factor(fn: string, A: Matrix): Matrix {
  return choleskyFor(fn, A, 'the posterior precision is not positive ' +
    'definite: with a flat prior (tau2 = Infinity) X must have full ' +
    'column rank.');
}

// #region checks
/** Throws unless 0 < σ² < ∞ and 0 < τ² ≤ ∞ (∞: a flat prior). */
export function checkHyper(fn: string, h: Hyper): void {
  const positive = (v: unknown) => typeof v === 'number' && v > 0;
  if (!positive(h?.sigma2) || !Number.isFinite(h.sigma2) ||
    !positive(h.tau2)) {
    throw new Error(
      `${fn}: expected 0 < sigma2 < Infinity and 0 < tau2 <= ` +
        `Infinity, got sigma2 = ${h?.sigma2}, tau2 = ${h?.tau2}`,
    );
  }
}

/** Throws unless p = { mean d, cov d x d, precision d x d, L d x d }. */
export function checkPosterior(fn: string, p: Posterior): void {
  const d = p?.mean?.length;
  const square = (M: unknown) => M instanceof Matrix && M.rows === d &&
    M.cols === d;
  const ok = p?.mean instanceof Float64Array && d >= 1 &&
    square(p.cov) && square(p.precision) && square(p.L);
  if (!ok) {
    throw new Error(`${fn}: expected a posterior { mean, cov, ` +
      'precision, L } over d >= 1 weights, d x d matrices');
  }
  for (const name of ['mean', 'cov', 'precision', 'L'] as const) {
    checkFinite(fn, name, p[name]);
  }
}
// #endregion
