// @unshown: computes the examples, hard cases and studies the prose quotes
import { createRng } from '../introduction/random.ts';
import {
  Matrix,
  checkFinite,
  fromRows,
  shapeOf,
  matmul,
  sub,
  transpose,
} from '../linear-algebra/matrix.ts';
import { NotPositiveDefiniteError, cholesky } from './cholesky.ts';
import { conditioningStudy } from './conditioning.ts';
import { symmetricEigen } from './eigen.ts';
import { householderQR, thinQ } from './householder.ts';
import { syntheticImage } from './image.ts';
import { frobenius, tailNorm, truncate } from './low-rank.ts';
import { svd } from './svd.ts';
import { requireInteger } from '../introduction/checks.ts';

/** The 2 x 2 matrix whose action on the unit circle the chapter draws. */
export const ELLIPSE_A = [[1.6, 0.9], [0.3, 1.1]];

export function ellipseExample() {
  const A = fromRows(ELLIPSE_A);
  return { A, ...svd(A) };
}

/** The message cholesky gives for a symmetric, indefinite matrix. */
export const INDEFINITE = [[4, 2, 2], [2, 1, 3], [2, 3, 6]];

export function choleskyFailure(): NotPositiveDefiniteError {
  try {
    cholesky(fromRows(INDEFINITE));
  } catch (e) {
    if (e instanceof NotPositiveDefiniteError) return e;
    throw e;
  }
  throw new Error('choleskyFailure: expected cholesky to refuse');
}

/** A random n x n matrix with standard normal entries. */
export function gaussianMatrix(seed: number, m: number, n: number): Matrix {
  requireSizes('gaussianMatrix', seed, m, n);
  return new Matrix(m, n, createRng(seed).normalArray(m * n));
}

/** A random orthogonal n x n matrix: the Q of a Gaussian matrix. */
function randomOrthogonal(seed: number, n: number): Matrix {
  return thinQ(householderQR(gaussianMatrix(seed, n, n)));
}

/** Q diag(values) Q^T for a random orthogonal Q. */
function withEigenvalues(seed: number, values: number[]): Matrix {
  const n = values.length;
  const Q = randomOrthogonal(seed, n);
  const D = new Matrix(n, n);
  values.forEach((v, i) => (D.data[i * n + i] = v));
  const A = matmul(matmul(Q, D), transpose(Q));
  return symmetrize(A);
}

/** (A + A^T) / 2: exact symmetry after a rounded product. */
export function symmetrize(A: Matrix): Matrix {
  checkSquare('symmetrize', A);
  const n = A.rows;
  const S = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      S.data[i * n + j] = (A.data[i * n + j] + A.data[j * n + i]) / 2;
    }
  }
  return S;
}

/** B B^T for a Gaussian n x n B: symmetric positive definite. */
export function randomSpd(seed: number, n: number): Matrix {
  requireSizes('randomSpd', seed, n, n);
  const B = gaussianMatrix(seed, n, n);
  return symmetrize(matmul(B, transpose(B)));
}

// ---------------------------------------------------------------------
// QR against the normal equations.

export const STUDY_M = 50;
export const STUDY_MAX_N = 16;

export function conditioningSummary() {
  const rows = conditioningStudy(STUDY_M, STUDY_MAX_N);
  const refused = rows.find((r) => r.normalError === null);
  const u = Number.EPSILON;
  const qrRatio = rows.reduce(
    (m, r) => Math.max(m, r.qrError / (r.kappa * u)), -Infinity);
  const solved = rows.filter((r) => r.normalError !== null);
  const last = solved[solved.length - 1];
  return { rows, refusedN: refused?.n ?? null, qrRatio, last };
}

// ---------------------------------------------------------------------
// Jacobi's convergence.

export const SWEEP_N = 60;

/** Sweep histories of symmetricEigen and svd on random matrices. */
export function sweepHistories() {
  const eig = symmetricEigen(randomSpd(11, SWEEP_N));
  const sv = svd(gaussianMatrix(12, 2 * SWEEP_N, SWEEP_N));
  return { eig, sv };
}

// ---------------------------------------------------------------------
// Low rank on the test image.

export const IMAGE_SIZE = 64;
export const RANKS_SHOWN = [1, 3, 6, 12, 24] as const;

export function imageStudy() {
  const image = syntheticImage(IMAGE_SIZE);
  const f = svd(image);
  const total = frobenius(image);
  const errors = Array.from({ length: 41 }, (_, k) => ({
    k,
    direct: frobenius(sub(image, truncate(f, k))) / total,
    tail: tailNorm(f.s, k) / total,
  }));
  const approximations = RANKS_SHOWN.map((k) => ({
    k,
    A: truncate(f, k),
    error: tailNorm(f.s, k) / total,
  }));
  const worstGap = errors.reduce(
    (m, e) => Math.max(m, Math.abs(e.direct - e.tail)), -Infinity);
  return { image, svd: f, errors, approximations, worstGap };
}

// ---------------------------------------------------------------------
// Hard cases, each from a bug report against another library.

export interface HardCase {
  readonly name: string;
  /** What went wrong elsewhere, and where it was reported. */
  readonly report: string;
  readonly A: Matrix;
}

export function hardCases(): HardCase[] {
  return [
    {
      name: 'wide, rank 1, zero column, 2 × 6',
      report: 'SVD looped forever (MLweb issue 5)',
      A: fromRows([
        [-0.5, -0.5, 1, -1.5, 1.5, 0],
        [0.5, 0.5, -1, 1.5, -1.5, 0],
      ]),
    },
    {
      name: 'wide, 2 × 3',
      report: 'QR threw a TypeError (ml-matrix PR 218)',
      A: fromRows([[1, 2, 3], [4, 5, 6]]),
    },
    {
      name: 'diag(0.01, 0, 0)',
      report: 'symmetric eigen looped forever ' +
        '(GenericLinearAlgebra.jl issue 52)',
      A: fromRows([[0.01, 0, 0], [0, 0, 0], [0, 0, 0]]),
    },
    {
      name: 'nearly singular, symmetric, 3 × 3',
      report: 'SVD reported no convergence (Meta.Numerics issue 56)',
      A: fromRows([
        [44.6667, -392, -66],
        [-392, 3488, 504.0001],
        [-66, 504.0001, 216.0001],
      ]),
    },
    {
      name: 'eigenvalues 3, 3, 3, 1, 1; 5 × 5',
      report: 'eigenvectors not unique',
      A: withEigenvalues(21, [3, 3, 3, 1, 1]),
    },
    {
      name: 'zero column, 4 × 3',
      report: 'rank deficient',
      A: fromRows([[1, 0, 2], [3, 0, 4], [5, 0, 6], [7, 0, 8]]),
    },
  ];
}

// ---------------------------------------------------------------------
// Input checks of the functions above.

function requireSizes(fn: string, seed: number, m: number, n: number) {
  requireInteger(fn, 'seed', seed);
  requireInteger(fn, 'm', m, 1);
  requireInteger(fn, 'n', n, 1);
}

function checkSquare(fn: string, A: Matrix): void {
  if (!(A instanceof Matrix) || A.rows !== A.cols) {
    throw new Error(`${fn}: expected a square matrix A, got ` +
      (A instanceof Matrix ? shapeOf(A) : typeof A));
  }
  checkFinite(fn, 'A', A);
}
