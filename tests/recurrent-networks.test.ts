// Tests for the recurrent-networks chapter. Each `it` is one claim of
// the chapter; equation labels refer to
// chapters/neural-networks/recurrent-networks.mdx. PyTorch values come
// from tests/fixtures/recurrent-networks/torch.json, written by
// scripts/reference/recurrent_networks.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Linear } from '../code/multilayer-perceptron/layers.ts';
import { sgdStep } from '../code/multilayer-perceptron/train.ts';
import { adam } from '../code/neural-optimizers/optimizers.ts';
import { clipGradNorm } from '../code/neural-optimizers/clip.ts';
import { ElmanCell, elman } from '../code/recurrent-networks/cell.ts';
import { unroll, unrollStack } from '../code/recurrent-networks/unroll.ts';
import {
  END, START, VOCAB, decodeWord, encodeWord, oneHot,
} from '../code/recurrent-networks/vocab.ts';
import {
  CharModel, charModel, gradNorm, perplexity, trainCharModel, wordLosses,
  wordsLoss, wordsLossSum,
} from '../code/recurrent-networks/charlm.ts';
import { sampleWord, softmaxT } from '../code/recurrent-networks/sample.ts';
import { elmanBptt, elmanForward } from '../code/recurrent-networks/bptt.ts';
import { lagNorms, lagStudy } from '../code/recurrent-networks/vanishing.ts';
import {
  orthogonalWeights,
} from '../code/initialization-and-normalization/solutions/orthogonal.ts';
import {
  truncatedEpoch, wordStream,
} from '../code/recurrent-networks/truncated.ts';
import {
  bigramWordLosses, fitBigram,
} from '../code/recurrent-networks/bigram.ts';
import { loadEnglish } from '../code/recurrent-networks/words.ts';
import {
  runTorchCase, type TorchCase,
} from '../code/recurrent-networks/reference.ts';
import {
  elmanCharModel, elmanWeights,
} from '../code/recurrent-networks/weights.ts';
import { clipEach } from '../code/recurrent-networks/solutions/clip-each.ts';
import {
  bidirectional, concatColumns,
} from '../code/recurrent-networks/solutions/bidirectional.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/recurrent-networks.ts';
import { fixture } from './helpers.ts';

const torch = fixture('recurrent-networks', 'torch.json');
const TIGHT = { rtol: 1e-12, atol: 1e-12 };

/** A small Elman cell and a batch of sequences as plain arrays. */
function setup(seed = 1, n = 3, d = 2, H = 4, T = 6) {
  const rng = createRng(seed);
  const cell = elman(d, H, rng);
  const xs = Array.from({ length: T }, () => rng.normalArray(n * d));
  const h0 = rng.normalArray(n * H, 0, 0.5);
  const gs = Array.from({ length: T }, () => rng.normalArray(n * H));
  return { cell, xs, h0, gs, n, d, H, T };
}

/** L = Σ_t Σ h_t ⊙ g_t through the engine; every leaf needs a grad. */
function engineLoss(cell: ElmanCell, xs: Float64Array[],
  h0: Float64Array, gs: Float64Array[], n: number) {
  const xt = xs.map((x) => new Tensor(x.slice(), [n, cell.inputSize],
    true));
  const h = new Tensor(h0.slice(), [n, cell.hiddenSize], true);
  const { outputs } = unroll(cell, xt, [h]);
  let loss = outputs[0].mul(new Tensor(gs[0], outputs[0].shape)).sum();
  for (let t = 1; t < outputs.length; t++) {
    loss = loss.add(outputs[t].mul(new Tensor(gs[t], outputs[t].shape))
      .sum());
  }
  return { loss, xt, h };
}

function zero(cell: ElmanCell) {
  for (const p of cell.parameters()) p.grad = null;
}

