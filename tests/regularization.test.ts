// Tests for the regularization chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/
// regularization.mdx.
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  gradientCheck,
  numericalGradient,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { cholesky, choleskySolve } from '../code/decompositions/cholesky.ts';
import { ConvergenceError } from '../code/decompositions/eigen.ts';
import { householderQR, thinQ } from '../code/decompositions/householder.ts';
import { svd } from '../code/decompositions/svd.ts';
import {
  Matrix,
  matmul,
  matvec,
  norm,
  subVec,
  transpose,
} from '../code/linear-algebra/matrix.ts';
import { loadDiabetes } from '../code/linear-regression/diabetes.ts';
import {
  addOnesColumn,
  center,
  fitNormalEquations,
  gaussianLogLikelihood,
  predict,
} from '../code/linear-regression/model.ts';
import { standardize } from '../code/linear-regression/scaling.ts';
import {
  elasticNet,
  lasso,
  softThreshold,
} from '../code/regularization/coordinate-descent.ts';
import {
  cvCurve,
  kFoldIndices,
  selectLambda,
  takeRows,
} from '../code/regularization/cross-validation.ts';
import {
  CD_TOL,
  QUAD_GRID,
  RIDGE_LAMBDAS,
  diabetesStudy,
  entryOrder,
  inFoldScalingCv,
  quadraticFeatures,
} from '../code/regularization/diabetes.ts';
import { randomOrthogonal } from '../code/decompositions/examples.ts';
import { looRidge } from '../code/regularization/solutions/loo-ridge.ts';
import { ridgeQr } from '../code/regularization/solutions/ridge-qr.ts';
import {
  distanceBound,
  dualityGap,
  gapOfGram,
  kktViolations,
  strongConvexity,
} from '../code/regularization/optimality.ts';
import {
  elasticNetPath,
  lambdaGrid,
  lambdaMax,
} from '../code/regularization/path.ts';
import {
  checkGram,
  checkPenalty,
  elasticNetObjective,
  gramProblem,
  lossCorrelations,
} from '../code/regularization/problem.ts';
import {
  effectiveDof,
  ridgeCholesky,
  ridgeGradient,
  ridgeObjective,
  ridgePath,
  ridgeRisk,
  ridgeSvd,
  shrinkageFactors,
} from '../code/regularization/ridge.ts';
import { fixture, normwiseError } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/regularization.ts';

const sk = fixture('regularization', 'sklearn.json');

const EPS = Number.EPSILON;

/** A random n x d design with correlated columns, and a target. */
function problem(seed: number, n: number, d: number, noise = 0.5) {
  const rng = createRng(seed);
  const X = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    const common = rng.normal();
    for (let j = 0; j < d; j++) {
      X.data[i * d + j] = 0.6 * common + rng.normal() + j; // means ≠ 0
    }
  }
  const wTrue = Float64Array.from({ length: d }, (_, j) =>
    j % 3 === 0 ? 2 - j / d : 0);
  const y = predict(X, wTrue, 3);
  for (let i = 0; i < n; i++) y[i] += noise * rng.normal();
  return { X, y, wTrue };
}

/** A design whose centred columns satisfy XcᵀXc/n = I, Eq. (rg-ortho). */
function orthonormalDesign(seed: number, n: number, d: number) {
  const rng = createRng(seed);
  const A = addOnesColumn(new Matrix(n, d, rng.normalArray(n * d)));
  const Q = thinQ(householderQR(A)); // column 0 spans the ones
  const X = new Matrix(n, d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      X.data[i * d + j] = Math.sqrt(n) * Q.data[i * (d + 1) + j + 1];
    }
  }
  const y = Float64Array.from({ length: n }, () => 2 * rng.normal());
  const z = matvec(transpose(X), y).map((v) => v / n); // LS weights
  return { X, y, z };
}

const diabetes = (() => {
  const { X, y } = loadDiabetes();
  return { X, y, Z: standardize(X).Z };
})();

