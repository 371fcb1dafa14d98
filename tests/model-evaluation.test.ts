// Tests for the model-evaluation chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/linear-models/
// model-evaluation.mdx. Monte-Carlo claims are checked within four
// standard errors of the simulation, computed from the simulation
// itself: a correct claim fails such a test with probability below
// 1e-4, and the seeds are fixed, so a test that passes stays passed.
import { describe, expect, it } from 'vitest';
import {
  gradientCheck,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { moments } from '../code/introduction/stats.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { svd } from '../code/decompositions/svd.ts';
import { takeRows } from '../code/gradient-descent/batches.ts';
import { loadDiabetes } from '../code/linear-regression/diabetes.ts';
import {
  meanSquaredError,
  r2Score,
} from '../code/linear-regression/metrics.ts';
import { center } from '../code/linear-regression/model.ts';
import { median } from '../code/statistics/bootstrap.ts';
import { kFoldIndices } from '../code/regularization/cross-validation.ts';
import {
  decompose,
  simulate,
} from '../code/model-evaluation/bias-variance.ts';
import {
  checkFolds,
  crossValidate,
  learningCurve,
  leastSquares,
} from '../code/model-evaluation/cross-validation.ts';
import {
  diabetesCrossValidation,
  diabetesHoldout,
  diabetesSpread,
} from '../code/model-evaluation/diabetes.ts';
import {
  FITS,
  OPTIMISM,
  SINE,
  designConditioning,
  fitsAtDegrees,
  optimismTable,
} from '../code/model-evaluation/experiments.ts';
import { leakageStudy } from '../code/model-evaluation/solutions/leakage.ts';
import { looMse } from '../code/model-evaluation/solutions/loo-least-squares.ts';
import {
  ridgeFeatures,
  ridgeOptimism,
  ridgeTrace,
} from '../code/model-evaluation/solutions/ridge-optimism.ts';
import { predict } from '../code/linear-regression/model.ts';
import { ridgeCholesky } from '../code/regularization/ridge.ts';
import type { Problem } from '../code/model-evaluation/bias-variance.ts';
import {
  meanAbsoluteError,
  rootMeanSquaredError,
} from '../code/model-evaluation/metrics.ts';
import {
  fixedDesign,
  optimismSimulation,
  optimismTheory,
} from '../code/model-evaluation/optimism.ts';
import {
  fitPolynomial,
  polynomialDesign,
  predictPolynomial,
} from '../code/model-evaluation/polynomial.ts';
import {
  trainTestSplit,
  trainValidationTestSplit,
} from '../code/model-evaluation/splits.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/model-evaluation.ts';

const sk = fixture('model-evaluation', 'sklearn.json');
const lrSk = fixture('linear-regression', 'sklearn.json');

const EPS = Number.EPSILON;
/** The 50 test inputs of the simulations: midpoints of 50 cells. */
const xTest = Float64Array.from({ length: 50 }, (_, t) => (t + 0.5) / 50);
/** Four standard errors: the Monte-Carlo tolerance (see the header). */
const Z = 4;

/** κ₂ of X after centring its columns, from our SVD. */
function centredCondition(X: Matrix): number {
  const { Xc } = center(X, new Float64Array(X.rows));
  const { s } = svd(Xc);
  return s[0] / s[s.length - 1];
}

/** The diabetes cross-validation fits 472 models: run it once. */
let cvCache: ReturnType<typeof diabetesCrossValidation> | undefined;
function diabetesCv() {
  cvCache ??= diabetesCrossValidation();
  return cvCache;
}

/** How many test sets hold each index 0..n−1. */
function heldOutCounts(folds: { test: number[] }[], n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const f of folds) for (const i of f.test) counts[i]++;
  return counts;
}