describe('the Elman cell and unrolling', () => {
  it('unroll gives the h_t of Eq. (rnn-elman), computed by hand', () => {
    const { cell, xs, h0, n, d, H } = setup();
    const r = unroll(cell, xs.map((x) => new Tensor(x, [n, d])),
      [new Tensor(h0, [n, H])]);
    const hs = elmanForward(cell, xs, h0);
    r.outputs.forEach((o, t) => assertAllClose(o.data, hs[t], TIGHT));
    assertAllClose(r.state[0].data, hs[hs.length - 1], TIGHT);
  });

  it('one step by hand: tanh(W_ih x + b_ih + W_hh h + b_hh)', () => {
    const cell = new ElmanCell(new Tensor([1, 2], [1, 2], true),
      new Tensor([0.1], [1], true), new Tensor([0.5], [1, 1], true),
      new Tensor([-0.2], [1], true));
    const h = cell.step(new Tensor([0.3, -0.4], [1, 2]),
      [new Tensor([0.6], [1, 1])]);
    expect(h[0].data[0]).toBeCloseTo(Math.tanh(0.3 - 0.8 + 0.1 + 0.3 -
      0.2), 15);
  });

  it('the initial state is zeros with no gradient, one per row', () => {
    const [h] = elman(3, 5, createRng(2)).initialState(4);
    expect(h.shape).toEqual([4, 5]);
    expect(h.requiresGrad).toBe(false);
    expect([...h.data].every((v) => v === 0)).toBe(true);
  });

  it('elman draws every weight from U(±1/√H), as torch.nn.RNN', () => {
    const cell = elman(6, 25, createRng(3));
    let max = 0;
    for (const p of cell.parameters()) {
      for (const v of p.data) max = Math.max(max, Math.abs(v));
    }
    expect(max).toBeLessThanOrEqual(1 / 5);
    expect(max).toBeGreaterThan(0.19);
  });

  it('unroll carries a given state: two halves equal one run', () => {
    const { cell, xs, n, d } = setup(4);
    const x = xs.map((v) => new Tensor(v, [n, d]));
    const whole = unroll(cell, x);
    const first = unroll(cell, x.slice(0, 3));
    const second = unroll(cell, x.slice(3), first.state);
    assertAllClose(second.state[0].data, whole.state[0].data, TIGHT);
  });
});

describe('BPTT by hand, Eqs. (rnn-delta) and (rnn-grads)', () => {
  const { cell, xs, h0, gs, n } = setup(5);
  const hand = elmanBptt(cell, xs, h0, gs).grads;

  it('equals the engine\'s gradient for every weight, x_t and h_0', () => {
    zero(cell);
    const { loss, xt, h } = engineLoss(cell, xs, h0, gs, n);
    loss.backward();
    assertAllClose(hand.Wih, cell.Wih.grad as Float64Array, TIGHT);
    assertAllClose(hand.Whh, cell.Whh.grad as Float64Array, TIGHT);
    assertAllClose(hand.bih, cell.bih.grad as Float64Array, TIGHT);
    assertAllClose(hand.bhh, cell.bhh.grad as Float64Array, TIGHT);
    xt.forEach((x, t) => assertAllClose(hand.xs[t],
      x.grad as Float64Array, TIGHT));
    assertAllClose(hand.h0, h.grad as Float64Array, TIGHT);
    zero(cell);
  });

  it('passes central differences for W_hh', () => {
    const f = (w: Float64Array) => {
      const saved = cell.Whh.data.slice();
      cell.Whh.data.set(w);
      const hs = elmanForward(cell, xs, h0);
      cell.Whh.data.set(saved);
      let s = 0;
      hs.forEach((h, t) => h.forEach((v, i) => { s += v * gs[t][i]; }));
      return s;
    };
    const grad = (w: Float64Array) => {
      const saved = cell.Whh.data.slice();
      cell.Whh.data.set(w);
      const g = elmanBptt(cell, xs, h0, gs).grads.Whh;
      cell.Whh.data.set(saved);
      return g;
    };
    expect(gradientCheck(f, grad, cell.Whh.data.slice()).ok).toBe(true);
  });

  it('passes central differences for W_ih and the input x_1', () => {
    const run = () => {
      let s = 0;
      elmanForward(cell, xs, h0).forEach((h, t) =>
        h.forEach((v, i) => { s += v * gs[t][i]; }));
      return s;
    };
    const fW = (w: Float64Array) => {
      const saved = cell.Wih.data.slice();
      cell.Wih.data.set(w);
      const s = run();
      cell.Wih.data.set(saved);
      return s;
    };
    expect(gradientCheck(fW, () => hand.Wih, cell.Wih.data.slice()).ok)
      .toBe(true);
    const fx = (x: Float64Array) => {
      const saved = xs[0].slice();
      xs[0].set(x);
      const s = run();
      xs[0].set(saved);
      return s;
    };
    expect(gradientCheck(fx, () => hand.xs[0], xs[0].slice()).ok)
      .toBe(true);
  });

  it('the two biases get the same gradient, Σ_t ε_t', () => {
    // the engine's gradients, computed apart (elmanBptt copies b_ih's
    // into b_hh, so comparing its two would prove nothing)
    zero(cell);
    engineLoss(cell, xs, h0, gs, n).loss.backward();
    const a = cell.bih.grad as Float64Array;
    const b = cell.bhh.grad as Float64Array;
    assertAllClose(a, b, TIGHT);
    assertAllClose(a, hand.bih, TIGHT);
    zero(cell);
  });

  it('with g_t = 0 except at T, δ_t is W_hhᵀ ε_{t+1}: ∂L/∂h_0 ' +
    'matches the engine for a loss on h_T alone', () => {
    const only = gs.map((g, t) => (t === gs.length - 1 ? g
      : new Float64Array(g.length)));
    const a = elmanBptt(cell, xs, h0, only).grads.h0;
    zero(cell);
    const { loss, h } = engineLoss(cell, xs, h0, only, n);
    loss.backward();
    assertAllClose(a, h.grad as Float64Array, TIGHT);
    zero(cell);
  });
});

