// Labels drawn from a known logistic model, for tests and figures.
// Browser-safe.
import { createRng } from '../introduction/random.ts';
import { calledAs, requireInteger } from '../introduction/checks.ts';
import type { Matrix, Vector } from '../linear-algebra/matrix.ts';
import { linearData } from '../linear-regression/synthetic.ts';
import { bernoulliSample } from '../probability/univariate.ts';
import { sigmoid } from './sigmoid.ts';

// #region synthetic
export interface LogisticDataSpec {
  seed: number;
  n: number;
  w: number[];
  b?: number;
  /** Label by the sign of z instead of by a coin: separable data. */
  separable?: boolean;
}

/**
 * x uniform on [−1, 1)^d and y ~ Bernoulli(σ(b + wᵀx)),
 * Eq. (logr-bernoulli); or y = [b + wᵀx > 0] if separable.
 */
export function logisticData(
  spec: LogisticDataSpec,
): { X: Matrix; y: Vector } {
  const { seed, n, w, b = 0, separable = false } = spec;
  requireInteger('logisticData', 'seed', seed, 0,
    Number.MAX_SAFE_INTEGER - 1); // the coins use seed + 1
  // the logits z = Xw + b: linear data without noise
  const { X, y: z } = calledAs('logisticData',
    () => linearData({ seed, n, w, b }));
  const coin = createRng(seed + 1);
  const y = z.map((zi) =>
    separable ? +(zi > 0) : bernoulliSample(coin, sigmoid(zi)));
  return { X, y };
}
// #endregion
