// conv2d, what deep-learning libraries call convolution (it is a
// cross-correlation, Eq. (cnn-conv)), as one fused Tensor op: im2col and
// the blocked matrix product forward, and the hand-derived backward of
// Eqs. (cnn-grad-w), (cnn-grad-b) and (cnn-grad-x). Layout NCHW.
import { requireFiniteArray } from '../introduction/checks.ts';
import { blockedProduct } from '../linear-algebra/matmul.ts';
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import { geometry, type ConvOptions, type Geometry } from './geometry.ts';
import { col2im, im2col } from './im2col.ts';

// #region conv2d
/** y = w ⋆ x + b: x [n, c, h, w], w [co, c, kh, kw], b [co] or null;
 *  one product of the patch matrix with Wᵀ, Eq. (cnn-im2col). */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null,
  o: ConvOptions = {}): Tensor {
  const g = geometry('conv2d', x, w, o);
  checkBias('conv2d', b, g.co);
  const K = g.c * g.kh * g.kw; // W as a matrix is [co, K]
  const NP = g.n * g.oh * g.ow; // one patch per output pixel
  const cols = im2col(x.data, g); // [NP, K]
  const rows = blockedProduct(cols, transpose(w.data, g.co, K), NP, K,
    g.co); // [NP, co]: one row per output pixel (channels last)
  const y = toNCHW(rows, g, b ? b.data : null); // plus the bias
  const inputs = b ? [x, w, b] : [x, w];
  return record('conv2d', y, [g.n, g.co, g.oh, g.ow], inputs,
    (gy) => conv2dBackward(gy, cols, x, w, b, g));
}
// #endregion

// #region conv2d-backward
/** Eq. (cnn-grad-w): ∇W = Gᵀ·cols; Eq. (cnn-grad-b): G summed over
 *  pixels; Eq. (cnn-grad-x): col2im(G·W), the full correlation with
 *  the flipped kernel. G is ∂L/∂y with one row per output pixel. */
function conv2dBackward(gy: Float64Array, cols: Float64Array,
  x: Tensor, w: Tensor, b: Tensor | null, g: Geometry): void {
  const K = g.c * g.kh * g.kw;
  const NP = g.n * g.oh * g.ow;
  const gx = gradOf(x), gw = gradOf(w), gb = b ? gradOf(b) : null;
  requireFiniteArray('conv2d', 'gradient', gy); // once, for both
  if (gw) { // Gᵀ is gy with channels outermost: [co, NP]
    addInto(gw, blockedProduct(channelsOuter(gy, g), cols, g.co, NP, K));
  }
  if (gx) { // G: gy with one row per output pixel, [NP, co]
    const G = toRows(gy, g);
    addInto(gx, col2im(blockedProduct(G, w.data, NP, g.co, K), g));
  }
  if (gb) {
    const P = g.oh * g.ow;
    for (let i = 0; i < g.n; i++) {
      for (let q = 0; q < g.co; q++) {
        const at = (i * g.co + q) * P;
        for (let t = 0; t < P; t++) gb[q] += gy[at + t];
      }
    }
  }
}
// #endregion

// #region direct
/** The same y by the definition, Eq. (cnn-conv): seven nested loops,
 *  no im2col, no gradient. For comparison and timing only. */
export function conv2dDirect(x: Tensor, w: Tensor, b: Tensor | null,
  o: ConvOptions = {}): Tensor {
  const g = geometry('conv2dDirect', x, w, o);
  checkBias('conv2dDirect', b, g.co);
  const { n, c, h, co, kh, kw, s, p, d, oh, ow } = g;
  const wd = g.w;
  const y = new Float64Array(n * co * oh * ow);
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < co; q++) {
      for (let r = 0; r < oh; r++) {
        for (let t = 0; t < ow; t++) {
          let sum = b ? b.data[q] : 0;
          for (let ch = 0; ch < c; ch++) {
            for (let u = 0; u < kh; u++) {
              const yy = r * s + u * d - p;
              if (yy < 0 || yy >= h) continue; // zero padding
              for (let v = 0; v < kw; v++) {
                const z = t * s + v * d - p;
                if (z < 0 || z >= wd) continue;
                sum += w.data[((q * c + ch) * kh + u) * kw + v] *
                  x.data[((i * c + ch) * h + yy) * wd + z];
              }
            }
          }
          y[((i * co + q) * oh + r) * ow + t] = sum;
        }
      }
    }
  }
  return new Tensor(y, [n, co, oh, ow]);
}
// #endregion

/** [n·P, co] (a row per output pixel) → [n, co, oh, ow], adding
 *  bias[q] to channel q if a bias is given. */
function toNCHW(rows: Float64Array, g: Geometry,
  bias: Float64Array | null): Float64Array {
  const P = g.oh * g.ow, co = g.co;
  const y = new Float64Array(rows.length);
  for (let i = 0; i < g.n; i++) {
    for (let t = 0; t < P; t++) {
      const r = (i * P + t) * co;
      for (let q = 0; q < co; q++) {
        const at = (i * co + q) * P + t;
        y[at] = bias ? rows[r + q] + bias[q] : rows[r + q];
      }
    }
  }
  return y;
}

/** [n, co, oh, ow] → [n·P, co], the inverse of toNCHW. */
function toRows(y: Float64Array, g: Geometry): Float64Array {
  const P = g.oh * g.ow, co = g.co;
  const rows = new Float64Array(y.length);
  for (let i = 0; i < g.n; i++) {
    for (let t = 0; t < P; t++) {
      const r = (i * P + t) * co;
      for (let q = 0; q < co; q++) rows[r + q] = y[(i * co + q) * P + t];
    }
  }
  return rows;
}

/** [n, co, oh, ow] → [co, n·oh·ow]: channels outermost. */
function channelsOuter(gy: Float64Array, g: Geometry): Float64Array {
  const P = g.oh * g.ow;
  const out = new Float64Array(gy.length);
  for (let i = 0; i < g.n; i++) {
    for (let q = 0; q < g.co; q++) {
      out.set(gy.subarray((i * g.co + q) * P, (i * g.co + q + 1) * P),
        (q * g.n + i) * P);
    }
  }
  return out;
}

function transpose(a: Float64Array, m: number, k: number): Float64Array {
  const t = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) t[j * m + i] = a[i * k + j];
  }
  return t;
}

function addInto(acc: Float64Array, add: Float64Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += add[i];
}

function checkBias(fn: string, b: Tensor | null, co: number): void {
  if (b === null) return;
  if (!(b instanceof Tensor) || b.shape.length !== 1 ||
    b.shape[0] !== co) {
    throw new Error(`${fn}: b must be null or a Tensor of shape [${co}]`);
  }
}
