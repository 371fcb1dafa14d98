// Tests for the linear-regression chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/
// linear-regression.mdx.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allClose,
  gradientCheck,
  numericalGradient,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  matmul,
  matvec,
  norm,
  scale,
  subVec,
  transpose,
} from '../code/linear-algebra/matrix.ts';
import {
  DIABETES_SHA256,
  diabetesPath,
  fitDiabetes,
  loadDiabetes,
} from '../code/linear-regression/diabetes.ts';
import { fitGradientDescent, safeStepSize } from '../code/linear-regression/gd.ts';
import {
  meanSquaredError,
  r2Score,
  residuals,
} from '../code/linear-regression/metrics.ts';
import {
  addOnesColumn,
  center,
  fitNormalEquations,
  gaussianLogLikelihood,
  predict,
  squaredLoss,
  squaredLossGradient,
} from '../code/linear-regression/model.ts';
import {
  collinearityExperiment,
  collinearityStudy,
  correlationMatrix,
  outlierExperiment,
  varianceInflationFactors,
} from '../code/linear-regression/pitfalls.ts';
import {
  standardize,
  unstandardize,
} from '../code/linear-regression/scaling.ts';
import {
  conditionNumber,
  largestEigenvalue,
  powerIteration,
  smallestEigenvalue,
} from '../code/linear-regression/spectrum.ts';
import { linearData } from '../code/linear-regression/synthetic.ts';
import {
  fitHuber,
  huberGradient,
  huberLoss,
  huberOutlier,
} from '../code/linear-regression/solutions/huber.ts';
import {
  noiseVarianceStudy,
} from '../code/linear-regression/solutions/noise-estimate.ts';
import {
  rawDesignErrors,
} from '../code/linear-regression/solutions/qr-vs-normal.ts';
import { symmetricEigen } from '../code/decompositions/eigen.ts';
import { qrLeastSquares } from '../code/decompositions/least-squares.ts';
import { minNormLeastSquares } from '../code/decompositions/pseudo-inverse.ts';
import { svd } from '../code/decompositions/svd.ts';
import { gaussianMatrix } from '../code/decompositions/examples.ts';
import { fixture, normwiseError } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/linear-regression.ts';

const sk = fixture('linear-regression', 'sklearn.json');

/** Pearson correlation of two equally long vectors. */
function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** fitDiabetes() runs gradient descent for ~0.4 s: run it once. */
let diabetesFit: ReturnType<typeof fitDiabetes> | undefined;
function diabetes() {
  diabetesFit ??= fitDiabetes();
  return diabetesFit;
}

/** A small noisy regression problem, the same every run. */
function noisyData() {
  return linearData({ seed: 11, n: 40, w: [2, -1, 0.5], b: 3, noise: 0.3 });
}

/** The Hessian XᵀX / n of the squared loss, Eq. (lr-hessian). */
function hessian(X: Matrix): Matrix {
  return scale(matmul(transpose(X), X), 1 / X.rows);
}

