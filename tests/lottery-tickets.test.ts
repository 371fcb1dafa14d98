// Tests for the lottery-tickets chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/papers/lottery-tickets.mdx.
// PyTorch values come from tests/fixtures/lottery-tickets/torch.json,
// written by scripts/reference/lottery_tickets.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, Linear } from '../code/multilayer-perceptron/layers.ts';
import { mlp, Sequential } from '../code/multilayer-perceptron/mlp.ts';
import {
  evaluate, trainStep, type StepRule,
} from '../code/multilayer-perceptron/train.ts';
import {
  adam, adamw, rmsprop, sgd,
} from '../code/neural-optimizers/optimizers.ts';
import {
  applyMask, fullMask, maskedRule, prunable, remaining,
} from '../code/lottery-tickets/mask.ts';
import {
  layerRates, pruneLayer, pruneMask, randomMask,
} from '../code/lottery-tickets/prune.ts';
import { rewind, snapshot } from '../code/lottery-tickets/rewind.ts';
import {
  earlyStop, trainTicket, type Split,
} from '../code/lottery-tickets/train.ts';
import { imp, oneShotMask, trainFresh } from '../code/lottery-tickets/imp.ts';
import { downsample } from '../code/lottery-tickets/data.ts';
import { pruneGlobal } from '../code/lottery-tickets/solutions/global.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/lottery-tickets.ts';
import { fixture } from './helpers.ts';

const torch = fixture('lottery-tickets', 'torch.json');
const EXACT = { rtol: 0, atol: 0 };

/** n random rows of d features, labels from a fixed linear rule. */
function toyData(n: number, d: number, c: number, seed: number) {
  const rng = createRng(seed);
  const X = new Matrix(n, d, rng.normalArray(n * d));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X.data[i * d + j] * (j % 3 - 1);
    y[i] = s > 0.5 ? 2 : s > -0.5 ? 1 : 0;
    if (c === 2) y[i] = Math.min(y[i], 1);
  }
  return { X, y };
}
const split = (seed = 1): Split => ({ train: toyData(40, 6, 3, seed),
  val: toyData(20, 6, 3, seed + 1), test: toyData(30, 6, 3, seed + 2) });
const SIZES = [6, 8, 5, 3];
const OPTS = { iterations: 12, batchSize: 10, eta: 0.05, evalEvery: 3,
  seed: 4, optimizer: () => adam() };

/** A half mask drawn at random (kept = 1). */
function someMask(model: Sequential, seed: number) {
  const rng = createRng(seed);
  return prunable(model).map((w) => Float64Array.from(
    { length: w.size }, () => (rng.uniform() < 0.5 ? 0 : 1)));
}

function pruned(weights: Tensor[], mask: Float64Array[]) {
  const out: number[] = [];
  weights.forEach((w, k) => mask[k].forEach((m, i) => {
    if (m === 0) out.push(w.data[i]);
  }));
  return out;
}

/** steps minibatch steps of `rule` on the toy data. */
function train(model: Sequential, rule: StepRule, steps: number) {
  const { X, y } = toyData(10, 6, 3, 9);
  for (let t = 0; t < steps; t++) {
    trainStep(model, new Tensor(X.data, [10, 6]), y, 0.05, rule);
  }
}

