// Tests for the multilayer-perceptron chapter. Each `it` is one claim of
// the chapter; equation labels refer to
// chapters/neural-networks/multilayer-perceptron.mdx. PyTorch values
// come from tests/fixtures/multilayer-perceptron/torch.json, written by
// scripts/reference/multilayer_perceptron.py (float64 on both sides).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  DEFAULT_STEP,
  centralDifference,
  gradientCheck,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { crossEntropy } from '../code/autodiff/fused.ts';
import { Tensor, noGrad } from '../code/autodiff/tensor.ts';
import {
  ACTIVATIONS,
  type ActivationName,
  activate,
} from '../code/multilayer-perceptron/activations.ts';
import { fitOneD } from '../code/multilayer-perceptron/approx.ts';
import {
  type TwoLayer,
  twoLayerBackprop,
} from '../code/multilayer-perceptron/backprop.ts';
import { erf } from '../code/multilayer-perceptron/erf.ts';
import {
  FASHION_TRAIN_SHA256,
  loadFashionTrain,
} from '../code/multilayer-perceptron/fashion.ts';
import { Act, Linear, linear } from '../code/multilayer-perceptron/layers.ts';
import {
  Sequential,
  mlp,
  parameterCount,
} from '../code/multilayer-perceptron/mlp.ts';
import { deadFraction } from '../code/multilayer-perceptron/pitfalls.ts';
import {
  sgdStepDecay,
} from '../code/multilayer-perceptron/solutions/weight-decay.ts';
import {
  batchOf,
  evaluate,
  fit,
  type StepRule,
  sgdStep,
  trainStep,
  zeroGrad,
} from '../code/multilayer-perceptron/train.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/multilayer-perceptron.ts';
import { fixture } from './helpers.ts';

interface Layer64 { W: number[]; b: number[] }
const torch = fixture<{
  activations: Record<string, { f: number[]; df: number[] }> & {
    x: number[];
  };
  sgd: {
    sizes: number[]; eta: number; X: number[]; y: number[];
    batches: number[][]; init: Layer64[]; losses: number[];
    final: Layer64[];
  };
}>('multilayer-perceptron', 'torch.json');

const benchmark = () => fixture<{
  n: number; sizes: number[]; batch: number;
  ours: { rss_every_100_steps_mb: number[] };
}>('multilayer-perceptron', 'benchmark.json');

const NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/** A small two-layer problem: X [n, d], labels in 0..c-1, weights. */
function problem(seed: number, n = 6, d = 4, h = 5, c = 3) {
  const rng = createRng(seed);
  const X = new Matrix(n, d, rng.normalArray(n * d));
  const y = Int32Array.from({ length: n }, () => rng.int(0, c));
  const p: TwoLayer = {
    W1: new Matrix(d, h, rng.normalArray(d * h)),
    b1: rng.normalArray(h, 0, 0.5),
    W2: new Matrix(h, c, rng.normalArray(h * c)),
    b2: rng.normalArray(c, 0, 0.5),
  };
  return { X, y, p, n, d, h, c };
}

/** The same network in the engine; its loss and parameter tensors. */
function engineLoss(X: Matrix, y: Int32Array, p: TwoLayer,
  act: ActivationName) {
  const l1 = new Linear(new Tensor(p.W1.data.slice(), [p.W1.rows,
    p.W1.cols], true), new Tensor(p.b1.slice(), [p.b1.length], true));
  const l2 = new Linear(new Tensor(p.W2.data.slice(), [p.W2.rows,
    p.W2.cols], true), new Tensor(p.b2.slice(), [p.b2.length], true));
  const model = new Sequential([l1, new Act(act), l2]);
  const loss = crossEntropy(model.forward(
    new Tensor(X.data, [X.rows, X.cols])), y);
  return { loss, params: model.parameters() };
}

/** All four parameters packed in one vector, and back. */
function pack(p: TwoLayer): Float64Array {
  return Float64Array.from([...p.W1.data, ...p.b1, ...p.W2.data,
    ...p.b2]);
}
function unpack(v: Float64Array, like: TwoLayer): TwoLayer {
  let at = 0;
  const take = (k: number) => v.slice(at, (at += k));
  return {
    W1: new Matrix(like.W1.rows, like.W1.cols, take(like.W1.data.length)),
    b1: take(like.b1.length),
    W2: new Matrix(like.W2.rows, like.W2.cols, take(like.W2.data.length)),
    b2: take(like.b2.length),
  };
}

