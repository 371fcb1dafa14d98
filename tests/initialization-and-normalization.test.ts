// Tests for the initialization-and-normalization chapter. Each `it` is
// one claim of the chapter; equation labels refer to
// chapters/neural-networks/initialization-and-normalization.mdx.
// PyTorch values come from
// tests/fixtures/initialization-and-normalization/torch.json, written by
// scripts/reference/initialization_and_normalization.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng, type Rng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, Linear } from '../code/multilayer-perceptron/layers.ts';
import { activate } from '../code/multilayer-perceptron/activations.ts';
import { Sequential } from '../code/multilayer-perceptron/mlp.ts';
import { evaluate, fit } from '../code/multilayer-perceptron/train.ts';
import {
  initLinear, initWeights, schemeVariance, type Scheme,
} from '../code/initialization-and-normalization/init.ts';
import {
  standardize, standardizeComposed,
} from '../code/initialization-and-normalization/standardize.ts';
import { BatchNorm } from '../code/initialization-and-normalization/batchnorm.ts';
import { LayerNorm } from '../code/initialization-and-normalization/layernorm.ts';
import {
  Dropout, dropoutWithMask,
} from '../code/initialization-and-normalization/dropout.ts';
import { depthStats } from '../code/initialization-and-normalization/depth.ts';
import {
  deepNet, trainAndEvaluate,
} from '../code/initialization-and-normalization/experiments.ts';
import { rmsNorm } from '../code/initialization-and-normalization/solutions/rms-norm.ts';
import {
  orthogonalWeights,
} from '../code/initialization-and-normalization/solutions/orthogonal.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/initialization-and-normalization.ts';
import { fixture } from './helpers.ts';

const torch = fixture('initialization-and-normalization', 'torch.json');
const TIGHT = { rtol: 1e-12, atol: 1e-12 };

function sampleVar(a: Float64Array): number {
  let m = 0;
  for (const v of a) m += v;
  m /= a.length;
  let s = 0;
  for (const v of a) s += (v - m) ** 2;
  return s / a.length;
}

/** Loss Σ out ⊙ G for a fixed G: its gradient at out is G. */
function against(out: Tensor, G: ArrayLike<number>): Tensor {
  return out.mul(new Tensor(Float64Array.from(G), out.shape)).sum();
}

const SCHEMES: Scheme[] = ['xavier-uniform', 'xavier-normal',
  'he-uniform', 'he-normal', 'torch-default'];

describe('initialization schemes', () => {
  it('variances: Xavier 2/(in+out), He 2/in, PyTorch 1/(3 in)', () => {
    expect(schemeVariance('xavier-uniform', 300, 100)).toBe(2 / 400);
    expect(schemeVariance('xavier-normal', 300, 100)).toBe(2 / 400);
    expect(schemeVariance('he-uniform', 300, 100)).toBe(2 / 300);
    expect(schemeVariance('he-normal', 300, 100)).toBe(2 / 300);
    expect(schemeVariance('torch-default', 300, 100)).toBe(1 / 900);
  });

  it('each scheme draws weights of its variance (within 3 %)', () => {
    const rng = createRng(1);
    for (const s of SCHEMES) {
      const w = initWeights(s, 400, 300, rng);
      const ratio = sampleVar(w) / schemeVariance(s, 400, 300);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.03);
    }
  });

  it('uniform schemes stay within ±√(3 s²) and nearly reach it', () => {
    const rng = createRng(2);
    for (const s of ['xavier-uniform', 'he-uniform', 'torch-default']) {
      const w = initWeights(s as Scheme, 200, 100, rng);
      const r = Math.sqrt(3 * schemeVariance(s as Scheme, 200, 100));
      let max = 0;
      for (const v of w) max = Math.max(max, Math.abs(v));
      expect(max).toBeLessThanOrEqual(r);
      expect(max).toBeGreaterThan(0.999 * r);
    }
  });

  it("PyTorch's default bound gain·√(3/fan_in), a = √5, is 1/√fan_in",
    () => {
      for (const c of torch.linearDefault) {
        const ours = Math.sqrt(3 * schemeVariance('torch-default',
          c.fanIn, 300));
        expect(Math.abs(ours - c.bound)).toBeLessThan(1e-15);
        expect(Math.abs(c.bound - 1 / Math.sqrt(c.fanIn)))
          .toBeLessThan(1e-15);
        expect(Math.abs(c.gain - Math.sqrt(2 / (1 + 5))))
          .toBeLessThan(1e-15);
      }
    });

  it("nn.Linear's own weights: within ±1/√fan_in, variance 1/(3 fan_in)",
    () => {
      for (const c of torch.linearDefault) {
        expect(c.maxAbs).toBeLessThanOrEqual(c.bound);
        expect(c.maxAbs).toBeGreaterThan(0.999 * c.bound);
        // 4 800 to 235 200 uniform draws: relative SE of the variance
        // is at most √(0.8/4800) ≈ 1.3 %; allow 5 %
        expect(Math.abs(c.var * 3 * c.fanIn - 1)).toBeLessThan(0.05);
      }
    });

  it('initLinear: a Linear layer with the weights and zero biases', () => {
    const layer = initLinear('he-normal', 5, 4, createRng(3));
    expect(layer).toBeInstanceOf(Linear);
    expect(layer.W.shape).toEqual([5, 4]);
    expect([...layer.b.data]).toEqual([0, 0, 0, 0]);
    expect([...layer.W.data]).toEqual(
      [...initWeights('he-normal', 5, 4, createRng(3))]);
  });
});

