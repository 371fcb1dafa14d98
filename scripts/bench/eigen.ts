// Benchmark: the symmetric eigensolvers of Chapter 3 on a dense random
// symmetric n x n matrix: symmetricEigen (cyclic Jacobi) against
// symmetricEigenQR (Householder tridiagonalization + implicit QR).
// PCA of 784-pixel images needs n = 784. Run with
//   node_modules/.bin/node scripts/bench/eigen.ts [n ...] [--qr-only]
// (default n = 100 300 784). Prints the sweeps or QR steps, the CPU time
// and the largest residual |Av - λv| / |A|_F over ten columns.
// Jacobi costs O(n³) a sweep and takes ten or more sweeps: minutes at
// n = 784, which is why the test suite checks n = 1000 on a sparse
// matrix only.
import { gaussianMatrix, symmetrize } from
  '../../code/decompositions/examples.ts';
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import { symmetricEigenQR } from
  '../../code/decompositions/tridiagonal.ts';
import { frobenius } from '../../code/decompositions/low-rank.ts';
import type { Matrix } from '../../code/linear-algebra/matrix.ts';

const args = process.argv.slice(2);
const qrOnly = args.includes('--qr-only');
const sizes = args.filter((a) => !a.startsWith('--')).map(Number);

function residual(A: Matrix, values: Float64Array, V: Matrix): number {
  const n = A.rows;
  let worst = 0;
  for (let j = 0; j < n; j += Math.max(1, Math.floor(n / 10))) {
    let r2 = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        s += A.data[i * n + k] * V.data[k * n + j];
      }
      r2 += (s - values[j] * V.data[i * n + j]) ** 2;
    }
    worst = Math.max(worst, Math.sqrt(r2));
  }
  return worst / frobenius(A);
}

/** CPU seconds (user + system) of this process: on a shared machine
 * the wall-clock time depends on the load, this does much less. */
function time<T>(f: () => T): [T, number] {
  const start = process.cpuUsage();
  const out = f();
  const { user, system } = process.cpuUsage(start);
  return [out, (user + system) / 1e6];
}

for (const n of sizes.length > 0 ? sizes : [100, 300, 784]) {
  const A = symmetrize(gaussianMatrix(1, n, n));
  const [q, tq] = time(() => symmetricEigenQR(A));
  console.log(`n=${n} symmetricEigenQR: ${q.iterations} QR steps, ` +
    `${tq.toFixed(2)} s, max |Av - λv| / |A|_F = ` +
    `${residual(A, q.values, q.vectors).toExponential(1)}`);
  if (qrOnly) continue;
  const [j, tj] = time(() => symmetricEigen(A));
  let dv = 0;
  for (let i = 0; i < n; i++) {
    dv = Math.max(dv, Math.abs(j.values[i] - q.values[i]));
  }
  console.log(`n=${n} symmetricEigen (Jacobi): ${j.sweeps} sweeps, ` +
    `${tj.toFixed(2)} s, max |Av - λv| / |A|_F = ` +
    `${residual(A, j.values, j.vectors).toExponential(1)}; ` +
    `max |λ_Jacobi - λ_QR| / |A|_F = ` +
    `${(dv / frobenius(A)).toExponential(1)}; speed-up ` +
    `${(tj / tq).toFixed(0)}x`);
}
