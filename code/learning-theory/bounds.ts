// The chapter's bounds as functions of m, delta and the size of the
// class: finite classes (Hoeffding and the union bound), the growth
// function and Sauer's lemma, the VC bound and the Rademacher bounds.
// Losses are the 0-1 loss, so they lie in [0, 1].
import {
  requireDelta,
  requireFinite,
  requireInt,
  requirePositive,
} from './checks.ts';

/** Corollary 2.3: with m >= this, every ERM hypothesis of a finite class
 *  has L_D(h_S) <= eps with probability >= 1 - delta (realizable case),
 *  Eq. (lt-realizable). */
export function realizableSampleSize(
  sizeH: number,
  eps: number,
  delta: number,
): number {
  checkFinite('realizableSampleSize', sizeH, eps, delta);
  return Math.ceil(Math.log(sizeH / delta) / eps);
}

// #region finite-bounds
/** Hoeffding for one fixed h (Lemma 4.5): P(|L_S(h) - L_D(h)| > r)
 *  <= delta for this r, Eq. (lt-hoeffding-radius). */
export function hoeffdingRadius(m: number, delta: number): number {
  requireInt('hoeffdingRadius', 'm', m, 1);
  requireDelta('hoeffdingRadius', delta);
  return Math.sqrt(Math.log(2 / delta) / (2 * m));
}

/** Hoeffding and the union bound over |H| hypotheses: with probability
 *  >= 1 - delta every h in H has |L_S(h) - L_D(h)| <= this,
 *  Eq. (lt-finite-radius). */
export function finiteClassRadius(
  m: number,
  sizeH: number,
  delta: number,
): number {
  requireInt('finiteClassRadius', 'm', m, 1);
  checkFinite('finiteClassRadius', sizeH, 0.5, delta);
  return Math.sqrt(Math.log((2 * sizeH) / delta) / (2 * m));
}
// #endregion

/** The same, solved for m: Corollary 4.6, Eq. (lt-finite-uc). */
export function uniformConvergenceSize(
  sizeH: number,
  eps: number,
  delta: number,
): number {
  checkFinite('uniformConvergenceSize', sizeH, eps, delta);
  return Math.ceil(Math.log((2 * sizeH) / delta) / (2 * eps * eps));
}

/** tau(m) for thresholds, intervals and half-planes in the plane,
 *  Eqs. (lt-growth-line) and (lt-growth-planes). */
export const GROWTH = {
  thresholds: (m: number) => growthArg('thresholds', m) + 1,
  intervals: (m: number) => (growthArg('intervals', m) * (m + 1)) / 2 + 1,
  'half-planes': (m: number) =>
    growthArg('half-planes', m) === 0 ? 1 : m * m - m + 2,
} as const;

// #region sauer
/** Sauer's lemma (Lemma 6.10): a class of VC dimension d has
 *  tau(m) <= sum_{i <= d} C(m, i), Eq. (lt-sauer). */
export function sauerBound(m: number, d: number): number {
  requireInt('sauerBound', 'm', m);
  requireInt('sauerBound', 'd', d);
  let sum = 0;
  let choose = 1; // C(m, i), updated as i grows
  for (let i = 0; i <= Math.min(d, m); i++) {
    sum += choose;
    choose = (choose * (m - i)) / (i + 1);
  }
  return sum;
}
// #endregion

/** Theorem 6.11: with probability >= 1 - delta, every h has
 *  |L_D(h) - L_S(h)| <= this, Eq. (lt-vc-markov). */
export function vcMarkovRadius(
  m: number,
  growth2m: number,
  delta: number,
): number {
  requireInt('vcMarkovRadius', 'm', m, 1);
  requireAtLeastOne('vcMarkovRadius', 'growth2m', growth2m);
  requireDelta('vcMarkovRadius', delta);
  const top = 4 + Math.sqrt(Math.log(growth2m));
  return top / (delta * Math.sqrt(2 * m));
}

/** Theorem 26.5, first part, for a loss in [0, c]: with probability
 *  >= 1 - delta every h has L_D(h) - L_S(h) <= this, where rad is
 *  E_S R(loss o H o S), Eq. (lt-rademacher-bound). */
