// Benchmark: forward and backward of the convolutional-networks
// chapter's LeNet (conv 1→6 5×5, ReLU, max pool 2, conv 6→16 5×5, ReLU,
// max pool 2, 256-64-10) on a batch of 64 synthetic 28×28 images,
// cross-entropy loss, ours against PyTorch's same network (one thread,
// float64 on both sides), measured in one run. Run with
// `node_modules/.bin/node scripts/bench/cnn.ts` (needs Debian's
// /usr/bin/python3 with python3-torch). Prints the median time of a
// step (forward, loss, backward; no update) over REPS steps after a
// warm-up, for both, and their ratio: wall-clock time, and the
// processor time of each process (user + system), which a loaded
// machine inflates less, since time spent waiting for a core is not
// counted. Writes nothing: the numbers depend on the machine and its
// load, and the chapter does not print them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { crossEntropy } from '../../code/autodiff/fused.ts';
import { lenet } from '../../code/convolutional-networks/layers.ts';
import { zeroGrad } from '../../code/multilayer-perceptron/train.ts';

const BATCH = 64, REPS = 30, WARM = 5;

const PYTHON = `
import json, sys, time
import numpy as np, torch
import torch.nn as nn
torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
b, reps, warm = map(int, sys.argv[1:4])
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(256, 64), nn.ReLU(),
                      nn.Linear(64, 10))
x = torch.rand(b, 1, 28, 28)
y = torch.randint(0, 10, (b,))
times, cpu = [], []
for r in range(warm + reps):
    model.zero_grad()
    t, c = time.perf_counter(), time.process_time()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    if r >= warm:
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
times.sort()
cpu.sort()
print(json.dumps({"median_ms": times[len(times) // 2],
                  "median_cpu_ms": cpu[len(cpu) // 2],
                  "torch": torch.__version__}))
`;

const rng = createRng(64);
const model = lenet(createRng(1));
const X = new Tensor(rng.uniformArray(BATCH * 784), [BATCH, 784]);
const y = Int32Array.from({ length: BATCH }, () => rng.int(0, 10));
const times: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < WARM + REPS; r++) {
  zeroGrad(model.parameters());
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  crossEntropy(model.forward(X), y).backward();
  if (r >= WARM) {
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0); // microseconds
    cpu.push((c.user + c.system) / 1000);
  }
}
const median = (xs: number[]) =>
  xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = median(times);
const oursCpu = median(cpu);

console.log(`LeNet forward + backward, batch ${BATCH}, float64, median ` +
  `of ${REPS} steps; load average ${loadavg()[0].toFixed(2)}`);
console.log(`ours:    ${ours.toFixed(1)} ms (processor time ` +
  `${oursCpu.toFixed(1)} ms)`);
if (existsSync('/usr/bin/python3')) {
  const theirs = JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    PYTHON, String(BATCH), String(REPS), String(WARM)],
  { encoding: 'utf8' }));
  console.log(`PyTorch: ${theirs.median_ms.toFixed(1)} ms (processor ` +
    `time ${theirs.median_cpu_ms.toFixed(1)} ms; torch ${theirs.torch}, ` +
    'one thread)');
  console.log(`ratio ours / PyTorch: ${(ours / theirs.median_ms)
    .toFixed(2)}x (processor time: ${(oursCpu / theirs.median_cpu_ms)
    .toFixed(2)}x)`);
}
