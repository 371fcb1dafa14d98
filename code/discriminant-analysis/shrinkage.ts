// Shrunk covariances: a fixed intensity towards a scaled identity, and
// Ledoit and Wolf's estimated intensity as scikit-learn's
// shrinkage="auto" computes it.
import { Matrix } from '../linear-algebra/matrix.ts';
import { columnMeans } from './gda.ts';
import { checkIn, checkMatrix, checkSquare } from './checks.ts';

// #region shrunk
/** The MLE covariance (divisor n) of the rows of X. */
export function empiricalCovariance(X: Matrix): Matrix {
  checkMatrix('empiricalCovariance', 'X', X);
  const { rows: n, cols: d } = X;
  const m = columnMeans(X);
  const S = new Matrix(d, d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const ra = X.data[i * d + a] - m[a];
      for (let b = 0; b < d; b++) {
        S.data[a * d + b] += (ra * (X.data[i * d + b] - m[b])) / n;
      }
    }
  }
  return S;
}

/** (1 − α) S + α (tr S / d) I: Eq. (da-shrunk). */
export function shrunkCovariance(S: Matrix, alpha: number): Matrix {
  checkMatrix('shrunkCovariance', 'S', S);
  checkSquare('shrunkCovariance', 'S', S, S.rows);
  checkIn('shrunkCovariance', 'alpha', alpha, 0, 1);
  const d = S.rows;
  let sBar = 0; // s̄ = tr S / d
  for (let j = 0; j < d; j++) sBar += S.data[j * d + j] / d;
  const out = new Matrix(d, d, S.data.map((v) => (1 - alpha) * v));
  for (let j = 0; j < d; j++) out.data[j * d + j] += alpha * sBar;
  return out;
}
// #endregion

// #region ledoit-wolf
/** Ledoit–Wolf intensity α̂ = min(b̄², τ²)/τ², Eq. (da-lw). */
export function ledoitWolfShrinkage(X: Matrix): number {
  checkMatrix('ledoitWolfShrinkage', 'X', X);
  const S = empiricalCovariance(X);
  const { rows: n, cols: d } = X;
  if (d === 1) return 0; // one feature: nothing to shrink
  const m = columnMeans(X);
  let sBar = 0; // s̄ = tr S / d
  for (let j = 0; j < d; j++) sBar += S.data[j * d + j] / d;
  let tau2 = 0; // ‖S − s̄I‖²_F / d
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      tau2 += (S.data[a * d + b] - (a === b ? sBar : 0)) ** 2 / d;
    }
  }
  let b2 = 0; // Σ_i ‖z_i z_iᵀ − S‖²_F / (d n²)
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const za = X.data[i * d + a] - m[a];
      for (let c = 0; c < d; c++) {
        const zc = X.data[i * d + c] - m[c];
        b2 += (za * zc - S.data[a * d + c]) ** 2 / (d * n * n);
      }
    }
  }
  return tau2 === 0 ? 0 : Math.min(b2, tau2) / tau2;
}
// #endregion

// #region auto
/** scikit-learn's shrinkage="auto": Ledoit–Wolf on standardised X. */
export function ledoitWolfCovariance(X: Matrix): {
  Sigma: Matrix; alpha: number;
} {
  checkMatrix('ledoitWolfCovariance', 'X', X);
  const { rows: n, cols: d } = X;
  const S = empiricalCovariance(X);
  // standard deviations, 1 for a constant feature (as StandardScaler)
  const sd = Float64Array.from({ length: d }, (_, j) =>
    S.data[j * d + j] > 0 ? Math.sqrt(S.data[j * d + j]) : 1);
  const Z = new Matrix(n, d, X.data.map((v, t) => v / sd[t % d]));
  const alpha = ledoitWolfShrinkage(Z);
  const R = shrunkCovariance(empiricalCovariance(Z), alpha);
  const Sigma = new Matrix(d, d, R.data.map((v, t) =>
    v * sd[Math.floor(t / d)] * sd[t % d])); // back to X's units
  return { Sigma, alpha };
}
// #endregion
