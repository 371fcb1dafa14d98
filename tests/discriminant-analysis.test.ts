// Tests of chapter "Discriminant analysis": the maximum-likelihood fit,
// the posterior as Bayes' rule computes it, the logistic weights that
// shared-covariance Gaussians imply, Fisher's generalised eigenproblem,
// shrinkage, the singular cases, and scikit-learn 1.2.1's
// LinearDiscriminantAnalysis and QuadraticDiscriminantAnalysis
// (fixture from scripts/reference/discriminant_analysis.py).
import { describe, expect, it } from 'vitest';
import skRaw from './fixtures/discriminant-analysis/sklearn.json' with {
  type: 'json',
};
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/discriminant-analysis.ts';
import { Matrix, fromRows } from '../code/linear-algebra/matrix.ts';
import { symmetricEigen } from '../code/decompositions/eigen.ts';
import { loadWine } from '../code/k-nearest-neighbors/wine.ts';
import { fitLogisticNewton } from '../code/logistic-regression/fit.ts';
import { logisticHessian } from '../code/logistic-regression/model.ts';
import { sigmoid } from '../code/logistic-regression/sigmoid.ts';
import {
  classCovariances, classMoments, classScatters, pooledCovariance,
} from '../code/discriminant-analysis/gda.ts';
import {
  impliedLogistic, ldaScores, linearScores, posteriorFromScores,
} from '../code/discriminant-analysis/lda.ts';
import { fitQda, qdaScores } from '../code/discriminant-analysis/qda.ts';
import {
  empiricalCovariance, ledoitWolfCovariance, ledoitWolfShrinkage,
  shrunkCovariance,
} from '../code/discriminant-analysis/shrinkage.ts';
import { generalizedEigen } from '../code/discriminant-analysis/fisher.ts';
import {
  fitLdaEigen, fitLdaSvd, ldaDecision, ldaTransform, type LdaFit,
} from '../code/discriminant-analysis/fit-lda.ts';
import {
  cvAccuracy, fisherRatio, gaussianClasses, lda2, ldaAfter, pca2,
  takeRows,
} from '../code/discriminant-analysis/experiments.ts';
import { fisherTwoClass } from '../code/discriminant-analysis/solutions/fisher-two-class.ts';
import { rdaCovariances } from '../code/discriminant-analysis/solutions/rda.ts';

type Rec = Record<string, unknown>;
const sk = skRaw as unknown as {
  shrink: number; reg: number; ledoit_wolf_per_class: number[];
  lda: Rec[]; lda_binary: Rec[]; qda: Rec[];
  qda_small: { rows: number[]; qda: Rec };
};
const { X, y } = loadWine();
const n = X.rows;
const K = 3;
const nums = (v: unknown) => v as number[];

/** max |a − b| / max |b|: relative to the array's scale. */
function rel(a: ArrayLike<number>, b: number[]): number {
  let m = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  expect(a.length).toBe(b.length);
  return m / s;
}

/** rel() after aligning the sign of each column (an eigenvector's
 *  sign is arbitrary). */
function relUpToSign(A: Matrix, b: number[]): number {
  const B = new Matrix(A.rows, A.cols, Float64Array.from(b));
  const C = new Matrix(A.rows, A.cols, A.data.slice());
  for (let j = 0; j < A.cols; j++) {
    let d = 0;
    for (let i = 0; i < A.rows; i++) d += A.get(i, j) * B.get(i, j);
    if (d < 0) for (let i = 0; i < A.rows; i++) C.data[i * A.cols + j] *= -1;
  }
  return rel(C.data, b);
}

// Where the arithmetic is the same as scikit-learn's, agreement is at
// rounding level; 1e-10 relative leaves room for the different order of
// operations (Cholesky and Jacobi here, LAPACK's eigh and SVD there).
const TOL = 1e-10;

