// The real example: the cholesterol ratio S4 = total / HDL against HDL
// (S3) in the diabetes data. Node only (the loader reads the file).
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import { leaveOneOut, selectBandwidth } from './loo.ts';

// #region hdl
/** HDL cholesterol x (S3, mg/dL) and the ratio y = total / HDL (S4). */
export function loadHdl(): { X: Matrix; y: Vector } {
  const { X, features } = loadDiabetes();
  const s3 = features.indexOf('S3');
  const s4 = features.indexOf('S4');
  const hdl = X.col(s3);
  return { X: new Matrix(hdl.length, 1, hdl), y: X.col(s4) };
}

/** Bandwidths tried, in mg/dL: 1 to 100 in 21 steps, evenly in log. */
export const HDL_TAUS = Array.from({ length: 21 }, (_, k) =>
  10 ** (k / 10));

/** LOO over HDL_TAUS; the line (τ = ∞); the line in 1/x. */
export function hdlStudy() {
  const { X, y } = loadHdl();
  const cv = selectBandwidth(X, y, HDL_TAUS);
  const line = leaveOneOut(X, y, Infinity); // ordinary least squares
  const inverse = new Matrix(X.rows, 1, X.data.map((x) => 1 / x));
  const reciprocal = leaveOneOut(inverse, y, Infinity); // y ≈ a + b/x
  return { X, y, cv, line, reciprocal };
}
// #endregion
