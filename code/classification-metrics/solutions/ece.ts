// Exercise: the expected calibration error and its upward bias.
import { calledAs, requireInteger } from '../../introduction/checks.ts';
import { createRng } from '../../introduction/random.ts';
import { calibrationCurve } from '../calibration.ts';

// #region ece
/** ECE = Σ_j (|B_j|/n) |ȳ_j − p̄_j| over the non-empty bins. */
export function expectedCalibrationError(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  nBins = 10,
): number {
  const c = calledAs('expectedCalibrationError',
    () => calibrationCurve(y, p, nBins));
  let ece = 0;
  for (let j = 0; j < c.counts.length; j++) {
    ece += (c.counts[j] / y.length) *
      Math.abs(c.probTrue[j] - c.probPred[j]);
  }
  return ece;
}
// #endregion

// #region simulation
/** The ECE of a perfectly calibrated model: p ~ U(0, 1), y ~
 *  Bernoulli(p), n samples, one value per seed 1..seeds. */
export function eceOfCalibrated(n: number, seeds: number, nBins = 10) {
  const fn = 'eceOfCalibrated';
  requireInteger(fn, 'n', n, 1);
  requireInteger(fn, 'seeds', seeds, 1);
  requireInteger(fn, 'nBins', nBins, 1);
  const out = new Float64Array(seeds);
  for (let k = 0; k < seeds; k++) {
    const rng = createRng(k + 1);
    const p = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      p[i] = rng.uniform();
      y[i] = rng.uniform() < p[i] ? 1 : 0;
    }
    out[k] = expectedCalibrationError(y, p, nBins);
  }
  return out;
}
// #endregion