function checkLda(f: LdaFit, r: Rec) {
  const S = ldaDecision(f, X);
  expect(rel(f.priors, nums(r.priors))).toBeLessThan(TOL);
  expect(rel(f.means.data, nums(r.means))).toBeLessThan(TOL);
  expect(rel(f.covariance.data, nums(r.covariance))).toBeLessThan(TOL);
  expect(rel(f.W.data, nums(r.coef))).toBeLessThan(TOL);
  expect(rel(f.b, nums(r.intercept))).toBeLessThan(TOL);
  expect(relUpToSign(f.scalings, nums(r.scalings))).toBeLessThan(TOL);
  expect(rel(f.ratios, nums(r.explained_variance_ratio)))
    .toBeLessThan(TOL);
  expect(rel(S.data, nums(r.decision_function))).toBeLessThan(TOL);
  expect(rel(posteriorFromScores(S).data, nums(r.predict_proba)))
    .toBeLessThan(TOL);
  expect(relUpToSign(ldaTransform(f, X), nums(r.transform)))
    .toBeLessThan(TOL);
}

describe('scikit-learn 1.2.1 LinearDiscriminantAnalysis on wine', () => {
  it('solver="svd": priors, means, covariance, coef, intercept, scalings, ratios, scores, probabilities, transform', () => {
    const r = sk.lda[0];
    const f = fitLdaSvd(X, y);
    checkLda(f, r);
    expect(rel(f.center, nums(r.xbar))).toBeLessThan(TOL);
  });

  it('solver="eigen" without shrinkage: the same attributes', () => {
    checkLda(fitLdaEigen(X, y), sk.lda[1]);
  });

  it('solver="eigen", shrinkage="auto" (Ledoit–Wolf): the same attributes', () => {
    checkLda(fitLdaEigen(X, y, 'auto'), sk.lda[2]);
  });

  it('solver="eigen", fixed shrinkage 0.3: the same attributes', () => {
    expect(sk.lda[3].shrinkage).toBe(sk.shrink);
    checkLda(fitLdaEigen(X, y, sk.shrink), sk.lda[3]);
  });

  it('Ledoit–Wolf intensity of each standardised class equals ledoit_wolf_shrinkage', () => {
    sk.ledoit_wolf_per_class.forEach((a, k) => {
      const idx: number[] = [];
      y.forEach((c, i) => { if (c === k) idx.push(i); });
      const ours = ledoitWolfCovariance(takeRows(X, y, idx)[0]).alpha;
      expect(Math.abs(ours - a)).toBeLessThan(1e-12);
    });
  });

  it('svd scalings are sqrt((n − K)/n) times eigen scalings, and its transform is centred at the prior-weighted mean', () => {
    const s = new Matrix(13, 2, Float64Array.from(nums(sk.lda[0].scalings)));
    const e = new Matrix(13, 2, Float64Array.from(nums(sk.lda[1].scalings)));
    const c = Math.sqrt((n - K) / n); // Eq. (da-svd-scale)
    const scaled = new Matrix(13, 2, e.data.map((v) => c * v));
    expect(relUpToSign(scaled, Array.from(s.data))).toBeLessThan(TOL);
    // the transforms: T_eigen = (1/c) T_svd + x̄ᵀ W_eigen, column by column
    const ts = nums(sk.lda[0].transform);
    const te = nums(sk.lda[1].transform);
    for (let j = 0; j < 2; j++) {
      const sign = Math.sign(e.get(0, j) * s.get(0, j));
      const shift = te[j] - (sign * ts[j]) / c;
      let worst = 0;
      for (let i = 0; i < n; i++) {
        worst = Math.max(worst, Math.abs(te[2 * i + j] -
          (sign * ts[2 * i + j]) / c - shift));
      }
      expect(worst).toBeLessThan(1e-9);
    }
  });

  it('two classes: decision_function is δ₁ − δ₀ and predict_proba is its sigmoid (svd and eigen)', () => {
    const two = y.reduce<number[]>((a, c, i) => (c < 2 ? [...a, i] : a), []);
    const [X2, y2] = takeRows(X, y, two);
    sk.lda_binary.forEach((r, s) => {
      const f = s === 0 ? fitLdaSvd(X2, y2) : fitLdaEigen(X2, y2);
      const { w, b } = impliedLogistic(f);
      const S = ldaDecision(f, X2);
      const dec = Float64Array.from({ length: X2.rows }, (_, i) =>
        S.get(i, 1) - S.get(i, 0));
      expect(rel(dec, nums(r.decision_function))).toBeLessThan(TOL);
      expect(rel(w, nums(r.coef))).toBeLessThan(TOL);
      expect(Math.abs(b - nums(r.intercept)[0])).toBeLessThan(1e-9);
      const p = nums(r.predict_proba);
      for (let i = 0; i < X2.rows; i++) {
        expect(Math.abs(sigmoid(dec[i]) - p[2 * i + 1])).toBeLessThan(1e-12);
      }
    });
  });
});

