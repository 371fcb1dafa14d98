// @unshown: harness for the tables and figures; it runs shown code
// The experiments of the chapter, each a plain function of fixed inputs,
// so that the page, the figures and the tests share them. Node only: it
// loads the iris and digits files.
import { loadIris } from '../calculus/iris.ts';
import { symmetricEigen } from '../decompositions/eigen.ts';
import { createRng } from '../introduction/random.ts';
import {
  requireInteger,
  requirePositive,
} from '../introduction/checks.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { fitLogisticNewton } from '../logistic-regression/fit.ts';
import { loadDigits } from './digits.ts';
import { centredObjective, fitSoftmax, type SoftmaxFit } from './fit.ts';
import { accuracyOf, confusionMatrix } from './metrics.ts';
import { classScores, predictClass, softmaxHessian } from './model.ts';
import { softmaxLoss } from './model.ts';

/** λ of every real-data fit: scikit-learn's default C = 1/λ = 1. */
export const LAMBDA = 1;
export const SPECIES = ['setosa', 'versicolor', 'virginica'];

/** Iris restricted to the columns `cols` (0..3), all 150 flowers. */
export function irisColumns(cols: number[]) {
  checkIndices('irisColumns', 'cols', cols, 4);
  const iris = loadIris();
  const X = new Matrix(iris.X.rows, cols.length);
  for (let i = 0; i < X.rows; i++) {
    cols.forEach((c, j) => X.set(i, j, iris.X.get(i, c)));
  }
  return { X, y: iris.y, features: cols.map((c) => iris.features[c]) };
}

/** The model on all four iris measurements, or on the petals only. */
export function irisStudy(cols = [0, 1, 2, 3]) {
  checkIndices('irisStudy', 'cols', cols, 4);
  const { X, y, features } = irisColumns(cols);
  const fit = fitSoftmax(X, y, { lambda_: LAMBDA });
  const yHat = predictClass(X, fit.Theta);
  return { X, y, features, fit, yHat, accuracy: accuracyOf(y, yHat),
    confusion: confusionMatrix(y, yHat, 3) };
}

/** Digits scaled to [0, 1]: the listed rows of the file, in order. */
export function digitsRows(rows: number[]) {
  checkIndices('digitsRows', 'rows', rows, 1797);
  const all = loadDigits();
  const X = new Matrix(rows.length, 64);
  rows.forEach((i, r) => {
    for (let j = 0; j < 64; j++) X.data[r * 64 + j] = all.X.get(i, j) / 16;
  });
  return { X, y: Int32Array.from(rows, (i) => all.y[i]) };
}

/** Every fourth image (i % 4 = 3) is held out for testing. */
function digitsSplit() {
  const idx = [...Array(1797).keys()];
  const train = digitsRows(idx.filter((i) => i % 4 !== 3));
  const test = digitsRows(idx.filter((i) => i % 4 === 3));
  return { train, test };
}

/** The fit on the training images and its errors on the held-out ones. */
export function digitsStudy() {
  const { train, test } = digitsSplit();
  const started = performance.now();
  const fit = fitSoftmax(train.X, train.y, { lambda_: LAMBDA });
  const ms = performance.now() - started;
  const yHat = predictClass(test.X, fit.Theta);
  const confusion = confusionMatrix(test.y, yHat, 10);
  let worst = { k: 0, c: 0, count: 0 }; // the most common confusion
  for (let k = 0; k < 10; k++) {
    for (let c = 0; c < 10; c++) {
      const count = confusion.get(k, c);
      if (k !== c && count > worst.count) worst = { k, c, count };
    }
  }
  const commonest = []; // every off-diagonal cell at the maximum
  for (let k = 0; k < 10; k++) {
    for (let c = 0; c < 10; c++) {
      if (k !== c && confusion.get(k, c) === worst.count) {
        commonest.push({ k, c });
      }
    }
  }
  return {
    train, test, fit, ms, yHat, confusion, worst, commonest,
    trainAccuracy: accuracyOf(train.y, predictClass(train.X, fit.Theta)),
    testAccuracy: accuracyOf(test.y, yHat),
  };
}

/** Class 1's weights minus class 0's: the logistic θ = (b, w). */
function logisticView(fit: SoftmaxFit): Float64Array {
  const { Theta } = fit;
  return Float64Array.from({ length: Theta.rows },
    (_, j) => Theta.get(j, 1) - Theta.get(j, 0));
}