describe('regression metrics', () => {
  it('MAE, RMSE and R² of a small example match scikit-learn', () => {
    const { y, y_pred: yHat, mae, rmse, r2 } = sk.metrics_small;
    const a = Float64Array.from(y);
    const b = Float64Array.from(yHat);
    // a handful of roundings of numbers of size ~10: 1e-15 relative
    expect(relativeError(meanAbsoluteError(a, b), mae)).toBeLessThan(1e-15);
    expect(relativeError(rootMeanSquaredError(a, b), rmse))
      .toBeLessThan(1e-15);
    expect(relativeError(r2Score(a, b), r2)).toBeLessThan(1e-15);
  });

  it('the mean minimizes the MSE of a constant: derivative zero (Eq. me-best-constant)', () => {
    const y = createRng(21).normalArray(15, 3, 2);
    const mse = (c: Float64Array) =>
      meanSquaredError(y, new Float64Array(y.length).fill(c[0]));
    const ybar = moments(y).mean;
    // d/dc MSE = −2(ȳ − c), checked against central differences
    const check = gradientCheck(mse, (c) => Float64Array.of(-2 * (ybar - c[0])),
      Float64Array.of(1.7));
    expect(check.ok, `max error ${check.maxError}`).toBe(true);
    expect(mse(Float64Array.of(ybar))).toBeLessThan(mse(Float64Array.of(ybar + 1e-3)));
    expect(mse(Float64Array.of(ybar))).toBeLessThan(mse(Float64Array.of(ybar - 1e-3)));
  });

  it('the median minimizes the MAE of a constant (Eq. me-best-constant)', () => {
    const y = createRng(22).normalArray(15, 3, 2); // odd n: a unique median
    const mae = (c: number) =>
      meanAbsoluteError(y, new Float64Array(y.length).fill(c));
    const m = median(y);
    for (const c of [m - 0.1, m - 1e-6, m + 1e-6, m + 0.1, moments(y).mean]) {
      expect(mae(m)).toBeLessThan(mae(c));
    }
  });

  it('RMSE is never below MAE, and equals it when all errors are equal', () => {
    const rng = createRng(23);
    for (let trial = 0; trial < 50; trial++) {
      const y = rng.normalArray(8);
      const yHat = rng.normalArray(8, 0, 3);
      // Jensen: mean of squares >= square of mean; 1e-15 for rounding
      expect(rootMeanSquaredError(y, yHat))
        .toBeGreaterThanOrEqual(meanAbsoluteError(y, yHat) * (1 - 1e-15));
    }
    const y = Float64Array.of(1, 2, 3);
    const yHat = Float64Array.of(3, 0, 5); // every |error| is 2
    expect(rootMeanSquaredError(y, yHat)).toBe(2);
    expect(meanAbsoluteError(y, yHat)).toBe(2);
  });

  it('held-out R² is 1 − MSE / (variance of the test targets), and can be negative', () => {
    const y = Float64Array.of(1, 2, 3, 4);
    const yHat = Float64Array.of(4, 3, 2, 1); // worse than predicting ȳ
    const variance = moments(y).variance * (3 / 4); // divisor n
    expect(relativeError(r2Score(y, yHat), 1 - meanSquaredError(y, yHat) / variance))
      .toBeLessThan(1e-15);
    expect(r2Score(y, yHat)).toBe(-3);
  });

  it('MAE and RMSE reject NaN and mismatched lengths, naming themselves', () => {
    const a = Float64Array.of(1, 2);
    expect(() => meanAbsoluteError(a, Float64Array.of(1, NaN)))
      .toThrow(/meanAbsoluteError.*NaN/);
    expect(() => rootMeanSquaredError(a, Float64Array.of(1)))
      .toThrow(/rootMeanSquaredError.*same, non-zero length/);
  });
});