describe('20 layers at initialization', () => {
  const run = (activation: 'tanh' | 'relu',
    weights: (a: number, b: number, r: Rng) => Float64Array) =>
    depthStats({ depth: 20, width: 64, batch: 64, activation, weights },
      createRng(4));
  const ratio = (v: number[]) => (v[v.length - 1] / v[0]) **
    (1 / (v.length - 1));
  const scheme = (s: Scheme) => (a: number, b: number, r: Rng) =>
    initWeights(s, a, b, r);

  it('N(0, 0.01²) with tanh: each layer scales the std by 0.01·√n_in',
    () => {
      const s = run('tanh', (a, b, r) => r.normalArray(a * b, 0, 0.01));
      // tanh(z) ≈ z for tiny z: Eq. (in-forward) with gain 1
      expect(ratio(s.activationStd) / (0.01 * 8)).toBeCloseTo(1, 1);
      expect(ratio([...s.gradientStd].reverse()) / (0.01 * 8))
        .toBeCloseTo(1, 1);
    });

  it('He with ReLU: both stds change by < 3 % a layer on average',
    () => {
      const s = run('relu', scheme('he-normal'));
      // Var ratio n_in · (2/n_in) · ½ = 1, Eq. (in-forward)
      expect(Math.abs(ratio(s.activationStd) - 1)).toBeLessThan(0.03);
      expect(Math.abs(ratio([...s.gradientStd].reverse()) - 1))
        .toBeLessThan(0.03);
    });

  it("PyTorch's default with ReLU shrinks both by ≈ 1/√6 a layer", () => {
    const s = run('relu', scheme('torch-default'));
    // Var ratio n_in · 1/(3 n_in) · ½ = 1/6, Eq. (in-forward)
    expect(Math.abs(ratio(s.activationStd) * Math.sqrt(6) - 1))
      .toBeLessThan(0.05);
    expect(Math.abs(ratio([...s.gradientStd].reverse()) * Math.sqrt(6) -
      1)).toBeLessThan(0.05);
  });

  it('the top gradient is the readout R, std ≈ 1', () => {
    const s = run('relu', scheme('he-normal'));
    expect(s.gradientStd[19]).toBeCloseTo(1, 1);
  });
});

describe('standardization: fused and composed', () => {
  const rng = createRng(5);
  const X = rng.normalArray(7 * 4, 1, 2);
  const G = rng.normalArray(7 * 4);

  it('fused and composed give the same x̂ and gradient, both axes', () => {
    for (const axis of [0, 1] as const) {
      const a = new Tensor(X.slice(), [7, 4], true);
      const b = new Tensor(X.slice(), [7, 4], true);
      const fa = standardize(a, axis).out;
      const fb = standardizeComposed(b, axis);
      assertAllClose(fa.data, fb.data, TIGHT);
      against(fa, G).backward();
      against(fb, G).backward();
      assertAllClose(a.grad as Float64Array, b.grad as Float64Array,
        TIGHT);
    }
  });

  it('the composed version records eleven ops, the fused one one', () => {
    const ops = (t: Tensor): number => {
      const seen = new Set<Tensor>();
      const visit = (u: Tensor) => {
        if (seen.has(u)) return;
        seen.add(u);
        u.inputs.forEach(visit);
      };
      visit(t);
      return [...seen].filter((u) => u.backwardFn !== null).length;
    };
    const x = () => new Tensor(X.slice(), [7, 4], true);
    expect(ops(standardizeComposed(x(), 0))).toBe(11);
    expect(ops(standardize(x(), 0).out)).toBe(1);
  });

  it('the fused backward, Eq. (in-bn-compact), passes central ' +
    'differences', () => {
    for (const axis of [0, 1] as const) {
      const f = (x: Float64Array) => {
        const out = standardize(new Tensor(x, [7, 4]), axis).out;
        let s = 0;
        for (let i = 0; i < x.length; i++) s += out.data[i] * G[i];
        return s;
      };
      const grad = (x: Float64Array) => {
        const t = new Tensor(x, [7, 4], true);
        against(standardize(t, axis).out, G).backward();
        return t.grad as Float64Array;
      };
      expect(gradientCheck(f, grad, X.slice()).ok).toBe(true);
    }
  });

  it('the input gradient sums to 0, and is orthogonal to x̂ when ε → 0',
    () => {
      const t = new Tensor(X.slice(), [7, 4], true);
      const { out } = standardize(t, 0, 1e-300); // v + ε = v
      against(out, G).backward();
      const g = t.grad as Float64Array;
      for (let j = 0; j < 4; j++) {
        let s = 0, sh = 0;
        for (let i = 0; i < 7; i++) {
          s += g[i * 4 + j];
          sh += g[i * 4 + j] * out.data[i * 4 + j];
        }
        expect(Math.abs(s)).toBeLessThan(1e-12);
        expect(Math.abs(sh)).toBeLessThan(1e-12);
      }
    });

  it('columns of x̂ have mean 0 and variance v/(v + ε)', () => {
    const { out, variance } = standardize(new Tensor(X, [7, 4]), 0, 0.5);
    for (let j = 0; j < 4; j++) {
      let m = 0, s = 0;
      for (let i = 0; i < 7; i++) m += out.data[i * 4 + j] / 7;
      for (let i = 0; i < 7; i++) s += (out.data[i * 4 + j] - m) ** 2 / 7;
      expect(Math.abs(m)).toBeLessThan(1e-14);
      expect(s).toBeCloseTo(variance[j] / (variance[j] + 0.5), 13);
    }
  });
});

