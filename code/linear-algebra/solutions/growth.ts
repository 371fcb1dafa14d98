// Exercise: Wilkinson's matrix, on which partial pivoting lets the
// entries of U grow like 2^(n-1).
import { Matrix } from '../matrix.ts';

/** Ones on the diagonal and in the last column, -1 below the
 * diagonal, zeros elsewhere. */
export function growthMatrix(n: number): Matrix {
  const A = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = j === n - 1 || i === j ? 1 : j < i ? -1 : 0;
      A.data[i * n + j] = v;
    }
  }
  return A;
}
