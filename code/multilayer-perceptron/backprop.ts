// Backpropagation for a two-layer network written out in matrices,
// Eqs. (mlp-forward) to (mlp-back-w1), with no autodiff at all: the
// chapter's tests check that it gives the engine's gradients.
import { calledAs } from '../introduction/checks.ts';
import {
  Matrix, hadamard, matmul, scale, transpose,
} from '../linear-algebra/matrix.ts';
import { ACTIVATIONS, type ActivationName } from './activations.ts';
import { checkData } from './checks.ts';

/** W1 [d, h], b1 [h], W2 [h, c], b2 [c]. */
export interface TwoLayer {
  W1: Matrix; b1: Float64Array; W2: Matrix; b2: Float64Array;
}

// #region backprop-forward
/** Z = XW + 1bᵀ: the bias added to every row. */
function affine(X: Matrix, W: Matrix, b: Float64Array): Matrix {
  const Z = matmul(X, W);
  for (let i = 0; i < Z.rows; i++) {
    for (let j = 0; j < Z.cols; j++) Z.data[i * Z.cols + j] += b[j];
  }
  return Z;
}

/** f applied to every entry. */
function map(A: Matrix, f: (x: number) => number): Matrix {
  return new Matrix(A.rows, A.cols, A.data.map(f));
}
// #endregion

// #region backprop
/** L and its gradients for the two-layer network, by hand. */
export function twoLayerBackprop(X: Matrix, y: Int32Array, p: TwoLayer,
  act: ActivationName) {
  const { f, df } = check(X, y, p, act);
  const n = X.rows;
  const Z1 = affine(X, p.W1, p.b1); // Eq. (mlp-forward)
  const H = map(Z1, f);
  const Z2 = affine(H, p.W2, p.b2);
  const { loss, P } = softmaxLoss(Z2, y); // Eq. (mlp-ce)
  const D2 = scale(P, 1 / n); // Δ₂ = (P − Y)/n, Eq. (mlp-delta2)
  for (let i = 0; i < n; i++) D2.data[i * P.cols + y[i]] -= 1 / n;
  const gW2 = matmul(transpose(H), D2); // Eq. (mlp-back-w2)
  const gb2 = columnSums(D2);
  const G = matmul(D2, transpose(p.W2)); // ∂L/∂H, Eq. (mlp-back-h)
  const D1 = hadamard(G, map(Z1, df)); // Eq. (mlp-delta1)
  const gW1 = matmul(transpose(X), D1); // Eq. (mlp-back-w1)
  const gb1 = columnSums(D1);
  return { loss, gW1, gb1, gW2, gb2 };
}
// #endregion

// #region softmax-loss
/** Row softmax P of Z (max-shifted) and −(1/n) Σᵢ log P[i, yᵢ]. */
function softmaxLoss(Z: Matrix, y: Int32Array) {
  const { rows: n, cols: c } = Z;
  const P = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = Z.data.subarray(i * c, i * c + c);
    let m = -Infinity;
    for (const z of row) m = Math.max(m, z);
    let s = 0;
    for (let j = 0; j < c; j++) s += Math.exp(row[j] - m);
    for (let j = 0; j < c; j++) {
      P.data[i * c + j] = Math.exp(row[j] - m) / s;
    }
    loss += m + Math.log(s) - row[y[i]];
  }
  return { loss: loss / n, P };
}

function columnSums(A: Matrix): Float64Array {
  const out = new Float64Array(A.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < A.cols; j++) out[j] += A.data[i * A.cols + j];
  }
  return out;
}
// #endregion

function check(X: Matrix, y: Int32Array, p: TwoLayer,
  act: ActivationName) {
  const fn = 'twoLayerBackprop';
  checkData(fn, X, y);
  if (p === null || typeof p !== 'object' ||
    !(p.W1 instanceof Matrix) || !(p.W2 instanceof Matrix) ||
    p.W1.rows !== X.cols || p.W2.rows !== p.W1.cols ||
    !(p.b1 instanceof Float64Array) || p.b1.length !== p.W1.cols ||
    !(p.b2 instanceof Float64Array) || p.b2.length !== p.W2.cols) {
    throw new Error(`${fn}: p must hold W1 [${X.cols}, h], b1 [h], ` +
      'W2 [h, c] and b2 [c]');
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] >= p.W2.cols) {
      throw new Error(`${fn}: y[${i}] = ${y[i]} is not a class < ` +
        `${p.W2.cols}`);
    }
  }
  if (!Object.hasOwn(ACTIVATIONS, act)) {
    throw new Error(`${fn}: act must name an activation, got ${act}`);
  }
  return calledAs(fn, () => ACTIVATIONS[act]);
}
