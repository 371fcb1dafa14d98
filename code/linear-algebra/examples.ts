// @unshown: computes the example values that the chapter's prose quotes
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import { hilbertStudy } from './hilbert.ts';
import { Matrix, fromRows } from './matrix.ts';
import {
  SingularMatrixError,
  condEst,
  luFactor,
  luSolve,
  solve,
  solveNoPivot,
} from './solve.ts';

/** The 2 x 2 system with a tiny leading entry, solved both ways. */
export function pivotExample(): { pivoted: number[]; unpivoted: number[] } {
  const A = fromRows([[1e-20, 1], [1, 1]]);
  const b = Float64Array.of(1, 2);
  return {
    pivoted: Array.from(solve(A, b)),
    unpivoted: Array.from(solveNoPivot(A, b)),
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
