// The multivariate normal N(mu, Sigma), held by its Cholesky factor:
// log-density, sampling, marginals, conditionals and entropy.
import type { Rng } from '../introduction/random.ts';
import {
  Matrix, checkFinite, shapeOf, type Vector,
} from '../linear-algebra/matrix.ts';
import { choleskyFor } from '../decompositions/cholesky.ts';
import {
  solveLower, solveLowerTransposed,
} from '../decompositions/triangular.ts';

const LOG_2PI = Math.log(2 * Math.PI);

/** The sub-matrix of A with the given rows and columns. */
function pick(A: Matrix, rows: number[], cols: number[]): Matrix {
  const out = new Matrix(rows.length, cols.length);
  rows.forEach((i, r) => cols.forEach((j, c) => {
    out.data[r * cols.length + c] = A.data[i * A.cols + j];
  }));
  return out;
}

/** Throws unless idx lists distinct integers in [0, d), at least one. */
function checkIndices(fn: string, idx: number[], d: number): void {
  const ok = Array.isArray(idx) && idx.length > 0 &&
    new Set(idx).size === idx.length &&
    idx.every((i) => Number.isInteger(i) && i >= 0 && i < d);
  if (!ok) {
    throw new Error(
      `${fn}: expected distinct indices in [0, ${d}), got ` +
        (Array.isArray(idx) ? `[${idx.join(', ')}]` : String(idx)),
    );
  }
}

export class MultivariateNormal {
  // #region mvn-class
  readonly dim: number;
  readonly mean: Vector;
  readonly cov: Matrix;
  /** Lower-triangular L with L L^T = cov: Eq. (prob-mvn-chol). */
  readonly L: Matrix;
  /** log det cov = 2 sum_i log L_ii: Eq. (prob-logdet). */
  readonly logDet: number;

  constructor(mean: Vector, cov: Matrix) {
    const fn = 'MultivariateNormal';
    const d = mean.length;
    if (d === 0 || cov.rows !== d || cov.cols !== d) {
      throw new Error(
        `${fn}: expected mean vector(d) and cov d x d, got ` +
          `${shapeOf(mean)} and ${shapeOf(cov)}`,
      );
    }
    checkFinite(fn, 'mean', mean);
    checkFinite(fn, 'cov', cov);
    this.dim = d;
    this.mean = mean.slice();
    this.cov = new Matrix(d, d, cov.data.slice());
    this.L = choleskyOf(fn, this.cov);
    let logDet = 0;
    for (let i = 0; i < d; i++) logDet += 2 * Math.log(this.L.get(i, i));
    this.logDet = logDet;
  }
  // #endregion

  // #region mvn-log-pdf
  /** (x - mu)^T cov^-1 (x - mu) = |z|^2, z = L^-1 (x - mu). */
  mahalanobisSq(x: Vector): number {
    this.checkPoint('MultivariateNormal.mahalanobisSq', x);
    const diff = x.map((xi, i) => xi - this.mean[i]);
    const z = solveLower(this.L, diff); // Eq. (prob-whiten)
    let q = 0;
    for (let i = 0; i < this.dim; i++) q += z[i] * z[i];
    return q;
  }

  /** log p(x) for x ~ N(mu, cov): Eq. (prob-mvn-log). */
  logPdf(x: Vector): number {
    this.checkPoint('MultivariateNormal.logPdf', x);
    const q = this.mahalanobisSq(x);
    return -0.5 * (q + this.logDet + this.dim * LOG_2PI);
  }
  // #endregion

  // #region mvn-score
  /** The gradient of log p at x, -cov^-1 (x - mu): Eq. (prob-mvn-score). */
  score(x: Vector): Vector {
    this.checkPoint('MultivariateNormal.score', x);
    const diff = x.map((xi, i) => xi - this.mean[i]);
    const g = solveLowerTransposed(this.L, solveLower(this.L, diff));
    return g.map((gi) => -gi);
  }
  // #endregion

