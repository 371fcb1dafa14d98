// Student's t distribution for integer degrees of freedom: its CDF by
// the reduction formula for the integral of cos^m, its far tail by a
// series of positive terms, its density, and its quantile by Newton's
// method safeguarded by bisection.
import { requireFinite } from '../introduction/checks.ts';
import { normalQuantile } from './normal-quantile.ts';

function requireDof(fn: string, nu: number): void {
  if (!Number.isSafeInteger(nu) || nu < 1 || nu > 1e7) {
    throw new Error(
      `${fn}: nu must be an integer in [1, 1e7], got ${nu}`,
    );
  }
}

// #region t-cdf
/** P(|T| <= t) for t >= 0 and the Wallis integral W_{nu-1}. */
function centralMass(t: number, nu: number) {
  const psi = Math.atan(t / Math.sqrt(nu)); // t = sqrt(nu) tan(psi)
  const c = Math.cos(psi);
  const s = Math.sin(psi);
  const m = nu - 1; // integrate cos^m
  // J_m = C_m(psi) / W_m, built up from m = 0 or 1 in steps of 2
  let J = m % 2 === 0 ? psi / (Math.PI / 2) : s; // J_0 or J_1
  let W = m % 2 === 0 ? Math.PI / 2 : 1; // W_0 or W_1
  let cPow = m % 2 === 0 ? c : c * c; // c^(k-1) for the first k
  for (let k = m % 2 === 0 ? 2 : 3; k <= m; k += 2) {
    W *= (k - 1) / k; // Eq. (stat-wallis)
    J += (cPow * s) / (k * W); // Eq. (stat-t-recursion)
    cPow *= c * c;
  }
  return { mass: J, W };
}

/** P(T <= t) for T ~ t with nu degrees of freedom. */
export function tCdf(t: number, nu: number): number {
  requireFinite('tCdf', 't', t);
  requireDof('tCdf', nu);
  if (t < 0) return upperTail(-t, nu); // the small tail, directly
  const { mass } = centralMass(t, nu);
  return 0.5 + mass / 2; // Eq. (stat-t-cdf)
}
// #endregion

// #region t-tail
/** Below this tail mass, 1/2 - J/2 would lose relative digits. */
export const T_TAIL_SWITCH = 0.05;

/** P(T > t) for t >= 0, to full relative accuracy in the far tail. */
function upperTail(t: number, nu: number): number {
  const rough = 0.5 - centralMass(t, nu).mass / 2; // Eq. (stat-t-cdf)
  if (rough > T_TAIL_SWITCH) return rough;
  const omega = Math.atan(Math.sqrt(nu) / t); // pi/2 - psi_t
  const s2 = Math.sin(omega) ** 2;
  const m = nu - 1;
  let term = Math.sin(omega) ** (m + 1) / (m + 1); // a_0 sin^(m+1)
  let sum = 0; // Eq. (stat-t-tail), without the factor cos(omega)
  for (let j = 1; term > (Number.EPSILON / 4) * sum; j++) {
    sum += term;
    term *= (s2 * (m + 2 * j)) / (m + 2 * j + 1); // a_j from a_(j-1)
  }
  return (Math.cos(omega) * sum) / (2 * wallis(m));
}

/** W_m = integral of cos^m over [0, pi/2], Eq. (stat-wallis). */
function wallis(m: number): number {
  let W = m % 2 === 0 ? Math.PI / 2 : 1; // W_0 or W_1
  for (let k = m % 2 === 0 ? 2 : 3; k <= m; k += 2) W *= (k - 1) / k;
  return W;
}
// #endregion

// #region t-pdf
/** The density of t with nu degrees of freedom, Eq. (stat-t-pdf). */
export function tPdf(t: number, nu: number): number {
  requireFinite('tPdf', 't', t);
  requireDof('tPdf', nu);
  const cos = 1 / Math.sqrt(1 + (t * t) / nu); // cos(theta)
  return cos ** (nu + 1) / (2 * Math.sqrt(nu) * wallis(nu - 1));
}
// #endregion

// #region t-quantile
export const T_QUANTILE_MAX_STEPS = 200;
/** Above this nu, the expansion in 1/nu is exact to rounding. */
export const T_QUANTILE_LARGE_NU = 1e5;

/** t with P(T <= t) = p, for 0 < p < 1 and integer nu >= 1. */
export function tQuantile(p: number, nu: number): number {
  requireFinite('tQuantile', 'p', p);
  requireDof('tQuantile', nu);
  if (!(p > 0 && p < 1)) {
    throw new Error(`tQuantile: p must be in (0, 1), got ${p}`);
  }
  if (nu > T_QUANTILE_LARGE_NU) return quantileExpansion(p, nu);
  const q = p < 0.5 ? p : 1 - p; // the smaller tail; exact either way
  const t = tailQuantile(p, q, nu);
  return p < 0.5 ? -t : t; // symmetry
}

// #endregion

// #region t-tail-quantile
/** t >= 0 with P(T > t) = q: Newton on log P(T > t), in a bracket. */
function tailQuantile(p: number, q: number, nu: number): number {
  if (q === 0.5) return 0;
  const logQ = Math.log(q);
  let lo = 0; // P(T > lo) > q
  let hi = Math.max(1, -normalQuantile(q)); // t's tail is heavier
  for (let i = 0; upperTail(hi, nu) > q; i++) {
    if (i > 1100) throw new Error(`tQuantile: no bracket for p=${p}`);
    hi *= 2;
  }
  let t = Math.min(-normalQuantile(q), hi);
  for (let step = 0; step < T_QUANTILE_MAX_STEPS; step++) {
    const tail = upperTail(t, nu);
    if (tail > q) lo = t;
    else hi = t;
    // d/dt log P(T > t) = -p(t) / P(T > t)
    let next = t + ((Math.log(tail) - logQ) * tail) / tPdf(t, nu);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2; // bisect
    if (Math.abs(next - t) <= 4 * Number.EPSILON * next ||
      hi - lo <= 4 * Number.EPSILON * hi) return next;
    t = next;
  }
  throw new Error(
    `tQuantile: no convergence in ${T_QUANTILE_MAX_STEPS} steps ` +
      `for p=${p}, nu=${nu}`,
  );
}

// #endregion

// #region t-quantile-large
/**
 * z + g1/nu + g2/nu^2 + g3/nu^3 + g4/nu^4 (Abramowitz and Stegun
 * 26.7.5). For nu > 1e5 the next term is below rounding, while the
 * O(nu) CDF costs milliseconds a call and carries (nu + 4) eps noise.
 */
function quantileExpansion(p: number, nu: number): number {
  const z = normalQuantile(p);
  const s = z * z;
  const g1 = ((s + 1) * z) / 4;
  const g2 = (((5 * s + 16) * s + 3) * z) / 96;
  const g3 = ((((3 * s + 19) * s + 17) * s - 15) * z) / 384;
  const g4 = (((((79 * s + 776) * s + 1482) * s - 1920) * s - 945) * z) /
    92160;
  return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}
// #endregion
