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
  SINE,
  designConditioning,
} from '../code/model-evaluation/experiments.ts';
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
    // error √(2/R) ≈ 3.2%; bias² = 1/2 + (mean ȳ)², which is off by the
    // squared standard error of the mean ȳ, variance/R
    expect(relativeError(d.variance, variance)).toBeLessThan(Z * Math.sqrt(2 / R));
    expect(Math.abs(d.bias2 - 0.5)).toBeLessThan(Z * Z * variance / R);
  });

  it('raising the degree trades bias for variance, with a minimum of test error between', () => {
    const at = (degree: number) => decompose(
      simulate(SINE, { degree, n: 30, reps: 200, xTest }, createRng(50 + degree)), SINE);
    const [low, mid, high] = [at(1), at(3), at(9)];
    expect(low.bias2).toBeGreaterThan(10 * mid.bias2);
    expect(high.variance).toBeGreaterThan(10 * mid.variance);
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

  it('expected training MSE is σ²(n − p)/n + bias² (Eq. me-train-expected)', () => {
    const theory = optimismTheory(SINE, x, 3);
    const sim = optimismSimulation(SINE, x, 3, 400, createRng(61));
    const se = Math.sqrt(sim.train.variance / 400);
    expect(Math.abs(sim.train.mean - theory.train)).toBeLessThan(Z * se);
  });

  it('the in-sample test error exceeds it by 2σ²p/n on average (Eq. me-optimism)', () => {
    for (const degree of [3, 7]) {
      const R = 1000;
      const sim = optimismSimulation(SINE, x, degree, R, createRng(62 + degree));
      const p = degree + 1;
      const gap = (2 * SINE.sigma ** 2 * p) / n;
      const se = Math.sqrt(sim.gap.variance / R);
      expect(Math.abs(sim.gap.mean - gap)).toBeLessThan(Z * se);
      // sharp enough to tell 2σ²p/n from σ²p/n
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