describe('masks', () => {
  it('prunable lists the W of each Linear layer, no biases', () => {
    const net = mlp(SIZES, 'relu', createRng(1));
    const Ls = net.layers.filter((l) => l instanceof Linear) as Linear[];
    expect(prunable(net)).toEqual(Ls.map((l) => l.W));
    expect(prunable(net).map((w) => w.shape)).toEqual(
      [[6, 8], [8, 5], [5, 3]]);
  });

  it('applyMask zeroes the masked entries and no others (lt-subnet)', () => {
    const net = mlp(SIZES, 'relu', createRng(2));
    const before = snapshot(net);
    const mask = someMask(net, 3);
    const W = prunable(net);
    applyMask(W, mask);
    W.forEach((w, k) => {
      const b = before[2 * k]; // parameters: W0, b0, W1, b1, …
      for (let i = 0; i < w.size; i++) {
        expect(w.data[i]).toBe(mask[k][i] * b[i]);
      }
    });
  });

  it('a pruned weight is exactly 0 after 30 steps, every optimizer, even with stale state', () => {
    const rules: (() => StepRule)[] = [() => sgd(),
      () => sgd({ momentum: 0.9, nesterov: true }),
      () => sgd({ momentum: 0.9, weightDecay: 0.1 }), () => rmsprop(),
      () => rmsprop({ momentum: 0.5 }), () => adam(),
      () => adamw({ weightDecay: 0.1 })];
    for (const make of rules) {
      const net = mlp(SIZES, 'relu', createRng(4));
      const rule = make();
      train(net, rule, 5); // dense steps fill the rule's buffers
      const mask = someMask(net, 5);
      const W = prunable(net);
      train(net, maskedRule(rule, W, mask), 30);
      expect(pruned(W, mask).every((v) => v === 0)).toBe(true);
      expect(remaining(mask)).toBeLessThan(1);
    }
  });

  it('masking gradients alone is not enough: stale momentum revives pruned weights', () => {
    const net = mlp(SIZES, 'relu', createRng(6));
    const rule = sgd({ momentum: 0.9 });
    train(net, rule, 5);
    const mask = someMask(net, 7);
    const W = prunable(net);
    applyMask(W, mask);
    const gradOnly: StepRule = (params, eta) => {
      W.forEach((w, k) => w.grad!.forEach((_, i) => {
        w.grad![i] *= mask[k][i];
      }));
      rule(params, eta);
    };
    train(net, gradOnly, 3);
    expect(pruned(W, mask).some((v) => v !== 0)).toBe(true);
  });

  it('remaining counts kept weights over all matrices; fullMask keeps all', () => {
    expect(remaining([Float64Array.of(1, 0, 0, 1),
      Float64Array.of(1, 1)])).toBe(4 / 6);
    const net = mlp(SIZES, 'relu', createRng(1));
    const full = fullMask(prunable(net));
    expect(remaining(full)).toBe(1);
    expect(full.map((m) => m.length)).toEqual([48, 40, 15]);
  });
});

