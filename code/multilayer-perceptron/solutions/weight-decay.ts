// Exercise solution: SGD with weight decay, θ ← θ − η(∇L + λθ), which is
// plain SGD on L + (λ/2)‖θ‖²: the penalty's gradient is λθ.
import type { Tensor } from '../../autodiff/tensor.ts';
import { checkStep } from '../checks.ts';

// #region weight-decay
/** One SGD step on L + (λ/2) Σ‖p‖², using only p.grad = ∇L. */
export function sgdStepDecay(params: Tensor[], eta: number,
  lambda_: number): void {
  checkStep('sgdStepDecay', params, eta);
  if (!Number.isFinite(lambda_) || lambda_ < 0) {
    throw new Error(`sgdStepDecay: lambda_ must be >= 0, got ${lambda_}`);
  }
  for (const p of params) {
    const g = p.grad as Float64Array;
    for (let i = 0; i < p.size; i++) {
      p.data[i] -= eta * (g[i] + lambda_ * p.data[i]);
    }
  }
}
// #endregion
