// Tests for the boosting chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/trees-and-ensembles/
// boosting.mdx. Reference values: tests/fixtures/boosting/sklearn.json,
// written by scripts/reference/boosting.py (scikit-learn 1.2.1).
import { describe, expect, it } from 'vitest';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { loadDiabetes } from '../code/linear-regression/diabetes.ts';
import { loadBreastCancer } from '../code/logistic-regression/breast-cancer.ts';
import { loadWine } from '../code/k-nearest-neighbors/wine.ts';
import {
  fitAdaBoost,
  stagedAdaBoost,
  trainingErrorBound,
} from '../code/boosting/adaboost.ts';
import {
  type BoostingOptions,
  fitGradientBoosting,
  predictBoosting,
  stagedScores,
} from '../code/boosting/gradient-boosting.ts';
import { fixture } from './helpers.ts';

const ref = fixture('boosting', 'sklearn.json');

/** The rows of X (and y) where keep is true. */
function rows(X: Matrix, y: ArrayLike<number>, keep: (i: number) => boolean) {
  const idx = Array.from({ length: X.rows }, (_, i) => i).filter(keep);
  const Xs = new Matrix(idx.length, X.cols);
  idx.forEach((i, t) => Xs.data.set(
    X.data.subarray(i * X.cols, (i + 1) * X.cols), t * X.cols));
  return { X: Xs, y: Float64Array.from(idx, (i) => y[i]) };
}

const diabetes = loadDiabetes();
const cancer = loadBreastCancer();
const wine = loadWine();
const dTrain = rows(diabetes.X, diabetes.y, (i) => i < 300);
const cTrain = rows(cancer.X, cancer.y, (i) => i < 400);
const wTrain = rows(wine.X, wine.y, (i) => i % 3 !== 2);

/** Our options from the fixture's scikit-learn settings. */
function options(s: any): BoostingOptions {
  return { loss: s.loss, nEstimators: s.n_estimators,
    eta: s.learning_rate, maxDepth: s.max_depth,
    minSamplesLeaf: s.min_samples_leaf, alpha: s.alpha };
}

function maxStagedGap(staged: Float64Array[], expected: number[][]) {
  expect(staged.length).toBe(expected.length);
  let gap = 0;
  staged.forEach((F, m) => {
    expect(F.length).toBe(expected[m].length);
    F.forEach((f, i) => { gap = Math.max(gap, Math.abs(f - expected[m][i])); });
  });
  return gap;
}

describe('against scikit-learn 1.2.1', () => {
  it('matches GradientBoostingRegressor (squared error) after every round', () => {
    const r = ref.regression.squared_error;
    const model = fitGradientBoosting(dTrain.X, dTrain.y, options(r.settings));
    expect(maxStagedGap(stagedScores(model, diabetes.X), r.staged)).toBeLessThan(1e-10);
  });
  it('matches GradientBoostingRegressor (absolute error) after every round', () => {
    const r = ref.regression.absolute_error;
    const model = fitGradientBoosting(dTrain.X, dTrain.y, options(r.settings));
    expect(maxStagedGap(stagedScores(model, diabetes.X), r.staged)).toBeLessThan(1e-10);
  });
  it('matches GradientBoostingRegressor (Huber) after every round', () => {
    const r = ref.regression.huber;
    const model = fitGradientBoosting(dTrain.X, dTrain.y, options(r.settings));
    expect(maxStagedGap(stagedScores(model, diabetes.X), r.staged)).toBeLessThan(1e-10);
  });
  it('matches GradientBoostingClassifier (binary log loss) after every round', () => {
    const r = ref.binary;
    const model = fitGradientBoosting(cTrain.X, cTrain.y, options(r.settings));
    expect(maxStagedGap(stagedScores(model, cancer.X), r.staged)).toBeLessThan(1e-10);
  });
  it('matches GradientBoostingClassifier (3 classes) after every round', () => {
    const r = ref.multiclass;
    const model = fitGradientBoosting(wTrain.X, wTrain.y, options(r.settings));
    expect(maxStagedGap(stagedScores(model, wine.X), r.staged)).toBeLessThan(1e-10);
  });
  it('matches AdaBoostClassifier (SAMME, binary): weights, errors, predictions', () => {
    const r = ref.adaboost_binary;
    const model = fitAdaBoost(cTrain.X, cTrain.y, { nEstimators: r.n_estimators });
    expect(model.alphas.length).toBe(r.weights.length);
    model.alphas.forEach((a, m) => expect(Math.abs(a - r.weights[m])).toBeLessThan(1e-10));
    model.errors.forEach((e, m) => expect(Math.abs(e - r.errors[m])).toBeLessThan(1e-10));
    expect(maxStagedGap(stagedAdaBoost(model, cancer.X), r.staged_predict)).toBe(0);
  });
  it('matches AdaBoostClassifier (SAMME, 3 classes): weights, errors, predictions', () => {
    const r = ref.adaboost_wine;
    const model = fitAdaBoost(wTrain.X, wTrain.y, { nEstimators: r.n_estimators });
    expect(model.alphas.length).toBe(r.weights.length);
    model.alphas.forEach((a, m) => expect(Math.abs(a - r.weights[m])).toBeLessThan(1e-10));
    model.errors.forEach((e, m) => expect(Math.abs(e - r.errors[m])).toBeLessThan(1e-10));
    expect(maxStagedGap(stagedAdaBoost(model, wine.X), r.staged_predict)).toBe(0);
  });
});
