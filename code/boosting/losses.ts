// The four losses of gradient boosting. For each: the initial
// prediction F_0, the pseudo-residuals (the negative gradient at the
// current F) and the re-optimised value of one leaf, as scikit-learn
// 1.2.1 computes them. Browser-safe.
import { sigmoid } from '../logistic-regression/sigmoid.ts';
import {
  checkLoss,
  checkQuantile,
  checkScores,
} from './checks.ts';

export type LossName =
  'squared_error' | 'absolute_error' | 'huber' | 'log_loss';

/** float32's machine epsilon: scikit-learn clips priors to it. */
const EPS32 = 2 ** -23;

// #region quantile
/** The lower weighted q-quantile: the first value, in sorted order,
 *  whose cumulative weight reaches q times the total weight. */
export function weightedQuantile(
  v: ArrayLike<number>, w: ArrayLike<number>, q: number,
): number {
  checkQuantile('weightedQuantile', v, w, q);
  return lowerQuantile(v, w, q);
}

function lowerQuantile(
  v: ArrayLike<number>, w: ArrayLike<number>, q: number,
): number {
  const order = Array.from(v, (_, i) => i).sort((a, b) => v[a] - v[b]);
  let total = 0;
  for (const i of order) total += w[i];
  let cumulative = 0;
  for (const i of order) {
    cumulative += w[i];
    if (cumulative >= q * total) return v[i];
  }
  return v[order[order.length - 1]];
}
// #endregion