  // #region mvn-sample
  /** One draw mu + L z with z ~ N(0, I): Eq. (prob-mvn-sample). */
  sample(rng: Rng): Vector {
    const d = this.dim;
    const z = rng.normalArray(d);
    const x = this.mean.slice();
    for (let i = 0; i < d; i++) {
      for (let j = 0; j <= i; j++) x[i] += this.L.data[i * d + j] * z[j];
    }
    return x;
  }

  /** n draws, one per row of an n x d matrix. */
  sampleMany(rng: Rng, n: number): Matrix {
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`MultivariateNormal.sampleMany: n must be an ` +
        `integer >= 1, got ${n}`);
    }
    const X = new Matrix(n, this.dim);
    for (let r = 0; r < n; r++) X.data.set(this.sample(rng), r * this.dim);
    return X;
  }
  // #endregion

  // #region mvn-marginal
  /** The marginal of x_idx: keep those entries, Eq. (prob-marginal). */
  marginal(idx: number[]): MultivariateNormal {
    checkIndices('MultivariateNormal.marginal', idx, this.dim);
    const mu = Float64Array.from(idx, (i) => this.mean[i]);
    return new MultivariateNormal(mu, pick(this.cov, idx, idx));
  }
  // #endregion

  // #region mvn-conditional
  /** The law of the other entries given x_b: Eq. (prob-conditional). */
  conditional(b: number[], xb: Vector): MultivariateNormal {
    const fn = 'MultivariateNormal.conditional';
    const a = this.checkObserved(fn, b, xb); // the unobserved indices
    const Lbb = choleskyOf(fn, pick(this.cov, b, b));
    const W = pick(this.cov, b, a); // Sigma_ba, then L_bb^-1 Sigma_ba
    for (let j = 0; j < a.length; j++) {
      const col = solveLower(Lbb, W.col(j));
      for (let i = 0; i < b.length; i++) W.data[i * a.length + j] = col[i];
    }
    const s = solveLower(Lbb, xb.map((v, i) => v - this.mean[b[i]]));
    const mu = Float64Array.from(a, (ai, j) => {
      let m = this.mean[ai];
      for (let i = 0; i < b.length; i++) m += W.get(i, j) * s[i];
      return m; // mu_a + W^T s, Eq. (prob-cond-mean)
    });
    // #endregion

    // #region mvn-conditional-cov
    const S = pick(this.cov, a, a);
    for (let j = 0; j < a.length; j++) {
      for (let k = 0; k < a.length; k++) {
        let t = 0;
        for (let i = 0; i < b.length; i++) t += W.get(i, j) * W.get(i, k);
        S.data[j * a.length + k] -= t; // Eq. (prob-cond-cov)
      }
    }
    return new MultivariateNormal(mu, S);
  }
  // #endregion

  // #region mvn-entropy
  /** Differential entropy in nats: Eq. (prob-mvn-entropy). */
  entropy(): number {
    return 0.5 * (this.dim * (1 + LOG_2PI) + this.logDet);
  }
  // #endregion

  /** Checks b and xb; returns the indices a that are not observed. */
  private checkObserved(fn: string, b: number[], xb: Vector): number[] {
    checkIndices(fn, b, this.dim);
    const a = [...Array(this.dim).keys()].filter((i) => !b.includes(i));
    if (a.length === 0 || xb?.length !== b.length) {
      throw new Error(`${fn}: expected 1 to ${this.dim - 1} observed ` +
        `indices and one value each, got ${b.length} and ${xb?.length}`);
    }
    checkFinite(fn, 'xb', xb);
    return a;
  }

  private checkPoint(fn: string, x: Vector): void {
    if (x.length !== this.dim) {
      throw new Error(`${fn}: expected x of length ${this.dim}, got ` +
        `${shapeOf(x)}`);
    }
    checkFinite(fn, 'x', x);
  }
}

/** Cholesky of a covariance, with an error that names the caller. */
function choleskyOf(fn: string, S: Matrix): Matrix {
  return choleskyFor(fn, S, 'the covariance must be positive definite;');
}