describe('backpropagation in matrix form', () => {
  it('the hand-written matrix backprop gives the engine\'s loss and ' +
    'gradients (ReLU and tanh), Eqs. (mlp-delta2)–(mlp-back-w1)', () => {
    for (const act of ['relu', 'tanh'] as const) {
      const { X, y, p } = problem(1);
      const hand = twoLayerBackprop(X, y, p, act);
      const { loss, params } = engineLoss(X, y, p, act);
      loss.backward();
      expect(hand.loss).toBeCloseTo(loss.data[0], 14);
      const grads = [hand.gW1.data, hand.gb1, hand.gW2.data, hand.gb2];
      params.forEach((t, k) => assertAllClose(grads[k],
        t.grad as Float64Array, { rtol: 1e-12, atol: 1e-15 }));
    }
  });

  it('both agree with central differences of the loss', () => {
    const { X, y, p } = problem(2);
    const f = (v: Float64Array) =>
      twoLayerBackprop(X, y, unpack(v, p), 'tanh').loss;
    const hand = (v: Float64Array) => {
      const g = twoLayerBackprop(X, y, unpack(v, p), 'tanh');
      return Float64Array.from([...g.gW1.data, ...g.gb1, ...g.gW2.data,
        ...g.gb2]);
    };
    const engine = (v: Float64Array) => {
      const { loss, params } = engineLoss(X, y, unpack(v, p), 'tanh');
      loss.backward();
      return Float64Array.from(params.flatMap((t) => [...t.grad!]));
    };
    expect(gradientCheck(f, hand, pack(p)).ok).toBe(true);
    expect(gradientCheck(f, engine, pack(p)).ok).toBe(true);
  });

  it('δ at the logits is (softmax − onehot)/n, Eq. (mlp-delta2)', () => {
    const z = new Tensor([1, -2, 0.5, 3, 0, -1], [2, 3], true);
    crossEntropy(z, [2, 0]).backward();
    const p = (row: number[]) => {
      const s = row.reduce((a, v) => a + Math.exp(v), 0);
      return row.map((v) => Math.exp(v) / s);
    };
    const [p0, p1] = [p([1, -2, 0.5]), p([3, 0, -1])];
    assertAllClose(z.grad!, [p0[0] / 2, p0[1] / 2, (p0[2] - 1) / 2,
      (p1[0] - 1) / 2, p1[1] / 2, p1[2] / 2], { rtol: 1e-14 });
  });
});

describe('activations', () => {
  it('every derivative matches central differences at 41 points', () => {
    for (const name of NAMES) {
      const { f, df } = ACTIVATIONS[name];
      for (let k = 0; k <= 40; k++) {
        const x = -4 + 0.2 * k + 0.013; // off the kink at 0
        expect(df(x)).toBeCloseTo(centralDifference(f, x, DEFAULT_STEP), 7);
      }
    }
  });

  it('values and derivatives equal PyTorch 1.13 (GELU both forms)', () => {
    const a = torch.activations;
    for (const name of NAMES) {
      const t = new Tensor(a.x, [a.x.length], true);
      const out = activate(t, name);
      out.sum().backward();
      assertAllClose(out.data, a[name].f, { rtol: 1e-14, atol: 1e-16 },
        `${name} f`);
      assertAllClose(t.grad!, a[name].df, { rtol: 1e-13, atol: 1e-16 },
        `${name} df`);
    }
  });

  it('erf matches Math-free identities: odd, erf(∞) → 1, known values',
    () => {
      expect(erf(-0.7)).toBe(-erf(0.7));
      expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
      expect(erf(3)).toBeCloseTo(0.9999779095030014, 15);
      expect(erf(6)).toBe(1);
    });

  it('the tanh GELU is within 5e-4 of the exact one', () => {
    let worst = 0;
    for (let x = -6; x <= 6; x += 0.01) {
      worst = Math.max(worst, Math.abs(ACTIVATIONS.gelu.f(x) -
        ACTIVATIONS.geluTanh.f(x)));
    }
    expect(worst).toBeLessThan(5e-4);
    expect(worst).toBeGreaterThan(1e-5); // an approximation, not equal
  });
});

