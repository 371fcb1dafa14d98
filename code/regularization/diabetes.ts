// Ridge and the lasso on the standardized diabetes data: the paths,
// and λ chosen by 5-fold cross-validation. Node only (reads the CSV).
import { svd } from '../decompositions/svd.ts';
import { Matrix, checkFinite } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import { center } from '../linear-regression/model.ts';
import {
  standardize,
  unstandardize,
} from '../linear-regression/scaling.ts';
import { cvCurve, kFoldIndices, selectLambda } from './cross-validation.ts';
import { elasticNetPath, lambdaGrid } from './path.ts';
import { effectiveDof, ridgePath } from './ridge.ts';

/** Folds of the cross-validation, and the coordinate-descent tol. */
export const CV_FOLDS = 5;
export const CD_TOL = 1e-12;
/** The ridge grid: 10^-2 to 10^5, 8 points per decade. */
export const RIDGE_LAMBDAS = Array.from(
  { length: 57 }, (_, k) => 10 ** (-2 + k / 8),
);

// #region diabetes-study
/** Standardize; fit both paths; cross-validate the lasso and ridge. */
export function diabetesStudy() {
  const { X, y, features } = loadDiabetes();
  const { Z } = standardize(X); // penalties need comparable units
  const { s, V } = svd(center(Z, y).Xc); // Zc = U diag(s) Vᵀ
  const ridgeFits = ridgePath(Z, y, RIDGE_LAMBDAS);
  const lambdas = lambdaGrid(Z, y); // 100 values from λ_max down
  const lassoFits = elasticNetPath(Z, y, lambdas, { tol: CD_TOL });
  const folds = kFoldIndices(X.rows, CV_FOLDS); // contiguous folds
  const cv = cvCurve(Z, y, folds, (Xtr, ytr) =>
    elasticNetPath(Xtr, ytr, lambdas, { tol: CD_TOL }));
  const cvRidge = cvCurve(Z, y, folds, (Xtr, ytr) =>
    ridgePath(Xtr, ytr, [0, ...RIDGE_LAMBDAS]));
  return {
    features, Z, y, s, V, ridgeFits, lambdas, lassoFits, folds, cv,
    cvRidge, choice: selectLambda(lambdas, cv),
    df: RIDGE_LAMBDAS.map((l) => effectiveDof(s, l)),
  };
}
// #endregion

/** The step of the lasso path at which each feature first enters. */
export function entryOrder(fits: { w: Vector }[]): number[] {
  checkFits(fits);
  const d = fits[0].w.length;
  const first = Array.from({ length: d }, (_, j) =>
    fits.findIndex((f) => f.w[j] !== 0));
  return Array.from({ length: d }, (_, j) => j)
    .filter((j) => first[j] >= 0)
    .sort((a, b) => first[a] - first[b] || a - b);
}

// #region quadratic-features
/**
 * The 10 standardized features, their 45 pairwise products and 9
 * squares (SEX takes two values, so SEX² would repeat it): the 64
 * features of Efron et al.'s quadratic model.
 */
export function quadraticFeatures(Z: Matrix, names: string[]) {
  checkFeatures(Z, names);
  const { rows: n, cols: d } = Z;
  const pairs: [number, number][] = [];
  for (let j = 0; j < d; j++) pairs.push([j, -1]);
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      if (j !== k || names[j] !== 'SEX') pairs.push([j, k]);
    }
  }
  const Q = new Matrix(n, pairs.length);
  pairs.forEach(([j, k], c) => {
    for (let i = 0; i < n; i++) {
      const zj = Z.data[i * d + j];
      Q.data[i * pairs.length + c] = k < 0 ? zj : zj * Z.data[i * d + k];
    }
  });
  const label = ([j, k]: [number, number]) =>
    k < 0 ? names[j] : j === k ? `${names[j]}²` : `${names[j]}·${names[k]}`;
  return { Q, names: pairs.map(label) };
}
// #endregion

/** Grid of the quadratic model: 50 values down to λ_max / 100. */
export const QUAD_GRID = { count: 50, eps: 1e-2 };
export const QUAD_CD_TOL = 1e-8;

// #region quadratic-study
/** Cross-validated OLS, ridge and lasso on the 64 features. */
export function quadraticStudy() {
  const { X, y, features } = loadDiabetes();
  const expanded = quadraticFeatures(standardize(X).Z, features);
  const { Z } = standardize(expanded.Q); // products are not standard
  const lambdas = lambdaGrid(Z, y, QUAD_GRID);
  const folds = kFoldIndices(X.rows, CV_FOLDS);
  const opts = { tol: QUAD_CD_TOL };
  const cv = cvCurve(Z, y, folds, (Xtr, ytr) =>
    elasticNetPath(Xtr, ytr, lambdas, opts));
  const ridgeLambdas = [0, ...RIDGE_LAMBDAS]; // λ = 0 is OLS
  const cvRidge = cvCurve(Z, y, folds, (Xtr, ytr) =>
    ridgePath(Xtr, ytr, ridgeLambdas));
  const fits = elasticNetPath(Z, y, lambdas, opts);
  return {
    names: expanded.names, lambdas, cv, cvRidge, ridgeLambdas, fits,
    choice: selectLambda(lambdas, cv),
  };
}
// #endregion

// #region in-fold-scaling
/**
 * The lasso's CV curve with the standardization learned inside each
 * training fold: the fitter scales its own rows and maps the weights
 * back to the raw units, so no held-out row informs the scaling.
 */
export function inFoldScalingCv(lambdas: number[], k = CV_FOLDS) {
  const { X, y } = loadDiabetes();
  const folds = kFoldIndices(X.rows, k);
  return cvCurve(X, y, folds, (Xtr, ytr) => {
    const { Z, mean, scale } = standardize(Xtr); // training rows only
    return elasticNetPath(Z, ytr, lambdas, { tol: CD_TOL })
      .map((fit) => unstandardize(fit, mean, scale));
  });
}
// #endregion

let cached: ReturnType<typeof diabetesStudy> | undefined;
let cachedQuad: ReturnType<typeof quadraticStudy> | undefined;

/** The studies, computed once per process (figures and page share). */
export function diabetesStudyCached() {
  cached ??= diabetesStudy();
  return cached;
}

export function quadraticStudyCached() {
  cachedQuad ??= quadraticStudy();
  return cachedQuad;
}

// Input checks of the functions above.

/** A non-empty list of fits whose weights have one length. */
function checkFits(fits: { w: Vector }[]): void {
  const fn = 'entryOrder';
  if (!Array.isArray(fits) || fits.length === 0) {
    throw new Error(`${fn}: fits must be a non-empty array of fits, ` +
      `got ${fits}`);
  }
  const d = fits[0]?.w?.length;
  fits.forEach((f, k) => {
    if (!(f?.w instanceof Float64Array) || f.w.length !== d) {
      throw new Error(`${fn}: fits[${k}].w must be a vector of ` +
        `length ${d}, like fits[0].w`);
    }
    checkFinite(fn, `fits[${k}].w`, f.w);
  });
}

/** Z finite, and one name per column of Z. */
function checkFeatures(Z: Matrix, names: string[]): void {
  const fn = 'quadraticFeatures';
  checkFinite(fn, 'Z', Z);
  if (!Array.isArray(names) || names.length !== Z.cols ||
    names.some((s) => typeof s !== 'string')) {
    throw new Error(`${fn}: names must hold ${Z.cols} strings, one ` +
      `per column of Z; got ${names?.length}`);
  }
}
