// Kernel ridge regression: α = (K + λI)⁻¹ y by Cholesky, then
// f(x) = Σ_i α_i k(x_i, x). No intercept, as scikit-learn's KernelRidge.
import { Matrix, type Vector } from '../linear-algebra/matrix.ts';
import { choleskyFor, choleskySolve } from '../decompositions/cholesky.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { checkKernelSpec, checkMatrix, checkVector } from './checks.ts';
import { gram, type KernelSpec } from './kernels.ts';

export interface KernelRidge {
  kernel: KernelSpec;
  X: Matrix; // the training rows: f needs them all
  alpha: Vector; // Eq. (kn-krr-alpha)
}

// #region krr-fit
/** α = (K + λI)⁻¹ y, Eq. (kn-krr-alpha), by Cholesky. */
export function fitKernelRidge(
  X: Matrix, y: Vector, kernel: KernelSpec, lambda_: number,
): KernelRidge {
  checkKrr('fitKernelRidge', X, y, kernel, lambda_);
  const K = gram(kernel, X, X); // n × n: the O(n²) memory
  for (let i = 0; i < X.rows; i++) K.data[i * X.rows + i] += lambda_;
  const L = choleskyFor('fitKernelRidge', K, 'K + λI:'); // O(n³)
  return { kernel, X, alpha: choleskySolve(L, y) };
}
// #endregion

// #region krr-predict
/** f(x) = Σ_i α_i k(x_i, x) for each row x of Xq, Eq. (kn-krr-f). */
export function predictKernelRidge(m: KernelRidge, Xq: Matrix): Vector {
  checkModel('predictKernelRidge', m);
  checkMatrix('predictKernelRidge', 'Xq', Xq, Xq?.rows, m.X.cols);
  const Kq = gram(m.kernel, Xq, m.X); // m × n
  const n = m.X.rows;
  const f = new Float64Array(Xq.rows);
  for (let r = 0; r < Xq.rows; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Kq.data[r * n + i] * m.alpha[i];
    f[r] = s;
  }
  return f;
}
// #endregion

function checkKrr(
  fn: string, X: Matrix, y: Vector, kernel: KernelSpec, lambda_: number,
): void {
  checkMatrix(fn, 'X', X, X?.rows);
  checkVector(fn, 'y', y, X.rows);
  checkKernelSpec(fn, kernel);
  checkLambda(fn, 'lambda_', lambda_);
}

function checkModel(fn: string, m: KernelRidge): void {
  if (m === null || typeof m !== 'object') fail(fn);
  checkKernelSpec(fn, m.kernel);
  checkMatrix(fn, 'model.X', m.X, m.X?.rows);
  checkVector(fn, 'model.alpha', m.alpha, m.X.rows);
}

function fail(fn: string): never {
  throw new Error(`${fn}: model must be a fitted KernelRidge`);
}
