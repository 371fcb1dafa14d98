// A small grey-scale test image, drawn by formula (nothing downloaded).
import { Matrix } from '../linear-algebra/matrix.ts';

// #region test-image
/**
 * size x size grey levels in [0, 1]: a left-to-right ramp (rank 1), a
 * bright rectangle (rank 1 more), a dark disk and two diagonal bars
 * (full rank: curved and slanted edges are what low rank is bad at).
 */
export function syntheticImage(size = 64): Matrix {
  if (!Number.isInteger(size) || size < 2) {
    throw new Error(
      `syntheticImage: expected an integer size >= 2, got ${size}`,
    );
  }
  const I = new Matrix(size, size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const x = j / (size - 1);
      const y = i / (size - 1); // row 0 at the top
      let g = 0.3 + 0.3 * x;
      if (x > 0.1 && x < 0.45 && y > 0.12 && y < 0.4) g = 0.95;
      if (Math.hypot(x - 0.68, y - 0.35) < 0.2) g = 0.08;
      const bar = x + y - 1.25; // two bars along the other diagonal
      if (Math.abs(bar) < 0.05 || Math.abs(bar + 0.32) < 0.05) g = 0.75;
      I.data[i * size + j] = g;
    }
  }
  return I;
}
// #endregion