export function rademacherRadius(
  rad: number,
  m: number,
  delta: number,
  c = 1,
): number {
  requireFinite('rademacherRadius', 'rad', rad);
  if (rad < 0) {
    throw new Error(`rademacherRadius: rad must be >= 0, got ${rad}`);
  }
  requireInt('rademacherRadius', 'm', m, 1);
  requireDelta('rademacherRadius', delta);
  requirePositive('rademacherRadius', 'c', c);
  return 2 * rad + c * Math.sqrt((2 * Math.log(2 / delta)) / m);
}

// #region massart
/** Massart's lemma (Lemma 26.8): R(A) <= max ||a - abar|| sqrt(2 log N)
 *  / m for N vectors a in R^m with mean abar, Eq. (lt-massart). */
export function massartBound(A: readonly ArrayLike<number>[]): number {
  const m = checkVectors('massartBound', A);
  const mean = new Float64Array(m);
  for (const a of A) for (let i = 0; i < m; i++) mean[i] += a[i] / A.length;
  let far = 0;
  for (const a of A) {
    let s = 0;
    for (let i = 0; i < m; i++) s += (a[i] - mean[i]) ** 2;
    far = Math.max(far, Math.sqrt(s));
  }
  return (far * Math.sqrt(2 * Math.log(A.length))) / m;
}

/** Massart for N labellings in {0, 1}^m shifted by 1/2 (Lemma 26.6):
 *  R <= sqrt(log N / (2m)), Eq. (lt-massart-growth). */
export function labellingMassart(N: number, m: number): number {
  requireAtLeastOne('labellingMassart', 'N', N);
  requireInt('labellingMassart', 'm', m, 1);
  return Math.sqrt(Math.log(N) / (2 * m));
}
// #endregion

// #region vc-rademacher
/** Theorem 26.5 with Massart and a growth function: with probability
 *  >= 1 - delta, every h has L_D(h) - L_S(h) <= this,
 *  Eq. (lt-vc-rademacher). */
export function vcRademacherRadius(
  m: number,
  growthM: number,
  delta: number,
): number {
  requireInt('vcRademacherRadius', 'm', m, 1);
  requireAtLeastOne('vcRademacherRadius', 'growthM', growthM);
  requireDelta('vcRademacherRadius', delta);
  return rademacherRadius(labellingMassart(growthM, m), m, delta);
}
// #endregion

function checkFinite(
  fn: string,
  sizeH: number,
  eps: number,
  delta: number,
) {
  requirePositive(fn, 'sizeH', sizeH);
  if (sizeH < 1) throw new Error(`${fn}: sizeH must be >= 1, got ${sizeH}`);
  requirePositive(fn, 'eps', eps);
  if (eps >= 1) throw new Error(`${fn}: eps must be in (0, 1), got ${eps}`);
  requireDelta(fn, delta);
}

function requireAtLeastOne(fn: string, name: string, x: number) {
  requireFinite(fn, name, x);
  if (x < 1) throw new Error(`${fn}: ${name} must be >= 1, got ${x}`);
}

function growthArg(fn: string, m: number): number {
  requireInt(`GROWTH.${fn}`, 'm', m);
  return m;
}

function checkVectors(fn: string, A: readonly ArrayLike<number>[]) {
  if (!Array.isArray(A) || A.length === 0) {
    throw new Error(`${fn}: A must be a non-empty array of vectors, got ` +
      `${Array.isArray(A) ? 'length 0' : typeof A}`);
  }
  const m = A[0]?.length;
  A.forEach((a, j) => {
    if (!a || a.length !== m || m === 0) {
      throw new Error(`${fn}: A[${j}] must have length ${m} >= 1, got ` +
        `${a?.length}`);
    }
    for (let i = 0; i < m; i++) {
      if (!Number.isFinite(a[i])) {
        throw new Error(`${fn}: A[${j}][${i}] must be finite, got ${a[i]}`);
      }
    }
  });
  return m;
}
