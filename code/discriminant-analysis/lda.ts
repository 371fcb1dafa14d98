// Linear discriminant analysis: the linear scores that Gaussian classes
// with one shared covariance give, their softmax, and the two-class
// logistic weights they imply.
import { Matrix } from '../linear-algebra/matrix.ts';
import { choleskyFor, choleskySolve } from '../decompositions/cholesky.ts';
import { softmax } from '../calculus/softmax.ts';
import {
  checkMatrix, checkPriors, checkQueries, checkSquare,
} from './checks.ts';

// #region lda-linear
/** Scores δ_k(x) = w_kᵀx + b_k: W is K x d, b has K entries. */
export interface LinearScores { W: Matrix; b: Float64Array }

/** w_k = Σ⁻¹μ_k, b_k = −½ μ_kᵀΣ⁻¹μ_k + log π_k, Eq. (da-lda-score). */
export function ldaScores(
  means: Matrix, Sigma: Matrix, priors: Float64Array,
): LinearScores {
  const fn = 'ldaScores';
  checkMatrix(fn, 'means', means);
  const { rows: K, cols: d } = means;
  checkSquare(fn, 'Sigma', Sigma, d);
  checkPriors(fn, priors, K);
  const L = choleskyFor(fn, Sigma, 'the covariance Sigma:');
  const W = new Matrix(K, d);
  const b = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const mu = means.row(k);
    const w = choleskySolve(L, mu); // Σ⁻¹μ_k without forming Σ⁻¹
    W.data.set(w, k * d);
    let q = 0;
    for (let j = 0; j < d; j++) q += mu[j] * w[j];
    b[k] = -q / 2 + Math.log(priors[k]);
  }
  return { W, b };
}
// #endregion

// #region scores-proba
/** The n x K matrix of δ_k(x_i) = w_kᵀx_i + b_k. */
export function linearScores(s: LinearScores, X: Matrix): Matrix {
  const { W, b } = s;
  checkQueries('linearScores', X, W.cols);
  const { rows: K, cols: d } = W;
  const out = new Matrix(X.rows, K);
  for (let i = 0; i < X.rows; i++) {
    for (let k = 0; k < K; k++) {
      let z = b[k];
      for (let j = 0; j < d; j++) {
        z += W.data[k * d + j] * X.data[i * d + j];
      }
      out.data[i * K + k] = z;
    }
  }
  return out;
}

/** P(y = k | x) = softmax(δ(x))_k, row by row: Eq. (da-posterior). */
export function posteriorFromScores(S: Matrix): Matrix {
  checkMatrix('posteriorFromScores', 'S', S);
  const P = new Matrix(S.rows, S.cols);
  for (let i = 0; i < S.rows; i++) {
    P.data.set(softmax(S.row(i)), i * S.cols);
  }
  return P;
}
// #endregion

// #region implied-logistic
/** Two classes: σ(wᵀx + b) = P(y = 1 | x), Eq. (da-lda-logistic). */
export function impliedLogistic(s: LinearScores): {
  w: Float64Array; b: number;
} {
  const { W, b } = s;
  checkMatrix('impliedLogistic', 'W', W);
  if (W.rows !== 2 || b.length !== 2) {
    throw new Error('impliedLogistic: needs the scores of exactly 2 ' +
      `classes, got W with ${W.rows} rows and ${b.length} intercepts`);
  }
  const d = W.cols;
  const w = Float64Array.from({ length: d }, (_, j) =>
    W.data[d + j] - W.data[j]);
  return { w, b: b[1] - b[0] };
}
// #endregion
