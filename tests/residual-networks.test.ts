// Tests for the residual-networks chapter. Each `it` is one claim of
// the chapter; equation labels refer to
// chapters/papers/residual-networks.mdx. PyTorch values come from
// tests/fixtures/residual-networks/torch.json, written by
// scripts/reference/residual_networks.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, Linear } from '../code/multilayer-perceptron/layers.ts';
import { Sequential, parameterCount } from '../code/multilayer-perceptron/mlp.ts';
import { BatchNorm } from '../code/initialization-and-normalization/batchnorm.ts';
import {
  Block, Identity, Projection, ZeroPad, residualFunction,
} from '../code/residual-networks/block.ts';
import { netDepth, stackNet } from '../code/residual-networks/net.ts';
import {
  gradientNorms, trainCurves,
} from '../code/residual-networks/experiments.ts';
import { PreActBlock } from '../code/residual-networks/solutions/preact.ts';
import {
  checkInt, checkLayer, checkRng,
} from '../code/residual-networks/checks.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/residual-networks.ts';
import { fixture } from './helpers.ts';

const torch = fixture('residual-networks', 'torch.json');
const REF = { rtol: 1e-10, atol: 1e-10 };

type Case = Record<string, number[]> & { n: number; dIn: number;
  dOut: number; projection: boolean };

const t = (a: number[], shape: number[], grad = true) =>
  new Tensor(Float64Array.from(a), shape, grad);

/** The fixture's block, built from our layers with its weights. */
function blockOf(c: Case) {
  const bn = (g: number[], b: number[]) => {
    const layer = new BatchNorm(c.dOut);
    layer.gamma.data.set(g);
    layer.beta.data.set(b);
    return layer;
  };
  const lin1 = new Linear(t(c.W1, [c.dIn, c.dOut]), t(c.b1, [c.dOut]));
  const lin2 = new Linear(t(c.W2, [c.dOut, c.dOut]), t(c.b2, [c.dOut]));
  const bn1 = bn(c.gamma1, c.beta1), bn2 = bn(c.gamma2, c.beta2);
  const f = new Sequential([lin1, bn1, new Act('relu'), lin2, bn2]);
  let shortcut: Identity | Projection = new Identity();
  if (c.projection) {
    const p = new Projection(c.dIn, c.dOut, createRng(1));
    p.Ws.data.set(c.Ws);
    p.bn.gamma.data.set(c.gammaS);
    p.bn.beta.data.set(c.betaS);
    shortcut = p;
  }
  return { block: new Block(f, shortcut), lin1, lin2, bn1, bn2,
    shortcut };
}

function runCase(c: Case) {
  const b = blockOf(c);
  const x = t(c.x, [c.n, c.dIn]);
  const y = b.block.forward(x);
  y.mul(t(c.G, [c.n, c.dOut], false)).sum().backward();
  return { ...b, x, y };
}

function tinyData(n: number, seed: number) {
  const rng = createRng(seed);
  const X = new Matrix(n, 6, rng.normalArray(n * 6));
  const y = Int32Array.from({ length: n }, (_, i) =>
    (X.data[i * 6] + X.data[i * 6 + 1] > 0 ? 1 : 0) +
    (X.data[i * 6 + 2] > 0 ? 2 : 0));
  return { X, y };
}