describe('the loss, its gradient and the likelihood', () => {
  it('squaredLossGradient matches central differences (Eq. lr-gradient)', () => {
    const { X, y } = noisyData();
    const w = createRng(5).normalArray(3);
    const check = gradientCheck(
      (v) => squaredLoss(X, y, v),
      (v) => squaredLossGradient(X, y, v),
      w,
    );
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it('the Gaussian log-likelihood peaks in w at the least-squares fit', () => {
    const { X, y } = noisyData();
    const A = addOnesColumn(X); // b is the first weight
    const { w } = fitNormalEquations(A, y, { intercept: false });
    const g = numericalGradient((v) => gaussianLogLikelihood(A, y, v, 0.5), w);
    // ∂ℓ/∂w = Xᵀ(y − Xw)/σ², Eq. (lr-log-likelihood): zero at ŵ
    expect(norm(g)).toBeLessThan(1e-6);
    const nudged = w.map((wj, j) => wj + (j === 1 ? 1e-3 : 0));
    expect(gaussianLogLikelihood(A, y, nudged, 0.5)).toBeLessThan(
      gaussianLogLikelihood(A, y, w, 0.5),
    );
  });

  it('the likelihood is maximized in σ² by the mean squared residual', () => {
    const { X, y } = noisyData();
    const A = addOnesColumn(X);
    const { w } = fitNormalEquations(A, y, { intercept: false });
    const s2 = meanSquaredError(y, matvec(A, w)); // Eq. (lr-sigma-mle)
    const ell = (s: Float64Array) => gaussianLogLikelihood(A, y, w, s[0]);
    const [slope] = numericalGradient(ell, Float64Array.of(s2));
    expect(Math.abs(slope)).toBeLessThan(1e-5);
    expect(ell(Float64Array.of(s2 * 1.1))).toBeLessThan(ell(Float64Array.of(s2)));
    expect(ell(Float64Array.of(s2 / 1.1))).toBeLessThan(ell(Float64Array.of(s2)));
  });
});

describe('fitting by the normal equations', () => {
  it('recovers w and b exactly from noiseless data', () => {
    const { X, y } = linearData({ seed: 3, n: 30, w: [1.5, -2, 4], b: -7 });
    const { w, b } = fitNormalEquations(X, y);
    expect(allClose(w, [1.5, -2, 4], { rtol: 1e-12, atol: 1e-12 })).toBe(true);
    expect(Math.abs(b + 7)).toBeLessThan(1e-12);
  });

  it('leaves residuals orthogonal to the columns and summing to zero', () => {
    const { X, y } = noisyData();
    const { w, b } = fitNormalEquations(X, y);
    const r = residuals(y, predict(X, w, b));
    const Xtr = matvec(transpose(X), r); // Eq. (lr-normal-equations)
    expect(norm(Xtr)).toBeLessThan(1e-12 * norm(y) * X.rows);
    expect(Math.abs(r.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
  });

  it('centring gives the same fit as a column of ones (Eq. lr-intercept)', () => {
    const { X, y } = noisyData();
    const centred = fitNormalEquations(X, y);
    const ones = fitNormalEquations(addOnesColumn(X), y, { intercept: false });
    expect(relativeError(centred.b, ones.w[0])).toBeLessThan(1e-12);
    expect(allClose(centred.w, ones.w.slice(1), { rtol: 1e-12 })).toBe(true);
  });

  it('a model fitted on standardized features, mapped back, is the same model', () => {
    const { X, y } = noisyData();
    const direct = fitNormalEquations(X, y);
    const { Z, mean, scale: s } = standardize(X);
    const back = unstandardize(fitNormalEquations(Z, y), mean, s); // Eq. (lr-unscale)
    expect(allClose(back.w, direct.w, { rtol: 1e-12 })).toBe(true);
    expect(relativeError(back.b, direct.b)).toBeLessThan(1e-12);
  });

  it('the fitted weights are linear in y', () => {
    const { X, y } = noisyData();
    const other = createRng(9).normalArray(y.length);
    const mix = y.map((yi, i) => 3 * yi + other[i]);
    const a = fitNormalEquations(X, y);
    const c = fitNormalEquations(X, other);
    const m = fitNormalEquations(X, mix);
    const expected = a.w.map((v, j) => 3 * v + c.w[j]);
    expect(allClose(m.w, expected, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
  });
});

describe('power iteration and gradient descent', () => {
  it('power iteration finds λmax of the diabetes Hessian (LAPACK reference)', () => {
    const { Z } = standardize(loadDiabetes().X);
    const eig: number[] = sk.gram_standardized.eigenvalues; // ascending
    const lambda = largestEigenvalue(hessian(Z));
    expect(relativeError(lambda, eig[eig.length - 1])).toBeLessThan(1e-10);
  });

  it('conditionNumber equals κ(Z)² from numpy for the diabetes features', () => {
    const { Z } = standardize(loadDiabetes().X);
    const kappa = conditionNumber(hessian(Z));
    const expected = sk.condition_numbers.standardized ** 2;
    expect(relativeError(kappa, expected)).toBeLessThan(1e-9);
  });

  it('power iteration returns a flagged but accurate estimate when λ1 ≈ λ2', () => {
    const A = new Matrix(3, 3, Float64Array.of(1, 0, 0, 0, 0.99999, 0, 0, 0, 0.2));
    const slow = powerIteration((v) => matvec(A, v), 3, { maxIter: 200 });
    expect(slow.converged).toBe(false);
    expect(slow.steps).toBe(200);
    expect(relativeError(slow.value, 1)).toBeLessThan(1e-5);
  });

  it('centring conditions XᵀX far better than a column of ones (numpy cond)', () => {
    const { X, y } = loadDiabetes();
    const gramOf = (A: Matrix) => matmul(transpose(A), A);
    const ones = conditionNumber(gramOf(addOnesColumn(X)));
    const centred = conditionNumber(gramOf(center(X, y).Xc));
    const cond = sk.condition_numbers;
    expect(relativeError(ones, cond.ones_column_raw ** 2)).toBeLessThan(1e-8);
    expect(relativeError(centred, cond.centered_raw ** 2)).toBeLessThan(1e-9);
    expect(ones).toBeGreaterThan(100 * centred);
  });

  it('λmax of a standardized Hessian is at most its trace, d', () => {
    const { X } = noisyData();
    const { Z } = standardize(X);
    const lambda = largestEigenvalue(hessian(Z));
    expect(lambda).toBeGreaterThan(1); // ≥ the mean eigenvalue, 1
    expect(lambda).toBeLessThanOrEqual(Z.cols * (1 + 1e-12));
  });

  it('converges to the normal-equations solution with η = 1/λmax', () => {
    const { X, y } = noisyData();
    const gd = fitGradientDescent(X, y, { tol: 1e-12 });
    const ne = fitNormalEquations(X, y);
    expect(gd.status).toBe('converged');
    expect(relativeError(gd.eta, safeStepSize(center(X, y).Xc))).toBe(0);
    expect(normwiseError(gd.w, ne.w)).toBeLessThan(1e-9);
    expect(relativeError(gd.b, ne.b)).toBeLessThan(1e-9);
  });

  it('converges just below η = 2/λmax and diverges just above (Eq. lr-step-size)', () => {
    const { X, y } = noisyData();
    const limit = 2 / largestEigenvalue(hessian(center(X, y).Xc));
    const below = fitGradientDescent(X, y, { eta: 0.98 * limit });
    const above = fitGradientDescent(X, y, { eta: 1.02 * limit });
    expect(below.status).toBe('converged');
    expect(above.status).toBe('diverged');
  });

  it('lowers the loss at every step when η < 2/λmax', () => {
    const { X, y } = noisyData();
    const limit = 2 / largestEigenvalue(hessian(center(X, y).Xc));
    const { losses } = fitGradientDescent(X, y, { eta: 0.9 * limit, tol: 1e-6 });
    const rises = losses.filter((L, k) => k > 0 && L > losses[k - 1]);
    expect(losses.length).toBeGreaterThan(10);
    expect(rises).toEqual([]);
  });

  it('shrinks the error by at most max|1 − ηλ| per step (Eq. lr-gd-error)', () => {
    const { X, y } = noisyData();
    const H = hessian(center(X, y).Xc);
    const eta = 1.5 / largestEigenvalue(H);
    const rho = Math.max(
      Math.abs(1 - eta * largestEigenvalue(H)),
      Math.abs(1 - eta * smallestEigenvalue(H)),
    );
    const best = fitNormalEquations(X, y).w;
    const error = (k: number) =>
      norm(subVec(fitGradientDescent(X, y, { eta, maxSteps: k }).w, best));
    for (const k of [1, 5, 20]) {
      expect(error(k + 1)).toBeLessThanOrEqual(rho * error(k) * (1 + 1e-9));
    }
    expect(error(21)).toBeGreaterThan(0.5 * rho * error(20)); // rho is tight
  });
});

describe('gradient descent on the diabetes data', () => {
  it('late in a run the loss gap shrinks by (1 − ηλmin)² per step', () => {
    const { Z, y, mse } = diabetes();
    const H = hessian(Z);
    const [top, low] = [largestEigenvalue(H), smallestEigenvalue(H)];
    const run = fitGradientDescent(Z, y, { eta: 1 / top, maxSteps: 1000, tol: 0 });
    const gap = (k: number) => run.losses[k] - mse / 2;
    const measured = (gap(1000) / gap(500)) ** (1 / 500);
    expect(relativeError(measured, (1 - low / top) ** 2)).toBeLessThan(1e-6);
  });
});

describe('R² (Eq. lr-r2)', () => {
  it('is 1 for a perfect prediction and 0 for predicting the mean', () => {
    const y = Float64Array.of(1, 4, 2, 8);
    expect(r2Score(y, y)).toBe(1);
    expect(r2Score(y, new Float64Array(4).fill(15 / 4))).toBe(0);
  });

  it('is negative for predictions worse than the mean', () => {
    const y = Float64Array.of(1, 4, 2, 8);
    expect(r2Score(y, Float64Array.of(8, 2, 4, 1))).toBeLessThan(0);
  });

  it('of a least-squares fit with intercept is the squared correlation of y and ŷ', () => {
    const { X, y } = noisyData();
    const { w, b } = fitNormalEquations(X, y);
    const yHat = predict(X, w, b);
    expect(relativeError(r2Score(y, yHat), correlation(y, yHat) ** 2))
      .toBeLessThan(1e-12);
  });

  it('never falls on the training data when a feature is added', () => {
    const { X, y } = noisyData();
    const junk = createRng(21).normalArray(X.rows); // unrelated to y
    const wider = new Matrix(X.rows, 4);
    for (let i = 0; i < X.rows; i++) {
      wider.data.set(X.row(i), 4 * i);
      wider.data[4 * i + 3] = junk[i];
    }
    const r2 = (A: Matrix) => {
      const { w, b } = fitNormalEquations(A, y);
      return r2Score(y, predict(A, w, b));
    };
    expect(r2(wider)).toBeGreaterThanOrEqual(r2(X));
  });
});

describe('what goes wrong', () => {
  it('collinear estimates spread as σ²(XᵀX)⁻¹ (Eq. lr-cov)', () => {
    const rho = 0.95;
    const { X, w1 } = collinearityExperiment({ rho, reps: 2000, seed: 4 });
    const G = matmul(transpose(center(X, new Float64Array(X.rows)).Xc),
      center(X, new Float64Array(X.rows)).Xc);
    const det = G.get(0, 0) * G.get(1, 1) - G.get(0, 1) ** 2;
    const predicted = G.get(1, 1) / det; // [(XᵀX)⁻¹]₁₁ with σ = 1
    const mean = w1.reduce((s, v) => s + v, 0) / w1.length;
    const observed =
      w1.reduce((s, v) => s + (v - mean) ** 2, 0) / (w1.length - 1);
    // 2000 draws: the sample variance has a relative s.e. of about 3%
    expect(relativeError(observed, predicted)).toBeLessThan(0.1);
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(predicted / 2000));
  });

  it('the Hessian on standardized features is the correlation matrix (numpy corrcoef)', () => {
    const { X } = loadDiabetes();
    const R = correlationMatrix(X);
    const expected = (sk.correlation.matrix as number[][]).flat();
    expect(allClose(R.data, expected, { rtol: 1e-12, atol: 1e-14 })).toBe(true);
  });

  it('variance inflation factors match diag(R⁻¹) from numpy (Eq. lr-vif)', () => {
    const vif = varianceInflationFactors(loadDiabetes().X);
    expect(allClose(vif, sk.correlation.vif, { rtol: 1e-10 })).toBe(true);
  });

  it('one far point below the line pulls the slope down', () => {
    const { clean, withOutlier } = outlierExperiment();
    expect(withOutlier.w[0]).toBeLessThan(clean.w[0] - 0.1);
  });
});

describe('bad input gives errors that name the function', () => {
  it('fitNormalEquations: y of the wrong length', () => {
    const { X } = noisyData();
    expect(() => fitNormalEquations(X, new Float64Array(39))).toThrow(
      /fitNormalEquations: X is 40x3, so y must be vector\(40\); got vector\(39\)/,
    );
  });

  it('fitNormalEquations: NaN in X', () => {
    const { X, y } = noisyData();
    X.data[7] = NaN;
    expect(() => fitNormalEquations(X, y)).toThrow(
      /fitNormalEquations: X \(40x3\) has NaN at \(2, 1\)/,
    );
  });

  it('fitNormalEquations: a duplicated column is rank-deficient', () => {
    const { X, y } = noisyData();
    const dup = new Matrix(X.rows, 4);
    for (let i = 0; i < X.rows; i++) {
      dup.data.set(X.row(i), 4 * i);
      dup.data[4 * i + 3] = X.get(i, 0);
    }
    expect(() => fitNormalEquations(dup, y)).toThrow(
      /fitNormalEquations: XᵀX is singular.*40x4/,
    );
  });

  it('fitNormalEquations: a constant column duplicates the intercept', () => {
    const { X, y } = noisyData();
    const withConst = addOnesColumn(X);
    expect(() => fitNormalEquations(withConst, y)).toThrow(
      /fitNormalEquations: XᵀX is singular/,
    );
  });

  it('fitNormalEquations: fewer rows than parameters', () => {
    const { X, y } = linearData({ seed: 1, n: 3, w: [1, 2, 3] });
    expect(() => fitNormalEquations(X, y)).toThrow(
      /fitNormalEquations: X is 3x3; 4 parameters need at least 4 rows/,
    );
  });

  it('fitGradientDescent: a step size that is not positive', () => {
    const { X, y } = noisyData();
    expect(() => fitGradientDescent(X, y, { eta: 0 })).toThrow(
      /fitGradientDescent: eta must be > 0, got 0/,
    );
  });

  it('predict and squaredLoss: weights of the wrong length', () => {
    const { X, y } = noisyData();
    const w = new Float64Array(2);
    expect(() => predict(X, w)).toThrow(/predict: X is 40x3, so w must be vector\(3\)/);
    expect(() => squaredLoss(X, y, w)).toThrow(/squaredLoss: X is 40x3/);
  });

  it('standardize: a constant column', () => {
    const X = new Matrix(3, 2, Float64Array.of(1, 0.1, 2, 0.1, 3, 0.1));
    expect(() => standardize(X)).toThrow(
      /standardize: column 1 of X \(3x2\) is constant/,
    );
  });

  it('r2Score: a constant target and mismatched lengths', () => {
    const y = Float64Array.of(2, 2, 2);
    expect(() => r2Score(y, Float64Array.of(1, 2, 3))).toThrow(
      /r2Score: y \(vector\(3\)\) is constant/,
    );
    expect(() => r2Score(y, Float64Array.of(1, 2))).toThrow(
      /r2Score: y and yHat must have the same, non-zero length/,
    );
  });

  it('largestEigenvalue: a matrix that is not symmetric', () => {
    const A = new Matrix(2, 2, Float64Array.of(1, 2, 0, 1));
    expect(() => largestEigenvalue(A)).toThrow(
      /largestEigenvalue: expected a symmetric A/,
    );
  });

  it('varianceInflationFactors: linearly dependent columns', () => {
    const { X } = noisyData();
    const dep = new Matrix(X.rows, 3);
    for (let i = 0; i < X.rows; i++) {
      dep.data.set([X.get(i, 0), X.get(i, 1), X.get(i, 0) - 2 * X.get(i, 1)], 3 * i);
    }
    expect(() => varianceInflationFactors(dep)).toThrow(
      /varianceInflationFactors: the columns of X \(40x3\) are linearly dependent/,
    );
  });

  it('powerIteration: a dimension that is not a positive integer', () => {
    expect(() => powerIteration((v) => v, 0)).toThrow(
      /powerIteration: d must be an integer >= 1, got 0/,
    );
  });
});

describe('the diabetes data and scikit-learn', () => {
  it('loads 442 rows of 10 features and a target', () => {
    const { X, y, features } = loadDiabetes();
    expect([X.rows, X.cols, y.length]).toEqual([442, 10, 442]);
    expect(features).toEqual(sk.data.features);
    expect([X.get(0, 0), X.get(441, 9), y[0], y[441]]).toEqual([59, 92, 151, 57]);
  });

  it('refuses a file whose SHA-256 differs from the README', () => {
    const text = readFileSync(diabetesPath(), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'diabetes-'));
    const path = join(dir, 'diabetes.csv');
    writeFileSync(path, text.replace('59,2,32.1', '59,2,32.2'));
    expect(() => loadDiabetes(path)).toThrow(
      new RegExp(`loadDiabetes: .* expected ${DIABETES_SHA256}`),
    );
    expect(sk.data.sha256).toBe(DIABETES_SHA256); // fixture, same file
  });

  it('matches scikit-learn within 100 κ(X)² ε, the normal equations’ error bound', () => {
    const { X, y } = loadDiabetes();
    const ours = fitNormalEquations(X, y);
    // forward error of the normal equations ≲ κ(XᵀX) ε = κ(X)² ε; the
    // library's own error (SVD) is ≲ κ(X) ε, so the bound covers both
    const tol = 100 * sk.condition_numbers.centered_raw ** 2 * Number.EPSILON;
    expect(tol).toBeLessThan(1e-8);
    expect(normwiseError(ours.w, sk.ols_raw.coef)).toBeLessThan(tol);
    expect(relativeError(ours.b, sk.ols_raw.intercept)).toBeLessThan(tol);
    const r2 = r2Score(y, predict(X, ours.w, ours.b));
    expect(relativeError(r2, sk.ols_raw.r2)).toBeLessThan(tol);
  });

  it('fitDiabetes (standardize, fit, map back) matches scikit-learn', () => {
    const fit = diabetes();
    const tol = 100 * sk.condition_numbers.standardized ** 2 * Number.EPSILON;
    expect(allClose(fit.mean, sk.standard_scaler.mean, { rtol: 1e-14 }))
      .toBe(true);
    expect(allClose(fit.scale, sk.standard_scaler.scale, { rtol: 1e-13 }))
      .toBe(true);
    expect(normwiseError(fit.standardized.w, sk.ols_standardized.coef))
      .toBeLessThan(tol);
    expect(normwiseError(fit.original.w, sk.ols_raw.coef)).toBeLessThan(1e-9);
    expect(relativeError(fit.r2, sk.ols_raw.r2)).toBeLessThan(1e-12);
  });

  it('fitDiabetes: gradient descent agrees with the normal equations', () => {
    const { gd, standardized } = diabetes();
    expect(gd.status).toBe('converged');
    expect(normwiseError(gd.w, standardized.w)).toBeLessThan(1e-6);
  });

  it('where we refuse a duplicated column, scikit-learn splits its weight', () => {
    const { X, y } = loadDiabetes();
    const dup = new Matrix(X.rows, 11);
    for (let i = 0; i < X.rows; i++) {
      dup.data.set(X.row(i), 11 * i);
      dup.data[11 * i + 10] = X.get(i, 2); // BMI again
    }
    expect(() => fitNormalEquations(dup, y)).toThrow(/XᵀX is singular/);
    const ours = fitNormalEquations(X, y).w[2];
    const [first, second] = [sk.duplicated_column.coef[2], sk.duplicated_column.coef[10]];
    expect(sk.duplicated_column.rank).toBe(10);
    expect(relativeError(first + second, ours)).toBeLessThan(1e-9);
    expect(relativeError(first, second)).toBeLessThan(1e-9); // minimum norm
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the model, its checks, loss, gradient, likelihood and the normal equations', () => {
    rejectsBadInput(badInput.model);
  });

  it('residuals, MSE and R²', () => {
    rejectsBadInput(badInput.metrics);
  });

  it('gradient descent, its step size and power iteration', () => {
    rejectsBadInput(badInput.descent);
  });

  it('standardization and the collinearity diagnostics', () => {
    rejectsBadInput(badInput.scaling);
  });

  it('the synthetic data and the pitfall experiments', () => {
    rejectsBadInput(badInput.experiments);
  });

  it('the diabetes loader', () => {
    rejectsBadInput(badInput.data);
  });

  it('the exercise solutions and the collinearity study', () => {
    rejectsBadInput(badInput.solutions);
  });
});

describe('review', () => {
  const eps = Number.EPSILON;
  /** The standardized diabetes Hessian H = ZᵀZ/n, symmetrized. */
  function diabetesHessian(): Matrix {
    const H = hessian(standardize(loadDiabetes().X).Z);
    const n = H.rows;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const m = (H.get(i, j) + H.get(j, i)) / 2;
        H.set(i, j, m);
        H.set(j, i, m);
      }
    }
    return H;
  }

  /** The standardized diabetes features with BMI's column twice. */
  function duplicatedBmi() {
    const { X, y } = loadDiabetes();
    const { Z, scale: s } = standardize(X);
    const d = Z.cols;
    const Zd = new Matrix(Z.rows, d + 1);
    for (let i = 0; i < Z.rows; i++) {
      Zd.data.set(Z.row(i), (d + 1) * i);
      Zd.data[(d + 1) * i + d] = Z.get(i, 2); // BMI
    }
    return { Zd, y, bmiScale: s[2] };
  }

  it('power iteration agrees with symmetricEigen on the diabetes Hessian', () => {
    const H = diabetesHessian();
    const { values } = symmetricEigen(H); // largest first
    expect(relativeError(largestEigenvalue(H), values[0])).toBeLessThan(1e-10);
    expect(relativeError(smallestEigenvalue(H), values[values.length - 1]))
      .toBeLessThan(1e-10);
  });

  it('an unconverged power-iteration estimate never exceeds λmax', () => {
    const H = diabetesHessian();
    const top = symmetricEigen(H).values[0];
    const early = powerIteration((v) => matvec(H, v), H.rows, { maxIter: 2 });
    expect(early.converged).toBe(false);
    expect(early.value).toBeLessThanOrEqual(top * (1 + 1e-15));
    expect(early.value).toBeGreaterThan(top / 2); // still a safe step
  });

  it('qrLeastSquares and fitNormalEquations agree on the diabetes fit within 100 κ(Xc)² ε', () => {
    const { X, y } = loadDiabetes();
    const { Xc, yc } = center(X, y);
    const { s } = svd(Xc);
    const kappa = s[0] / s[s.length - 1];
    const qr = qrLeastSquares(Xc, yc).w;
    const ne = fitNormalEquations(X, y).w;
    expect(normwiseError(ne, qr)).toBeLessThan(100 * kappa ** 2 * eps);
  });

  it('fitDiabetes matches scikit-learn within 100 κ(H_std) ε', () => {
    const fit = diabetes();
    const kappa = conditionNumber(hessian(fit.Z));
    const tol = 100 * kappa * eps; // about 1e-11
    expect(tol).toBeLessThan(2e-11);
    expect(normwiseError(fit.original.w, sk.ols_raw.coef)).toBeLessThan(tol);
    expect(relativeError(fit.original.b, sk.ols_raw.intercept))
      .toBeLessThan(tol);
  });

  it('the collinearity figure’s spreads are within two standard errors of Eq. (lr-cov)', () => {
    const study = collinearityStudy();
    expect(study.map((c) => c.rho)).toEqual([0, 0.95]);
    for (const c of study) {
      expect(Math.abs(c.sd1 - c.predictedSd1)).toBeLessThan(2 * c.se1);
    }
  });

  it('correlationMatrix and varianceInflationFactors name themselves on NaN', () => {
    const X = gaussianMatrix(3, 8, 3);
    X.data[4] = NaN;
    expect(() => correlationMatrix(X)).toThrow(/^correlationMatrix:/);
    expect(() => varianceInflationFactors(X))
      .toThrow(/^varianceInflationFactors:/);
  });

  it('Exercise 2: noise 1e-7 gives 1e12 < κ < 1/ε and a silent, wild fit', () => {
    const rng = createRng(1);
    const n = 50;
    const X = new Matrix(n, 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [a, b] = [rng.normal(), rng.normal()];
      X.set(i, 0, a);
      X.set(i, 1, b);
      X.set(i, 2, a + b + 1e-7 * rng.normal());
      y[i] = a - b + 0.1 * rng.normal(); // true weights (1, −1, 0)
    }
    const { Xc } = center(X, y);
    const kappa = conditionNumber(matmul(transpose(Xc), Xc));
    expect(kappa).toBeGreaterThan(1e12);
    expect(kappa).toBeLessThan(1 / eps);
    const { w } = fitNormalEquations(X, y); // no error
    expect(Math.abs(w[2])).toBeGreaterThan(1e3);
  });

  it('Exercise 1: ‖r‖²/(n − d − 1) is unbiased for σ² = 1 (within 4 s.e.)', () => {
    const { unbiased } = noiseVarianceStudy({ reps: 2000, n: 30, d: 4 });
    expect(Math.abs(unbiased.mean - 1)).toBeLessThan(4 * unbiased.se);
  });

  it('Exercise 1: ‖r‖²/n is biased low, near (n − d − 1)/n', () => {
    const { mle } = noiseVarianceStudy({ reps: 2000, n: 30, d: 4 });
    expect(mle.mean).toBeLessThan(1 - 4 * mle.se);
    expect(Math.abs(mle.mean - 25 / 30)).toBeLessThan(4 * mle.se);
  });

  it('Exercise 3: on the raw design QR errs below 10 κ ε, the normal equations below 10 κ² ε', () => {
    const { X, y } = loadDiabetes();
    const e = rawDesignErrors(X, y);
    expect(relativeError(e.kappa, sk.condition_numbers.ones_column_raw))
      .toBeLessThan(1e-8);
    expect(e.qrError).toBeLessThan(10 * e.kappa * eps);
    expect(e.normalError).toBeLessThan(10 * e.kappa ** 2 * eps);
  });

  it('Exercise 3: QR is at least ten times more accurate there', () => {
    const { X, y } = loadDiabetes();
    const e = rawDesignErrors(X, y);
    expect(10 * e.qrError).toBeLessThan(e.normalError);
  });

  it('Exercise 4: the Huber gradient matches central differences', () => {
    const { X, y } = noisyData();
    const A = addOnesColumn(X);
    const w = createRng(8).normalArray(4);
    // δ = 0.5: some residuals inside, some outside; none at a kink
    const check = gradientCheck(
      (v) => huberLoss(A, y, v, 0.5),
      (v) => huberGradient(A, y, v, 0.5),
      w,
    );
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
  });

  it('Exercise 4: with δ large the Huber fit is least squares', () => {
    const { X, y } = noisyData();
    const huber = fitHuber(X, y, 1e6);
    const ls = fitNormalEquations(X, y);
    expect(normwiseError(huber.w, ls.w)).toBeLessThan(1e-8);
  });

  it('Exercise 4: the outlier moves the Huber slope to 0.418, a quarter of least squares’ move', () => {
    const { huber, leastSquares } = huberOutlier(1.345 * 0.5);
    expect(Math.abs(huber[1] - 0.418)).toBeLessThan(0.005);
    const moved = huber[0] - huber[1];
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan((leastSquares[0] - leastSquares[1]) / 4);
  });

  it('Exercise 5: descent with BMI twice gives equal weights, scikit-learn’s, and the minimum norm', () => {
    const { Zd, y, bmiScale } = duplicatedBmi();
    const gd = fitGradientDescent(Zd, y);
    const d = Zd.cols - 1;
    expect(gd.status).toBe('converged');
    expect(Math.abs(gd.w[2] - gd.w[d])).toBeLessThan(1e-8 * Math.abs(gd.w[2]));
    const skBmi = sk.duplicated_column.coef;
    expect(relativeError(gd.w[2] / bmiScale, skBmi[2])).toBeLessThan(1e-6);
    expect(relativeError(gd.w[d] / bmiScale, skBmi[10])).toBeLessThan(1e-6);
    const { Xc, yc } = center(Zd, y);
    const shortest = minNormLeastSquares(Xc, yc);
    expect(normwiseError(gd.w, shortest)).toBeLessThan(1e-6);
  });
});