describe('scikit-learn 1.2.1 QuadraticDiscriminantAnalysis on wine', () => {
  it('reg_param 0 and 0.1: means, covariance_, decision_function, predict_proba', () => {
    for (const r of sk.qda) {
      const m = fitQda(X, y, r.reg_param as number);
      const S = qdaScores(m, X);
      expect(rel(m.means.data, nums(r.means))).toBeLessThan(TOL);
      expect(rel(m.covariances.flatMap((c) => Array.from(c.data)),
        (r.covariance as number[][]).flat())).toBeLessThan(TOL);
      expect(rel(S.data, nums(r.decision_function))).toBeLessThan(TOL);
      expect(rel(posteriorFromScores(S).data, nums(r.predict_proba)))
        .toBeLessThan(TOL);
    }
  });

  it('with n_k < d, scikit-learn regularises only the n_k directions of the thin SVD: its covariance_ has rank n_k; ours is full rank with smallest eigenvalue λ', () => {
    const rows = sk.qda_small.rows;
    const [Xs, ys] = takeRows(X, y, rows);
    const nk = ys.filter((c) => c === 2).length;
    expect(nk).toBeLessThan(13);
    const C = new Matrix(13, 13, Float64Array.from(
      (sk.qda_small.qda.covariance as number[][])[2]));
    const ev = symmetricEigen(C).values;
    expect(ev.filter((v) => v > 1e-9 * ev[0]).length).toBe(nk);
    expect(Math.abs(ev[nk - 1] - sk.reg)).toBeLessThan(1e-9);
    const ours = symmetricEigen(fitQda(Xs, ys, sk.reg).covariances[2]);
    expect(Math.abs(ours.values[12] - sk.reg)).toBeLessThan(1e-9);
  });
});

/** The joint log-likelihood of (X, y) under shared-covariance GDA. */
function logLik(pi: Float64Array, M: Matrix, S: Matrix): number {
  const s = ldaScores(M, S, pi);
  const d = X.cols;
  let logDet = 0;
  for (const v of symmetricEigen(S).values) logDet += Math.log(v);
  const Sc = linearScores(s, X);
  const w = symmetricEigen(S);
  let L = 0;
  for (let i = 0; i < n; i++) {
    // log π_k + log N(x | μ_k, Σ) = δ_k(x) − ½ xᵀΣ⁻¹x − ½ log|2πΣ|
    const xi = X.row(i);
    let q = 0;
    for (let j = 0; j < d; j++) {
      let t = 0;
      for (let a = 0; a < d; a++) t += w.vectors.get(a, j) * xi[a];
      q += (t * t) / w.values[j];
    }
    L += Sc.get(i, y[i]) - q / 2 - (d * Math.log(2 * Math.PI) + logDet) / 2;
  }
  return L;
}

describe('the maximum-likelihood fit, Eqs. (da-prior) to (da-class-cov)', () => {
  it('perturbing any MLE parameter lowers the log-likelihood', () => {
    const { priors, means } = classMoments(X, y);
    const S = pooledCovariance(X, y);
    const best = logLik(priors, means, S);
    const eps = 1e-3;
    const P = f64(priors[0] + eps, priors[1] - eps, priors[2]);
    expect(logLik(P, means, S)).toBeLessThan(best);
    for (const sgn of [1, -1]) {
      const M = new Matrix(3, 13, means.data.slice());
      M.data[5] += sgn * eps;
      expect(logLik(priors, M, S)).toBeLessThan(best);
      const T = new Matrix(13, 13, S.data.slice());
      T.data[0] *= 1 + sgn * eps;
      expect(logLik(priors, means, T)).toBeLessThan(best);
    }
  });

  it('the pooled MLE covariance is the prior-weighted mean of the class MLE covariances; n − K is the other divisor', () => {
    const { priors } = classMoments(X, y);
    const C = classCovariances(X, y);
    const mix = new Float64Array(169);
    C.forEach((c, k) => c.data.forEach((v, t) => { mix[t] += priors[k] * v; }));
    expect(rel(mix, Array.from(pooledCovariance(X, y).data)))
      .toBeLessThan(1e-13);
    const unbiased = pooledCovariance(X, y, K);
    expect(rel(unbiased.data.map((v) => (v * (n - K)) / n),
      Array.from(pooledCovariance(X, y).data))).toBeLessThan(1e-13);
  });
});

