// Exercise: the kernel perceptron. θ = Σ_i α_i η y_i x̃_i, so the score
// needs only inner products; (1 + xᵀx′)^p replaces 1 + xᵀx′ = x̃ᵀx̃′.
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { requireInteger } from '../../introduction/checks.ts';
import { checkSigns } from '../model.ts';

/** k(x_i, x_j) = (1 + x_iᵀx_j)^degree for rows i, j of X. */
function kernel(X: Matrix, i: number, j: number, degree: number) {
  let dot = 1;
  for (let c = 0; c < X.cols; c++) dot += X.get(i, c) * X.get(j, c);
  return dot ** degree;
}

/** α_i = updates made at example i, cyclic passes as `perceptron`. */
export function kernelPerceptron(
  X: Matrix,
  y: Vector,
  opts: { degree: number; maxEpochs: number },
) {
  const { degree, maxEpochs } = checkKernel(X, y, opts);
  const n = X.rows;
  const alpha = new Float64Array(n);
  const order: number[] = []; // the examples updated, in order
  let epochs = 0;
  let clean = false;
  while (!clean && epochs < maxEpochs) {
    epochs++;
    clean = true;
    for (let i = 0; i < n; i++) {
      let z = 0; // z(x_i) = Σ_j α_j y_j k(x_j, x_i)
      for (let j = 0; j < n; j++) {
        if (alpha[j] > 0) z += alpha[j] * y[j] * kernel(X, j, i, degree);
      }
      if (y[i] * z > 0) continue;
      alpha[i]++;
      order.push(i);
      clean = false;
    }
  }
  return { alpha, order, epochs, converged: clean };
}

function checkKernel(
  X: Matrix,
  y: Vector,
  opts: { degree: number; maxEpochs: number },
) {
  const fn = 'kernelPerceptron';
  checkSigns(fn, X, y);
  if (opts === null || typeof opts !== 'object') {
    throw new Error(`${fn}: opts must be an object, got ${opts}`);
  }
  requireInteger(fn, 'degree', opts.degree, 1, 10);
  requireInteger(fn, 'maxEpochs (passes)', opts.maxEpochs, 1);
  return opts;
}
