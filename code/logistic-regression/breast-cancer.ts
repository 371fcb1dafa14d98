// The Breast Cancer Wisconsin (Diagnostic) data, loaded with its
// checksum verified, and the chapter's fits to it. Node only (fs and
// crypto): never import this file into code that runs in a browser.
import {
  requireBetween,
  requireInteger,
  requirePaired,
} from '../introduction/checks.ts';
import { checkLambda } from '../regularization/ridge.ts';
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { takeRows } from '../gradient-descent/batches.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import {
  standardize,
  unstandardize,
} from '../linear-regression/scaling.ts';
import { trainTestSplit } from '../model-evaluation/splits.ts';
import type { Fold } from '../regularization/cross-validation.ts';
import { fitLogisticNewton } from './fit.ts';
import { logits, predictProba } from './model.ts';

// #region load-breast-cancer
/** SHA-256 of data/breast-cancer/breast_cancer.csv, as in its README. */
export const BREAST_CANCER_SHA256 =
  'fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed';

/** The CSV beside the book's root, wherever this module was bundled. */
export function breastCancerPath(): string {
  return dataPath('data/breast-cancer/breast_cancer.csv');
}

/** Ten properties × (mean, standard error, worst): scikit-learn's. */
const PROPERTIES = ['radius', 'texture', 'perimeter', 'area',
  'smoothness', 'compactness', 'concavity', 'concave points',
  'symmetry', 'fractal dimension'];
export const BREAST_CANCER_FEATURES = [
  ...PROPERTIES.map((p) => `mean ${p}`),
  ...PROPERTIES.map((p) => `${p} error`),
  ...PROPERTIES.map((p) => `worst ${p}`),
];

/** The 569 × 30 features X and y = 1 for malignant, 0 for benign. */
export function loadBreastCancer(path = breastCancerPath()) {
  const bytes = readVerified('loadBreastCancer', path,
    BREAST_CANCER_SHA256, 'data/breast-cancer/README.md');
  // the checksum fixes the content: "569,30,malignant,benign", then
  // 569 rows of 30 features and a code, 0 = malignant, 1 = benign
  const [, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const X = new Matrix(lines.length, 30);
  const y = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const v = line.split(',').map(Number);
    X.data.set(v.slice(0, 30), i * 30);
    y[i] = 1 - v[30]; // the book's convention: 1 = malignant
  });
  return { X, y, features: BREAST_CANCER_FEATURES };
}
// #endregion

// #region fit-breast-cancer
/** The default penalty: λ = 1, scikit-learn's default C = 1/λ = 1. */
export const BREAST_CANCER_LAMBDA = 1;

/** Standardize, fit by Newton, map back to the units of the data. */
export function fitBreastCancer(lambda_ = BREAST_CANCER_LAMBDA) {
  checkLambda('fitBreastCancer', 'lambda_', lambda_);
  const { X, y, features } = loadBreastCancer();
  const { Z, mean, scale } = standardize(X); // Eq. (lr-standardize)
  const fit = fitLogisticNewton(Z, y, { lambda_ });
  const original = unstandardize(fit, mean, scale); // same logits
  const probabilities = predictProba(Z, fit.w, fit.b);
  return { features, X, y, Z, mean, scale, fit, original, probabilities,
    accuracy: accuracy(y, probabilities) };
}

/** The share of samples with (p ≥ ½) = (y = 1). */
export function accuracy(y: Vector, p: Vector): number {
  checkAccuracy(y, p);
  let right = 0;
  for (let i = 0; i < y.length; i++) right += +((p[i] >= 0.5) === !!y[i]);
  return right / y.length;
}
// #endregion

// #region holdout
/** Fit on a seeded 75% (scaled by its own statistics), test on 25%. */
export function breastCancerHoldout(
  lambda_ = BREAST_CANCER_LAMBDA,
  seed = 569,
  testFraction = 0.25,
) {
  checkHoldout(lambda_, seed, testFraction);
  const { X, y } = loadBreastCancer();
  const split = trainTestSplit(X.rows, testFraction, createRng(seed));
  const train = takeRows(X, y, split.train);
  const { Z, mean, scale } = standardize(train.X);
  const fit = fitLogisticNewton(Z, train.y, { lambda_ });
  const { w, b } = unstandardize(fit, mean, scale);
  const test = takeRows(X, y, split.test);
  const pTest = predictProba(test.X, w, b);
  return {
    split, fit, w, b, ytest: test.y, pTest,
    testAccuracy: accuracy(test.y, pTest),
    trainAccuracy: accuracy(train.y, predictProba(Z, fit.w, fit.b)),
  };
}
// #endregion

// #region penalty-cv
/**
 * The held-out logit of every sample from k-fold cross-validation at
 * one λ: each fold is predicted by a fit to the other folds,
 * standardized by the training folds' own statistics.
 */
export function cvLogits(
  X: Matrix,
  y: Vector,
  lambda_: number,
  folds: Fold[],
): Vector {
  const z = new Float64Array(X.rows);
  for (const fold of folds) {
    const train = takeRows(X, y, fold.train);
    const { Z, mean, scale } = standardize(train.X);
    const fit = fitLogisticNewton(Z, train.y, { lambda_ });
    const { w, b } = unstandardize(fit, mean, scale); // data units
    const theta = new Float64Array(w.length + 1); // (b, w)
    theta[0] = b;
    theta.set(w, 1);
    const test = takeRows(X, y, fold.test);
    logits(test.X, theta).forEach((v, t) => (z[fold.test[t]] = v));
  }
  return z;
}
// #endregion

// Input checks of the functions above.

/** Labels 0/1 and probabilities in [0, 1], one each. */
function checkAccuracy(y: Vector, p: Vector): void {
  const fn = 'accuracy';
  requirePaired(fn, { y, p });
  const i = y.findIndex((v) => v !== 0 && v !== 1);
  if (i >= 0) {
    throw new Error(`${fn}: y must hold labels 0 or 1, got y[${i}] = ` +
      `${y[i]}`);
  }
  p.forEach((pi, j) => requireBetween(fn, `p[${j}]`, pi, 0, 1));
}

function checkHoldout(lambda_: number, seed: number, testFraction: number) {
  const fn = 'breastCancerHoldout';
  checkLambda(fn, 'lambda_', lambda_);
  requireInteger(fn, 'seed', seed);
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(`${fn}: testFraction must be in (0, 1), got ` +
      `${testFraction}`);
  }
}
