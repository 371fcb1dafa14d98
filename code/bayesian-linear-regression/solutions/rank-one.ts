// Exercise: adding one row to the posterior in O(d²), by
// Sherman–Morrison for S and a rank-one update of the Cholesky factor.
import { dot, matvec, Matrix, type Vector } from
  '../../linear-algebra/matrix.ts';
import { checkHyper, checkPosterior, type Posterior } from
  '../posterior.ts';

// #region add-point
/** The posterior after one more row (x, y): S' = S − uuᵀ/c, u = Sx. */
export function addPoint(
  p: Posterior, x: Vector, y: number, sigma2: number,
): Posterior {
  checkPoint(p, x, y, sigma2);
  const d = x.length;
  const u = matvec(p.cov, x); // Sx
  const c = sigma2 + dot(x, u); // σ² + xᵀSx > 0
  const k = (y - dot(x, p.mean)) / c;
  const mean = p.mean.map((m, j) => m + u[j] * k);
  const cov = new Matrix(d, d);
  const precision = new Matrix(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const t = i * d + j;
      cov.data[t] = p.cov.data[t] - (u[i] * u[j]) / c;
      precision.data[t] = p.precision.data[t] + (x[i] * x[j]) / sigma2;
    }
  }
  const L = choleskyRankOne(p.L, x.map((v) => v / Math.sqrt(sigma2)));
  return { mean, cov, precision, L };
}
// #endregion

// #region cholesky-rank-one
/** L' with L'L'ᵀ = LLᵀ + vvᵀ, column by column: O(d²), no refactoring. */
function choleskyRankOne(L0: Matrix, v0: Vector): Matrix {
  const d = L0.rows;
  const L = new Matrix(d, d, Float64Array.from(L0.data));
  const v = Float64Array.from(v0);
  for (let k = 0; k < d; k++) {
    const lkk = L.data[k * d + k];
    const r = Math.hypot(lkk, v[k]); // the new diagonal entry
    const [c, s] = [r / lkk, v[k] / lkk];
    L.data[k * d + k] = r;
    for (let i = k + 1; i < d; i++) {
      L.data[i * d + k] = (L.data[i * d + k] + s * v[i]) / c;
      v[i] = c * v[i] - s * L.data[i * d + k];
    }
  }
  return L;
}
// #endregion

function checkPoint(p: Posterior, x: Vector, y: number, sigma2: number) {
  const fn = 'addPoint';
  checkPosterior(fn, p);
  checkHyper(fn, { sigma2, tau2: 1 });
  if (!(x instanceof Float64Array) || x.length !== p.mean.length ||
    !x.every(Number.isFinite) || !Number.isFinite(y)) {
    throw new Error(`${fn}: expected a finite x of length ` +
      `${p.mean.length} and a finite y`);
  }
}
