// The linear autoencoder and PCA, Eq. (ae-linear-optimum): the
// decoder's column space against the top-k principal subspace,
// compared by principal angles, Eq. (ae-principal-angles), and a
// Gaussian cloud with a known spectrum to compare them on.
import { householderQR, thinQ } from '../decompositions/householder.ts';
import { randomOrthogonal } from '../decompositions/examples.ts';
import { svd } from '../decompositions/svd.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix, matmul, transpose } from '../linear-algebra/matrix.ts';
import { Linear } from '../multilayer-perceptron/layers.ts';
import { Autoencoder } from './model.ts';

// #region angles
/** Angles θ₁ ≤ … ≤ θₘ between the column spaces of A and B (each
 *  d x k, full column rank), m = min of their widths: orthonormal
 *  bases Q_A, Q_B by QR, then cos θⱼ = sⱼ(Q_Aᵀ Q_B). */
export function principalAngles(A: Matrix, B: Matrix): Float64Array {
  checkAngles(A, B);
  const QA = thinQ(householderQR(A));
  const QB = thinQ(householderQR(B));
  const { s } = svd(matmul(transpose(QA), QB)); // largest s first
  return s.map((c) => Math.acos(Math.min(1, c))); // smallest θ first
}
// #endregion

// #region decoder-basis
/** The d x k matrix whose columns span the decoder's image: for
 *  x̂ = hW + b (W is k x d), the columns of Wᵀ. */
export function decoderBasis(model: Autoencoder): Matrix {
  const lin = checkLinearModel(model);
  const [k, d] = lin.W.shape;
  return transpose(new Matrix(k, d, Float64Array.from(lin.W.data)));
}
// #endregion

// #region cloud
/** n points in R^d with covariance Q diag(variances) Qᵀ, a random
 *  rotation Q, mean `shift` in every coordinate: PCA's eigenvalues
 *  are the variances (up to sampling) and its axes Q's columns. */
export function gaussianCloud(n: number, variances: number[],
  seed: number, shift = 0): Matrix {
  checkCloud(n, variances, seed, shift);
  const d = variances.length;
  const rng = createRng(seed);
  const Z = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      Z.data[i * d + j] = rng.normal(0, Math.sqrt(variances[j]));
    }
  }
  const X = matmul(Z, transpose(randomOrthogonal(seed + 1, d)));
  for (let i = 0; i < X.data.length; i++) X.data[i] += shift;
  return X;
}
// #endregion

function checkMatrix(name: string, A: Matrix): void {
  if (!(A instanceof Matrix) || A.rows < 1 || A.cols < 1) {
    throw new Error(`principalAngles: ${name} must be a non-empty ` +
      'Matrix');
  }
  for (let i = 0; i < A.data.length; i++) {
    if (!Number.isFinite(A.data[i])) {
      throw new Error(`principalAngles: ${name} has ${A.data[i]} at ${i}`);
    }
  }
}

function checkAngles(A: Matrix, B: Matrix): void {
  checkMatrix('A', A);
  checkMatrix('B', B);
  if (A.rows !== B.rows) {
    throw new Error(`principalAngles: A has ${A.rows} rows and B ` +
      `${B.rows}; both must be d x k`);
  }
  if (A.cols > A.rows || B.cols > B.rows) {
    throw new Error('principalAngles: A and B must be tall (k <= d)');
  }
}

function checkLinearModel(model: Autoencoder): Linear {
  if (!(model instanceof Autoencoder)) {
    throw new Error('decoderBasis: model must be an Autoencoder');
  }
  const layers = model.decoder.layers;
  if (layers.length !== 1 || !(layers[0] instanceof Linear)) {
    throw new Error('decoderBasis: the decoder must be one Linear ' +
      'layer (a linear autoencoder)');
  }
  return layers[0];
}

function checkCloud(n: number, variances: number[], seed: number,
  shift: number): void {
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`gaussianCloud: n must be an integer >= 2, got ${n}`);
  }
  if (!Array.isArray(variances) || variances.length < 1 ||
    !variances.every((v) => Number.isFinite(v) && v >= 0)) {
    throw new Error('gaussianCloud: variances must be a non-empty ' +
      'array of finite numbers >= 0');
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error('gaussianCloud: seed must be an integer >= 0, got ' +
      `${seed}`);
  }
  if (!Number.isFinite(shift)) {
    throw new Error(`gaussianCloud: shift must be finite, got ${shift}`);
  }
}
