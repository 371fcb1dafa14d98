// Calibration: bin the predicted probabilities and compare, per bin,
// the mean prediction with the observed share of positives.
import { quantile } from '../statistics/bootstrap.ts';
import { calledAs } from '../introduction/checks.ts';
import {
  requireLabelsScores,
  requireProbabilityArray,
} from './checks.ts';

// #region bin-edges
export type BinStrategy = 'uniform' | 'quantile';

/** nBins + 1 edges: equal widths on [0, 1], or the (k/nBins)-quantiles
 *  of p (Eq. (stat-quantile)), so that bins hold equal counts. */
export function binEdges(
  p: ArrayLike<number>,
  nBins: number,
  strategy: BinStrategy = 'uniform',
): Float64Array {
  if (!Number.isInteger(nBins) || nBins < 1) {
    throw new Error(
      `binEdges: nBins must be an integer >= 1, got ${nBins}`,
    );
  }
  if (strategy !== 'uniform' && strategy !== 'quantile') {
    throw new Error(`binEdges: strategy must be 'uniform' or 'quantile', ` +
      `got ${strategy}`);
  }
  if (strategy === 'quantile') requireProbabilityArray('binEdges', p);
  const edges = new Float64Array(nBins + 1);
  for (let k = 0; k <= nBins; k++) {
    edges[k] = strategy === 'uniform'
      ? k * (1 / nBins) // as NumPy's linspace computes it
      : quantile(p, k / nBins); // type 7, as np.percentile
  }
  if (strategy === 'uniform') edges[nBins] = 1;
  return edges;
}
// #endregion

// #region calibration-curve
export interface CalibrationCurve {
  probTrue: Float64Array; // share of positives in each non-empty bin
  probPred: Float64Array; // mean predicted probability in the bin
  counts: Float64Array; // samples in the bin
}

/** Eq. (cm-reliability) per non-empty bin; bin b holds the p with
 *  edges[b] < p ≤ edges[b + 1] (the first also holds its left edge). */
export function calibrationCurve(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  nBins = 5,
  strategy: BinStrategy = 'uniform',
): CalibrationCurve {
  requireLabelsScores('calibrationCurve', y, p, 'p');
  requireProbabilityArray('calibrationCurve', p);
  const edges = calledAs('calibrationCurve',
    () => binEdges(p, nBins, strategy));
  const total = new Float64Array(nBins);
  const sumY = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  for (let i = 0; i < y.length; i++) {
    let b = 0; // the number of inner edges strictly below p[i]
    while (b < nBins - 1 && edges[b + 1] < p[i]) b++;
    total[b] += 1;
    sumY[b] += y[i];
    sumP[b] += p[i];
  }
  const full = Array.from(total.keys()).filter((b) => total[b] > 0);
  return {
    probTrue: Float64Array.from(full, (b) => sumY[b] / total[b]),
    probPred: Float64Array.from(full, (b) => sumP[b] / total[b]),
    counts: Float64Array.from(full, (b) => total[b]),
  };
}
// #endregion
