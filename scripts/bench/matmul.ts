// Benchmark: the chapter's three matmul kernels against ml-matrix's mmul.
// Run with `npx node scripts/bench/matmul.ts`. Prints GFLOP/s (higher is
// faster) for n x n products; ml-matrix is imported here only, never
// from code/.
import { Matrix as MlMatrix } from 'ml-matrix';
import { createRng } from '../../code/introduction/random.ts';
import {
  KERNELS,
  bestTime,
  gflops,
} from '../../code/linear-algebra/benchmark.ts';

const SIZES = [128, 256, 512];
const BUDGET_MS = 600;

const columns = [...Object.keys(KERNELS), 'ml-matrix', 'blocked/ml'];
console.log(['n', ...columns].map((s) => s.padStart(11)).join(''));

const rng = createRng(2);
for (const n of SIZES) {
  const a = rng.normalArray(n * n);
  const b = rng.normalArray(n * n);
  const speed: Record<string, number> = {};
  const results: Record<string, Float64Array> = {};
  for (const [name, kernel] of Object.entries(KERNELS)) {
    results[name] = kernel(a, b, n, n, n);
    const ms = bestTime(() => kernel(a, b, n, n, n), BUDGET_MS);
    speed[name] = gflops(n, ms);
  }
  const A = MlMatrix.from1DArray(n, n, a);
  const B = MlMatrix.from1DArray(n, n, b);
  const C = A.mmul(B).to1DArray();
  speed['ml-matrix'] = gflops(n, bestTime(() => A.mmul(B), BUDGET_MS));

  // Same sums, same order: every product must agree to the last bit.
  const all: [string, ArrayLike<number>][] = [
    ...Object.entries(results),
    ['ml-matrix', C],
  ];
  for (const [name, c] of all) {
    const t = Array.from(c).findIndex(
      (x, i) => !Object.is(x, results.naive[i]),
    );
    if (t >= 0) {
      throw new Error(`${name} differs from naive at n=${n}, entry ${t}`);
    }
  }

  const ratio = speed.blocked / speed['ml-matrix'];
  const cells = [...Object.keys(KERNELS), 'ml-matrix'].map((k) =>
    speed[k].toFixed(2),
  );
  console.log(
    [String(n), ...cells, `${ratio.toFixed(2)}x`]
      .map((s) => s.padStart(11))
      .join(''),
  );
}
console.log('GFLOP/s = 2n^3 / fastest run (after one warm-up run);');
console.log('all four products agreed bit for bit.');
