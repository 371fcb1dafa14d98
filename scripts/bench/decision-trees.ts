// Benchmark: growing a classification tree with fitTree against
// scikit-learn's DecisionTreeClassifier on the same 100,000 x 2 points
// (labels: x1 + x2 > 1; at least 20 points a leaf), measured in one run.
// Run with `node_modules/.bin/node scripts/bench/decision-trees.ts` (needs
// Debian's /usr/bin/python3 with python3-sklearn). Prints the times and
// their ratio, checks that both libraries grow a tree of the same size,
// and writes tests/fixtures/decision-trees/benchmark.json, which the
// chapter quotes. Not a test: the numbers depend on the machine. (It
// replaces the CPU-time bound a test used to assert.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../code/introduction/random.ts';
import { bestTime } from '../../code/linear-algebra/benchmark.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { fitTree } from '../../code/decision-trees/tree.ts';

const N = 100_000; // rows
const D = 2; // features
const LEAF = 20; // minSamplesLeaf
const BUDGET_MS = 3_000; // time budget per measurement
const OUT = 'tests/fixtures/decision-trees/benchmark.json';

// scikit-learn's side: the same bytes, timed the same way (one warm-up,
// then the fastest of at least three runs within the budget).
const PYTHON = `
import json, sys, time
import numpy as np, sklearn
from sklearn.tree import DecisionTreeClassifier
n, d, leaf, budget = map(float, sys.argv[3:7])
X = np.fromfile(sys.argv[1]).reshape(int(n), int(d))
y = np.fromfile(sys.argv[2])
def fit():
    return DecisionTreeClassifier(min_samples_leaf=int(leaf),
                                  random_state=0).fit(X, y)
def best(f):
    f()
    best, spent, runs = float("inf"), 0.0, 0
    while runs < 3 or spent < budget / 1000:
        t = time.perf_counter(); f(); s = time.perf_counter() - t
        best, spent, runs = min(best, s), spent + s, runs + 1
    return best * 1000
print(json.dumps({
    "fit_ms": best(fit), "node_count": int(fit().tree_.node_count),
    "sklearn": sklearn.__version__, "numpy": np.__version__,
}))
`;

const rng = createRng(8);
const X = new Matrix(N, D, rng.uniformArray(N * D));
const y = Float64Array.from({ length: N }, (_, i) =>
  (X.data[2 * i] + X.data[2 * i + 1] > 1 ? 1 : 0));
const dir = mkdtempSync(join(tmpdir(), 'tree-bench-'));
writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer));
writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer));
const load = loadavg()[0];

const ours = {
  fit_ms: bestTime(() => fitTree(X, y, { minSamplesLeaf: LEAF }),
    BUDGET_MS),
  node_count: fitTree(X, y, { minSamplesLeaf: LEAF }).nodeCount,
};
const theirs = JSON.parse(execFileSync('/usr/bin/python3', [
  '-c', PYTHON, join(dir, 'X.f64'), join(dir, 'y.f64'),
  ...[N, D, LEAF, BUDGET_MS].map(String),
], { encoding: 'utf8' }));
const ratio = ours.fit_ms / theirs.fit_ms;

console.log(`${N} x ${D} uniform points, labels x1 + x2 > 1, ` +
  `min leaf ${LEAF}; fastest of repeated runs`);
console.log(`fitTree:                 ${ours.fit_ms.toFixed(1)} ms, ` +
  `${ours.node_count} nodes`);
console.log(`DecisionTreeClassifier:  ${theirs.fit_ms.toFixed(1)} ms, ` +
  `${theirs.node_count} nodes`);
console.log(`ours / scikit-learn's:   ${ratio.toFixed(1)}x`);

writeFileSync(OUT, JSON.stringify({
  script: 'scripts/bench/decision-trees.ts',
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  load_average: load,
  node: process.version,
  sklearn: theirs.sklearn,
  numpy: theirs.numpy,
  n: N, d: D, min_samples_leaf: LEAF,
  ours, theirs: { fit_ms: theirs.fit_ms, node_count: theirs.node_count },
  ratio,
  same_node_count: ours.node_count === theirs.node_count,
}, null, 1) + '\n');
console.log(`wrote ${OUT}`);
