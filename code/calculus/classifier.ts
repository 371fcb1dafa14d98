// The cross-entropy loss of a linear softmax classifier and its
// gradient by the chain rule: the calculus of this chapter on a model
// that later chapters train.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import { add, logSumExpDual, mul, sub, type Dual } from './dual.ts';
import { logSumExp, softmax } from './softmax.ts';

/** Throws unless W is k x (d + 1), X is n x d, y has n labels < k. */
function checkModel(
  fn: string,
  W: Matrix | number,
  X: Matrix,
  y: Int32Array,
): void {
  checkTypes(fn, W, X, y);
  const k = typeof W === 'number' ? W : W.rows;
  const cols = typeof W === 'number' ? X.cols + 1 : W.cols;
  if (cols !== X.cols + 1 || y.length !== X.rows) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so W must be ${k}x${X.cols + 1} and ` +
        `y of length ${X.rows}; got W ${k}x${cols}, y ${y.length}`,
    );
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= k) {
      throw new Error(`${fn}: expected labels in 0..${k - 1}, ` +
        `got y[${i}] = ${y[i]}`);
    }
  }
  checkFinite(fn, 'X', X);
  if (typeof W !== 'number') checkFinite(fn, 'W', W);
}

// #region logits
/** z_i = W x̃_i with x̃_i = (x_i, 1): Eq. (calc-logits). */
export function logits(W: Matrix, X: Matrix, i: number): Float64Array {
  checkRow(W, X, i);
  const inRange = Number.isInteger(i) && i >= 0 && i < X.rows;
  if (!inRange || W.cols !== X.cols + 1) {
    throw new Error(`logits: expected row i in 0..${X.rows - 1} and W ` +
      `${W.rows}x${X.cols + 1}; got i ${i}, W ${shapeOf(W)}`);
  }
  const d = X.cols;
  const z = new Float64Array(W.rows);
  for (let c = 0; c < W.rows; c++) {
    const row = c * (d + 1); // W's row c starts here
    let s = W.data[row + d]; // the bias of class c
    for (let j = 0; j < d; j++) s += W.data[row + j] * X.data[i * d + j];
    z[c] = s;
  }
  return z;
}
// #endregion

// #region cross-entropy
/** (1/n) Σ_i [lse(z_i) − z_{i,y_i}]: Eq. (calc-ce-loss). */
export function crossEntropyLoss(W: Matrix, X: Matrix, y: Int32Array) {
  checkModel('crossEntropyLoss', W, X, y);
  let L = 0;
  for (let i = 0; i < X.rows; i++) {
    const z = logits(W, X, i);
    L += logSumExp(z) - z[y[i]]; // −log softmax(z_i)_{y_i}
  }
  return L / X.rows;
}
// #endregion

// #region cross-entropy-gradient
/** (1/n) Σ_i (p_i − e_{y_i}) x̃_iᵀ: Eq. (calc-ce-gradient). */
export function crossEntropyGradient(
  W: Matrix,
  X: Matrix,
  y: Int32Array,
): Matrix {
  checkModel('crossEntropyGradient', W, X, y);
  const [n, d] = [X.rows, X.cols];
  const G = new Matrix(W.rows, d + 1);
  for (let i = 0; i < n; i++) {
    const g = softmax(logits(W, X, i)); // p_i ...
    g[y[i]] -= 1; // ... − e_{y_i}: the gradient with respect to z_i
    for (let c = 0; c < W.rows; c++) {
      for (let j = 0; j < d; j++) {
        G.data[c * (d + 1) + j] += (g[c] * X.data[i * d + j]) / n;
      }
      G.data[c * (d + 1) + d] += g[c] / n; // x̃_i ends in 1
    }
  }
  return G;
}
// #endregion

// #region cross-entropy-dual
/** The same loss on dual numbers; w holds W's entries row by row. */
export function crossEntropyDual(
  w: readonly Dual[],
  X: Matrix,
  y: Int32Array,
  k: number,
): Dual {
  checkModel('crossEntropyDual', k, X, y);
  const d = X.cols;
  if (w.length !== k * (d + 1)) {
    throw new Error(`crossEntropyDual: expected ${k * (d + 1)} ` +
      `weights, got ${w.length}`);
  }
  let L: Dual | number = 0;
  for (let i = 0; i < X.rows; i++) {
    const z = Array.from({ length: k }, (_, c) => {
      let s: Dual = w[c * (d + 1) + d];
      for (let j = 0; j < d; j++) {
        s = add(s, mul(w[c * (d + 1) + j], X.data[i * d + j]));
      }
      return s;
    });
    L = add(L, sub(logSumExpDual(z), z[y[i]])); // Eq. (calc-ce-loss)
  }
  return mul(L, 1 / X.rows);
}
// #endregion

/** W a Matrix (or a class count k >= 1), X a Matrix, y an Int32Array. */
function checkTypes(fn: string, W: Matrix | number, X: Matrix, y: unknown) {
  const k = typeof W === 'number';
  if (!(X instanceof Matrix) || !(k || W instanceof Matrix)) {
    throw new Error(`${fn}: W and X must be Matrix objects, got ` +
      `${typeof W} and ${typeof X}`);
  }
  if (k && !(Number.isInteger(W) && W >= 1)) {
    throw new Error(`${fn}: k must be an integer >= 1, got ${W}`);
  }
  if (!(y instanceof Int32Array)) {
    throw new Error(`${fn}: y must be an Int32Array of labels, got ` +
      `${typeof y}`);
  }
}

/** W finite and row i of X finite: O(kd), no more than logits costs. */
function checkRow(W: Matrix, X: Matrix, i: number): void {
  if (!(W instanceof Matrix) || !(X instanceof Matrix)) {
    throw new Error('logits: W and X must be Matrix objects');
  }
  checkFinite('logits', 'W', W);
  if (Number.isInteger(i) && i >= 0 && i < X.rows) {
    checkFinite('logits', `row ${i} of X`, X.row(i));
  }
}
