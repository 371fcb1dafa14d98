// Tests for the Bayesian linear regression chapter. Each `it` is one
// claim of the chapter; equation labels refer to chapters/linear-models/
// bayesian-linear-regression.mdx.
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  gradientCheck,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { moments } from '../code/introduction/stats.ts';
import { svd } from '../code/decompositions/svd.ts';
import {
  Matrix,
  dot,
  matmul,
  matvec,
  transpose,
} from '../code/linear-algebra/matrix.ts';
import { loadDiabetes } from '../code/linear-regression/diabetes.ts';
import {
  addOnesColumn,
  center,
  fitNormalEquations,
  gaussianLogLikelihood,
} from '../code/linear-regression/model.ts';
import { standardize } from '../code/linear-regression/scaling.ts';
import { conditionNumber } from '../code/linear-regression/spectrum.ts';
import { linearData } from '../code/linear-regression/synthetic.ts';
import { MultivariateNormal } from '../code/probability/mvn.ts';
import {
  effectiveDof,
  ridgeCholesky,
} from '../code/regularization/ridge.ts';
import { gaussianBasis } from '../code/bayesian-linear-regression/basis.ts';
import {
  fitBayesianRidge,
  predictBayesianRidge,
} from '../code/bayesian-linear-regression/bayesian-ridge.ts';
import {
  CV_LAMBDAS,
  diabetesBayes,
  heldOutZ,
  pairedCvDifference,
  ridgeCvLambda,
} from '../code/bayesian-linear-regression/diabetes.ts';
import { addPoint } from
  '../code/bayesian-linear-regression/solutions/rank-one.ts';
import { maximizeEvidenceSvd } from
  '../code/bayesian-linear-regression/solutions/evidence-svd.ts';
import { maximizeEvidenceExactIntercept } from
  '../code/bayesian-linear-regression/solutions/exact-intercept.ts';
