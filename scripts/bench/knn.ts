// Benchmark: k-d tree queries against brute force, and against
// scikit-learn's KDTree, on 20,000 x 3 uniform points, measured in one
// run. Run with `node_modules/.bin/node scripts/bench/knn.ts` (needs
// Debian's /usr/bin/python3 with python3-sklearn). Prints the times and
// the ratios, checks that all three searches return the same neighbours,
// and writes tests/fixtures/k-nearest-neighbors/benchmark.json, which
// the chapter quotes. Not a test: the numbers depend on the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../code/introduction/random.ts';
import { bestTime } from '../../code/linear-algebra/benchmark.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { bruteForceNeighbors } from '../../code/k-nearest-neighbors/brute.ts';
import {
  buildKdTree,
  kdTreeNeighbors,
} from '../../code/k-nearest-neighbors/kd-tree.ts';

const N = 20_000; // training points
const D = 3; // dimensions
const M = 2_000; // queries
const K = 5; // neighbours per query
const LEAF = 40; // leaf size, scikit-learn's KDTree default
const BUDGET_MS = 2_000; // time budget per measurement
const OUT = 'tests/fixtures/k-nearest-neighbors/benchmark.json';

// scikit-learn's side: the same bytes, timed the same way (one warm-up,
// then the fastest of at least three runs within the budget).
const PYTHON = `
import json, sys, time
import numpy as np, sklearn
from sklearn.neighbors import KDTree
n, d, m, k, leaf, budget = map(float, sys.argv[3:9])
X = np.fromfile(sys.argv[1]).reshape(int(n), int(d))
Q = np.fromfile(sys.argv[2]).reshape(int(m), int(d))
def best(f):
    f()
    best, spent, runs = float("inf"), 0.0, 0
    while runs < 3 or spent < budget / 1000:
        t = time.perf_counter(); f(); s = time.perf_counter() - t
        best, spent, runs = min(best, s), spent + s, runs + 1
    return best * 1000
tree = KDTree(X, leaf_size=int(leaf))
ind = tree.query(Q, k=int(k), return_distance=False)
print(json.dumps({
    "build_ms": best(lambda: KDTree(X, leaf_size=int(leaf))),
    "query_ms": best(lambda: tree.query(Q, k=int(k))),
    "indices": ind.ravel().tolist(),
    "sklearn": sklearn.__version__, "numpy": np.__version__,
}))
`;

const rng = createRng(20_000);
const X = new Matrix(N, D, rng.uniformArray(N * D));
const Q = new Matrix(M, D, rng.uniformArray(M * D));
const dir = mkdtempSync(join(tmpdir(), 'knn-bench-'));
writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer));
writeFileSync(join(dir, 'Q.f64'), new Uint8Array(Q.data.buffer));
const load = loadavg()[0];

const tree = buildKdTree(X, LEAF);
const ours = {
  build_ms: bestTime(() => buildKdTree(X, LEAF), BUDGET_MS),
  query_ms: bestTime(() => kdTreeNeighbors(tree, Q, K), BUDGET_MS),
  brute_ms: bestTime(() => bruteForceNeighbors(X, Q, K), BUDGET_MS),
};
const theirs = JSON.parse(execFileSync('/usr/bin/python3', [
  '-c', PYTHON, join(dir, 'X.f64'), join(dir, 'Q.f64'),
  ...[N, D, M, K, LEAF, BUDGET_MS].map(String),
], { encoding: 'utf8' }));

// The three searches must agree (continuous data: no equal distances).
const kd = kdTreeNeighbors(tree, Q, K).indices;
const brute = bruteForceNeighbors(X, Q, K).indices;
const agree = kd.every((v, t) => v === brute[t] && v === theirs.indices[t]);
if (!agree) throw new Error('knn benchmark: the searches disagree');

const ratios = {
  brute_over_tree: ours.brute_ms / ours.query_ms,
  tree_over_sklearn: ours.query_ms / theirs.query_ms,
  build_over_sklearn: ours.build_ms / theirs.build_ms,
};
const row = (name: string, ms: number) =>
  console.log(`${name.padEnd(34)}${ms.toFixed(1).padStart(10)} ms`);
console.log(`${N} x ${D} uniform points, ${M} queries, k = ${K}, ` +
  `leaf size ${LEAF}; fastest of repeated runs`);
row('our brute force, all queries', ours.brute_ms);
row('our k-d tree, build', ours.build_ms);
row('our k-d tree, all queries', ours.query_ms);
row('scikit-learn KDTree, build', theirs.build_ms);
row('scikit-learn KDTree, all queries', theirs.query_ms);
console.log(`brute force / our tree:     ${ratios.brute_over_tree.toFixed(1)}x`);
console.log(`our tree / scikit-learn's:  ${ratios.tree_over_sklearn.toFixed(1)}x` +
  ` (queries), ${ratios.build_over_sklearn.toFixed(1)}x (build)`);
console.log('all three searches returned the same neighbours.');

writeFileSync(OUT, JSON.stringify({
  script: 'scripts/bench/knn.ts',
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  load_average: load,
  node: process.version,
  sklearn: theirs.sklearn,
  numpy: theirs.numpy,
  n: N, d: D, queries: M, k: K, leaf_size: LEAF,
  ours, theirs: { build_ms: theirs.build_ms, query_ms: theirs.query_ms },
  ratios,
  same_neighbours: agree,
}, null, 1) + '\n');
console.log(`wrote ${OUT}`);