describe('one block against PyTorch (training mode, float64)', () => {
  /** Output and every gradient of the fixture's case to 1e-10. */
  function agrees(c: Case): void {
      const r = runCase(c);
      assertAllClose(r.y.data, c.y, REF, 'y');
      assertAllClose(r.x.grad as Float64Array, c.gx, REF, 'gx');
      assertAllClose(r.lin1.W.grad as Float64Array, c.gW1, REF, 'gW1');
      assertAllClose(r.lin1.b.grad as Float64Array, c.gb1, REF, 'gb1');
      assertAllClose(r.lin2.W.grad as Float64Array, c.gW2, REF, 'gW2');
      assertAllClose(r.lin2.b.grad as Float64Array, c.gb2, REF, 'gb2');
      assertAllClose(r.bn1.gamma.grad as Float64Array, c.ggamma1, REF);
      assertAllClose(r.bn1.beta.grad as Float64Array, c.gbeta1, REF);
      assertAllClose(r.bn2.gamma.grad as Float64Array, c.ggamma2, REF);
      assertAllClose(r.bn2.beta.grad as Float64Array, c.gbeta2, REF);
      if (c.projection) {
        const p = r.shortcut as Projection;
        assertAllClose(p.Ws.grad as Float64Array, c.gWs, REF, 'gWs');
        assertAllClose(p.bn.gamma.grad as Float64Array, c.ggammaS, REF);
        assertAllClose(p.bn.beta.grad as Float64Array, c.gbetaS, REF);
      }
  }

  it('identity shortcut: output and every gradient to 1e-10', () => {
    agrees(torch.identity as Case);
  });

  it('projection shortcut: output and every gradient to 1e-10', () => {
    agrees(torch.projection as Case);
  });

  it('running statistics after the step match PyTorch to 1e-10', () => {
    for (const name of ['identity', 'projection'] as const) {
      const c = torch[name] as Case;
      const r = runCase(c);
      assertAllClose(r.bn1.runningMean, c.runningMean1, REF);
      assertAllClose(r.bn1.runningVar, c.runningVar1, REF);
      assertAllClose(r.bn2.runningMean, c.runningMean2, REF);
      assertAllClose(r.bn2.runningVar, c.runningVar2, REF);
      if (c.projection) {
        const p = r.shortcut as Projection;
        assertAllClose(p.bn.runningMean, c.runningMeanS, REF);
        assertAllClose(p.bn.runningVar, c.runningVarS, REF);
      }
    }
  });
});

describe('the residual block, Eqs. (res-block) to (res-projection)', () => {
  const x = () => new Tensor(createRng(4).normalArray(40), [8, 5]);

  /** A block whose F ends in γ = β = 0: F(x) = 0 exactly. */
  function zeroF(residual: boolean) {
    const f = residualFunction(5, 5, createRng(2));
    const bn2 = f.layers[4] as BatchNorm;
    bn2.gamma.data.fill(0);
    return new Block(f, residual ? new Identity() : null);
  }

  it('with F = 0 a residual block passes a nonnegative input on ' +
    'unchanged', () => {
    const xin = x().relu(); // what a block receives: a ReLU's output
    const y = zeroF(true).forward(xin);
    expect(Array.from(y.data)).toEqual(Array.from(xin.data));
  });

  it('with F = 0 a plain block outputs zeros: no identity', () => {
    const y = zeroF(false).forward(x().relu());
    expect(y.data.every((v) => v === 0)).toBe(true);
  });

  it('the gradient through a block passes a finite-difference check',
    () => {
      const rng = createRng(6);
      const f = residualFunction(3, 4, rng);
      const block = new Block(f, new Projection(3, 4, rng));
      const G = rng.normalArray(20);
      const loss = (v: Float64Array) => {
        const xin = new Tensor(v, [5, 3], true);
        const out = block.forward(xin).mul(new Tensor(G, [5, 4])).sum();
        return { xin, out };
      };
      const fval = (v: Float64Array) => loss(v).out.data[0];
      const grad = (v: Float64Array) => {
        const { xin, out } = loss(v);
        out.backward();
        return xin.grad as Float64Array;
      };
      const v = rng.normalArray(15);
      expect(gradientCheck(fval, grad, v).ok).toBe(true);
    });

  it('ZeroPad: [x, 0], and its gradient is the first d_in columns', () => {
    const xin = new Tensor([1, -2, 3, 4, 5, -6], [2, 3], true);
    const y = new ZeroPad(3, 5).forward(xin);
    expect(Array.from(y.data)).toEqual([1, -2, 3, 0, 0, 4, 5, -6, 0, 0]);
    y.mul(new Tensor(Float64Array.from({ length: 10 }, (_, i) => i + 1),
      [2, 5])).sum().backward();
    expect(Array.from(xin.grad as Float64Array)).toEqual([1, 2, 3, 6, 7,
      8]);
  });

  it('ZeroPad and Identity have no parameters; Projection has ' +
    'd_in·d_out and its batch norm 2·d_out', () => {
    expect(new Identity().parameters()).toEqual([]);
    expect(new ZeroPad(3, 5).parameters()).toEqual([]);
    expect(new Projection(3, 5, createRng(1)).parameters()
      .map((p) => p.size)).toEqual([15, 5, 5]);
  });

  it('Block.train reaches the batch norms of F', () => {
    const b = zeroF(true);
    b.train(false);
    const bns = b.f.layers.filter((l) => l instanceof BatchNorm);
    expect(bns.length).toBe(2);
    expect(bns.every((l) => !(l as BatchNorm).training)).toBe(true);
  });
});

