// @unshown: computes the studies whose results the figures and prose quote
import {
  amise,
  amiseBandwidth,
  biasVarianceCurve,
} from './bias-variance.ts';
import { equivalentKernel, localLinearFit } from './local-fit.ts';
import { selectBandwidth } from './loo.ts';
import {
  SINE,
  SINE_ROUGHNESS,
  grid,
  sineData,
  sineTruth,
} from './synthetic.ts';

/** The chapter's synthetic data set, drawn once. */
let sineCache: ReturnType<typeof sineData> | null = null;
export function sine() {
  sineCache ??= sineData(SINE);
  return sineCache;
}

/** The query point and bandwidth of the intuition figure. */
export const SHOWN = { x0: 0.62, tau: 0.05 } as const;

/** The local fit at SHOWN.x0. */
export function shownFit() {
  const { X, y } = sine();
  return localLinearFit(X, y, Float64Array.of(SHOWN.x0), SHOWN.tau);
}

/** Bandwidth and query points of the equivalent-kernel figure. */
export const KERNEL_SHOWN = { tau: 0.05, x0: [0.5, 0] } as const;

/** l(x0) at an interior point and at the left boundary. */
export function equivalentKernels() {
  const { X } = sine();
  return KERNEL_SHOWN.x0.map((x0) => {
    const l = equivalentKernel(X, Float64Array.of(x0), KERNEL_SHOWN.tau);
    return { x0, l, min: l.reduce((m, v) => Math.min(m, v), Infinity) };
  });
}

/** 25 bandwidths from 0.01 to 0.316, evenly in log. */
export const SINE_TAUS = Array.from({ length: 25 }, (_, k) =>
  10 ** (-2 + (1.5 * k) / 24));

/** Exact mean bias² and variance on 101 grid points; the formula. */
let bvCache: ReturnType<typeof computeBiasVariance> | null = null;
export function sineBiasVariance() {
  bvCache ??= computeBiasVariance();
  return bvCache;
}

function computeBiasVariance() {
  const { X } = sine();
  const exact = biasVarianceCurve(
    X, (x) => sineTruth(x[0]), SINE.noise, grid(0, 1, 101), SINE_TAUS);
  const total = exact.bias2.map((b, t) => b + exact.variance[t]);
  let best = 0;
  total.forEach((v, t) => {
    if (v < total[best]) best = t;
  });
  const tauStar = amiseBandwidth(SINE.n, SINE.noise, SINE_ROUGHNESS);
  const approx = SINE_TAUS.map((tau) =>
    amise(tau, SINE.n, SINE.noise, SINE_ROUGHNESS).total);
  return { ...exact, total, best: SINE_TAUS[best], tauStar, approx };
}

/** Leave-one-out choice of τ on the synthetic data, same grid. */
let cvCache: ReturnType<typeof selectBandwidth> | null = null;
export function sineCv() {
  const { X, y } = sine();
  cvCache ??= selectBandwidth(X, y, SINE_TAUS);
  return cvCache;
}
