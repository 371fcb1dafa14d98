// Tests for chapter "Matrix decompositions". One `it` per claim in the
// chapter; equation labels refer to chapters/foundations/decompositions.mdx.
import {
  CholeskyDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  SVD as MlSVD,
} from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { assertAllClose } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { hilbert } from '../code/linear-algebra/hilbert.ts';
import {
  Matrix,
  fromRows,
  identity,
  matmul,
  matvec,
  norm,
  scale,
  sub,
  subVec,
  transpose,
  type Vector,
} from '../code/linear-algebra/matrix.ts';
import { solve } from '../code/linear-algebra/solve.ts';
import {
  NotPositiveDefiniteError,
  cholesky,
  choleskyFor,
  choleskySolve,
} from '../code/decompositions/cholesky.ts';
import {
  conditioningStudy,
  monomials,
  normalEquations,
} from '../code/decompositions/conditioning.ts';
import {
  ConvergenceError,
  jacobiRotation,
  symmetricEigen,
} from '../code/decompositions/eigen.ts';
import {
  INDEFINITE,
  choleskyFailure,
  conditioningSummary,
  ellipseExample,
  gaussianMatrix,
  hardCases,
  otherHardCases,
  imageStudy,
  randomOrthogonal,
  randomSpd,
  SWEEP_N,
  sweepHistories,
  symmetrize,
} from '../code/decompositions/examples.ts';
import {
  applyQ,
  applyQt,
  householderQR,
  householderVector,
  thinQ,
} from '../code/decompositions/householder.ts';
import { syntheticImage } from '../code/decompositions/image.ts';
import {
  qrStep,
  symmetricEigenQR,
  tridiagonalize,
  wilkinsonShift,
} from '../code/decompositions/tridiagonal.ts';
import { qrLeastSquares } from '../code/decompositions/least-squares.ts';
import {
  frobenius,
  lowRankApprox,
  tailNorm,
  truncate,
} from '../code/decompositions/low-rank.ts';
import {
  minNormLeastSquares,
  pseudoInverse,
  rank,
} from '../code/decompositions/pseudo-inverse.ts';
import { svd, type SVD } from '../code/decompositions/svd.ts';
import {
  solveLower,
  solveLowerTransposed,
  solveUpper,
} from '../code/decompositions/triangular.ts';
import { smallestRank, squareImage } from
  '../code/decompositions/solutions/compression.ts';
import { logDet } from '../code/decompositions/solutions/log-det.ts';
import { ridgeSvd } from '../code/decompositions/solutions/ridge-svd.ts';
import { reflectionError } from
  '../code/decompositions/solutions/wrong-sign.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/decompositions.ts';

// ---------------------------------------------------------------------
// Helpers and tolerances

/** Unit roundoff u = eps / 2 of IEEE double. */
const u = Number.EPSILON / 2;
/** gamma_k = k u / (1 - k u), Eq. (la-gamma). */
const gamma = (k: number) => (k * u) / (1 - k * u);

const ref = fixture('decompositions', 'reference.json');

const M = (rows: number[][]) => fromRows(rows);
const v = (...xs: number[]) => Float64Array.from(xs);

/** max |a_ij - b_ij|. */
function maxDiff(A: Matrix | Vector, B: Matrix | Vector): number {
  const a = A instanceof Matrix ? A.data : A;
  const b = B instanceof Matrix ? B.data : B;
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let t = 0; t < a.length; t++) d = Math.max(d, Math.abs(a[t] - b[t]));
  return d;
}

/** ||Q^T Q - I||_F: how far the columns of Q are from orthonormal. */
function orthogonalityError(Q: Matrix): number {
  return frobenius(sub(matmul(transpose(Q), Q), identity(Q.cols)));
}

function diag(values: ArrayLike<number>): Matrix {
  const n = values.length;
  const D = new Matrix(n, n);
  for (let i = 0; i < n; i++) D.data[i * n + i] = values[i];
  return D;
}

/** U diag(s) V^T. */
function rebuild(f: SVD): Matrix {
  return matmul(matmul(f.U, diag(f.s)), transpose(f.V));
}

/** Column j of A times the sign that makes its largest entry positive:
 *  singular and eigenvectors are defined only up to sign. */
function signFixed(A: Matrix): Matrix {
  const B = new Matrix(A.rows, A.cols, A.data.slice());
  for (let j = 0; j < A.cols; j++) {
    let big = 0;
    for (let i = 0; i < A.rows; i++) {
      const x = A.data[i * A.cols + j];
      if (Math.abs(x) > Math.abs(big)) big = x;
    }
    if (big < 0) {
      for (let i = 0; i < A.rows; i++) B.data[i * A.cols + j] *= -1;
    }
  }
  return B;
}

/** The first k columns of A. */
function firstColumns(A: Matrix, k: number): Matrix {
  const B = new Matrix(A.rows, k);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < k; j++) B.data[i * k + j] = A.data[i * A.cols + j];
  }
  return B;
}

/** The orthogonal projector V_S V_S^T onto the span of columns S. */
function projector(V: Matrix, cols: number[]): Matrix {
  const n = V.rows;
  const P = new Matrix(n, n);
  for (const j of cols) {
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        P.data[a * n + b] += V.data[a * V.cols + j] * V.data[b * V.cols + j];
      }
    }
  }
  return P;
}

/** The 2-norm ||A||_2 = sigma_1, from our SVD. */
const norm2 = (A: Matrix) => svd(A).s[0];

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but the call returned');
}

// ---------------------------------------------------------------------

describe('triangular solves', () => {
  it('solve small integer triangular systems exactly', () => {
    const L = M([[2, 0, 0], [1, 1, 0], [3, -2, 4]]);
    // L x = b with x = (1, 2, 3): every step is exact in binary
    const x = v(1, 2, 3);
    expect(Array.from(solveLower(L, matvec(L, x)))).toEqual([1, 2, 3]);
    const U = transpose(L);
    expect(Array.from(solveUpper(U, matvec(U, x)))).toEqual([1, 2, 3]);
    expect(Array.from(solveLowerTransposed(L, matvec(U, x))))
      .toEqual([1, 2, 3]);
  });

  it('refuse a zero on the diagonal, wrong shapes and NaN', () => {
    const L = M([[1, 0], [1, 0]]);
    expect(() => solveLower(L, v(1, 2))).toThrow(
      /solveLower: the diagonal entry \(1, 1\) is 0/,
    );
    expect(() => solveUpper(identity(2), v(1))).toThrow(
      /solveUpper: expected an n x n matrix and vector\(n\), got 2x2 and vector\(1\)/,
    );
    expect(() => solveLowerTransposed(identity(2), v(1, NaN))).toThrow(
      /solveLowerTransposed: b \(vector\(2\)\) has NaN/,
    );
  });
});

describe('Cholesky', () => {
  it('reconstructs A = L L^T within gamma_(n+1) |L| |L^T|', () => {
    // Backward error of Cholesky (Higham, Thm 10.3), entry by entry:
    // |L L^T - A| <= gamma_(n+1) |L| |L|^T. The product L L^T is itself
    // rounded (Eq. la-dot-error, gamma_n), so we allow the sum of both.
    const n = 12;
    const A = randomSpd(1, n);
    const L = cholesky(A);
    const LLt = matmul(L, transpose(L));
    const absL = new Matrix(n, n, L.data.map(Math.abs));
    const bound = matmul(absL, transpose(absL));
    for (let t = 0; t < A.data.length; t++) {
      const allowed = (gamma(n + 1) + gamma(n)) * bound.data[t];
      expect(Math.abs(LLt.data[t] - A.data[t])).toBeLessThanOrEqual(allowed);
    }
  });

  it('returns L lower triangular with a positive diagonal', () => {
    const L = cholesky(randomSpd(2, 7));
    for (let i = 0; i < 7; i++) {
      expect(L.get(i, i)).toBeGreaterThan(0);
      for (let j = i + 1; j < 7; j++) expect(L.get(i, j)).toBe(0);
    }
  });

  it('solves A x = b to within n kappa u via choleskySolve', () => {
    // Forward error <= c n kappa(A) u for a backward-stable solve
    // (Eq. la-cond-bound); c = 10 covers the two triangular solves.
    const n = 10;
    const A = randomSpd(3, n);
    const ones = new Float64Array(n).fill(1);
    const x = choleskySolve(cholesky(A), matvec(A, ones));
    const { values } = symmetricEigen(A);
    const kappa = values[0] / values[n - 1];
    const err = norm(subVec(x, ones)) / norm(ones);
    expect(err).toBeLessThanOrEqual(10 * n * kappa * u);
  });

  it('agrees with scipy.linalg.cholesky', () => {
    // Both factors are backward stable; a perturbation dA of A moves L
    // by at most about kappa(A) ||dA|| / ||A|| relatively (Sun 1991),
    // so we allow 2 (two codes) x gamma_(n+1) x kappa(A), relative to
    // ||L||_F, entry by entry.
    const A = M(ref.cholesky.A);
    const n = A.rows;
    const { values } = symmetricEigen(A);
    const kappa = values[0] / values[n - 1];
    const L = cholesky(A);
    const Lref = M(ref.cholesky.L);
    const tol = 2 * gamma(n + 1) * kappa * frobenius(Lref);
    expect(maxDiff(L, Lref)).toBeLessThanOrEqual(tol);
  });

  it('refuses an indefinite matrix, naming the column and the pivot', () => {
    const e = thrown(() => cholesky(M(INDEFINITE)));
    expect(e).toBeInstanceOf(NotPositiveDefiniteError);
    const npd = e as NotPositiveDefiniteError;
    // 1 - l_21^2 = 1 - 1 = 0 exactly: positive semidefinite is refused
    expect(npd.column).toBe(1);
    expect(npd.pivot).toBe(0);
    expect(npd.message).toMatch(
      /cholesky: A \(3x3\) is not positive definite: at column 1/,
    );
  });

  it('choleskyFor names its caller and keeps the column and pivot', () => {
    const e = thrown(() => choleskyFor('f', M(INDEFINITE), 'S must be PD;'));
    expect(e).toBeInstanceOf(NotPositiveDefiniteError);
    const npd = e as NotPositiveDefiniteError;
    expect(npd.message).toMatch(/^f: S must be PD; cholesky: A \(3x3\)/);
    expect([npd.column, npd.pivot]).toEqual([1, 0]);
    expect(choleskyFor('f', M([[4]]), '').data[0]).toBe(2);
  });

  it('refuses a non-square, non-symmetric or non-finite A', () => {
    expect(() => cholesky(new Matrix(2, 3))).toThrow(
      /cholesky: expected a square symmetric matrix, got A 2x3/,
    );
    expect(() => cholesky(M([[2, 1], [0, 2]]))).toThrow(
      /cholesky: expected a symmetric A, but a\(1,0\) = 0 and a\(0,1\) = 1/,
    );
    const bad = M([[1, 0], [0, 1]]);
    bad.data[3] = Infinity;
    expect(() => cholesky(bad)).toThrow(/cholesky: A \(2x2\) has Infinity/);
  });

  it('ml-matrix instead returns a flag and a factor holding Infinity', () => {
    // The claim in "Against a library": no error is thrown.
    const c = new CholeskyDecomposition(new MlMatrix(INDEFINITE));
    expect(c.isPositiveDefinite()).toBe(false);
    const L = c.lowerTriangularMatrix.to2DArray().flat();
    expect(L).toContain(Infinity);
  });
});