describe('networks and shortcut options', () => {
  const o = (blocks: number, residual: boolean, option?: 'A' | 'B' | 'C') =>
    ({ input: 6, classes: 4, widths: [4, 6, 8], blocks, residual, option });

  it('netDepth = 6m + 2 = the number of Linear layers of stackNet', () => {
    for (const m of [1, 3]) {
      const net = stackNet(o(m, true), createRng(1));
      const linears = net.layers.filter((l) => l instanceof Linear)
        .length + 2 * net.layers.filter((l) => l instanceof Block).length;
      expect(netDepth({ widths: [4, 6, 8], blocks: m })).toBe(6 * m + 2);
      expect(linears).toBe(6 * m + 2);
    }
  });

  it('option A adds no parameter to the plain network; B adds the ' +
    'projections where the width grows; C one in every block', () => {
    const count = (r: boolean, opt?: 'A' | 'B' | 'C') =>
      parameterCount(stackNet(o(2, r, opt), createRng(1)));
    const plain = count(false);
    expect(count(true, 'A')).toBe(plain);
    expect(count(true)).toBe(plain); // A is the default
    // a projection d_in → d_out: d_in·d_out weights, 2·d_out for BN_s
    expect(count(true, 'B')).toBe(plain + (4 * 6 + 12) + (6 * 8 + 16));
    // C: the stem's width 4 into the first two blocks, then 4→6, 6→6,
    // 6→8, 8→8
    expect(count(true, 'C')).toBe(plain + 2 * (16 + 8) + (24 + 12) +
      (36 + 12) + (48 + 16) + (64 + 16));
  });

  it('the shortcuts of each option', () => {
    const kinds = (opt: 'A' | 'B' | 'C') => stackNet(o(1, true, opt),
      createRng(1)).layers.filter((l) => l instanceof Block)
      .map((b) => (b as Block).shortcut?.constructor.name);
    expect(kinds('A')).toEqual(['Identity', 'ZeroPad', 'ZeroPad']);
    expect(kinds('B')).toEqual(['Identity', 'Projection', 'Projection']);
    expect(kinds('C')).toEqual(['Projection', 'Projection',
      'Projection']);
    const plain = stackNet(o(1, false), createRng(1)).layers
      .filter((l) => l instanceof Block);
    expect(plain.every((b) => (b as Block).shortcut === null)).toBe(true);
  });
});

describe('gradients through the stack, Eq. (res-gradient)', () => {
  const data = tinyData(32, 3);
  const wide = { input: 6, classes: 4, widths: [16], blocks: 20 };

  it('with F = 0 in every block, the gradient reaches every block ' +
    'output unchanged (the identity term alone)', () => {
    // the last block's output also has a gradient at its zero entries,
    // which its ReLU (derivative 0 at 0) stops: compare the others
    const net = stackNet({ ...wide, residual: true }, createRng(2));
    for (const l of net.layers) {
      if (l instanceof Block) (l.f.layers[4] as BatchNorm).gamma.data
        .fill(0);
    }
    const g = gradientNorms(net, data.X, data.y);
    expect(g.length).toBe(21); // the stem's output and 20 blocks'
    for (const v of g.slice(0, -1)) expect(v).toBeCloseTo(g[0], 12);
  });

  it('at initialization the gradient changes far more across a plain ' +
    'stack than across a residual one', () => {
    const spread = (residual: boolean) => {
      const g = gradientNorms(stackNet({ ...wide, residual },
        createRng(5)), data.X, data.y);
      return Math.abs(Math.log(g[0] / g[g.length - 1]));
    };
    expect(spread(false)).toBeGreaterThan(2 * spread(true));
    expect(spread(false)).toBeGreaterThan(spread(true) + 3);
  });
});

