// Exercise: how many singular values the test image costs, with its
// disk and with an axis-aligned square of the same area instead.
import { Matrix } from '../../linear-algebra/matrix.ts';
import { syntheticImage } from '../image.ts';
import { frobenius, tailNorm } from '../low-rank.ts';
import { svd } from '../svd.ts';

/** The test image with the disk replaced by a square of equal area. */
export function squareImage(size = 64): Matrix {
  const disk = syntheticImage(size);
  const I = new Matrix(size, size);
  const half = (0.2 * Math.sqrt(Math.PI)) / 2; // side r sqrt(pi)
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const x = j / (size - 1);
      const y = i / (size - 1);
      let g = disk.data[i * size + j];
      const inDisk = Math.hypot(x - 0.68, y - 0.35) < 0.2;
      const bar = x + y - 1.25;
      const onBar = Math.abs(bar) < 0.05 || Math.abs(bar + 0.32) < 0.05;
      if (inDisk && !onBar) g = 0.3 + 0.3 * x; // the ramp underneath
      const inSquare = Math.abs(x - 0.68) < half &&
        Math.abs(y - 0.35) < half;
      if (inSquare && !onBar) g = 0.08;
      I.data[i * size + j] = g;
    }
  }
  return I;
}

/** The smallest k with ||A - A_k||_F / ||A||_F < target, Eq. (dec-ey-f),
 * and the numbers A_k takes to store: k (m + n + 1). */
export function smallestRank(A: Matrix, target = 0.1) {
  const { s } = svd(A);
  const total = frobenius(A);
  let k = 0;
  while (tailNorm(s, k) / total >= target) k++;
  return { k, stored: k * (A.rows + A.cols + 1), pixels: A.rows * A.cols };
}
