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
export function randomOrthogonal(seed: number, n: number): Matrix {
  requireInteger('randomOrthogonal', 'seed', seed);
  requireInteger('randomOrthogonal', 'n', n, 1);
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
// Hard cases: each matrix is the one of a bug report against another
// library, and `report` says what that report shows.

export interface HardCase {
  readonly name: string;
  /** The report: "owner/repo #n" on GitHub. */
  readonly source: string;
  /** What went wrong there, as the thread shows it. */
  readonly report: string;
  /** The kind of routine that failed, and the one we run on A. */
  readonly routine: 'svd' | 'qr' | 'eigen';
  readonly A: Matrix;
}

export function hardCases(): HardCase[] {
  return [
    {
      name: 'wide, rank 1, zero column, 2 × 6',
      source: 'lauerfab/MLweb #5',
      report: 'its SVD looped forever; the maintainer traced it to an ' +
        'indexing error that the zero last column triggered',
      routine: 'svd',
      A: fromRows([
        [-0.5, -0.5, 1, -1.5, 1.5, 0],
        [0.5, 0.5, -1, 1.5, -1.5, 0],
      ]),
    },
    {
      name: 'wide, 2 × 3',
      source: 'mljs/matrix #218',
      report: 'a pull request (from issue 203): the orthogonalMatrix of ' +
        "ml-matrix's QR throws a TypeError on wide input",
      routine: 'qr',
      A: fromRows([[1, 2, 3], [4, 5, 6]]),
    },
    {
      name: 'diag(0.01, 0, 0)',
      source: 'JuliaLinearAlgebra/GenericLinearAlgebra.jl #52',
      report: 'its symmetric eigensolver looped forever on an exactly ' +
        'zero off-diagonal entry',
      routine: 'eigen',
      A: fromRows([[0.01, 0, 0], [0, 0, 0], [0, 0, 0]]),
    },
    {
      name: 'nearly singular, symmetric, 3 × 3',
      source: 'dcwuser/metanumerics #56',
      report: 'reported: its SVD did not converge; the maintainer could ' +
        'not reproduce it',
      routine: 'svd',
      A: fromRows([
        [44.6667, -392, -66],
        [-392, 3488, 504.0001],
        [-66, 504.0001, 216.0001],
      ]),
    },
    {
      name: 'all ones, 6 × 6: eigenvalues 6, 0, 0, 0, 0, 0',
      source: 'sloisel/numeric #55',
      report: 'its eig threw an error; the maintainer: a repeated ' +
        'eigenvalue, a known bug',
      routine: 'eigen',
      A: fromRows(Array.from({ length: 6 }, () => new Array(6).fill(1))),
    },
    {
      name: 'zero column, zero leading entry, 2 × 2',
      source: 'mikera/vectorz #69',
      report: 'its QR returned Q and R whose product is not A',
      routine: 'qr',
      A: fromRows([[0, 0], [-1, 0]]),
    },
  ];
}

/** Hard cases that no bug report we know of is about, tested too. */
export function otherHardCases(): { name: string; A: Matrix }[] {
  return [
    {
      name: 'eigenvalues 3, 3, 3, 1, 1; 5 × 5',
      A: withEigenvalues(21, [3, 3, 3, 1, 1]),
    },
    {
      name: 'zero column, 4 × 3',
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