describe('layers and initialization', () => {
  it('He init has variance 2/fanIn, Xavier 2/(fanIn + fanOut), Eq. ' +
    '(mlp-init)', () => {
    const variance = (t: Tensor) =>
      t.data.reduce((a, v) => a + v * v, 0) / t.size;
    const he = linear(400, 300, createRng(3), 'he');
    const xa = linear(400, 300, createRng(3), 'xavier');
    expect(variance(he.W) / (2 / 400)).toBeCloseTo(1, 1);
    expect(variance(xa.W) / (2 / 700)).toBeCloseTo(1, 1);
    expect([...he.b.data].every((v) => v === 0)).toBe(true);
  });

  it('the same seed gives the same network', () => {
    const a = mlp([3, 4, 2], 'relu', createRng(9)).parameters();
    const b = mlp([3, 4, 2], 'relu', createRng(9)).parameters();
    a.forEach((t, k) => expect(t.data).toEqual(b[k].data));
  });

  it('784-128-10 has 101,770 parameters', () => {
    expect(parameterCount(mlp([784, 128, 10], 'relu', createRng(1))))
      .toBe(101770);
  });

  it('zero initialization keeps every hidden unit identical', () => {
    const l1 = new Linear(new Tensor(new Float64Array(6), [2, 3], true),
      new Tensor(new Float64Array(3), [3], true));
    const l2 = new Linear(new Tensor(new Float64Array(6), [3, 2], true),
      new Tensor(new Float64Array(2), [2], true));
    const model = new Sequential([l1, new Act('tanh'), l2]);
    const X = new Tensor([1, 2, -1, 0.5, 0.3, -2], [3, 2]);
    for (let s = 0; s < 5; s++) {
      trainStep(model, X, Int32Array.of(0, 1, 1), 0.5);
    }
    const W = l1.W.data; // columns are units: all three equal
    expect(W[0]).toBe(W[1]);
    expect(W[1]).toBe(W[2]);
    expect(W[3]).toBe(W[5]);
  });
});

