// Benchmark: epochs of minibatch SGD on a 784-128-10 ReLU network,
// batch 64, over 60,000 synthetic examples, ours against PyTorch's (one
// thread, float64 on both sides), measured in one run. Each side trains
// EPOCHS epochs and reports its fastest: on a loaded machine a single
// epoch of either side can take several times its quiet time. Run with
// `node_modules/.bin/node --expose-gc scripts/bench/mlp.ts` (needs
// Debian's /usr/bin/python3 with python3-torch). Prints both times,
// their ratio (wall-clock, and processor time: user + system of each
// process, which a loaded machine inflates less, since waiting for a
// core is not counted) and the resident set size (RSS) at the start and
// the end
// of our first epoch: the tape is freed by every backward(), so the RSS must
// not grow with the number of steps. Writes
// tests/fixtures/multilayer-perceptron/benchmark.json. Not a test: the
// numbers depend on the machine and its load.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { mlp } from '../../code/multilayer-perceptron/mlp.ts';
import {
  batchOf,
  trainStep,
} from '../../code/multilayer-perceptron/train.ts';

const N = 60_000, D = 784, H = 128, C = 10, BATCH = 64, ETA = 0.01;
const EPOCHS = 3;
const OUT = 'tests/fixtures/multilayer-perceptron/benchmark.json';

const PYTHON = `
import json, sys, time
import numpy as np, torch
torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
n, d, h, c, b, eta, epochs = map(float, sys.argv[3:10])
n, d, h, c, b, epochs = int(n), int(d), int(h), int(c), int(b), int(epochs)
X = torch.from_numpy(np.fromfile(sys.argv[1]).reshape(n, d))
y = torch.from_numpy(np.fromfile(sys.argv[2], dtype=np.int32)).long()
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(d, h), torch.nn.ReLU(),
                            torch.nn.Linear(h, c))
opt = torch.optim.SGD(model.parameters(), lr=eta)
perm = torch.from_numpy(np.random.default_rng(0).permutation(n))
start = rss()
walls, cpus = [], []
for e in range(epochs):
    t0, c0 = time.perf_counter(), time.process_time()
    for s in range(0, n, b):
        idx = perm[s:s + b]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(X[idx]), y[idx])
        loss.backward()
        opt.step()
    walls.append((time.perf_counter() - t0) * 1000)
    cpus.append((time.process_time() - c0) * 1000)
print(json.dumps({"epoch_ms": min(walls), "epoch_cpu_ms": min(cpus),
                  "epochs_ms": walls, "epochs_cpu_ms": cpus,
                  "rss_start_mb": start,
                  "rss_end_mb": rss(), "last_loss": loss.item(),
                  "torch": torch.__version__}))
`;

const rng = createRng(60_000);
const X = new Matrix(N, D, rng.uniformArray(N * D));
const y = Int32Array.from({ length: N }, () => rng.int(0, C));
const order = rng.shuffle(Array.from({ length: N }, (_, i) => i));
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const model = mlp([D, H, C], 'relu', createRng(1));
gc();
const start = rssMb();
const walls: number[] = [];
const cpuTimes: number[] = [];
let loss = 0;
let endOfFirst = 0;
const samples: number[] = [];
for (let e = 0; e < EPOCHS; e++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let s = 0; s < N; s += BATCH) {
    const { xb, yb } = batchOf(X, y, order.slice(s, s + BATCH));
    loss = trainStep(model, xb, yb, ETA).loss;
    if (e === 0 && (s / BATCH) % 100 === 0) samples.push(rssMb());
  }
  walls.push(performance.now() - t0);
  const c1 = process.cpuUsage(c0); // microseconds
  cpuTimes.push((c1.user + c1.system) / 1000);
  if (e === 0) endOfFirst = rssMb();
}
const fastest = (xs: number[]) => xs.reduce((a, v) => Math.min(a, v));
const ms = fastest(walls);
const cpuMs = fastest(cpuTimes);
const endBeforeGc = rssMb();
gc();
const ours = { epoch_ms: ms, epoch_cpu_ms: cpuMs, epochs_ms: walls,
  epochs_cpu_ms: cpuTimes, rss_start_mb: start, rss_end_mb: endOfFirst,
  rss_end_of_all_mb: endBeforeGc, rss_end_after_gc_mb: rssMb(),
  rss_max_sampled_mb: samples.reduce((a, v) => Math.max(a, v), 0),
  rss_every_100_steps_mb: samples.map((v) => Math.round(v)),
  last_loss: loss };

let theirs = null;
if (existsSync('/usr/bin/python3')) {
  const dir = mkdtempSync(join(tmpdir(), 'mlp-bench-'));
  writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer));
  writeFileSync(join(dir, 'y.i32'), new Uint8Array(y.buffer));
  theirs = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON,
    join(dir, 'X.f64'), join(dir, 'y.i32'),
    ...[N, D, H, C, BATCH, ETA, EPOCHS].map(String)],
  { encoding: 'utf8' }));
}

console.log(`fastest of ${EPOCHS} epochs, ${N} x ${D} synthetic ` +
  `examples, ${D}-${H}-${C} ReLU, batch ${BATCH}, SGD, float64`);
console.log(`ours:    ${(ms / 1000).toFixed(2)} s, RSS ` +
  `${start.toFixed(0)} MB at the start, ${endOfFirst.toFixed(0)} MB at ` +
  `the end of the first epoch (max sampled ` +
  `${ours.rss_max_sampled_mb.toFixed(0)} MB)`);
if (theirs) {
  console.log(`PyTorch: ${(theirs.epoch_ms / 1000).toFixed(2)} s, RSS ` +
    `${theirs.rss_start_mb.toFixed(0)} MB at the start, ` +
    `${theirs.rss_end_mb.toFixed(0)} MB at the end`);
  console.log(`ratio ours / PyTorch: ${(ms / theirs.epoch_ms).toFixed(2)}x ` +
    `(processor time ${(cpuMs / 1000).toFixed(2)} s against ` +
    `${(theirs.epoch_cpu_ms / 1000).toFixed(2)} s: ` +
    `${(cpuMs / theirs.epoch_cpu_ms).toFixed(2)}x)`);
}
writeFileSync(OUT, JSON.stringify({
  script: 'scripts/bench/mlp.ts',
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  load_average: loadavg()[0],
  node: process.version,
  n: N, sizes: [D, H, C], batch: BATCH, eta: ETA, epochs: EPOCHS,
  ours, theirs,
  ratio: theirs ? ms / theirs.epoch_ms : null,
  ratio_cpu: theirs ? cpuMs / theirs.epoch_cpu_ms : null,
}, null, 1) + '\n');
console.log(`wrote ${OUT}`);
