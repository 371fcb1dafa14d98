// Benchmark: forward and backward of the convolutional-networks
// chapter's LeNet (conv 1→6 5×5, ReLU, max pool 2, conv 6→16 5×5, ReLU,
// max pool 2, 256-64-10) on a batch of 64 synthetic 28×28 images,
// cross-entropy loss, ours against PyTorch's same network (one thread,
// float64 on both sides), measured in one run. Run with
// `node_modules/.bin/node scripts/bench/cnn.ts` (needs Debian's
// /usr/bin/python3 with python3-torch). Prints the median time of a
// step (forward, loss, backward; no update) over REPS steps after a
// warm-up, for both, and their ratio. Writes nothing: the numbers
// depend on the machine and its load, and the chapter does not print
// them.
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
times = []
for r in range(warm + reps):
    model.zero_grad()
    t = time.perf_counter()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    if r >= warm:
        times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"median_ms": times[len(times) // 2],
                  "torch": torch.__version__}))
`;

const rng = createRng(64);
const model = lenet(createRng(1));
const X = new Tensor(rng.uniformArray(BATCH * 784), [BATCH, 784]);
const y = Int32Array.from({ length: BATCH }, () => rng.int(0, 10));
const times: number[] = [];
for (let r = 0; r < WARM + REPS; r++) {
  zeroGrad(model.parameters());
  const t0 = performance.now();
  crossEntropy(model.forward(X), y).backward();
  if (r >= WARM) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const ours = times[Math.floor(times.length / 2)];

console.log(`LeNet forward + backward, batch ${BATCH}, float64, median ` +
  `of ${REPS} steps; load average ${loadavg()[0].toFixed(2)}`);
console.log(`ours:    ${ours.toFixed(1)} ms`);
if (existsSync('/usr/bin/python3')) {
  const theirs = JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    PYTHON, String(BATCH), String(REPS), String(WARM)],
  { encoding: 'utf8' }));
  console.log(`PyTorch: ${theirs.median_ms.toFixed(1)} ms ` +
    `(torch ${theirs.torch}, one thread)`);
  console.log(`ratio ours / PyTorch: ${(ours / theirs.median_ms)
    .toFixed(2)}x`);
}