describe('training', () => {
  it('20 SGD steps give PyTorch\'s losses and final weights to 1e-10',
    () => {
      const s = torch.sgd;
      const layers = s.init.map((l, k) => new Linear(
        new Tensor(l.W, [s.sizes[k], s.sizes[k + 1]], true),
        new Tensor(l.b, [s.sizes[k + 1]], true)));
      const model = new Sequential([layers[0], new Act('relu'),
        layers[1], new Act('tanh'), layers[2]]);
      const X = new Matrix(32, 5, Float64Array.from(s.X));
      const y = Int32Array.from(s.y);
      const losses = s.batches.map((idx) => {
        const { xb, yb } = batchOf(X, y, idx);
        return trainStep(model, xb, yb, s.eta).loss;
      });
      assertAllClose(losses, s.losses, { rtol: 0, atol: 1e-10 });
      layers.forEach((l, k) => {
        assertAllClose(l.W.data, s.final[k].W, { rtol: 0, atol: 1e-10 });
        assertAllClose(l.b.data, s.final[k].b, { rtol: 0, atol: 1e-10 });
      });
    });

  it('sgdStep refuses parameters with no gradient yet', () => {
    const w = new Tensor([1, 2], [2], true);
    expect(() => sgdStep([w], 0.1)).toThrow(/sgdStep: params\[0\] has no/);
    w.mul(w).sum().backward();
    sgdStep([w], 0.25); // w − 0.25 · 2w
    expect([...w.data]).toEqual([0.5, 1]);
  });

  it('zeroGrad forgets the last gradient (else backward adds to it)', () => {
    const w = new Tensor([3], [1], true);
    w.mul(w).sum().backward();
    w.mul(w).sum().backward();
    expect(w.grad![0]).toBe(12); // summed: 6 + 6
    zeroGrad([w]);
    w.mul(w).sum().backward();
    expect(w.grad![0]).toBe(6);
  });

  it('evaluate records no graph and leaves the parameters alone', () => {
    const model = mlp([2, 3, 2], 'relu', createRng(4));
    const before = model.parameters().map((p) => p.data.slice());
    const X = new Matrix(3, 2, Float64Array.of(1, 0, 0, 1, 1, 1));
    const r = evaluate(model, X, Int32Array.of(0, 1, 1));
    expect(r.pred.length).toBe(3);
    expect(model.parameters().every((p) => p.grad === null)).toBe(true);
    model.parameters().forEach((p, k) => expect(p.data).toEqual(before[k]));
    expect(noGrad(() => model.forward(new Tensor([1, 2], [1, 2])))
      .requiresGrad).toBe(false);
  });

  it('fit with one seed repeats exactly; another seed differs', () => {
    const X = new Matrix(8, 2, createRng(5).normalArray(16));
    const y = Int32Array.from([0, 1, 0, 1, 1, 0, 1, 0]);
    const run = (seed: number) => fit(mlp([2, 4, 2], 'tanh',
      createRng(1)), X, y, { epochs: 3, batchSize: 3, eta: 0.3, seed });
    expect(run(2)).toEqual(run(2));
    expect(run(2)[2].trainLoss).not.toBe(run(3)[2].trainLoss);
  });

  it('a 2-8-2 network learns XOR, which no linear model can', () => {
    const X = new Matrix(4, 2, Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1));
    const y = Int32Array.of(0, 1, 1, 0);
    const model = mlp([2, 8, 2], 'tanh', createRng(6));
    const h = fit(model, X, y, { epochs: 300, batchSize: 4, eta: 0.5,
      seed: 1 });
    expect(h[299].trainLoss).toBeLessThan(0.05);
    expect(evaluate(model, X, y).accuracy).toBe(1);
  });

  it('a learning rate far too high kills ReLU units', () => {
    const rng = createRng(8);
    const X = new Matrix(64, 5, rng.normalArray(320));
    const y = Int32Array.from({ length: 64 }, (_, i) => i % 3);
    const dead = (eta: number) => {
      const model = mlp([5, 32, 3], 'relu', createRng(8));
      fit(model, X, y, { epochs: 5, batchSize: 16, eta, seed: 1 });
      return deadFraction(model.layers[0] as Linear, X);
    };
    expect(dead(0.05)).toBeLessThan(0.1);
    expect(dead(20)).toBeGreaterThan(0.25);
  });

  it('more hidden units fit the 1-D target better', () => {
    const mse = [2, 16].map((q) => fitOneD(q, 300, 0.05, 7).mse);
    expect(mse[1]).toBeLessThan(mse[0]);
  });
});

describe('data', () => {
  it('the training subset has 12,000 images of all 10 classes and its ' +
    'checksums', () => {
    const { X, y } = loadFashionTrain();
    expect([X.rows, X.cols]).toEqual([12000, 784]);
    const counts = new Array(10).fill(0);
    for (const c of y) counts[c]++;
    expect(Math.min(...counts)).toBeGreaterThan(1000);
  });
});

describe('solutions', () => {
  it('weight decay is SGD on L + (λ/2)‖θ‖²', () => {
    const a = new Tensor([1, -2, 0.5], [3], true);
    const b = new Tensor([1, -2, 0.5], [3], true);
    const loss = (t: Tensor) => t.mul(t).mul(t).sum();
    loss(a).backward();
    sgdStepDecay([a], 0.1, 0.3);
    loss(b).add(b.mul(b).sum().mul(0.3 / 2)).backward();
    sgdStep([b], 0.1);
    assertAllClose(a.data, b.data, { rtol: 1e-15 });
  });
});

