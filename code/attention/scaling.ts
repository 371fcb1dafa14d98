// Why the scores are divided by √d, measured. For q and k with
// independent entries of mean 0 and variance 1, q·k has variance d,
// Eq. (att-variance); unscaled, the softmax of such scores saturates
// as d grows, and its gradient vanishes, Eq. (att-saturate).
import type { Rng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';

// #region dot-variance
/** The sample variance of q·k over n pairs of standard normal
 *  vectors of length d. */
export function dotVariance(d: number, n: number, rng: Rng): number {
  requireInteger('dotVariance', 'd', d, 1);
  requireInteger('dotVariance', 'n', n, 2);
  let mean = 0, m2 = 0; // Welford's running moments
  for (let i = 1; i <= n; i++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += rng.normal() * rng.normal();
    const delta = s - mean;
    mean += delta / i;
    m2 += delta * (s - mean);
  }
  return m2 / (n - 1);
}
// #endregion

// #region saturation
/** Mean entropy (nats) and mean largest weight of softmax(s · q·k_j)
 *  over Tk standard normal keys, for n standard normal queries. */
export function softmaxSpread(d: number, Tk: number, scale: number,
  n: number, rng: Rng): { entropy: number; maxWeight: number } {
  requireInteger('softmaxSpread', 'd', d, 1);
  requireInteger('softmaxSpread', 'Tk', Tk, 2);
  requireInteger('softmaxSpread', 'n', n, 1);
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new Error(`softmaxSpread: scale must be > 0, got ${scale}`);
  }
  let entropy = 0, maxWeight = 0;
  const s = new Float64Array(Tk);
  for (let r = 0; r < n; r++) {
    const q = rng.normalArray(d);
    for (let j = 0; j < Tk; j++) {
      s[j] = 0;
      for (let c = 0; c < d; c++) s[j] += q[c] * rng.normal();
      s[j] *= scale;
    }
    const p = softmax(s);
    for (let j = 0; j < Tk; j++) {
      if (p[j] > 0) entropy -= p[j] * Math.log(p[j]) / n;
    }
    let top = 0;
    for (let j = 0; j < Tk; j++) top = Math.max(top, p[j]);
    maxWeight += top / n;
  }
  return { entropy, maxWeight };
}
// #endregion

// #region temperature
/** softmax(s / τ): τ → 0 is the hard lookup (argmax), τ → ∞ the
 *  uniform average, Eq. (att-temperature). */
export function softmaxTemperature(scores: ArrayLike<number>,
  tau: number): Float64Array {
  if (!(tau > 0) || !Number.isFinite(tau)) {
    throw new Error(`softmaxTemperature: tau must be > 0, got ${tau}`);
  }
  const s = Float64Array.from(scores);
  if (s.length === 0 || !s.every(Number.isFinite)) {
    throw new Error('softmaxTemperature: scores must be finite ' +
      'numbers, at least one');
  }
  return softmax(s.map((x) => x / tau));
}
// #endregion

/** A stable softmax of one row (the largest score subtracted). */
function softmax(s: Float64Array): Float64Array {
  let m = -Infinity;
  for (let j = 0; j < s.length; j++) m = Math.max(m, s[j]);
  const p = s.map((x) => Math.exp(x - m));
  let z = 0;
  for (let j = 0; j < p.length; j++) z += p[j];
  return p.map((x) => x / z);
}
