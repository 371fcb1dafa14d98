// The reconstruction losses, each one fused op of the autodiff engine
// (a forward value and a hand-derived backward rule): squared error,
// Eq. (ae-mse), binary cross-entropy from logits, Eq. (ae-bce), and
// the L1 penalty of a sparse code, Eq. (ae-l1). Each is summed over a
// row's entries and averaged over the rows (the images of a batch).
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';

// #region mse
/** (1/n) Σᵢ ‖x̂ᵢ − xᵢ‖², Eq. (ae-mse); its gradient is
 *  2(x̂ − x)/n. */
export function squaredError(xhat: Tensor, x: Tensor): Tensor {
  const n = checkPair('squaredError', xhat, x);
  let s = 0;
  for (let i = 0; i < x.size; i++) s += (xhat.data[i] - x.data[i]) ** 2;
  return record('squaredError', Float64Array.of(s / n), [], [xhat],
    (g) => {
      const gx = gradOf(xhat) as Float64Array;
      for (let i = 0; i < x.size; i++) {
        gx[i] += g[0] * 2 * (xhat.data[i] - x.data[i]) / n;
      }
    });
}
// #endregion

// #region bce
/** (1/n) Σᵢⱼ [softplus(zᵢⱼ) − xᵢⱼ zᵢⱼ], the cross-entropy of pixels
 *  x ∈ [0, 1] and x̂ = σ(z), Eq. (ae-bce-logits); gradient
 *  (σ(z) − x)/n. softplus(z) = max(z, 0) + log(1 + e^(−|z|)). */
export function bceWithLogits(z: Tensor, x: Tensor): Tensor {
  const n = checkPair('bceWithLogits', z, x);
  checkUnit('bceWithLogits', x);
  let s = 0;
  for (let i = 0; i < x.size; i++) {
    const zi = z.data[i];
    s += Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) -
      x.data[i] * zi;
  }
  return record('bceWithLogits', Float64Array.of(s / n), [], [z],
    (g) => {
      const gz = gradOf(z) as Float64Array;
      for (let i = 0; i < x.size; i++) {
        const p = 1 / (1 + Math.exp(-z.data[i])); // σ(z)
        gz[i] += g[0] * (p - x.data[i]) / n;
      }
    });
}
// #endregion

// #region l1
/** (1/n) Σᵢⱼ |hᵢⱼ|, Eq. (ae-l1); gradient sign(h)/n (0 at 0). */
export function l1Penalty(h: Tensor): Tensor {
  const n = checkBatch('l1Penalty', h);
  let s = 0;
  for (let i = 0; i < h.size; i++) s += Math.abs(h.data[i]);
  return record('l1Penalty', Float64Array.of(s / n), [], [h], (g) => {
    const gh = gradOf(h) as Float64Array;
    for (let i = 0; i < h.size; i++) {
      gh[i] += g[0] * Math.sign(h.data[i]) / n;
    }
  });
}
// #endregion

function checkBatch(fn: string, t: Tensor): number {
  if (!(t instanceof Tensor) || t.shape.length !== 2 || t.size === 0) {
    throw new Error(`${fn}: expected a 2-D Tensor [rows, entries]`);
  }
  return t.shape[0];
}

function checkPair(fn: string, out: Tensor, x: Tensor): number {
  const n = checkBatch(fn, out);
  checkBatch(fn, x);
  if (x.shape[0] !== n || x.shape[1] !== out.shape[1]) {
    throw new Error(`${fn}: target shape [${x.shape}] differs from ` +
      `[${out.shape}]`);
  }
  return n;
}

/** The pitfall: BCE is a likelihood only for targets in [0, 1]. */
function checkUnit(fn: string, x: Tensor): void {
  for (let i = 0; i < x.size; i++) {
    if (x.data[i] < 0 || x.data[i] > 1) {
      throw new Error(`${fn}: targets must lie in [0, 1] (pixels), ` +
        `got ${x.data[i]} at ${i}`);
    }
  }
}