describe('against torch.nn.RNN (2 layers, float64)', () => {
  const ours = runTorchCase(torch as TorchCase);

  it('the outputs (top layer h_t) agree to 1e-12', () => {
    assertAllClose(ours.output, torch.output, TIGHT);
  });

  it('the final hidden state h_n of both layers agrees to 1e-12', () => {
    assertAllClose(ours.hn, torch.hn, TIGHT);
  });

  it('the loss Σ out ⊙ G + Σ h_n ⊙ G_n agrees to 1e-12', () => {
    assertAllClose(ours.loss, torch.loss, TIGHT);
  });

  it('the gradients of all eight weights and biases agree to 1e-12', () => {
    const names = Object.keys(torch.grads);
    expect(names.length).toBe(8);
    for (const k of names) {
      assertAllClose(ours.grads[k], torch.grads[k], TIGHT, k);
    }
  });

  it('the gradients of the input and of h_0 agree to 1e-12', () => {
    assertAllClose(ours.dx, torch.dx, TIGHT);
    assertAllClose(ours.dh0, torch.dh0, TIGHT);
  });
});

describe('vanishing and exploding, Eq. (rnn-jacobian)', () => {
  it('lagNorms equals the norm of the Jacobian by central differences',
    () => {
      const { cell, xs, d, H } = setup(6, 1, 2, 4, 7);
      const hs = elmanForward(cell, xs, new Float64Array(H));
      const k = 3, T = xs.length;
      const J = new Float64Array(H * H);
      for (let b = 0; b < H; b++) {
        const run = (e: number) => {
          const h = hs[T - k - 1].slice();
          h[b] += e;
          const out = elmanForward(cell, xs.slice(T - k), h);
          return out[out.length - 1];
        };
        const up = run(1e-6), down = run(-1e-6);
        for (let a = 0; a < H; a++) J[a * H + b] = (up[a] - down[a]) / 2e-6;
      }
      let sq = 0;
      for (const v of J) sq += v * v;
      const norms = lagNorms(cell.Whh.data, hs, k);
      expect(norms[k - 1]).toBeCloseTo(Math.sqrt(sq), 8);
      expect(d).toBe(2);
    });

  it('every lag norm is at most √H ρ^k, Eq. (rnn-bound)', () => {
    for (const rho of [0.5, 0.9, 1.5, 3]) {
      const r = lagStudy({ hidden: 16, input: 4, rho, steps: 40,
        lags: 30, inputScale: 0.3 }, createRng(7));
      r.norms.forEach((v, i) => {
        expect(v).toBeLessThanOrEqual(4 * rho ** (i + 1) * (1 + 1e-9));
      });
    }
  });

  it('the figure\'s runs: ρ < 1 vanish, ρ = 3 explodes, ρ = 1.5 ' +
    'stays far below its bound', () => {
    const run = (rho: number) => lagStudy({ hidden: 32, input: 8, rho,
      steps: 80, lags: 60, inputScale: 0.3 }, createRng(5));
    expect(run(0.5).norms[59]).toBeLessThan(1e-15);
    expect(run(0.9).norms[59]).toBeLessThan(1e-4);
    const r15 = run(1.5);
    expect(r15.norms[59]).toBeGreaterThan(1);
    expect(r15.norms[59]).toBeLessThan(1e-6 * Math.sqrt(32) * 1.5 ** 60);
    expect(r15.saturated).toBeGreaterThan(0.05);
    expect(r15.norms[59] / r15.norms[0]).toBeLessThan(100); // moderate
    expect(run(3).norms[59]).toBeGreaterThan(1e6);
  });
});

