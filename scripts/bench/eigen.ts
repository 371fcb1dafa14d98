// Benchmark: symmetricEigen (cyclic Jacobi, Chapter 3) on a dense
// random symmetric n x n matrix, n = 1000 by default (PCA of 784-pixel
// images needs n = 784). Run with `npx node scripts/bench/eigen.ts [n]`.
// Prints the sweeps, the time and the largest residual |Av - λv| / |A|_F
// over ten columns. Jacobi costs O(n³) a sweep: minutes at n = 1000,
// which is why the test suite checks n = 1000 on a sparse matrix only.
import { gaussianMatrix, symmetrize } from
  '../../code/decompositions/examples.ts';
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import { frobenius } from '../../code/decompositions/low-rank.ts';

const n = Number(process.argv[2] ?? 1000);
const A = symmetrize(gaussianMatrix(1, n, n));
const start = performance.now();
const { values, vectors, sweeps } = symmetricEigen(A);
const seconds = (performance.now() - start) / 1000;
let worst = 0;
for (let j = 0; j < n; j += Math.max(1, Math.floor(n / 10))) {
  let r2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) {
      s += A.data[i * n + k] * vectors.data[k * n + j];
    }
    r2 += (s - values[j] * vectors.data[i * n + j]) ** 2;
  }
  worst = Math.max(worst, Math.sqrt(r2));
}
console.log(`symmetricEigen n=${n}: ${sweeps} sweeps, ${seconds.toFixed(1)} s, ` +
  `max |Av - λv| / |A|_F = ${(worst / frobenius(A)).toExponential(1)}`);