describe('hold-out splits', () => {
  it('train/test sizes follow scikit-learn’s rule (test = ⌈fraction · n⌉)', () => {
    for (const c of sk.train_test_split_sizes) {
      const s = trainTestSplit(c.n, c.test_size, createRng(1));
      expect([s.train.length, s.test.length]).toEqual([c.n_train, c.n_test]);
    }
  });

  it('a split is a partition of 0..n−1 and is reproduced by its seed', () => {
    const a = trainTestSplit(50, 0.2, createRng(4));
    expect([...a.train, ...a.test].sort((x, y) => x - y))
      .toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(trainTestSplit(50, 0.2, createRng(4))).toEqual(a);
    expect(trainTestSplit(50, 0.2, createRng(5)).test).not.toEqual(a.test);
  });

  it('the three-way split partitions 0..n−1 into parts of the stated sizes', () => {
    const s = trainValidationTestSplit(101, 0.2, 0.1, createRng(6));
    expect([s.train.length, s.validation.length, s.test.length])
      .toEqual([101 - 21 - 11, 21, 11]);
    expect([...s.train, ...s.validation, ...s.test].sort((x, y) => x - y))
      .toEqual(Array.from({ length: 101 }, (_, i) => i));
  });

  it('splits reject fractions outside (0, 1) and splits with no training data', () => {
    expect(() => trainTestSplit(10, 0, createRng(1))).toThrow(/trainTestSplit.*\(0, 1\)/);
    expect(() => trainTestSplit(10, 0.95, createRng(1))).toThrow(/no training/);
    expect(() => trainValidationTestSplit(10, 0.5, 0.5, createRng(1)))
      .toThrow(/trainValidationTestSplit.*no training/);
  });

  it('takeRows (gradient-descent chapter) turns split indices into data', () => {
    const X = new Matrix(3, 2, Float64Array.of(1, 2, 3, 4, 5, 6));
    const y = Float64Array.of(7, 8, 9);
    const part = takeRows(X, y, [2, 0]);
    expect(Array.from(part.X.data)).toEqual([5, 6, 1, 2]);
    expect(Array.from(part.y)).toEqual([9, 7]);
    expect(Array.from(takeRows(X, y, [1, 1]).y)).toEqual([8, 8]);
    // row i of Z is (i, 10 i) and y_i = i: the parts of a split keep
    // each row with its target and together hold every row once
    const n = 20;
    const Z = new Matrix(n, 2, Float64Array.from({ length: 2 * n },
      (_, t) => (t % 2 ? 10 : 1) * Math.floor(t / 2)));
    const t = Float64Array.from({ length: n }, (_, i) => i);
    const split = trainTestSplit(n, 0.25, createRng(3));
    const seen: number[] = [];
    for (const idx of [split.train, split.test]) {
      const p = takeRows(Z, t, idx);
      p.y.forEach((yi, r) => {
        expect([p.X.get(r, 0), p.X.get(r, 1)]).toEqual([yi, 10 * yi]);
        seen.push(yi);
      });
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from(t));
  });

  it('takeRows refuses indices outside the data and non-finite data', () => {
    const X = new Matrix(3, 2, Float64Array.of(1, 2, 3, 4, 5, 6));
    const y = Float64Array.of(7, 8, 9);
    expect(() => takeRows(X, y, [3])).toThrow(/takeRows.*\[0, 3\).*got \[3\]/);
    expect(() => takeRows(X, y, [0.5])).toThrow(/takeRows/);
    expect(() => takeRows(X, Float64Array.of(7, NaN, 9), [0]))
      .toThrow(/takeRows: y .*NaN/);
  });
});