describe('BatchNorm against torch.nn.BatchNorm1d', () => {
  const b = torch.batchnorm;
  const make = () => {
    const bn = new BatchNorm(b.d);
    bn.gamma.data.set(b.gamma);
    bn.beta.data.set(b.beta);
    return bn;
  };

  it('uses ε = 1e-5 and momentum 0.1, as BatchNorm1d', () => {
    const bn = new BatchNorm(3);
    expect(bn.eps).toBe(b.eps);
    expect(bn.momentum).toBe(b.momentum);
  });

  it('forward output in training mode to 1e-12', () => {
    const out = make().forward(new Tensor(b.batches[0], [b.n, b.d]));
    assertAllClose(out.data, b.out, TIGHT);
  });

  it('gradients of x, γ and β to 1e-12', () => {
    const bn = make();
    const x = new Tensor(b.batches[0], [b.n, b.d], true);
    against(bn.forward(x), b.G).backward();
    assertAllClose(x.grad as Float64Array, b.dx, TIGHT);
    assertAllClose(bn.gamma.grad as Float64Array, b.dgamma, TIGHT);
    assertAllClose(bn.beta.grad as Float64Array, b.dbeta, TIGHT);
  });

  it('running mean and unbiased running variance after 1 and 3 ' +
    'batches', () => {
    const bn = make();
    b.batches.forEach((batch: number[], k: number) => {
      bn.forward(new Tensor(batch, [b.n, b.d]));
      if (k === 0 || k === 2) {
        assertAllClose(bn.runningMean, b.running[k].mean, TIGHT);
        assertAllClose(bn.runningVar, b.running[k].var, TIGHT);
      }
    });
  });

  it('evaluation mode uses the running statistics, to 1e-12', () => {
    const bn = make();
    for (const batch of b.batches) bn.forward(new Tensor(batch, [b.n, b.d]));
    bn.train(false);
    const out = bn.forward(new Tensor(b.xEval, [4, b.d]));
    assertAllClose(out.data, b.outEval, TIGHT);
  });

  it('in evaluation a row’s output does not depend on its batch; in ' +
    'training it does', () => {
    const bn = make();
    const x = new Tensor(b.batches[0], [b.n, b.d]);
    const pair = new Tensor(b.batches[0].slice(0, 2 * b.d), [2, b.d]);
    const trainFull = bn.forward(x).data.slice(0, b.d);
    const trainPair = bn.forward(pair).data.slice(0, b.d);
    expect(Math.abs(trainFull[0] - trainPair[0])).toBeGreaterThan(1e-3);
    bn.train(false);
    const evalFull = bn.forward(x).data.slice(0, b.d);
    const evalOne = bn.forward(new Tensor(b.batches[0].slice(0, b.d),
      [1, b.d])).data;
    assertAllClose(evalOne, evalFull, { rtol: 0, atol: 1e-15 });
  });

  it('training on a batch of one row throws; evaluation does not', () => {
    const bn = make();
    const one = new Tensor(b.batches[0].slice(0, b.d), [1, b.d]);
    expect(() => bn.forward(one)).toThrow(/^BatchNorm.forward: training/);
    bn.train(false);
    expect(bn.forward(one).shape).toEqual([1, b.d]);
  });

  it("a Linear layer's bias before BatchNorm gets a zero gradient",
    () => {
      const net = deepNet({ sizes: [3, 4, 2], scheme: 'he-normal',
        batchNorm: true }, createRng(11));
      const X = new Tensor(createRng(12).normalArray(18), [6, 3]);
      net.forward(X).mul(net.forward(X)).sum().backward();
      const b = (net.layers[0] as Linear).b.grad as Float64Array;
      for (const v of b) expect(Math.abs(v)).toBeLessThan(1e-12);
    });

  it('rejects a batch with the wrong number of columns', () => {
    expect(() => make().forward(new Tensor([1, 2, 3, 4], [2, 2])))
      .toThrow(/^BatchNorm.forward: x must have 5 columns/);
  });
});

