// A data frame: named columns of numbers or of categories, with gaps.
// Numbers are NaN where missing, categories null. Every step of this
// chapter reads a frame and writes one; the model turns the last frame
// into the Matrix of the earlier chapters. Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkFrame, checkRows } from './checks.ts';

// #region frame-types
/** A numeric column: NaN marks a missing value. */
export interface NumberColumn {
  name: string;
  kind: 'number';
  values: Float64Array;
}

/** A categorical column: null marks a missing value. */
export interface CategoryColumn {
  name: string;
  kind: 'category';
  values: (string | null)[];
}

export type Column = NumberColumn | CategoryColumn;

/** Columns of one length n, in order; names are unique. */
export type Frame = Column[];

/** The number of rows of a frame (its first column's length). */
export function rowCount(X: Frame): number {
  if (!Array.isArray(X) || X.length === 0 || !X[0]?.values) {
    throw new Error('rowCount: X must be a non-empty array of columns');
  }
  return X[0].values.length;
}
// #endregion

// #region frame-rows
/** The rows idx of every column, in the order given. */
export function takeFrameRows(X: Frame, idx: readonly number[]): Frame {
  checkFrame('takeFrameRows', X);
  checkRows('takeFrameRows', idx, rowCount(X));
  return X.map((c): Column => c.kind === 'number'
    ? { ...c, values: Float64Array.from(idx, (i) => c.values[i]) }
    : { ...c, values: idx.map((i) => c.values[i]) });
}

/** The n x d matrix of an all-numeric frame with no missing value. */
export function toMatrix(fn: string, X: Frame): Matrix {
  checkFrame(fn, X);
  const n = rowCount(X);
  const M = new Matrix(n, X.length);
  X.forEach((c, j) => {
    if (c.kind !== 'number') {
      throw new Error(`${fn}: column "${c.name}" holds categories; ` +
        'encode it as numbers first (oneHotEncoder, ordinalEncoder)');
    }
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(c.values[i])) {
        throw new Error(`${fn}: column "${c.name}" is missing row ${i}` +
          '; impute it first (imputer)');
      }
      M.data[i * X.length + j] = c.values[i];
    }
  });
  return M;
}
// #endregion