describe('the character model', () => {
  const rng = createRng(8);
  const model = charModel(elman(VOCAB.length, 5, rng), rng);
  const words = ['cat', 'horses', 'a', 'sunny'];

  it('a word is ^ c₁…c_m as inputs and c₁…c_m . as targets', () => {
    const { inputs, targets } = encodeWord('cab');
    expect([...inputs]).toEqual([START, 4, 2, 3]);
    expect([...targets]).toEqual([4, 2, 3, END]);
    expect(decodeWord(targets)).toBe('cab');
    expect(decodeWord([])).toBe(''); // a sample that ends at once
    expect(VOCAB.length).toBe(28);
  });

  it('oneHot puts a single 1 in each row, at the id', () => {
    const x = oneHot([0, 27]);
    expect(x.length).toBe(56);
    expect(x[0]).toBe(1);
    expect(x[28 + 27]).toBe(1);
    expect(x.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('the batch loss is each word\'s loss summed, over all characters:' +
    ' padding leaks nothing', () => {
    const one = wordLosses(model, words);
    let s = 0, c = 0;
    for (const w of words) {
      const r = wordsLossSum(model, [w]);
      s += r.sum.data[0];
      c += r.count;
    }
    const batch = wordsLossSum(model, words);
    expect(batch.count).toBe(c);
    expect(c).toBe(3 + 6 + 1 + 5 + 4);
    expect(batch.sum.data[0]).toBeCloseTo(s, 12);
    expect(one.reduce((a, o) => a + o.loss, 0)).toBeCloseTo(s, 12);
    expect(wordsLoss(model, words).data[0]).toBeCloseTo(s / c, 12);
  });

  it('perplexity is exp of the mean loss per character, Eq. ' +
    '(rnn-perplexity)', () => {
    const { sum, count } = wordsLossSum(model, words);
    expect(perplexity(model, words)).toBeCloseTo(
      Math.exp(sum.data[0] / count), 12);
  });

  it('a model with a zero head predicts uniformly: perplexity 28', () => {
    const cell = elman(VOCAB.length, 3, createRng(9));
    const head = new Linear(new Tensor(new Float64Array(3 * 28), [3, 28],
      true), new Tensor(new Float64Array(28), [28], true));
    expect(perplexity(new CharModel(cell, head), words)).toBeCloseTo(28,
      12);
  });

  it('the loss passes central differences through the whole model',
    () => {
      const r2 = createRng(10);
      const m = charModel(elman(VOCAB.length, 3, r2), r2);
      const W = m.cell.parameters()[2]; // W_hh
      const f = (w: Float64Array) => {
        const saved = W.data.slice();
        W.data.set(w);
        const v = wordsLoss(m, ['ox', 'bee']).data[0];
        W.data.set(saved);
        return v;
      };
      const grad = (w: Float64Array) => {
        const saved = W.data.slice();
        W.data.set(w);
        for (const p of m.parameters()) p.grad = null;
        wordsLoss(m, ['ox', 'bee']).backward();
        W.data.set(saved);
        return W.grad as Float64Array;
      };
      expect(gradientCheck(f, grad, W.data.slice()).ok).toBe(true);
    });

  it('training lowers the loss on its words', () => {
    const r3 = createRng(11);
    const m = charModel(elman(VOCAB.length, 8, r3), r3);
    const few = ['cat', 'car', 'cart', 'care', 'cared', 'scar'];
    const before = perplexity(m, few);
    const h = trainCharModel(m, few, { epochs: 15, batchSize: 3,
      eta: 0.05, seed: 1, step: adam(), clip: 5, valid: few });
    expect(h[h.length - 1].validPerplexity).toBeLessThan(before / 2);
    expect(Number.isNaN(trainCharModel(m, few, { epochs: 1,
      batchSize: 6, eta: 0.01, seed: 1 })[0].validPerplexity)).toBe(true);
  });

  it('the norm it reports is the global norm before clipping', () => {
    const r4 = createRng(12);
    const m = charModel(elman(VOCAB.length, 4, r4), r4);
    const params = m.parameters();
    for (const p of params) p.grad = null;
    wordsLoss(m, ['zebra']).backward();
    const before = gradNorm(params);
    expect(clipGradNorm(params, before / 10)).toBeCloseTo(before, 12);
    expect(gradNorm(params)).toBeCloseTo(before / 10, 6);
  });
});

describe('sampling', () => {
  const rng = createRng(13);
  const model = charModel(elman(VOCAB.length, 6, rng), rng);

  it('softmaxT is softmax(z/T), sums to 1, and T = 0 is the argmax',
    () => {
      const z = [1, 3, 2, 3];
      const p = softmaxT(z, 0.5);
      const e = z.map((v) => Math.exp(v / 0.5));
      const s = e.reduce((a, b) => a + b, 0);
      assertAllClose(p, e.map((v) => v / s), TIGHT);
      expect([...softmaxT(z, 0)]).toEqual([0, 1, 0, 0]);
      expect(softmaxT([1e6, 0], 1)[0]).toBe(1);
    });

  it('a higher temperature flattens the distribution', () => {
    const z = [2, 0, -1, 0.5];
    const entropy = (p: Float64Array) => -p.reduce((a, v) =>
      a + (v > 0 ? v * Math.log(v) : 0), 0);
    expect(entropy(softmaxT(z, 2))).toBeGreaterThan(
      entropy(softmaxT(z, 1)));
    expect(entropy(softmaxT(z, 1))).toBeGreaterThan(
      entropy(softmaxT(z, 0.5)));
  });

  it('T = 0 gives the same word whatever the seed; a seed repeats', () => {
    const a = sampleWord(model, createRng(1), 0);
    expect(sampleWord(model, createRng(2), 0)).toBe(a);
    expect(sampleWord(model, createRng(3), 1))
      .toBe(sampleWord(model, createRng(3), 1));
  });

  it('samples are letters only, at most maxLength of them', () => {
    const r = createRng(14);
    for (let k = 0; k < 20; k++) {
      const w = sampleWord(model, r, 1.5, 7);
      expect(w).toMatch(/^[a-z]{0,7}$/);
    }
  });

  it('the weights survive the round trip to the page', () => {
    const copy = elmanCharModel(elmanWeights(model));
    expect(sampleWord(copy, createRng(4), 1))
      .toBe(sampleWord(model, createRng(4), 1));
    expect(perplexity(copy, ['tea'])).toBe(perplexity(model, ['tea']));
  });
});

describe('truncated BPTT, Eq. (rnn-truncated)', () => {
  const stream = wordStream(['abc', 'ab', 'ba', 'cab', 'abba', 'bac']);

  it('the stream is each word\'s letters and then .', () => {
    expect(decodeWord(wordStream(['ab', 'c']))).toBe('abc');
    expect([...wordStream(['ab', 'c'])]).toEqual([2, 3, END, 4, END]);
  });

  it('with the state detached it trains: the loss falls', () => {
    const r = createRng(15);
    const m = charModel(elman(VOCAB.length, 6, r), r);
    const o = { batch: 2, chunk: 3, eta: 0.05, step: adam() };
    const first = truncatedEpoch(m, stream, o);
    let last = first;
    for (let e = 0; e < 10; e++) last = truncatedEpoch(m, stream, o);
    expect(last).toBeLessThan(first * 0.8);
  });

  it('without detach the second backward() reaches a freed graph', () => {
    const r = createRng(16);
    const m = charModel(elman(VOCAB.length, 4, r), r);
    expect(() => truncatedEpoch(m, stream, { batch: 2, chunk: 3,
      eta: 0.1, step: sgdStep, detach: false }))
      .toThrow(/freed by an earlier backward/);
  });
});

describe('the bigram baseline and the data', () => {
  it('each row of the bigram table sums to 1', () => {
    const P = fitBigram(['abc', 'cab'], 0.5);
    for (let a = 0; a < 28; a++) {
      let s = 0;
      for (let b = 0; b < 28; b++) s += P[a * 28 + b];
      expect(s).toBeCloseTo(1, 14);
    }
  });

  it('its loss is −log of the smoothed counts, Eq. (rnn-bigram)', () => {
    const P = fitBigram(['ab', 'ac'], 1);
    const [r] = bigramWordLosses(P, ['ab']);
    // ^→a: (2+1)/(2+28); a→b: (1+1)/(2+28); b→.: (1+1)/(1+28)
    expect(r.loss).toBeCloseTo(-Math.log(3 / 30) - Math.log(2 / 30) -
      Math.log(2 / 29), 12);
    expect(r.count).toBe(3);
  });

  it('large inputs: a stream of 120,000 tokens and a bigram fitted on ' +
    '20,000 words, no stack overflow', () => {
    const many = new Array<string>(20000).fill('abcde');
    expect(wordStream(many).length).toBe(120000);
    const P = fitBigram(many, 1);
    expect(P[3 * 28 + 4]).toBeCloseTo(20001 / 20028, 12); // b → c
  });

  it('the English words: 1000, letters only, split 800/200', () => {
    const { words, train, valid } = loadEnglish();
    expect(words.length).toBe(1000);
    expect(train.length).toBe(800);
    expect(valid.length).toBe(200);
    expect(words.every((w) => /^[a-z]+$/.test(w))).toBe(true);
  });
});

describe('exercise solutions', () => {
  it('global clipping keeps the gradient\'s direction; clipping each ' +
    'tensor alone turns it', () => {
    const grads = () => [new Tensor([3, 4], [2], true),
      new Tensor([0.1, 0.1], [2], true)];
    const a = grads(), b = grads();
    a[0].grad = Float64Array.of(3, 4); a[1].grad = Float64Array.of(0.1, 0);
    b[0].grad = Float64Array.of(3, 4); b[1].grad = Float64Array.of(0.1, 0);
    clipGradNorm(a, 1);
    clipEach(b, 1);
    const flat = (ts: Tensor[]) => [...ts[0].grad!, ...ts[1].grad!];
    const cos = (u: number[], v: number[]) => {
      let d = 0, nu = 0, nv = 0;
      u.forEach((x, i) => { d += x * v[i]; nu += x * x; nv += v[i] * v[i]; });
      return d / Math.sqrt(nu * nv);
    };
    const g = [3, 4, 0.1, 0];
    expect(cos(flat(a), g)).toBeCloseTo(1, 12);
    expect(cos(flat(b), g)).toBeLessThan(0.9999);
    expect(flat(b)[2]).toBe(0.1); // the small tensor is left as it was
  });

  it('bidirectional: the backward half at t is the reversed run\'s ' +
    'output at T − 1 − t', () => {
    const r = createRng(17);
    const f = elman(2, 3, r), b = elman(2, 3, r);
    const xs = Array.from({ length: 4 }, () => new Tensor(
      r.normalArray(2 * 2), [2, 2]));
    const out = bidirectional(f, b, xs);
    const rev = unroll(b, xs.slice().reverse()).outputs;
    const fw = unroll(f, xs).outputs;
    expect(out[1].shape).toEqual([2, 6]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        expect(out[1].data[i * 6 + j]).toBe(fw[1].data[i * 3 + j]);
        expect(out[1].data[i * 6 + 3 + j]).toBe(rev[2].data[i * 3 + j]);
      }
    }
  });

  it('concatColumns passes its gradient to both halves', () => {
    const a = new Tensor([1, 2, 3, 4], [2, 2], true);
    const b = new Tensor([5, 6], [2, 1], true);
    const G = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    concatColumns(a, b).mul(G).sum().backward();
    expect([...a.grad!]).toEqual([1, 2, 4, 5]);
    expect([...b.grad!]).toEqual([3, 6]);
  });

  it('exercise 2: a linear cell with W = ρQ has ‖∂h_T/∂h_{T−k}‖_F = ' +
    '√H ρ^k exactly', () => {
    const r = lagStudy({ hidden: 9, input: 2, rho: 0.8, steps: 12,
      lags: 10, inputScale: 1e-9 }, createRng(18));
    // h stays near 0 (tiny inputs), so tanh' = 1: the cell is linear
    r.norms.forEach((v, i) => expect(v).toBeCloseTo(3 * 0.8 ** (i + 1),
      10));
  });
});

describe('bad input', () => {
  it('the cell, unrolling and the model reject bad input', () => {
    rejectsBadInput(badInput.model);
  });
  it('BPTT, lag norms, truncation and the bigram reject bad input', () => {
    rejectsBadInput(badInput.analysis);
  });
  it('the shared checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
  it('the model checks its parts: cell input size and head shape', () => {
    const r = createRng(19);
    const cell = elman(VOCAB.length, 3, r);
    expect(() => new CharModel(elman(5, 3, r), new Linear(
      new Tensor(new Float64Array(3 * 28), [3, 28], true),
      new Tensor(new Float64Array(28), [28], true))))
      .toThrow(/^CharModel: the cell must read 28/);
    expect(() => new CharModel(cell, new Linear(
      new Tensor(new Float64Array(4 * 28), [4, 28], true),
      new Tensor(new Float64Array(28), [28], true))))
      .toThrow(/^CharModel: head must be a Linear \[3, 28\]/);
  });
  it('unroll and unrollStack check the sequence and the states', () => {
    const cell = elman(2, 3, createRng(20));
    const x = (n: number, d: number) => new Tensor(new Float64Array(n * d),
      [n, d]);
    expect(() => unroll(cell, [])).toThrow(/^unroll: xs must be/);
    expect(() => unroll(cell, [x(2, 3)])).toThrow(/^unroll: xs\[0\]/);
    expect(() => unroll(cell, [x(2, 2), x(3, 2)]))
      .toThrow(/^unroll: xs\[1\] has 3 rows/);
    expect(() => unroll(cell, [x(2, 2)], [x(3, 3)]))
      .toThrow(/^unroll: state must be/);
    expect(() => unrollStack([], [x(2, 2)]))
      .toThrow(/^unrollStack: cells must be/);
    expect(() => unrollStack([cell], [x(2, 2)], []))
      .toThrow(/^unrollStack: states must hold one state per layer/);
  });
  it('the Elman cell checks its shapes and its state', () => {
    const t = (s: number[], g = true) => new Tensor(
      new Float64Array(s.reduce((a, b) => a * b)), s, g);
    expect(() => new ElmanCell(t([3, 2]), t([3]), t([3, 2]), t([3])))
      .toThrow(/^ElmanCell: expected Whh \[3, 3\]/);
    expect(() => new ElmanCell(t([3, 2], false), t([3]), t([3, 3]),
      t([3]))).toThrow(/^ElmanCell: Wih, bih, Whh and bhh must be/);
    const cell = new ElmanCell(t([3, 2]), t([3]), t([3, 3]), t([3]));
    expect(() => cell.step(t([4, 2], false), [t([5, 3], false)]))
      .toThrow(/^ElmanCell.step: state must be/);
    expect(() => cell.step(t([4, 3], false), cell.initialState(4)))
      .toThrow(/^ElmanCell.step: x must be a 2-D Tensor \[batch, 2\]/);
  });
});

describe('review', () => {
  it('lagStudy\'s meanSlope and saturated are the mean of 1 − h² and ' +
    'the share of |h| > 0.9 over the run', () => {
    const o = { hidden: 5, input: 3, rho: 2, steps: 9, lags: 4,
      inputScale: 0.5 };
    const got = lagStudy(o, createRng(21));
    // the same draws, in lagStudy's order
    const rng = createRng(21);
    const W = (a: Float64Array, s: number[]) => new Tensor(a, s, true);
    const Wih = W(rng.normalArray(15, 0, 0.5 / Math.sqrt(3)), [5, 3]);
    const cell = new ElmanCell(Wih, W(new Float64Array(5), [5]),
      W(orthogonalWeights(5, rng, 2), [5, 5]),
      W(new Float64Array(5), [5]));
    const xs = Array.from({ length: 9 }, () => rng.normalArray(3));
    const hs = elmanForward(cell, xs, new Float64Array(5));
    let slope = 0, sat = 0;
    for (const h of hs) {
      for (const v of h) { slope += 1 - v * v; if (Math.abs(v) > 0.9) sat++; }
    }
    expect(got.meanSlope).toBeCloseTo(slope / 45, 14);
    expect(got.saturated).toBe(sat / 45);
    expect(got.norms).toEqual(lagNorms(cell.Whh.data, hs, 4));
  });

  it('unrollStack names itself for bad xs, states and mismatched ' +
    'layers', () => {
    const c = elman(2, 3, createRng(22));
    const x = (n: number, d: number) => new Tensor(new Float64Array(n * d),
      [n, d]);
    expect(() => unrollStack([c], [x(2, 3)]))
      .toThrow(/^unrollStack: xs\[0\] must be a 2-D Tensor \[batch, 2\]/);
    expect(() => unrollStack([c, c], [x(2, 2)]))
      .toThrow(/^unrollStack: cells\[1\] reads 2 inputs, but cells\[0\]/);
    expect(() => unrollStack([c], [x(2, 2)], [[x(3, 3)]]))
      .toThrow(/^unrollStack: state must be/);
    expect(() => unrollStack([{} as ElmanCell], [x(2, 2)]))
      .toThrow(/^unrollStack: cell must be a RecurrentCell/);
  });

  it('bidirectional, gradNorm, elmanCharModel and runTorchCase name ' +
    'themselves for bad input', () => {
    const c = elman(2, 3, createRng(23));
    expect(() => bidirectional(c, c, [])).toThrow(/^bidirectional: xs/);
    expect(() => bidirectional(c, {} as ElmanCell, [])).toThrow(
      /^bidirectional: cell must be/);
    expect(() => gradNorm(5 as unknown as Tensor[]))
      .toThrow(/^gradNorm: params must be an array/);
    expect(() => gradNorm(null as unknown as Tensor[]))
      .toThrow(/^gradNorm: params must be an array/);
    const w = elmanWeights(charModel(elman(28, 2, createRng(24)),
      createRng(25)));
    w.Whh[1] = NaN;
    expect(() => elmanCharModel(w))
      .toThrow(/^elmanCharModel: w.Whh must hold \[2,2\] finite/);
    const bad = { ...(torch as TorchCase), weights: {} };
    expect(() => runTorchCase(bad))
      .toThrow(/^runTorchCase: the fixture has no weight_ih_l0/);
  });
});
