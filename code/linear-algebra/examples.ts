// @unshown: computes the example values that the chapter's prose quotes
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import { hilbertStudy } from './hilbert.ts';
import {
  Matrix,
  fromRows,
  matmul,
  matvec,
  norm,
  subVec,
  transpose,
} from './matrix.ts';
import { project } from './project.ts';
import { growthMatrix } from './solutions/growth.ts';
import { projectionMatrix } from './solutions/projection-matrix.ts';
import {
  SingularMatrixError,
  condEst,
  luFactor,
  luSolve,
  solve,
  solveNoPivot,
} from './solve.ts';

/** The 2 x 2 system with a tiny leading entry, solved both ways, and
 * its condition number kappa_1. */
export function pivotExample() {
  const A = fromRows([[1e-20, 1], [1, 1]]);
  const b = Float64Array.of(1, 2);
  return {
    pivoted: Array.from(solve(A, b)),
    unpivoted: Array.from(solveNoPivot(A, b)),
    cond: condEst(luFactor(A)),
  };
}

/**
 * A 20 x 3 Gaussian design whose third column is the second plus 1e-6
 * times noise, and b = A 1: kappa(A) is about 10^6, so the normal
 * equations keep only about 16 - 12 digits, yet project accepts them.
 */
export function nearlyDependentExample(seed = 2) {
  const rng = createRng(seed);
  const n = 20;
  const A = new Matrix(n, 3);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal();
    A.data.set([a, b, b + 1e-6 * rng.normal()], 3 * i);
  }
  const ones = Float64Array.of(1, 1, 1);
  const { coeffs } = project(A, matvec(A, ones));
  const condGram = condEst(luFactor(matmul(transpose(A), A)));
  return {
    n,
    error: norm(subVec(coeffs, ones)) / norm(ones),
    condGram, // kappa_1(A^T A), about kappa(A)^2
    condA: Math.sqrt(condGram), // the estimate of kappa(A) it implies
  };
}

/** Wilkinson's growth matrix at size n: solve on b = Ax, Gaussian x. */
export function growthExample(n = 60, seed = 1) {
  const A = growthMatrix(n);
  const f = luFactor(A);
  const x = createRng(seed).normalArray(n);
  const xHat = solve(A, matvec(A, x));
  return {
    n,
    unn: f.lu.data[n * n - 1],
    cond: condEst(f),
    error: norm(subVec(xHat, x)) / norm(x),
  };
}

/** The message solve gives for a singular matrix. */
export function singularMessage(): string {
  try {
    solve(fromRows([[1, 2], [2, 4]]), Float64Array.of(1, 2));
  } catch (e) {
    if (e instanceof SingularMatrixError) return e.message;
    throw e;
  }
  throw new Error('singularMessage: solve accepted a singular matrix');
}

/** hilbertStudy plus the largest ratio error / (kappa eps) it saw. */
export function hilbertSummary() {
  const { rows, refused } = hilbertStudy();
  if (!refused) throw new Error('hilbertSummary: solve refused no n');
  const ratios = rows.map((r) => r.error / (r.cond * Number.EPSILON));
  return {
    rows,
    last: rows[rows.length - 1],
    refusedN: refused.n,
    refusedMessage: refused.message,
    worstRatio: ratios.reduce((m, r) => Math.max(m, r), -Infinity),
  };
}

/**
 * condEst against the true ||A||_1 ||A^-1||_1 (from all n columns of
 * the inverse) on random Gaussian matrices of sizes 1 to 12: the
 * smallest and largest ratio estimate / truth.
 */
export function condEstAccuracy(trials = 200, seed = 5) {
  requireInteger('condEstAccuracy', 'trials', trials, 1);
  requireInteger('condEstAccuracy', 'seed', seed);
  const rng = createRng(seed);
  let worst = Infinity;
  let best = 0;
  let exact = 0;
  for (let t = 0; t < trials; t++) {
    const n = 1 + (t % 12);
    const f = luFactor(new Matrix(n, n, rng.normalArray(n * n)));
    let inv = 0;
    for (let j = 0; j < n; j++) {
      const e = new Float64Array(n);
      e[j] = 1;
      const col = luSolve(f, e);
      inv = Math.max(inv, col.reduce((s, v) => s + Math.abs(v), 0));
    }
    const ratio = condEst(f) / (f.norm1 * inv);
    worst = Math.min(worst, ratio);
    best = Math.max(best, ratio);
    if (ratio > 1 - 1e-12) exact++;
  }
  return { trials, worst, best, exactShare: exact / trials };
}

/**
 * The projection matrix of a seeded 6 x 2 Gaussian A: the largest
 * entry of |P^2 - P|, |P^T - P| and |A^T (I - P) b| (b Gaussian), and
 * the allowance 10 n u kappa_1(A^T A) the tests use.
 */
export function projectionMatrixCheck(seed = 31) {
  const rng = createRng(seed);
  const n = 6;
  const A = new Matrix(n, 2, rng.normalArray(2 * n));
  const b = rng.normalArray(n);
  const P = projectionMatrix(A);
  const PP = matmul(P, P);
  const Pt = transpose(P);
  const r = subVec(b, matvec(P, b));
  const ortho = matvec(transpose(A), r);
  let worst = 0;
  for (let t = 0; t < n * n; t++) {
    worst = Math.max(worst, Math.abs(PP.data[t] - P.data[t]),
      Math.abs(Pt.data[t] - P.data[t]));
  }
  for (const v of ortho) worst = Math.max(worst, Math.abs(v));
  const cond = condEst(luFactor(matmul(transpose(A), A)));
  return { A, b, P, worst, allowed: 10 * n * (Number.EPSILON / 2) * cond };
}