describe('training curves', () => {
  const data = tinyData(64, 7);

  it('trainCurves: the training error falls on a small problem, and ' +
    'every = 4 measures epochs 4, 8 and the last', () => {
    const net = stackNet({ input: 6, classes: 4, widths: [8],
      blocks: 1, residual: true }, createRng(3));
    const h = trainCurves(net, data, data, { epochs: 10, batchSize: 16,
      eta: 0.05, momentum: 0.9, seed: 1, every: 4 });
    expect(h.map((e) => e.epoch)).toEqual([4, 8, 10]);
    expect(h[2].trainError).toBeLessThan(0.2); // chance: 0.75
    expect(h[2].trainError).toBe(h[2].testError); // same data, eval mode
  });

  it('trainCurves leaves the network in training mode', () => {
    const net = stackNet({ input: 6, classes: 4, widths: [4],
      blocks: 1, residual: false }, createRng(3));
    trainCurves(net, data, data, { epochs: 1,
      batchSize: 32, eta: 0.01, momentum: 0, seed: 1 });
    const bn = net.layers[1] as BatchNorm;
    expect(bn.training).toBe(true);
  });
});

describe('exercise: the pre-activation block', () => {
  it('with its last Linear zero it is the identity, negative entries ' +
    'included; the original block clips them', () => {
    const rng = createRng(8);
    const b = new PreActBlock(5, rng);
    const last = b.f.layers[5] as Linear;
    last.W.data.fill(0);
    const xin = new Tensor(rng.normalArray(40), [8, 5]);
    expect(Array.from(b.forward(xin).data)).toEqual(Array.from(xin.data));
    const f = residualFunction(5, 5, rng);
    (f.layers[4] as BatchNorm).gamma.data.fill(0);
    const orig = new Block(f, new Identity()).forward(xin);
    expect(Array.from(orig.data)).toEqual(Array.from(xin.data,
      (v) => Math.max(v, 0)));
    expect(xin.data.some((v) => v < 0)).toBe(true);
  });

  it('its parameters are those of F, and train reaches its batch norms',
    () => {
      const b = new PreActBlock(3, createRng(1));
      expect(b.parameters().length).toBe(8); // 2 × (γ, β, W, b)
      b.train(false);
      expect((b.f.layers[0] as BatchNorm).training).toBe(false);
    });
});

describe('bad input', () => {
  it('blocks and shortcuts reject bad input', () => {
    rejectsBadInput(badInput.blocks);
  });
  it('network builders and experiments reject bad input', () => {
    rejectsBadInput(badInput.networks);
  });
  it('the shared checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  const x = (rows: number, cols: number, seed: number) =>
    new Tensor(createRng(seed).normalArray(rows * cols), [rows, cols]);

  /** Column means and standard deviations (biased) of a [n, d] tensor. */
  function columnStats(t: Tensor) {
    const [n, d] = t.shape;
    const mean = new Float64Array(d), sd = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let s = 0, s2 = 0;
      for (let i = 0; i < n; i++) s += t.data[i * d + j];
      mean[j] = s / n;
      for (let i = 0; i < n; i++) s2 += (t.data[i * d + j] - mean[j]) ** 2;
      sd[j] = Math.sqrt(s2 / n);
    }
    return { mean, sd };
  }

  it('a projection shortcut is BN_s(x W_s): in training mode its ' +
    'columns have batch mean β_s and standard deviation γ_s', () => {
    const p = new Projection(4, 6, createRng(3));
    p.bn.gamma.data.fill(2);
    p.bn.beta.data.fill(0.5);
    const { mean, sd } = columnStats(p.forward(x(50, 4, 9)));
    assertAllClose(mean, new Float64Array(6).fill(0.5),
      { rtol: 0, atol: 1e-12 });
    // ε = 1e-5 in the denominator: sd = 2·sqrt(v / (v + ε))
    assertAllClose(sd, new Float64Array(6).fill(2),
      { rtol: 1e-4, atol: 0 });
  });

  it('Block.train reaches the batch norm of a projection shortcut', () => {
    const p = new Projection(3, 4, createRng(1));
    const b = new Block(residualFunction(3, 4, createRng(2)), p);
    b.train(false);
    expect(p.bn.training).toBe(false);
    b.train(true);
    expect(p.bn.training).toBe(true);
  });

  it('the scale of W_2 does not set the size of F: scaling it by 0.1 ' +
    'or 10 leaves F(x) unchanged (the batch norm divides it out)', () => {
    const xin = x(16, 5, 4);
    const f = residualFunction(5, 5, createRng(5));
    const W2 = (f.layers[3] as Linear).W.data;
    const b2 = (f.layers[3] as Linear).b.data;
    const base = Float64Array.from(f.forward(xin).data);
    const w0 = Float64Array.from(W2), c0 = Float64Array.from(b2);
    for (const k of [0.1, 10]) {
      W2.set(w0.map((v) => k * v));
      b2.set(c0.map((v) => k * v));
      // exact but for ε = 1e-5 in BN's denominator: a column of batch
      // variance v moves by about ε(1/k² − 1)/(2v) relative, 1e-3 for
      // the smallest v here at k = 0.1
      assertAllClose(f.forward(xin).data, base, { rtol: 0, atol: 1e-2 });
    }
    let big = 0;
    for (let i = 0; i < base.length; i++) {
      big = Math.max(big, Math.abs(base[i]));
    }
    expect(big).toBeGreaterThan(0.5); // F is not small
  });

  it('at the usual initialization (γ_2 = 1) each column of F(x) has ' +
    'unit variance over the batch: a new block is not the identity', () => {
    const f = residualFunction(5, 5, createRng(6));
    const { mean, sd } = columnStats(f.forward(x(64, 5, 7).relu()));
    assertAllClose(mean, new Float64Array(5), { rtol: 0, atol: 1e-12 });
    assertAllClose(sd, new Float64Array(5).fill(1),
      { rtol: 1e-3, atol: 0 });
  });

  const data = tinyData(32, 3);
  const wide = { input: 6, classes: 4, widths: [16], blocks: 20,
    residual: true };
  const spread = (g: number[]) => g[0] / g[g.length - 1];

  it('option C has no identity path: with F = 0 in every block the ' +
    'gradient no longer reaches every block output unchanged', () => {
    const net = stackNet({ ...wide, option: 'C' }, createRng(2));
    for (const l of net.layers) {
      if (l instanceof Block) (l.f.layers[4] as BatchNorm).gamma.data
        .fill(0);
    }
    const g = gradientNorms(net, data.X, data.y).slice(0, -1);
    const lo = Math.min(...g), hi = Math.max(...g);
    expect(hi / lo).toBeGreaterThan(1.5); // option A: 1 to 1e-12
  });

  it('at initialization the gradient grows more across an option-C ' +
    'stack than across an option-A one', () => {
    const g = (option: 'A' | 'C') => spread(gradientNorms(stackNet(
      { ...wide, option }, createRng(5)), data.X, data.y));
    expect(g('C')).toBeGreaterThan(1.5 * g('A'));
  });
});