describe('bad input', () => {
  it('rejects bad input to the layers and activations', () => {
    rejectsBadInput(badInput.layers);
  });

  it('rejects bad input to training and evaluation', () => {
    rejectsBadInput(badInput.training);
  });

  it('rejects bad input to the input checks themselves', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  it('fit and trainStep take another step rule, called once per ' +
    'minibatch after backward(), in place of sgdStep', () => {
    const X = new Matrix(10, 2, createRng(12).normalArray(20));
    const y = Int32Array.from({ length: 10 }, (_, i) => i % 2);
    const calls: number[] = [];
    const halfSgd: StepRule = (params, eta) => {
      calls.push(params.every((p) => p.grad !== null) ? eta : NaN);
      sgdStep(params, eta / 2);
    };
    const a = mlp([2, 3, 2], 'tanh', createRng(1));
    const b = mlp([2, 3, 2], 'tanh', createRng(1));
    const opts = { epochs: 2, batchSize: 4, eta: 0.4, seed: 3 };
    fit(a, X, y, { ...opts, step: halfSgd });
    fit(b, X, y, { ...opts, eta: 0.2 });
    expect(calls).toEqual(new Array(6).fill(0.4)); // 3 batches x 2
    a.parameters().forEach((p, k) =>
      expect(p.data).toEqual(b.parameters()[k].data));
    expect(() => fit(a, X, y, { ...opts, step: 1 as never }))
      .toThrow(/^fit: step must be a function/);
  });

  it('sgdStep updates a tensor listed twice (shared weights) once', () => {
    const w = new Tensor([1, 2], [2], true);
    w.mul(w).sum().backward();
    sgdStep([w, w], 0.25);
    expect([...w.data]).toEqual([0.5, 1]);
  });

  it('equal (nonzero) hidden units get equal gradients and stay equal ' +
    'while they learn, Eq. (mlp-back-w1)', () => {
    const l1 = new Linear(new Tensor([0.3, 0.3, 0.3, -0.2, -0.2, -0.2],
      [2, 3], true), new Tensor([0.1, 0.1, 0.1], [3], true));
    const l2 = new Linear(new Tensor([0.5, -0.4, 0.5, -0.4, 0.5, -0.4],
      [3, 2], true), new Tensor(new Float64Array(2), [2], true));
    const model = new Sequential([l1, new Act('tanh'), l2]);
    const X = new Tensor([1, 2, -1, 0.5, 0.3, -2], [3, 2]);
    for (let s = 0; s < 5; s++) {
      trainStep(model, X, Int32Array.of(0, 1, 1), 0.5);
    }
    const W = l1.W.data; // columns are units
    expect(W[0]).not.toBe(0.3); // they learn ...
    expect(W[1]).toBe(W[0]); // ... but as one unit
    expect(W[2]).toBe(W[0]);
    expect(W[4]).toBe(W[3]);
    expect(W[5]).toBe(W[3]);
  });

  it('evaluate runs the model under noGrad (its outputs record no ' +
    'graph)', () => {
    const inner = mlp([2, 3, 2], 'relu', createRng(4));
    const tracked: boolean[] = [];
    const spy = {
      forward: (x: Tensor) => {
        const z = inner.forward(x);
        tracked.push(z.requiresGrad);
        return z;
      },
      parameters: () => inner.parameters(),
    };
    const X = new Matrix(3, 2, Float64Array.of(1, 0, 0, 1, 1, 1));
    evaluate(spy, X, Int32Array.of(0, 1, 1));
    expect(tracked).toEqual([false]);
    expect(inner.forward(new Tensor([1, 2], [1, 2])).requiresGrad)
      .toBe(true);
  });

  it('the train12k files hash to the SHA-256s in the code and in ' +
    'data/fashion-mnist/README.md', () => {
    const dir = new URL('../data/fashion-mnist/', import.meta.url);
    const readme = readFileSync(new URL('README.md', dir), 'utf8');
    for (const [kind, file] of [
      ['images', 'train12k-images-idx3-ubyte.gz'],
      ['labels', 'train12k-labels-idx1-ubyte.gz'],
    ] as const) {
      const sha = createHash('sha256')
        .update(readFileSync(new URL(file, dir))).digest('hex');
      expect(sha).toBe(FASHION_TRAIN_SHA256[kind]);
      const row = readme.split('\n').find((l) => l.includes(file));
      expect(row).toContain(sha);
    }
  });

  it('the benchmark fixture: RSS flat after step 300, data 359 MiB, ' +
    '938 steps', () => {
    const b = benchmark();
    const late = b.ours.rss_every_100_steps_mb.slice(3);
    const spread = Math.max(...late) - Math.min(...late);
    expect(spread / late[0]).toBeLessThan(0.02);
    expect(Math.round(b.n * b.sizes[0] * 8 / 2 ** 20)).toBe(359);
    expect(Math.ceil(b.n / b.batch)).toBe(938);
  });
});
