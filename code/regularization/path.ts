// The regularization path: the smallest λ that zeroes every weight, a
// log-spaced grid below it, and warm-started fits along the grid.
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { elasticNet } from './coordinate-descent.ts';
import type { CDOptions, ElasticNetFit } from './coordinate-descent.ts';
import { gramProblem } from './problem.ts';
import { checkLambdas } from './ridge.ts';
import { calledAs } from '../introduction/checks.ts';

// #region lambda-max
/**
 * λ_max = max_j |q_j| / α, q = Xcᵀyc/n, Eq. (rg-lambda-max): for λ at or
 * above it, w = 0 solves the elastic net with mixing α (scikit-learn's
 * l1_ratio).
 */
export function lambdaMax(X: Matrix, y: Vector, l1Ratio = 1): number {
  const p = gramProblem('lambdaMax', X, y);
  checkRatio('lambdaMax', l1Ratio);
  const top = p.q.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return top / l1Ratio;
}

/** `count` values from λ_max down to eps·λ_max, evenly in log λ. */
export function lambdaGrid(
  X: Matrix,
  y: Vector,
  { count = 100, eps = 1e-3, l1Ratio = 1 } = {},
): number[] {
  if (!Number.isSafeInteger(count) || count < 2 || !(eps > 0 && eps < 1)) {
    throw new Error(
      `lambdaGrid: need an integer count >= 2 and 0 < eps < 1, got ` +
        `count=${count}, eps=${eps}`,
    );
  }
  const top = calledAs('lambdaGrid', () => lambdaMax(X, y, l1Ratio));
  if (!(top > 0)) {
    throw new Error('lambdaGrid: y is uncorrelated with every column');
  }
  const step = Math.log10(eps) / (count - 1);
  return Array.from({ length: count }, (_, k) => top * 10 ** (k * step));
}
// #endregion

// #region path
/**
 * Elastic-net fits for decreasing λ, λ₁ = αλ and λ₂ = (1 − α)λ,
 * each started from the previous solution (a warm start).
 */
export function elasticNetPath(
  X: Matrix,
  y: Vector,
  lambdas: number[],
  { l1Ratio = 1, ...options }: CDOptions & { l1Ratio?: number } = {},
): ElasticNetFit[] {
  checkRatio('elasticNetPath', l1Ratio);
  checkLambdas('elasticNetPath', lambdas);
  const fits: ElasticNetFit[] = [];
  let w0 = options.w0;
  for (const lambda_ of lambdas) {
    const penalty = {
      lambda1: l1Ratio * lambda_,
      lambda2: (1 - l1Ratio) * lambda_,
    };
    const fit = calledAs('elasticNetPath',
      () => elasticNet(X, y, penalty, { ...options, w0 }));
    fits.push(fit);
    w0 = fit.w;
  }
  return fits;
}
// #endregion

function checkRatio(fn: string, l1Ratio: number): void {
  if (!(l1Ratio > 0 && l1Ratio <= 1)) {
    throw new Error(`${fn}: l1Ratio must be in (0, 1], got ${l1Ratio}`);
  }
}
