// Dead ReLUs: hidden units whose pre-activation is ≤ 0 on every input,
// so that their output and their gradient are 0 for good, Eq.
// (mlp-delta1): nothing can bring them back.
import type { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { checkData } from './checks.ts';
import { Linear } from './layers.ts';

// #region dead
/** Fraction of the layer's units with xW + b ≤ 0 for every row x. */
export function deadFraction(layer: Linear, X: Matrix): number {
  checkDead(layer, X);
  const z = noGrad(() => layer.forward(
    new Tensor(X.data, [X.rows, X.cols]))).data;
  const q = layer.W.shape[1];
  let dead = 0;
  for (let j = 0; j < q; j++) {
    let alive = false;
    for (let i = 0; i < X.rows && !alive; i++) alive = z[i * q + j] > 0;
    if (!alive) dead++;
  }
  return dead / q;
}
// #endregion

function checkDead(layer: Linear, X: Matrix): void {
  if (!(layer instanceof Linear)) {
    throw new Error('deadFraction: layer must be a Linear layer');
  }
  checkData('deadFraction', X, new Int32Array(X?.rows ?? 0));
  if (X.cols !== layer.W.shape[0]) {
    throw new Error(`deadFraction: X has ${X.cols} columns, the layer ` +
      `takes ${layer.W.shape[0]} inputs`);
  }
}
