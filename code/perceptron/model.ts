// The perceptron's model and its loss: labels in {−1, +1}, the score
// z = wᵀx + b, the perceptron criterion max(0, −yz) and the subgradient
// that Rosenblatt's rule follows. Browser-safe: no node imports.
import {
  Matrix,
  checkFinite,
  shapeOf,
  type Vector,
} from '../linear-algebra/matrix.ts';
import {
  checkWeights,
  checkXy,
  type LinearFit,
} from '../linear-regression/model.ts';

// #region check-signs
/** Throws, naming `fn`, unless X is finite and y is n labels ±1. */
export function checkSigns(fn: string, X: Matrix, y: Vector): void {
  checkXy(fn, X, y); // shapes, and no NaN or Infinity
  const i = y.findIndex((v) => v !== 1 && v !== -1);
  if (i >= 0) {
    throw new Error(
      `${fn}: labels must be −1 or +1, got y[${i}] = ${y[i]}`,
    );
  }
}

/** Throws unless s.w is a finite vector(X.cols) and s.b is finite. */
export function checkFit(fn: string, X: Matrix, s: LinearFit): void {
  checkWeights(fn, X, s.w);
  if (!Number.isFinite(s.b)) {
    throw new Error(`${fn}: b must be a finite number, got ${s.b}`);
  }
}
// #endregion

// #region score
/**
 * z_i = wᵀx_i + b, Eq. (pcp-model), summed over j first and b added
 * last: the order scikit-learn uses, so that ties agree to the bit.
 */
export function scoreRow(X: Matrix, i: number, s: LinearFit): number {
  checkRow('scoreRow', X, i, s);
  const d = X.cols;
  let z = 0;
  for (let j = 0; j < d; j++) z += s.w[j] * X.data[i * d + j];
  return z + s.b;
}

/** The number of rows with y_i z_i <= 0: errors, ties counted. */
export function countMistakes(X: Matrix, y: Vector, s: LinearFit) {
  checkSigns('countMistakes', X, y);
  checkFit('countMistakes', X, s);
  return errorsOf(X, y, s);
}

/** The same, for loops: its checks cost what its count does. */
export function errorsOf(X: Matrix, y: Vector, s: LinearFit): number {
  checkSigns('errorsOf', X, y);
  checkFit('errorsOf', X, s);
  let errors = 0;
  for (let i = 0; i < X.rows; i++) {
    if (y[i] * scoreRow(X, i, s) <= 0) errors++;
  }
  return errors;
}

/** ŷ = +1 where z > 0, else −1 (scikit-learn's rule at z = 0). */
export function predictSigns(X: Matrix, s: LinearFit): Vector {
  checkFinite('predictSigns', 'X', X);
  checkFit('predictSigns', X, s);
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) out[i] = scoreRow(X, i, s) > 0 ? 1 : -1;
  return out;
}
// #endregion

// #region loss
/** Splits θ = (b, w₁, …, w_d) into the fit {w, b}. */
export function unpack(X: Matrix, theta: Vector, fn = 'unpack'): LinearFit {
  if (!(theta instanceof Float64Array) || theta.length !== X.cols + 1) {
    throw new Error(
      `${fn}: X is ${shapeOf(X)}, so θ = (b, w) must be ` +
        `vector(${X.cols + 1}); got ${shapeOf(theta)}`,
    );
  }
  checkFinite(fn, 'θ', theta);
  return { w: theta.subarray(1), b: theta[0] };
}

/** L(θ) = (1/n) Σ max(0, −y_i z_i), Eq. (pcp-loss). */
export function perceptronLoss(X: Matrix, y: Vector, theta: Vector) {
  checkSigns('perceptronLoss', X, y);
  const s = unpack(X, theta, 'perceptronLoss');
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    sum += Math.max(0, -y[i] * scoreRow(X, i, s));
  }
  return sum / X.rows;
}
// #endregion

// #region subgradient
/**
 * The subgradient of ℓ_i(θ) = max(0, −y_i θᵀx̃_i) that the rule uses,
 * Eq. (pcp-subgradient): −y_i x̃_i when y_i z_i <= 0 (the kink
 * included), else 0. With x̃_i = (1, x_i), θ = (b, w).
 */
export function sampleSubgradient(
  X: Matrix,
  y: Vector,
  i: number,
  theta: Vector,
): Vector {
  checkSigns('sampleSubgradient', X, y);
  if (!Number.isInteger(i) || i < 0 || i >= X.rows) {
    throw new Error(
      `sampleSubgradient: i must be an integer in [0, ${X.rows}), ` +
        `got ${i}`,
    );
  }
  return subgradientAt(X, y, i, unpack(X, theta, 'sampleSubgradient'));
}

/** The same for a fit {w, b}; checks only row i, as it reads. */
export function subgradientAt(
  X: Matrix,
  y: Vector,
  i: number,
  s: LinearFit,
): Vector {
  checkRow('subgradientAt', X, i, s);
  if (y?.length !== X.rows || (y[i] !== 1 && y[i] !== -1)) {
    throw new Error(`subgradientAt: y must hold ${X.rows} labels ±1; ` +
      `got y[${i}] = ${y?.[i]}`);
  }
  const g = new Float64Array(X.cols + 1);
  if (y[i] * scoreRow(X, i, s) > 0) return g; // correct: flat
  g[0] = -y[i];
  for (let j = 0; j < X.cols; j++) g[j + 1] = -y[i] * X.get(i, j);
  return g;
}

/** The mean of the sample subgradients, one element of ∂L(θ). */
export function perceptronSubgradient(
  X: Matrix,
  y: Vector,
  theta: Vector,
): Vector {
  checkSigns('perceptronSubgradient', X, y);
  const s = unpack(X, theta, 'perceptronSubgradient');
  const g = new Float64Array(X.cols + 1);
  for (let i = 0; i < X.rows; i++) {
    const gi = subgradientAt(X, y, i, s);
    for (let j = 0; j < g.length; j++) g[j] += gi[j] / X.rows;
  }
  return g;
}
// #endregion

/** i a row of X, s a fit of X's width, both finite where read: O(d). */
function checkRow(fn: string, X: Matrix, i: number, s: LinearFit): void {
  if (!(X instanceof Matrix) || !Number.isInteger(i) || i < 0 ||
    i >= X.rows) {
    throw new Error(`${fn}: i must be a row of X, got ${i}`);
  }
  if (!(s?.w instanceof Float64Array) || s.w.length !== X.cols) {
    throw new Error(`${fn}: X is ${shapeOf(X)}, so w must be ` +
      `vector(${X.cols})`);
  }
  if (!Number.isFinite(s.b)) {
    throw new Error(`${fn}: b must be a finite number, got ${s.b}`);
  }
  const d = X.cols;
  for (let j = 0; j < d; j++) {
    if (!Number.isFinite(X.data[i * d + j]) || !Number.isFinite(s.w[j])) {
      throw new Error(`${fn}: row ${i} of X or w is not finite at ` +
        `column ${j}`);
    }
  }
}
