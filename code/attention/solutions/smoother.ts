// Exercise: attention is Nadaraya–Watson kernel smoothing. With the
// query [x0/τ, 1] and the keys [x_i/τ, −‖x_i‖²/(2τ²)], the score is
// −‖x0 − x_i‖²/(2τ²) plus a term of x0 alone, which the softmax
// cancels: the weights are the Gaussian kernel's, normalized.
import { Tensor } from '../../autodiff/tensor.ts';
import type { Matrix, Vector } from '../../linear-algebra/matrix.ts';
import { requirePositive } from '../../introduction/checks.ts';
import { attention } from '../sdpa.ts';

// #region smoother
/** ŷ(x0) = Σ_i softmax_i(−‖x0 − x_i‖²/(2τ²)) y_i for each row x0 of
 *  X0, computed as one attention: queries X0, keys X, values y. */
export function attentionSmoother(X: Matrix, y: Vector, X0: Matrix,
  tau: number): Float64Array {
  checkSmoother(X, y, X0, tau);
  const { rows: n, cols: d } = X, m = X0.rows;
  const q = new Float64Array(m * (d + 1));
  const k = new Float64Array(n * (d + 1));
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < d; c++) {
      q[r * (d + 1) + c] = X0.data[r * d + c] / tau;
    }
    q[r * (d + 1) + d] = 1;
  }
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let c = 0; c < d; c++) {
      k[i * (d + 1) + c] = X.data[i * d + c] / tau;
      sq += X.data[i * d + c] ** 2;
    }
    k[i * (d + 1) + d] = -sq / (2 * tau * tau);
  }
  const out = attention(new Tensor(q, [m, d + 1]),
    new Tensor(k, [n, d + 1]), new Tensor(y, [n, 1]), { scale: 1 });
  return out.output.data;
}
// #endregion

function checkSmoother(X: Matrix, y: Vector, X0: Matrix,
  tau: number): void {
  const fn = 'attentionSmoother';
  requirePositive(fn, 'tau', tau);
  for (const [name, M] of [['X', X], ['X0', X0]] as const) {
    if (M === null || typeof M !== 'object' ||
      !(M.data instanceof Float64Array) || !M.data.every(Number.isFinite)) {
      throw new Error(`${fn}: ${name} must be a finite Matrix`);
    }
  }
  if (X0.cols !== X.cols) {
    throw new Error(`${fn}: X0 must have ${X.cols} columns, got ` +
      `${X0.cols}`);
  }
  if (!(y instanceof Float64Array) || y.length !== X.rows ||
    !y.every(Number.isFinite)) {
    throw new Error(`${fn}: y must hold ${X.rows} finite numbers`);
  }
}