describe('pruning', () => {
  it('pruneLayer drops round(rate × kept) smallest |w| among kept (lt-prune, lt-count)', () => {
    const w = Float64Array.of(0.5, -0.1, 3, -2, 0.05, 1, -0.7, 0.2);
    const m = Float64Array.of(1, 1, 1, 1, 0, 1, 1, 1); // 0.05 gone
    // kept |w|: .5 .1 3 2 1 .7 .2 → 0.4 × 7 = 2.8 → 3 drop: .1 .2 .5
    expect([...pruneLayer(w, m, 0.4)]).toEqual([0, 0, 1, 1, 0, 1, 1, 0]);
    expect([...m]).toEqual([1, 1, 1, 1, 0, 1, 1, 1]); // not changed
    expect([...pruneLayer(w, m, 0)]).toEqual([...m]);
  });

  it('ties are broken by index, so a mask is reproducible', () => {
    const w = Float64Array.of(1, -1, 1, 2);
    expect([...pruneLayer(w, Float64Array.of(1, 1, 1, 1), 0.5)])
      .toEqual([0, 0, 1, 1]);
  });

  it('pruneLayer agrees with torch prune.l1_unstructured, twice in a row', () => {
    const { w, amount, mask1, mask2 } = torch.layer;
    const m1 = pruneLayer(Float64Array.from(w),
      new Float64Array(w.length).fill(1), amount);
    expect([...m1]).toEqual(mask1);
    expect([...pruneLayer(Float64Array.from(w), m1, amount)])
      .toEqual(mask2);
  });

  it('layerRates: p for hidden layers, p/2 for the output layer', () => {
    expect(layerRates(3, 0.2)).toEqual([0.2, 0.2, 0.1]);
    expect(layerRates(1, 0.5)).toEqual([0.25]);
  });

  it('pruneMask prunes each layer at its own rate, whatever the scales', () => {
    const rng = createRng(8);
    const big = rng.normalArray(40, 0, 10);
    const small = rng.normalArray(20, 0, 0.01);
    const full = [new Float64Array(40).fill(1),
      new Float64Array(20).fill(1)];
    const m = pruneMask([big, small], full, [0.5, 0.25]);
    expect(remaining([m[0]])).toBe(0.5);
    expect(remaining([m[1]])).toBe(0.75);
  });

  it('global pruning (exercise) agrees with torch and empties the small-scale layer', () => {
    const { wa, wb, amount, maskA, maskB } = torch.global;
    const m = pruneGlobal([Float64Array.from(wa), Float64Array.from(wb)],
      [new Float64Array(wa.length).fill(1),
        new Float64Array(wb.length).fill(1)], amount);
    expect([...m[0]]).toEqual(maskA);
    expect([...m[1]]).toEqual(maskB);
    expect(remaining([m[1]])).toBe(0);
  });

  it('randomMask keeps as many weights per layer, elsewhere, reproducibly', () => {
    const net = mlp(SIZES, 'relu', createRng(9));
    const mask = someMask(net, 10);
    const r1 = randomMask(mask, createRng(11));
    const r2 = randomMask(mask, createRng(11));
    expect(r1).toEqual(r2);
    r1.forEach((m, k) => expect(remaining([m])).toBe(remaining([mask[k]])));
    expect(r1).not.toEqual(mask);
  });
});

describe('rewinding and training a ticket', () => {
  it('rewind sets W = θ₀ ⊙ m and b = b₀ exactly, after training', () => {
    const net = mlp(SIZES, 'relu', createRng(12));
    const theta0 = snapshot(net);
    train(net, adam(), 10);
    const mask = someMask(net, 13);
    rewind(net, theta0, mask);
    const params = net.parameters();
    params.forEach((p, k) => {
      const m = k % 2 === 0 ? mask[k / 2] : null; // W0, b0, W1, …
      const want = theta0[k].map((v, i) => (m ? m[i] * v : v));
      assertAllClose(p.data, want, EXACT);
    });
    const fresh = mlp(SIZES, 'relu', createRng(99)); // not θ₀
    expect(fresh.parameters()[0].data).not.toEqual(theta0[0]);
  });

  it('earlyStop: the index of the lowest validation loss, the first on ties', () => {
    expect(earlyStop([3, 2, 1.5, 1.7, 1.5])).toBe(2);
    expect(earlyStop([1])).toBe(0);
    expect(earlyStop([2, 2])).toBe(0);
  });

  it('trainTicket: stop is the checkpoint of lowest validation loss; the model ends at its final weights', () => {
    const net = mlp(SIZES, 'relu', createRng(14));
    const data = split();
    const mask = someMask(net, 15);
    const r = trainTicket(net, mask, data, OPTS);
    expect(r.at).toEqual([3, 6, 9, 12]);
    expect(r.stop).toBe(r.at[earlyStop(r.valLoss)]);
    expect(evaluate(net, data.test.X, data.test.y).accuracy)
      .toBe(r.finalAccuracy);
    expect(pruned(prunable(net), mask).every((v) => v === 0)).toBe(true);
  });

  it('trainTicket reports the test accuracy of the weights at the stop', () => {
    const data = split(2);
    const a = mlp(SIZES, 'relu', createRng(16));
    const mask = someMask(a, 17);
    const r = trainTicket(a, mask, data, OPTS);
    const b = mlp(SIZES, 'relu', createRng(16)); // the same θ₀
    const r2 = trainTicket(b, mask, data, { ...OPTS,
      iterations: r.stop, evalEvery: r.stop });
    expect(r2.finalAccuracy).toBe(r.testAccuracy);
  });

  it('the test labels never change the early-stopping iteration', () => {
    const data = split(3);
    const flipped = { ...data, test: { X: data.test.X,
      y: data.test.y.map((v) => (v + 1) % 3) } };
    const run = (d: Split) => trainTicket(mlp(SIZES, 'relu',
      createRng(18)), fullMask(prunable(mlp(SIZES, 'relu',
      createRng(18)))), d, OPTS);
    const a = run(data), b = run(flipped);
    expect(b.stop).toBe(a.stop);
    expect(b.valLoss).toEqual(a.valLoss);
  });
});