describe('LayerNorm against torch.nn.LayerNorm', () => {
  const l = torch.layernorm;
  const make = () => {
    const ln = new LayerNorm(l.d);
    ln.gamma.data.set(l.gamma);
    ln.beta.data.set(l.beta);
    return ln;
  };

  it('forward output to 1e-12', () => {
    const out = make().forward(new Tensor(l.x, [l.n, l.d]));
    assertAllClose(out.data, l.out, TIGHT);
  });

  it('gradients of x, γ and β to 1e-12', () => {
    const ln = make();
    const x = new Tensor(l.x, [l.n, l.d], true);
    against(ln.forward(x), l.G).backward();
    assertAllClose(x.grad as Float64Array, l.dx, TIGHT);
    assertAllClose(ln.gamma.grad as Float64Array, l.dgamma, TIGHT);
    assertAllClose(ln.beta.grad as Float64Array, l.dbeta, TIGHT);
  });

  it('each row is normalized on its own: a row alone gives the same ' +
    'output', () => {
    const ln = make();
    const all = ln.forward(new Tensor(l.x, [l.n, l.d])).data;
    const row = ln.forward(new Tensor(l.x.slice(l.d, 2 * l.d),
      [1, l.d])).data;
    assertAllClose(row, all.slice(l.d, 2 * l.d), { rtol: 0, atol: 0 });
  });
});

describe('dropout', () => {
  const dr = torch.dropout;

  it("with torch's mask: output and gradient to 1e-12", () => {
    const x = new Tensor(dr.x, [dr.n, dr.d], true);
    const out = dropoutWithMask(x, dr.mask, dr.p);
    assertAllClose(out.data, dr.out, TIGHT);
    against(out, dr.G).backward();
    assertAllClose(x.grad as Float64Array, dr.dx, TIGHT);
  });

  it('evaluation mode is the identity, as F.dropout(training=False)',
    () => {
      const layer = new Dropout(dr.p, createRng(1));
      layer.train(false);
      const x = new Tensor(dr.x, [dr.n, dr.d]);
      expect(layer.forward(x)).toBe(x);
      assertAllClose(x.data, dr.outEval, { rtol: 0, atol: 0 });
    });

  it('inverted dropout preserves the expectation, Eq. (in-dropout-mean)',
    () => {
      const p = 0.3, N = 200_000;
      const out = new Dropout(p, createRng(6)).forward(
        new Tensor(new Float64Array(N).fill(1), [N, 1]));
      let m = 0, dropped = 0;
      for (const v of out.data) {
        m += v / N;
        if (v === 0) dropped++;
      }
      // each entry is 0 or 1/(1 − p): variance p/(1 − p); 4 SE
      expect(Math.abs(m - 1)).toBeLessThan(4 * Math.sqrt(p / (1 - p) / N));
      expect(Math.abs(dropped / N - p)).toBeLessThan(
        4 * Math.sqrt(p * (1 - p) / N));
    });

  it('p = 0 in training is the identity', () => {
    const x = new Tensor([1, 2, 3], [3, 1]);
    expect(new Dropout(0, createRng(1)).forward(x)).toBe(x);
  });
});

describe('train/eval mode', () => {
  it('Sequential.train reaches the layers that have a mode', () => {
    const bn = new BatchNorm(2);
    const drop = new Dropout(0.5, createRng(1));
    const model = new Sequential([initLinear('he-normal', 2, 2,
      createRng(1)), bn, new Act('relu'), drop]);
    expect(bn.training && drop.training).toBe(true); // the default
    model.train(false);
    expect(bn.training || drop.training).toBe(false);
    model.train(true);
    expect(bn.training && drop.training).toBe(true);
  });

  it('Sequential.train and the layers refuse a non-boolean', () => {
    const model = new Sequential([new BatchNorm(2)]);
    expect(() => model.train(0 as unknown as boolean))
      .toThrow(/^Sequential.train: on must be true or false/);
    expect(() => new BatchNorm(2).train('no' as unknown as boolean))
      .toThrow(/^BatchNorm.train/);
    expect(() => new Dropout(0.1, createRng(1))
      .train(1 as unknown as boolean)).toThrow(/^Dropout.train/);
  });

  it('deepNet: Linear, BatchNorm, ReLU, Dropout per hidden layer', () => {
    const net = deepNet({ sizes: [3, 4, 4, 2], scheme: 'he-normal',
      batchNorm: true, dropout: 0.1 }, createRng(2));
    expect(net.layers.map((l) => l.constructor.name)).toEqual([
      'Linear', 'BatchNorm', 'Act', 'Dropout',
      'Linear', 'BatchNorm', 'Act', 'Dropout', 'Linear']);
  });

  it('trainAndEvaluate evaluates in eval mode and trains in train mode',
    () => {
      const rng = createRng(7);
      const X = new Matrix(16, 3, rng.normalArray(48));
      const y = Int32Array.from({ length: 16 }, (_, i) => i % 2);
      const net = deepNet({ sizes: [3, 4, 2], scheme: 'he-normal',
        batchNorm: true }, createRng(3));
      const bn = net.layers[1] as BatchNorm;
      const seen: boolean[] = [];
      const spy = { forward: (x: Tensor) => {
        seen.push(bn.training);
        return net.forward(x);
      }, parameters: () => net.parameters(),
      train: (on: boolean) => net.train(on),
      layers: net.layers } as unknown as Sequential;
      trainAndEvaluate(spy, { X, y }, { X, y },
        { epochs: 1, batchSize: 8, eta: 0.1, seed: 1 });
      // two minibatches in training, then train and test evaluation
      expect(seen).toEqual([true, true, false, false]);
      expect(bn.training).toBe(true);
    });
});

