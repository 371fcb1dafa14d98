// Benchmark: Lloyd's algorithm to convergence, ours against
// scikit-learn's KMeans(algorithm="lloyd") on one thread, on 50,000 x 2
// points with k = 8 from the same initial centres, measured in one run.
// Run with `node_modules/.bin/node scripts/bench/kmeans.ts` (needs
// Debian's /usr/bin/python3 with python3-sklearn). Prints the times and
// the ratio, checks that both runs took the same number of iterations
// and found the same labels, and writes
// tests/fixtures/k-means/benchmark.json, which the chapter quotes. Not a
// test: the numbers depend on the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../code/introduction/random.ts';
import { bestTime } from '../../code/linear-algebra/benchmark.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { lloyd } from '../../code/k-means/lloyd.ts';
import { kMeansPlusPlus, rowsOf } from '../../code/k-means/seeding.ts';

const N = 50_000; // points
const K = 8; // clusters
const BUDGET_MS = 3_000; // time budget per measurement
const OUT = 'tests/fixtures/k-means/benchmark.json';

// scikit-learn's side: the same bytes, timed the same way (one warm-up,
// then the fastest of at least three runs within the budget), on one
// OpenMP thread.
const PYTHON = `
import json, sys, time
import numpy as np, sklearn
from sklearn.cluster import KMeans
n, k, budget = map(float, sys.argv[3:6])
X = np.fromfile(sys.argv[1]).reshape(int(n), 2)
C0 = np.fromfile(sys.argv[2]).reshape(int(k), 2)
def fit():
    return KMeans(n_clusters=int(k), init=C0, n_init=1, algorithm="lloyd",
                  tol=0.0, max_iter=1000).fit(X)
def best(f):
    f()
    best, spent, runs = float("inf"), 0.0, 0
    while runs < 3 or spent < budget / 1000:
        t = time.perf_counter(); f(); s = time.perf_counter() - t
        best, spent, runs = min(best, s), spent + s, runs + 1
    return best * 1000
km = fit()
print(json.dumps({
    "fit_ms": best(fit), "n_iter": int(km.n_iter_),
    "labels": km.labels_.tolist(), "inertia": float(km.inertia_),
    "sklearn": sklearn.__version__, "numpy": np.__version__,
}))
`;

/** 50,000 points from eight Gaussian blobs of unequal spread. */
const rng = createRng(50_000);
const X = new Matrix(N, 2);
for (let i = 0; i < N; i++) {
  const m = i % K;
  const s = 0.5 + 0.25 * m;
  X.data[2 * i] = rng.normal(6 * (m % 4), s);
  X.data[2 * i + 1] = rng.normal(6 * Math.floor(m / 4), s);
}
const C0 = rowsOf(X, kMeansPlusPlus(X, K, createRng(8)));
const dir = mkdtempSync(join(tmpdir(), 'kmeans-bench-'));
writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer));
writeFileSync(join(dir, 'C0.f64'), new Uint8Array(C0.data.buffer));
const load = loadavg()[0];

const run = () => lloyd(X, C0, { tol: 0, maxIter: 1000 });
const ours = run();
const oursMs = bestTime(run, BUDGET_MS);
const theirs = JSON.parse(execFileSync('/usr/bin/python3', [
  '-c', PYTHON, join(dir, 'X.f64'), join(dir, 'C0.f64'),
  ...[N, K, BUDGET_MS].map(String),
], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' },
  maxBuffer: 64 * 2 ** 20 }));

const sameLabels = ours.labels.every((v, i) => v === theirs.labels[i]);
const sameIter = ours.nIter === theirs.n_iter;
const ratio = oursMs / theirs.fit_ms;
console.log(`${N} x 2 points, k = ${K}, Lloyd to convergence (tol = 0) ` +
  `from the same centres; fastest of repeated runs`);
console.log(`ours:          ${oursMs.toFixed(1).padStart(8)} ms, ` +
  `${ours.nIter} iterations`);
console.log(`scikit-learn:  ${theirs.fit_ms.toFixed(1).padStart(8)} ms, ` +
  `${theirs.n_iter} iterations (one thread)`);
console.log(`ours / scikit-learn: ${ratio.toFixed(2)}x`);
console.log(`same labels: ${sameLabels}, same iterations: ${sameIter}`);

writeFileSync(OUT, JSON.stringify({
  script: 'scripts/bench/kmeans.ts',
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  load_average: load,
  node: process.version,
  sklearn: theirs.sklearn,
  numpy: theirs.numpy,
  n: N, d: 2, k: K, iterations: ours.nIter,
  ours_ms: oursMs, sklearn_ms: theirs.fit_ms, ratio,
  same_labels: sameLabels, same_iterations: sameIter,
  inertia: ours.inertia, sklearn_inertia: theirs.inertia,
}, null, 1) + '\n');
console.log(`wrote ${OUT}`);
