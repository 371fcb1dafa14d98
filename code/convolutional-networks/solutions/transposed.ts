// Exercise: transposed convolution is the backward of convolution with
// respect to its input: col2im(Wᵀ Y), Eq. (cnn-grad-x), used forward.
import { blockedKernel } from '../../linear-algebra/matmul.ts';
import { Tensor } from '../../autodiff/tensor.ts';
import { geometry, type ConvOptions } from '../geometry.ts';
import { col2im } from '../im2col.ts';

/** y [n, co, oh, ow] → [n, c, h, w]: the adjoint of x ↦ w ⋆ x for
 *  inputs of h×w (several h give the same oh: it must be said). */
export function convTranspose2d(y: Tensor, w: Tensor, h: number,
  wd: number, o: ConvOptions = {}): Tensor {
  if (!(y instanceof Tensor) || y.shape.length !== 4) {
    throw new Error('convTranspose2d: y must be a 4-D Tensor');
  }
  for (const [name, v] of [['h', h], ['wd', wd]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`convTranspose2d: ${name} must be an integer ` +
        `>= 1, got ${v}`);
    }
  }
  if (!(w instanceof Tensor) || w.shape.length !== 4) {
    throw new Error('convTranspose2d: w must be a 4-D Tensor');
  }
  const [n, co] = y.shape;
  const c = w.shape[1];
  const probe = new Tensor(new Float64Array(c * h * wd), [1, c, h, wd]);
  const g1 = geometry('convTranspose2d', probe, w, o); // checks h, wd
  if (co !== g1.co || y.shape[2] !== g1.oh || y.shape[3] !== g1.ow) {
    throw new Error(`convTranspose2d: y must be [n, ${g1.co}, ` +
      `${g1.oh}, ${g1.ow}] for inputs of ${h}x${wd}`);
  }
  const g = { ...g1, n };
  const K = g.c * g.kh * g.kw, P = g.oh * g.ow;
  const G = new Float64Array(n * P * co); // y with one row per pixel
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < co; q++) {
      for (let t = 0; t < P; t++) {
        G[(i * P + t) * co + q] = y.data[(i * co + q) * P + t];
      }
    }
  }
  const cols = blockedKernel(G, w.data, n * P, co, K); // G·W
  return new Tensor(col2im(cols, g), [n, g.c, h, wd]);
}
