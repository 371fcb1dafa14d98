// The real example: the cholesterol ratio S4 = total / HDL against HDL
// (S3) in the diabetes data. Node only (the loader reads the file).
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Vector } from '../linear-algebra/matrix.ts';
import { loadDiabetes } from '../linear-regression/diabetes.ts';
import {
  requireFiniteArray,
  requirePaired,
} from '../introduction/checks.ts';
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
  const local = cv.bestRun.residuals;
  return { X, y, cv, line, reciprocal,
    lineVsLocal: pairedSquaredError(line.residuals, local),
    reciprocalVsLocal: pairedSquaredError(reciprocal.residuals, local),
    lineVsReciprocal: pairedSquaredError(line.residuals,
      reciprocal.residuals) };
}
// #endregion

// #region paired
/**
 * The mean of a_i² − b_i², two models' squared held-out residuals on
 * the same examples, and its standard error s_diff / √n.
 */
export function pairedSquaredError(a: Vector, b: Vector) {
  checkPairedResiduals(a, b);
  const n = a.length;
  const diff = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = a[i] * a[i] - b[i] * b[i];
    mean += diff[i] / n;
  }
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (diff[i] - mean) ** 2;
  return { diff: mean, se: Math.sqrt(ss / (n - 1) / n) };
}
// #endregion

function checkPairedResiduals(a: Vector, b: Vector): void {
  const fn = 'pairedSquaredError';
  requireFiniteArray(fn, 'a', a, 2);
  requirePaired(fn, { a, b });
}
