// Exercise: convolution commutes with translation. shift moves every
// channel of every image by (dy, dx) pixels, filling with zeros.
import { Tensor } from '../../autodiff/tensor.ts';

/** x [n, c, h, w] moved down dy rows and right dx columns. */
export function shift(x: Tensor, dy: number, dx: number): Tensor {
  if (!(x instanceof Tensor) || x.shape.length !== 4) {
    throw new Error('shift: x must be a 4-D Tensor [n, c, h, w]');
  }
  for (const [name, v] of [['dy', dy], ['dx', dx]] as const) {
    if (!Number.isInteger(v)) {
      throw new Error(`shift: ${name} must be an integer, got ${v}`);
    }
  }
  const [n, c, h, w] = x.shape;
  const y = new Float64Array(x.size);
  for (let m = 0; m < n * c; m++) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const si = i - dy, sj = j - dx; // where this pixel comes from
        if (si < 0 || si >= h || sj < 0 || sj >= w) continue;
        y[(m * h + i) * w + j] = x.data[(m * h + si) * w + sj];
      }
    }
  }
  return new Tensor(y, x.shape);
}
