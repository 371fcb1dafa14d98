// Log-softmax and softmax cross-entropy, twice: composed from the
// engine's primitives (gradient for free), and fused into one op with
// the backward rule derived in the chapter (fewer passes, less memory).
import { Tensor, gradOf, record } from './tensor.ts';

// #region composed
/** Each row's z − log Σ exp z, shifted by the row's max (a constant). */
export function logSoftmaxComposed(z: Tensor): Tensor {
  rowsOf('logSoftmaxComposed', z);
  const m = z.max(1, true).detach(); // Eq. (ad-lse-shift)
  const s = z.sub(m);
  return s.sub(s.exp().sum(1, true).log());
}

/** Mean over rows of −log softmax(z_i)[t_i], from primitives. */
export function crossEntropyComposed(
  z: Tensor,
  targets: ArrayLike<number>,
): Tensor {
  checkTargets('crossEntropyComposed', z, targets);
  return logSoftmaxComposed(z).pick(targets).neg().mean();
}
// #endregion

// #region fused-forward
/** Row i of z: its log Σ exp and its softmax, Eq. (ad-lse-shift). */
function softmaxRows(z: Float64Array, n: number, c: number) {
  const lse = new Float64Array(n);
  const p = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, z[i * c + j]);
    let s = 0;
    for (let j = 0; j < c; j++) s += Math.exp(z[i * c + j] - m);
    lse[i] = m + Math.log(s);
    for (let j = 0; j < c; j++) {
      p[i * c + j] = Math.exp(z[i * c + j] - lse[i]);
    }
  }
  return { lse, p };
}
// #endregion

// #region fused-log-softmax
/** log softmax of each row as one op, Eq. (ad-vjp-logsoftmax). */
export function logSoftmax(z: Tensor): Tensor {
  const [n, c] = rowsOf('logSoftmax', z);
  const { lse, p } = softmaxRows(z.data, n, c);
  const out = new Float64Array(n * c);
  for (let k = 0; k < out.length; k++) {
    out[k] = z.data[k] - lse[Math.floor(k / c)];
  }
  return record('logSoftmax', out, [n, c], [z], (g) => {
    const gz = gradOf(z) as Float64Array;
    for (let i = 0; i < n; i++) {
      let sg = 0; // Σ_j g_ij
      for (let j = 0; j < c; j++) sg += g[i * c + j];
      for (let j = 0; j < c; j++) {
        gz[i * c + j] += g[i * c + j] - p[i * c + j] * sg;
      }
    }
  });
}
// #endregion

// #region fused-cross-entropy
/** Mean softmax cross-entropy as one op, Eq. (ad-vjp-ce). */
export function crossEntropy(
  z: Tensor,
  targets: ArrayLike<number>,
): Tensor {
  const [n, c] = checkTargets('crossEntropy', z, targets);
  const { lse, p } = softmaxRows(z.data, n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += lse[i] - z.data[i * c + targets[i]];
  const out = Float64Array.of(loss / n);
  return record('crossEntropy', out, [], [z], (g) => {
    const gz = gradOf(z) as Float64Array;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < c; j++) {
        const y = j === targets[i] ? 1 : 0; // one-hot target
        gz[i * c + j] += (g[0] / n) * (p[i * c + j] - y);
      }
    }
  });
}
// #endregion

function rowsOf(fn: string, z: Tensor): [number, number] {
  if (!(z instanceof Tensor) || z.shape.length !== 2) {
    throw new Error(`${fn}: expected z, a 2-D Tensor of logits`);
  }
  return [z.shape[0], z.shape[1]];
}

function checkTargets(fn: string, z: Tensor,
  targets: ArrayLike<number>): [number, number] {
  const [n, c] = rowsOf(fn, z);
  if (targets === null || typeof targets !== 'object' ||
    targets.length !== n) {
    throw new Error(`${fn}: expected targets, one class per row of ` +
      `z (${n})`);
  }
  for (let i = 0; i < n; i++) {
    const t = targets[i];
    if (!Number.isInteger(t) || t < 0 || t >= c) {
      throw new Error(`${fn}: targets[${i}] = ${t} is not a class in ` +
        `[0, ${c - 1}]`);
    }
  }
  return [n, c];
}
