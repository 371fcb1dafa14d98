// The chapter's worked examples: each returns the numbers that the page
// prints and the figures draw, from a fixed seed.
import { createRng } from '../introduction/random.ts';
import { fromRows } from '../linear-algebra/matrix.ts';
import { bayesPosterior } from './bayes.ts';
import { covarianceEllipse, ellipseRadius } from './ellipse.ts';
import { klGaussian, klMonteCarlo } from './information.ts';
import { MultivariateNormal } from './mvn.ts';
import { normalLogPdf, normalPdf } from './univariate.ts';

// #region underflow
/** The first n at which the product of n normal densities is 0. */
export function underflowDemo(seed = 11, maxN = 5000) {
  const rng = createRng(seed);
  let product = 1;
  let logSum = 0;
  for (let n = 1; n <= maxN; n++) {
    const x = rng.normal();
    product *= normalPdf(x); // 0 once below 5e-324
    logSum += normalLogPdf(x); // Eq. (prob-iid-log): no trouble
    if (product === 0) return { n, logSum };
  }
  throw new Error(`underflowDemo: no underflow within ${maxN} draws`);
}
// #endregion

/** A screening test: P(disease | positive) by Bayes' theorem. */
export function screeningExample(
  prevalence = 0.01, sensitivity = 0.95, falsePositive = 0.05,
) {
  const { posterior } = bayesPosterior(
    [Math.log(prevalence), Math.log1p(-prevalence)],
    [Math.log(sensitivity), Math.log(falsePositive)],
  );
  return { prevalence, sensitivity, falsePositive, post: posterior[0] };
}

/** The three normals of the sampling figure. */
export const SAMPLING_COVS = [
  [[1, 0], [0, 1]],
  [[2.5, 0], [0, 0.4]],
  [[1.5, 1.2], [1.2, 1.5]],
];

/** Draws from each normal, its ellipses, and the share inside each. */
export function samplingDemo(seed = 5, n = 500, masses = [0.5, 0.95]) {
  const rng = createRng(seed);
  return SAMPLING_COVS.map((rows) => {
    const dist = new MultivariateNormal(new Float64Array(2),
      fromRows(rows));
    const X = dist.sampleMany(rng, n);
    const ellipses = masses.map((q) => ({
      q, points: covarianceEllipse(dist, ellipseRadius(q)),
    }));
    const inside = masses.map((q) => {
      const r2 = ellipseRadius(q) ** 2;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (dist.mahalanobisSq(X.row(i)) <= r2) k++;
      }
      return k / n;
    });
    return { cov: rows, X, ellipses, inside };
  });
}

/** Two 2-D normals for the KL example. */
export function klPair() {
  const p = new MultivariateNormal(Float64Array.of(0, 0),
    fromRows([[1, 0.8], [0.8, 1]]));
  const q = new MultivariateNormal(Float64Array.of(0.5, -0.5),
    fromRows([[1.5, 0], [0, 1.5]]));
  return { p, q };
}

/** Monte Carlo KL(p || q) and its standard error at growing n. */
export function klConvergence(seed = 9, sizes = [10, 30, 100, 300,
  1000, 3000, 10000, 30000, 100000]) {
  const { p, q } = klPair();
  const exact = klGaussian(p, q);
  const exactReverse = klGaussian(q, p);
  const rows = sizes.map((n) => {
    const rng = createRng(seed + n);
    return { n, ...klMonteCarlo(rng, p, q, n) };
  });
  return { exact, exactReverse, rows };
}
