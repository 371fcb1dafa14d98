// SNE's input similarities: squared distances, one Gaussian per point
// calibrated to a perplexity, and the symmetrised joint P.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkData, checkRange, checkSquare } from './checks.ts';

// #region sq-distances
/** The n x n matrix of squared Euclidean distances ||x_i - x_j||^2. */
export function squaredDistances(X: Matrix): Float64Array {
  checkData('squaredDistances', X);
  const { rows: n, cols: d, data: x } = X;
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let a = 0; a < d; a++) {
        const t = x[i * d + a] - x[j * d + a];
        s += t * t;
      }
      D[i * n + j] = s;
      D[j * n + i] = s;
    }
  }
  return D;
}
// #endregion

// #region row-entropy
/**
 * Fills row i of P with p_{j|i} at precision beta, Eq. (tsne-cond),
 * and returns its entropy in nats, Eq. (tsne-entropy-beta).
 */
function fillRow(D: Float64Array, n: number, i: number, beta: number,
  P: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const p = j === i ? 0 : Math.exp(-D[i * n + j] * beta);
    P[i * n + j] = p;
    sum += p;
  }
  if (sum === 0) sum = 1e-8; // every exp underflowed, as sklearn does
  let dp = 0; // sum_j d_ij p_{j|i}
  for (let j = 0; j < n; j++) {
    P[i * n + j] /= sum;
    dp += D[i * n + j] * P[i * n + j];
  }
  return Math.log(sum) + beta * dp;
}
// #endregion

// #region binary-search
export const PERPLEXITY_TOLERANCE = 1e-5; // on the entropy, in nats
export const SEARCH_STEPS = 100;

/** Row-stochastic p_{j|i} with entropy log(perplexity) in each row. */
export function conditionalProbabilities(D: Float64Array, n: number,
  perplexity: number): { P: Float64Array; beta: Float64Array } {
  checkInputs('conditionalProbabilities', D, n, perplexity);
  const target = Math.log(perplexity); // Eq. (tsne-perplexity)
  const P = new Float64Array(n * n);
  const betas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let beta = 1, lo = -Infinity, hi = Infinity, used = beta;
    for (let step = 0; step < SEARCH_STEPS; step++) {
      used = beta; // the precision that row i of P now holds
      const diff = fillRow(D, n, i, beta, P) - target;
      if (Math.abs(diff) <= PERPLEXITY_TOLERANCE) break;
      if (diff > 0) { // too flat: sharpen the Gaussian
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else { // too peaked: widen it
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
    betas[i] = used;
  }
  return { P, beta: betas };
}
// #endregion

// #region joint
/** p_ij = (p_{j|i} + p_{i|j}) / 2n, Eq. (tsne-joint), as a full matrix. */
export function jointProbabilities(X: Matrix, perplexity: number) {
  checkData('jointProbabilities', X);
  checkPerplexity('jointProbabilities', perplexity, X.rows);
  const n = X.rows;
  const { P: C } = conditionalProbabilities(
    squaredDistances(X), n, perplexity);
  const P = new Float64Array(n * n);
  let sum = 0; // sum of C + C^T: 2n up to rounding, as sklearn divides
  for (let k = 0; k < n * n; k++) sum += 2 * C[k];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = Math.max((C[i * n + j] + C[j * n + i]) / sum,
        Number.EPSILON); // sklearn's floor, MACHINE_EPSILON
      P[i * n + j] = p;
      P[j * n + i] = p;
    }
  }
  return P;
}
// #endregion

function checkPerplexity(fn: string, perplexity: number, n: number) {
  checkRange(fn, 'perplexity', perplexity, 1, n - 1, true);
}

function checkInputs(fn: string, D: Float64Array, n: number,
  perplexity: number): void {
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`${fn}: n must be an integer >= 2, got ${n}`);
  }
  checkSquare(fn, 'D', D, n);
  checkPerplexity(fn, perplexity, n);
}
