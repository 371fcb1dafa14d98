// Noise schedules: the variances β₁ … β_T of the forward process, the
// products ᾱ_t that give q(x_t | x₀) in one step, and the coefficients
// of the posterior q(x_{t−1} | x_t, x₀) that the reverse process
// imitates. Index t − 1 of each array holds step t (t = 1 … T).
import { checkBetas, checkLinear, checkCosine, checkStep } from
  './checks.ts';

/** β_t, α_t = 1 − β_t and ᾱ_t = α₁⋯α_t for t = 1 … T. */
export interface Schedule {
  readonly T: number;
  readonly beta: Float64Array;
  readonly alpha: Float64Array;
  readonly alphaBar: Float64Array;
}

// #region from-betas
/** The schedule of given β's: α_t = 1 − β_t, ᾱ_t = Π α_s, Eq.
 *  (dm-alphabar). */
export function fromBetas(beta: ArrayLike<number>): Schedule {
  checkBetas('fromBetas', beta);
  const T = beta.length;
  const b = Float64Array.from(beta);
  const alpha = b.map((x) => 1 - x);
  const alphaBar = new Float64Array(T);
  let prod = 1;
  for (let t = 0; t < T; t++) alphaBar[t] = prod *= alpha[t];
  return { T, beta: b, alpha, alphaBar };
}
// #endregion

// #region linear
/** Ho et al.'s schedule: β rises linearly from beta1 to betaT. */
export function linearSchedule(T: number, beta1 = 1e-4,
  betaT = 0.02): Schedule {
  checkLinear(T, beta1, betaT);
  const beta = new Float64Array(T);
  for (let t = 1; t <= T; t++) {
    beta[t - 1] = T === 1 ? beta1
      : beta1 + (betaT - beta1) * (t - 1) / (T - 1);
  }
  return fromBetas(beta);
}
// #endregion

// #region cosine
/** Nichol and Dhariwal's schedule, Eq. (dm-cosine): ᾱ_t follows
 *  f(t)/f(0), f(t) = cos²((t/T + s)/(1 + s) · π/2), and each β_t is
 *  clipped at maxBeta so that the last steps stay finite. */
export function cosineSchedule(T: number, s = 0.008,
  maxBeta = 0.999): Schedule {
  checkCosine(T, s, maxBeta);
  const f = (t: number) => Math.cos((t / T + s) / (1 + s) * Math.PI / 2)
    ** 2;
  const beta = new Float64Array(T);
  for (let t = 1; t <= T; t++) {
    beta[t - 1] = Math.min(1 - f(t) / f(t - 1), maxBeta);
  }
  return fromBetas(beta);
}
// #endregion

// #region posterior
/** q(x_{t−1} | x_t, x₀) = N(c₀x₀ + c_t x_t, β̃_t I), Eq.
 *  (dm-posterior); ᾱ₀ = 1 makes step 1 return x₀ exactly. */
export function posteriorCoefficients(s: Schedule, t: number) {
  checkStep('posteriorCoefficients', s, t);
  const ab = s.alphaBar[t - 1];
  const abPrev = t > 1 ? s.alphaBar[t - 2] : 1;
  const b = s.beta[t - 1];
  return {
    c0: Math.sqrt(abPrev) * b / (1 - ab),
    ct: Math.sqrt(s.alpha[t - 1]) * (1 - abPrev) / (1 - ab),
    variance: (1 - abPrev) / (1 - ab) * b, // β̃_t
  };
}
// #endregion