describe('Householder QR', () => {
  it('maps x to alpha e_1 with |alpha| = ||x||, against the sign of x_0', () => {
    const x = v(3, 1, 5, 1);
    const { v: w, beta, alpha } = householderVector(x);
    expect(alpha).toBeCloseTo(-6, 14); // ||x|| = 6, x_0 > 0
    expect(w[0]).toBe(1);
    const wx = w.reduce((s, wi, i) => s + wi * x[i], 0);
    const Hx = x.map((xi, i) => xi - beta * w[i] * wx);
    // Eq. (dec-house-beta): H x = alpha e_1, up to a few roundings
    assertAllClose(Hx, v(alpha, 0, 0, 0), { rtol: 0, atol: 8 * u * 6 });
    // H is orthogonal: beta = 2 / (v^T v), Eq. (dec-house-beta)
    const vv = w.reduce((s, wi) => s + wi * wi, 0);
    expect(beta * vv).toBeCloseTo(2, 14);
  });

  it('is the identity when nothing is below x_0, and never overflows', () => {
    expect(householderVector(v(-2, 0, 0)).beta).toBe(0);
    const h = householderVector(v(3e200, 4e200));
    expect(h.alpha).toBeCloseTo(-5e200, -186);
    expect(Number.isFinite(h.beta) && h.beta > 0).toBe(true);
  });

  it('reconstructs tall, square and wide A = QR (backward stable)', () => {
    // Higham, Thm 19.4: Q R = A + dA, ||da_j|| <= gamma~(mn) ||a_j||;
    // we check ||QR - A||_F <= m n u ||A||_F (constant c = 1).
    for (const [m, n, seed] of [[9, 4, 1], [6, 6, 2], [3, 7, 3]]) {
      const A = gaussianMatrix(seed, m, n);
      const f = householderQR(A);
      const QR = matmul(thinQ(f), f.R);
      expect(frobenius(sub(QR, A))).toBeLessThanOrEqual(
        m * n * u * frobenius(A),
      );
    }
  });

  it('gives Q^T Q = I to within m n u', () => {
    // Q is a product of computed reflectors: ||Q^T Q - I|| = O(m n u).
    const f = householderQR(gaussianMatrix(4, 40, 12));
    expect(orthogonalityError(thinQ(f))).toBeLessThanOrEqual(40 * 12 * u);
  });

  it('stores R upper triangular, with exact zeros below the diagonal', () => {
    const { R } = householderQR(gaussianMatrix(5, 7, 5));
    for (let i = 0; i < R.rows; i++) {
      for (let j = 0; j < i; j++) expect(R.get(i, j)).toBe(0);
    }
  });

  it("agrees with numpy.linalg.qr's R, signs included", () => {
    // Same sign convention as LAPACK (alpha = -sign(x_0)||x||), so no
    // sign fixing. Perturbation theory for R (Sun 1991): dR / ||R|| is
    // at most about sqrt(2) kappa(A) dA / ||A||; two backward-stable
    // codes, each within m n u: tol = 2 sqrt(2) kappa m n u ||A||_F.
    for (const entry of ref.qr) {
      const A = M(entry.A);
      const { s } = svd(A);
      const kappa = s[0] / s[s.length - 1];
      const tol = 2 * Math.SQRT2 * kappa * A.rows * A.cols * u *
        frobenius(A);
      expect(maxDiff(householderQR(A).R, M(entry.R))).toBeLessThan(tol);
    }
  });

  it('applies Q and Q^T without forming Q, consistently with thinQ', () => {
    const f = householderQR(gaussianMatrix(6, 8, 3));
    const b = createRng(7).normalArray(8);
    // Q^T Q b = b: eight reflections, each within a few u
    assertAllClose(applyQ(f, applyQt(f, b)), b, { rtol: 0, atol: 1e-14 });
    const Q = thinQ(f);
    const e1 = v(0, 1, 0, 0, 0, 0, 0, 0);
    assertAllClose(applyQ(f, e1), Q.col(1), { rtol: 0, atol: 0 });
    expect(() => applyQt(f, v(1, 2))).toThrow(
      /applyQt: Q is 8x8, so the vector must be vector\(8\); got vector\(2\)/,
    );
  });

  it('handles a zero column: r_jj = 0 exactly, and QR = A', () => {
    const A = otherHardCases()[1].A; // 4 x 3 with a zero middle column
    const f = householderQR(A);
    expect(f.R.get(1, 1)).toBe(0);
    expect(f.beta[1]).toBe(0); // nothing to eliminate: H_1 = I
    expect(maxDiff(matmul(thinQ(f), f.R), A)).toBeLessThan(1e-14);
  });

  it('rejects NaN in A', () => {
    const A = gaussianMatrix(1, 3, 2);
    A.data[4] = NaN;
    expect(() => householderQR(A)).toThrow(
      /householderQR: A \(3x2\) has NaN at \(2, 0\)/,
    );
  });
});

describe('least squares by QR', () => {
  it('leaves a residual orthogonal to the columns, of the stated norm', () => {
    const X = gaussianMatrix(8, 30, 5);
    const y = createRng(9).normalArray(30);
    const { w, residualNorm } = qrLeastSquares(X, y);
    const r = subVec(y, matvec(X, w));
    // Eq. (la-orthogonal): X^T r = 0; in floating point, each entry is
    // a dot product of length 30 of O(1) numbers: tol m n u ||X|| ||y||.
    const Xtr = matvec(transpose(X), r);
    const tol = 30 * 5 * u * frobenius(X) * norm(y);
    for (const t of Xtr) expect(Math.abs(t)).toBeLessThan(tol);
    expect(residualNorm).toBeCloseTo(norm(r), 13);
  });

  it('agrees with numpy.linalg.lstsq to within the conditioning', () => {
    // Least-squares perturbation (Golub & Van Loan, Thm 5.3.1): the
    // relative change in w is at most about kappa u (2 + kappa tan
    // theta); with two stable codes and c = m n we allow
    // 2 m n u kappa (1 + kappa tan theta), theta the residual angle.
    for (const entry of ref.lstsq) {
      const X = M(entry.X);
      const y = Float64Array.from(entry.y);
      const { w, residualNorm } = qrLeastSquares(X, y);
      const fit = Math.sqrt(norm(y) ** 2 - residualNorm ** 2);
      const tanTheta = residualNorm / fit;
      const kappa = entry.cond;
      const tol = 2 * X.rows * X.cols * u * kappa * (1 + kappa * tanTheta);
      const wRef = Float64Array.from(entry.w);
      expect(norm(subVec(w, wRef)) / norm(wRef)).toBeLessThan(tol);
    }
  });

  it('refuses a wide or rank-deficient X, pointing to the SVD', () => {
    expect(() => qrLeastSquares(new Matrix(2, 3), v(1, 2))).toThrow(
      /qrLeastSquares: expected at least as many rows as columns, got X 2x3.*minNormLeastSquares/,
    );
    expect(() => qrLeastSquares(otherHardCases()[1].A, v(1, 2, 3, 4))).toThrow(
      /qrLeastSquares: X \(4x3\) is rank deficient: .*column 1.*minNormLeastSquares/,
    );
    expect(() => qrLeastSquares(identity(2), v(1, 2, 3))).toThrow(
      /qrLeastSquares: X is 2x2, so y must be vector\(2\); got y vector\(3\)/,
    );
  });

  it('builds the monomial design of the fixture, whose Gram tends to H_n', () => {
    // t^j in JavaScript and NumPy may differ in the last bit: rtol 2u.
    assertAllClose(monomials(20, 6).data, M(ref.lstsq[1].X).data, {
      rtol: 2 * u, atol: 0,
    });
    // (A^T A)/m is a Riemann sum of int_0^1 t^(i+j) dt with nodes at
    // i/(m-1); for an increasing integrand on [0,1] with values in
    // [0, 1], the sum's error is at most 1/(m-1) + 1/m.
    const m = 2001;
    const A = monomials(m, 4);
    const G = matmul(transpose(A), A);
    const H = hilbert(4);
    const scaled = G.data.map((g) => g / m);
    assertAllClose(scaled, H.data, { rtol: 0, atol: 1 / (m - 1) + 1 / m });
  });

  it('keeps QR within kappa eps; the normal equations near kappa^2 eps', () => {
    // Eq. (dec-qr-error) with y in the range of A (tan theta = 0):
    // QR's error is at most c kappa u; the constant c = 2 m n of the
    // lstsq test would hide the point, and the measured worst ratio is
    // below 1: we assert qrError <= 2 kappa eps = 4 kappa u.
    const rows = conditioningStudy(50, 16);
    for (const r of rows) {
      expect(r.qrError).toBeLessThanOrEqual(2 * r.kappa * Number.EPSILON);
    }
    // The normal equations: error grows like kappa^2 eps (Eq.
    // dec-normal-error). From n = 6 on, the gap is at least 100x.
    for (const r of rows.filter((r) => r.n >= 6 && r.normalError)) {
      expect(r.normalError!).toBeGreaterThan(100 * r.qrError);
      expect(r.normalError!).toBeLessThan(
        r.kappa ** 2 * Number.EPSILON * 10,
      );
    }
  });

  it('sees Cholesky refuse the normal equations, where QR still works', () => {
    // conditioningSummary is conditioningStudy(50, 16) with the numbers
    // the prose quotes
    const { rows, refusedN, qrRatio, last } = conditioningSummary();
    expect(rows.map((r) => r.n)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 2));
    const refused = rows.filter((r) => r.normalError === null);
    expect(refused.length).toBeGreaterThan(0);
    const first = refused[0];
    expect(refusedN).toBe(first.n);
    expect(last).toBe(rows.find((r) => r.n === first.n - 1));
    let worst = 0;
    for (const r of rows) {
      worst = Math.max(worst, r.qrError / (r.kappa * Number.EPSILON));
    }
    expect(qrRatio).toBe(worst);
    // "from n on": every larger n is refused too
    for (const r of rows.filter((r) => r.n >= first.n)) {
      expect(r.normalError).toBeNull();
    }
    // there kappa(A^T A) = kappa^2 is far beyond 1 / eps
    expect(first.kappa ** 2 * Number.EPSILON).toBeGreaterThan(1);
    expect(first.qrError).toBeLessThan(1e-6);
    const A = monomials(50, first.n);
    const y = matvec(A, new Float64Array(first.n).fill(1));
    expect(() => normalEquations(A, y)).toThrow(NotPositiveDefiniteError);
  });
});

