// The chapter's bounds as functions of n, delta and the size of the
// class: finite classes (Hoeffding and the union bound), the growth
// function and Sauer's lemma, the VC bound and the Rademacher bounds.
// Losses are the 0-1 loss, so they lie in [0, 1].
import {
  requireDelta,
  requireFinite,
  requireInt,
  requirePositive,
} from './checks.ts';

/** Corollary 2.3: with n >= this, every ERM hypothesis of a finite class
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
export function hoeffdingRadius(n: number, delta: number): number {
  checkRadius('hoeffdingRadius', n, 1, delta);
  return Math.sqrt(Math.log(2 / delta) / (2 * n));
}

/** Hoeffding and the union bound over |H| hypotheses: with probability
 *  >= 1 - delta every h in H has |L_S(h) - L_D(h)| <= this,
 *  Eq. (lt-finite-radius). */
export function finiteClassRadius(
  n: number,
  sizeH: number,
  delta: number,
): number {
  checkRadius('finiteClassRadius', n, sizeH, delta);
  return Math.sqrt(Math.log((2 * sizeH) / delta) / (2 * n));
}
// #endregion

/** The same, solved for n: Corollary 4.6, Eq. (lt-finite-uc). */
export function uniformConvergenceSize(
  sizeH: number,
  eps: number,
  delta: number,
): number {
  checkFinite('uniformConvergenceSize', sizeH, eps, delta);
  return Math.ceil(Math.log((2 * sizeH) / delta) / (2 * eps * eps));
}

/** tau(n) for thresholds, intervals and half-planes in the plane,
 *  Eqs. (lt-growth-line) and (lt-growth-planes). */
export const GROWTH = {
  thresholds: (n: number) => growthArg('thresholds', n) + 1,
  intervals: (n: number) => (growthArg('intervals', n) * (n + 1)) / 2 + 1,
  'half-planes': (n: number) =>
    growthArg('half-planes', n) === 0 ? 1 : n * n - n + 2,
} as const;

// #region sauer
/** Sauer's lemma (Lemma 6.10): a class of VC dimension dVC has
 *  tau(n) <= sum_{i <= dVC} C(n, i), Eq. (lt-sauer). */
export function sauerBound(n: number, dVC: number): number {
  requireInt('sauerBound', 'n', n);
  requireInt('sauerBound', 'dVC', dVC);
  let sum = 0;
  let choose = 1; // C(n, i), updated as i grows
  for (let i = 0; i <= Math.min(dVC, n); i++) {
    sum += choose;
    choose = (choose * (n - i)) / (i + 1);
  }
  return sum;
}
// #endregion

/** Theorem 6.11: with probability >= 1 - delta, every h has
 *  |L_D(h) - L_S(h)| <= this, Eq. (lt-vc-markov). */
export function vcMarkovRadius(
  n: number,
  growth2n: number,
  delta: number,
): number {
  requireInt('vcMarkovRadius', 'n', n, 1);
  requireAtLeastOne('vcMarkovRadius', 'growth2n', growth2n);
  requireDelta('vcMarkovRadius', delta);
  const top = 4 + Math.sqrt(Math.log(growth2n));
  return top / (delta * Math.sqrt(2 * n));
}

/** Theorem 26.5, first part, for a loss in [0, c]: with probability
 *  >= 1 - delta every h has L_D(h) - L_S(h) <= this, where rad is
 *  E_S R(loss o H o S), Eq. (lt-rademacher-bound). */
export function rademacherRadius(
  rad: number,
  n: number,
  delta: number,
  c = 1,
): number {
  requireFinite('rademacherRadius', 'rad', rad);
  if (rad < 0) {
    throw new Error(`rademacherRadius: rad must be >= 0, got ${rad}`);
  }
  requireInt('rademacherRadius', 'n', n, 1);
  requireDelta('rademacherRadius', delta);
  requirePositive('rademacherRadius', 'c', c);
  return 2 * rad + c * Math.sqrt((2 * Math.log(2 / delta)) / n);
}

// #region massart
/** Massart's lemma (Lemma 26.8): R(A) <= max ||a - abar|| sqrt(2 log N)
 *  / n for N vectors a in R^n with mean abar, Eq. (lt-massart). */
export function massartBound(A: readonly ArrayLike<number>[]): number {
  const n = checkVectors('massartBound', A);
  const mean = new Float64Array(n);
  for (const a of A) for (let i = 0; i < n; i++) mean[i] += a[i] / A.length;
  let far = 0;
  for (const a of A) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[i] - mean[i]) ** 2;
    far = Math.max(far, Math.sqrt(s));
  }
  return (far * Math.sqrt(2 * Math.log(A.length))) / n;
}

/** Massart for N labellings in {0, 1}^n shifted by 1/2 (Lemma 26.6):
 *  R <= sqrt(log N / (2n)), Eq. (lt-massart-growth). */
export function labellingMassart(N: number, n: number): number {
  requireAtLeastOne('labellingMassart', 'N', N);
  requireInt('labellingMassart', 'n', n, 1);
  return Math.sqrt(Math.log(N) / (2 * n));
}
// #endregion

// #region vc-rademacher
/** Theorem 26.5 with Massart and a growth function: with probability
 *  >= 1 - delta, every h has L_D(h) - L_S(h) <= this,
 *  Eq. (lt-vc-rademacher). */
export function vcRademacherRadius(
  n: number,
  growthN: number,
  delta: number,
): number {
  requireInt('vcRademacherRadius', 'n', n, 1);
  requireAtLeastOne('vcRademacherRadius', 'growthN', growthN);
  requireDelta('vcRademacherRadius', delta);
  return rademacherRadius(labellingMassart(growthN, n), n, delta);
}
// #endregion

function checkRadius(fn: string, n: number, sizeH: number,
  delta: number) {
  requireInt(fn, 'n', n, 1);
  checkFinite(fn, sizeH, 0.5, delta);
}

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

function growthArg(fn: string, n: number): number {
  requireInt(`GROWTH.${fn}`, 'n', n);
  return n;
}

function checkVectors(fn: string, A: readonly ArrayLike<number>[]) {
  if (!Array.isArray(A) || A.length === 0) {
    throw new Error(`${fn}: A must be a non-empty array of vectors, got ` +
      `${Array.isArray(A) ? 'length 0' : typeof A}`);
  }
  const n = A[0]?.length;
  A.forEach((a, j) => {
    if (!a || a.length !== n || n === 0) {
      throw new Error(`${fn}: A[${j}] must have length ${n} >= 1, got ` +
        `${a?.length}`);
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(a[i])) {
        throw new Error(`${fn}: A[${j}][${i}] must be finite, got ${a[i]}`);
      }
    }
  });
  return n;
}
