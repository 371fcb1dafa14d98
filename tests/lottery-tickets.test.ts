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
  batchOf, evaluate, trainStep, type StepRule,
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
import { downsample, fashionSplit } from '../code/lottery-tickets/data.ts';
import { loadFashionTrain } from '../code/multilayer-perceptron/fashion.ts';
import { pruneGlobal } from '../code/lottery-tickets/solutions/global.ts';
import { checkValues } from '../code/lottery-tickets/checks.ts';
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

// The mutation-gap tests come first: they are cheap, and under Stryker
// a mutant stops at the first test that fails.
describe('mutation gaps', () => {
  const net = () => mlp(SIZES, 'relu', createRng(1));
  const W = () => prunable(net());
  const full = () => fullMask(W());
  const fnRng = Object.assign(() => 0, { int: () => 0 });

  it('the model, rule, generator and rate checks name the function and ' +
    'the value', () => {
    const model = 'prunable: model must be a Sequential with at least ' +
      'one Linear layer';
    expect(() => prunable({} as never)).toThrow(model);
    expect(() => prunable(new Sequential([new Act('relu')])))
      .toThrow(model);
    expect(() => maskedRule(3 as never, W(), full()))
      .toThrow('maskedRule: rule must be a function, got number');
    for (const bad of [null, 3, {}, fnRng]) {
      expect(() => randomMask(full(), bad as never))
        .toThrow('randomMask: rng must be a generator from createRng');
    }
    for (const p of [1, -0.1, NaN, '0.5']) {
      expect(() => layerRates(2, p as never))
        .toThrow(`layerRates: p must be in [0, 1), got ${p}`);
    }
    expect(layerRates(1, 0)).toEqual([0]);
    expect(() => layerRates(0, 0.2))
      .toThrow('layerRates: layers must be an integer >= 1, got 0');
  });

  it('mask lists: the count, each array and each entry are checked, ' +
    'with what was given', () => {
    expect(() => applyMask([], []))
      .toThrow('applyMask: weights must be a non-empty array of Tensors');
    expect(() => applyMask([3] as never, []))
      .toThrow('applyMask: weights must be a non-empty array of Tensors');
    expect(() => applyMask('w' as never, []))
      .toThrow('applyMask: weights must be a non-empty array of Tensors');
    expect(() => applyMask(W(), [Float64Array.of(1)]))
      .toThrow('applyMask: mask must be a list of 3 arrays, got an array ' +
        'of 1');
    expect(() => remaining([]))
      .toThrow('remaining: mask must be a list of at least one array, ' +
        'got an array of 0');
    expect(() => remaining(null as never))
      .toThrow('remaining: mask must be a list of at least one array, ' +
        'got null');
    expect(() => remaining(3 as never))
      .toThrow('remaining: mask must be a list of at least one array, ' +
        'got number');
    expect(() => remaining([new Float64Array(0)]))
      .toThrow('remaining: mask[0] must be a non-empty Float64Array, ' +
        'got length 0');
    expect(() => remaining([Float64Array.of(1), [1, 0]] as never))
      .toThrow('remaining: mask[1] must be a non-empty Float64Array, ' +
        'got an array of 2');
    expect(() => remaining([Float64Array.of(1, 2)]))
      .toThrow('remaining: mask[0] must hold only 0 and 1, got 2 at 1');
    const short = full();
    short[2] = Float64Array.of(1);
    expect(() => applyMask(W(), short))
      .toThrow('applyMask: mask[2] must be a Float64Array of length 15, ' +
        'got length 1');
  });

  it('pruneLayer, pruneMask and pruneGlobal check weights, masks and ' +
    'rates, naming the entry', () => {
    const w = Float64Array.of(1, -2, 3);
    const m = Float64Array.of(1, 1, 1);
    expect(() => pruneLayer(new Float64Array(0), m, 0.5))
      .toThrow('pruneLayer: w must be a Float64Array with at least one ' +
        'entry, got length 0');
    expect(() => pruneLayer([1, 2] as never, m, 0.5))
      .toThrow('pruneLayer: w must be a Float64Array with at least one ' +
        'entry, got an array of 2');
    expect(() => pruneLayer(Float64Array.of(1, NaN), m, 0.5))
      .toThrow('pruneLayer: w must be finite, got NaN at 1');
    expect(() => pruneLayer(w, Float64Array.of(1, 1), 0.5))
      .toThrow('pruneLayer: m (the length of w) must be a Float64Array ' +
        'of length 3, got length 2');
    expect(() => pruneLayer(w, Float64Array.of(1, 0.5, 1), 0.5))
      .toThrow('pruneLayer: m (the length of w) must hold only 0 and 1, ' +
        'got 0.5 at 1');
    expect(() => pruneLayer(w, m, 1))
      .toThrow('pruneLayer: rate must be in [0, 1), got 1');
    expect(() => pruneMask([w], [m], [0.5, 0.5]))
      .toThrow('pruneMask: rates must list 1 rates, got 2');
    expect(() => pruneMask([w], [m], 0.5 as never))
      .toThrow('pruneMask: rates must list 1 rates, got number');
    expect(() => pruneMask([w], [m], [1]))
      .toThrow('pruneMask: rates must be in [0, 1), got 1');
    for (const [fn, f] of [['pruneMask', (ws: never, ms: never) =>
      pruneMask(ws, ms, [0.5, 0.5])], ['pruneGlobal',
      (ws: never, ms: never) => pruneGlobal(ws, ms, 0.5)]] as const) {
      expect(() => f([] as never, [m] as never))
        .toThrow(`${fn}: weights must be a non-empty list of ` +
          'Float64Arrays');
      expect(() => f(3 as never, [m] as never))
        .toThrow(`${fn}: weights must be a non-empty list of ` +
          'Float64Arrays');
      expect(() => f([w, Float64Array.of(NaN)] as never, [m, m] as never))
        .toThrow(`${fn}: weights[1] must be finite, got NaN at 0`);
      expect(() => f([w, w] as never, [m, Float64Array.of(1)] as never))
        .toThrow(`${fn}: mask (the sizes of weights)[1] must be a ` +
          'Float64Array of length 3, got length 1');
    }
    expect(() => pruneGlobal([w], [m], -0.5))
      .toThrow('pruneGlobal: rate must be in [0, 1), got -0.5');
  });

  it('pruneGlobal breaks ties by layer, then index, and leaves its ' +
    'inputs alone', () => {
    const ws = [Float64Array.of(2, 1), Float64Array.of(-1, 1)];
    const ms = [Float64Array.of(1, 1), Float64Array.of(1, 1)];
    // |w| = 1 three times: (0, 1), (1, 0), (1, 1); 0.5 × 4 = 2 dropped
    const out = pruneGlobal(ws, ms, 0.5);
    expect(out.map((x) => [...x])).toEqual([[1, 0], [0, 1]]);
    expect(ms.map((x) => [...x])).toEqual([[1, 1], [1, 1]]);
    // an already-pruned weight is not counted again: 0.5 × 3 → 2
    const again = pruneGlobal(ws, out.map((x, l) =>
      l === 0 ? x : Float64Array.of(1, 1)), 0.5);
    expect(again.map((x) => [...x])).toEqual([[1, 0], [0, 0]]);
  });

  it('earlyStop checks its losses', () => {
    expect(() => earlyStop([]))
      .toThrow('earlyStop: valLoss must be a non-empty array');
    expect(() => earlyStop('1' as never))
      .toThrow('earlyStop: valLoss must be a non-empty array');
    expect(() => earlyStop([1, NaN]))
      .toThrow('earlyStop: valLoss must be finite, got NaN at 1');
    expect(() => earlyStop([1, '2'] as never))
      .toThrow('earlyStop: valLoss must be finite, got 2 at 1');
  });

  it('rewind checks the snapshot against the model', () => {
    const n = net();
    const theta0 = snapshot(n);
    expect(() => rewind(n, theta0.slice(1), full()))
      .toThrow('rewind: theta0 must list 6 arrays (a snapshot of this ' +
        'model)');
    expect(() => rewind(n, 3 as never, full()))
      .toThrow('rewind: theta0 must list 6 arrays (a snapshot of this ' +
        'model)');
    const bad = theta0.slice();
    bad[1] = new Float64Array(3);
    expect(() => rewind(n, bad, full()))
      .toThrow('rewind: theta0[1] must be a Float64Array of length 8, ' +
        'got length 3');
    expect(() => snapshot({} as never))
      .toThrow('snapshot: model must be a Sequential with at least one ' +
        'Linear layer');
  });

  it('trainTicket checks each part of the data and each option, by ' +
    'name', () => {
    const d = split();
    const t = 'trainTicket';
    const run = (data: unknown, o: unknown) =>
      trainTicket(net(), full(), data as Split, o as typeof OPTS);
    for (const part of ['train', 'val', 'test'] as const) {
      const msg = `${t}: data.${part} must be { X, y } with one label ` +
        'per row';
      const { X, y } = d[part];
      for (const bad of [undefined, { X, y: Array.from(y) },
        { X, y: y.slice(1) }, { X: { rows: 0 }, y: new Int32Array(0) },
        { y }]) {
        expect(() => run({ ...d, [part]: bad }, OPTS)).toThrow(msg);
      }
    }
    expect(() => run(null, OPTS))
      .toThrow(`${t}: data.train must be { X, y } with one label per row`);
    expect(() => run(d, null)).toThrow(`${t}: options must be an object, ` +
      'got null');
    expect(() => run(d, 3)).toThrow(`${t}: options must be an object, ` +
      'got 3');
    for (const k of ['iterations', 'batchSize', 'evalEvery'] as const) {
      expect(() => run(d, { ...OPTS, [k]: 0 }))
        .toThrow(`${t}: ${k} must be an integer >= 1, got 0`);
    }
    expect(() => run(d, { ...OPTS, batchSize: 41 }))
      .toThrow(`${t}: batchSize must be at most the number of training ` +
        'rows');
    expect(run(d, { ...OPTS, batchSize: 40, iterations: 1, evalEvery: 1 })
      .at).toEqual([1]);
    expect(() => run(d, { ...OPTS, evalEvery: 13 }))
      .toThrow(`${t}: evalEvery must be at most iterations`);
    expect(() => run(d, { ...OPTS, seed: -1 }))
      .toThrow(`${t}: seed must be an integer >= 0, got -1`);
    for (const eta of [0, NaN, '0.1']) {
      expect(() => run(d, { ...OPTS, eta }))
        .toThrow(`${t}: eta must be a finite number > 0, got ${eta}`);
    }
    expect(() => run(d, { ...OPTS, optimizer: undefined }))
      .toThrow(`${t}: optimizer must be a function, got undefined`);
  });

  it('imp, trainFresh and oneShotMask check their own arguments and ' +
    'prefix the errors of what they call', () => {
    const d = split(4);
    const o = { sizes: SIZES, seed: 20, rounds: 1, p: 0.5, train: OPTS };
    expect(() => imp(d, null as never))
      .toThrow('imp: options must be an object, got null');
    expect(() => imp(d, { ...o, train: null } as never))
      .toThrow('imp: options must be an object, got null');
    expect(() => imp(d, { ...o, sizes: [6] }))
      .toThrow('imp: sizes must list at least [inputs, outputs]');
    expect(() => imp(d, { ...o, sizes: 6 } as never))
      .toThrow('imp: sizes must list at least [inputs, outputs]');
    expect(() => imp(d, { ...o, sizes: [6, 0] }))
      .toThrow('imp: sizes must be an integer >= 1, got 0');
    expect(() => imp(d, { ...o, seed: -1 }))
      .toThrow('imp: seed must be an integer >= 0, got -1');
    expect(() => imp(d, { ...o, rounds: -1 }))
      .toThrow('imp: rounds must be an integer >= 0, got -1');
    expect(() => imp(d, { ...o, p: 1 }))
      .toThrow('imp: p must be in [0, 1), got 1');
    expect(() => imp(d, { ...o, train: { ...OPTS, batchSize: 41 } }))
      .toThrow('imp: trainTicket: batchSize must be at most the number ' +
        'of training rows');
    const r0 = imp(d, { ...o, rounds: 0 });
    expect(r0.levels.map((l) => l.remaining)).toEqual([1]);
    expect(() => trainFresh([6], full(), 1, d, OPTS))
      .toThrow('trainFresh: sizes must list at least [inputs, outputs]');
    expect(() => trainFresh(SIZES, full(), -1, d, OPTS))
      .toThrow('trainFresh: seed must be an integer >= 0, got -1');
    expect(() => trainFresh(SIZES, [Float64Array.of(1)], 1, d, OPTS))
      .toThrow('trainFresh: trainTicket: mask must be a list of 3 ' +
        'arrays, got an array of 1');
    expect(() => oneShotMask([Float64Array.of(1)], [0.5], -1))
      .toThrow('oneShotMask: k must be an integer >= 0, got -1');
    expect(() => oneShotMask([Float64Array.of(NaN)], [0.5], 1))
      .toThrow('oneShotMask: pruneMask: weights[0] must be finite, got ' +
        'NaN at 0');
    expect([...oneShotMask([Float64Array.of(3, 1, 2, 4)], [0.5], 0)[0]])
      .toEqual([1, 1, 1, 1]); // k = 0: rate 0, nothing pruned
  });

  it('imp: level 0 is the dense network trained, and `trained` its ' +
    'weights after that training', () => {
    const d = split(4);
    const r = imp(d, { sizes: SIZES, seed: 20, rounds: 1, p: 0.5,
      train: OPTS });
    const dense = mlp(SIZES, 'relu', createRng(20));
    const first = trainTicket(dense, fullMask(prunable(dense)), d, OPTS);
    expect(r.levels[0].valLoss).toEqual(first.valLoss);
    expect(r.trained).toEqual(prunable(dense).map((w) =>
      Float64Array.from(w.data)));
    expect(r.theta0).toEqual(snapshot(mlp(SIZES, 'relu', createRng(20))));
  });

  it('checkValues with n = 0 asks for length 0 (and so refuses every ' +
    'array); a list with one non-Tensor is refused', () => {
    expect(() => checkValues('f', 'w', Float64Array.of(1), 0))
      .toThrow('f: w must be a Float64Array of length 0, got length 1');
    expect(() => checkValues('f', 'w', new Float64Array(0), 0))
      .toThrow('f: w must be a Float64Array of length 0, got length 0');
    const w = W();
    expect(() => applyMask([w[0], 3] as never, full().slice(0, 2)))
      .toThrow('applyMask: weights must be a non-empty array of Tensors');
    expect(() => fullMask([]))
      .toThrow('fullMask: weights must be a non-empty array of Tensors');
    expect(() => fullMask([null] as never))
      .toThrow('fullMask: weights must be a non-empty array of Tensors');
    expect(() => oneShotMask([null] as never, [0.5], 1))
      .toThrow('oneShotMask: pruneMask: weights[0] must be a Float64Array ' +
        'with at least one entry, got null');
    const model = 'model must be a Sequential with at least one Linear ' +
      'layer';
    expect(() => trainTicket({} as never, full(), split(), OPTS))
      .toThrow(`trainTicket: ${model}`);
    expect(() => rewind({} as never, [], full()))
      .toThrow(`rewind: ${model}`);
    expect(() => randomMask([], createRng(1)))
      .toThrow('randomMask: mask must be a list of at least one array, ' +
        'got an array of 0');
  });

  it('maskedRule zeroes the pruned gradients before the rule sees ' +
    'them, and copes with weights that have no gradient yet', () => {
    const n = net();
    const w = prunable(n);
    const mask = someMask(n, 3);
    let seen: Float64Array[] = [];
    const spy: StepRule = () => {
      seen = w.map((t) => Float64Array.from(t.grad as Float64Array));
    };
    const { X, y } = toyData(10, 6, 3, 9);
    applyMask(w, mask);
    const rule = maskedRule(spy, w, mask);
    trainStep(n, new Tensor(X.data, [10, 6]), y, 0.05, rule);
    // the gradient of the kept weights as a plain step computes it
    const ref = net();
    applyMask(prunable(ref), mask);
    let want: Float64Array[] = [];
    trainStep(ref, new Tensor(X.data, [10, 6]), y, 0.05, () => {
      want = prunable(ref).map((t, k) => Float64Array.from(
        t.grad as Float64Array, (g, i) => g * mask[k][i]));
    });
    expect(seen).toEqual(want);
    expect(want[0].some((g) => g !== 0)).toBe(true);
    // before any backward pass W.grad is null: the rule still runs
    const fresh = net();
    const fw = prunable(fresh);
    let ran = false;
    maskedRule(() => { ran = true; }, fw, mask)(fresh.parameters(), 0.1);
    expect(ran).toBe(true);
    expect(pruned(fw, mask).every((v) => v === 0)).toBe(true);
  });

  it('trainTicket is minibatch training written out: a new shuffle ' +
    'from seed whenever a batch would run past the data, the mask ' +
    'applied before the first step', () => {
    const d = split(2);
    const o = { ...OPTS, iterations: 9, batchSize: 15, evalEvery: 9 };
    const a = net();
    const mask = someMask(a, 5);
    trainTicket(a, mask, d, o); // a is not masked beforehand
    const b = net();
    const wb = prunable(b);
    applyMask(wb, mask);
    const rule = maskedRule(o.optimizer(), wb, mask);
    const rng = createRng(o.seed);
    const order = Array.from({ length: 40 }, (_, i) => i);
    let pos = 40;
    for (let t = 1; t <= o.iterations; t++) {
      if (pos + 15 > 40) { rng.shuffle(order); pos = 0; }
      const { xb, yb } = batchOf(d.train.X, d.train.y,
        order.slice(pos, pos + 15));
      pos += 15;
      trainStep(b, xb, yb, o.eta, rule);
    }
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('early stopping: when the lowest validation loss comes before the ' +
    'end, the test accuracy is that of the weights at that point', () => {
    const d = split(4);
    const o = { ...OPTS, iterations: 30, eta: 0.05 };
    const r = trainTicket(mlp(SIZES, 'relu', createRng(14)),
      fullMask(W()), d, o);
    expect(r.stop).toBeLessThan(30);
    expect(r.testAccuracy).not.toBe(r.finalAccuracy);
    const again = trainTicket(mlp(SIZES, 'relu', createRng(14)),
      fullMask(W()), d, { ...o, iterations: r.stop, evalEvery: r.stop });
    expect(again.finalAccuracy).toBe(r.testAccuracy);
  });

  it('ties: pruneLayer drops the lowest index first, pruneGlobal the ' +
    'lowest layer, then index; randomMask keeps the first positions ' +
    'of the generator\'s shuffle', () => {
    const six = new Float64Array(6).fill(1);
    expect([...pruneLayer(Float64Array.of(1, 1, 1, 1, 1, 1), six, 0.5)])
      .toEqual([0, 0, 0, 1, 1, 1]);
    const g = pruneGlobal([Float64Array.of(2, 1), Float64Array.of(-1, 1)],
      [Float64Array.of(1, 1), Float64Array.of(1, 1)], 0.25);
    expect(g.map((x) => [...x])).toEqual([[1, 0], [1, 1]]);
    const h = pruneGlobal([Float64Array.of(1, 1, 1, 1)],
      [Float64Array.of(1, 1, 1, 1)], 0.5);
    expect([...h[0]]).toEqual([0, 0, 1, 1]);
    const m = Float64Array.of(0, 1, 0, 1, 1, 0, 0, 0, 0, 0);
    const r = randomMask([m], createRng(3))[0];
    const order = Array.from({ length: 10 }, (_, i) => i);
    createRng(3).shuffle(order);
    const want = new Float64Array(10);
    for (const i of order.slice(0, 3)) want[i] = 1;
    expect([...r]).toEqual([...want]);
  });

  it('downsample: each row of 784 pixels becomes its own row of 196', () => {
    const X = new Matrix(2, 784);
    X.data[784] = 4; X.data[784 + 29] = 8; // row 1, block (0, 0)
    X.data[783] = 2; // row 0, block (13, 13)
    const out = downsample(X);
    expect(out.data[196]).toBe(3);
    expect(out.data[195]).toBe(0.5);
    expect(out.data[0]).toBe(0);
  });

  it('downsample checks X; fashionSplit its counts, and cuts disjoint ' +
    'consecutive rows, downsampled', () => {
    const msg = 'downsample: X must be a Matrix with 784 columns';
    expect(() => downsample(3 as never)).toThrow(msg);
    expect(() => downsample(new Matrix(1, 10))).toThrow(msg);
    const X = new Matrix(1, 784);
    X.data[5] = NaN;
    expect(() => downsample(X))
      .toThrow('downsample: X must be finite, got NaN at 5');
    for (const [k, args] of [['nTrain', [0, 1, 1]], ['nVal', [1, 0, 1]],
      ['nTest', [1, 1, 0]]] as const) {
      expect(() => fashionSplit(args[0], args[1], args[2]))
        .toThrow(`fashionSplit: ${k} must be an integer >= 1, got 0`);
    }
    expect(() => fashionSplit(11999, 1, 1))
      .toThrow('fashionSplit: nTrain + nVal + nTest must be at most 12000');
    const s = fashionSplit(3, 2, 1);
    const all = loadFashionTrain();
    const rows = (from: number, n: number) => {
      const M = new Matrix(n, 784);
      M.data.set(all.X.data.subarray(from * 784, (from + n) * 784));
      return downsample(M);
    };
    expect(s.train.X).toEqual(rows(0, 3));
    expect(s.val.X).toEqual(rows(3, 2));
    expect(s.test.X).toEqual(rows(5, 1));
    expect([...s.train.y, ...s.val.y, ...s.test.y])
      .toEqual([...all.y.slice(0, 6)]);
    // the last pixel of the block: (28 + 29) corners of block (0, 1)
    const one = new Matrix(1, 784);
    one.data[2] = 4; one.data[3] = 8; one.data[30] = 12; one.data[31] = 16;
    expect(downsample(one).data[1]).toBe(10);
  });
});

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

describe('mutation gaps: slow, so last', () => {
  it('fashionSplit takes all 12,000 rows when asked for exactly that ' +
    'many', () => {
    const s = fashionSplit(11998, 1, 1);
    expect([s.train.X.rows, s.val.X.rows, s.test.X.rows])
      .toEqual([11998, 1, 1]);
  });
});