describe('exercise solutions', () => {
  it('rmsNorm: rows of unit root mean square, gradient by differences',
    () => {
      const rng = createRng(8);
      const X = rng.normalArray(12, 0.5, 2);
      const gamma = new Tensor([1, 1, 1, 1], [4]);
      const out = rmsNorm(new Tensor(X, [3, 4]), gamma, 1e-12);
      for (let i = 0; i < 3; i++) {
        let ms = 0;
        for (let j = 0; j < 4; j++) ms += out.data[i * 4 + j] ** 2 / 4;
        expect(ms).toBeCloseTo(1, 10);
      }
      const G = rng.normalArray(12);
      const f = (x: Float64Array) => against(rmsNorm(new Tensor(x,
        [3, 4]), gamma), G).data[0];
      const grad = (x: Float64Array) => {
        const t = new Tensor(x, [3, 4], true);
        against(rmsNorm(t, gamma), G).backward();
        return t.grad as Float64Array;
      };
      expect(gradientCheck(f, grad, X).ok).toBe(true);
    });

  it('orthogonalWeights: QᵀQ = I, so it keeps every length', () => {
    const n = 16;
    const Q = orthogonalWeights(n, createRng(9));
    for (let a = 0; a < n; a++) {
      for (let c = 0; c < n; c++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += Q[i * n + a] * Q[i * n + c];
        expect(Math.abs(s - (a === c ? 1 : 0))).toBeLessThan(1e-13);
      }
    }
    const x = createRng(10).normalArray(n);
    let before = 0, after = 0;
    for (let j = 0; j < n; j++) {
      let xq = 0; // (xQ)_j
      for (let i = 0; i < n; i++) xq += x[i] * Q[i * n + j];
      before += x[j] ** 2;
      after += xq ** 2;
    }
    expect(Math.abs(after / before - 1)).toBeLessThan(1e-13);
    const G = orthogonalWeights(n, createRng(9), Math.SQRT2);
    for (let i = 0; i < n * n; i++) {
      expect(Math.abs(G[i] - Math.SQRT2 * Q[i])).toBeLessThan(1e-14);
    }
  });
});

