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
 * The fastest of repeated runs of f, in milliseconds. Untimed runs
 * first (five, or 20 ms, whichever ends first) let the JIT compile and
 * optimize f; then we repeat until budgetMs is spent (at least three
 * times). The minimum is the run that other work on the machine
 * disturbed least.
 */
export function bestTime(f: () => unknown, budgetMs: number): number {
  if (typeof f !== 'function' || !(budgetMs > 0 && budgetMs < 1e6)) {
    throw new Error(
      `bestTime: expected a function and 0 < budgetMs < 1e6, ` +
        `got ${typeof f} and ${budgetMs}`,
    );
  }
  const warm = performance.now();
  for (let w = 0; w < 5 && performance.now() - warm < 20; w++) f();
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

// #region spread
export interface Spread {
  readonly kernel: string;
  readonly n: number;
  /** GFLOP/s of each repetition, in the order measured. */
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The median of xs (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * measureKernels repeated `reps` times: for each kernel and size, the
 * speed of every repetition with its median, minimum and maximum. One
 * best-of time hides how much the machine disturbs a measurement;
 * the spread over repetitions shows it.
 */
export function measureSpread(
  sizes: readonly number[],
  budgetMs: number,
  reps: number,
  seed = 2,
): Spread[] {
  const all = Array.from({ length: reps },
    () => measureKernels(sizes, budgetMs, seed));
  return all[0].map(({ kernel, n }, t) => {
    const runs = all.map((rep) => rep[t].gflops);
    let min = Infinity;
    let max = -Infinity;
    for (const r of runs) [min, max] = [Math.min(min, r), Math.max(max, r)];
    return { kernel, n, runs, median: median(runs), min, max };
  });
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
