// Exercise solution: clipping each parameter's gradient on its own, the
// pitfall beside clipGradNorm's one global norm. Each tensor that is
// too long is shortened separately, so the update no longer points
// along the gradient.
import type { Tensor } from '../../autodiff/tensor.ts';
import { checkParamList } from '../../neural-optimizers/checks.ts';

// #region clip-each
/** Scales each tensor's gradient to norm ≤ maxNorm separately. */
export function clipEach(params: Tensor[], maxNorm: number): void {
  checkClipEach(params, maxNorm);
  for (const p of new Set(params)) {
    const g = p.grad;
    if (g === null) continue;
    let sq = 0;
    for (const v of g) sq += v * v;
    const c = maxNorm / (Math.sqrt(sq) + 1e-6);
    if (c < 1) for (let i = 0; i < g.length; i++) g[i] *= c;
  }
}
// #endregion

function checkClipEach(params: Tensor[], maxNorm: number): void {
  checkParamList('clipEach', params);
  if (typeof maxNorm !== 'number' || !Number.isFinite(maxNorm) ||
    !(maxNorm > 0)) {
    throw new Error(`clipEach: maxNorm must be a finite number > 0, ` +
      `got ${maxNorm}`);
  }
}