/** Versicolor (0) against virginica (1) by their petals. */
export function twoSpecies() {
  const { X: all, y: species } = irisColumns([2, 3]);
  const keep = [...species.keys()].filter((i) => species[i] !== 0);
  const X = new Matrix(keep.length, 2);
  keep.forEach((i, r) => X.data.set(all.data.subarray(2 * i, 2 * i + 2),
    2 * r));
  const y = Int32Array.from(keep, (i) => species[i] - 1);
  return { X, y };
}

/** Softmax with K = 2 against the logistic model, unpenalized and not. */
export function twoClassStudy(lambda_ = LAMBDA) {
  checkLambda('twoClassStudy', 'lambda_', lambda_);
  const { X, y } = twoSpecies();
  const y01 = Float64Array.from(y);
  const maxDiff = (a: Float64Array, b: Float64Array) =>
    a.reduce((m, v, j) => Math.max(m, Math.abs(v - b[j])), -Infinity);
  const logistic = fitLogisticNewton(X, y01).theta;
  const reference = fitSoftmax(X, y, { reference: true });
  const centred = fitSoftmax(X, y);
  const halfLogistic = fitLogisticNewton(X, y01, { lambda_: lambda_ / 2 });
  const penalized = fitSoftmax(X, y, { lambda_ });
  return {
    logistic, reference: logisticView(reference),
    centred: logisticView(centred),
    referenceDiff: maxDiff(logisticView(reference), logistic),
    centredDiff: maxDiff(logisticView(centred), logistic),
    penalizedDiff: maxDiff(logisticView(penalized), halfLogistic.theta),
    penalized, halfLogistic: halfLogistic.theta,
  };
}

/** Eigenvalues of ∇²L at a random Θ: without and with the fixes. */
export function redundancyStudy(seed = 11) {
  requireInteger('redundancyStudy', 'seed', seed);
  const { X, y } = irisColumns([2, 3]);
  const rng = createRng(seed);
  const Theta = new Matrix(3, 3);
  for (let t = 0; t < 9; t++) Theta.data[t] = rng.normal();
  const spectrum = (H: Matrix) =>
    Float64Array.from(symmetricEigen(H).values).sort();
  const plain = spectrum(softmaxHessian(X, Theta, 0));
  const ridge = spectrum(softmaxHessian(X, Theta, LAMBDA));
  const centred = spectrum(centredObjective(X, y, 3, 0).hess(Theta.data));
  const zeros = (v: Float64Array) =>
    v.filter((e) => Math.abs(e) <= 1e-12 * v[v.length - 1]).length;
  return { Theta, plain, ridge, centred,
    zeros: { plain: zeros(plain), ridge: zeros(ridge),
      centred: zeros(centred) } };
}

/** The loss by the textbook formula, log Σ e^z with no shift. */
function naiveLoss(X: Matrix, y: Int32Array, Theta: Matrix) {
  const Z = classScores(X, Theta);
  let sum = 0;
  for (let i = 0; i < Z.rows; i++) {
    let s = 0;
    for (let k = 0; k < Z.cols; k++) s += Math.exp(Z.get(i, k));
    sum += Math.log(s) - Z.get(i, y[i]);
  }
  return sum;
}

/** The iris fit made `factor` times more confident: Θ scaled. */
export function overflowStudy(factor = 100) {
  requirePositive('overflowStudy', 'factor', factor);
  const { X, y, fit } = irisStudy();
  const Theta = new Matrix(fit.Theta.rows, fit.Theta.cols,
    fit.Theta.data.map((v) => v * factor));
  const Z = classScores(X, Theta);
  return {
    factor,
    maxScore: Z.data.reduce((m, v) => Math.max(m, v), -Infinity),
    naive: naiveLoss(X, y, Theta),
    stable: softmaxLoss(X, y, Theta),
  };
}

/** A non-empty list of distinct indices in [0, n). */
function checkIndices(fn: string, name: string, idx: number[], n: number) {
  const ok = Array.isArray(idx) && idx.length > 0 &&
    new Set(idx).size === idx.length &&
    idx.every((i) => Number.isInteger(i) && i >= 0 && i < n);
  if (!ok) {
    throw new Error(`${fn}: ${name} must list distinct indices in ` +
      `[0, ${n}), got ${Array.isArray(idx) ? `[${idx}]` : idx}`);
  }
}
