// The chapter's synthetic examples: a curve fitted with Gaussian bumps
// to data with a gap, and a line learned one point at a time.
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { addOnesColumn } from '../linear-regression/model.ts';
import { linearData } from '../linear-regression/synthetic.ts';
import { gaussianBasis } from './basis.ts';
import {
  blrPosterior,
  isotropicPrior,
  posteriorDistribution,
  updatePosterior,
} from './posterior.ts';
import type { Posterior } from './posterior.ts';
import { predictive } from './predictive.ts';

// #region band-example
/** y = sin(2πx) + ε on two stretches of [0, 1], fitted with bumps. */
export const BAND = {
  seed: 4, sigma: 0.2, tau2: 1, width: 0.1,
  centres: Array.from({ length: 11 }, (_, k) => k / 10),
  stretches: [[0, 0.3], [0.55, 0.75]], perStretch: 10,
};

export function bandExample(gridSize = 201) {
  requireInteger('bandExample', 'gridSize', gridSize, 2);
  const rng = createRng(BAND.seed);
  const x = Float64Array.from(
    BAND.stretches.flatMap(([lo, hi]) =>
      Array.from(rng.uniformArray(BAND.perStretch, lo, hi))),
  );
  const y = x.map((xi) =>
    Math.sin(2 * Math.PI * xi) + rng.normal(0, BAND.sigma));
  const features = (t: Float64Array) =>
    gaussianBasis(t, BAND.centres, BAND.width);
  const sigma2 = BAND.sigma ** 2;
  const post = blrPosterior(features(x), y, { sigma2, tau2: BAND.tau2 });
  const grid = Float64Array.from({ length: gridSize },
    (_, i) => i / (gridSize - 1));
  const pred = predictive(post, features(grid), sigma2);
  return { x, y, grid, pred, post, features };
}
// #endregion

// #region sequential-example
/** A line y = b + w x + ε, seen one point at a time. */
export const LINE = {
  seed: 11, n: 20, b: -0.3, w: 0.5, sigma: 0.2, tau2: 0.5,
  shownAfter: [0, 1, 2, 20], linesPerPanel: 8,
};

export function sequentialExample() {
  const { X: x, y } = linearData({ seed: LINE.seed, n: LINE.n,
    w: [LINE.w], b: LINE.b, noise: LINE.sigma });
  const X = addOnesColumn(x); // rows (1, x_i): w = (b, w)
  const sigma2 = LINE.sigma ** 2;
  const posteriors: Posterior[] = [isotropicPrior(2, LINE.tau2)];
  for (let i = 0; i < LINE.n; i++) {
    const row = new Matrix(1, 2, X.data.slice(2 * i, 2 * i + 2));
    posteriors.push(updatePosterior(posteriors[i], row,
      y.subarray(i, i + 1), sigma2));
  }
  const rng = createRng(LINE.seed + 1);
  const panels = LINE.shownAfter.map((seen) => {
    const dist = posteriorDistribution(posteriors[seen]);
    const lines = Array.from({ length: LINE.linesPerPanel },
      () => dist.sample(rng)); // (b, w) of one plausible line
    return { seen, posterior: posteriors[seen], lines };
  });
  return { x: x.data, y, X, posteriors, panels };
}
// #endregion