describe('mutation gaps', () => {
  const rng = () => createRng(1);
  const opts = { input: 2, classes: 2, widths: [2, 3], blocks: 1,
    residual: true };
  const f = () => residualFunction(2, 2, createRng(1));
  const fnLayer = Object.assign(() => 0, { forward: () => 0,
    parameters: () => [] }); // a function, not an object

  it('a projection draws W_s from N(0, 1/d_in): the generator\'s ' +
    'normals scaled by 1/√d_in', () => {
    const p = new Projection(4, 6, createRng(3));
    expect(Array.from(p.Ws.data)).toEqual(Array.from(
      createRng(3).normalArray(24, 0, 0.5)));
  });

  it('Block refuses an f that is not a Sequential and a shortcut that ' +
    'is not a layer, by name', () => {
    expect(() => new Block({} as never, null))
      .toThrow('Block: f must be a Sequential');
    for (const s of [3, {}, { forward: () => 0 },
      { parameters: () => [] }, fnLayer]) {
      expect(() => new Block(f(), s as never))
        .toThrow('Block: shortcut must be a layer');
    }
  });

  it('checkLayer and checkRng refuse null, and checkRng a function, ' +
    'with their own message', () => {
    expect(() => checkLayer('caller', 'x', null))
      .toThrow('caller: x must be a layer');
    const fnRng = Object.assign(() => 0, { normalArray: () => 0 });
    for (const r of [null, fnRng]) { // a function is not a generator
      expect(() => checkRng('caller', r))
        .toThrow('caller: rng must be a generator from createRng');
    }
  });

  it('every builder that takes a generator refuses a non-generator, ' +
    'naming itself', () => {
    const msg = (fn: string) => `${fn}: rng must be a generator from ` +
      'createRng';
    for (const bad of [null, 3, {}]) {
      expect(() => residualFunction(2, 3, bad as never))
        .toThrow(msg('residualFunction'));
      expect(() => new Projection(2, 3, bad as never))
        .toThrow(msg('Projection'));
      expect(() => new PreActBlock(2, bad as never))
        .toThrow(msg('PreActBlock'));
      expect(() => stackNet(opts, bad as never)).toThrow(msg('stackNet'));
    }
  });

  it('integer checks give the name, the bound and the value', () => {
    expect(() => checkInt('caller', 'k', 0))
      .toThrow('caller: k must be an integer >= 1, got 0');
    for (const k of ['input', 'classes', 'blocks'] as const) {
      expect(() => stackNet({ ...opts, [k]: 0 }, rng()))
        .toThrow(`stackNet: ${k} must be an integer >= 1, got 0`);
    }
    expect(() => stackNet({ ...opts, widths: [2, 0] }, rng()))
      .toThrow('stackNet: widths must be an integer >= 1, got 0');
  });

  it('stackNet refuses options that are not an object, decreasing ' +
    'widths and an unknown option; equal widths are fine', () => {
    for (const bad of [null, 3]) {
      expect(() => stackNet(bad as never, rng()))
        .toThrow('stackNet: options must be an object');
    }
    expect(() => stackNet({ ...opts, widths: [3, 2] }, rng()))
      .toThrow('stackNet: widths must not decrease, got 3, 2');
    expect(() => stackNet({ ...opts, option: 'D' as never }, rng()))
      .toThrow("stackNet: option must be 'A', 'B' or 'C', got D");
    expect(netDepth({ widths: [3, 3], blocks: 1 })).toBe(6);
    expect(() => netDepth({ widths: [], blocks: 1 }))
      .toThrow('netDepth: widths must be a non-empty array');
    expect(stackNet({ ...opts, widths: [3, 3] }, rng()).layers.length)
      .toBe(6);
  });

  it('gradientNorms refuses a model that is not a Sequential, X that ' +
    'is not a matrix and labels that do not match it', () => {
    const X = new Matrix(4, 2, Float64Array.of(1, 0, 0, 1, 1, 1, 0, 0));
    const y = Int32Array.of(0, 1, 1, 0);
    const net = stackNet({ ...opts, widths: [2] }, rng());
    expect(() => gradientNorms({} as never, X, y))
      .toThrow('gradientNorms: model must be a Sequential');
    const rowsFn = Object.assign(() => 0, { rows: 4 });
    for (const [x, labels] of [[null, y], [3, y], [rowsFn, y],
      [X, [0, 1, 1, 0]], [X, Int32Array.of(0, 1, 1)]]) {
      expect(() => gradientNorms(net, x as never, labels as never))
        .toThrow('gradientNorms: X must be a Matrix and y an Int32Array ' +
          'of X.rows labels');
    }
  });

  it('trainCurves refuses a model that is not a Sequential and bad ' +
    'options, naming each', () => {
    const net = stackNet({ ...opts, widths: [2] }, rng());
    const d = { X: new Matrix(2, 2, Float64Array.of(1, 0, 0, 1)),
      y: Int32Array.of(0, 1) };
    const o = { epochs: 1, batchSize: 2, eta: 0.1, momentum: 0.9,
      seed: 1, every: 1 };
    expect(() => trainCurves({} as never, d, d, o))
      .toThrow('trainCurves: model must be a Sequential');
    for (const bad of [null, 3]) {
      expect(() => trainCurves(net, d, d, bad as never))
        .toThrow('trainCurves: options must be an object');
    }
    for (const [k, v, min] of [['epochs', 0, 1], ['batchSize', 0, 1],
      ['seed', -1, 0], ['every', 0, 1]] as const) {
      expect(() => trainCurves(net, d, d, { ...o, [k]: v }))
        .toThrow(`trainCurves: ${k} must be an integer >= ${min}, ` +
          `got ${v}`);
    }
    expect(() => trainCurves(net, d, d, { ...o, momentum: 1 }))
      .toThrow('trainCurves: momentum must be in [0, 1), got 1');
  });

  it('trainCurves reports the training-mode error during each epoch ' +
    'as 1 − accuracy, in [0, 1]', () => {
    const data = tinyData(64, 7);
    const net = stackNet({ input: 6, classes: 4, widths: [8],
      blocks: 1, residual: true }, createRng(3));
    const h = trainCurves(net, data, data, { epochs: 10, batchSize: 16,
      eta: 0.05, momentum: 0.9, seed: 1, every: 4 });
    for (const e of h) {
      expect(e.trainModeError).toBeGreaterThanOrEqual(0);
      expect(e.trainModeError).toBeLessThanOrEqual(1);
    }
    expect(h[2].trainModeError).toBeLessThan(0.5); // trained
  });
});
