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
  const P = oh * ow;
  const cols = new Float64Array(n * P * K); // zeros: the padding
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let at = ((b * oh + i) * ow + j) * K; // this pixel's row
        for (let ch = 0; ch < c; ch++) {
          const xo = (b * c + ch) * h * w; // start of this channel
          for (let u = 0; u < kh; u++) {
            const y = i * s + u * d - p; // input row, Eq. (cnn-conv)
            for (let v = 0; v < kw; v++, at++) {
              const z = j * s + v * d - p;
              if (y >= 0 && y < h && z >= 0 && z < w) {
                cols[at] = x[xo + y * w + z];
              }
            }
          }
        }
      }
    }
  }
  return cols;
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
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let at = ((b * oh + i) * ow + j) * K;
        for (let ch = 0; ch < c; ch++) {
          const xo = (b * c + ch) * h * w;
          for (let u = 0; u < kh; u++) {
            const y = i * s + u * d - p;
            for (let v = 0; v < kw; v++, at++) {
              const z = j * s + v * d - p;
              if (y >= 0 && y < h && z >= 0 && z < w) {
                x[xo + y * w + z] += cols[at]; // adjoint of the copy
              }
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
