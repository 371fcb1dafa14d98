// Benchmark: histogram boosting, 100 trees of depth 6 on 50,000 x 20
// synthetic regression data (seeded), ours against XGBoost 1.7.4's
// `hist` with nthread = 1, measured in one run. Run with
// `node_modules/.bin/node scripts/bench/xgboost.ts` (the XGBoost side
// needs Debian's /usr/bin/python3 with python3-xgboost). Prints both
// times, their ratio and how far the two models' predictions are
// apart, and writes tests/fixtures/xgboost/benchmark.json, which the
// chapter quotes. Not a test: the numbers depend on the machine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  fitXGBoost,
  predictMargin,
} from '../../code/xgboost/booster.ts';

const N = 50_000, D = 20, ROUNDS = 100, DEPTH = 6, BINS = 255, ETA = 0.3;
const OUT = 'tests/fixtures/xgboost/benchmark.json';

// XGBoost's side: the same bytes; the time of xgb.train only (the
// DMatrix is built before the clock starts, as our data are in memory).
const PYTHON = `
import json, sys, time
import numpy as np, xgboost as xgb
n, d, rounds, depth, bins, eta = map(float, sys.argv[3:9])
X = np.fromfile(sys.argv[1]).reshape(int(n), int(d))
y = np.fromfile(sys.argv[2])
dtrain = xgb.DMatrix(X, y, nthread=1)
params = {"tree_method": "hist", "nthread": 1, "max_depth": int(depth),
          "max_bin": int(bins), "eta": eta, "base_score": 0.5,
          "objective": "reg:squarederror"}
t = time.perf_counter()
booster = xgb.train(params, dtrain, int(rounds))
ms = (time.perf_counter() - t) * 1000
pred = booster.predict(dtrain, output_margin=True)
pred.astype(np.float64).tofile(sys.argv[2] + ".pred")
print(json.dumps({"fit_ms": ms, "xgboost": xgb.__version__,
                  "numpy": np.__version__}))
`;

// y: a smooth function of five features, a product of two and noise
const rng = createRng(50_000);
const X = new Matrix(N, D, rng.normalArray(N * D));
const y = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const x = (j: number) => X.data[i * D + j];
  y[i] = Math.sin(2 * x(0)) + x(1) * x(2) + Math.abs(x(3)) -
    0.5 * x(4) + 0.3 * rng.normal();
}

const load = loadavg()[0];
const t0 = performance.now();
const model = fitXGBoost(X, y, { treeMethod: 'hist', rounds: ROUNDS,
  maxDepth: DEPTH, maxBin: BINS, eta: ETA });
const ourMs = performance.now() - t0;
const ours = predictMargin(model, X);

let theirs = null;
let agreement = null;
if (existsSync('/usr/bin/python3')) {
  const dir = mkdtempSync(join(tmpdir(), 'xgb-bench-'));
  writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer));
  writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer));
  theirs = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON,
    join(dir, 'X.f64'), join(dir, 'y.f64'),
    ...[N, D, ROUNDS, DEPTH, BINS, ETA].map(String)], { encoding: 'utf8',
    cwd: tmpdir() }));
  const { readFileSync } = await import('node:fs');
  const buf = readFileSync(join(dir, 'y.f64.pred'));
  const pred = new Float64Array(buf.buffer, buf.byteOffset, N);
  let maxAbs = 0;
  let se = 0;
  let seOurs = 0;
  let seTheirs = 0;
  for (let i = 0; i < N; i++) {
    maxAbs = Math.max(maxAbs, Math.abs(ours[i] - pred[i]));
    se += (ours[i] - pred[i]) ** 2;
    seOurs += (ours[i] - y[i]) ** 2;
    seTheirs += (pred[i] - y[i]) ** 2;
  }
  agreement = { max_abs_difference: maxAbs,
    rms_difference: Math.sqrt(se / N),
    train_rmse_ours: Math.sqrt(seOurs / N),
    train_rmse_xgboost: Math.sqrt(seTheirs / N) };
}

console.log(`${N} x ${D} synthetic rows, ${ROUNDS} trees of depth ` +
  `${DEPTH}, ${BINS} bins, one thread`);
console.log(`ours:    ${(ourMs / 1000).toFixed(2)} s`);
if (theirs) {
  console.log(`XGBoost: ${(theirs.fit_ms / 1000).toFixed(2)} s`);
  console.log(`ratio ours / XGBoost: ${(ourMs / theirs.fit_ms).toFixed(2)}x`);
  console.log(JSON.stringify(agreement));
}
writeFileSync(OUT, JSON.stringify({
  script: 'scripts/bench/xgboost.ts',
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  load_average: load,
  node: process.version,
  n: N, d: D, rounds: ROUNDS, max_depth: DEPTH, max_bin: BINS, eta: ETA,
  ours: { fit_ms: ourMs }, theirs, agreement,
  ratio: theirs ? ourMs / theirs.fit_ms : null,
}, null, 1) + '\n');
console.log(`wrote ${OUT}`);
