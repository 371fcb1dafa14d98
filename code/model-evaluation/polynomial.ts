// Polynomial regression in one variable: a linear model whose features
// are powers of a rescaled x, fitted by QR least squares.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { qrLeastSquares } from '../decompositions/least-squares.ts';
import { requireFinite } from '../introduction/checks.ts';

// #region design
/** The interval [lo, hi] that x lives on. */
export interface Domain {
  lo: number;
  hi: number;
}

/**
 * The n × (q+1) design with columns t⁰, t¹, …, t^q (q the degree) of
 * the rescaled t = (2x − lo − hi) / (hi − lo) in [−1, 1],
 * Eq. (me-poly-design).
 */
export function polynomialDesign(
  x: Vector,
  degree: number,
  domain: Domain,
): Matrix {
  checkPolynomial('polynomialDesign', x, degree, domain);
  const { lo, hi } = domain;
  const d = degree + 1; // columns
  const X = new Matrix(x.length, d);
  for (let i = 0; i < x.length; i++) {
    const t = (2 * x[i] - lo - hi) / (hi - lo);
    let power = 1;
    for (let j = 0; j < d; j++, power *= t) X.data[i * d + j] = power;
  }
  return X;
}
// #endregion

// #region fit-polynomial
/** A fitted polynomial: coefficients of t⁰..t^q and the domain of x. */
export interface PolynomialFit {
  coef: Vector;
  domain: Domain;
}

/** Least-squares polynomial of the given degree, by QR. */
export function fitPolynomial(
  x: Vector,
  y: Vector,
  degree: number,
  domain: Domain,
): PolynomialFit {
  checkPolynomial('fitPolynomial', x, degree, domain);
  const X = polynomialDesign(x, degree, domain);
  if (y?.length !== x.length || x.length < degree + 1) {
    throw new Error(
      `fitPolynomial: degree ${degree} needs at least ${degree + 1} ` +
        `points and y as long as x; got x ${shapeOf(x)}, y ${shapeOf(y)}`,
    );
  }
  checkFinite('fitPolynomial', 'y', y);
  return { coef: qrLeastSquares(X, y).w, domain };
}

/** Predictions at x, by Horner's rule in t. */
export function predictPolynomial(fit: PolynomialFit, x: Vector): Vector {
  const { coef, domain } = fit ?? {};
  if (!(coef instanceof Float64Array) || coef.length === 0) {
    throw new Error('predictPolynomial: fit.coef must be a non-empty ' +
      'Float64Array');
  }
  checkFinite('predictPolynomial', 'fit.coef', coef);
  checkPolynomial('predictPolynomial', x, coef.length - 1, domain);
  const { lo, hi } = domain;
  return x.map((xi) => {
    const t = (2 * xi - lo - hi) / (hi - lo);
    let v = 0;
    for (let j = coef.length - 1; j >= 0; j--) v = v * t + coef[j];
    return v;
  });
}
// #endregion

// #region check-polynomial
/** Throws unless x is finite, degree an integer >= 0, lo < hi. */
export function checkPolynomial(
  fn: string,
  x: Vector,
  degree: number,
  domain: Domain,
): void {
  if (!(x instanceof Float64Array) || x.length === 0) {
    throw new Error(`${fn}: x must be a non-empty Float64Array`);
  }
  checkFinite(fn, 'x', x);
  if (!Number.isSafeInteger(degree) || degree < 0) {
    throw new Error(`${fn}: degree must be an integer >= 0, got ${degree}`);
  }
  requireFinite(fn, 'domain.lo', domain?.lo);
  requireFinite(fn, 'domain.hi', domain.hi);
  if (!(domain.lo < domain.hi)) {
    throw new Error(
      `${fn}: domain needs lo < hi, got [${domain.lo}, ${domain.hi}]`,
    );
  }
}
// #endregion
