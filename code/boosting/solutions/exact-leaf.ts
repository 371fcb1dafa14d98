// Exercise: the exact log-loss leaf value, by Newton's method.
import { requireInteger } from '../../introduction/checks.ts';
import { sigmoid } from '../../logistic-regression/sigmoid.ts';
import { checkArray } from '../checks.ts';

/** argmin_γ Σ_i ℓ(y_i, F_i + γ) for the binary log loss: Newton's
 *  iteration from γ = 0; iterates[0] is the one-step value. */
export function exactLogLossLeaf(
  y: ArrayLike<number>, F: ArrayLike<number>, maxIter = 50,
): { gamma: number; iterates: number[] } {
  checkArray('exactLogLossLeaf', 'y', y);
  checkArray('exactLogLossLeaf', 'F', F, y.length, 'one per y');
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) {
      throw new Error(`exactLogLossLeaf: y must hold 0 or 1, got ` +
        `y[${i}] = ${y[i]}`);
    }
  }
  requireInteger('exactLogLossLeaf', 'maxIter', maxIter, 1);
  let gamma = 0;
  const iterates: number[] = [];
  for (let t = 0; t < maxIter; t++) {
    let g = 0; // L'(γ) = Σ (p_i − y_i)
    let h = 0; // L''(γ) = Σ p_i (1 − p_i)
    for (let i = 0; i < y.length; i++) {
      const p = sigmoid(F[i] + gamma);
      g += p - y[i];
      h += p * (1 - p);
    }
    if (h < 1e-150) break; // a pure, separated leaf: no finite minimum
    const step = -g / h;
    gamma += step;
    iterates.push(gamma);
    if (Math.abs(step) < 1e-12) break;
  }
  return { gamma, iterates };
}