const f64 = (...xs: number[]) => Float64Array.from(xs);

describe('the posterior, Eqs. (da-posterior) and (da-lda-score)', () => {
  it('softmax of the LDA scores is Bayes\' rule with Gaussian densities', () => {
    const M = fromRows([[0, 0], [2, 1], [-1, 2]]);
    const S = fromRows([[1.5, 0.4], [0.4, 0.8]]);
    const pi = f64(0.2, 0.5, 0.3);
    const Q = fromRows([[0.3, -0.2], [1.5, 1.1], [-2, 3]]);
    const P = posteriorFromScores(linearScores(ldaScores(M, S, pi), Q));
    const det = 1.5 * 0.8 - 0.16;
    const inv = [[0.8 / det, -0.4 / det], [-0.4 / det, 1.5 / det]];
    for (let i = 0; i < 3; i++) {
      const dens = [0, 1, 2].map((k) => {
        const r = [Q.get(i, 0) - M.get(k, 0), Q.get(i, 1) - M.get(k, 1)];
        const q = r[0] * (inv[0][0] * r[0] + inv[0][1] * r[1]) +
          r[1] * (inv[1][0] * r[0] + inv[1][1] * r[1]);
        return pi[k] * Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det));
      });
      const z = dens[0] + dens[1] + dens[2];
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(P.get(i, k) - dens[k] / z)).toBeLessThan(1e-14);
      }
    }
  });

  it('QDA scores are log π_k + log N(x | μ_k, Σ_k) up to the same constant −(d/2) log 2π', () => {
    const two = new Matrix(8, 2, f64(0, 0, 1, 0.2, 0.1, 1, 1, 1.3,
      4, 0, 5, 0.4, 4.2, 1, 5.1, 1.2));
    const y2 = Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    const m = fitQda(two, y2, 0);
    const x = f64(2, 0.5);
    const S = qdaScores(m, new Matrix(1, 2, x));
    for (let k = 0; k < 2; k++) {
      const C = m.covariances[k];
      const det = C.get(0, 0) * C.get(1, 1) - C.get(0, 1) ** 2;
      const r = [x[0] - m.means.get(k, 0), x[1] - m.means.get(k, 1)];
      const q = (C.get(1, 1) * r[0] ** 2 - 2 * C.get(0, 1) * r[0] * r[1] +
        C.get(0, 0) * r[1] ** 2) / det;
      const logp = Math.log(m.priors[k]) - Math.log(det) / 2 - q / 2;
      expect(Math.abs(S.get(0, k) - logp)).toBeLessThan(1e-12);
    }
  });
});

