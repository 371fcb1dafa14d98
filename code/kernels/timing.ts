// Measuring the O(n³) wall of exact kernel ridge.
import { bestTime } from '../linear-algebra/benchmark.ts';
import { logLogSlope } from '../introduction/experiments.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import { checkInt } from './checks.ts';
import { fitKernelRidge } from './kernel-ridge.ts';

// #region timing
/**
 * Fastest time (ms) of fitKernelRidge on n random points in the plane
 * for each n, the bytes of K, and the least-squares slope of
 * log time against log n over the sizes ≥ 200 (where O(n³) dominates).
 */
export function krrTiming(sizes: number[], budgetMs: number) {
  sizes.forEach((n) => checkInt('krrTiming', 'sizes', n, 10, 5000));
  const rng = createRng(3);
  const rows = sizes.map((n) => {
    const X = new Matrix(n, 2, Float64Array.from({ length: 2 * n },
      () => rng.normal()));
    const y = Float64Array.from({ length: n }, () => rng.normal());
    const kernel = { kind: 'rbf' as const, gamma: 0.5 };
    const ms = bestTime(() => fitKernelRidge(X, y, kernel, 0.1),
      budgetMs);
    return { n, ms, bytes: 8 * n * n };
  });
  const big = rows.filter((r) => r.n >= 200);
  const slope = logLogSlope(big.map((r) => r.n), big.map((r) => r.ms),
    big[0].n, big[big.length - 1].n);
  return { rows, slope };
}
// #endregion
