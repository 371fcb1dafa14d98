// The softmax-regression model: class probabilities, the penalized
// categorical cross-entropy, its gradient and its Hessian. Parameters
// are one (d+1) x K matrix Θ: row 0 holds the K intercepts b, rows 1..d
// the weight matrix W, column k belongs to class k. Browser-safe.
import {
  Matrix,
  checkFinite,
  matmul,
  shapeOf,
  sub,
  transpose,
} from '../linear-algebra/matrix.ts';
import { addOnesColumn } from '../linear-regression/model.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { logSumExp, softmax } from '../calculus/softmax.ts';

// #region checks
/** Throws unless y holds X.rows integer labels in 0..K−1. */
export function checkLabels(
  fn: string,
  X: Matrix,
  y: Int32Array,
  K: number,
): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  checkFinite(fn, 'X', X);
  if (!(y instanceof Int32Array) || y.length !== X.rows) {
    const got = y instanceof Int32Array ? `length ${y.length}` : typeof y;
    throw new Error(`${fn}: X is ${shapeOf(X)}, so y must be an ` +
      `Int32Array of ${X.rows} labels; got ${got}`);
  }
  if (!Number.isInteger(K) || K < 2) {
    throw new Error(`${fn}: expected K >= 2 classes, got K = ${K}`);
  }
  const i = y.findIndex((v) => v < 0 || v >= K);
  if (i >= 0) {
    throw new Error(`${fn}: labels must lie in 0..${K - 1}, ` +
      `got y[${i}] = ${y[i]}`);
  }
}

