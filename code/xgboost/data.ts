// The chapter's small data sets, built the way
// scripts/reference/xgboost.py builds them. Node only (the loaders
// read the CSV files): never import this file into browser code.
import { requireFiniteArray } from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import { loadBreastCancer } from '../logistic-regression/breast-cancer.ts';
import type { XGBoostOptions } from './booster.ts';
import type { Objective } from './objective.ts';

// #region data
/** Rows from..to of X and y, with x_ij blanked (NaN) for the listed
 *  columns j where (7i + 3j) mod 5 = 0: a fixed fifth of them. */
export function rowsOf(
  X: Matrix, y: ArrayLike<number>, from: number, to: number,
  blank: number[] = [],
) {
  requireFiniteArray('rowsOf', 'y', y);
  if (!(X instanceof Matrix) || !Number.isInteger(from) ||
    !Number.isInteger(to) || from < 0 || to > X.rows || from >= to ||
    y.length !== X.rows || !Array.isArray(blank) ||
    blank.some((j) => !Number.isInteger(j) || j < 0 || j >= X.cols)) {
    throw new Error(`rowsOf: need 0 <= from < to <= rows, y of one ` +
      `label a row and blank columns of X, got ${from}, ${to}, ${blank}`);
  }
  const d = X.cols;
  const out = new Matrix(to - from, d);
  for (let i = from; i < to; i++) {
    for (let j = 0; j < d; j++) {
      const gone = blank.includes(j) && (7 * i + 3 * j) % 5 === 0;
      out.data[(i - from) * d + j] = gone ? NaN : X.data[i * d + j];
    }
  }
  return { X: out, y: Float64Array.from(y).subarray(from, to) };
}

/** 40 rows, y = 10 (x0 xor x1) + x0: a split worth little at the
 *  root and much one level down. */
export function xorData() {
  const X = new Matrix(40, 2);
  const y = new Float64Array(40);
  for (let i = 0; i < 40; i++) {
    X.data[2 * i] = i % 2;
    X.data[2 * i + 1] = (i >> 1) % 2;
    y[i] = ((i % 2) ^ ((i >> 1) % 2)) * 10 + (i % 2);
  }
  return { X, y };
}
// #endregion

/** The two real data sets, loaded once. */
export function realData() {
  return { diabetes: loadDiabetes(), breast_cancer: loadBreastCancer() };
}

// #region params
/** Our options for an XGBoost parameter dictionary (as the reference
 *  script passes to xgb.train); max_bin capped at our 255. */
export function fromXGBoostParams(
  params: Record<string, number | string>, rounds: number,
): XGBoostOptions {
  if (params === null || typeof params !== 'object' ||
    !Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`fromXGBoostParams: need a parameter object and ` +
      `rounds >= 1, got ${params} and ${rounds}`);
  }
  const n = (k: string, dflt: number) =>
    params[k] === undefined ? dflt : Number(params[k]);
  return {
    objective: (params.objective ?? 'reg:squarederror') as Objective,
    treeMethod: (params.tree_method ?? 'exact') as 'exact' | 'hist',
    rounds, eta: n('eta', 0.3), lambda: n('lambda', 1),
    alpha: n('alpha', 0), gamma: n('gamma', 0),
    minChildWeight: n('min_child_weight', 1),
    maxDepth: n('max_depth', 6), maxBin: Math.min(255, n('max_bin', 256)),
    baseScore: n('base_score', 0.5),
  };
}
// #endregion
