// The diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004):
// loaded with its checksum verified, and fitted. Node only (fs and
// crypto): never import this file into code that runs in a browser.
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { fitGradientDescent } from './gd.ts';
import { meanSquaredError, r2Score, residuals } from './metrics.ts';
import { fitNormalEquations, predict } from './model.ts';
import { standardize, unstandardize } from './scaling.ts';

// #region load-diabetes
/** SHA-256 of data/diabetes/diabetes.csv, as in its README.md. */
export const DIABETES_SHA256 =
  'd472458568b55a8e5b5c256b1a20ad9ec4fb629738164f404200595321911894';

/** The CSV beside the book's root, wherever this module was bundled. */
export function diabetesPath(): string {
  return dataPath('data/diabetes/diabetes.csv');
}

/** The 442 × 10 features X, the target y and the column names. */
export function loadDiabetes(
  path = diabetesPath(),
): { X: Matrix; y: Vector; features: string[] } {
  const bytes = readVerified('loadDiabetes', path, DIABETES_SHA256,
    'data/diabetes/README.md');
  // the checksum fixes the content: 443 lines of 11 numbers each
  const [header, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const names = header.split(',');
  const n = lines.length;
  const d = names.length - 1; // the last column is the target Y
  const X = new Matrix(n, d);
  const y = new Float64Array(n);
  lines.forEach((line, i) => {
    const values = line.split(',').map(Number);
    X.data.set(values.slice(0, d), i * d);
    y[i] = values[d];
  });
  return { X, y, features: names.slice(0, d) };
}
// #endregion

// #region fit-diabetes
/** Standardize, fit, map back to the original units, and score. */
export function fitDiabetes() {
  const { X, y, features } = loadDiabetes();
  const { Z, mean, scale } = standardize(X); // Eq. (lr-standardize)
  const standardized = fitNormalEquations(Z, y);
  const original = unstandardize(standardized, mean, scale);
  const gd = fitGradientDescent(Z, y); // the same fit, by descent
  const fitted = predict(X, original.w, original.b);
  return {
    features, X, y, Z, mean, scale, standardized, original, gd, fitted,
    residuals: residuals(y, fitted),
    r2: r2Score(y, fitted),
    mse: meanSquaredError(y, fitted),
  };
}
// #endregion
