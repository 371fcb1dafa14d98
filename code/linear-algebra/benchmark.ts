// Timing the three kernels: used by the figure and scripts/bench.
import { createRng } from '../introduction/random.ts';
import { requireInteger } from '../introduction/checks.ts';
import {
  blockedKernel,
  ikjKernel,
  naiveKernel,
  type Kernel,
} from './matmul.ts';

// #region best-time
/**
 * The fastest of repeated runs of f, in milliseconds. One untimed run
 * first lets the JIT compile f; then we repeat until budgetMs is spent
 * (at least three times). The minimum is the run that other work on
 * the machine disturbed least.
 */
export function bestTime(f: () => unknown, budgetMs: number): number {
  if (typeof f !== 'function' || !(budgetMs > 0 && budgetMs < 1e6)) {
    throw new Error(
      `bestTime: expected a function and 0 < budgetMs < 1e6, ` +
        `got ${typeof f} and ${budgetMs}`,
    );
  }
  f();
  let best = Infinity;
  let spent = 0;
  for (let runs = 0; runs < 3 || spent < budgetMs; runs++) {
    const start = performance.now();
    f();
    const ms = performance.now() - start;
    best = Math.min(best, ms);
    spent += ms;
  }
  return best;
}
// #endregion

// #region gflops
/** Speed of an n x n product that took ms milliseconds. */
export function gflops(n: number, ms: number): number {
  if (!(n >= 1 && ms > 0 && Number.isFinite(ms) && Number.isFinite(n))) {
    throw new Error(`gflops: expected n >= 1, ms > 0; got ${n}, ${ms}`);
  }
  return (2 * n ** 3) / (ms * 1e6); // n^3 multiplies and n^3 adds
}
// #endregion

// #region kernels-table
/** The kernels by the names the figure and the benchmark print. */
export const KERNELS: Readonly<Record<string, Kernel>> = {
  naive: naiveKernel,
  ikj: ikjKernel,
  blocked: blockedKernel,
};
// #endregion

// #region measure
export interface Timing {
  readonly kernel: string;
  readonly n: number;
  readonly gflops: number;
}

/** Times every kernel on random n x n matrices for each n in sizes. */
export function measureKernels(
  sizes: readonly number[],
  budgetMs: number,
  seed = 2,
): Timing[] {
  checkMeasure(sizes, budgetMs, seed);
  const rng = createRng(seed);
  const out: Timing[] = [];
  for (const n of sizes) {
    const a = rng.normalArray(n * n);
    const b = rng.normalArray(n * n);
    for (const [kernel, f] of Object.entries(KERNELS)) {
      const ms = bestTime(() => f(a, b, n, n, n), budgetMs);
      out.push({ kernel, n, gflops: gflops(n, ms) });
    }
  }
  return out;
}
// #endregion

function checkMeasure(
  sizes: readonly number[],
  budgetMs: number,
  seed: number,
): void {
  const fn = 'measureKernels';
  const ok = Array.isArray(sizes) && sizes.length > 0 &&
    sizes.every((n) => Number.isInteger(n) && n >= 1);
  if (!ok) {
    throw new Error(`${fn}: expected positive integer sizes, got ` +
      (Array.isArray(sizes) ? `[${sizes}]` : String(sizes)));
  }
  if (!(budgetMs > 0 && budgetMs < 1e6)) {
    throw new Error(`${fn}: expected 0 < budgetMs < 1e6, got ${budgetMs}`);
  }
  requireInteger(fn, 'seed', seed);
}
