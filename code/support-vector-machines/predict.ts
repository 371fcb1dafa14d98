// Decision values and one-vs-one votes of a fitted SvcModel, in
// libsvm's order (svm_predict_values). Browser-safe.
import { calledAs } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkMatrix, checkModel } from './checks.ts';
import { kernelMatrix } from './kernel.ts';
import type { SvcModel } from './svc.ts';

// #region ovo-values
/**
 * f_ab(x) = Σ_i coef_i k(x_i, x) − ρ_ab for every pair a < b,
 * Eq. (sv-decision), in libsvm's signs: f_ab > 0 is a vote for a.
 */
export function ovoValues(m: SvcModel, Xq: Matrix): Matrix {
  checkModel('ovoValues', m);
  checkMatrix('ovoValues', 'Xq', Xq, Xq.rows, m.sv.cols);
  const K = m.classes, nSV = m.support.length;
  const start = new Int32Array(K);
  for (let c = 1; c < K; c++) start[c] = start[c - 1] + m.nSupport[c - 1];
  const out = new Matrix(Xq.rows, (K * (K - 1)) / 2);
  const Kq = kernelMatrix(m.kernel, Xq, m.sv);
  for (let r = 0; r < Xq.rows; r++) {
    const kv = Kq.data.subarray(r * nSV, (r + 1) * nSV);
    let p = 0;
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++, p++) {
        let s = 0;
        for (let k = 0; k < m.nSupport[a]; k++) {
          s += m.coef.data[(b - 1) * nSV + start[a] + k] * kv[start[a] + k];
        }
        for (let k = 0; k < m.nSupport[b]; k++) {
          s += m.coef.data[a * nSV + start[b] + k] * kv[start[b] + k];
        }
        out.data[r * out.cols + p] = s - m.rho[p];
      }
    }
  }
  return out;
}
// #endregion

// #region vote
/**
 * One-vs-one voting: f_ab > 0 votes for a, otherwise for b; the class
 * with most votes wins, and a tie goes to the smallest class index.
 */
export function predictSvc(m: SvcModel, Xq: Matrix): Int32Array {
  const F = calledAs('predictSvc', () => ovoValues(m, Xq));
  const K = m.classes;
  const out = new Int32Array(Xq.rows);
  const votes = new Int32Array(K);
  for (let r = 0; r < Xq.rows; r++) {
    votes.fill(0);
    let p = 0;
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++, p++) {
        votes[F.data[r * F.cols + p] > 0 ? a : b]++;
      }
    }
    let best = 0;
    for (let c = 1; c < K; c++) if (votes[c] > votes[best]) best = c;
    out[r] = best;
  }
  return out;
}
// #endregion

// #region sklearn-layout
/**
 * scikit-learn's public attributes: dual_coef_ and intercept_ = −ρ,
 * both negated for two classes (so that decision_function > 0 means
 * class 1), and decision_function itself.
 */
export function sklearnView(m: SvcModel, Xq: Matrix) {
  const sign = m.classes === 2 ? -1 : 1;
  const F = calledAs('sklearnView', () => ovoValues(m, Xq));
  return {
    dualCoef: m.coef.data.map((v) => sign * v),
    intercept: m.rho.map((r) => -sign * r),
    decision: F.data.map((v) => sign * v),
  };
}
// #endregion