describe('shared covariance gives a logistic posterior, Eq. (da-lda-logistic)', () => {
  it('log(P₁/P₀) computed from the LDA parameters equals wᵀx + b of the implied weights', () => {
    const two = y.reduce<number[]>((a, c, i) => (c < 2 ? [...a, i] : a), []);
    const [X2, y2] = takeRows(X, y, two);
    const m = classMoments(X2, y2);
    const s = ldaScores(m.means, pooledCovariance(X2, y2), m.priors);
    const P = posteriorFromScores(linearScores(s, X2));
    const { w, b } = impliedLogistic(s);
    for (let i = 0; i < X2.rows; i += 7) {
      let z = b;
      for (let j = 0; j < 13; j++) z += w[j] * X2.get(i, j);
      const logOdds = Math.log(P.get(i, 1)) - Math.log(P.get(i, 0));
      expect(Math.abs(logOdds - z)).toBeLessThan(1e-9 * (1 + Math.abs(z)));
    }
  });

  it('logistic regression fitted to 20 000 Gaussian samples lands within 4 standard errors of the implied weights', () => {
    const means = fromRows([[0, 0], [1, 0.5]]);
    const A = fromRows([[1, 0], [0.5, 0.8]]);
    const pi = f64(0.4, 0.6);
    const Sigma = fromRows([[1, 0.5], [0.5, 0.89]]); // A Aᵀ
    const truth = impliedLogistic(ldaScores(means, Sigma, pi));
    const { X: G, y: yg } = gaussianClasses(20_000, means, A, pi, 7);
    const fit = fitLogisticNewton(G, Float64Array.from(yg));
    const H = logisticHessian(G, fit.theta);
    const { values, vectors } = symmetricEigen(H);
    const t = [truth.b, truth.w[0], truth.w[1]];
    for (let j = 0; j < 3; j++) {
      let v = 0; // (H⁻¹)_jj: the asymptotic variance of θ̂_j
      for (let k = 0; k < 3; k++) v += vectors.get(j, k) ** 2 / values[k];
      // a 4-standard-error band: a correct fit leaves it with
      // probability about 6e-5 per coefficient
      expect(Math.abs(fit.theta[j] - t[j])).toBeLessThan(4 * Math.sqrt(v));
    }
  });
});

describe("Fisher's discriminant, Eqs. (da-fisher) to (da-whitened)", () => {
  const { priors, means } = classMoments(X, y);
  const SW = pooledCovariance(X, y);
  const SB = new Matrix(13, 13);
  const xbar = f64(...Array.from({ length: 13 }, (_, j) =>
    priors[0] * means.get(0, j) + priors[1] * means.get(1, j) +
    priors[2] * means.get(2, j)));
  for (let k = 0; k < 3; k++) {
    for (let a = 0; a < 13; a++) {
      for (let b = 0; b < 13; b++) {
        SB.data[a * 13 + b] += priors[k] * (means.get(k, a) - xbar[a]) *
          (means.get(k, b) - xbar[b]);
      }
    }
  }
  const { gammas, W } = generalizedEigen(SB, SW);

  it('S_B w = γ S_W w and Wᵀ S_W W = I (residuals relative to ‖S_B‖)', () => {
    let big = 0;
    for (const v of SB.data) big = Math.max(big, Math.abs(v));
    for (let j = 0; j < 13; j++) {
      const w = W.col(j);
      for (let a = 0; a < 13; a++) {
        let l = 0;
        let r = 0;
        for (let b = 0; b < 13; b++) {
          l += SB.get(a, b) * w[b];
          r += SW.get(a, b) * w[b];
        }
        expect(Math.abs(l - gammas[j] * r)).toBeLessThan(1e-10 * big);
      }
      for (let k = 0; k < 13; k++) {
        const v = W.col(k);
        let q = 0;
        for (let a = 0; a < 13; a++) {
          for (let b = 0; b < 13; b++) q += w[a] * SW.get(a, b) * v[b];
        }
        expect(Math.abs(q - (j === k ? 1 : 0))).toBeLessThan(1e-9);
      }
    }
  });

  it('at most K − 1 = 2 eigenvalues are nonzero', () => {
    expect(gammas[1]).toBeGreaterThan(1);
    for (let j = 2; j < 13; j++) {
      expect(Math.abs(gammas[j])).toBeLessThan(1e-12 * gammas[0]);
    }
  });

  it('the LDA plane keeps the whole Fisher ratio tr(S_W⁻¹S_B); the PCA plane keeps less', () => {
    const all = fisherRatio(X, y);
    expect(Math.abs(fisherRatio(lda2(X, y)(X), y) - all))
      .toBeLessThan(1e-9 * all);
    expect(fisherRatio(pca2(X, y)(X), y)).toBeLessThan(0.9 * all);
  });

  it('LDA refitted in the LDA plane predicts as LDA on all 13 features: equal accuracy in every fold', () => {
    const full = cvAccuracy(X, y, (Xa, ya) => {
      const f = fitLdaEigen(Xa, ya);
      return (Q) => ldaDecision(f, Q);
    }, 10, 1);
    expect(Array.from(cvAccuracy(X, y, ldaAfter(lda2), 10, 1)))
      .toEqual(Array.from(full));
  });

  it('two classes: Fisher\'s direction is parallel to the implied logistic weights', () => {
    const two = y.reduce<number[]>((a, c, i) => (c < 2 ? [...a, i] : a), []);
    const [X2, y2] = takeRows(X, y, two);
    const f = fisherTwoClass(X2, y2);
    const { w } = impliedLogistic(fitLdaEigen(X2, y2));
    let dot = 0;
    let nw = 0;
    for (let j = 0; j < 13; j++) { dot += f[j] * w[j]; nw += w[j] ** 2; }
    expect(Math.abs(Math.abs(dot) / Math.sqrt(nw) - 1)).toBeLessThan(1e-12);
  });
});

