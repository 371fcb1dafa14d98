// Measuring the O(n³) wall of exact kernel ridge.
import { logLogSlope } from '../introduction/experiments.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import { checkInt } from './checks.ts';
import { fitKernelRidge } from './kernel-ridge.ts';

const FROM = 300; // the smallest n in the fit of the slope

// #region timing
/**
 * The fastest of `runs` fits of kernel ridge (ms) on n random points in
 * the plane, for each n; the bytes of K; and the least-squares slope of
 * log time against log n over the sizes ≥ FROM (n³/3 predicts 3).
 */
export function krrTiming(sizes: number[], runs: number) {
  if (!Array.isArray(sizes) || sizes.length === 0) {
    throw new Error('krrTiming: sizes must be a non-empty array');
  }
  sizes.forEach((n) => checkInt('krrTiming', 'sizes', n, 10, 5000));
  checkInt('krrTiming', 'runs', runs, 1, 100);
  const rng = createRng(3);
  const kernel = { kind: 'rbf' as const, gamma: 0.5 };
  const data = (n: number) => ({
    X: new Matrix(n, 2, Float64Array.from({ length: 2 * n },
      () => rng.normal())),
    y: Float64Array.from({ length: n }, () => rng.normal()),
  });
  const warm = data(200); // let the JIT compile the code first
  fitKernelRidge(warm.X, warm.y, kernel, 0.1);
  const rows = sizes.map((n) => {
    const { X, y } = data(n);
    let ms = Infinity;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      fitKernelRidge(X, y, kernel, 0.1);
      ms = Math.min(ms, performance.now() - t0);
    }
    return { n, ms, bytes: 8 * n * n };
  });
  const big = rows.filter((r) => r.n >= FROM);
  const slope = big.length < 2 ? NaN : logLogSlope(big.map((r) => r.n),
    big.map((r) => r.ms), big[0].n, big[big.length - 1].n);
  return { rows, slope, from: FROM };
}
// #endregion
