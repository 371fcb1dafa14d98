// Exercise: a 1×1 convolution is a Linear layer applied to every pixel:
// channels-last rows times Wᵀ, then back to NCHW.
import { Tensor } from '../../autodiff/tensor.ts';
import { channelsLast } from '../batchnorm2d.ts';

/** The 1×1 convolution of x [n, c, h, w] with w [co, c, 1, 1], as
 *  [n·h·w, co]: one row per pixel (channels-last, NHWC order). */
export function pointwise(x: Tensor, w: Tensor): Tensor {
  if (!(x instanceof Tensor) || x.shape.length !== 4 ||
    !(w instanceof Tensor) || w.shape.length !== 4 ||
    w.shape[1] !== x.shape[1] || w.shape[2] !== 1 || w.shape[3] !== 1) {
    throw new Error('pointwise: x must be [n, c, h, w], w [co, c, 1, 1]');
  }
  const [co, c] = w.shape;
  const rows = channelsLast(x); // [n·h·w, c]
  return rows.matmul(w.reshape([co, c]).transpose()); // xᵀ per pixel
}