describe('shrinkage and regularisation, Eqs. (da-shrunk), (da-lw), (da-qda-reg)', () => {
  it('shrunkCovariance keeps the trace and moves the eigenvalues towards their mean', () => {
    const S = empiricalCovariance(X);
    const T = shrunkCovariance(S, 0.4);
    let a = 0;
    let b = 0;
    for (let j = 0; j < 13; j++) { a += S.get(j, j); b += T.get(j, j); }
    expect(Math.abs(a - b)).toBeLessThan(1e-9 * a);
    const es = symmetricEigen(S).values;
    const et = symmetricEigen(T).values;
    expect(et[0]).toBeLessThan(es[0]);
    expect(et[12]).toBeGreaterThan(es[12]);
  });

  it('shrinkage="auto" pulls the raw covariance towards its own diagonal, (1 − α)S + α diag(S)', () => {
    const S = empiricalCovariance(X);
    const { Sigma, alpha } = ledoitWolfCovariance(X);
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
    const want = S.data.map((v, t) =>
      (t % 14 === 0 ? v : (1 - alpha) * v));
    expect(rel(Sigma.data, Array.from(want))).toBeLessThan(1e-12);
  });

  it('the Ledoit–Wolf intensity is 0 for one feature, and clipped at 1 when S is nearly a multiple of I', () => {
    expect(ledoitWolfShrinkage(new Matrix(4, 1, f64(1, 2, 3, 5)))).toBe(0);
    // S = diag(0.5, 0.605): τ² is tiny, b̄² is not, so min(b̄², τ²) = τ²
    const X4 = new Matrix(4, 2, f64(1, 0, -1, 0, 0, 1.1, 0, -1.1));
    expect(ledoitWolfShrinkage(X4)).toBe(1);
  });

  it('no shrinkage and "auto" give the same predictions on raw and on rescaled features; a fixed shrinkage does not', () => {
    const scale = f64(...Array.from({ length: 13 }, (_, j) => 10 ** (j % 4)));
    const Z = new Matrix(n, 13, X.data.map((v, t) => v * scale[t % 13]));
    const pred = (f: LdaFit, A: Matrix) => {
      const S = ldaDecision(f, A);
      return Array.from({ length: n }, (_, i) => {
        const r = S.row(i);
        return r.indexOf(Math.max(r[0], r[1], r[2]));
      });
    };
    expect(pred(fitLdaEigen(Z, y, 'auto'), Z))
      .toEqual(pred(fitLdaEigen(X, y, 'auto'), X));
    expect(pred(fitLdaEigen(Z, y), Z)).toEqual(pred(fitLdaEigen(X, y), X));
    expect(pred(fitLdaEigen(Z, y, 0.3), Z))
      .not.toEqual(pred(fitLdaEigen(X, y, 0.3), X));
  });

  it('d > n − K: LDA\'s covariance is singular and fitLdaEigen says so; shrinkage="auto" fits', () => {
    const few = [0, 1, 2, 3, 59, 60, 61, 62, 130, 131, 132, 133];
    const [Xf, yf] = takeRows(X, y, few);
    expect(() => fitLdaEigen(Xf, yf)).toThrow(/^fitLdaEigen: the within-class covariance \(d = 13 features, n − K = 9\)/);
    expect(fitLdaEigen(Xf, yf, 'auto').scalings.cols).toBe(2);
  });

  it('n_k < d: QDA\'s class covariance is singular at λ = 0 and fitQda says so; λ > 0 fits', () => {
    const [Xs, ys] = takeRows(X, y, sk.qda_small.rows);
    expect(() => fitQda(Xs, ys, 0)).toThrow(/^fitQda: the covariance of class 2 \(n_k = 8, d = 13/);
    expect(fitQda(Xs, ys, 0.1).logDets.every(Number.isFinite)).toBe(true);
  });

  it('exercise: RDA interpolates from the class covariances (a = 0) to the pooled one (a = 1)', () => {
    const C = classCovariances(X, y);
    const P = pooledCovariance(X, y);
    const r0 = rdaCovariances(X, y, 0);
    const r1 = rdaCovariances(X, y, 1);
    for (let k = 0; k < 3; k++) {
      expect(rel(r0[k].data, Array.from(C[k].data))).toBe(0);
      expect(rel(r1[k].data, Array.from(P.data))).toBeLessThan(1e-15);
    }
  });
});

describe('cross-validation and real sizes', () => {
  it('cvAccuracy fits on the training folds only: LDA after PCA differs from LDA after LDA', () => {
    const a = cvAccuracy(X, y, ldaAfter(pca2), 5, 3);
    const b = cvAccuracy(X, y, ldaAfter(lda2), 5, 3);
    expect(a.length).toBe(5);
    expect(a.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('fits and scores 100 000 rows without a stack overflow', () => {
    const big = gaussianClasses(100_000, fromRows([[0, 0], [2, 1]]),
      fromRows([[1, 0], [0, 1]]), f64(0.5, 0.5), 3);
    const f = fitLdaEigen(big.X, big.y);
    expect(ldaDecision(f, big.X).rows).toBe(100_000);
    expect(qdaScores(fitQda(big.X, big.y), big.X).rows).toBe(100_000);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('GDA fit', () => {
    rejectsBadInput(badInput.gda);
  });
  it('LDA and QDA models', () => {
    rejectsBadInput(badInput.models);
  });
  it('covariances and the generalised eigenproblem', () => {
    rejectsBadInput(badInput.covariances);
  });
  it('experiments', () => {
    rejectsBadInput(badInput.experiments);
  });
  it('checks', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  it('moving any two priors, any mean entry, or a diagonal or off-diagonal covariance entry, either way, lowers the log-likelihood', () => {
    const { priors, means } = classMoments(X, y);
    const S = pooledCovariance(X, y);
    const best = logLik(priors, means, S);
    const eps = 1e-3;
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) {
      for (const sgn of [1, -1]) {
        const P = priors.slice();
        P[a] += sgn * eps;
        P[b] -= sgn * eps;
        expect(logLik(P, means, S)).toBeLessThan(best);
      }
    }
    for (let t = 0; t < means.data.length; t++) {
      for (const sgn of [1, -1]) {
        const M = new Matrix(3, 13, means.data.slice());
        M.data[t] += sgn * eps * Math.max(1, Math.abs(M.data[t]));
        expect(logLik(priors, M, S)).toBeLessThan(best);
      }
    }
    for (const [a, b] of [[3, 3], [12, 12], [0, 6], [4, 12]]) {
      for (const sgn of [1, -1]) {
        const T = new Matrix(13, 13, S.data.slice());
        const h = sgn * eps * Math.sqrt(S.get(a, a) * S.get(b, b));
        T.data[a * 13 + b] += h;
        if (a !== b) T.data[b * 13 + a] += h;
        expect(logLik(priors, means, T)).toBeLessThan(best);
      }
    }
  });

  it('cvAccuracy fits each fold on its training rows only, and queries exactly the held-out rows', () => {
    const key = (M: Matrix, i: number) => Array.from(M.row(i)).join(',');
    const all = new Set(Array.from({ length: n }, (_, i) => key(X, i)));
    expect(all.size).toBe(n); // the wines are distinct rows
    const queried: string[] = [];
    const acc = cvAccuracy(X, y, (Xa, ya) => {
      const train = new Set(Array.from({ length: Xa.rows },
        (_, i) => key(Xa, i)));
      expect(train.size).toBe(Xa.rows);
      const f = fitLdaEigen(Xa, ya);
      return (Q) => {
        for (let i = 0; i < Q.rows; i++) {
          expect(train.has(key(Q, i))).toBe(false);
          queried.push(key(Q, i));
        }
        expect(Xa.rows + Q.rows).toBe(n);
        return ldaDecision(f, Q);
      };
    }, 5, 3);
    expect(acc.length).toBe(5);
    expect(new Set(queried).size).toBe(n); // every row held out once
  });

  it('LDA fitted to the 20 000 Gaussian samples lands within 4 (logistic) standard errors of the implied weights', () => {
    const means = fromRows([[0, 0], [1, 0.5]]);
    const A = fromRows([[1, 0], [0.5, 0.8]]);
    const pi = f64(0.4, 0.6);
    const Sigma = fromRows([[1, 0.5], [0.5, 0.89]]); // A Aᵀ
    const truth = impliedLogistic(ldaScores(means, Sigma, pi));
    const { X: G, y: yg } = gaussianClasses(20_000, means, A, pi, 7);
    const m = classMoments(G, yg);
    const lda = impliedLogistic(ldaScores(m.means, pooledCovariance(G, yg),
      m.priors));
    const fit = fitLogisticNewton(G, Float64Array.from(yg));
    const { values, vectors } = symmetricEigen(logisticHessian(G, fit.theta));
    const t = [truth.b, truth.w[0], truth.w[1]];
    const e = [lda.b, lda.w[0], lda.w[1]];
    for (let j = 0; j < 3; j++) {
      let v = 0;
      for (let k = 0; k < 3; k++) v += vectors.get(j, k) ** 2 / values[k];
      expect(Math.abs(e[j] - t[j])).toBeLessThan(4 * Math.sqrt(v));
    }
  });

  it('proline has the largest variance: about 500 times magnesium\'s, the next largest, and over 8 000 times every other feature\'s', () => {
    const S = empiricalCovariance(X);
    const v = Array.from({ length: 13 }, (_, j) => S.get(j, j));
    const { features } = loadWine();
    const p = features.indexOf('proline');
    const g = features.indexOf('magnesium');
    const order = v.map((_, j) => j).sort((a, b) => v[b] - v[a]);
    expect([order[0], order[1]]).toEqual([p, g]);
    expect(v[p] / v[g]).toBeGreaterThan(400);
    expect(v[p] / v[g]).toBeLessThan(600);
    for (const j of order.slice(2)) expect(v[p] / v[j]).toBeGreaterThan(8000);
  });

  it('on wine, QDA\'s densities do not underflow, but the smallest log-density is below −500 (close to the −745 of a double)', () => {
    const m = fitQda(X, y, 0);
    const S = qdaScores(m, X);
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        min = Math.min(min, S.get(i, k) - Math.log(m.priors[k]) -
          6.5 * Math.log(2 * Math.PI));
      }
    }
    expect(min).toBeLessThan(-500);
    expect(Math.exp(min)).toBeGreaterThan(0);
    expect(Math.exp(-746)).toBe(0); // where a double underflows
  });

  it('Friedman\'s scatter mixture ((1 − λ)S_k + λS)/((1 − λ)n_k + λn) is the exercise\'s (1 − a)Σ_k + aΣ with a = λn/((1 − λ)n_k + λn)', () => {
    const Sk = classScatters(X, y);
    const { counts } = classMoments(X, y);
    const Sall = new Float64Array(169);
    Sk.forEach((s) => s.data.forEach((v, t) => { Sall[t] += v; }));
    for (const lam of [0.2, 0.7]) {
      for (let k = 0; k < K; k++) {
        const W = (1 - lam) * counts[k] + lam * n;
        const friedman = Sk[k].data.map((v, t) =>
          ((1 - lam) * v + lam * Sall[t]) / W);
        const a = (lam * n) / W;
        const ours = rdaCovariances(X, y, a)[k];
        expect(rel(ours.data, Array.from(friedman))).toBeLessThan(1e-13);
      }
    }
  });
});
