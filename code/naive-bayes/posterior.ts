// From joint log-likelihoods to predictions: the class priors, the
// log-posterior through a log-sum-exp, and the arg max. Shared by the
// three models of the chapter.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkClassCount, checkPrior, checkScores } from './checks.ts';

// #region prior
export interface PriorOptions {
  /** Fixed class probabilities; overrides fitPrior. */
  classPrior?: ArrayLike<number>;
  /** Estimate the priors from the class counts (default) or, if
   *  false, use 1/K for every class. */
  fitPrior?: boolean;
}

/** log π_c: Eq. (nb-prior-mle), a given prior, or uniform. */
export function classLogPrior(
  classCount: Float64Array,
  o: PriorOptions = {},
): Float64Array {
  checkClassCount('classLogPrior', classCount);
  const K = classCount.length;
  if (o.classPrior !== undefined) {
    checkPrior('classLogPrior', o.classPrior, K);
    return Float64Array.from(o.classPrior, Math.log);
  }
  if (o.fitPrior === false) return new Float64Array(K).fill(-Math.log(K));
  let n = 0;
  for (let c = 0; c < K; c++) n += classCount[c];
  return classCount.map((nc) => Math.log(nc) - Math.log(n));
}
// #endregion

// #region log-posterior
/** log P(y = c | x_i) = J_ic − log Σ_c' exp(J_ic'): Eq. (nb-posterior),
 *  the log-sum-exp shifted by the row's largest J (Eq. (calc-lse-shift)).
 *  J may hold −Infinity (a class ruled out), not NaN or +Infinity. */
export function logPosterior(jll: Matrix): Matrix {
  checkScores('logPosterior', jll);
  const { rows: n, cols: K } = jll;
  const out = new Matrix(n, K);
  for (let i = 0; i < n; i++) {
    const J = jll.data.subarray(i * K, (i + 1) * K);
    let m = -Infinity;
    for (let c = 0; c < K; c++) m = Math.max(m, J[c]);
    if (m === -Infinity) {
      throw new Error(`logPosterior: row ${i} rules out every class ` +
        '(all joint log-likelihoods are -Infinity)');
    }
    let s = 0; // the largest term is exp(0) = 1
    for (let c = 0; c < K; c++) s += Math.exp(J[c] - m);
    const lse = m + Math.log(s);
    for (let c = 0; c < K; c++) out.data[i * K + c] = J[c] - lse;
  }
  return out;
}
// #endregion

// #region predict
/** The class with the largest score; on a tie the smallest label,
 *  as NumPy's argmax. */
export function argmaxRows(S: Matrix): Int32Array {
  checkScores('argmaxRows', S, 'S');
  const out = new Int32Array(S.rows);
  for (let i = 0; i < S.rows; i++) {
    let best = 0;
    for (let c = 1; c < S.cols; c++) {
      if (S.data[i * S.cols + c] > S.data[i * S.cols + best]) best = c;
    }
    out[i] = best;
  }
  return out;
}
// #endregion

/** exp of every entry: probabilities from log-probabilities. */
export function expMatrix(L: Matrix): Matrix {
  checkScores('expMatrix', L, 'L');
  return new Matrix(L.rows, L.cols, L.data.map(Math.exp));
}
