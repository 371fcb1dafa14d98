// Student's t distribution for integer degrees of freedom: its CDF by
// the reduction formula for the integral of cos^m, its density, and
// its quantile by Newton's method safeguarded by bisection.
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
  const theta = Math.atan(t / Math.sqrt(nu)); // x = sqrt(nu) tan(phi)
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const m = nu - 1; // integrate cos^m
  // J_m = I_m(theta) / W_m, built up from m = 0 or 1 in steps of 2
  let J = m % 2 === 0 ? theta / (Math.PI / 2) : s; // J_0 or J_1
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
  const { mass } = centralMass(Math.abs(t), nu);
  return t >= 0 ? 0.5 + mass / 2 : 0.5 - mass / 2; // Eq. (stat-t-cdf)
}
// #endregion

// #region t-pdf
/** The density of t with nu degrees of freedom, Eq. (stat-t-pdf). */
export function tPdf(t: number, nu: number): number {
  requireFinite('tPdf', 't', t);
  requireDof('tPdf', nu);
  let W = nu % 2 === 1 ? Math.PI / 2 : 1; // W_{nu-1}, by Eq. (stat-wallis)
  for (let k = nu % 2 === 1 ? 2 : 3; k <= nu - 1; k += 2) W *= (k - 1) / k;
  const cos = 1 / Math.sqrt(1 + (t * t) / nu); // cos(theta)
  return cos ** (nu + 1) / (2 * Math.sqrt(nu) * W);
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
  if (p < 0.5) return -tQuantile(1 - p, nu); // symmetry
  if (nu > T_QUANTILE_LARGE_NU) return quantileExpansion(p, nu);
  const target = 2 * p - 1; // solve P(|T| <= t) = target for t >= 0
  let lo = 0;
  let hi = Math.max(1, normalQuantile(p));
  for (let i = 0; centralMass(hi, nu).mass < target; i++) {
    if (i > 1100) throw new Error(`tQuantile: no bracket for p=${p}`);
    hi *= 2; // the t tail is heavier than the normal's: widen
  }
  let t = Math.min(normalQuantile(p), hi);
  for (let step = 0; step < T_QUANTILE_MAX_STEPS; step++) {
    const f = centralMass(t, nu).mass - target;
    if (f < 0) lo = t;
    else hi = t;
    // Newton: d/dt P(|T| <= t) = 2 p(t)
    let next = t - f / (2 * tPdf(t, nu));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2; // bisect
    if (Math.abs(next - t) <= 4 * Number.EPSILON * next) return next;
    t = next;
  }
  throw new Error(
    `tQuantile: no convergence in ${T_QUANTILE_MAX_STEPS} steps ` +
      `for p=${p}, nu=${nu}`,
  );
}

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
