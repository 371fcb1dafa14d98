// Pooling: the largest (max) or the mean (average) of each k×k window,
// channel by channel, with their backward rules, Eqs. (cnn-maxpool) and
// (cnn-avgpool). No padding; stride k unless given. NCHW.
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';

// #region max-pool
/** Max over each k×k window, stride s. The gradient goes to the
 *  window's first largest entry in row-major order, as PyTorch's. */
export function maxPool2d(x: Tensor, k: number, s = k): Tensor {
  const [n, c, h, w, oh, ow] = poolSizes('maxPool2d', x, k, s);
  const xs = x.data;
  const y = new Float64Array(n * c * oh * ow);
  const arg = new Int32Array(y.length); // flat index of each max
  for (let m = 0; m < n * c; m++) { // one (image, channel) plane
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const top = m * h * w + i * s * w + j * s; // top-left
        let best = top;
        for (let u = 0; u < k; u++) {
          for (let at = top + u * w; at < top + u * w + k; at++) {
            if (xs[at] > xs[best]) best = at; // ties: first
          }
        }
        const o = (m * oh + i) * ow + j;
        y[o] = xs[best];
        arg[o] = best;
      }
    }
  }
  return record('maxPool2d', y, [n, c, oh, ow], [x], (g) => {
    const gx = gradOf(x) as Float64Array; // Eq. (cnn-maxpool)
    for (let o = 0; o < g.length; o++) gx[arg[o]] += g[o];
  });
}
// #endregion

// #region avg-pool
/** Mean over each k×k window, stride s; each input in a window gets
 *  1/k² of the window's gradient, Eq. (cnn-avgpool). */
export function avgPool2d(x: Tensor, k: number, s = k): Tensor {
  const [n, c, h, w, oh, ow] = poolSizes('avgPool2d', x, k, s);
  const y = new Float64Array(n * c * oh * ow);
  const each = (m: number, i: number, j: number,
    f: (at: number) => void) => {
    for (let u = 0; u < k; u++) {
      for (let v = 0; v < k; v++) f(m * h * w + (i*s + u) * w + j*s + v);
    }
  };
  for (let m = 0; m < n * c; m++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let sum = 0;
        each(m, i, j, (at) => { sum += x.data[at]; });
        y[(m * oh + i) * ow + j] = sum / (k * k);
      }
    }
  }
  return record('avgPool2d', y, [n, c, oh, ow], [x], (g) => {
    const gx = gradOf(x) as Float64Array;
    for (let m = 0; m < n * c; m++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const share = g[(m * oh + i) * ow + j] / (k * k);
          each(m, i, j, (at) => { gx[at] += share; });
        }
      }
    }
  });
}
// #endregion

function poolSizes(fn: string, x: Tensor, k: number, s: number) {
  if (!(x instanceof Tensor) || x.shape.length !== 4) {
    throw new Error(`${fn}: x must be a 4-D Tensor [n, c, h, w]`);
  }
  for (const [name, v] of [['k', k], ['s', s]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`${fn}: ${name} must be an integer >= 1, got ${v}`);
    }
  }
  const [n, c, h, w] = x.shape;
  if (k > h || k > w) {
    throw new Error(`${fn}: k = ${k} exceeds the input ${h}x${w}`);
  }
  const oh = Math.floor((h - k) / s) + 1; // Eq. (cnn-out-size), p=0
  const ow = Math.floor((w - k) / s) + 1;
  return [n, c, h, w, oh, ow];
}
