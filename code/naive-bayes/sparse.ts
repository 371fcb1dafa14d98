// Compressed sparse rows: a count matrix stored by its non-zero
// entries only, as text features need (thousands of columns, a few
// dozen non-zeros a row).
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  requireFiniteArray,
  requireInteger,
} from '../introduction/checks.ts';
import { checkCsr, checkMatrix } from './checks.ts';

// #region csr
/** Row i's entries are values[t] in columns indices[t] for t in
 *  [indptr[i], indptr[i + 1]), columns increasing. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** The CSR form of rows of (column, value) maps. */
export function csrFromRows(
  rows: readonly ReadonlyMap<number, number>[],
  cols: number,
): Csr {
  checkRowMaps('csrFromRows', rows, cols);
  const indptr = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => { indptr[i + 1] = indptr[i] + r.size; });
  const indices = new Int32Array(indptr[rows.length]);
  const values = new Float64Array(indptr[rows.length]);
  rows.forEach((r, i) => {
    const cs = [...r.keys()].sort((a, b) => a - b);
    cs.forEach((j, k) => {
      indices[indptr[i] + k] = j;
      values[indptr[i] + k] = r.get(j)!;
    });
  });
  return { rows: rows.length, cols, indptr, indices, values };
}
// #endregion

/** The CSR form of a dense matrix (its non-zero entries). */
export function csrFromDense(X: Matrix): Csr {
  checkMatrix('csrFromDense', X);
  const rows = Array.from({ length: X.rows }, (_, i) => {
    const m = new Map<number, number>();
    for (let j = 0; j < X.cols; j++) {
      if (X.data[i * X.cols + j] !== 0) m.set(j, X.data[i * X.cols + j]);
    }
    return m;
  });
  return csrFromRows(rows, X.cols);
}

/** The rows of A listed in `which`, in that order. */
export function csrRows(A: Csr, which: ArrayLike<number>): Csr {
  checkCsr('csrRows', A, 'A');
  requireFiniteArray('csrRows', 'which', which);
  const indptr = new Int32Array(which.length + 1);
  for (let k = 0; k < which.length; k++) {
    const i = which[k];
    if (!Number.isInteger(i) || i < 0 || i >= A.rows) {
      throw new Error(`csrRows: which must hold row indices in [0, ` +
        `${A.rows}), got ${i}`);
    }
    indptr[k + 1] = indptr[k] + A.indptr[i + 1] - A.indptr[i];
  }
  const nnz = indptr[which.length];
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let k = 0; k < which.length; k++) {
    const from = A.indptr[which[k]];
    const to = A.indptr[which[k] + 1];
    indices.set(A.indices.subarray(from, to), indptr[k]);
    values.set(A.values.subarray(from, to), indptr[k]);
  }
  return { rows: which.length, cols: A.cols, indptr, indices, values };
}

/** Throws unless rows is a non-empty list of maps from columns in
 *  [0, cols) to finite values. */
function checkRowMaps(fn: string, rows: unknown, cols: number): void {
  requireInteger(fn, 'cols', cols, 1);
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new Error(`${fn}: rows must be a non-empty list of maps, ` +
      `got ${Array.isArray(rows) ? 'an empty list' : typeof rows}`);
  }
  rows.forEach((r, i) => {
    if (!(r instanceof Map)) {
      throw new Error(`${fn}: rows[${i}] must be a Map, got ${typeof r}`);
    }
    for (const [j, v] of r) {
      if (!Number.isInteger(j) || j < 0 || j >= cols) {
        throw new Error(`${fn}: rows[${i}] has column ${j} outside ` +
          `[0, ${cols})`);
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(`${fn}: rows[${i}] has value ${v} in column ${j}`);
      }
    }
  });
}
