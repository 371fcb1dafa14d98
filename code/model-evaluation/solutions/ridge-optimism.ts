// Exercise: the optimism of ridge regression, 2σ² tr S / n.
import { svd } from '../../decompositions/svd.ts';
import type { Rng } from '../../introduction/random.ts';
import { moments } from '../../introduction/stats.ts';
import { Matrix } from '../../linear-algebra/matrix.ts';
import { center, predict } from '../../linear-regression/model.ts';
import { meanSquaredError } from '../../linear-regression/metrics.ts';
import {
  effectiveDof,
  ridgeCholesky,
} from '../../regularization/ridge.ts';
import type { Problem } from '../bias-variance.ts';
import { polynomialDesign } from '../polynomial.ts';

// #region ridge-trace
/** The powers t¹..t^q (the intercept is ridge's own, unpenalized). */
export function ridgeFeatures(x: Float64Array, degree: number,
  problem: Problem): Matrix {
  const P = polynomialDesign(x, degree, problem.domain);
  const X = new Matrix(x.length, degree);
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < degree; j++) {
      X.data[i * degree + j] = P.get(i, j + 1);
    }
  }
  return X;
}

/** tr S = 1 + Σ_j s_j²/(s_j² + λ): intercept plus Eq. (rg-ridge-df). */
export function ridgeTrace(X: Matrix, lambda_: number): number {
  const { Xc } = center(X, new Float64Array(X.rows));
  return 1 + effectiveDof(svd(Xc).s, lambda_);
}
// #endregion

// #region ridge-optimism
/** Simulated optimism (in-sample minus training MSE) of ridge. */
export function ridgeOptimism(problem: Problem, x: Float64Array,
  degree: number, lambda_: number, reps: number, rng: Rng) {
  const X = ridgeFeatures(x, degree, problem);
  const { f, sigma } = problem;
  const gap = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    const y = x.map((xi) => f(xi) + rng.normal(0, sigma));
    const { w, b } = ridgeCholesky(X, y, lambda_);
    const yHat = predict(X, w, b);
    const yNew = x.map((xi) => f(xi) + rng.normal(0, sigma));
    gap[r] = meanSquaredError(yNew, yHat) - meanSquaredError(y, yHat);
  }
  return moments(gap); // mean about 2σ² tr S / n
}
// #endregion