describe('k-fold splitting', () => {
  it('puts every sample in exactly one test fold; train is the rest', () => {
    const folds = kFoldIndices(23, 5);
    const seen = new Array(23).fill(0);
    for (const { train, test } of folds) {
      for (const i of test) seen[i] += 1;
      expect([...train, ...test].sort((a, b) => a - b))
        .toEqual(Array.from({ length: 23 }, (_, i) => i));
    }
    expect(seen).toEqual(new Array(23).fill(1));
  });

  it('makes folds of scikit-learn KFold sizes, contiguous without rng', () => {
    const folds = kFoldIndices(442, 5);
    expect(folds.map((f) => f.test.length)).toEqual([89, 89, 88, 88, 88]);
    expect(folds[1].test[0]).toBe(89);
    expect(folds[4].test[87]).toBe(441);
  });

  it('shuffles reproducibly with a seeded rng, still a partition', () => {
    const a = kFoldIndices(50, 4, createRng(3));
    const b = kFoldIndices(50, 4, createRng(3));
    expect(a).toEqual(b);
    expect(a[0].test).not.toEqual(kFoldIndices(50, 4)[0].test);
    const all = a.flatMap((f) => f.test).sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const sizes = a.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('refuses impossible splits and bad row indices', () => {
    expect(() => kFoldIndices(4, 5)).toThrow(/kFoldIndices: k must/);
    expect(() => kFoldIndices(10, 1)).toThrow(/kFoldIndices: k must/);
    expect(() => kFoldIndices(7.5, 2)).toThrow(/kFoldIndices: n must/);
    const { X, y } = problem(1, 5, 2);
    expect(() => takeRows(X, y, [0, 5])).toThrow(/takeRows/);
  });
});

describe('ridge', () => {
  it('through the SVD equals the Cholesky solution of the normal equations', () => {
    const { X, y } = problem(2, 40, 6);
    const lambdas = [1e-3, 0.5, 30];
    const viaSvd = ridgePath(X, y, lambdas);
    lambdas.forEach((lambda_, k) => {
      const viaChol = ridgeCholesky(X, y, lambda_);
      // Both are backward stable; their difference is bounded by
      // κ(XcᵀXc + λI) ε (Higham, ch. 10), times 10 for the summation
      // orders. κ from the singular values of Xc.
      const s = svd(center(X, y).Xc).s;
      const kappa = (s[0] ** 2 + lambda_) / (s[s.length - 1] ** 2 + lambda_);
      expect(normwiseError(viaSvd[k].w, viaChol.w)).toBeLessThan(
        10 * kappa * EPS,
      );
    });
  });

  it('has the gradient of Eq. (rg-ridge-grad), zero at its solution', () => {
    const { X, y } = problem(3, 30, 4);
    const lambda_ = 2.5;
    const f = (t: Float64Array) =>
      ridgeObjective(X, y, { w: t.slice(0, 4), b: t[4] }, lambda_);
    const grad = (t: Float64Array) => {
      const g = ridgeGradient(X, y, { w: t.slice(0, 4), b: t[4] }, lambda_);
      return Float64Array.from([...g.w, g.b]);
    };
    const at = Float64Array.of(0.3, -1, 2, 0.5, 1.5);
    expect(gradientCheck(f, grad, at).ok).toBe(true);
    const fit = ridgeSvd(X, y, lambda_);
    const g = grad(Float64Array.from([...fit.w, fit.b]));
    // zero up to rounding in Xᵀr: |y| ≈ 10, n = 30 terms, so about
    // 1e-12 in absolute terms; 1e-9 leaves room and still fails for
    // any wrong solution (its gradient is of order 1).
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-9);
  });

  it('shrinks the fitted values along u_j by σ_j²/(σ_j² + λ), Eq. (rg-ridge-fitted)', () => {
    const { X, y } = problem(4, 25, 5);
    const lambda_ = 7;
    const { Xc, yc } = center(X, y);
    const { U, s } = svd(Xc);
    const f = shrinkageFactors(s, lambda_);
    const uy = matvec(transpose(U), yc);
    const expected = matvec(U, uy.map((v, j) => f[j] * v));
    const fit = ridgeSvd(X, y, lambda_);
    const fitted = matvec(Xc, fit.w);
    assertAllClose(fitted, expected, { rtol: 1e-12, atol: 1e-12 });
  });

  it('has df(λ) = trace of its hat matrix, from d at λ = 0 down to 0', () => {
    const { X, y } = problem(5, 30, 6);
    const lambda_ = 12;
    const { Xc } = center(X, y);
    const G = matmul(transpose(Xc), Xc);
    const A = G.data.slice();
    for (let j = 0; j < 6; j++) A[j * 6 + j] += lambda_;
    const L = cholesky(new Matrix(6, 6, A));
    let trace = 0; // tr(Xc (G + λI)⁻¹ Xcᵀ) = tr((G + λI)⁻¹ G)
    for (let j = 0; j < 6; j++) trace += choleskySolve(L, G.col(j))[j];
    const s = svd(Xc).s;
    expect(effectiveDof(s, lambda_)).toBeCloseTo(trace, 12);
    expect(effectiveDof(s, 0)).toBeCloseTo(6, 12);
    const dfs = [0.1, 1, 10, 100, 1e4, 1e8].map((l) => effectiveDof(s, l));
    expect(dfs.every((v, i) => i === 0 || v < dfs[i - 1])).toBe(true);
    expect(dfs[5]).toBeLessThan(1e-4);
  });

  it('is least squares at λ = 0 and works for wide X (n < d)', () => {
    const { X, y } = problem(6, 40, 5);
    const ols = fitNormalEquations(X, y);
    expect(normwiseError(ridgeSvd(X, y, 0).w, ols.w)).toBeLessThan(1e-11);
    const wide = problem(7, 8, 20);
    const a = ridgeSvd(wide.X, wide.y, 0.3);
    const b = ridgeCholesky(wide.X, wide.y, 0.3);
    expect(normwiseError(a.w, b.w)).toBeLessThan(1e-10);
    expect(a.b).toBeCloseTo(b.b, 9);
  });

  it('leaves the intercept unpenalized: shifting y moves only b', () => {
    const { X, y } = problem(8, 30, 4);
    const a = ridgeSvd(X, y, 5);
    const b = ridgeSvd(X, y.map((v) => v + 100), 5);
    assertAllClose(b.w, a.w, { rtol: 1e-10, atol: 1e-12 });
    expect(b.b - a.b).toBeCloseTo(100, 9);
    const la = lasso(X, y, 0.2);
    const lb = lasso(X, y.map((v) => v + 100), 0.2);
    assertAllClose(lb.w, la.w, { rtol: 1e-8, atol: 1e-10 });
  });

  it('is the MAP estimate under a Gaussian prior with λ = σ²/τ²', () => {
    const { X, y } = problem(9, 30, 3);
    const sigma2 = 0.25;
    const tau2 = 0.05;
    const fit = ridgeSvd(X, y, sigma2 / tau2);
    // −log posterior of (b, w): Gaussian likelihood, flat prior on b,
    // N(0, τ²I) prior on w; its gradient vanishes at the MAP.
    const A = addOnesColumn(X);
    const negLogPost = (t: Float64Array) =>
      -gaussianLogLikelihood(A, y, t, sigma2) +
      t.slice(1).reduce((s, v) => s + v * v, 0) / (2 * tau2);
    const g = numericalGradient(negLogPost, Float64Array.from([fit.b, ...fit.w]));
    // central differences on values ≈ 1e3 have error ≈ 1e-6 here
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-4);
  });

  it('has the risk of Eq. (rg-ridge-risk), falling below least squares for small λ', () => {
    const { X } = problem(10, 30, 4);
    const w = Float64Array.of(1, -0.5, 0.3, 0.8);
    const sigma = 2;
    const lambda_ = 3;
    const rng = createRng(11);
    const reps = 4000;
    const solveRidge = ridgeNoIntercept(X, lambda_);
    let sum = 0;
    const errs: number[] = [];
    for (let r = 0; r < reps; r++) {
      const y = matvec(X, w).map((v) => v + sigma * rng.normal());
      const e = subVec(solveRidge(y), w);
      errs.push(e.reduce((s, v) => s + v * v, 0));
      sum += errs[r];
    }
    const mean = sum / reps;
    const sd = Math.sqrt(
      errs.reduce((s, v) => s + (v - mean) ** 2, 0) / (reps - 1));
    const risk = ridgeRisk(X, w, sigma * sigma, lambda_).total;
    // Monte Carlo mean within 4 standard errors of the formula
    expect(Math.abs(mean - risk)).toBeLessThan((4 * sd) / Math.sqrt(reps));
    const at0 = ridgeRisk(X, w, sigma * sigma, 0).total;
    expect(ridgeRisk(X, w, sigma * sigma, 1e-3).total).toBeLessThan(at0);
  });

  it('matches scikit-learn Ridge on the standardized diabetes data', () => {
    const s = sk.singular_values_centered_standardized as number[];
    for (const ref of sk.ridge) {
      const fit = ridgeSvd(diabetes.Z, diabetes.y, ref.alpha);
      // both solvers are backward stable: κ(ZcᵀZc + λI) ε, times 10
      const kappa = (s[0] ** 2 + ref.alpha) / (s[9] ** 2 + ref.alpha);
      expect(normwiseError(fit.w, ref.coef)).toBeLessThan(10 * kappa * EPS);
      expect(Math.abs(fit.b - ref.intercept)).toBeLessThan(1e-12 * 152);
    }
  });

  it('matches scikit-learn Ridge on the raw diabetes data, intercept included', () => {
    const ref = sk.ridge_raw;
    const fit = ridgeSvd(diabetes.X, diabetes.y, ref.alpha);
    // raw units: κ(Xc)² ≈ 7.6e4 (linear-regression fixture); 10κε
    expect(normwiseError(fit.w, ref.coef)).toBeLessThan(10 * 7.7e4 * EPS);
    expect(Math.abs(fit.b - ref.intercept) / Math.abs(ref.intercept))
      .toBeLessThan(10 * 7.7e4 * EPS);
  });

  it('refuses a negative λ and NaN data', () => {
    const { X, y } = problem(12, 10, 2);
    expect(() => ridgeSvd(X, y, -1)).toThrow(/ridgeSvd: lambda_ must be/);
    expect(() => ridgeCholesky(X, y, NaN)).toThrow(/ridgeCholesky/);
    const bad = y.slice();
    bad[3] = NaN;
    expect(() => ridgeSvd(X, bad, 1)).toThrow(/ridgeSvd: y/);
  });
});

/** y ↦ (XᵀX + λI)⁻¹Xᵀy: ridge without intercept, for the risk test. */
function ridgeNoIntercept(X: Matrix, lambda_: number) {
  const Xt = transpose(X);
  const A = matmul(Xt, X);
  for (let j = 0; j < A.rows; j++) A.data[j * A.cols + j] += lambda_;
  const L = cholesky(A);
  return (y: Float64Array) => choleskySolve(L, matvec(Xt, y));
}