describe('bad input', () => {
  it('initialization functions reject bad input', () => {
    rejectsBadInput(badInput.init);
  });
  it('normalization functions reject bad input', () => {
    rejectsBadInput(badInput.normalization);
  });
  it('training helpers reject bad input', () => {
    rejectsBadInput(badInput.training);
  });
  it('the shared checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  it('N(0, 1) with tanh: most units, but not almost all, saturate', () => {
    // the prose's "most units saturate"; 20 layers of width 64
    const rng = createRng(13), q = 64, n = 64;
    let h = new Tensor(rng.normalArray(n * q), [n, q]);
    for (let l = 0; l < 20; l++) {
      h = activate(h.matmul(new Tensor(rng.normalArray(q * q), [q, q])),
        'tanh');
    }
    let near = 0;
    for (const v of h.data) if (Math.abs(v) > 0.9) near++;
    expect(near / h.size).toBeGreaterThan(0.7);
    expect(near / h.size).toBeLessThan(0.95);
  });

  it('batch norm output: column mean β and std |γ|·√(v/(v + ε))', () => {
    const bn = new BatchNorm(3);
    bn.gamma.data.set([2, -0.5, 1]);
    bn.beta.data.set([1, -3, 0]);
    const X = createRng(14).normalArray(10 * 3, 4, 3);
    const out = bn.forward(new Tensor(X, [10, 3])).data;
    const { variance } = standardize(new Tensor(X, [10, 3]), 0);
    for (let j = 0; j < 3; j++) {
      const col = Float64Array.from({ length: 10 },
        (_, i) => out[i * 3 + j]);
      let m = 0;
      for (const v of col) m += v / 10;
      expect(m).toBeCloseTo(bn.beta.data[j], 12);
      const want = Math.abs(bn.gamma.data[j]) *
        Math.sqrt(variance[j] / (variance[j] + 1e-5));
      expect(Math.sqrt(sampleVar(col))).toBeCloseTo(want, 12);
    }
  });

  it('x̂ is unchanged by a shift or a positive scale of a column, ' +
    'negated by a negative one (ε = 0)', () => {
    const X = createRng(15).normalArray(6 * 2);
    const hat = (f: (v: number) => number) => standardize(new Tensor(
      X.map(f), [6, 2]), 0, 1e-300).out.data;
    const base = hat((v) => v);
    assertAllClose(hat((v) => v + 7), base, { rtol: 0, atol: 1e-13 });
    assertAllClose(hat((v) => 3 * v), base, { rtol: 0, atol: 1e-13 });
    assertAllClose(hat((v) => -3 * v), base.map((v) => -v),
      { rtol: 0, atol: 1e-13 });
  });

  it('a dropout layer in training mode answers differently each time; ' +
    'in evaluation it does not', () => {
    const layer = new Dropout(0.5, createRng(16));
    const x = new Tensor(new Float64Array(50).fill(1), [10, 5]);
    const a = layer.forward(x).data, b = layer.forward(x).data;
    expect([...a]).not.toEqual([...b]);
    layer.train(false);
    expect([...layer.forward(x).data]).toEqual([...x.data]);
  });

  it('exercise 1: dividing the std by 1,000 at 1/√6 a layer takes 8 ' +
    'layers, not 7', () => {
    expect(Math.sqrt(6) ** 8).toBeGreaterThanOrEqual(1000);
    expect(Math.sqrt(6) ** 7).toBeLessThan(1000);
    expect(Math.ceil(2 * Math.log(1000) / Math.log(6))).toBe(8);
  });
});