describe('k-fold cross-validation', () => {
  it('k-fold partitions cover every sample exactly once', () => {
    const cases: [number, number, boolean][] = [
      [10, 3, false], [11, 4, false], [442, 10, false], [7, 7, false],
      [10, 3, true], [97, 5, true], [20, 20, true],
    ];
    for (const [n, k, shuffled] of cases) {
      const folds = kFoldIndices(n, k, shuffled ? createRng(n) : undefined);
      expect(folds.length).toBe(k);
      expect(heldOutCounts(folds, n)).toEqual(new Array(n).fill(1));
      const sizes = folds.map((f) => f.test.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(() => checkFolds('test', folds, n)).not.toThrow();
    }
  });

  it('unshuffled folds are scikit-learn’s KFold test sets, exactly', () => {
    for (const c of sk.kfold) {
      expect(kFoldIndices(c.n, c.k).map((f) => f.test)).toEqual(c.test);
    }
  });

  it('crossValidate refuses folds that overlap, miss a sample or leak', () => {
    const good = kFoldIndices(6, 3);
    const overlap = [good[0], { train: [0, 1, 4, 5], test: [1, 2] }, good[2]];
    const missing = good.slice(0, 2);
    const leak = [{ train: [0, 1, 2, 3], test: [0, 1] }, ...good.slice(1)];
    const X = new Matrix(6, 1, Float64Array.of(1, 2, 3, 4, 5, 7));
    const y = Float64Array.of(1, 3, 2, 5, 4, 6);
    const run = (folds: typeof good) =>
      crossValidate(X, y, folds, leastSquares, meanSquaredError);
    expect(() => run(overlap)).toThrow(/crossValidate.*already held out/);
    expect(() => run(missing)).toThrow(/crossValidate.*sample 4 is in no test set/);
    expect(() => run(leak)).toThrow(/crossValidate.*not the complement/);
  });

  it('10-fold scores on diabetes match cross_val_score (R², MSE, MAE)', () => {
    const cv = diabetesCv();
    const ref = sk.cross_val_score;
    // Each fold solves a least-squares problem on ~400 rows whose
    // centred κ(X) is about that of the whole data (lr fixture): the
    // normal equations lose at most ~κ²ε, the library (SVD) ~κε; allow
    // 100 κ²ε, as the linear-regression chapter does.
    const tol = 100 * lrSk.condition_numbers.centered_raw ** 2 * EPS;
    cv.r2.scores.forEach((s, f) => {
      expect(relativeError(s, ref.r2[f])).toBeLessThan(tol);
    });
    cv.mse.scores.forEach((s, f) => {
      expect(relativeError(s, -ref.neg_mean_squared_error[f])).toBeLessThan(tol);
    });
    cv.mae.scores.forEach((s, f) => {
      expect(relativeError(s, -ref.neg_mean_absolute_error[f])).toBeLessThan(tol);
    });
    expect(relativeError(cv.looMse, sk.leave_one_out_mse)).toBeLessThan(tol);
  });

  it('cross-validated MSE on diabetes exceeds the training MSE', () => {
    const cv = diabetesCv();
    expect(relativeError(cv.trainMse, sk.training_mse_full)).toBeLessThan(1e-9);
    expect(cv.mse.mean).toBeGreaterThan(cv.trainMse);
    expect(cv.looMse).toBeGreaterThan(cv.trainMse);
  });

  it('one hold-out split on diabetes: metrics match scikit-learn', () => {
    const h = diabetesHoldout(sk.holdout.train_rows);
    const tol = 100 * lrSk.condition_numbers.centered_raw ** 2 * EPS;
    expect(relativeError(h.mae, sk.holdout.mae)).toBeLessThan(tol);
    expect(relativeError(h.mse, sk.holdout.mse)).toBeLessThan(tol);
    expect(relativeError(h.rmse, sk.holdout.rmse)).toBeLessThan(tol);
    expect(relativeError(h.r2, sk.holdout.r2)).toBeLessThan(tol);
    sk.holdout.first_predictions.forEach((p: number, i: number) => {
      expect(relativeError(h.yHat[i], p)).toBeLessThan(tol);
    });
  });

  it('a single hold-out estimate varies far more between splits than 10-fold CV', () => {
    const { holdout, kFold } = diabetesSpread(10, 99);
    // at build time, 200 repeats give a ratio of standard deviations
    // near 17; 10 repeats estimate each standard deviation within a
    // factor of about 2 (4 standard errors of ±24%), so 3 is safe
    const ratio = Math.sqrt(moments(holdout).variance / moments(kFold).variance);
    expect(ratio).toBeGreaterThan(3);
  });
});

describe('learning curves', () => {
  it('learningCurve matches scikit-learn’s learning_curve on diabetes', () => {
    const { X, y } = loadDiabetes();
    const ref = sk.learning_curve;
    const folds = kFoldIndices(X.rows, ref.k);
    const lc = learningCurve(X, y, folds, ref.sizes, leastSquares,
      meanSquaredError);
    ref.sizes.forEach((m: number, s: number) => {
      folds.forEach((fold, f) => {
        // the fit on m rows is as accurate as those rows' conditioning
        // allows: 100 κ²ε with κ of the centred m × 10 design
        const kappa = centredCondition(takeRows(X, y, fold.train.slice(0, m)).X);
        const tol = 100 * kappa ** 2 * EPS;
        expect(relativeError(lc.train[s][f], -ref.train_neg_mse[s][f]))
          .toBeLessThan(tol);
        expect(relativeError(lc.test[s][f], -ref.test_neg_mse[s][f]))
          .toBeLessThan(tol);
      });
    });
  });

  it('learningCurve refuses sizes larger than the smallest training fold', () => {
    const { X, y } = loadDiabetes();
    const folds = kFoldIndices(X.rows, 5);
    expect(() => learningCurve(X, y, folds, [354], leastSquares, meanSquaredError))
      .toThrow(/learningCurve: size 354 .*\[1, 353\]/);
  });

  it('with more data, training error rises and test error falls towards σ²', () => {
    const at = (n: number) => decompose(
      simulate(SINE, { degree: 5, n, reps: 300, xTest }, createRng(n)), SINE);
    const small = at(20);
    const large = at(160);
    expect(small.trainError).toBeLessThan(large.trainError);
    expect(large.trainError).toBeLessThan(large.testError);
    expect(large.testError).toBeLessThan(small.testError);
  });
});

describe('polynomial regression', () => {
  it('recovers a cubic exactly from noiseless data', () => {
    const x = createRng(31).uniformArray(12, -2, 3);
    const p = (t: number) => 1 - 2 * t + 0.5 * t ** 3;
    const fit = fitPolynomial(x, x.map(p), 3, { lo: -2, hi: 3 });
    const grid = Float64Array.of(-2, -0.3, 1, 2.9);
    const got = predictPolynomial(fit, grid);
    // κ of this 12 × 4 design is below 100, |p| <= 15: 1e-12 is ~500 ε·|p|κ
    got.forEach((v, i) => expect(Math.abs(v - p(grid[i]))).toBeLessThan(1e-12));
  });

  it('rescaling x to [−1, 1] makes the design over 1000 times better conditioned', () => {
    const c = designConditioning(9);
    expect(c.raw / c.scaled).toBeGreaterThan(1000);
  });

  it('our condition numbers of both designs match NumPy’s', () => {
    const c = designConditioning(sk.polynomial.degree, sk.polynomial.n);
    // an SVD gets σ_min to about κε relative: allow 100 κε
    expect(relativeError(c.raw, sk.polynomial.cond_raw))
      .toBeLessThan(100 * sk.polynomial.cond_raw * EPS);
    expect(relativeError(c.scaled, sk.polynomial.cond_scaled))
      .toBeLessThan(100 * sk.polynomial.cond_scaled * EPS);
  });

  it('a degree-9 fit predicts what PolynomialFeatures + LinearRegression predicts', () => {
    const { n, degree, grid, predictions, cond_raw: kappa } = sk.polynomial;
    const i = Float64Array.from({ length: n }, (_, k) => k);
    const x = i.map((k) => k / (n - 1));
    const y = x.map((xi, k) => Math.sin(2 * Math.PI * xi) + 0.3 * Math.sin(12.9898 * k));
    const fit = fitPolynomial(x, y, degree, { lo: 0, hi: 1 });
    const ours = predictPolynomial(fit, Float64Array.from(grid));
    // the library solves in the raw basis, with error ~κ_raw ε relative
    // to the size of y (about 1.3); ours in the scaled basis is far more
    // accurate, so 100 κ_raw ε · max|y| bounds the difference
    const tol = 100 * kappa * EPS * Math.max(...y.map(Math.abs));
    ours.forEach((v, k) => expect(Math.abs(v - predictions[k])).toBeLessThan(tol));
  });

  it('polynomial functions reject bad degrees, domains and too few points', () => {
    const x = Float64Array.of(0, 0.5, 1);
    expect(() => polynomialDesign(x, -1, SINE.domain)).toThrow(/polynomialDesign: degree/);
    expect(() => polynomialDesign(x, 2, { lo: 1, hi: 1 })).toThrow(/lo < hi/);
    expect(() => fitPolynomial(x, x, 3, SINE.domain)).toThrow(/fitPolynomial: degree 3 needs at least 4/);
    expect(() => polynomialDesign(Float64Array.of(NaN), 1, SINE.domain)).toThrow(/NaN/);
  });
});

describe('the bias–variance decomposition', () => {

  it('bias² + variance is exactly the mean squared distance of the fits from f', () => {
    const sim = simulate(SINE, { degree: 3, n: 30, reps: 50, xTest }, createRng(41));
    const d = decompose(sim, SINE);
    let direct = 0;
    sim.preds.forEach((p, t) => {
      const f = SINE.f(xTest[t]);
      for (const v of p) direct += (v - f) ** 2 / (p.length * xTest.length);
    });
    // an algebraic identity (Eq. stat-mse with divisor R): rounding only
    expect(relativeError(d.bias2 + d.variance, direct)).toBeLessThan(1e-12);
  });

  it('simulated bias² + variance + noise equals the measured expected test error (Eq. me-bias-variance)', () => {
    const sim = simulate(SINE, { degree: 1, n: 30, reps: 300, xTest }, createRng(42));
    const d = decompose(sim, SINE);
    const sum = d.bias2 + d.variance + d.noise;
    expect(Math.abs(d.testError - sum)).toBeLessThan(Z * d.mcError);
    // the tolerance is smaller than each term, so a decomposition that
    // left out any one of them would fail
    const smallest = Math.min(d.bias2, d.variance, d.noise);
    expect(Z * d.mcError).toBeLessThan(smallest / 2);
  });

  it('the decomposition also holds for a high-variance fit (degree 9)', () => {
    const sim = simulate(SINE, { degree: 9, n: 30, reps: 300, xTest }, createRng(43));
    const d = decompose(sim, SINE);
    expect(d.variance).toBeGreaterThan(10 * d.bias2);
    expect(Math.abs(d.testError - (d.bias2 + d.variance + d.noise)))
      .toBeLessThan(Z * d.mcError);
  });

  it('the constant model matches its closed form: bias² = 1/2, variance = (1/2 + σ²)/n', () => {
    const n = 30;
    const R = 2000;
    const sim = simulate(SINE, { degree: 0, n, reps: R, xTest }, createRng(44));
    const d = decompose(sim, SINE);
    const variance = (0.5 + SINE.sigma ** 2) / n; // Eq. (me-constant-model)
    // ȳ is nearly normal, so its sample variance has relative standard
    // error √(2/R) ≈ 3.2%; the unbiased bias² is within Z of its own
    // standard errors of 1/2
    expect(relativeError(d.variance, variance)).toBeLessThan(Z * Math.sqrt(2 / R));
    expect(Math.abs(d.bias2 - 0.5)).toBeLessThan(Z * d.bias2Se);
  });

  it('raising the degree from 1 to 3 cuts bias² tenfold; from 3 to 9 it multiplies variance tenfold and leaves bias² indistinguishable from zero; test error is least between', () => {
    const at = (degree: number) => decompose(
      simulate(SINE, { degree, n: 30, reps: 200, xTest }, createRng(50 + degree)), SINE);
    const [low, mid, high] = [at(1), at(3), at(9)];
    expect(low.bias2).toBeGreaterThan(10 * mid.bias2);
    expect(high.variance).toBeGreaterThan(10 * mid.variance);
    expect(Math.abs(high.bias2)).toBeLessThan(2 * high.bias2Se);
    expect(mid.testError).toBeLessThan(low.testError);
    expect(mid.testError).toBeLessThan(high.testError);
    expect(high.trainError).toBeLessThan(mid.trainError);
    expect(mid.trainError).toBeLessThan(low.trainError);
  });

  it('simulate rejects bad specifications, naming itself', () => {
    const spec = { degree: 3, n: 30, reps: 10, xTest };
    expect(() => simulate({ ...SINE, sigma: -1 }, spec, createRng(1))).toThrow(/simulate: sigma/);
    expect(() => simulate(SINE, { ...spec, reps: 1 }, createRng(1))).toThrow(/simulate: reps/);
    expect(() => simulate(SINE, { ...spec, n: 3 }, createRng(1))).toThrow(/simulate: degree 3 needs n >= 4/);
    expect(() => simulate(SINE, { ...spec, xTest: Float64Array.of(Infinity) }, createRng(1)))
      .toThrow(/simulate: xTest/);
  });
});

describe('why training error is optimistic', () => {
  const n = 20;
  const x = fixedDesign(SINE, n);

  it('expected training MSE is δ² + σ²(n − d)/n (Eq. me-train-expected)', () => {
    const theory = optimismTheory(SINE, x, 3);
    const sim = optimismSimulation(SINE, x, 3, 400, createRng(61));
    const se = Math.sqrt(sim.train.variance / 400);
    expect(Math.abs(sim.train.mean - theory.train)).toBeLessThan(Z * se);
  });

  it('the in-sample test error exceeds it by 2σ²d/n on average (Eq. me-optimism)', () => {
    for (const degree of [3, 7]) {
      const R = 1000;
      const sim = optimismSimulation(SINE, x, degree, R, createRng(62 + degree));
      const d = degree + 1;
      const gap = (2 * SINE.sigma ** 2 * d) / n;
      const se = Math.sqrt(sim.gap.variance / R);
      expect(Math.abs(sim.gap.mean - gap)).toBeLessThan(Z * se);
      // sharp enough to tell 2σ²d/n from σ²d/n
      expect(Z * se).toBeLessThan(gap / 2);
    }
  });

  it('optimismSimulation rejects fewer than two repetitions', () => {
    expect(() => optimismSimulation(SINE, x, 1, 1, createRng(1)))
      .toThrow(/optimismSimulation: reps/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('polynomial design, fit and prediction', () => {
    rejectsBadInput(badInput.polynomial);
  });

  it('the simulation, its decomposition and the optimism', () => {
    rejectsBadInput(badInput.biasVariance);
  });

  it('cross-validation, learning curves, MAE, RMSE and the splits', () => {
    rejectsBadInput(badInput.cv);
  });

  it('the diabetes evaluations', () => {
    rejectsBadInput(badInput.diabetes);
  });
});

describe('review', () => {
  /** f(x) = 1 − 2t + t³ with t = 2x − 1: a cubic, inside degree 3. */
  const CUBIC: Problem = {
    f: (x) => { const t = 2 * x - 1; return 1 - 2 * t + t ** 3; },
    sigma: 0.3,
    domain: { lo: 0, hi: 1 },
  };

  it('the unbiased bias² is the plug-in (ē_t)² minus s_t²/B, and the average over pairs of distinct fits (Eq. me-bias2-unbiased)', () => {
    const B = 40;
    const sim = simulate(SINE, { degree: 5, n: 30, reps: B, xTest }, createRng(71));
    const d = decompose(sim, SINE);
    let plugIn = 0;
    let correction = 0;
    let pairs = 0;
    sim.preds.forEach((p, t) => {
      const e = Array.from(p, (v) => v - SINE.f(xTest[t]));
      const mean = e.reduce((a, b) => a + b, 0) / B;
      const s2 = e.reduce((a, v) => a + (v - mean) ** 2, 0) / (B - 1);
      plugIn += mean ** 2 / xTest.length;
      correction += s2 / B / xTest.length;
      for (let r = 0; r < B; r++) {
        for (let q = 0; q < B; q++) {
          if (q !== r) pairs += (e[r] * e[q]) / (B * (B - 1) * xTest.length);
        }
      }
    });
    // two algebraically equal sums of ~2000 terms of size ~1e-2: 1e-12
    expect(Math.abs(d.bias2 - (plugIn - correction))).toBeLessThan(1e-12);
    expect(Math.abs(d.bias2 - pairs)).toBeLessThan(1e-12);
  });

  it('the jackknife standard error of bias² equals leave-one-fit-out recomputation (Eq. me-bias2-se)', () => {
    const B = 12;
    const sim = simulate(SINE, { degree: 3, n: 30, reps: B, xTest }, createRng(72));
    const d = decompose(sim, SINE);
    const leftOut = Array.from({ length: B }, (_, r) => {
      const keep = (p: Float64Array) => p.filter((_, q) => q !== r);
      return decompose({ ...sim, reps: B - 1, preds: sim.preds.map(keep),
        trainErrors: keep(sim.trainErrors), testErrors: keep(sim.testErrors),
      }, SINE).bias2;
    });
    const mean = leftOut.reduce((a, b) => a + b, 0) / B;
    const jack = Math.sqrt(((B - 1) / B) *
      leftOut.reduce((a, v) => a + (v - mean) ** 2, 0));
    expect(relativeError(d.bias2Se, jack)).toBeLessThan(1e-9);
  });

  it('a model that contains the true function has bias² zero within three standard errors, and those are below 1e-4', () => {
    const sim = simulate(CUBIC, { degree: 3, n: 30, reps: 500, xTest }, createRng(77));
    const d = decompose(sim, CUBIC);
    expect(Math.abs(d.bias2)).toBeLessThan(3 * d.bias2Se);
    expect(3 * d.bias2Se).toBeLessThan(1e-4);
  });

  it('a model that does not contain the true function (a quadratic for the cubic) fails that test', () => {
    const sim = simulate(CUBIC, { degree: 2, n: 30, reps: 500, xTest }, createRng(77));
    const d = decompose(sim, CUBIC);
    expect(d.bias2).toBeGreaterThan(3 * d.bias2Se);
    expect(d.bias2).toBeGreaterThan(1e-4);
  });

  it('Figure me-fits: the degree-9 average misses f at the ends by less than 2 SE, the degree-3 average by more than 4 SE', () => {
    const fits = fitsAtDegrees();
    expect(FITS.degrees).toEqual([1, 3, 9]);
    const ends = (i: number) => {
      const { sim } = fits[i];
      return [0, sim.xTest.length - 1].map((t) => {
        const m = moments(sim.preds[t]);
        return { gap: Math.abs(m.mean - SINE.f(sim.xTest[t])),
          se: Math.sqrt(m.variance / sim.reps) };
      });
    };
    for (const e of ends(2)) expect(e.gap).toBeLessThan(2 * e.se);
    const worst3 = ends(1).reduce((a, b) => (b.gap > a.gap ? b : a));
    expect(worst3.gap).toBeGreaterThan(4 * worst3.se);
  });

  it('with d = n the fit interpolates: expected training error 0, in-sample error 2σ²', () => {
    const n = 12;
    const x = fixedDesign(SINE, n);
    const t = optimismTheory(SINE, x, n - 1);
    expect(Math.abs(t.train)).toBeLessThan(1e-8);
    expect(Math.abs(t.inSample - 2 * SINE.sigma ** 2)).toBeLessThan(1e-8);
  });

  it('every row of the optimism table agrees with Eqs. (me-train-expected) and (me-optimism) within four standard errors', () => {
    const { reps } = OPTIMISM;
    for (const row of optimismTable()) {
      const trainSe = Math.sqrt(row.sim.train.variance / reps);
      const gapSe = Math.sqrt(row.sim.gap.variance / reps);
      const gap = row.theory.inSample - row.theory.train;
      expect(Math.abs(row.sim.train.mean - row.theory.train)).toBeLessThan(Z * trainSe);
      expect(Math.abs(row.sim.gap.mean - gap)).toBeLessThan(Z * gapSe);
      expect(gap).toBeCloseTo((2 * SINE.sigma ** 2 * row.d) / OPTIMISM.n, 12);
    }
  });

  it('for even m every point between the two middle values minimizes the MAE of a constant', () => {
    const y = Float64Array.of(5, 1, 2, 9); // middle values 2 and 5
    const mae = (c: number) => meanAbsoluteError(y, new Float64Array(4).fill(c));
    for (const c of [2, 3, 4.5, 5]) expect(mae(c)).toBeCloseTo(mae(2), 14);
    expect(mae(1.9)).toBeGreaterThan(mae(2));
    expect(mae(5.1)).toBeGreaterThan(mae(5));
  });

  it('exercise 2: the ridge trace is the diagonal sum of its smoother, and the simulated optimism is 2σ² tr S / n', () => {
    const n = 20;
    const x = fixedDesign(SINE, n);
    const X = ridgeFeatures(x, 9, SINE);
    const lambda_ = 1e-2;
    // column i of S is the fit to the unit vector e_i
    let diag = 0;
    for (let i = 0; i < n; i++) {
      const e = new Float64Array(n);
      e[i] = 1;
      const { w, b } = ridgeCholesky(X, e, lambda_);
      diag += predict(X, w, b)[i];
    }
    const trace = ridgeTrace(X, lambda_);
    expect(Math.abs(trace - diag)).toBeLessThan(1e-10);
    expect(trace).toBeLessThan(10); // fewer than the 10 columns of LS
    const R = 2000;
    const gap = ridgeOptimism(SINE, x, 9, lambda_, R, createRng(4100));
    const predicted = (2 * SINE.sigma ** 2 * trace) / n;
    expect(Math.abs(gap.mean - predicted)).toBeLessThan(Z * Math.sqrt(gap.variance / R));
  });

  it('exercise 3: leave-one-out MSE from one fit equals 442 separate fits', () => {
    const { X, y } = loadDiabetes();
    expect(relativeError(looMse(X, y), diabetesCv().looMse)).toBeLessThan(1e-10);
  });

  it('exercise 3: looMse refuses a row of leverage 1', () => {
    // the last row alone fixes the second column's weight: P_ii = 1
    const X = new Matrix(4, 2, Float64Array.of(1, 0, 2, 0, 3, 0, 4, 1));
    expect(() => looMse(X, Float64Array.of(1, 2, 3, 4))).toThrow(/^looMse: row 3/);
  });

  it('exercise 4: selecting features on all the data makes CV report less than the best possible risk 1; selecting inside the folds does not', () => {
    const { leaky, honest } = leakageStudy();
    expect(leaky).toBeLessThan(1);
    expect(honest).toBeGreaterThan(1);
  });
});
