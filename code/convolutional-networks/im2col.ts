// im2col lays every receptive patch of the input out as one row of a
// matrix, so that a convolution becomes one matrix product, Eq.
// (cnn-im2col); col2im sends the rows back, adding where patches
// overlap: the adjoint that the backward pass needs, Eq. (cnn-grad-x).
import type { Geometry } from './geometry.ts';

// #region im2col
/** The patch matrix [n·oh·ow, c·kh·kw]: row (b, i, j), column
 *  (ch, u, v) holds x[b, ch, i·s + u·d − p, j·s + v·d − p], or 0
 *  off the edge (zero padding). */
export function im2col(x: Float64Array, g: Geometry): Float64Array {
  checkArray('im2col', 'x', x, g, g.c * g.h * g.w);
  const { n, c, h, w, kh, kw, s, p, d, oh, ow } = g;
  const K = c * kh * kw;
  const cols = new Float64Array(n * oh * ow * K); // zeros: the padding
  const [v0s, v1s] = tapsInside(g);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const v0 = v0s[j], v1 = v1s[j]; // the taps inside the image
        let at = ((b * oh + i) * ow + j) * K; // this pixel's row
        for (let ch = 0; ch < c; ch++) {
          const xo = (b * c + ch) * h * w; // start of this channel
          for (let u = 0; u < kh; u++, at += kw) {
            const y = i * s + u * d - p; // input row, Eq. (cnn-conv)
            if (y < 0 || y >= h) continue; // a row of padding
            const z0 = xo + y * w + j * s - p; // where v = 0 would read
            for (let v = v0; v < v1; v++) cols[at + v] = x[z0 + v * d];
          }
        }
      }
    }
  }
  return cols;
}
// #endregion

// #region taps
/** For each output column j, the taps v0[j] ≤ v < v1[j] whose input
 *  column z = j·s + v·d − p lies in [0, w); the others read padding. */
function tapsInside(g: Geometry): [Int32Array, Int32Array] {
  const v0 = new Int32Array(g.ow), v1 = new Int32Array(g.ow);
  for (let j = 0; j < g.ow; j++) {
    const z = j * g.s - g.p; // the column of tap v = 0
    v0[j] = z >= 0 ? 0 : Math.ceil(-z / g.d);
    v1[j] = Math.min(g.kw, Math.ceil((g.w - z) / g.d));
  }
  return [v0, v1];
}
// #endregion

// #region col2im
/** The adjoint of im2col: each entry of the patch matrix is added
 *  back to the input pixel it was copied from; off-edge ones dropped. */
export function col2im(cols: Float64Array, g: Geometry): Float64Array {
  checkArray('col2im', 'cols', cols, g, g.c * g.kh * g.kw * g.oh * g.ow);
  const { n, c, h, w, kh, kw, s, p, d, oh, ow } = g;
  const K = c * kh * kw;
  const x = new Float64Array(n * c * h * w);
  const [v0s, v1s] = tapsInside(g);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const v0 = v0s[j], v1 = v1s[j];
        let at = ((b * oh + i) * ow + j) * K;
        for (let ch = 0; ch < c; ch++) {
          const xo = (b * c + ch) * h * w;
          for (let u = 0; u < kh; u++, at += kw) {
            const y = i * s + u * d - p;
            if (y < 0 || y >= h) continue;
            const z0 = xo + y * w + j * s - p;
            for (let v = v0; v < v1; v++) {
              x[z0 + v * d] += cols[at + v]; // adjoint of the copy
            }
          }
        }
      }
    }
  }
  return x;
}
// #endregion

function checkArray(fn: string, name: string, a: Float64Array,
  g: Geometry, per: number): void {
  if (g === null || typeof g !== 'object' || !Number.isInteger(g.n)) {
    throw new Error(`${fn}: g must be a Geometry from geometry()`);
  }
  if (!(a instanceof Float64Array) || a.length !== g.n * per) {
    throw new Error(`${fn}: ${name} must be a Float64Array of ` +
      `${g.n * per} numbers, got ${a?.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      throw new Error(`${fn}: ${name}[${i}] is ${a[i]}`);
    }
  }
}