describe('mutation gaps', () => {
  /** The message f throws (the whole of it), or 'no error'. */
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  const bad = <T>(v: unknown) => v as T;
  const x32 = () => new Tensor([1, 2, 3, 4, 5, 7], [3, 2]);
  const flat = () => new Tensor([1, 2, 3], [3]);
  const RNG = (fn: string) => `${fn}: rng must be a generator from createRng`;

  it('an unknown scheme is refused with the list of the five', () => {
    expect(message(() => schemeVariance(bad('lecun'), 2, 2))).toBe(
      'schemeVariance: scheme must be one of xavier-uniform, ' +
      'xavier-normal, he-uniform, he-normal, torch-default, got lecun');
  });
  it('a generator that is null, or has no uniform, is refused by name',
    () => {
      expect(message(() => new Dropout(0.5, bad(null))))
        .toBe(RNG('Dropout'));
      expect(message(() => new Dropout(0.5, bad({})))).toBe(RNG('Dropout'));
      expect(message(() => orthogonalWeights(3, bad(null))))
        .toBe(RNG('orthogonalWeights'));
      expect(message(() => deepNet({ sizes: [2, 2], scheme: 'he-normal' },
        bad(null)))).toBe(RNG('deepNet'));
      expect(message(() => depthStats({ depth: 1, width: 2, batch: 2,
        activation: 'relu', weights: (a, b) => new Float64Array(a * b) },
      bad({ uniform: 1 })))).toBe(RNG('depthStats'));
    });
  it('x must be a 2-D Tensor: each function names itself', () => {
    const want = (fn: string) => `${fn}: x must be a 2-D Tensor [n, d]`;
    expect(message(() => standardize(flat(), 0))).toBe(want('standardize'));
    expect(message(() => standardize(bad(3), 0))).toBe(want('standardize'));
    expect(message(() => standardizeComposed(flat(), 0)))
      .toBe(want('standardizeComposed'));
    expect(message(() => new BatchNorm(3).forward(flat())))
      .toBe(want('BatchNorm.forward'));
    expect(message(() => new LayerNorm(3).forward(flat())))
      .toBe(want('LayerNorm.forward'));
    expect(message(() => rmsNorm(flat(), new Tensor([1, 1, 1], [3]))))
      .toBe(want('rmsNorm'));
  });
  it('standardize names the axes it accepts', () => {
    expect(message(() => standardize(x32(), bad(2)))).toBe(
      'standardize: axis must be 0 (over the batch) or 1 (over the ' +
      'features), got 2');
  });
  it('gamma and beta must be 1-D Tensors of length d', () => {
    const want = (fn: string, name: string) =>
      `${fn}: ${name} must be a Tensor of shape [2]`;
    for (const g of [bad<Tensor>(3), new Tensor([1, 1, 1, 1], [2, 2]),
      new Tensor([1, 1, 1], [3])]) {
      expect(message(() => rmsNorm(x32(), g))).toBe(want('rmsNorm',
        'gamma'));
    }
    const bn = new BatchNorm(2);
    (bn as unknown as { gamma: Tensor }).gamma = new Tensor([1], [1]);
    expect(message(() => bn.forward(x32())))
      .toBe(want('BatchNorm.forward', 'gamma'));
    const ln = new LayerNorm(2);
    (ln as unknown as { beta: Tensor }).beta = new Tensor([0], [1]);
    expect(message(() => ln.forward(x32())))
      .toBe(want('LayerNorm.forward', 'beta'));
  });
  it('LayerNorm refuses a batch with the wrong number of columns', () => {
    expect(message(() => new LayerNorm(3).forward(x32())))
      .toBe('LayerNorm.forward: x must have 3 columns, got 2');
  });
  it('BatchNorm needs two rows in training: the message says so', () => {
    expect(message(() => new BatchNorm(2).forward(new Tensor([1, 2],
      [1, 2])))).toBe('BatchNorm.forward: training needs a batch of ' +
      'at least 2 rows, got 1');
  });
  it('the normalization layers\' parameters are γ and β; dropout has ' +
    'none', () => {
    const bn = new BatchNorm(2), ln = new LayerNorm(2);
    expect(bn.parameters()).toHaveLength(2);
    expect(bn.parameters()[0]).toBe(bn.gamma);
    expect(bn.parameters()[1]).toBe(bn.beta);
    expect(ln.parameters()).toHaveLength(2);
    expect(ln.parameters()[0]).toBe(ln.gamma);
    expect(ln.parameters()[1]).toBe(ln.beta);
    expect(new Dropout(0.5, createRng(1)).parameters()).toEqual([]);
  });
  it('BatchNorm with momentum 1 keeps only the last batch\'s statistics',
    () => {
      const bn = new BatchNorm(2, 1e-5, 1);
      // columns (1, 3, 5): mean 3, unbiased var 4; (2, 7, 3): 4 and 7
      bn.forward(new Tensor([1, 2, 3, 7, 5, 3], [3, 2]));
      assertAllClose(bn.runningMean, [3, 4], { rtol: 1e-15, atol: 0 });
      assertAllClose(bn.runningVar, [4, 7], { rtol: 1e-15, atol: 0 });
    });
  it('dropoutWithMask refuses a null mask, a 2 in it, and a non-Tensor x',
    () => {
      expect(message(() => dropoutWithMask(x32(), bad(null), 0.5)))
        .toBe('dropoutWithMask: mask must hold 6 entries (x\'s size)');
      expect(message(() => dropoutWithMask(x32(), [1, 0, 2, 1, 1, 1], 0.5)))
        .toBe('dropoutWithMask: mask must hold 0s and 1s, got mask[2] = 2');
      expect(message(() => dropoutWithMask(bad(3), [1], 0.5)))
        .toBe('dropoutWithMask: x must be a Tensor');
      expect(message(() => new Dropout(0.5, createRng(1)).forward(bad(3))))
        .toBe('Dropout.forward: x must be a Tensor');
    });
  it('Dropout draws one uniform per entry, in order, and keeps an entry ' +
    'when u < 1 − p', () => {
    const layer = new Dropout(0.5, createRng(21));
    const ref = createRng(21);
    const ones = new Tensor(new Float64Array(6).fill(1), [2, 3]);
    for (let call = 0; call < 2; call++) {
      const want = Array.from({ length: 6 }, () =>
        ref.uniform() < 0.5 ? 2 : 0);
      expect([...layer.forward(ones).data]).toEqual(want);
    }
  });
  it('a uniform draw exactly at 1 − p drops its entry (P(keep) = 1 − p)',
    () => {
      const u = createRng(22).uniform(), p = 1 - u;
      expect(1 - p).toBe(u); // p is exact: the draw sits at 1 − p
      const out = new Dropout(p, createRng(22)).forward(new Tensor([1],
        [1, 1]));
      expect(out.data[0]).toBe(0);
    });
  it('deepNet refuses bad options by name', () => {
    const net = (o: unknown) => () => deepNet(bad(o), createRng(1));
    const base = { sizes: [2, 3, 2], scheme: 'he-normal' };
    expect(message(net(null))).toBe('deepNet: options must be an object');
    expect(message(net(3))).toBe('deepNet: options must be an object');
    expect(message(net({ ...base, sizes: [2, 0, 2] })))
      .toBe('deepNet: sizes must be an integer >= 1, got 0');
    expect(message(net({ ...base, batchNorm: 'yes' })))
      .toBe('deepNet: batchNorm must be true or false');
    expect(message(net({ ...base, dropout: 1 })))
      .toBe('deepNet: p must be in [0, 1), got 1');
  });
  it('deepNet without batchNorm: Linear, ReLU, Linear', () => {
    const net = deepNet({ sizes: [3, 4, 2], scheme: 'he-normal' },
      createRng(2));
    expect(net.layers.map((l) => l.constructor.name))
      .toEqual(['Linear', 'Act', 'Linear']);
  });
  it('trainAndEvaluate refuses a model without train, and bad options',
    () => {
      const d = { X: new Matrix(2, 2, Float64Array.of(1, 0, 0, 1)),
        y: Int32Array.of(0, 1) };
      const o = { epochs: 1, batchSize: 2, eta: 0.1, seed: 1 };
      const net = deepNet({ sizes: [2, 2], scheme: 'he-normal' },
        createRng(1));
      const run = (m: unknown, opts: unknown) => () =>
        trainAndEvaluate(bad(m), d, d, bad(opts));
      const MODEL = 'trainAndEvaluate: model must be a Sequential';
      const OPTS = 'trainAndEvaluate: options must be an object';
      expect(message(run(null, o))).toBe(MODEL);
      expect(message(run({}, o))).toBe(MODEL);
      expect(message(run(net, null))).toBe(OPTS);
      expect(message(run(net, 3))).toBe(OPTS);
      expect(message(run(net, { ...o, epochs: 0 })))
        .toBe('trainAndEvaluate: epochs must be an integer >= 1, got 0');
    });
  it('trainAndEvaluate: epoch e is one epoch of fit with seed + e (a new ' +
    'shuffle), then both sets evaluated', () => {
    const rng = createRng(7);
    const X = new Matrix(16, 3, rng.normalArray(48));
    const y = Int32Array.from({ length: 16 }, (_, i) => i % 2);
    const Xt = new Matrix(8, 3, rng.normalArray(24));
    const yt = Int32Array.from({ length: 8 }, (_, i) => (i >> 1) % 2);
    const o = { epochs: 2, batchSize: 4, eta: 0.1, seed: 5 };
    const make = () => deepNet({ sizes: [3, 4, 2], scheme: 'he-normal' },
      createRng(3));
    const got = trainAndEvaluate(make(), { X, y }, { X: Xt, y: yt }, o);
    const b = make();
    const want = [1, 2].map((epoch) => {
      const [r] = fit(b, X, y, { ...o, epochs: 1, seed: 5 + epoch });
      const tr = evaluate(b, X, y), te = evaluate(b, Xt, yt);
      return { epoch, trainModeLoss: r.trainLoss, trainLoss: tr.loss,
        trainAccuracy: tr.accuracy, testLoss: te.loss,
        testAccuracy: te.accuracy };
    });
    expect(got).toEqual(want);
  });
  it('depthStats\' std is about the mean: one identity ReLU layer by hand',
    () => {
      const q = 2, n = 3, r = createRng(17);
      const x = r.normalArray(n * q), R = r.normalArray(n * q);
      const s = depthStats({ depth: 1, width: q, batch: n,
        activation: 'relu', weights: () => Float64Array.of(1, 0, 0, 1) },
      createRng(17));
      const h = x.map((v) => Math.max(v, 0));
      expect(s.activationStd[0]).toBeCloseTo(Math.sqrt(sampleVar(h)), 14);
      expect(s.gradientStd[0]).toBeCloseTo(Math.sqrt(sampleVar(R)), 14);
    });
  it('depthStats refuses a bad setup by name', () => {
    const base = { depth: 1, width: 2, batch: 2, activation: 'relu',
      weights: (a: number, b: number) => new Float64Array(a * b) };
    const run = (s: unknown) => () => depthStats(bad(s), createRng(1));
    expect(message(run(null))).toBe('depthStats: setup must be an object');
    expect(message(run(3))).toBe('depthStats: setup must be an object');
    for (const k of ['depth', 'width', 'batch']) {
      expect(message(run({ ...base, [k]: 0 })))
        .toBe(`depthStats: ${k} must be an integer >= 1, got 0`);
    }
    expect(message(run({ ...base, activation: 'sigmoid' }))).toBe(
      'depthStats: activation must be tanh or relu, got sigmoid');
    expect(message(run({ ...base, weights: 1 })))
      .toBe('depthStats: weights must be a function');
  });
  it('orthogonalWeights is the Q of the Gaussian draw\'s QR with R\'s ' +
    'diagonal made positive: (Q/gain)ᵀA is upper triangular, diagonal > 0',
  () => {
    const d = 8, gain = 2;
    const A = createRng(23).normalArray(d * d);
    const Q = orthogonalWeights(d, createRng(23), gain);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let s = 0; // (Qᵀ A)_ij
        for (let k = 0; k < d; k++) s += Q[k * d + i] * A[k * d + j] / gain;
        if (i > j) expect(Math.abs(s)).toBeLessThan(1e-12);
        if (i === j) expect(s).toBeGreaterThan(0);
      }
    }
    expect(message(() => orthogonalWeights(3, createRng(1), 0)))
      .toBe('orthogonalWeights: gain must be a finite number > 0, got 0');
  });
});