import { tQuantile } from '../code/statistics/student-t.ts';
import { normalQuantile } from '../code/statistics/normal-quantile.ts';
import {
  evidence,
  evidenceGradient,
  maximizeEvidence,
} from '../code/bayesian-linear-regression/evidence.ts';
import {
  BAND,
  bandExample,
  sequentialExample,
} from '../code/bayesian-linear-regression/examples.ts';
import {
  blrPosterior,
  choleskyInverse,
  isotropicPrior,
  updatePosterior,
} from '../code/bayesian-linear-regression/posterior.ts';
import type { Posterior } from '../code/bayesian-linear-regression/posterior.ts';
import {
  predictive,
  samplePredictive,
} from '../code/bayesian-linear-regression/predictive.ts';
import { fixture as loadFixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/bayesian-linear-regression.ts';

const fixture = loadFixture('bayesian-linear-regression', 'sklearn.json');

const EPS = Number.EPSILON;

/** A small noisy problem: n = 30, d = 3, known weights. */
function smallProblem(seed = 1) {
  return linearData({ seed, n: 30, w: [1.5, -2, 0.5], noise: 0.3 });
}
const H = { sigma2: 0.09, tau2: 2 };

/** XᵀX, for the closed forms the tests compare against. */
function gram(X: Matrix): Matrix {
  return matmul(transpose(X), X);
}

/** The largest |entry|, to scale absolute tolerances. */
function maxAbs(xs: ArrayLike<number>): number {
  return Array.from(xs).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/** Rows i..j-1 of X and y, for feeding data in pieces. */
function rowsOf(X: Matrix, y: Float64Array, i: number, j: number) {
  const d = X.cols;
  return {
    X: new Matrix(j - i, d, X.data.slice(i * d, j * d)),
    y: y.slice(i, j),
  };
}

// The standardized diabetes data and our evidence fit, shared by the
// reference tests; the fit takes milliseconds.
const diabetes = (() => {
  const { X, y } = loadDiabetes();
  const { Z } = standardize(X);
  return { Z, y, fit: fitBayesianRidge(Z, y) };
})();

// Tolerance for agreement with scikit-learn. Both sides solve with the
// posterior precision A = ZcᵀZc/σ² + I/τ² (we by Cholesky, sklearn by
// an SVD of Zc), so rounding errors are amplified by at most κ(A); the
// fixed-point iteration is a contraction and adds at most a modest
// factor. 1000 κ(A) ε leaves a factor 10 for the iteration and 100 for
// accumulation over 442 rows and 10 columns.
const KAPPA_A = conditionNumber(diabetes.fit.posterior.precision);
const REF_TOL = 1000 * KAPPA_A * EPS;

describe('the posterior in closed form', () => {
  it('solves A m = Xᵀy/σ² and S = A⁻¹ (blr-post-prec, blr-post-mean)', () => {
    const { X, y } = smallProblem();
    const p = blrPosterior(X, y, H);
    const A = gram(X);
    A.data.forEach((v, t) => {
      A.data[t] = v / H.sigma2 + (t % 4 === 0 ? 1 / H.tau2 : 0);
    });
    const rhs = matvec(transpose(X), y).map((v) => v / H.sigma2);
    // κ(A) is about 10 here; 1e-12 is far above κ ε
    assertAllClose(matvec(A, p.mean), rhs, { rtol: 1e-12, atol: 1e-12 });
    const I = matmul(p.cov, A);
    const eye = new Float64Array(9).map((_, t) => (t % 4 === 0 ? 1 : 0));
    assertAllClose(I.data, eye, { rtol: 0, atol: 1e-12 });
  });

  it('satisfies Bayes: log lik + log prior − log post = log evidence', () => {
    const { X, y } = smallProblem(2);
    const p = blrPosterior(X, y, H);
    const post = new MultivariateNormal(p.mean, p.cov);
    const prior = new MultivariateNormal(new Float64Array(3),
      isotropicPrior(3, H.tau2).cov);
    const logEv = evidence(X, y, H).logEvidence;
    const rng = createRng(3);
    for (let k = 0; k < 5; k++) { // five random weight vectors
      const w = rng.normalArray(3, 0, 2);
      const gap = gaussianLogLikelihood(X, y, w, H.sigma2) +
        prior.logPdf(w) - post.logPdf(w);
      // terms of size ~100 cancel: 1e-10 absolute is ~1e3 ε of them
      expect(Math.abs(gap - logEv)).toBeLessThan(1e-10);
    }
  });

  it('has the ridge solution with λ = σ²/τ² as its mean (blr-ridge)', () => {
    const { X, y } = linearData({ seed: 4, n: 40, w: [2, -1, 0, 3],
      b: 5, noise: 0.5 });
    const { Xc, yc, xMean, yMean } = center(X, y);
    const p = blrPosterior(Xc, yc, H);
    const ridge = ridgeCholesky(X, y, H.sigma2 / H.tau2);
    // the same 4 x 4 system, solved by the same Cholesky: 1e-12
    assertAllClose(p.mean, ridge.w, { rtol: 1e-12, atol: 1e-12 });
    const b = yMean - dot(xMean, p.mean);
    expect(Math.abs(b - ridge.b)).toBeLessThan(1e-12 * Math.abs(b));
  });

  it('is the conditional of the joint Gaussian of (w, y)', () => {
    const { X, y } = smallProblem(5);
    const n = X.rows;
    const d = X.cols;
    // joint covariance [[τ²I, τ²Xᵀ], [τ²X, τ²XXᵀ + σ²I]]
    const C = new Matrix(d + n, d + n);
    const XXt = matmul(X, transpose(X));
    for (let i = 0; i < d + n; i++) {
      for (let j = 0; j < d + n; j++) {
        let v = 0;
        if (i < d && j < d) v = i === j ? H.tau2 : 0;
        else if (i < d) v = H.tau2 * X.get(j - d, i);
        else if (j < d) v = H.tau2 * X.get(i - d, j);
        else v = H.tau2 * XXt.get(i - d, j - d) + (i === j ? H.sigma2 : 0);
        C.data[i * (d + n) + j] = v;
      }
    }
    const joint = new MultivariateNormal(new Float64Array(d + n), C);
    const obs = Array.from({ length: n }, (_, i) => d + i);
    const cond = joint.conditional(obs, y); // Eqs. (prob-cond-mean, -cov)
    const p = blrPosterior(X, y, H);
    // the n x n route loses more digits (κ of τ²XXᵀ + σ²I ~ 1e3)
    assertAllClose(cond.mean, p.mean, { rtol: 1e-9, atol: 1e-11 });
    assertAllClose(cond.cov.data, p.cov.data, { rtol: 1e-9, atol: 1e-11 });
  });

  it('recovers least squares and σ²(XᵀX)⁻¹ under a flat prior', () => {
    const { X, y } = smallProblem(6);
    const p = blrPosterior(X, y, { sigma2: H.sigma2, tau2: Infinity });
    const ols = fitNormalEquations(X, y, { intercept: false });
    assertAllClose(p.mean, ols.w, { rtol: 1e-12, atol: 1e-12 });
    // Eq. (lr-cov): σ²(XᵀX)⁻¹, here as the inverse of XᵀX/σ²
    const covOls = choleskyInverse(blrPosterior(X, y,
      { sigma2: 1, tau2: Infinity }).L).data.map((v) => v * H.sigma2);
    assertAllClose(p.cov.data, covOls, { rtol: 1e-12, atol: 1e-15 });
  });

  it('approaches least squares like 1/τ² as the prior flattens', () => {
    const { X, y } = smallProblem(7);
    const ols = fitNormalEquations(X, y, { intercept: false }).w;
    const gap = (tau2: number) => {
      const m = blrPosterior(X, y, { sigma2: H.sigma2, tau2 }).mean;
      return Math.hypot(...m.map((v, j) => v - ols[j]));
    };
    // 100 times flatter, 100 times closer (to first order in 1/τ²)
    expect(gap(1e2) / gap(1e4)).toBeGreaterThan(99);
    expect(gap(1e2) / gap(1e4)).toBeLessThan(101);
  });

  it('is the same whether the data come at once or one at a time', () => {
    const { X, y } = smallProblem(8);
    let p: Posterior = isotropicPrior(3, H.tau2);
    for (let i = 0; i < X.rows; i++) {
      const r = rowsOf(X, y, i, i + 1);
      p = updatePosterior(p, r.X, r.y, H.sigma2);
    }
    const batch = blrPosterior(X, y, H);
    // 30 re-factorizations, each exact to ~κ ε: 1e-10 is generous
    assertAllClose(p.mean, batch.mean, { rtol: 1e-10, atol: 1e-12 });
    assertAllClose(p.cov.data, batch.cov.data, { rtol: 1e-10, atol: 1e-14 });
  });

  it('does not depend on the order in which batches arrive', () => {
    const { X, y } = smallProblem(9);
    const a = rowsOf(X, y, 0, 12);
    const b = rowsOf(X, y, 12, 30);
    const prior = isotropicPrior(3, H.tau2);
    const ab = updatePosterior(updatePosterior(prior, a.X, a.y, H.sigma2),
      b.X, b.y, H.sigma2);
    const ba = updatePosterior(updatePosterior(prior, b.X, b.y, H.sigma2),
      a.X, a.y, H.sigma2);
    assertAllClose(ab.mean, ba.mean, { rtol: 1e-12, atol: 1e-14 });
  });

  it('never grows more uncertain as points arrive (Loewner order)', () => {
    const s = sequentialExample();
    const grid = addOnesColumn(new Matrix(41, 1,
      Float64Array.from({ length: 41 }, (_, i) => -2 + i / 10)));
    let before = predictive(s.posteriors[0], grid, 1).varF;
    for (let k = 1; k < s.posteriors.length; k++) {
      const now = predictive(s.posteriors[k], grid, 1).varF;
      // xᵀS_kx ≤ xᵀS_{k−1}x up to rounding of the variances (~1e-16)
      now.forEach((v, i) => expect(v).toBeLessThanOrEqual(
        before[i] * (1 + 1e-12)));
      before = now;
    }
  });

  it('refuses a flat prior when X lacks full column rank', () => {
    const X = new Matrix(4, 2, Float64Array.of(1, 2, 2, 4, 3, 6, 4, 8));
    const y = Float64Array.of(1, 2, 3, 4);
    expect(() => blrPosterior(X, y, { sigma2: 1, tau2: Infinity }))
      .toThrow(/blrPosterior: .*full column rank/);
    // any proper prior makes it well posed
    expect(blrPosterior(X, y, { sigma2: 1, tau2: 1 }).mean[1])
      .toBeGreaterThan(0);
  });
});

describe('the predictive distribution', () => {
  it('has mean xᵀm and variance xᵀSx + σ² (blr-pred-mean, -var)', () => {
    const { X, y } = smallProblem(10);
    const p = blrPosterior(X, y, H);
    const Xs = new Matrix(2, 3, Float64Array.of(0.3, -1, 2, 5, 5, -5));
    const pr = predictive(p, Xs, H.sigma2);
    for (let i = 0; i < 2; i++) {
      const x = Xs.row(i);
      expect(pr.mean[i]).toBeCloseTo(dot(x, p.mean), 12);
      const xSx = dot(x, matvec(p.cov, x));
      expect(Math.abs(pr.varF[i] - xSx)).toBeLessThan(1e-12 * xSx);
      expect(pr.varY[i] - pr.varF[i]).toBeCloseTo(H.sigma2, 14);
    }
  });

  it('agrees with Monte Carlo over posterior samples', () => {
    const { X, y } = smallProblem(11);
    const few = rowsOf(X, y, 0, 5); // few data: a wide posterior
    const p = blrPosterior(few.X, few.y, H);
    const x = Float64Array.of(1, 2, -1);
    const N = 20000;
    const draws = samplePredictive(p, x, H.sigma2, createRng(12), N);
    const { mean, variance } = moments(draws);
    const v = predictive(p, new Matrix(1, 3, x), H.sigma2);
    // sample mean: s.e. √(v/N); sample variance: s.e. v√(2/(N−1));
    // 4 standard errors fail by chance with probability 6e-5
    expect(Math.abs(mean - v.mean[0]))
      .toBeLessThan(4 * Math.sqrt(v.varY[0] / N));
    expect(Math.abs(variance - v.varY[0]))
      .toBeLessThan(4 * v.varY[0] * Math.sqrt(2 / (N - 1)));
  });

  it('widens like the distance from x̄ for a line (blr-line-var)', () => {
    const { X: x0, y } = linearData({ seed: 13, n: 25, w: [0.5],
      noise: 0.2 });
    const xc = center(x0, y).Xc; // centred x: Σx_i = 0
    const X = addOnesColumn(xc);
    const h = { sigma2: 0.04, tau2: 0.5 };
    const p = blrPosterior(X, y, h);
    const sxx = dot(xc.data, xc.data);
    const at = [-3, -0.2, 0, 1, 4];
    const pr = predictive(p, addOnesColumn(new Matrix(5, 1,
      Float64Array.from(at))), h.sigma2);
    at.forEach((x, i) => {
      const formula = 1 / (25 / h.sigma2 + 1 / h.tau2) +
        x * x / (sxx / h.sigma2 + 1 / h.tau2);
      expect(Math.abs(pr.varF[i] - formula)).toBeLessThan(1e-12 * formula);
    });
  });

  it('widens away from the data, and falls to σ far from the bumps', () => {
    const b = bandExample();
    const sd = (x: number) => Math.sqrt(predictive(b.post,
      b.features(Float64Array.of(x)), BAND.sigma ** 2).varY[0]);
    const inData = sd(0.15);
    expect(sd(0.41)).toBeGreaterThan(2 * inData); // the gap
    expect(sd(0.95)).toBeGreaterThan(4 * inData); // beyond the data
    // at x = 3 every bump is < e^−200: only the noise is left
    expect(sd(3)).toBeCloseTo(BAND.sigma, 12);
  });
});

describe('the evidence and its maximization', () => {
  it('equals the density of y under N(0, σ²I + τ²XXᵀ) (blr-evidence)', () => {
    const { X, y } = smallProblem(14);
    const C = matmul(X, transpose(X));
    C.data.forEach((v, t) => {
      C.data[t] = H.tau2 * v + (t % (X.rows + 1) === 0 ? H.sigma2 : 0);
    });
    const direct = new MultivariateNormal(new Float64Array(X.rows), C)
      .logPdf(y);
    // both ~ −10; the 30 x 30 route has κ(C) ~ 1e3: 1e-10 absolute
    expect(Math.abs(evidence(X, y, H).logEvidence - direct))
      .toBeLessThan(1e-10);
  });

  it('has the gradient of Eq. (blr-evidence-grad)', () => {
    const { X, y } = smallProblem(15);
    const f = (t: Float64Array) => evidence(X, y,
      { sigma2: Math.exp(t[0]), tau2: Math.exp(t[1]) }).logEvidence;
    const g = (t: Float64Array) => {
      const d = evidenceGradient(X, y,
        { sigma2: Math.exp(t[0]), tau2: Math.exp(t[1]) });
      return Float64Array.of(d.logSigma2, d.logTau2);
    };
    const check = gradientCheck(f, g, Float64Array.of(Math.log(0.2), 0));
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it("has γ = ridge's effective degrees of freedom (blr-gamma)", () => {
    const { X, y } = smallProblem(16);
    const { s } = svd(X);
    const gamma = evidence(X, y, H).gamma;
    expect(gamma).toBeCloseTo(effectiveDof(s, H.sigma2 / H.tau2), 12);
  });

  it('stops where the gradient vanishes, at a maximum (blr-mackay)', () => {
    const { Xc, yc } = center(diabetes.Z, diabetes.y);
    const { hyper, logEvidence } = diabetes.fit;
    const g = evidenceGradient(Xc, yc, hyper);
    // each component is a difference of terms of size ~ n = 442
    expect(Math.abs(g.logSigma2)).toBeLessThan(1e-9);
    expect(Math.abs(g.logTau2)).toBeLessThan(1e-9);
    for (const [a, b] of [[1.01, 1], [0.99, 1], [1, 1.05], [1, 0.95]]) {
      const moved = evidence(Xc, yc, { sigma2: a * hyper.sigma2,
        tau2: b * hyper.tau2 }).logEvidence;
      expect(moved).toBeLessThan(logEvidence);
    }
  });

  it('raises the evidence at every step on the diabetes data', () => {
    const ev = diabetes.fit.history.map((h) => h.logEvidence);
    // the last steps change it by less than rounding: allow 1e-9
    ev.slice(1).forEach((e, k) => expect(e).toBeGreaterThan(ev[k] - 1e-9));
    expect(ev[ev.length - 1] - ev[0]).toBeGreaterThan(100);
  });

  it('reports non-convergence and degenerate data with clear errors', () => {
    const { X, y } = smallProblem(17);
    expect(() => maximizeEvidence(X, y, { maxIter: 2 }))
      .toThrow(/maximizeEvidence: no convergence in 2 iterations/);
    expect(() => maximizeEvidence(X, new Float64Array(30), { sigma2: 1 }))
      .toThrow(/maximizeEvidence: .*expected positive numbers/);
    expect(() => evidence(X, y, { sigma2: 1, tau2: Infinity }))
      .toThrow(/evidence: a flat prior/);
  });
});

describe('against scikit-learn (tests/fixtures/...)', () => {
  const br = fixture.bayesian_ridge;

  it('reads the same data file as the fixture', () => {
    expect(fixture.data.n).toBe(diabetes.Z.rows);
    expect(fixture.data.d).toBe(diabetes.Z.cols);
    expect(fixture.versions.sklearn).toBe('1.2.1');
  });

  it("finds BayesianRidge's alpha_ = 1/σ² and lambda_ = 1/τ²", () => {
    const { hyper } = diabetes.fit;
    assertAllClose([1 / hyper.sigma2, 1 / hyper.tau2],
      [br.alpha, br.lambda], { rtol: REF_TOL, atol: 0 });
  });

  it('has its coef_, intercept_ and posterior covariance sigma_', () => {
    const { fit } = diabetes;
    assertAllClose(fit.w, br.coef, { rtol: REF_TOL, atol: 0 });
    assertAllClose(fit.b, br.intercept, { rtol: REF_TOL, atol: 0 });
    const sigma = br.sigma.flat();
    assertAllClose(fit.posterior.cov.data, sigma,
      { rtol: REF_TOL, atol: REF_TOL * maxAbs(sigma) });
  });

  it('follows its evidence values iteration by iteration', () => {
    const ours = diabetes.fit.history.map((h) => h.logEvidence);
    const k = Math.min(ours.length, br.scores.length);
    assertAllClose(ours.slice(0, k), br.scores.slice(0, k),
      { rtol: REF_TOL, atol: 0 });
    assertAllClose(diabetes.fit.logEvidence, fixture.log_evidence_scipy.value,
      { rtol: REF_TOL, atol: 0 });
  });

  it("has Ridge's weights as the posterior mean (blr-ridge)", () => {
    const { Z, y, fit } = diabetes;
    const { sigma2 } = fit.hyper;
    assertAllClose(fit.w, fixture.ridge_at_evidence_lambda.coef,
      { rtol: REF_TOL, atol: 0 });
    const { Xc, yc } = center(Z, y); // λ = σ²/τ² = 10, any σ²
    const p = blrPosterior(Xc, yc, { sigma2, tau2: sigma2 / 10 });
    assertAllClose(p.mean, fixture.ridge_10.coef,
      { rtol: REF_TOL, atol: 0 });
  });

  it('predicts its means; its variance lacks our σ²/n (blr-pred-b)', () => {
    const { Z, fit } = diabetes;
    const first = new Matrix(5, Z.cols, Z.data.slice(0, 5 * Z.cols));
    const p = predictBayesianRidge(fit, first);
    assertAllClose(p.mean, br.predict_first5_mean,
      { rtol: REF_TOL, atol: 0 });
    // standardized: x̄ = 0 up to rounding, so sklearn's xᵀSx + σ² is
    // our variance without the intercept's σ²/n
    const theirs = p.varY.map((v) => Math.sqrt(v - fit.hyper.sigma2 / fit.n));
    assertAllClose(theirs, br.predict_first5_std, { rtol: REF_TOL, atol: 0 });
  });
});

describe('the intercept and the real data', () => {
  it('treats b as the limit of a flat prior on it (blr-pred-b)', () => {
    const { X, y } = linearData({ seed: 18, n: 30, w: [1, -1], b: 4,
      noise: 0.5 });
    const fit = fitBayesianRidge(X, y);
    const { sigma2, tau2 } = fit.hyper;
    // prior on (b, w): precision diag(1e-10, 1/τ², 1/τ²), mean 0
    const prec = [1e-10, 1 / tau2, 1 / tau2];
    const diag = (f: (v: number) => number) => {
      const M = new Matrix(3, 3);
      prec.forEach((v, j) => { M.data[4 * j] = f(v); });
      return M;
    };
    const prior: Posterior = {
      mean: new Float64Array(3), precision: diag((v) => v),
      cov: diag((v) => 1 / v), L: diag(Math.sqrt),
    };
    const post = updatePosterior(prior, addOnesColumn(X), y, sigma2);
    const Xs = new Matrix(2, 2, Float64Array.of(0, 0, 3, -2));
    const ours = predictBayesianRidge(fit, Xs);
    const limit = predictive(post, addOnesColumn(Xs), sigma2);
    // the prior precision 1e-10 on b perturbs at the 1e-10 level
    assertAllClose(ours.mean, limit.mean, { rtol: 1e-8, atol: 0 });
    assertAllClose(ours.varF, limit.varF, { rtol: 1e-8, atol: 0 });
  });

  it('covers 95% of held-out diabetes targets, within sampling error', () => {
    const { coverage, z } = heldOutZ();
    // binomial standard error √(0.95·0.05/442) ≈ 0.010; allow 3 s.e.
    const se = Math.sqrt((0.95 * 0.05) / z.length);
    expect(Math.abs(coverage - 0.95)).toBeLessThan(3 * se);
  });
});

describe('errors name the function and what was wrong', () => {
  it('rejects bad hyperparameters', () => {
    const { X, y } = smallProblem();
    expect(() => blrPosterior(X, y, { sigma2: 0, tau2: 1 }))
      .toThrow(/blrPosterior: expected 0 < sigma2 < Infinity/);
    expect(() => blrPosterior(X, y, { sigma2: NaN, tau2: 1 }))
      .toThrow(/blrPosterior: .*got sigma2 = NaN/);
    expect(() => blrPosterior(X, y, { sigma2: 1, tau2: -1 }))
      .toThrow(/blrPosterior: .*tau2 = -1/);
    expect(() => isotropicPrior(3, Infinity))
      .toThrow(/isotropicPrior: a flat prior/);
  });

  it('rejects mismatched shapes and bad sizes', () => {
    const { X, y } = smallProblem();
    const p = blrPosterior(X, y, H);
    expect(() => predictive(p, new Matrix(1, 2), 1))
      .toThrow(/predictive: the posterior is over 3 weights/);
    expect(() => updatePosterior(isotropicPrior(2, 1), X, y, 1))
      .toThrow(/updatePosterior: the prior is over 2 weights/);
    expect(() => blrPosterior(X, y.slice(1), H))
      .toThrow(/blrPosterior: X is 30x3, so y must be vector\(30\)/);
    expect(() => samplePredictive(p, Float64Array.of(1, 2, 3), 1,
      createRng(1), 0)).toThrow(/samplePredictive: draws must be/);
    expect(() => isotropicPrior(0, 1)).toThrow(/isotropicPrior: d must/);
    expect(() => predictBayesianRidge(diabetes.fit, new Matrix(1, 3)))
      .toThrow(/predictBayesianRidge: the model has 10 features/);
  });

  it('rejects NaN inputs and a bad basis', () => {
    const { X, y } = smallProblem();
    const p = blrPosterior(X, y, H);
    const bad = new Matrix(1, 3, Float64Array.of(1, NaN, 0));
    expect(() => predictive(p, bad, 1)).toThrow(/predictive: Xs .* NaN/);
    const yNaN = y.slice();
    yNaN[3] = NaN;
    expect(() => blrPosterior(X, yNaN, H)).toThrow(/blrPosterior: y/);
    expect(() => gaussianBasis(Float64Array.of(0), [0], 0))
      .toThrow(/gaussianBasis: width must be > 0/);
    expect(() => gaussianBasis(Float64Array.of(0), [], 1))
      .toThrow(/gaussianBasis: expected at least one/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the posterior, its update, the prior and the basis', () => {
    rejectsBadInput(badInput.posterior);
  });

  it('the predictive distribution and its samples', () => {
    rejectsBadInput(badInput.predictive);
  });

  it('the evidence, its gradient, MacKay and Bayesian ridge', () => {
    rejectsBadInput(badInput.evidence);
  });

  it('the examples and the diabetes studies', () => {
    rejectsBadInput(badInput.studies);
  });

  it('the exercise solutions and the paired CV difference', () => {
    rejectsBadInput(badInput.solutions);
  });
});

describe('review', () => {
  let bayes: ReturnType<typeof diabetesBayes> | undefined;
  const db = () => (bayes ??= diabetesBayes());
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

  it('κ(A) of the diabetes posterior is (s₁² + λ)/(s_d² + λ), an equality', () => {
    const { Z, y, fit } = db();
    const { s } = svd(center(Z, y).Xc);
    const lambda = fit.hyper.sigma2 / fit.hyper.tau2;
    const predicted = (s[0] ** 2 + lambda) / (s[s.length - 1] ** 2 + lambda);
    expect(rel(conditionNumber(fit.posterior.precision), predicted))
      .toBeLessThan(1e-10);
  });

  it('the CV errors at the evidence’s λ and at the CV minimum differ by less than one paired s.e.', () => {
    const { fit } = db();
    const lambda = fit.hyper.sigma2 / fit.hyper.tau2;
    let near = 0;
    CV_LAMBDAS.forEach((l, i) => {
      if (Math.abs(Math.log(l / lambda)) <
        Math.abs(Math.log(CV_LAMBDAS[near] / lambda))) near = i;
    });
    const cv = ridgeCvLambda();
    const d = pairedCvDifference(cv.cv, near, cv.best);
    expect(d.mean).toBeGreaterThan(0); // the minimum is the minimum
    expect(d.mean).toBeLessThan(d.se);
    expect(d.se).toBeLessThan(cv.cv.se[cv.best] / 4); // pairing helps
  });

  it('Exercise 2: point-by-point rank-one updates give the batch posterior', () => {
    const { X, y } = smallProblem();
    let p = isotropicPrior(3, H.tau2);
    let grew = false;
    for (let i = 0; i < X.rows; i++) {
      const next = addPoint(p, X.data.slice(3 * i, 3 * i + 3), y[i],
        H.sigma2);
      for (let j = 0; j < 3; j++) {
        if (next.cov.get(j, j) > p.cov.get(j, j)) grew = true;
      }
      p = next;
    }
    const batch = blrPosterior(X, y, H);
    assertAllClose(p.mean, batch.mean, { rtol: 1e-12, atol: 1e-12 });
    assertAllClose(p.cov.data, batch.cov.data, { rtol: 1e-12,
      atol: 1e-12 * maxAbs(batch.cov.data) });
    assertAllClose(p.L.data, batch.L.data, { rtol: 1e-12,
      atol: 1e-12 * maxAbs(batch.L.data) });
    expect(grew).toBe(false);
  });

  it('Exercise 3: Student t intervals with n = 10 are t/z = 1.137 times wider', () => {
    const ratio = tQuantile(0.975, 10) / normalQuantile(0.975);
    expect(Math.abs(ratio - 1.1368)).toBeLessThan(1e-4);
  });

  it('Exercise 4: the O(d) iteration after one SVD finds maximizeEvidence’s fixed point', () => {
    const { Z, y, fit } = db();
    const { Xc, yc } = center(Z, y);
    const fast = maximizeEvidenceSvd(Xc, yc);
    expect(rel(fast.sigma2, fit.hyper.sigma2)).toBeLessThan(1e-10);
    expect(rel(fast.tau2, fit.hyper.tau2)).toBeLessThan(1e-10);
    expect(rel(fast.logEvidence, fit.logEvidence)).toBeLessThan(1e-10);
  });

  it('Exercise 6: the exact intercept raises σ by √((n − γ)/(n − 1 − γ))', () => {
    const { Z, y, fit } = db();
    const exact = maximizeEvidenceExactIntercept(Z, y);
    const n = Z.rows;
    const factor = Math.sqrt((n - fit.gamma) / (n - 1 - fit.gamma));
    expect(rel(Math.sqrt(exact.sigma2 / fit.hyper.sigma2), factor))
      .toBeLessThan(1e-4);
    expect(rel(exact.tau2, fit.hyper.tau2)).toBeLessThan(1e-3);
  });
});
