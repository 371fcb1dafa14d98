// The perceptron on Fisher's iris data: a pair of species that a line
// separates and a pair that no line does. Node only: the loader reads
// the file.
import { requireInteger } from '../introduction/checks.ts';
import { loadIris } from '../calculus/iris.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { standardize } from '../linear-regression/scaling.ts';
import { augmentedRadius } from './novikoff.ts';
import {
  averagedPerceptron,
  perceptron,
  pocketPerceptron,
} from './train.ts';

// #region iris-pair
/**
 * The rows of two species (labels 0, 1, 2 as in the file) and the
 * chosen measurement columns; y = +1 for `positive`, −1 otherwise.
 */
export function irisPair(
  negative: number,
  positive: number,
  features: number[],
) {
  const iris = loadIris();
  const ok = (c: number) => Number.isInteger(c) && c >= 0 && c <= 2;
  if (!ok(negative) || !ok(positive) || negative === positive ||
    !Array.isArray(features) || features.length === 0 ||
    !features.every((j) => Number.isInteger(j) && j >= 0 && j < 4)) {
    throw new Error(
      `irisPair: expected two different species in {0, 1, 2} and ` +
        `columns in 0..3, got ${negative}, ${positive}, [${features}]`,
    );
  }
  const rows = [...iris.y.keys()].filter(
    (i) => iris.y[i] === negative || iris.y[i] === positive);
  const X = new Matrix(rows.length, features.length);
  const y = new Float64Array(rows.length);
  rows.forEach((i, r) => {
    features.forEach((j, c) => X.set(r, c, iris.X.get(i, j)));
    y[r] = iris.y[i] === positive ? 1 : -1;
  });
  return { X, y, features: features.map((j) => iris.features[j]) };
}
// #endregion

// #region iris-runs
/** Setosa (−1) against versicolor (+1) by the sepals: separable. */
export function separableIris() {
  const raw = irisPair(0, 1, [0, 1]);
  const { Z, mean, scale } = standardize(raw.X);
  return {
    ...raw, Z, mean, scale,
    raw: perceptron(raw.X, raw.y, { maxEpochs: 10_000 }),
    standardized: perceptron(Z, raw.y, { maxEpochs: 100 }),
    R: { raw: augmentedRadius(raw.X), standardized: augmentedRadius(Z) },
  };
}

/** Passes of the pocket and averaged runs on the overlapping pair. */
export const OVERLAP_EPOCHS = 100;

/** Versicolor (−1) against virginica (+1) by the petals: overlap. */
export function overlappingIris(epochs = OVERLAP_EPOCHS) {
  requireInteger('overlappingIris', 'epochs', epochs, 1);
  const raw = irisPair(1, 2, [2, 3]);
  const { Z, mean, scale } = standardize(raw.X);
  return {
    ...raw, Z, mean, scale, epochs,
    pocket: pocketPerceptron(Z, raw.y, { epochs }),
    averaged: averagedPerceptron(Z, raw.y, { epochs }),
  };
}
// #endregion