describe('soft-thresholding and coordinate descent', () => {
  it('soft-thresholds: S(z, t) minimizes ½(w − z)² + t|w|, Eq. (rg-soft-threshold)', () => {
    expect([3, -3, 0.5, -0.5, 1].map((z) => softThreshold(z, 1)))
      .toEqual([2, -2, 0, 0, 0]);
    const grid = Array.from({ length: 40_001 }, (_, k) => -4 + k * 2e-4);
    for (const z of [-2.7, -0.3, 0.9, 1.6]) {
      const h = (w: number) => 0.5 * (w - z) ** 2 + 0.8 * Math.abs(w);
      const best = grid.reduce((a, w) => (h(w) < h(a) ? w : a));
      expect(Math.abs(softThreshold(z, 0.8) - best)).toBeLessThan(2e-4);
    }
    expect(() => softThreshold(1, -1)).toThrow(/softThreshold/);
  });

  it('has the loss gradient −(q − Gw) of Eq. (rg-kkt-c)', () => {
    const { X, y } = problem(13, 20, 4);
    const p = gramProblem('test', X, y);
    const { Xc, yc } = center(X, y);
    const loss = (w: Float64Array) => {
      const r = subVec(yc, matvec(Xc, w));
      return r.reduce((s, v) => s + v * v, 0) / (2 * 20);
    };
    const grad = (w: Float64Array) =>
      lossCorrelations(p, w).map((v) => -v);
    expect(gradientCheck(loss, grad, Float64Array.of(1, -2, 0.5, 3)).ok)
      .toBe(true);
  });

  it('never increases the objective from one sweep to the next', () => {
    const { X, y } = problem(14, 50, 8);
    const fit = elasticNet(X, y, { lambda1: 0.05, lambda2: 0.1 });
    const o = fit.objectives;
    // allow rounding of the O(d²) evaluation: ε times the value
    expect(o.every((v, k) => k === 0 || v <= o[k - 1] * (1 + 1e-14)))
      .toBe(true);
    const at = elasticNetObjective(X, y, fit, { lambda1: 0.05, lambda2: 0.1 });
    expect(o[o.length - 1]).toBeCloseTo(at, 10);
  });

  it('satisfies the lasso KKT conditions, Eq. (rg-kkt), with exact zeros', () => {
    const { X, y } = problem(15, 60, 9);
    const lambda_ = 0.3;
    const fit = lasso(X, y, lambda_, { tol: 1e-14 });
    const e = kktViolations(X, y, fit, { lambda1: lambda_ });
    // A wrong sign or a missed zero violates Eq. (rg-kkt) by an amount
    // of order λ = 0.3; at convergence only rounding in q − Gw remains
    // (|q|, |G||w| ≈ 10, so d·ε·10 ≈ 2e-14). 1e-9 separates the two.
    expect(Math.max(...e.coef)).toBeLessThan(1e-9);
    expect(e.intercept).toBeLessThan(1e-12);
    expect(fit.w.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(ridgeSvd(X, y, 1).w.every((v) => v !== 0)).toBe(true);
  });

  it('recovers the support of a sparse model', () => {
    const { X, y, wTrue } = problem(16, 200, 12, 0.3);
    const fit = lasso(X, y, 0.1);
    const support = (w: Float64Array) =>
      Array.from(w, (v, j) => (v !== 0 ? j : -1)).filter((j) => j >= 0);
    expect(support(fit.w)).toEqual(support(wTrue));
  });

  it('gives w = 0 exactly from λ_max on, Eq. (rg-lambda-max), and not below', () => {
    const { X, y } = problem(17, 40, 5);
    const top = lambdaMax(X, y);
    expect(lasso(X, y, top).w.every((v) => v === 0)).toBe(true);
    expect(lasso(X, y, 0.99 * top).w.some((v) => v !== 0)).toBe(true);
    const en = lambdaMax(X, y, 0.5);
    const at = elasticNet(X, y, { lambda1: 0.5 * en, lambda2: 0.5 * en });
    expect(at.w.every((v) => v === 0)).toBe(true);
  });

  it('is S(z, λ₁)/(1 + λ₂) in an orthonormal design, Eq. (rg-ortho)', () => {
    const { X, y, z } = orthonormalDesign(18, 50, 4);
    const fit = elasticNet(X, y, { lambda1: 0.2, lambda2: 0.5 },
      { tol: 1e-14 });
    const expected = z.map((zj) => softThreshold(zj, 0.2) / 1.5);
    assertAllClose(fit.w, expected, { rtol: 1e-9, atol: 1e-12 });
    const ridge = ridgeSvd(X, y, 50 * 0.5); // ‖·‖² + nλ₂‖w‖²
    assertAllClose(ridge.w, z.map((zj) => zj / 1.5), { rtol: 1e-10 });
  });

  it('bounds P(w) − P(w*) by its duality gap, Eq. (rg-gap), at any w', () => {
    const { X, y } = problem(19, 40, 6);
    const penalty = { lambda1: 0.1, lambda2: 0.2 };
    const best = elasticNet(X, y, penalty, { tol: 1e-14 });
    const pStar = elasticNetObjective(X, y, best, penalty);
    const rng = createRng(20);
    for (let t = 0; t < 20; t++) {
      const w = best.w.map((v) => v + rng.normal(0, 0.5));
      const b = best.b - w.reduce((s, v, j) => s + (v - best.w[j]) *
        center(X, y).xMean[j], 0); // the optimal b for this w
      const excess = elasticNetObjective(X, y, { w, b }, penalty) - pStar;
      expect(dualityGap(X, y, w, penalty)).toBeGreaterThanOrEqual(
        excess - 1e-12);
    }
    expect(dualityGap(X, y, best.w, penalty)).toBeLessThan(1e-12);
  });

  it('bounds ‖w − w*‖ by ‖KKT violations‖ / μ, Eq. (rg-distance)', () => {
    const { X, y } = problem(21, 50, 5);
    const penalty = { lambda1: 0.2 };
    const best = lasso(X, y, 0.2, { tol: 1e-14 });
    const rng = createRng(22);
    for (let t = 0; t < 20; t++) {
      const w = best.w.map((v) => v + rng.normal(0, 0.1));
      const bound = distanceBound(X, y, { w, b: 0 }, penalty);
      expect(norm(subVec(w, best.w))).toBeLessThanOrEqual(bound * (1 + 1e-9));
    }
    expect(strongConvexity(X, { lambda1: 1, lambda2: 0.5 }))
      .toBeCloseTo(strongConvexity(X, penalty) + 0.5, 12);
  });

  it('gives the same fits along a warm-started path as from cold starts', () => {
    const { X, y } = problem(23, 60, 7);
    const lambdas = lambdaGrid(X, y, { count: 12, eps: 1e-2 });
    const path = elasticNetPath(X, y, lambdas, { tol: 1e-14 });
    for (const k of [3, 7, 11]) {
      const cold = lasso(X, y, lambdas[k], { tol: 1e-14 });
      const mu = strongConvexity(X, { lambda1: 1 });
      // both within ‖e‖/μ of w*; ‖e‖ ≈ 1e-12 at this tol
      expect(norm(subVec(path[k].w, cold.w))).toBeLessThan(1e-10 / mu);
    }
  });

  it('needs more sweeps as λ shrinks on the correlated diabetes features', () => {
    const top = lambdaMax(diabetes.Z, diabetes.y);
    const sweeps = [0.1, 0.01, 0.001].map((f) =>
      lasso(diabetes.Z, diabetes.y, f * top, { tol: 1e-14 }).sweeps);
    expect(sweeps[0]).toBeLessThan(sweeps[1]);
    expect(sweeps[1]).toBeLessThan(sweeps[2]);
  });

  it('refuses λ₁ = 0, bad options, and reports non-convergence', () => {
    const { X, y } = problem(24, 30, 4);
    expect(() => lasso(X, y, 0)).toThrow(/lambda1 must be > 0/);
    expect(() => lasso(X, y, 0.1, { w0: new Float64Array(3) }))
      .toThrow(/w0 must be vector\(4\)/);
    expect(() => lasso(X, y, 0.1, { maxSweeps: 0 })).toThrow(/maxSweeps/);
    expect(() => elasticNet(X, y, { lambda1: 0.1, lambda2: -1 }))
      .toThrow(/lambda2/);
    expect(() => lasso(X, y, 1e-4, { maxSweeps: 2, tol: 1e-14 }))
      .toThrow(ConvergenceError);
    const w = new Float64Array(4);
    expect(() => kktViolations(X, y, { w, b: NaN }, { lambda1: 1 }))
      .toThrow(/kktViolations: b must be a finite/);
    expect(() => dualityGap(X, y, new Float64Array(2), { lambda1: 1 }))
      .toThrow(/dualityGap: X is 30x4, so w must be vector\(4\)/);
    expect(() => elasticNetObjective(X, y, { w, b: 0 }, { lambda1: -1 }))
      .toThrow(/elasticNetObjective: lambda1/);
  });
});

describe('choosing λ', () => {
  it('picks the CV minimum and the largest λ within one SE of it', () => {
    const lambdas = [10, 5, 2, 1, 0.5];
    const cv = { mean: [9, 6, 5.5, 5, 5.2], se: [1, 1, 1, 0.6, 1] };
    expect(selectLambda(lambdas, cv)).toEqual({ best: 3, oneSe: 2 });
    expect(() => selectLambda([1, 2], { mean: [1, 2], se: [0, 0] }))
      .toThrow(/decreasing/);
  });

  it('scores each fold on held-out rows only, Eq. (rg-cv)', () => {
    const { X, y } = problem(25, 30, 3);
    const folds = kFoldIndices(30, 3);
    const cv = cvCurve(X, y, folds, (Xt, yt) => [fitNormalEquations(Xt, yt)]);
    const manual = folds.map(({ train, test }) => {
      const tr = takeRows(X, y, train);
      const te = takeRows(X, y, test);
      const f = fitNormalEquations(tr.X, tr.y);
      const r = subVec(te.y, predict(te.X, f.w, f.b));
      return r.reduce((s, v) => s + v * v, 0) / r.length;
    });
    expect(cv.foldMse[0]).toEqual(manual);
    const m = manual.reduce((s, v) => s + v, 0) / 3;
    expect(cv.mean[0]).toBeCloseTo(m, 12);
  });

  it('beats least squares on every one of the five folds of the 64 quadratic diabetes features', () => {
    const { X, y } = loadDiabetes();
    const names = ['AGE', 'SEX', 'BMI', 'BP', 'S1', 'S2', 'S3', 'S4', 'S5',
      'S6'];
    const { Q } = quadraticFeatures(standardize(X).Z, names);
    const Z = standardize(Q).Z;
    expect(Z.cols).toBe(64);
    // λ_max/10 lies near the one-SE choice of the chapter's full study;
    // its path from λ_max is cheap, unlike the slow small-λ tail.
    const lambdas = lambdaGrid(Z, y, { count: 6, eps: 0.1 });
    const folds = kFoldIndices(X.rows, 5);
    // tol 1e-7: the errors compared differ by hundreds, not digits
    const lassoCv = cvCurve(Z, y, folds, (a, b) =>
      elasticNetPath(a, b, lambdas, { tol: 1e-7 }));
    const ols = cvCurve(Z, y, folds, (a, b) => ridgePath(a, b, [0]));
    const k = lambdas.length - 1;
    // the same folds: compare fold by fold. (The mean difference is
    // only about 1.8 standard errors of the five paired differences,
    // so the page claims no more than this.)
    ols.foldMse[0].forEach((e, f) => {
      expect(e).toBeGreaterThan(lassoCv.foldMse[k][f]);
    });
  });
});

describe('against scikit-learn', () => {
  const penaltyOf = (ref: { alpha: number; l1_ratio?: number }) => ({
    lambda1: ref.alpha * (ref.l1_ratio ?? 1),
    lambda2: ref.alpha * (1 - (ref.l1_ratio ?? 1)),
  });
  const skFit = (ref: { coef: number[]; intercept: number }) => ({
    w: Float64Array.from(ref.coef),
    b: ref.intercept,
  });

  it('records the versions and the data it was made from', () => {
    expect(sk.versions.sklearn).toBe('1.2.1');
    expect(sk.versions.numpy).toBe('1.24.2');
    expect(sk.data.sha256).toBe(
      'd472458568b55a8e5b5c256b1a20ad9ec4fb629738164f404200595321911894');
  });

  it('scikit-learn\'s lasso and elastic net satisfy our KKT conditions (same scaling)', () => {
    for (const ref of [...sk.lasso, ...sk.elastic_net]) {
      const e = kktViolations(diabetes.Z, diabetes.y, skFit(ref),
        penaltyOf(ref));
      // a different scaling (1/n instead of 1/(2n), or a penalized
      // intercept) would violate Eq. (rg-kkt) by about λ >= 0.25
      expect(Math.max(...e.coef)).toBeLessThan(1e-9);
      expect(e.intercept).toBeLessThan(1e-10);
    }
  });

  it('matches Lasso and ElasticNet within the KKT distance bound', () => {
    for (const ref of [...sk.lasso, ...sk.elastic_net]) {
      const penalty = penaltyOf(ref);
      const ours = elasticNet(diabetes.Z, diabetes.y, penalty,
        { tol: 1e-14 });
      // ‖w − w_sk‖ <= ‖w − w*‖ + ‖w_sk − w*‖, each bounded by
      // Eq. (rg-distance) from its own KKT violations
      const bound =
        distanceBound(diabetes.Z, diabetes.y, ours, penalty) +
        distanceBound(diabetes.Z, diabetes.y, skFit(ref), penalty);
      const diff = norm(subVec(ours.w, Float64Array.from(ref.coef)));
      expect(diff).toBeLessThanOrEqual(bound);
      expect(bound).toBeLessThan(1e-9 * norm(Float64Array.from(ref.coef)));
      expect(Array.from(ours.w, (v) => v === 0)).toEqual(ref.coef.map(
        (v: number) => v === 0));
    }
  });

  it('matches Lasso on the raw diabetes data, intercept included', () => {
    const ref = sk.lasso_raw;
    const ours = lasso(diabetes.X, diabetes.y, ref.alpha,
      { tol: 1e-14, maxSweeps: 100_000 });
    const bound =
      distanceBound(diabetes.X, diabetes.y, ours, { lambda1: 1 }) +
      distanceBound(diabetes.X, diabetes.y, skFit(ref), { lambda1: 1 });
    expect(norm(subVec(ours.w, Float64Array.from(ref.coef))))
      .toBeLessThanOrEqual(bound);
    // b = ȳ − x̄ᵀw moves by at most ‖x̄‖ ‖Δw‖ (Cauchy–Schwarz)
    const xMean = center(diabetes.X, diabetes.y).xMean;
    expect(Math.abs(ours.b - ref.intercept))
      .toBeLessThanOrEqual(norm(xMean) * bound + 1e-9);
  });

  it('builds the same λ grid as LassoCV and the same CV curve', () => {
    const lambdas = lambdaGrid(diabetes.Z, diabetes.y);
    assertAllClose(lambdas, sk.lasso_cv.alphas, { rtol: 1e-12 });
    const folds = kFoldIndices(diabetes.X.rows, 5);
    const cv = cvCurve(diabetes.Z, diabetes.y, folds, (a, b) =>
      elasticNetPath(a, b, lambdas, { tol: 1e-12 }));
    // Each fit, ours and theirs, stops at a duality gap of at most
    // 1e-12‖yc‖²/n. The fixture holds no per-fold coefficients, so
    // there is no rigorous bound as for the single fits above; 1e-9
    // relative is far below the standard error of the CV error (2%),
    // on which the choice of λ rests, and a different method (folds,
    // grid, centring, scaling) changes the errors by far more.
    assertAllClose(cv.foldMse.flat(), sk.lasso_cv.mse_path.flat(),
      { rtol: 1e-9 });
    const { best } = selectLambda(lambdas, cv);
    expect(lambdas[best]).toBeCloseTo(sk.lasso_cv.alpha, 12);
  });
});

describe('the diabetes study', () => {
  it('lets BMI enter the lasso path first, then S5', () => {
    const lambdas = lambdaGrid(diabetes.Z, diabetes.y, { count: 40 });
    const fits = elasticNetPath(diabetes.Z, diabetes.y, lambdas,
      { tol: 1e-8 });
    const order = entryOrder(fits);
    expect(order.slice(0, 2)).toEqual([2, 8]); // BMI, S5
  });

  it('standardizes before penalizing: ridge is not scale-equivariant', () => {
    const { X, y } = problem(26, 30, 3);
    const X2 = new Matrix(30, 3, X.data.map((v, t) => (t % 3 === 0 ? 10 * v : v)));
    const a = ridgeSvd(X, y, 5);
    const b = ridgeSvd(X2, y, 5);
    // least squares would give b.w[0] = a.w[0] / 10 exactly
    expect(Math.abs(b.w[0] * 10 - a.w[0])).toBeGreaterThan(1e-3);
    const o1 = fitNormalEquations(X, y).w[0];
    const o2 = fitNormalEquations(X2, y).w[0];
    expect(o2 * 10).toBeCloseTo(o1, 10);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('ridge: its checks, fits, path, objective, gradient and risk', () => {
    rejectsBadInput(badInput.ridge);
  });

  it('the elastic net, the lasso and their optimality checks', () => {
    rejectsBadInput(badInput.lasso);
  });

  it('lambdaMax, the λ grid and the path', () => {
    rejectsBadInput(badInput.path);
  });

  it('folds, cross-validation curves and the choice of λ', () => {
    rejectsBadInput(badInput.cv);
  });

  it('the diabetes helpers', () => {
    rejectsBadInput(badInput.diabetes);
  });

  it('the exercise solutions: leave-one-out ridge and ridge by QR', () => {
    rejectsBadInput(badInput.exercises);
  });
});

describe('review', () => {
  /** The ten standardized diabetes features. */
  function diabetes() {
    const { X, y } = loadDiabetes();
    return { Z: standardize(X).Z, y };
  }

  it('with a duplicated column and λ₂ = 0 (no unique minimizer) the objective still reaches the minimum of the problem without the duplicate', () => {
    const { Z, y } = diabetes();
    const d = Z.cols;
    const dup = new Matrix(Z.rows, d + 1); // BMI (column 2) twice
    for (let i = 0; i < Z.rows; i++) {
      for (let j = 0; j < d; j++) dup.data[i * (d + 1) + j] = Z.get(i, j);
      dup.data[i * (d + 1) + d] = Z.get(i, 2);
    }
    const penalty = { lambda1: 0.5 };
    const a = elasticNet(dup, y, penalty, { tol: 1e-12 });
    const b = elasticNet(Z, y, penalty, { tol: 1e-12 });
    const pa = elasticNetObjective(dup, y, a, penalty);
    const pb = elasticNetObjective(Z, y, b, penalty);
    // both problems have the same minimum: each value is within its
    // own gap of it, so they differ by less than the sum of the gaps
    expect(Math.abs(pa - pb)).toBeLessThanOrEqual(a.gap + b.gap + 1e-12);
    // and the gap certifies it: P(a) is within its gap of the minimum
    expect(dualityGap(dup, y, a.w, penalty)).toBeCloseTo(a.gap, 12);
  });

  it('standardizing inside each fold moves the ten-feature CV minimum by less than its standard error', () => {
    const st = diabetesStudy();
    const inFold = inFoldScalingCv(st.lambdas);
    const k = selectLambda(st.lambdas, inFold).best;
    const best = st.choice.best;
    expect(Math.abs(inFold.mean[k] - st.cv.mean[best])).toBeLessThan(st.cv.se[best]);
    expect(CD_TOL).toBeLessThan(1e-10);
  });

  it('exercise 1: ridge by QR on augmented data agrees with the SVD on the diabetes data', () => {
    const { Z, y } = diabetes();
    for (const lambda_ of [0.1, 10, 1000]) {
      const a = ridgeQr(Z, y, lambda_).w;
      const b = ridgeSvd(Z, y, lambda_).w;
      const { s } = svd(center(Z, y).Xc);
      // κ of the augmented matrix: √((s₁² + λ)/(s_d² + λ))
      const kappa = Math.sqrt((s[0] ** 2 + lambda_) / (s[s.length - 1] ** 2 + lambda_));
      expect(norm(subVec(a, b)) / norm(b)).toBeLessThan(10 * kappa * Number.EPSILON);
    }
  });

  it('exercise 1: on a design with κ = 1e7 the QR solution is at least 100 times more accurate than Cholesky', () => {
    const n = 40;
    const d = 6;
    const U = randomOrthogonal(5, n);
    const V = randomOrthogonal(6, d);
    const s = Array.from({ length: d }, (_, j) => 10 ** (-7 * j / (d - 1)));
    const X = new Matrix(n, d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let v = 0;
        for (let k = 0; k < d; k++) v += U.get(i, k) * s[k] * V.get(j, k);
        X.data[i * d + j] = v;
      }
    }
    const y = createRng(9).normalArray(n);
    const lambda_ = 1e-16; // below s_min² = 1e-14: no hiding the κ
    const ref = ridgeSvd(X, y, lambda_).w;
    const err = (w: Float64Array) => norm(subVec(w, ref)) / norm(ref);
    const qr = err(ridgeQr(X, y, lambda_).w);
    const chol = err(ridgeCholesky(X, y, lambda_).w);
    expect(qr).toBeLessThan(1e3 * 1e7 * Number.EPSILON); // ~ κε
    expect(chol).toBeGreaterThan(100 * qr);
  });

  it('exercise 2: leave-one-out from one SVD equals cvCurve with n folds, and GCV is within 1% of it', () => {
    const { Z, y } = diabetes();
    const lambdas = [0.1, 1, 10, 100];
    const loo = looRidge(Z, y, lambdas);
    const cv = cvCurve(Z, y, kFoldIndices(Z.rows, Z.rows),
      (a, b) => ridgePath(a, b, lambdas));
    loo.forEach((r, l) => {
      expect(Math.abs(r.loo - cv.mean[l]) / cv.mean[l]).toBeLessThan(1e-10);
      expect(Math.abs(r.gcv - r.loo) / r.loo).toBeLessThan(0.01);
    });
  });

  it('exercise 3: between two entries the lasso path is linear in λ (second differences below 1e-9)', () => {
    const { Z, y } = diabetes();
    const grid = lambdaGrid(Z, y);
    const fits = elasticNetPath(Z, y, grid, { tol: 1e-14 });
    const active = (k: number) => fits[k].w.map((v) => +(v !== 0)).join('');
    // the first stretch of the grid, after the third entry, over which
    // the active set and the signs stay the same
    let k0 = 0;
    while (active(k0) === active(0) || fits[k0].w.filter((v) => v !== 0).length < 3) k0++;
    let k1 = k0;
    while (active(k1 + 1) === active(k0)) k1++;
    expect(k1 - k0).toBeGreaterThanOrEqual(2);
    const lambdas = Array.from({ length: 5 },
      (_, t) => grid[k0] + (t / 4) * (grid[k1] - grid[k0]));
    const ws = elasticNetPath(Z, y, lambdas, { tol: 1e-14 });
    for (let t = 1; t < 4; t++) {
      for (let j = 0; j < Z.cols; j++) {
        const second = ws[t - 1].w[j] - 2 * ws[t].w[j] + ws[t + 1].w[j];
        expect(Math.abs(second)).toBeLessThan(1e-9);
      }
    }
  });
});

// Tests that kill mutants the chapter's other tests let through
// (`npm run mutate -- regularization`; see tests/mutation/).
describe('mutation gaps', () => {
  /** X of problem(seed, n, d) with a constant column inserted at `at`. */
  function withConstant(X: Matrix, at: number): Matrix {
    const d = X.cols + 1;
    const Y = new Matrix(X.rows, d);
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < d; j++) {
        Y.data[i * d + j] = j === at ? 5 : X.data[i * X.cols + j - +(j > at)];
      }
    }
    return Y;
  }

  it('a constant feature gets weight 0 and changes nothing else', () => {
    const { X, y } = problem(31, 40, 3);
    const Y = withConstant(X, 1);
    for (const penalty of [{ lambda1: 0.1 }, { lambda1: 0.1, lambda2: 0.2 }]) {
      const base = elasticNet(X, y, penalty, { tol: 1e-14 });
      const fit = elasticNet(Y, y, penalty, { tol: 1e-14 });
      expect(fit.w[1]).toBe(0);
      assertAllClose([fit.w[0], fit.w[2], fit.w[3]], base.w,
        { rtol: 1e-12, atol: 1e-14 });
      expect(fit.b).toBeCloseTo(base.b, 12);
    }
  });

  it('a constant y gives w = 0 and b = y in one sweep: the gap is 0', () => {
    const { X } = problem(32, 20, 3);
    const y = new Float64Array(20).fill(2.5);
    const fit = lasso(X, y, 0.1);
    expect(Array.from(fit.w)).toEqual([0, 0, 0]);
    expect(fit.b).toBe(2.5);
    expect(fit.sweeps).toBe(1);
    expect(fit.gap).toBe(0);
  });

  it('softThreshold(z, 0) = z; the messages give their numbers', () => {
    expect(softThreshold(3, 0)).toBe(3);
    expect(softThreshold(-3, 0)).toBe(-3);
    const { X, y } = problem(24, 30, 4);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const yy = y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length;
    expect(() => lasso(X, y, 1e-4, { maxSweeps: 1, tol: 1e-14 })).toThrow(
      `still above ${(1e-14 * yy).toExponential(2)} after 1 sweeps`,
    );
    expect(() => lasso(X, y, 0)).toThrow(
      /^lasso: elasticNet: lambda1 must be > 0 \(its duality gap needs it\), got 0; for lambda1 = 0 use ridgeSvd with n·lambda2$/,
    );
  });

  it('tol must be finite and > 0; maxSweeps an integer >= 1', () => {
    const { X, y } = problem(24, 30, 4);
    for (const tol of [0, -1, Infinity, NaN]) {
      expect(() => lasso(X, y, 0.1, { tol })).toThrow(
        new RegExp(`^lasso: elasticNet: tol must be finite and > 0, got ${tol}$`),
      );
    }
    for (const maxSweeps of [0, 1.5, NaN, Infinity]) {
      expect(() => lasso(X, y, 0.1, { maxSweeps })).toThrow(
        new RegExp(`^lasso: elasticNet: maxSweeps must be an integer >= 1, ` +
          `got ${maxSweeps}$`),
      );
    }
    // one sweep is allowed: the error is then non-convergence
    expect(() => lasso(X, y, 1e-4, { maxSweeps: 1, tol: 1e-14 })).toThrow(
      /^lasso: elasticNet: duality gap .* still above .* after 1 sweeps \(λ₁ = 0\.0001, λ₂ = 0\); raise maxSweeps or tol$/,
    );
    expect(() => lasso(X, y, 0.1, { w0: [0, 0, 0, 0] as never })).toThrow(
      /^lasso: elasticNet: X is 30x4, so w0 must be vector\(4\); got object$/,
    );
    expect(() => lasso(X, y, 0.1, { w0: Float64Array.of(0, NaN, 0, 0) }))
      .toThrow(/^lasso: elasticNet: w0 \(vector\(4\)\) has NaN at \[1\]/);
    expect(() => softThreshold(NaN, 1)).toThrow(
      /^softThreshold: expected finite z and t >= 0, got z=NaN, t=1$/,
    );
    expect(() => softThreshold(1, Infinity)).toThrow(/softThreshold/);
  });

  it('kFoldIndices: two samples make two folds of one; n < 2 is refused', () => {
    expect(kFoldIndices(2, 2)).toEqual([
      { train: [1], test: [0] }, { train: [0], test: [1] }]);
    expect(() => kFoldIndices(1, 2)).toThrow(
      /^kFoldIndices: n must be an integer >= 2, got 1$/);
  });

  it('kFoldIndices with an rng returns each train and test list in increasing order', () => {
    const folds = kFoldIndices(30, 4, createRng(5));
    const increasing = (xs: number[]) => xs.every((v, i) => i === 0 || v > xs[i - 1]);
    for (const { train, test } of folds) {
      expect(increasing(train)).toBe(true);
      expect(increasing(test)).toBe(true);
    }
  });

  it('selectLambda: on a tie the larger λ is the minimum; an error exactly one SE above counts as within', () => {
    expect(selectLambda([3, 2, 1], { mean: [5, 4, 4], se: [1, 1, 1] }))
      .toEqual({ best: 1, oneSe: 0 });
  });

  it('selectLambda: one CV error per λ, else the full message', () => {
    expect(() => selectLambda([3, 2, 1], { mean: [5, 4], se: [1, 1] })).toThrow(
      /^selectLambda: expected a decreasing grid of lambdas with one CV error each, got 3 lambdas and 2 errors$/);
  });

  it('cvCurve names itself for bad data', () => {
    const { X } = problem(1, 6, 2);
    expect(() => cvCurve(X, new Float64Array(5), kFoldIndices(6, 2),
      (a, b) => ridgePath(a, b, [1]))).toThrow(
      /^cvCurve: X is 6x2, so y must be vector\(6\); got vector\(5\)$/);
  });

  it('RIDGE_LAMBDAS: 57 values from 10^-2 to 10^5, 8 per decade', () => {
    expect(RIDGE_LAMBDAS.length).toBe(57);
    expect(RIDGE_LAMBDAS[0]).toBe(0.01);
    expect(RIDGE_LAMBDAS[8]).toBeCloseTo(0.1, 15);
    expect(RIDGE_LAMBDAS[56]).toBeCloseTo(1e5, 9);
    expect(RIDGE_LAMBDAS[4]).toBeCloseTo(Math.sqrt(10) / 100, 15);
  });

  it('entryOrder: features by the step they enter, ties by index; one that never enters is left out', () => {
    const f = (...w: number[]) => ({ w: Float64Array.from(w) });
    // first entries: steps 2, 1, 0, never, 1
    expect(entryOrder([f(0, 0, 5, 0, 0), f(0, 2, 1, 0, 4),
      f(3, 2, 1, 0, 4)])).toEqual([2, 1, 4, 0]);
  });

  it('quadraticFeatures: the features, then the products j·k for k >= j, SEX² left out', () => {
    const Z = new Matrix(2, 3, Float64Array.of(1, 2, 3, -1, 5, 7));
    const { Q, names } = quadraticFeatures(Z, ['A', 'SEX', 'C']);
    expect(names).toEqual(['A', 'SEX', 'C', 'A²', 'A·SEX', 'A·C', 'SEX·C', 'C²']);
    expect(Array.from(Q.data)).toEqual([
      1, 2, 3, 1, 2, 3, 6, 9,
      -1, 5, 7, 1, -5, -7, 35, 49]);
  });

  it('QUAD_GRID: 50 values of λ from λ_max down to λ_max / 100', () => {
    const { X, y } = problem(2, 30, 4);
    const g = lambdaGrid(X, y, QUAD_GRID);
    expect(g.length).toBe(50);
    expect(g[0]).toBe(lambdaMax(X, y));
    expect(g[49] / g[0]).toBeCloseTo(0.01, 14);
  });

  it('kktViolations names itself for weights of the wrong length', () => {
    const { X, y } = problem(3, 10, 3);
    expect(() => kktViolations(X, y, { w: new Float64Array(2), b: 0 }, { lambda1: 1 }))
      .toThrow(/^kktViolations: X is 10x3, so w must be vector\(3\); got vector\(2\)$/);
  });

  it('dualityGap and strongConvexity name themselves', () => {
    const { X, y } = problem(3, 10, 3);
    const w = new Float64Array(3);
    expect(() => dualityGap(X, y.slice(1), w, { lambda1: 1 }))
      .toThrow(/^dualityGap: X is 10x3, so y must be vector\(10\); got vector\(9\)$/);
    expect(() => dualityGap(X, y, w, { lambda1: -1 }))
      .toThrow(/^dualityGap: lambda1 must be a finite number >= 0, got -1$/);
    expect(() => strongConvexity(X, { lambda1: 1, lambda2: -2 }))
      .toThrow(/^strongConvexity: lambda2 must be a finite number >= 0, got -2$/);
  });

  it('strongConvexity is 1 + λ₂ when XcᵀXc/n = I', () => {
    const { X } = orthonormalDesign(4, 30, 3);
    expect(strongConvexity(X, { lambda1: 1, lambda2: 0.25 })).toBeCloseTo(1.25, 12);
  });

  it('strongConvexity of a wide X is λ₂; distanceBound refuses μ = 0 with the full message', () => {
    const { X, y } = problem(5, 4, 6);
    expect(strongConvexity(X, { lambda1: 1, lambda2: 0.3 })).toBe(0.3);
    expect(() => distanceBound(X, y, { w: new Float64Array(6), b: 0 }, { lambda1: 1 }))
      .toThrow(/^distanceBound: the objective is not strongly convex \(μ = 0\): Xc has dependent columns and λ₂ = 0, so w\* may not be unique$/);
  });

  it('lambdaMax names itself', () => {
    const { X, y } = problem(6, 10, 3);
    expect(() => lambdaMax(X, y.slice(1))).toThrow(
      /^lambdaMax: X is 10x3, so y must be vector\(10\); got vector\(9\)$/);
    expect(() => lambdaMax(X, y, 0)).toThrow(
      /^lambdaMax: l1Ratio must be in \(0, 1\], got 0$/);
  });

  it('lambdaGrid: count >= 2 and 0 < eps < 1, with the full message; count 2 gives λ_max and eps·λ_max', () => {
    const { X, y } = problem(6, 10, 3);
    for (const [count, eps] of [[1, 0.1], [2.5, 0.1], [3, 0], [3, 1]]) {
      expect(() => lambdaGrid(X, y, { count, eps })).toThrow(new RegExp(
        `^lambdaGrid: need an integer count >= 2 and 0 < eps < 1, got count=${count}, eps=${eps}$`));
    }
    const top = lambdaMax(X, y);
    const g = lambdaGrid(X, y, { count: 2, eps: 0.5 });
    expect(g[0]).toBe(top);
    expect(g[1]).toBeCloseTo(0.5 * top, 14);
    expect(g.length).toBe(2);
  });

  it('lambdaGrid refuses a y uncorrelated with every column', () => {
    const { X } = problem(6, 10, 3);
    expect(() => lambdaGrid(X, new Float64Array(10).fill(4))).toThrow(
      /^lambdaGrid: y is uncorrelated with every column$/);
  });

  it('elasticNetPath: l1Ratio must be in (0, 1]', () => {
    const { X, y } = problem(6, 10, 3);
    for (const r of [0, -0.5, 1.5, NaN]) {
      expect(() => elasticNetPath(X, y, [0.1], { l1Ratio: r })).toThrow(
        new RegExp(`^elasticNetPath: l1Ratio must be in \\(0, 1\\], got ${r}$`));
    }
    expect(elasticNetPath(X, y, [0.1], { l1Ratio: 1 })[0].w.length).toBe(3);
  });

  it('checkPenalty refuses what is not a penalty object', () => {
    for (const p of [null, 3, undefined]) {
      expect(() => checkPenalty('f', p as never)).toThrow(
        /^f: expected a penalty \{ lambda1, lambda2 \}$/);
    }
    expect(checkPenalty('f', { lambda1: 2 })).toEqual({ lambda1: 2, lambda2: 0 });
  });

  it('elasticNetObjective names itself for bad y, w and b', () => {
    const { X, y } = problem(7, 10, 3);
    const w = new Float64Array(3);
    const p = { lambda1: 1 };
    expect(() => elasticNetObjective(X, y.slice(1), { w, b: 0 }, p))
      .toThrow(/^elasticNetObjective: X is 10x3, so y must be vector\(10\); got vector\(9\)$/);
    expect(() => elasticNetObjective(X, y, { w: w.slice(1), b: 0 }, p))
      .toThrow(/^elasticNetObjective: X is 10x3, so w must be vector\(3\); got vector\(2\)$/);
    expect(() => elasticNetObjective(X, y, { w, b: NaN }, p))
      .toThrow(/^elasticNetObjective: b must be a finite number, got NaN$/);
  });

  it('gramProblem needs two rows and valid data, naming its caller', () => {
    const X = new Matrix(1, 2, Float64Array.of(1, 2));
    expect(() => gramProblem('caller', X, Float64Array.of(1)))
      .toThrow(/^caller: need at least 2 rows, got X 1x2$/);
    expect(() => gramProblem('caller', X, Float64Array.of(1, 2)))
      .toThrow(/^caller: X is 1x2, so y must be vector\(1\); got vector\(2\)$/);
  });

  it('ridgeCholesky names itself', () => {
    const { X, y } = problem(8, 10, 3);
    expect(() => ridgeCholesky(X, y.slice(1), 1)).toThrow(
      /^ridgeCholesky: X is 10x3, so y must be vector\(10\); got vector\(9\)$/);
    expect(() => ridgeCholesky(X, y, -1)).toThrow(
      /^ridgeCholesky: lambda_ must be a finite number >= 0, got -1$/);
  });

  it('shrinkageFactors: a zero singular value gets factor 0 even at λ = 0; negative or NaN s is refused', () => {
    expect(Array.from(shrinkageFactors(Float64Array.of(2, 0), 0))).toEqual([1, 0]);
    expect(Array.from(shrinkageFactors(Float64Array.of(2, 0), 4))).toEqual([0.5, 0]);
    for (const s of [[2, -1], [NaN, 1], [Infinity]]) {
      expect(() => shrinkageFactors(Float64Array.from(s), 1)).toThrow(
        /^shrinkageFactors: singular values must be finite and >= 0$/);
    }
    expect(() => effectiveDof(Float64Array.of(1), -1)).toThrow(
      /^effectiveDof: lambda_ must be a finite number >= 0, got -1$/);
    expect(() => shrinkageFactors(Float64Array.of(1), -1)).toThrow(
      /^shrinkageFactors: lambda_ must be a finite number >= 0, got -1$/);
  });

  it('ridge at λ = 0 gives a constant column weight 0 and least squares on the others', () => {
    const { X, y } = problem(9, 20, 3);
    const Y = withConstant(X, 1);
    const fit = ridgeSvd(Y, y, 0);
    const ols = fitNormalEquations(X, y);
    expect(fit.w[1]).toBe(0);
    expect(Math.abs(fit.w[0] - ols.w[0])).toBeLessThan(1e-12);
    expect(Math.abs(fit.w[2] - ols.w[1])).toBeLessThan(1e-12);
    expect(Math.abs(fit.w[3] - ols.w[2])).toBeLessThan(1e-12);
  });

  it('ridgeObjective and ridgeGradient name themselves', () => {
    const { X, y } = problem(10, 10, 3);
    const w = new Float64Array(3);
    expect(() => ridgeObjective(X, y.slice(1), { w, b: 0 }, 1)).toThrow(
      /^ridgeObjective: X is 10x3, so y must be vector\(10\); got vector\(9\)$/);
    expect(() => ridgeObjective(X, y, { w: w.slice(1), b: 0 }, 1)).toThrow(
      /^ridgeObjective: X is 10x3, so w must be vector\(3\); got vector\(2\)$/);
    expect(() => ridgeObjective(X, y, { w, b: Infinity }, 1)).toThrow(
      /^ridgeObjective: b must be a finite number, got Infinity$/);
    expect(() => ridgeObjective(X, y, { w, b: 0 }, -1)).toThrow(
      /^ridgeObjective: lambda_ must be a finite number >= 0, got -1$/);
    expect(() => ridgeGradient(X, y, { w, b: NaN }, 1)).toThrow(
      /^ridgeGradient: b must be a finite number, got NaN$/);
  });

  it('ridgeRisk: X tall and w of length X.cols, σ² and λ >= 0, full messages', () => {
    const { X } = problem(11, 10, 3);
    const w = Float64Array.of(1, 2, 3);
    expect(() => ridgeRisk(X, w, -1, 1)).toThrow(
      /^ridgeRisk: noiseVar must be a finite number >= 0, got -1$/);
    expect(() => ridgeRisk(X, w, 1, -1)).toThrow(
      /^ridgeRisk: lambda_ must be a finite number >= 0, got -1$/);
    expect(() => ridgeRisk(X, w.slice(1), 1, 1)).toThrow(
      /^ridgeRisk: expected a tall X and w of length X.cols, got X 10x3 and w vector\(2\)$/);
    const wide = problem(11, 2, 3).X;
    expect(() => ridgeRisk(wide, w, 1, 1)).toThrow(
      /^ridgeRisk: expected a tall X and w of length X.cols, got X 2x3 and w vector\(3\)$/);
    const square = problem(11, 3, 3).X;
    expect(ridgeRisk(square, w, 1, 1).total).toBeGreaterThan(0);
  });

  it('ridgeRisk: a zero column and λ = 0 is refused; with λ > 0 that direction adds bias only', () => {
    const X = new Matrix(3, 2, Float64Array.of(1, 0, 2, 0, 3, 0));
    expect(() => ridgeRisk(X, Float64Array.of(1, 1), 1, 0)).toThrow(
      /^ridgeRisk: X is rank deficient and λ = 0$/);
    // s = (√14, 0), v = (e1, e2): bias² = (λ/(14+λ))²·1 + 1, variance = σ²·14/(14+λ)²
    const r = ridgeRisk(X, Float64Array.of(1, 1), 2, 1);
    expect(r.bias2).toBeCloseTo((1 / 15) ** 2 + 1, 12);
    expect(r.variance).toBeCloseTo((2 * 14) / 225, 12);
  });

  it('looRidge on two rows: leaving one out predicts it by the other y, so the LOO MSE is (y₁ − y₀)²', () => {
    const X = new Matrix(2, 1, Float64Array.of(0, 1));
    const out = looRidge(X, Float64Array.of(0.5, 2), [0.5, 2]);
    expect(out.map((r) => r.lambda_)).toEqual([0.5, 2]);
    for (const r of out) expect(r.loo).toBeCloseTo(2.25, 12);
  });

  it('looRidge refuses one row and bad λ, naming itself', () => {
    const X = new Matrix(1, 2, Float64Array.of(1, 2));
    expect(() => looRidge(X, Float64Array.of(1), [1])).toThrow(
      /^looRidge: need at least 2 rows, got X 1x2$/);
    const { X: X2, y } = problem(12, 6, 2);
    expect(() => looRidge(X2, y.slice(1), [1])).toThrow(
      /^looRidge: X is 6x2, so y must be vector\(6\); got vector\(5\)$/);
    expect(() => looRidge(X2, y, [1, -1])).toThrow(
      /^looRidge: lambdas\[1\] must be a finite number >= 0, got -1$/);
  });

  it('ridgeQr: a rank-deficient X at λ = 0 is an error under its own name; λ > 0 fits it', () => {
    const X = new Matrix(4, 2, Float64Array.of(1, 2, 2, 4, 3, 6, 5, 10));
    const y = Float64Array.of(1, 2, 2, 4);
    expect(() => ridgeQr(X, y, 0)).toThrow(/^ridgeQr: qrLeastSquares: /);
    expect(() => ridgeQr(X, y.slice(1), 1)).toThrow(
      /^ridgeQr: X is 4x2, so y must be vector\(4\); got vector\(3\)$/);
    const fit = ridgeQr(X, y, 1);
    const ref = ridgeSvd(X, y, 1);
    expect(Math.abs(fit.w[0] - ref.w[0])).toBeLessThan(1e-12);
    expect(Math.abs(fit.b - ref.b)).toBeLessThan(1e-12);
  });

  it('inFoldScalingCv refuses λ = 0 (the lasso needs λ > 0) and k outside [2, n], with full messages', () => {
    expect(() => inFoldScalingCv([1, 0])).toThrow(
      /^inFoldScalingCv: lambdas must be > 0 for the lasso, got lambdas\[1\] = 0$/);
    expect(() => inFoldScalingCv([1], 443)).toThrow(
      /^inFoldScalingCv: k must be an integer in \[2, 442\], got 443$/);
    expect(() => inFoldScalingCv([1], 1)).toThrow(
      /^inFoldScalingCv: k must be an integer in \[2, 442\], got 1$/);
  });

  it('cvCurve refuses fewer than 2 folds and folds without rows to fit or test, with full messages', () => {
    const { X, y } = problem(13, 6, 2);
    const fit = (a: Matrix, b: Float64Array) => ridgePath(a, b, [1]);
    const other = { train: [3, 4, 5], test: [0, 1, 2] };
    expect(() => cvCurve(X, y, [other], fit)).toThrow(
      /^cvCurve: folds must be an array of at least 2 folds \(a standard error needs two\), got 1$/);
    expect(() => cvCurve(X, y, 3 as never, fit)).toThrow(
      /^cvCurve: folds must be an array of at least 2 folds \(a standard error needs two\), got 3$/);
    const bad = [{ train: [0, 1, 2], test: [3, 4, 6] },
      { train: [0, 1, 2], test: [3, 4, -1] },
      { train: [0, 1, 2.5], test: [3, 4, 5] },
      { train: [0, 1, 2], test: [] }, { train: [], test: [0] },
      null, { train: [0] }, { test: [0] }];
    for (const f of bad) {
      expect(() => cvCurve(X, y, [f, other] as never, fit)).toThrow(
        /^cvCurve: folds\[0\] must have non-empty train and test lists of row indices in \[0, 6\)$/);
    }
    // the last index, 5, is a row
    expect(cvCurve(X, y, [{ train: [0, 1, 2], test: [3, 4, 5] }, other],
      fit).mean.length).toBe(1);
  });

  it('cvCurve needs fitPath to return one fit per λ, the same number for every fold', () => {
    const { X, y } = problem(13, 6, 2);
    let calls = 0;
    expect(() => cvCurve(X, y, kFoldIndices(6, 2),
      (a, b) => ridgePath(a, b, calls++ === 0 ? [1] : [1, 2]))).toThrow(
      /^cvCurve: fitPath must return one fit per λ, the same number for every fold; got 1,2$/);
    expect(() => cvCurve(X, y, kFoldIndices(6, 2), () => [])).toThrow(
      /^cvCurve: fitPath must return one fit per λ, the same number for every fold; got 0,0$/);
  });

  it('selectLambda refuses a missing cv and standard errors that are too few or negative', () => {
    expect(() => selectLambda([1], undefined as never)).toThrow(
      /^selectLambda: cv.mean must be an array, got undefined$/);
    expect(() => selectLambda([2, 1], { mean: [1, 2], se: [1] })).toThrow(
      /^selectLambda: cv.se must hold one standard error >= 0 per mean, got 1 for 2$/);
    expect(() => selectLambda([2, 1], { mean: [1, 2], se: [1, -1] }))
      .toThrow(/^selectLambda: cv.se must hold one standard error >= 0 per mean, got 2 for 2$/);
  });

  it('checkGram refuses anything but a Gram of gramProblem', () => {
    const { X, y } = problem(14, 6, 2);
    const g = gramProblem('c', X, y);
    const bad = [null, { ...g, q: g.q.slice(1) }, { ...g, G: new Matrix(1, 1) },
      { ...g, yy: NaN }, { ...g, G: [[1, 0], [0, 1]] }];
    for (const p of bad) {
      expect(() => checkGram('f', p as never, {})).toThrow(
        /^f: p must be a Gram of gramProblem$/);
    }
    expect(() => checkGram('f', g, {})).not.toThrow();
  });

  it('the duality gap at w = 0 for a constant y and λ₁ = λ₂ = 0 is exactly 0 (γ = 1 when max|c| = λ₁ = 0)', () => {
    const { X } = problem(14, 6, 2);
    const g = gramProblem('c', X, new Float64Array(6).fill(2));
    const zero = new Float64Array(2);
    expect(gapOfGram(g, zero, zero, 0, 0)).toEqual({ primal: 0, gap: 0 });
  });

  it('ridge and its checks name the argument: X, s, lambdas, w', () => {
    const nanX = new Matrix(2, 2, Float64Array.of(1, NaN, 2, 3));
    expect(() => strongConvexity(nanX, { lambda1: 1 })).toThrow(
      /^strongConvexity: X \(2x2\) has NaN at \(0, 1\); expected finite numbers$/);
    expect(() => ridgeRisk(nanX, Float64Array.of(1, 1), 1, 1)).toThrow(
      /^ridgeRisk: X \(2x2\) has NaN at \(0, 1\); expected finite numbers$/);
    expect(() => shrinkageFactors(new Float64Array(0), 1)).toThrow(
      /^shrinkageFactors: s must be a non-empty array of singular values$/);
    const { X, y } = problem(15, 6, 2);
    expect(() => ridgePath(X, y, [])).toThrow(
      /^ridgePath: lambdas must be a non-empty array of numbers >= 0, got $/);
    expect(() => ridgeObjective(X, y, undefined as never, 1)).toThrow(
      /^ridgeObjective: X is 6x2, so w must be vector\(2\); got undefined$/);
  });

  it('ridgeCholesky at λ = 0 with a constant column names itself and its matrix', () => {
    const X = new Matrix(3, 2, Float64Array.of(1, 5, 2, 5, 3, 5));
    expect(() => ridgeCholesky(X, Float64Array.of(1, 2, 3), 0)).toThrow(
      /^ridgeCholesky: XcᵀXc \+ λI: cholesky: A \(2x2\) is not positive definite/);
  });

  it('entryOrder, quadraticFeatures and inFoldScalingCv name what is wrong', () => {
    expect(() => entryOrder([{}] as never)).toThrow(
      /^entryOrder: fits\[0\].w must be a vector of length undefined, like fits\[0\].w$/);
    expect(() => entryOrder([{ w: Float64Array.of(1) },
      { w: Float64Array.of(1, 2) }])).toThrow(
      /^entryOrder: fits\[1\].w must be a vector of length 1, like fits\[0\].w$/);
    expect(() => entryOrder([] as never)).toThrow(
      /^entryOrder: fits must be a non-empty array of fits, got $/);
    const Z = new Matrix(2, 2, Float64Array.of(1, 2, 3, 4));
    expect(() => quadraticFeatures(Z, ['a', 1] as never)).toThrow(
      /^quadraticFeatures: names must hold 2 strings, one per column of Z; got 2$/);
    expect(() => quadraticFeatures(Z, undefined as never)).toThrow(
      /^quadraticFeatures: names must hold 2 strings, one per column of Z; got undefined$/);
    expect(() => inFoldScalingCv([0])).toThrow(
      /^inFoldScalingCv: lambdas must be > 0 for the lasso, got lambdas\[0\] = 0$/);
  });
});