describe('IMP, one-shot and the controls', () => {
  const data = split(4);
  const o = { sizes: SIZES, seed: 20, rounds: 2, p: 0.5, train: OPTS };

  it('tiny IMP: nested masks, per-layer shares (1 − p_l)^k, tickets start at θ₀ ⊙ m (lt-share)', () => {
    const r = imp(data, o);
    expect(r.levels.map((l) => l.k)).toEqual([0, 1, 2]);
    expect(r.rates).toEqual([0.5, 0.5, 0.25]);
    const sizes = [48, 40, 15];
    r.levels.forEach((l) => l.mask.forEach((m, j) => {
      let kept = sizes[j];
      for (let k = 0; k < l.k; k++) {
        kept -= Math.round(r.rates[j] * kept);
      }
      expect(remaining([m])).toBe(kept / sizes[j]);
    }));
    const [, one, two] = r.levels;
    two.mask.forEach((m, j) => m.forEach((v, i) => {
      if (v === 1) expect(one.mask[j][i]).toBe(1); // nested
    }));
    expect(r.levels[0].remaining).toBe(1);
    // level 2 retrained from θ₀: rerunning it from θ₀ ⊙ m gives the same
    const again = mlp(SIZES, 'relu', createRng(20));
    rewind(again, r.theta0, two.mask);
    expect(trainTicket(again, two.mask, data, OPTS).valLoss)
      .toEqual(two.valLoss);
  });

  it('one-shot prunes the dense trained weights once to the same per-layer share', () => {
    const r = imp(data, o);
    const m = oneShotMask(r.trained, r.rates, 2);
    expect(m.map((x) => remaining([x]))).toEqual([0.25, 0.25, 8 / 15]);
    const direct = pruneMask(r.trained, m.map((x) =>
      new Float64Array(x.length).fill(1)), [0.75, 0.75, 1 - 0.75 ** 2]);
    expect(m).toEqual(direct);
  });

  it('trainFresh trains the same mask from a new draw (the control)', () => {
    const r = imp(data, o);
    const mask = r.levels[1].mask;
    const c = trainFresh(SIZES, mask, 21, data, OPTS);
    expect(c.valLoss).not.toEqual(r.levels[1].valLoss);
    expect(c.at).toEqual(r.levels[1].at);
  });
});

describe('against PyTorch', () => {
  it('three masked Adam steps match torch.nn.utils.prune (weight_orig ⊙ mask) to 1e-12', () => {
    const { w0, mask1, mask2, x, y, lr, steps } = torch.adam;
    const net = new Sequential([
      new Linear(new Tensor(w0[0], [4, 3], true), new Tensor(w0[1], [3],
        true)), new Act('relu'),
      new Linear(new Tensor(w0[2], [3, 2], true), new Tensor(w0[3], [2],
        true))]);
    const W = prunable(net);
    const mask = [Float64Array.from(mask1), Float64Array.from(mask2)];
    applyMask(W, mask);
    const rule = maskedRule(adam(), W, mask);
    const X = new Tensor(x, [5, 4]);
    steps.forEach((s: number[][]) => {
      trainStep(net, X, Int32Array.from(y), lr, rule);
      assertAllClose(W[0].data, s[0], { rtol: 1e-12, atol: 1e-12 });
      assertAllClose(W[1].data, s[1], { rtol: 1e-12, atol: 1e-12 });
    });
  });
});

