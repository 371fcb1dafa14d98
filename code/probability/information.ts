// Entropy, cross-entropy and the Kullback–Leibler divergence: for
// discrete distributions, for normals in closed form, and by Monte
// Carlo for anything we can sample and evaluate.
import type { Rng } from '../introduction/random.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { solveLower } from '../decompositions/triangular.ts';
import type { MultivariateNormal } from './mvn.ts';
import {
  requireFinite, requirePositive, requireProbabilities,
} from '../introduction/checks.ts';

function requirePair(fn: string, p: ArrayLike<number>,
  q: ArrayLike<number>): void {
  requireProbabilities(fn, 'p', p);
  requireProbabilities(fn, 'q', q);
  if (p.length !== q.length) {
    throw new Error(`${fn}: expected p and q of one length, got ` +
      `${p.length} and ${q.length}`);
  }
}

// #region entropy
/** H(p) = -sum_k p_k log p_k, with 0 log 0 = 0: Eq. (prob-entropy). */
export function entropy(p: ArrayLike<number>): number {
  requireProbabilities('entropy', 'p', p);
  let h = 0;
  for (let k = 0; k < p.length; k++) {
    if (p[k] > 0) h -= p[k] * Math.log(p[k]);
  }
  return h;
}

/** H(p, q) = -sum_k p_k log q_k: Eq. (prob-cross-entropy). */
export function crossEntropy(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
): number {
  requirePair('crossEntropy', p, q);
  let h = 0;
  for (let k = 0; k < p.length; k++) {
    if (p[k] > 0) h -= p[k] * Math.log(q[k]); // q_k = 0: +Infinity
  }
  return h;
}
// #endregion

// #region kl-discrete
/** KL(p || q) = sum_k p_k log(p_k / q_k): Eq. (prob-kl). */
export function klDivergence(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
): number {
  requirePair('klDivergence', p, q);
  let kl = 0;
  for (let k = 0; k < p.length; k++) {
    if (p[k] === 0) continue; // 0 log(0 / q) = 0
    if (q[k] === 0) return Infinity; // p puts mass where q has none
    kl += p[k] * (Math.log(p[k]) - Math.log(q[k]));
  }
  return Math.max(kl, 0); // Gibbs: >= 0; clip a rounding-level -1e-17
}
// #endregion

// #region kl-normal
/** Entropy of N(mean, sd^2) in nats: Eq. (prob-normal-entropy). */
export function normalEntropy(sd: number): number {
  requirePositive('normalEntropy', 'sd', sd);
  return 0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(sd);
}

/** KL(N(m1, s1^2) || N(m2, s2^2)): Eq. (prob-kl-normal). */
export function klNormal(m1: number, s1: number, m2: number,
  s2: number): number {
  requireFinite('klNormal', 'm1', m1);
  requireFinite('klNormal', 'm2', m2);
  requirePositive('klNormal', 's1', s1);
  requirePositive('klNormal', 's2', s2);
  const tau = s1 / s2;
  const z = (m1 - m2) / s2;
  return 0.5 * (tau * tau + z * z - 1) - Math.log(tau);
}
// #endregion

// #region kl-gaussian
/** KL(p || q) for multivariate normals: Eq. (prob-kl-mvn). */
export function klGaussian(
  p: MultivariateNormal,
  q: MultivariateNormal,
): number {
  const d = p.dim;
  if (q.dim !== d) {
    throw new Error(`klGaussian: expected p and q of one dimension, ` +
      `got ${d} and ${q.dim}`);
  }
  let trace = 0; // tr(Sq^-1 Sp) = ||Lq^-1 Lp||_F^2
  for (let j = 0; j < d; j++) {
    const c = solveLower(q.L, p.L.col(j));
    for (let i = 0; i < d; i++) trace += c[i] * c[i];
  }
  const z = solveLower(q.L, p.mean.map((m, i) => m - q.mean[i]));
  let maha = 0;
  for (let i = 0; i < d; i++) maha += z[i] * z[i];
  return 0.5 * (trace + maha - d + q.logDet - p.logDet);
}
// #endregion

// #region kl-monte-carlo
export interface Density {
  logPdf(x: Vector): number;
  sample(rng: Rng): Vector;
}

/** KL(p || q) as a mean over draws x ~ p: Eq. (prob-kl-mc). */
export function klMonteCarlo(rng: Rng, p: Density, q: Density,
  n: number): { estimate: number; standardError: number } {
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`klMonteCarlo: n must be an integer >= 2, got ${n}`);
  }
  let mean = 0;
  let m2 = 0; // Welford's running sum of squared deviations
  for (let i = 1; i <= n; i++) {
    const x = p.sample(rng);
    const r = p.logPdf(x) - q.logPdf(x);
    const delta = r - mean;
    mean += delta / i;
    m2 += delta * (r - mean);
  }
  return { estimate: mean, standardError: Math.sqrt(m2 / (n - 1) / n) };
}
// #endregion