/** Throws unless Θ is a finite (d+1) x K matrix, K >= 2, for X n x d. */
export function checkParams(fn: string, X: Matrix, Theta: Matrix): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: X must be a Matrix, got ${typeof X}`);
  }
  checkFinite(fn, 'X', X);
  const ok = Theta instanceof Matrix && Theta.rows === X.cols + 1 &&
    Theta.cols >= 2;
  if (!ok) {
    const got = Theta instanceof Matrix ? shapeOf(Theta) : typeof Theta;
    throw new Error(`${fn}: X is ${shapeOf(X)}, so Θ = [bᵀ; W] must ` +
      `be ${X.cols + 1}xK with K >= 2; got ${got}`);
  }
  checkFinite(fn, 'Θ', Theta);
}
// #endregion

// #region one-hot
/** The n x K one-hot targets: Y_ik = 1 if y_i = k, else 0. */
export function oneHot(y: Int32Array, K: number): Matrix {
  if (!(y instanceof Int32Array) || y.length === 0) {
    throw new Error('oneHot: expected a non-empty Int32Array of labels');
  }
  if (!Number.isInteger(K) || K < 2) {
    throw new Error(`oneHot: expected K >= 2 classes, got K = ${K}`);
  }
  const Y = new Matrix(y.length, K);
  y.forEach((k, i) => {
    if (!(Number.isInteger(k) && k >= 0 && k < K)) {
      throw new Error(`oneHot: y[${i}] = ${k} is not in 0..${K - 1}`);
    }
    Y.data[i * K + k] = 1;
  });
  return Y;
}
// #endregion

// #region probabilities
/** Z = X̃Θ = 1bᵀ + XW, Eq. (smr-scores): one row of K scores each. */
export function classScores(X: Matrix, Theta: Matrix): Matrix {
  checkParams('classScores', X, Theta); // and X
  return matmul(addOnesColumn(X), Theta);
}

/** P with row i = softmax(z_i), Eq. (smr-model). */
export function predictProba(X: Matrix, Theta: Matrix): Matrix {
  checkParams('predictProba', X, Theta);
  const Z = classScores(X, Theta);
  const K = Z.cols;
  for (let i = 0; i < Z.rows; i++) {
    const zi = Z.data.subarray(i * K, (i + 1) * K);
    zi.set(softmax(zi)); // the stable softmax of the calculus chapter
  }
  return Z;
}

/** The most probable class of each row: argmax_k z_ik. */
export function predictClass(X: Matrix, Theta: Matrix): Int32Array {
  checkParams('predictClass', X, Theta);
  const Z = classScores(X, Theta);
  const K = Z.cols;
  return Int32Array.from({ length: Z.rows }, (_, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) {
      if (Z.data[i * K + k] > Z.data[i * K + best]) best = k;
    }
    return best;
  });
}
// #endregion

// #region loss
/**
 * L(Θ) = Σᵢ [lse(zᵢ) − z_{i,yᵢ}] + (λ/2)‖W‖²_F, Eq. (smr-loss):
 * a sum over samples; the intercepts in row 0 are not penalized.
 */
export function softmaxLoss(
  X: Matrix,
  y: Int32Array,
  Theta: Matrix,
  lambda_ = 0,
): number {
  checkAll('softmaxLoss', X, y, Theta, lambda_);
  const Z = classScores(X, Theta);
  const K = Z.cols;
  let sum = 0;
  for (let i = 0; i < Z.rows; i++) {
    const zi = Z.data.subarray(i * K, (i + 1) * K);
    sum += logSumExp(zi) - zi[y[i]]; // −log p_{i,yᵢ}, Eq. (smr-lse)
  }
  let w2 = 0; // ‖W‖²_F: every row of Θ but the first
  for (let t = K; t < Theta.data.length; t++) w2 += Theta.data[t] ** 2;
  return sum + (lambda_ / 2) * w2;
}
// #endregion

// #region gradient
/** ∇_Θ L = X̃ᵀ(P − Y) + λ[0; W], Eq. (smr-gradient). */
export function softmaxGradient(
  X: Matrix,
  y: Int32Array,
  Theta: Matrix,
  lambda_ = 0,
): Matrix {
  checkAll('softmaxGradient', X, y, Theta, lambda_);
  const K = Theta.cols;
  const R = sub(predictProba(X, Theta), oneHot(y, K)); // P − Y
  const G = matmul(transpose(addOnesColumn(X)), R);
  for (let t = K; t < G.data.length; t++) {
    G.data[t] += lambda_ * Theta.data[t]; // row 0, the b's: no penalty
  }
  return G;
}
// #endregion

// #region hessian
/**
 * ∇²L = Σᵢ (x̃ᵢx̃ᵢᵀ) ⊗ Sᵢ + λ I on W, Eq. (smr-hessian), with
 * Sᵢ = diag pᵢ − pᵢpᵢᵀ, Eq. (calc-softmax-jacobian), built one pair
 * of classes (k, c) at a time, for θ_{jK+k} = Θ_jk (row by row).
 */
export function softmaxHessian(
  X: Matrix,
  Theta: Matrix,
  lambda_ = 0,
): Matrix {
  checkParams('softmaxHessian', X, Theta);
  checkLambda('softmaxHessian', 'lambda_', lambda_);
  const A = addOnesColumn(X);
  const P = predictProba(X, Theta);
  const [n, q, K] = [A.rows, A.cols, Theta.cols];
  // the features that are not 0 in each row: about half, for digits
  const nz = Array.from({ length: n }, (_, i) =>
    Int32Array.from({ length: q }, (_, j) => j)
      .filter((j) => A.data[i * q + j] !== 0));
  const H = new Matrix(q * K, q * K);
  const G = new Float64Array(q * q); // X̃ᵀ diag(s) X̃, upper triangle
  for (let k = 0; k < K; k++) {
    for (let c = k; c < K; c++) {
      G.fill(0);
      for (let i = 0; i < n; i++) {
        const [pk, pc] = [P.data[i * K + k], P.data[i * K + c]];
        const s = (k === c ? pk : 0) - pk * pc; // (S_i)_kc
        const a = A.data.subarray(i * q, (i + 1) * q);
        const js = nz[i];
        for (let u = 0; u < js.length; u++) {
          const sa = s * a[js[u]];
          const row = js[u] * q;
          for (let v = u; v < js.length; v++) {
            G[row + js[v]] += sa * a[js[v]];
          }
        }
      }
      placeBlock(H, G, q, K, k, c);
    }
  }
  for (let t = K; t < q * K; t++) H.data[t * q * K + t] += lambda_; // W
  return H;
}
// #endregion

/** Puts G (symmetric, upper half stored) at classes (k, c) and (c, k). */
function placeBlock(
  H: Matrix,
  G: Float64Array,
  q: number,
  K: number,
  k: number,
  c: number,
): void {
  const m = q * K;
  for (let j = 0; j < q; j++) {
    for (let l = j; l < q; l++) {
      const g = G[j * q + l];
      H.data[(j * K + k) * m + l * K + c] = g;
      H.data[(l * K + c) * m + j * K + k] = g;
      H.data[(l * K + k) * m + j * K + c] = g;
      H.data[(j * K + c) * m + l * K + k] = g;
    }
  }
}

function checkAll(
  fn: string,
  X: Matrix,
  y: Int32Array,
  Theta: Matrix,
  lambda_: number,
): void {
  checkParams(fn, X, Theta);
  checkLabels(fn, X, y, Theta.cols);
  checkLambda(fn, 'lambda_', lambda_);
}