describe('data', () => {
  it('downsample averages each 2 × 2 block', () => {
    const X = new Matrix(1, 784);
    X.data[0] = 1; X.data[1] = 2; X.data[28] = 3; X.data[29] = 6;
    X.data[783] = 8; // bottom-right pixel → block (13, 13)
    const out = downsample(X);
    expect(out.cols).toBe(196);
    expect(out.data[0]).toBe(3);
    expect(out.data[195]).toBe(2);
  });
});

describe('bad input', () => {
  it('masks and pruning reject bad arguments with named errors', () => {
    rejectsBadInput(badInput.pruning);
  });
  it('training, IMP and the controls reject bad arguments', () => {
    rejectsBadInput(badInput.training);
  });
  it('the checks reject bad arguments', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  const kept = (m: Float64Array) => m.reduce((s, v) => s + v, 0);
  /** A step rule that masks the gradients only, not the weights. */
  const gradOnly = (rule: StepRule, W: Tensor[],
    mask: Float64Array[]): StepRule => (params, eta) => {
    W.forEach((w, k) => w.grad!.forEach((_, i) => {
      w.grad![i] *= mask[k][i];
    }));
    rule(params, eta);
  };

  it('pruneLayer rounds an exact half up: 50% of 5 weights drops 3 (PyTorch’s round-half-even drops 2)', () => {
    const m = pruneLayer(Float64Array.of(1, 2, 3, 4, 5),
      new Float64Array(5).fill(1), 0.5);
    expect([...m]).toEqual([0, 0, 0, 1, 1]);
  });

  it('one-shot keeps IMP’s per-layer share only up to rounding: 160 weights at 25% for 4 rounds keep 50 by IMP, 51 one-shot', () => {
    const w = createRng(33).normalArray(160);
    let m: Float64Array = new Float64Array(160).fill(1);
    for (let k = 0; k < 4; k++) m = pruneLayer(w, m, 0.25);
    expect(kept(m)).toBe(50);
    expect(kept(oneShotMask([w], [0.25], 4)[0])).toBe(51);
  });

  it('Exercise 2: a stale momentum buffer moves a pruned weight by −η b μ(1 − μ^t)/(1 − μ)', () => {
    const net = mlp(SIZES, 'relu', createRng(30));
    const rule = sgd({ momentum: 0.9 });
    const W = prunable(net);
    const before = Float64Array.from(W[0].data);
    train(net, rule, 1); // first step: buffer b = g, step −η b
    const b = before.map((v, i) => (v - W[0].data[i]) / 0.05);
    let i0 = 0;
    b.forEach((v, i) => { if (Math.abs(v) > Math.abs(b[i0])) i0 = i; });
    expect(Math.abs(b[i0])).toBeGreaterThan(1e-3);
    const mask = W.map((w) => new Float64Array(w.size).fill(1));
    mask[0][i0] = 0;
    W[0].data[i0] = 0; // pruned: from now on its gradient is masked
    const mu = 0.9, t = 3;
    train(net, gradOnly(rule, W, mask), t);
    expect(W[0].data[i0]).toBeCloseTo(
      -0.05 * b[i0] * mu * (1 - mu ** t) / (1 - mu), 10);
  });

  it('Exercise 2: a fresh Adam with masked gradients keeps pruned weights at 0 without the after-step mask', () => {
    const net = mlp(SIZES, 'relu', createRng(31));
    const W = prunable(net);
    const mask = someMask(net, 32);
    applyMask(W, mask);
    train(net, gradOnly(adam(), W, mask), 10);
    expect(pruned(W, mask).every((v) => v === 0)).toBe(true);
    expect(W[0].data.some((v) => v !== 0)).toBe(true);
  });
});