describe('symmetric eigendecomposition (cyclic Jacobi)', () => {
  it('computes a rotation that zeroes a_pq, even for a tiny a_pq', () => {
    const [app, apq, aqq] = [2, 0.7, -1];
    const { c, s } = jacobiRotation(app, apq, aqq);
    expect(c * c + s * s).toBeCloseTo(1, 15);
    // (J^T B J)_pq with J = [[c, s], [-s, c]]: Eq. (dec-jacobi-t)
    const bpq = c * s * (app - aqq) + (c * c - s * s) * apq;
    expect(Math.abs(bpq)).toBeLessThan(4 * u * 2);
    const tiny = jacobiRotation(1, 1e-300, 2); // tau = 5e299
    expect(tiny.c).toBe(1);
    expect(tiny.s).toBeCloseTo(1e-300, 310);
  });

  it('satisfies A V = V Lambda and V^T V = I, values largest first', () => {
    // Jacobi is backward stable (Golub & Van Loan, Sec. 8.5): residual
    // and loss of orthogonality are O(n u ||A||); we allow n^2 u, a
    // constant of n for the n - 1 rotations each column takes a sweep.
    const n = 30;
    const A = symmetrize(gaussianMatrix(5, n, n));
    const { values, vectors } = symmetricEigen(A);
    const normA = frobenius(A);
    const AV = matmul(A, vectors);
    const VL = matmul(vectors, diag(values));
    expect(frobenius(sub(AV, VL))).toBeLessThan(n * n * u * normA);
    expect(orthogonalityError(vectors)).toBeLessThan(n * n * u);
    for (let i = 1; i < n; i++) {
      expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    }
  });

  it('agrees with numpy.linalg.eigh: values and vectors', () => {
    // Weyl: a backward error dA moves every eigenvalue by <= ||dA||_2;
    // two codes within n^2 u ||A||_F each. Vectors move by about
    // ||dA|| / gap (Davis-Kahan), so they get tol / gap.
    const entry = ref.eigh[0];
    const A = M(entry.A);
    const n = A.rows;
    const tol = 2 * n * n * u * frobenius(A);
    const ours = symmetricEigen(A);
    assertAllClose(ours.values, entry.values, { rtol: 0, atol: tol });
    const vals: number[] = entry.values;
    const gap = Math.min(...vals.slice(1).map((x, i) => vals[i] - x));
    const Vref = signFixed(M(entry.vectors));
    expect(maxDiff(signFixed(ours.vectors), Vref)).toBeLessThan(tol / gap);
  });

  it('handles a repeated eigenvalue: the same eigenspaces as NumPy', () => {
    // Eigenvalues 3, 3, 3, 1, 1: any orthonormal basis of each
    // eigenspace is right, so compare the projectors onto the spaces.
    const entry = ref.eigh[1];
    const A = M(entry.A);
    const tol = 2 * 25 * u * frobenius(A); // as above, n = 5
    const ours = symmetricEigen(A);
    assertAllClose(ours.values, [3, 3, 3, 1, 1], { rtol: 0, atol: tol });
    const Vref = M(entry.vectors);
    for (const cols of [[0, 1, 2], [3, 4]]) {
      // gap between the two eigenvalues is 2
      expect(maxDiff(projector(ours.vectors, cols), projector(Vref, cols)))
        .toBeLessThan(tol / 2);
    }
  });

  it('terminates at once on diag(0.01, 0, 0), which hung another library', () => {
    const { values, vectors, sweeps } = symmetricEigen(hardCases()[2].A);
    expect(sweeps).toBe(1); // one sweep that finds nothing to rotate
    expect(Array.from(values)).toEqual([0.01, 0, 0]);
    expect(Array.from(vectors.data)).toEqual(Array.from(identity(3).data));
  });

  it('converges on a 100 x 100 matrix that needs many sweeps', () => {
    const n = 100;
    const A = symmetrize(gaussianMatrix(13, n, n));
    const { values, vectors, sweeps } = symmetricEigen(A);
    expect(sweeps).toBeGreaterThanOrEqual(10); // many, and yet bounded
    expect(sweeps).toBeLessThanOrEqual(30);
    const res = frobenius(sub(matmul(A, vectors), matmul(vectors, diag(values))));
    expect(res).toBeLessThan(n * n * u * frobenius(A)); // as above
  });

  it('converges quadratically: off(A) after a sweep <= c off(A)^2', () => {
    // Quadratic convergence (Golub & Van Loan, Sec. 8.5.3) means
    // h[s] <= c h[s-1]^2 with c independent of s. Over the last sweeps
    // h falls from below 1e-3 to 1e-13; we assert c = 1000 there. A
    // linear rate, even a fast 0.1 per sweep, breaks it by the second
    // such sweep (1e-4 -> 1e-5 needs c = 1e3, 1e-5 -> 1e-6 c = 1e4).
    const { eig } = sweepHistories();
    const h = eig.offNorms;
    let checked = 0;
    for (let s = 1; s < h.length; s++) {
      if (h[s - 1] < 1e-3 && h[s] > 1e-15) {
        expect(h[s]).toBeLessThan(1000 * h[s - 1] ** 2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('reports non-convergence with a clear error, never loops forever', () => {
    const A = symmetrize(gaussianMatrix(13, 40, 40));
    const e = thrown(() => symmetricEigen(A, 3));
    expect(e).toBeInstanceOf(ConvergenceError);
    expect(e.message).toMatch(
      /symmetricEigen: not converged after 3 sweeps on a 40x40 matrix; off\(A\)\/\|\|A\|\|_F = /,
    );
    expect(() => symmetricEigen(identity(2), 0)).toThrow(
      /symmetricEigen: expected maxSweeps to be a positive integer, got 0/,
    );
  });

  it('refuses a non-symmetric or non-finite A', () => {
    expect(() => symmetricEigen(M([[1, 2], [3, 4]]))).toThrow(
      /symmetricEigen: expected a symmetric A/,
    );
    expect(() => symmetricEigen(new Matrix(2, 2, v(1, NaN, NaN, 1))))
      .toThrow(
      /symmetricEigen: A \(2x2\) has NaN at \(0, 1\)/,
    );
  });
  it('solves a 1,000 x 1,000 problem: no stack overflow (a shuffled block-diagonal A)', () => {
    // Math.hypot(...a) overflowed the stack from n = 355. A dense
    // n = 1000 takes minutes (O(n^3) a sweep; scripts/bench/eigen.ts),
    // so this A is 500 random 2 x 2 blocks [[a, b], [b, c]] on shuffled
    // rows and columns: every step runs at n = 1000, in milliseconds.
    // Each block has eigenvalues (a + c)/2 +- hypot((a - c)/2, b).
    const n = 1000;
    const rng = createRng(13);
    const perm = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const A = new Matrix(n, n);
    const expected: number[] = [];
    for (let k = 0; k < n; k += 2) {
      const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()];
      const [i, j] = [perm[k], perm[k + 1]];
      A.data[i * n + i] = a;
      A.data[j * n + j] = c;
      A.data[i * n + j] = b;
      A.data[j * n + i] = b;
      const r = Math.hypot((a - c) / 2, b);
      expected.push((a + c) / 2 + r, (a + c) / 2 - r);
    }
    expected.sort((x, y) => y - x);
    const { values, vectors, sweeps } = symmetricEigen(A);
    expect(sweeps).toBe(2); // one rotation a block, then nothing to do
    // one rotation of a 2 x 2 block: a few u of its size (here < 8)
    assertAllClose(values, expected, { rtol: 0, atol: 64 * u });
    for (let j = 0; j < n; j += 97) { // A v = lambda v, column by column
      const vj = vectors.col(j);
      assertAllClose(matvec(A, vj), vj.map((x) => values[j] * x), {
        rtol: 0, atol: 64 * u,
      });
      expect(Math.abs(norm(vj) - 1)).toBeLessThan(4 * u);
    }
  });
});

describe('tridiagonal QR', () => {
  /** The symmetric tridiagonal matrix with diagonal d, off-diagonal e. */
  function tridiagonal(d: number[], e: number[]): Matrix {
    const n = d.length;
    const T = new Matrix(n, n);
    for (let i = 0; i < n; i++) T.data[i * n + i] = d[i];
    for (let i = 0; i + 1 < n; i++) {
      T.data[(i + 1) * n + i] = e[i];
      T.data[i * n + i + 1] = e[i];
    }
    return T;
  }

  it('tridiagonalizes: A = Q T Q^T with Q orthogonal, Eq. (dec-tri-steps)', () => {
    // Householder similarities are backward stable (Golub & Van Loan,
    // Sec. 8.3.1): errors O(n u ||A||); we allow n^2 u, as for Jacobi.
    const n = 40;
    const A = symmetrize(gaussianMatrix(21, n, n));
    const { d, e, Q } = tridiagonalize(A);
    const T = tridiagonal(Array.from(d), Array.from(e));
    const QTQt = matmul(matmul(Q, T), transpose(Q));
    expect(frobenius(sub(QTQt, A))).toBeLessThan(n * n * u * frobenius(A));
    expect(orthogonalityError(Q)).toBeLessThan(n * n * u);
    expect(Q.data[0]).toBe(1); // e_1 is left alone: Q e_1 = e_1
  });

  it('agrees with Jacobi on random symmetric matrices: values and vectors', () => {
    // Both are backward stable, so values agree to O(n u ||A||) (Weyl):
    // 1e-12 ||A||_F is ample at n = 50; vectors to that over the gap.
    for (const [seed, n] of [[22, 7], [23, 50]]) {
      const A = symmetrize(gaussianMatrix(seed, n, n));
      const tol = 1e-12 * frobenius(A);
      const jac = symmetricEigen(A);
      const qr = symmetricEigenQR(A);
      assertAllClose(qr.values, jac.values, { rtol: 0, atol: tol });
      let gap = Infinity;
      for (let i = 1; i < n; i++) {
        gap = Math.min(gap, jac.values[i - 1] - jac.values[i]);
      }
      expect(maxDiff(signFixed(qr.vectors), signFixed(jac.vectors)))
        .toBeLessThan(tol / gap);
    }
  });

  it('satisfies A V = V Lambda and V^T V = I, values largest first', () => {
    const n = 60;
    const A = symmetrize(gaussianMatrix(24, n, n));
    const { values, vectors } = symmetricEigenQR(A);
    const res = sub(matmul(A, vectors), matmul(vectors, diag(values)));
    expect(frobenius(res)).toBeLessThan(1e-12 * frobenius(A));
    expect(orthogonalityError(vectors)).toBeLessThan(1e-12 * n);
    for (let i = 1; i < n; i++) {
      expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    }
  });

  it('agrees with numpy.linalg.eigh, including a near-singular 3 x 3', () => {
    for (const entry of [ref.eigh[0], ref.eigh[2]]) {
      const A = M(entry.A);
      const tol = 1e-12 * frobenius(A);
      const ours = symmetricEigenQR(A);
      assertAllClose(ours.values, entry.values, { rtol: 0, atol: tol });
    }
    const entry = ref.eigh[0]; // distinct values: vectors up to sign
    const vals: number[] = entry.values;
    let gap = Infinity;
    for (let i = 1; i < vals.length; i++) {
      gap = Math.min(gap, vals[i - 1] - vals[i]);
    }
    const ours = symmetricEigenQR(M(entry.A));
    const tol = 1e-12 * frobenius(M(entry.A));
    expect(maxDiff(signFixed(ours.vectors), signFixed(M(entry.vectors))))
      .toBeLessThan(tol / gap);
  });

  it("agrees with LAPACK's dsyev, the same method (scipy.linalg.eigh)", () => {
    // driver='ev': tridiagonalization + implicit QL/QR, 12 x 12
    const entry = ref.eigh_qr;
    const A = M(entry.A);
    const tol = 1e-12 * frobenius(A);
    const ours = symmetricEigenQR(A);
    assertAllClose(ours.values, entry.values, { rtol: 0, atol: tol });
    const vals: number[] = entry.values;
    let gap = Infinity;
    for (let i = 1; i < vals.length; i++) {
      gap = Math.min(gap, vals[i - 1] - vals[i]);
    }
    expect(maxDiff(signFixed(ours.vectors), signFixed(M(entry.vectors))))
      .toBeLessThan(tol / gap);
  });

  it('handles a repeated eigenvalue: the same eigenspaces as NumPy', () => {
    const entry = ref.eigh[1]; // eigenvalues 3, 3, 3, 1, 1; gap 2
    const A = M(entry.A);
    const tol = 1e-12 * frobenius(A);
    const ours = symmetricEigenQR(A);
    assertAllClose(ours.values, [3, 3, 3, 1, 1], { rtol: 0, atol: tol });
    for (const cols of [[0, 1, 2], [3, 4]]) {
      const P = projector(M(entry.vectors), cols);
      expect(maxDiff(projector(ours.vectors, cols), P)).toBeLessThan(tol);
    }
  });

  it('is exact on a diagonal matrix: no QR step, V a permutation', () => {
    const { values, vectors, iterations } =
      symmetricEigenQR(diag([1, 3, -2, 2]));
    expect(iterations).toBe(0);
    expect(Array.from(values)).toEqual([3, 2, 1, -2]);
    expect(Array.from(vectors.data)).toEqual(
      [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
  });

  it('leaves a tridiagonal A as it is (Q = I) and finds its eigenvalues', () => {
    // tridiag(-1, 2, -1) of size n: lambda_k = 2 - 2 cos(k pi / (n + 1))
    const n = 20;
    const A = tridiagonal(new Array(n).fill(2), new Array(n - 1).fill(-1));
    expect(Array.from(tridiagonalize(A).Q.data))
      .toEqual(Array.from(identity(n).data));
    const expected = Array.from({ length: n },
      (_, k) => 2 - 2 * Math.cos(((n - k) * Math.PI) / (n + 1)));
    const { values } = symmetricEigenQR(A);
    assertAllClose(values, expected, { rtol: 0, atol: 1e-12 * 4 });
  });

  it('solves 1 x 1 exactly and 2 x 2 to the closed form', () => {
    const one = symmetricEigenQR(M([[-7]]));
    expect(Array.from(one.values)).toEqual([-7]);
    expect(Array.from(one.vectors.data)).toEqual([1]);
    const [a, b, c] = [2, 0.7, -1]; // (a + c)/2 +- hypot((a - c)/2, b)
    const r = Math.hypot((a - c) / 2, b);
    const two = symmetricEigenQR(M([[a, b], [b, c]]));
    assertAllClose(two.values, [(a + c) / 2 + r, (a + c) / 2 - r],
      { rtol: 0, atol: 8 * u * 4 });
    expect(two.iterations).toBe(1); // the Wilkinson shift is exact at 2 x 2
  });

  it('splits at a zero off-diagonal: each block on its own, Eq. (dec-qr-deflate)', () => {
    // e_2 = 0: T = diag(T_1, T_2), so V is block diagonal too, exactly.
    const A = tridiagonal([4, 1, 3, 2, 5], [1, 2, 0, 1]);
    const { values, vectors } = symmetricEigenQR(A);
    const top = symmetricEigen(tridiagonal([4, 1, 3], [1, 2])).values;
    const bottom = symmetricEigen(tridiagonal([2, 5], [1])).values;
    const expected = [...top, ...bottom].sort((x, y) => y - x);
    assertAllClose(values, expected, { rtol: 0, atol: 1e-12 * 10 });
    for (let j = 0; j < 5; j++) {
      const inTop = Math.abs(vectors.data[j]) > 0; // row 0, column j
      for (let i = 0; i < 5; i++) {
        if ((i < 3) === inTop) continue;
        expect(Math.abs(vectors.data[i * 5 + j])).toBe(0); // -0 is fine
      }
    }
  });

  it('handles entries near 1e300, 1e-300 and subnormal ones (scaled first)', () => {
    // Unscaled, eps (|d_i| + |d_i+1|) underflows to 0 for subnormal
    // entries and Eq. (dec-qr-deflate) never holds: the steps run out.
    const A = symmetrize(gaussianMatrix(28, 8, 8));
    const base = symmetricEigenQR(A).values;
    const tol = 1e-12 * frobenius(A);
    for (const f of [1e300, 1e-300]) {
      const { values } = symmetricEigenQR(scale(A, f));
      assertAllClose(values.map((x) => x / f), base, { rtol: 0, atol: tol });
    }
    const tiny = scale(A, 2 ** -1060); // subnormal: few bits survive
    const big = tiny.data.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    assertAllClose(symmetricEigenQR(tiny).values,
      symmetricEigen(tiny).values, { rtol: 0, atol: 1e-12 * 8 * big });
  });

  it('takes about two QR steps per eigenvalue (at most 3n)', () => {
    const n = 100;
    const { iterations } = symmetricEigenQR(
      symmetrize(gaussianMatrix(25, n, n)));
    expect(iterations).toBeGreaterThan(n); // more than one step each
    expect(iterations).toBeLessThan(3 * n);
  });

  it('reports non-convergence with a clear error, never loops forever', () => {
    const A = symmetrize(gaussianMatrix(26, 10, 10));
    const e = thrown(() => symmetricEigenQR(A, 3));
    expect(e).toBeInstanceOf(ConvergenceError);
    expect(e.message).toMatch(
      /^symmetricEigenQR: not converged after 3 QR steps on a 10x10 matrix; \|e_\d+\| = /,
    );
  });

  it('refuses a non-square, non-symmetric or non-finite A', () => {
    expect(() => symmetricEigenQR(new Matrix(2, 3))).toThrow(
      /^symmetricEigenQR: expected a square symmetric matrix, got A 2x3/,
    );
    expect(() => symmetricEigenQR(M([[1, 2], [3, 4]]))).toThrow(
      /^symmetricEigenQR: expected a symmetric A/,
    );
    expect(() => tridiagonalize(new Matrix(2, 2, v(1, Infinity, 1, 1))))
      .toThrow(/^tridiagonalize: A \(2x2\) has Infinity at \(0, 1\)/);
    expect(() => symmetricEigenQR(identity(2), -1)).toThrow(
      /^symmetricEigenQR: expected maxIterations to be an integer >= 0, got -1/,
    );
  });

  it('solves a dense 300 x 300 problem: small residual, orthogonal V', () => {
    const n = 300;
    const A = symmetrize(gaussianMatrix(27, n, n));
    const { values, vectors } = symmetricEigenQR(A);
    const res = sub(matmul(A, vectors), matmul(vectors, diag(values)));
    expect(frobenius(res)).toBeLessThan(1e-12 * frobenius(A));
    expect(orthogonalityError(vectors)).toBeLessThan(1e-12 * n);
  });
});

describe('SVD (one-sided Jacobi)', () => {
  it('reconstructs tall, square and wide A with orthonormal U and V', () => {
    // One-sided Jacobi is backward stable (Demmel & Veselic 1992): we
    // allow m n u ||A||_F for the rebuild and m n u for orthogonality.
    for (const [m, n, seed] of [[12, 5, 1], [8, 8, 2], [4, 11, 3]]) {
      const A = gaussianMatrix(seed, m, n);
      const f = svd(A);
      const tol = m * n * u;
      expect(frobenius(sub(rebuild(f), A))).toBeLessThan(tol * frobenius(A));
      expect(orthogonalityError(f.U)).toBeLessThan(tol);
      expect(orthogonalityError(f.V)).toBeLessThan(tol);
      expect(f.U.cols).toBe(Math.min(m, n));
      for (let i = 1; i < f.s.length; i++) {
        expect(f.s[i]).toBeLessThanOrEqual(f.s[i - 1]);
      }
      expect(f.s[f.s.length - 1]).toBeGreaterThanOrEqual(0);
    }
  });

  it('has sigma_i^2 equal to the eigenvalues of A^T A', () => {
    // Eq. (dec-svd-eig). Forming A^T A costs gamma_m |A|^T |A|, at
    // most m u ||A||_F^2 in norm; both eigensolvers add n^2 u ||A||_F^2.
    const A = gaussianMatrix(14, 15, 6);
    const { s } = svd(A);
    const G = symmetrize(matmul(transpose(A), A));
    const { values } = symmetricEigen(G);
    const tol = (15 + 2 * 36) * u * frobenius(A) ** 2;
    assertAllClose(s.map((x) => x * x), values, { rtol: 0, atol: tol });
  });

  it('agrees with numpy.linalg.svd on tall, wide, rank-2, Hilbert and MLweb matrices', () => {
    // Weyl for singular values: |d sigma_i| <= ||dA||_2; two stable
    // codes, each within m n u ||A||_F.
    for (const entry of ref.svd) {
      const A = M(entry.A);
      const tol = 2 * A.rows * A.cols * u * frobenius(A);
      assertAllClose(svd(A).s, entry.s, { rtol: 0, atol: tol });
    }
  });

  it("agrees with NumPy's singular vectors, up to sign", () => {
    // Wedin: vectors move by about ||dA|| / gap, gap between the
    // distinct singular values of the tall 7 x 4 matrix.
    const entry = ref.svd[0];
    const A = M(entry.A);
    const tol = 2 * A.rows * A.cols * u * frobenius(A);
    const s: number[] = entry.s;
    const gap = Math.min(...s.slice(1).map((x, i) => s[i] - x));
    const f = svd(A);
    expect(maxDiff(signFixed(f.U), signFixed(M(entry.U))))
      .toBeLessThan(tol / gap);
    expect(maxDiff(signFixed(f.V), signFixed(M(entry.V))))
      .toBeLessThan(tol / gap);
  });

  it('maps v_i to sigma_i u_i: the circle of Figure 1 to its ellipse', () => {
    const { A, U, s, V } = ellipseExample();
    // A v_i = sigma_i u_i (Eq. dec-svd-columns) ...
    for (let i = 0; i < 2; i++) {
      const Av = matvec(A, V.col(i));
      assertAllClose(Av, U.col(i).map((x) => s[i] * x), {
        rtol: 0, atol: 8 * u * s[0],
      });
    }
    // ... and the image of the unit circle reaches exactly from sigma_2
    // to sigma_1. In the basis V, |A x|^2 = s1^2 cos^2 + s2^2 sin^2 of
    // the angle; a grid of 3600 angles comes within phi = pi/3600 of
    // each extreme, missing it by at most (s1^2 - s2^2) phi^2 / s2.
    let lo = Infinity;
    let hi = 0;
    for (let t = 0; t < 3600; t++) {
      const th = (2 * Math.PI * t) / 3600;
      const len = norm(matvec(A, v(Math.cos(th), Math.sin(th))));
      lo = Math.min(lo, len);
      hi = Math.max(hi, len);
    }
    const miss = ((s[0] ** 2 - s[1] ** 2) * (Math.PI / 3600) ** 2) / s[1];
    expect(Math.abs(hi - s[0])).toBeLessThan(miss);
    expect(Math.abs(lo - s[1])).toBeLessThan(miss);
  });

  it('finishes the wide rank-1 matrix with a zero column that hung MLweb', () => {
    const f = svd(hardCases()[0].A);
    expect(f.sweeps).toBeLessThanOrEqual(3);
    // sigma_1 = ||(1, -1)|| ||(-.5, -.5, 1, -1.5, 1.5, 0)|| = sqrt(12)
    assertAllClose(f.s, [Math.sqrt(12), 0], { rtol: 0, atol: 4 * u * 4 });
    expect(orthogonalityError(f.U)).toBeLessThan(8 * u); // completed
    expect(maxDiff(rebuild(f), hardCases()[0].A)).toBeLessThan(8 * u * 4);
  });

  it('returns orthonormal U and V for the zero matrix and zero columns', () => {
    const Z = svd(new Matrix(4, 3));
    expect(Array.from(Z.s)).toEqual([0, 0, 0]);
    expect(orthogonalityError(Z.U)).toBeLessThan(4 * u);
    expect(orthogonalityError(Z.V)).toBe(0);
    const f = svd(otherHardCases()[1].A);
    expect(f.s[2]).toBe(0); // the zero column's singular value, exactly
    expect(orthogonalityError(f.U)).toBeLessThan(12 * 3 * u);
  });

  it('neither overflows nor underflows: it scales A first', () => {
    const A = gaussianMatrix(15, 5, 3);
    const s = svd(A).s;
    const big = svd(new Matrix(5, 3, A.data.map((x) => 1e300 * x))).s;
    const small = svd(new Matrix(5, 3, A.data.map((x) => 1e-300 * x))).s;
    // scaling by 2^k would be exact; 1e300 is not a power of two, so
    // each entry is off by u relatively before the SVD starts: 4 u.
    assertAllClose(big.map((x) => x / 1e300), s, { rtol: 4 * u * 15 });
    assertAllClose(small.map((x) => x * 1e300), s, { rtol: 4 * u * 15 });
  });

  it('reports non-convergence with a clear error, never loops forever', () => {
    const e = thrown(() => svd(gaussianMatrix(16, 30, 30), 2));
    expect(e).toBeInstanceOf(ConvergenceError);
    expect(e.message).toMatch(
      /svd: not converged after 2 sweeps on a 30x30 matrix; largest column cosine/,
    );
  });

  it('converges in a bounded number of sweeps on every hard case', () => {
    for (const c of [...hardCases(), ...otherHardCases()]) {
      const f = svd(c.A); // maxSweeps = 40 by default
      expect(f.sweeps).toBeLessThanOrEqual(6);
      const tol = 2 * c.A.rows * c.A.cols * u * frobenius(c.A);
      expect(frobenius(sub(rebuild(f), c.A))).toBeLessThan(tol);
    }
  });

  it('takes 150,000 rows: no stack overflow (from 125,511 rows before)', () => {
    // Math.hypot(...column) in finish() overflowed the stack. Check
    // s_j^2 against the eigenvalues of the 3 x 3 Gram matrix A^T A,
    // which costs m u ||A||_F^2 to form, and U^T U = I.
    const m = 150_000;
    const A = gaussianMatrix(17, m, 3);
    const f = svd(A);
    const G = matmul(transpose(A), A);
    const { values } = symmetricEigen(symmetrize(G));
    const tol = (m + 2 * 9) * u * frobenius(A) ** 2;
    assertAllClose(f.s.map((x) => x * x), values, { rtol: 0, atol: tol });
    expect(orthogonalityError(f.U)).toBeLessThan(3 * m * u);
  });

  it('rejects NaN and Infinity', () => {
    expect(() => svd(new Matrix(2, 2, v(1, 2, Infinity, 4)))).toThrow(
      /svd: A \(2x2\) has Infinity at \(1, 0\)/,
    );
  });
});

describe('pseudo-inverse', () => {
  it('satisfies the four Penrose conditions on rank-deficient and wide A', () => {
    // Each product of three factors is rounded at most twice and A^+ is
    // backward stable through the SVD: n^2 u relative to the norms
    // ||A|| ||A^+|| ... of the terms; we use kappa_r = sigma_1/sigma_r.
    for (const entry of [ref.pinv[0], ref.pinv[1], ref.pinv[2]]) {
      const A = M(entry.A);
      const P = pseudoInverse(A);
      const { s } = svd(A);
      const r = entry.rank;
      const kappa = s[0] / s[r - 1];
      const k = A.rows * A.cols * u * kappa;
      const AP = matmul(A, P);
      const PA = matmul(P, A);
      expect(maxDiff(matmul(AP, A), A)).toBeLessThan(k * s[0]);
      expect(maxDiff(matmul(PA, P), P)).toBeLessThan(k / s[r - 1]);
      expect(maxDiff(AP, transpose(AP))).toBeLessThan(k);
      expect(maxDiff(PA, transpose(PA))).toBeLessThan(k);
    }
  });

  it('agrees with numpy.linalg.pinv (same rank tolerance)', () => {
    // dA^+ is about ||A^+||^2 ||dA|| = kappa_r^2 ||dA|| / sigma_1
    // (Wedin 1973) when the rank does not change; ||dA|| from two
    // stable codes, 2 m n u ||A||_F.
    for (const entry of ref.pinv) {
      const A = M(entry.A);
      const { s } = svd(A);
      const r = entry.rank;
      const tol = 2 * A.rows * A.cols * u * frobenius(A) / s[r - 1] ** 2;
      expect(maxDiff(pseudoInverse(A), M(entry.pinv))).toBeLessThan(tol);
    }
  });

  it('has the rank NumPy reports, with the tolerance max(m,n) eps sigma_1', () => {
    for (const entry of ref.pinv) expect(rank(M(entry.A))).toBe(entry.rank);
    expect(rank(new Matrix(3, 2))).toBe(0);
  });

  it('is the inverse of an invertible matrix', () => {
    const A = gaussianMatrix(17, 6, 6);
    const P = pseudoInverse(A);
    const { s } = svd(A);
    const kappa = s[0] / s[5];
    expect(maxDiff(matmul(P, A), identity(6))).toBeLessThan(
      36 * u * kappa,
    );
  });

  it('gives the shortest least-squares solution: a duplicated column is split', () => {
    // X = [a, a, b]: w and w + t(1, -1, 0) fit equally well; the
    // shortest has w_0 = w_1, each half of the coefficient of a in [a, b].
    const X0 = gaussianMatrix(18, 20, 2);
    const X = new Matrix(20, 3);
    for (let i = 0; i < 20; i++) {
      X.data.set([X0.get(i, 0), X0.get(i, 0), X0.get(i, 1)], 3 * i);
    }
    const y = createRng(19).normalArray(20);
    const w = minNormLeastSquares(X, y);
    const w0 = qrLeastSquares(X0, y).w;
    // kappa(X0) is small (about 1.5 for this seed): 20 * 3 * u * 10.
    assertAllClose(w, [w0[0] / 2, w0[0] / 2, w0[1]], {
      rtol: 0, atol: 600 * u,
    });
  });

  it('solves a wide system exactly, with the least norm', () => {
    // The shortest solution of X w = y (X wide, full row rank) is
    // X^T (X X^T)^-1 y: it lies in the row space of X.
    const X = gaussianMatrix(20, 3, 7);
    const y = v(1, -2, 0.5);
    const w = minNormLeastSquares(X, y);
    const z = solve(matmul(X, transpose(X)), y);
    assertAllClose(w, matvec(transpose(X), z), { rtol: 0, atol: 1e-13 });
    assertAllClose(matvec(X, w), y, { rtol: 0, atol: 1e-13 });
    expect(() => minNormLeastSquares(X, v(1, 2))).toThrow(
      /minNormLeastSquares: X is 3x7, so y must be vector\(3\); got y vector\(2\)/,
    );
  });
});

describe('low-rank approximation (Eckart-Young)', () => {
  it('leaves an error of sigma_(k+1) in the 2-norm and the tail in Frobenius', () => {
    // Eqs. (dec-eckart-young-2) and (dec-eckart-young-f). Forming A_k
    // and A - A_k rounds each entry a few times: m n u ||A||_F.
    const A = gaussianMatrix(22, 9, 7);
    const f = svd(A);
    const tol = 9 * 7 * u * frobenius(A);
    for (const k of [1, 3, 6]) {
      const E = sub(A, lowRankApprox(A, k));
      expect(Math.abs(norm2(E) - f.s[k])).toBeLessThan(tol);
      expect(Math.abs(frobenius(E) - tailNorm(f.s, k))).toBeLessThan(tol);
      expect(rank(lowRankApprox(A, k))).toBe(k);
    }
  });

  it('is not beaten by 300 other rank-2 matrices', () => {
    // The theorem says no rank-k B does better; random B near A_k test
    // the neighbourhood where a wrong A_k would show.
    const A = gaussianMatrix(23, 8, 6);
    const f = svd(A);
    const best = tailNorm(f.s, 2);
    const A2 = truncate(f, 2);
    const rng = createRng(24);
    let beaten = 0;
    for (let t = 0; t < 300; t++) {
      const scale = 10 ** (-1 - 3 * rng.uniform());
      const P = new Matrix(8, 2, rng.normalArray(16));
      const Q = new Matrix(2, 6, rng.normalArray(12));
      // B = A_2 + a rank-2 change, rank-2 only if it stays in the
      // span: perturb the factors instead: (U2 S2 + dP)(V2^T + dQ)
      const US = matmul(firstColumns(f.U, 2), diag(f.s.slice(0, 2)));
      const left = new Matrix(8, 2, US.data.map(
        (x, i) => x + scale * P.data[i]));
      const right = new Matrix(2, 6, transpose(firstColumns(f.V, 2)).data
        .map((x, i) => x + scale * Q.data[i]));
      const B = matmul(left, right);
      if (frobenius(sub(A, B)) < best * (1 - 1e-12)) beaten++;
    }
    expect(beaten).toBe(0);
    expect(frobenius(sub(A, A2))).toBeCloseTo(best, 12);
  });

  it("agrees with NumPy's rank-2 truncation and its error norms", () => {
    const L = ref.low_rank;
    const A = M(L.A);
    const tol = 2 * A.rows * A.cols * u * frobenius(A); // as for the SVD
    const Ak = lowRankApprox(A, L.k);
    // A_k depends on the subspaces of the first k singular vectors,
    // which move by about tol / (s_k - s_(k+1)) (Wedin); A_k by that
    // times ||A||_2 = s_1.
    const { s } = svd(A);
    expect(maxDiff(Ak, M(L.Ak))).toBeLessThan((tol / (s[1] - s[2])) * s[0]);
    expect(Math.abs(norm2(sub(A, Ak)) - L.spectral_error)).toBeLessThan(tol);
    expect(Math.abs(frobenius(sub(A, Ak)) - L.frobenius_error))
      .toBeLessThan(tol);
  });

  it('on the test image, the measured error equals the tail at every k', () => {
    // The claim under Figure 4: to rounding (64 * 64 * u).
    const { errors, worstGap } = imageStudy();
    expect(errors[0].direct).toBeCloseTo(1, 14);
    expect(worstGap).toBeLessThan(64 * 64 * u);
    for (let k = 1; k < errors.length; k++) {
      expect(errors[k].tail).toBeLessThanOrEqual(errors[k - 1].tail);
    }
  });

  it('draws the test image deterministically, grey levels in [0, 1]', () => {
    const I = syntheticImage(32);
    expect(I.rows).toBe(32);
    expect(Math.min(...I.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...I.data)).toBeLessThanOrEqual(1);
    expect(Array.from(syntheticImage(32).data)).toEqual(Array.from(I.data));
    expect(() => syntheticImage(1.5)).toThrow(
      /syntheticImage: expected an integer size >= 2, got 1.5/,
    );
  });

  it('rejects a rank outside 0..min(m, n)', () => {
    const A = gaussianMatrix(1, 3, 4);
    expect(() => lowRankApprox(A, 4)).toThrow(
      /lowRankApprox: A is 3x4, so k must be an integer in 0..3; got 4/,
    );
    expect(() => tailNorm(v(2, 1), -1)).toThrow(
      /tailNorm: expected an integer k in 0..2, got -1/,
    );
    expect(Array.from(lowRankApprox(A, 0).data)).toEqual(
      new Array(12).fill(0),
    );
  });
});

describe('against ml-matrix', () => {
  it("ml-matrix's QR throws a TypeError on a wide matrix; ours does not", () => {
    const A = hardCases()[1].A;
    expect(() => new QrDecomposition(new MlMatrix([[1, 2, 3], [4, 5, 6]])))
      .not.toThrow();
    expect(() => new QrDecomposition(new MlMatrix([[1, 2, 3], [4, 5, 6]]))
      .orthogonalMatrix).toThrow(TypeError);
    const f = householderQR(A);
    expect(maxDiff(matmul(thinQ(f), f.R), A)).toBeLessThan(6 * 6 * u * 10);
  });

  it("ml-matrix's SVD (autoTranspose) rebuilds every hard case", () => {
    // Tolerance as for our SVD.
    for (const c of [...hardCases(), ...otherHardCases()]) {
      const rows = Array.from({ length: c.A.rows }, (_, i) =>
        Array.from(c.A.row(i)));
      const d = new MlSVD(new MlMatrix(rows), { autoTranspose: true });
      const R = d.leftSingularVectors
        .mmul(MlMatrix.diag(d.diagonal))
        .mmul(d.rightSingularVectors.transpose());
      const tol = 2 * c.A.rows * c.A.cols * u * frobenius(c.A);
      expect(R.sub(new MlMatrix(rows)).norm('frobenius')).toBeLessThan(tol);
    }
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('Cholesky, the triangular solves and their checks', () => {
    rejectsBadInput(badInput.cholesky);
  });

  it('Householder QR, least squares and the normal equations', () => {
    rejectsBadInput(badInput.qr);
  });

  it('the Jacobi rotation, symmetricEigen and the SVD', () => {
    rejectsBadInput(badInput.eigen);
  });

  it('tridiagonalize and symmetricEigenQR', () => {
    rejectsBadInput(badInput.tridiagonal);
  });

  it('low rank, rank, the pseudo-inverse, the test image, the solutions', () => {
    rejectsBadInput(badInput.lowRank);
  });

  it('the random matrices of the examples', () => {
    rejectsBadInput(badInput.examples);
  });
});

describe('review', () => {
  /** A random orthogonal n x n matrix: the Q of a Gaussian matrix. */
  const orthogonal = (seed: number, n: number) =>
    thinQ(householderQR(gaussianMatrix(seed, n, n)));

  /** U[:, :k] diag(s) V^T for random orthogonal U (m x m), V (k x k). */
  function withSingularValues(m: number, s: number[], seeds: number[]) {
    const k = s.length;
    const U = orthogonal(seeds[0], m);
    const V = orthogonal(seeds[1], k);
    const US = new Matrix(m, k);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < k; j++) US.data[i * k + j] = U.data[i * m + j] * s[j];
    }
    return matmul(US, transpose(V));
  }

  /** Kahan's matrix: diag(1, s, ..., s^(n-1)) (I - c N), N = strictly
   * upper triangular ones, c = cos(phi), s = sin(phi). */
  function kahan(n: number, phi: number): Matrix {
    const R = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        R.data[i * n + j] = Math.sin(phi) ** i * (i === j ? 1 : -Math.cos(phi));
      }
    }
    return R;
  }

  it('svd of a 200 000 x 2 matrix runs (no spread into a call)', () => {
    const A = gaussianMatrix(41, 200_000, 2);
    const f = svd(A);
    const e = symmetricEigen(symmetrize(matmul(transpose(A), A))).values;
    // s_i^2 against the eigenvalues of the well-conditioned 2 x 2 A^T A:
    // forming A^T A (sums of 2e5 terms) costs about 2e5 u relative
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(f.s[i] ** 2 - e[i]) / e[i]).toBeLessThan(1e-10);
    }
  });

  it('symmetricEigen of diag(400, ..., 1) runs and takes one sweep', () => {
    const n = 400;
    const D = new Matrix(n, n);
    for (let i = 0; i < n; i++) D.data[i * n + i] = n - i;
    const { values, sweeps } = symmetricEigen(D);
    expect(sweeps).toBe(1);
    // the matrix is divided by 400 and multiplied back: two roundings
    for (let i = 0; i < n; i++) {
      expect(Math.abs(values[i] - (n - i))).toBeLessThanOrEqual(
        2 * u * (n - i));
    }
  });

  it('svd keeps a column 1e-170 times smaller: s_2 and U^T U = I', () => {
    const f = svd(M([[1, 1e-170], [0, 1e-170]]));
    expect(Math.abs(f.s[1] - 1e-170) / 1e-170).toBeLessThan(1e-14);
    expect(maxDiff(matmul(transpose(f.U), f.U), identity(2)))
      .toBeLessThanOrEqual(4 * u);
  });

  it('every hard case names its bug report as owner/repo #n', () => {
    for (const c of hardCases()) {
      expect(c.source, c.name).toMatch(/^[\w.-]+\/[\w.-]+ #\d+$/);
      expect(c.report.length, c.name).toBeGreaterThan(10);
    }
  });

  it('every hard case passes the residual test of its routine', () => {
    for (const c of hardCases()) {
      const A = c.A;
      const tol = 4 * A.rows * A.cols * u * frobenius(A);
      let residual: number;
      if (c.routine === 'qr') {
        const f = householderQR(A);
        residual = frobenius(sub(matmul(thinQ(f), f.R), A));
      } else if (c.routine === 'eigen') {
        const { values, vectors } = symmetricEigen(A);
        const n = A.rows;
        const VL = new Matrix(n, n);
        for (let t = 0; t < n * n; t++) {
          VL.data[t] = vectors.data[t] * values[t % n];
        }
        residual = frobenius(sub(matmul(A, vectors), VL));
      } else {
        residual = frobenius(sub(rebuild(svd(A)), A));
      }
      expect(residual, c.name).toBeLessThanOrEqual(tol);
    }
  });

  it('the Meta.Numerics matrix has kappa ~ 1e8', () => {
    const { s } = svd(hardCases()[3].A);
    expect(s[0] / s[2]).toBeGreaterThan(1e7);
    expect(s[0] / s[2]).toBeLessThan(1e9);
  });

  it('qrLeastSquares accepts a matrix that rank calls deficient', () => {
    // Exercise 4: s = 1, 1e-2, 1e-4, 1e-6, 1e-15; with these seeds the
    // largest |r_jj| is 0.17, far below s_1 = 1, and r_55 passes
    const A = withSingularValues(20, [1, 1e-2, 1e-4, 1e-6, 1e-15], [1, 101]);
    expect(rank(A)).toBe(4);
    expect(() => qrLeastSquares(A, new Float64Array(20).fill(1)))
      .not.toThrow();
  });

  it("Kahan's matrix: no r_jj below 1e-3, yet numerically rank deficient", () => {
    const n = 90;
    const R = kahan(n, 1.2);
    let smallest = Infinity;
    for (let j = 0; j < n; j++) {
      smallest = Math.min(smallest, Math.abs(R.data[j * n + j]));
    }
    expect(smallest).toBeGreaterThan(1e-3);
    expect(rank(R)).toBe(n - 1);
  });

  it('Exercise: logDet equals the sum of log eigenvalues', () => {
    for (let seed = 0; seed < 10; seed++) {
      const A = randomSpd(50 + seed, 6);
      const { values } = symmetricEigen(A);
      let expected = 0;
      for (const x of values) expected += Math.log(x);
      const kappa = values[0] / values[5];
      // both sides carry errors of order n^2 u kappa, relative to the
      // largest log |lambda|
      const allowed = 36 * u * kappa * Math.max(1, Math.abs(expected));
      expect(Math.abs(logDet(cholesky(A)) - expected)).toBeLessThan(allowed);
    }
  });

  it('Exercise: logDet of 0.01 I_200 is 200 ln 0.01; the product is 0', () => {
    const A = new Matrix(200, 200);
    for (let i = 0; i < 200; i++) A.data[i * 200 + i] = 0.01;
    let product = 1;
    for (let i = 0; i < 200; i++) product *= 0.01;
    expect(product).toBe(0);
    const exact = 200 * Math.log(0.01);
    expect(Math.abs(logDet(cholesky(A)) - exact))
      .toBeLessThanOrEqual(gamma(400) * Math.abs(exact));
  });

  it('Exercise: the wrong sign is off by |x_2| = 1e-9; the right one by 0', () => {
    const x = v(1, 1e-9);
    expect(reflectionError(x, 1)).toBeGreaterThan(1e-10);
    expect(reflectionError(x, -1)).toBeLessThan(4 * u);
  });

  it('Exercise: ridge through the SVD solves (X^T X + lambda I) w = X^T y', () => {
    const X = gaussianMatrix(61, 30, 5);
    const y = createRng(62).normalArray(30);
    const lambda = 2;
    const G = matmul(transpose(X), X);
    for (let i = 0; i < 5; i++) G.data[i * 5 + i] += lambda;
    const wNormal = choleskySolve(cholesky(symmetrize(G)),
      matvec(transpose(X), y));
    const w = ridgeSvd(X, y, lambda);
    // well conditioned (kappa of G below 10): a few hundred u suffice
    expect(maxDiff(w, wNormal)).toBeLessThan(1000 * u * norm(wNormal));
  });

  it('Exercise: ridge at lambda = 0 is the shortest least squares', () => {
    const X = gaussianMatrix(63, 30, 5);
    const y = createRng(64).normalArray(30);
    const w0 = ridgeSvd(X, y, 0);
    const wPlus = minNormLeastSquares(X, y);
    expect(maxDiff(w0, wPlus)).toBeLessThan(1000 * u * norm(wPlus));
  });

  it('Exercise: the ridge solution shrinks as lambda grows', () => {
    const X = gaussianMatrix(65, 30, 5);
    const y = createRng(66).normalArray(30);
    const norms = [0, 0.1, 1, 10, 100].map((l) => norm(ridgeSvd(X, y, l)));
    for (let i = 1; i < norms.length; i++) {
      expect(norms[i]).toBeLessThan(norms[i - 1]);
    }
  });

  it('Exercise: the square costs fewer singular values than the disk', () => {
    const disk = smallestRank(syntheticImage(64));
    const square = smallestRank(squareImage(64));
    expect(square.k).toBeLessThan(disk.k);
    expect(disk.stored).toBeLessThan(disk.pixels);
    expect(square.stored).toBeLessThan(square.pixels);
  });
});

// Tests that kill mutants the chapter's other tests let through
// (`npm run mutate -- decompositions`; see tests/mutation/).
describe('mutation gaps', () => {
  it('applyQ and applyQt leave their vector and the factors unchanged', () => {
    const f = householderQR(gaussianMatrix(6, 8, 3));
    const R = f.R.data.slice();
    const vs = f.v.map((w) => w.slice());
    const b = createRng(7).normalArray(8);
    const keep = b.slice();
    const y = applyQ(f, b);
    expect(Array.from(b)).toEqual(Array.from(keep));
    const z = applyQt(f, b);
    expect(Array.from(b)).toEqual(Array.from(keep));
    expect(y).not.toBe(b);
    expect(z).not.toBe(b);
    expect(Array.from(f.R.data)).toEqual(Array.from(R));
    expect(f.v.map((w) => Array.from(w))).toEqual(vs.map((w) => Array.from(w)));
    expect(() => applyQ(f, v(1, 2))).toThrow(
      /applyQ: Q is 8x8, so the vector must be vector\(8\); got vector\(2\)/,
    );
    expect(() => applyQ(f, b.map((x, i) => (i === 3 ? NaN : x)))).toThrow(
      /applyQ: the vector \(vector\(8\)\) has NaN at \[3\]/,
    );
  });

  it('householderVector: alpha = -||x|| at x_0 = 0; bad x is refused', () => {
    // sign(0) = +1 in Eq. (dec-house-alpha): alpha = -5, v = (1, -3/5, -4/5)
    const h = householderVector(v(0, 3, 4));
    expect(h.alpha).toBe(-5);
    expect(h.beta).toBe(1);
    expect(() => householderVector(v())).toThrow(
      /^householderVector: expected a non-empty x$/,
    );
    expect(() => householderVector(v(1, NaN))).toThrow(
      /^householderVector: x \(vector\(2\)\) has NaN at \[1\]/,
    );
  });

  it('maxSweeps = 1 is allowed; 0, 1.5 and NaN are refused, by svd too', () => {
    // a diagonal matrix is converged before the first sweep ends
    expect(Array.from(symmetricEigen(diag([3, 1]), 1).values))
      .toEqual([3, 1]);
    expect(Array.from(svd(diag([3, 1]), 1).s)).toEqual([3, 1]);
    for (const bad of [0, 1.5, NaN]) {
      expect(() => symmetricEigen(identity(2), bad)).toThrow(
        /symmetricEigen: expected maxSweeps to be a positive integer/,
      );
    }
    expect(() => svd(identity(2), 0)).toThrow(
      /svd: expected maxSweeps to be a positive integer, got 0/,
    );
  });

  it('logDet refuses a factor with a zero diagonal entry', () => {
    expect(() => logDet(fromRows([[2, 0], [1, 0]]))).toThrow(
      /^logDet: L must have a positive diagonal, got l\(1,1\) = 0$/);
    expect(() => logDet(fromRows([[2, 0, 0], [1, 3, 0]]))).toThrow(
      /^logDet: expected an n x n Cholesky factor L, got L 2x3$/);
  });

  it('reflectionError refuses x = 0 and a sign that is not +-1', () => {
    expect(() => reflectionError(v(0, 0), -1)).toThrow(
      /^reflectionError: x must be nonzero$/);
    expect(() => reflectionError(v(3, 4), 0.5 as 1)).toThrow(
      /^reflectionError: sign must be \+1 or -1, got 0.5$/);
  });

  it('ridgeSvd refuses y of the wrong length by name', () => {
    expect(() => ridgeSvd(identity(2), v(1, 2, 3), 1)).toThrow(
      /^ridgeSvd: expected X m x n and y vector\(m\), got X 2x2 and y vector\(3\)$/);
    expect(() => ridgeSvd(identity(2), v(1, 2), -1)).toThrow(
      /^ridgeSvd: lambda must be >= 0, got -1$/);
  });

  it('smallestRank of I_4: ||I - A_k||_F / 2 = sqrt(4 - k) / 2', () => {
    // 0.1 needs k = 4 (k = 3 leaves 0.5); 0.9 needs k = 1 (0.87 < 0.9)
    expect(smallestRank(identity(4), 0.1)).toEqual(
      { k: 4, stored: 36, pixels: 16 });
    expect(smallestRank(identity(4), 0.9).k).toBe(1);
    expect(() => smallestRank(identity(2), 0)).toThrow(
      /^smallestRank: target must be > 0, got 0$/);
  });

  it('cholesky tolerates asymmetry up to 1e-10 max|a_ij|, refuses beyond', () => {
    // max|a_ij| = 400: the allowance is 4e-8
    const L = cholesky(fromRows([[400, 100 + 1e-9], [100, 300]]));
    expect(L.data[2]).toBe(5); // l_10 = a_10 / l_00 = 100 / 20
    expect(() => cholesky(fromRows([[400, 100 + 1e-7], [100, 300]])))
      .toThrow(new Error('cholesky: expected a symmetric A, but a(1,0) = ' +
        '100 and a(0,1) = 100.0000001'));
  });

  it('NotPositiveDefiniteError carries its name, column and pivot', () => {
    let e: unknown;
    try {
      cholesky(fromRows([[1, 2], [2, 1]])); // 1 - 2^2 = -3 at column 1
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(NotPositiveDefiniteError);
    const npd = e as NotPositiveDefiniteError;
    expect(npd.name).toBe('NotPositiveDefiniteError');
    expect(npd.column).toBe(1);
    expect(npd.pivot).toBe(-3);
    expect(npd.message).toBe('cholesky: A (2x2) is not positive ' +
      'definite: at column 1 (0-based) a_jj - sum_k l_jk^2 = -3.000e+0, ' +
      'expected a positive number');
  });

  it('monomials: t_i = i / (m - 1), entries t_i^j; m >= n >= 1', () => {
    expect(Array.from(monomials(3, 2).data)).toEqual([1, 0, 1, 0.5, 1, 1]);
    expect(Array.from(monomials(3, 3).data)).toEqual(
      [1, 0, 0, 1, 0.5, 0.25, 1, 1, 1]);
    expect(() => monomials(2, 3)).toThrow(new Error(
      'monomials: expected integers m >= n >= 1, got m=2, n=3'));
    expect(() => monomials(3, 0)).toThrow(new Error(
      'monomials: expected integers m >= n >= 1, got m=3, n=0'));
    expect(() => monomials(3.5, 2)).toThrow(new Error(
      'monomials: expected integers m >= n >= 1, got m=3.5, n=2'));
    expect(() => monomials(3, 1.5)).toThrow(new Error(
      'monomials: expected integers m >= n >= 1, got m=3, n=1.5'));
  });

  it('full rank k = min(m, n) rebuilds A; tailNorm at k = r is 0', () => {
    const A = fromRows([[3, 1], [1, 3], [0, 2], [1, 0]]);
    const tol = 2 * 4 * 2 * u * frobenius(A);
    expect(frobenius(sub(lowRankApprox(A, 2), A))).toBeLessThan(tol);
    expect(frobenius(sub(truncate(svd(A), 2), A))).toBeLessThan(tol);
    expect(frobenius(lowRankApprox(A, 0))).toBe(0);
    expect(tailNorm(v(3, 2, 1), 3)).toBe(0);
    expect(tailNorm(v(3, 2, 1), 1)).toBeCloseTo(Math.sqrt(5), 15);
    expect(frobenius(fromRows([[3, 4]]))).toBe(5);
    expect(frobenius(fromRows([[0, 0]]))).toBe(0);
    expect(() => lowRankApprox(A, 3)).toThrow(new Error(
      'lowRankApprox: A is 4x2, so k must be an integer in 0..2; got 3'));
    expect(() => truncate(svd(A), 3)).toThrow(new Error(
      'truncate: expected an integer rank k in 0..2, got 3'));
  });

  it('choleskyFailure: the indefinite example fails at column 1, pivot 0', () => {
    // l_00 = 2, l_10 = 2 / 2 = 1, a_11 - l_10^2 = 1 - 1 = 0
    const e = choleskyFailure();
    expect(e).toBeInstanceOf(NotPositiveDefiniteError);
    expect(e.column).toBe(1);
    expect(e.pivot).toBe(0);
    expect(INDEFINITE).toEqual([[4, 2, 2], [2, 1, 3], [2, 3, 6]]);
  });

  it('randomOrthogonal gives Q^T Q = I', () => {
    const Q = randomOrthogonal(3, 4);
    expect(Q.rows).toBe(4);
    expect(Q.cols).toBe(4);
    expect(orthogonalityError(Q)).toBeLessThan(4 * 4 * u);
  });
});


describe('review: tridiagonal QR', () => {
  /** Symmetric tridiagonal matrix from its diagonal and off-diagonal. */
  function tri(d: ArrayLike<number>, e: ArrayLike<number>): Matrix {
    const n = d.length;
    const T = new Matrix(n, n);
    for (let i = 0; i < n; i++) T.data[i * n + i] = d[i];
    for (let i = 0; i + 1 < n; i++) {
      T.data[(i + 1) * n + i] = e[i];
      T.data[i * n + i + 1] = e[i];
    }
    return T;
  }

  it('H B H = B - v w^T - w v^T, Eq. (dec-tri-update)', () => {
    const m = 6;
    const B = symmetrize(gaussianMatrix(41, m, m));
    const v = gaussianMatrix(42, m, 1).data;
    let vv = 0;
    for (const x of v) vv += x * x;
    const beta = 2 / vv;
    const H = identity(m);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        H.data[i * m + j] -= beta * v[i] * v[j];
      }
    }
    const p = Array.from({ length: m }, (_, i) => {
      let s = 0;
      for (let j = 0; j < m; j++) s += B.data[i * m + j] * v[j];
      return beta * s;
    });
    let pv = 0;
    for (let i = 0; i < m; i++) pv += p[i] * v[i];
    const w = p.map((pi, i) => pi - (beta / 2) * pv * v[i]);
    const update = new Matrix(m, m, B.data.map((b, k) => {
      const [i, j] = [Math.floor(k / m), k % m];
      return b - v[i] * w[j] - w[i] * v[j];
    }));
    expect(maxDiff(matmul(matmul(H, B), H), update))
      .toBeLessThan(1e-13 * frobenius(B));
  });

  it('one implicit step = the explicit shifted QR step (implicit Q)', () => {
    // Eqs. (dec-qr-first), (dec-qr-chase): T' = R Q + mu I from
    // T - mu I = Q R, up to the signs of e and of the columns of Q.
    const n = 6;
    const d = Float64Array.from(gaussianMatrix(43, n, 1).data);
    const e = Float64Array.from(gaussianMatrix(44, n - 1, 1).data);
    const T = tri(d, e);
    const mu = wilkinsonShift(d[n - 2], e[n - 2], d[n - 1]);
    const f = householderQR(sub(T, scale(identity(n), mu)));
    const Qs = thinQ(f);
    const explicit = matmul(f.R, Qs);
    const z = identity(n).data; // rows of z: the columns of Q_s
    qrStep(d, e, z, n, 0, n - 1, mu);
    for (let i = 0; i < n; i++) {
      expect(d[i]).toBeCloseTo(explicit.data[i * n + i] + mu, 12);
      for (let j = 0; j < n; j++) {
        expect(Math.abs(z[j * n + i]))
          .toBeCloseTo(Math.abs(Qs.data[i * n + j]), 12);
      }
    }
    for (let i = 0; i + 1 < n; i++) {
      expect(Math.abs(e[i]))
        .toBeCloseTo(Math.abs(explicit.data[(i + 1) * n + i]), 12);
    }
    // the explicit T' is tridiagonal: the bulge left the matrix
    expect(Math.abs(explicit.data[(n - 1) * n])).toBeLessThan(1e-12);
  });

  it('the Wilkinson shift is the eigenvalue nearer d_n, Eq. (dec-wilkinson)', () => {
    for (const [a, b, c] of [[2, 0.7, -1], [-1, 0.7, 2], [1, 3, 1],
      [5, 1e-9, 5 + 1e-3]]) {
      const mu = wilkinsonShift(a, b, c);
      const r = Math.hypot((a - c) / 2, b);
      const both = [(a + c) / 2 + r, (a + c) / 2 - r];
      // an eigenvalue of the block, and none is nearer to c (a tie at
      // delta = 0: sign(0) = +1 takes the lower one, c - |b|)
      expect(Math.min(...both.map((x) => Math.abs(x - mu))))
        .toBeLessThan(1e-12);
      expect(Math.abs(mu - c)).toBeCloseTo(
        Math.min(Math.abs(both[0] - c), Math.abs(both[1] - c)), 12);
    }
  });

  it('on the sweeps matrix: under two QR steps a value, ten-plus sweeps', () => {
    // The page: 107 QR steps (1.8 per eigenvalue) against 11 sweeps.
    const qr = symmetricEigenQR(randomSpd(11, SWEEP_N));
    expect(qr.iterations).toBeLessThan(2 * SWEEP_N);
    expect(sweepHistories().eig.sweeps).toBeGreaterThanOrEqual(10);
  });
});
