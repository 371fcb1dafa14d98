// Vanishing and exploding gradients, measured: the Jacobian ∂h_T/∂h_{T−k}
// is a product of k factors diag(1 − h_t²) W_hh, Eq. (rnn-jacobian), and
// its norm shrinks or grows about geometrically in k.
import { Tensor } from '../autodiff/tensor.ts';
import type { Rng } from '../introduction/random.ts';
import {
  orthogonalWeights,
} from '../initialization-and-normalization/solutions/orthogonal.ts';
import { ElmanCell } from './cell.ts';
import { elmanForward } from './bptt.ts';
import { checkArrays, checkRng, checkSize } from './checks.ts';

// #region lag-norms
/** ‖∂h_T/∂h_{T−k}‖_F for k = 1, …, K along hs = h_1, …, h_T of one
 *  sequence, Eq. (rnn-jacobian): P ← P diag(1 − h_t²) W_hh. */
export function lagNorms(Whh: Float64Array, hs: Float64Array[],
  K: number): number[] {
  const H = checkLag(Whh, hs, K);
  let P = new Float64Array(H * H);
  for (let a = 0; a < H; a++) P[a * H + a] = 1; // ∂h_T/∂h_T = I
  const norms: number[] = [];
  for (let k = 1; k <= K; k++) {
    const h = hs[hs.length - k]; // h_{T−k+1}
    const next = new Float64Array(H * H);
    for (let a = 0; a < H; a++) {
      for (let c = 0; c < H; c++) {
        const pc = P[a * H + c] * (1 - h[c] * h[c]);
        for (let b = 0; b < H; b++) next[a * H + b] += pc * Whh[c * H + b];
      }
    }
    P = next;
    let sq = 0;
    for (const v of P) sq += v * v;
    norms.push(Math.sqrt(sq));
  }
  return norms;
}
// #endregion

// #region lag-study
/** An Elman cell with W_hh = ρQ (Q orthogonal: every singular value
 *  and |eigenvalue| is ρ), W_ih ~ N(0, inputScale²/d), zero biases,
 *  driven by N(0, 1) inputs for `steps` steps from h_0 = 0: its lag
 *  norms, the share of |h| > 0.9 and the mean slope 1 − h² of tanh. */
export function lagStudy(o: { hidden: number; input: number;
  rho: number; steps: number; lags: number; inputScale: number },
  rng: Rng) {
  checkStudy(o, rng);
  const { hidden: H, input: d } = o;
  const W = (a: Float64Array, shape: number[]) =>
    new Tensor(a, shape, true);
  const cell = new ElmanCell(
    W(rng.normalArray(H * d, 0, o.inputScale / Math.sqrt(d)), [H, d]),
    W(new Float64Array(H), [H]),
    W(orthogonalWeights(H, rng, o.rho), [H, H]),
    W(new Float64Array(H), [H]));
  const xs = Array.from({ length: o.steps },
    () => rng.normalArray(d));
  const hs = elmanForward(cell, xs, new Float64Array(H));
  let sat = 0, slope = 0; // over the run: |h| > 0.9, and tanh' = 1 − h²
  for (const h of hs) {
    for (const v of h) {
      if (Math.abs(v) > 0.9) sat++;
      slope += 1 - v * v;
    }
  }
  return { norms: lagNorms(cell.Whh.data, hs, o.lags),
    saturated: sat / (o.steps * H), meanSlope: slope / (o.steps * H) };
}
// #endregion

function checkLag(Whh: Float64Array, hs: Float64Array[], K: number) {
  const H = Math.round(Math.sqrt(Whh?.length ?? 0));
  if (!(Whh instanceof Float64Array) || H < 1 || H * H !== Whh.length) {
    throw new Error('lagNorms: Whh must be a square Float64Array [H, H]');
  }
  checkArrays('lagNorms', 'Whh', [Whh], 1, H * H);
  checkSize('lagNorms', 'K', K);
  checkArrays('lagNorms', 'hs', hs, Array.isArray(hs) ? hs.length : 0,
    H);
  if (K > hs.length) {
    throw new Error(`lagNorms: K must be at most the ${hs.length} ` +
      `steps of hs, got ${K}`);
  }
  return H;
}

function checkStudy(o: { hidden: number; input: number; rho: number;
  steps: number; lags: number; inputScale: number }, rng: Rng): void {
  if (o === null || typeof o !== 'object') {
    throw new Error('lagStudy: options must be an object');
  }
  for (const k of ['hidden', 'input', 'steps', 'lags'] as const) {
    checkSize('lagStudy', k, o[k]);
  }
  for (const k of ['rho', 'inputScale'] as const) {
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k]) ||
      !(o[k] > 0)) {
      throw new Error(`lagStudy: ${k} must be a finite number > 0, ` +
        `got ${o[k]}`);
    }
  }
  if (o.lags > o.steps) {
    throw new Error(`lagStudy: lags must be at most steps (${o.steps})` +
      `, got ${o.lags}`);
  }
  checkRng('lagStudy', rng);
}
