// @unshown: input checks; the chapter says what they refuse
// The input checks of the chapter's code, in one place so that the
// listings show the algorithms. Every error names the function the
// caller called. Browser-safe.
import { Matrix, checkFinite, shapeOf } from '../linear-algebra/matrix.ts';
import { checkData, checkInt, checkNumber } from '../k-means/checks.ts';

export { checkData, checkInt, checkNumber };

/** The four covariance types of scikit-learn's GaussianMixture. */
export const COV_TYPES = ['full', 'tied', 'diag', 'spherical'] as const;
export type CovType = (typeof COV_TYPES)[number];

/** A mixture's parameters; every covariance is stored as a full d × d
 *  matrix, whatever its type (tied: one matrix k times). */
export interface GmmParams {
  weights: Float64Array;
  means: Matrix;
  covs: Matrix[];
}

/** Throws unless type is one of the four covariance types. */
export function checkCovType(fn: string, type: CovType): void {
  if (!(COV_TYPES as readonly string[]).includes(type)) {
    throw new Error(`${fn}: covType must be one of ` +
      `${COV_TYPES.join(', ')}, got ${type}`);
  }
}

/** Throws unless p is a mixture of d-dimensional Gaussians: weights
 *  positive and summing to 1, finite means, square symmetric covs. */
export function checkParams(fn: string, p: GmmParams, d: number): void {
  if (typeof p !== 'object' || p === null) {
    throw new Error(`${fn}: params must be an object, got ${p}`);
  }
  const { weights: w, means, covs } = p;
  if (!(w instanceof Float64Array) || w.length < 1) {
    throw new Error(`${fn}: weights must be a non-empty Float64Array`);
  }
  const k = w.length;
  let s = 0;
  for (let m = 0; m < k; m++) {
    if (!(w[m] > 0) || !Number.isFinite(w[m])) {
      throw new Error(`${fn}: weights[${m}] must be a finite number ` +
        `> 0, got ${w[m]}`);
    }
    s += w[m];
  }
  if (Math.abs(s - 1) > 1e-8) {
    throw new Error(`${fn}: weights must sum to 1, got ${s}`);
  }
  if (!(means instanceof Matrix) || means.rows !== k || means.cols !== d) {
    throw new Error(`${fn}: means must be a ${k}x${d} Matrix, got ` +
      `${means instanceof Matrix ? shapeOf(means) : typeof means}`);
  }
  checkFinite(fn, 'means', means);
  if (!Array.isArray(covs) || covs.length !== k) {
    throw new Error(`${fn}: covs must hold ${k} matrices, got ` +
      `${Array.isArray(covs) ? covs.length : typeof covs}`);
  }
  covs.forEach((S, m) => {
    if (!(S instanceof Matrix) || S.rows !== d || S.cols !== d) {
      throw new Error(`${fn}: covs[${m}] must be a ${d}x${d} Matrix`);
    }
    checkFinite(fn, 'covs', S);
  });
}

/** Throws unless R is an n × k matrix of finite entries >= 0. */
export function checkResp(fn: string, R: Matrix, n: number,
  name = 'resp'): void {
  if (!(R instanceof Matrix) || R.rows !== n || R.cols < 1) {
    throw new Error(`${fn}: ${name} must be a Matrix with ${n} rows ` +
      `(one per row of X), got ` +
      `${R instanceof Matrix ? shapeOf(R) : typeof R}`);
  }
  checkFinite(fn, name, R);
  for (let t = 0; t < R.data.length; t++) {
    if (R.data[t] < 0) {
      throw new Error(`${fn}: ${name} must be >= 0, got ${R.data[t]}`);
    }
  }
}