/** The median with the two middle values averaged (NumPy's). */
function median(y: ArrayLike<number>): number {
  const s = Float64Array.from(y).sort();
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

// #region init
/** F_0: the constant that minimises the loss, one per output. */
export function initialScores(
  loss: LossName, y: ArrayLike<number>, K: number,
): Float64Array {
  checkScores('initialScores', loss, y, K);
  const n = y.length;
  if (loss === 'squared_error') {
    let s = 0;
    for (let i = 0; i < n; i++) s += y[i];
    return Float64Array.of(s / n); // Eq. (gb-leaf-mean)
  }
  if (loss !== 'log_loss') { // Eq. (gb-leaf-median)
    return Float64Array.of(median(y));
  }
  const prior = new Float64Array(Math.max(K, 2));
  for (let i = 0; i < n; i++) prior[y[i]] += 1 / n;
  const clip = (p: number) => Math.min(Math.max(p, EPS32), 1 - EPS32);
  if (K === 1) { // the log-odds, Eq. (gb-newton)
    const p = clip(prior[1]);
    return Float64Array.of(Math.log(p / (1 - p)));
  }
  return prior.map((p) => Math.log(clip(p))); // Eq. (gb-newton-multi)
}
// #endregion

/** What the leaf values of output k need to know about round m. */
export interface RoundState {
  y: ArrayLike<number>; // targets, or class labels 0..K-1
  F: Float64Array; // scores F_{m-1}, n × K
  K: number; // outputs: 1, or the number of classes (> 2)
  k: number; // the output this tree fits
  r: Float64Array; // its pseudo-residuals
  w: Float64Array; // 1 in the subsample, 0 out of it
  delta: number; // Huber's threshold this round (else NaN)
}

/** y_ik of the one-hot coding (or y_i itself if K = 1). */
function target(
  y: ArrayLike<number>, K: number, k: number, i: number,
): number {
  return K === 1 ? y[i] : y[i] === k ? 1 : 0;
}

/** p_ik, the model's probability of class k (log loss). */
function probability(
  F: Float64Array, K: number, i: number, k: number,
): number {
  if (K === 1) return sigmoid(F[i]);
  let m = -Infinity;
  for (let j = 0; j < K; j++) m = Math.max(m, F[i * K + j]);
  let s = 0;
  for (let j = 0; j < K; j++) s += Math.exp(F[i * K + j] - m);
  return Math.exp(F[i * K + k] - m) / s;
}

// #region residuals
/** The pseudo-residuals r_i = −∂ℓ(y_i, F)/∂F at F = F_{m−1}(x_i). */
export function pseudoResiduals(
  loss: LossName, s: Omit<RoundState, 'r' | 'delta'>, alpha: number,
): { r: Float64Array; delta: number } {
  checkLoss('pseudoResiduals', loss);
  checkScores('pseudoResiduals', loss, s.y, s.K, s.F, alpha);
  const { y, F, K, k } = s;
  const n = y.length;
  const u = Float64Array.from({ length: n },
    (_, i) => target(y, K, k, i) - F[i * K + k]);
  const r = new Float64Array(n);
  if (loss === 'log_loss') { // y − p, Eq. (gb-r-logloss)
    for (let i = 0; i < n; i++) {
      r[i] = target(y, K, k, i) - probability(F, K, i, k);
    }
    return { r, delta: NaN };
  }
  if (loss !== 'huber') { // Eqs. (gb-r-squared) and (gb-r-absolute)
    for (let i = 0; i < n; i++) {
      r[i] = loss === 'squared_error' ? u[i] : u[i] > 0 ? 1 : -1;
    }
    return { r, delta: NaN };
  }
  const a = u.map(Math.abs); // Huber, Eq. (gb-huber-delta)
  const delta = lowerQuantile(a, new Float64Array(n).fill(1), alpha);
  for (let i = 0; i < n; i++) {
    r[i] = a[i] <= delta ? u[i] : delta * Math.sign(u[i]);
  }
  return { r, delta };
}
// #endregion

// #region leaf-value
/** γ: the value of one leaf (its rows, in the subsample), Eq.
 *  (gb-leaf) solved for each loss. */
export function leafValue(
  loss: LossName, rows: number[], s: RoundState,
): number {
  checkLoss('leafValue', loss);
  if (!Array.isArray(rows)) {
    throw new Error(`leafValue: rows must be an array, got ${rows}`);
  }
  const { y, K, k, r, w } = s;
  if (rows.length === 0) return 0; // no row of the subsample here
  if (loss === 'log_loss') { // one Newton step, Eq. (gb-newton)
    let num = 0;
    let den = 0;
    for (const i of rows) {
      const p = target(y, K, k, i) - r[i];
      num += w[i] * r[i];
      den += w[i] * p * (1 - p);
    }
    if (K > 1) num *= (K - 1) / K; // Eq. (gb-newton-multi)
    return Math.abs(den) < 1e-150 ? 0 : num / den;
  }
  return regressionLeaf(loss, rows, s);
}
// #endregion

// #region leaf-regression
/** γ for the three regression losses. */
function regressionLeaf(
  loss: LossName, rows: number[], s: RoundState,
): number {
  const { y, F, r, w } = s;
  const u = rows.map((i) => y[i] - F[i]);
  const wl = rows.map((i) => w[i]);
  if (loss === 'squared_error') { // the mean, Eq. (gb-leaf-mean)
    let sw = 0;
    let sr = 0;
    for (const i of rows) { sw += w[i]; sr += w[i] * r[i]; }
    return sw > 0 ? sr / sw : 0;
  }
  const med = lowerQuantile(u, wl, 0.5); // Eq. (gb-leaf-median)
  if (loss === 'absolute_error') return med;
  let step = 0; // Huber: one step from the median, Eq. (gb-leaf-huber)
  for (const ui of u) {
    const e = ui - med;
    step += Math.sign(e) * Math.min(Math.abs(e), s.delta);
  }
  return med + step / u.length;
}
// #endregion

/** The mean loss of scores F (n × K) on (X, y): what early stopping
 *  and the figures track. Log loss in nats (scikit-learn's two-class
 *  deviance is twice this; its K-class one equals it); Huber with δ
 *  from these residuals (scikit-learn reuses the last round's δ_m). */
export function lossValue(
  loss: LossName, y: ArrayLike<number>, F: Float64Array, K: number,
  alpha = 0.9,
): number {
  checkScores('lossValue', loss, y, K, F, alpha);
  const n = y.length;
  let total = 0;
  const delta = loss === 'huber' ? lowerQuantile(
    Float64Array.from(y, (yi, i) => Math.abs(yi - F[i])),
    new Float64Array(n).fill(1), alpha) : NaN;
  for (let i = 0; i < n; i++) {
    if (loss === 'log_loss' && K === 1) { // log(1 + e^F) − yF
      const f = F[i];
      total += Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) -
        y[i] * f;
      continue;
    }
    if (loss === 'log_loss') { // log Σ_k e^{F_k} − F_y
      let m = -Infinity;
      for (let k = 0; k < K; k++) m = Math.max(m, F[i * K + k]);
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(F[i * K + k] - m);
      total += m + Math.log(s) - F[i * K + y[i]];
      continue;
    }
    const a = Math.abs(y[i] - F[i]);
    total += loss === 'squared_error' ? a * a
      : loss === 'absolute_error' ? a
        : a <= delta ? 0.5 * a * a : delta * (a - delta / 2);
  }
  return total / n;
}
