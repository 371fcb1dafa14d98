// Tests for the neural-optimizers chapter. Each `it` is one claim of the
// chapter; equation labels refer to
// chapters/neural-networks/neural-optimizers.mdx. PyTorch values come
// from tests/fixtures/neural-optimizers/torch.json, written by
// scripts/reference/neural_optimizers.py (float64 on both sides).
import { describe, expect, it } from 'vitest';
import { assertAllClose } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, Linear } from '../code/multilayer-perceptron/layers.ts';
import { Sequential, mlp } from '../code/multilayer-perceptron/mlp.ts';
import {
  type StepRule, batchOf, evaluate, fit, trainStep,
} from '../code/multilayer-perceptron/train.ts';
import {
  adagrad, adam, adamw, makeRule, rmsprop, sgd,
} from '../code/neural-optimizers/optimizers.ts';
import {
  cosine, stepDecay,
} from '../code/gradient-descent/schedules.ts';
import {
  warmupCosine, withSchedule,
} from '../code/neural-optimizers/schedules.ts';
import { clipGradNorm, withClipping } from '../code/neural-optimizers/clip.ts';
import { path, quadratic, rosenbrock } from '../code/neural-optimizers/paths.ts';
import { decayRun } from '../code/neural-optimizers/decay.ts';
import { amsgrad } from '../code/neural-optimizers/solutions/amsgrad.ts';
import {
  sutskeverNesterov,
} from '../code/neural-optimizers/solutions/sutskever.ts';
import { reddiRun } from '../code/neural-optimizers/solutions/reddi.ts';
import {
  checkFlag, checkOptions, checkParamList,
} from '../code/neural-optimizers/checks.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/neural-optimizers.ts';
import { fixture } from './helpers.ts';

const ref = fixture('neural-optimizers', 'torch.json');
const TOL = { atol: 1e-12, rtol: 0 };

/** The fixture's 4-6-3 tanh network, trained 50 steps by rule. */
function trainLikeTorch(rule: StepRule, eta: number): Sequential {
  const lin = ref.init.map((p: { W: number[][]; b: number[] }, l: number) =>
    new Linear(new Tensor(p.W.flat(), [ref.sizes[l], ref.sizes[l + 1]],
      true), new Tensor(p.b, [ref.sizes[l + 1]], true)));
  const model = new Sequential([lin[0], new Act('tanh'), lin[1]]);
  const X = new Matrix(40, 4, Float64Array.from(ref.X.flat()));
  const y = Int32Array.from(ref.y);
  for (const idx of ref.batches) {
    const { xb, yb } = batchOf(X, y, idx);
    trainStep(model, xb, yb, eta, rule);
  }
  return model;
}

function expectTorch(name: string, rule: StepRule): void {
  const c = ref.optimizers[name];
  const model = trainLikeTorch(rule, c.lr);
  const got = model.parameters().map((p) => Array.from(p.data));
  const want = c.final.flatMap((l: { W: number[][]; b: number[] }) =>
    [l.W.flat(), l.b]);
  got.forEach((g, k) => assertAllClose(g, want[k], TOL, `${name}[${k}]`));
}

describe('against torch.optim: parameters after 50 steps, to 1e-12', () => {
  it('SGD with momentum 0.9', () => {
    expectTorch('momentum', sgd({ momentum: 0.9 }));
  });
  it('SGD with momentum, dampening 0.5 and weight decay 0.01', () => {
    expectTorch('dampened', sgd({ momentum: 0.9, dampening: 0.5,
      weightDecay: 0.01 }));
  });
  it('SGD with Nesterov momentum', () => {
    expectTorch('nesterov', sgd({ momentum: 0.9, nesterov: true }));
  });
  it('AdaGrad', () => {
    expectTorch('adagrad', adagrad());
  });
  it('RMSProp', () => {
    expectTorch('rmsprop', rmsprop());
  });
  it('RMSProp, centered, with momentum 0.5', () => {
    expectTorch('rmspropCentered', rmsprop({ centered: true,
      momentum: 0.5 }));
  });
  it('Adam', () => {
    expectTorch('adam', adam());
  });
  it('Adam with weight_decay 0.1 (L2 in the gradient)', () => {
    expectTorch('adamL2', adam({ weightDecay: 0.1 }));
  });
  it('AdamW with weight_decay 0.1', () => {
    expectTorch('adamw', adamw({ weightDecay: 0.1 }));
  });
  it('AMSGrad (exercise solution) as Adam(amsgrad=True)', () => {
    expectTorch('amsgrad', amsgrad());
  });
  it('Adam with global-norm clipping and a cosine schedule', () => {
    const c = ref.optimizers.adamClipCosine;
    expectTorch('adamClipCosine', withSchedule(
      withClipping(adam(), c.maxNorm), cosine(1, c.T)));
  });
});

describe('schedules against torch.optim.lr_scheduler, to 1e-12', () => {
  const eta = ref.schedules.eta;
  /** η × factor(k) for the first n steps, as withSchedule hands out. */
  const rates = (factor: (k: number) => number, n = 60) =>
    Array.from({ length: n }, (_, k) => eta * factor(k));
  it('stepDecay (η₀ = 1) per step equals StepLR', () => {
    const s = ref.schedules.step;
    assertAllClose(rates(stepDecay(1, s.gamma, s.stepSize)), s.lr, TOL);
  });
  it('cosine (η₀ = 1) per step equals CosineAnnealingLR up to T', () => {
    const s = ref.schedules.cosine;
    assertAllClose(rates(cosine(1, s.T, s.etaMin / eta), s.T + 1),
      s.lr.slice(0, s.T + 1), TOL);
  });
  it('past T, torch\'s cosine rises again; the book\'s stays at etaMin',
    () => {
      const s = ref.schedules.cosine;
      expect(s.lr[s.T + 5]).toBeGreaterThan(s.etaMin * 1.001);
      expect(cosine(1, s.T, s.etaMin / eta)(s.T + 5) * eta)
        .toBeCloseTo(s.etaMin, 14);
    });
  it('warmupCosine equals SequentialLR(LinearLR, CosineAnnealingLR)',
    () => {
      const s = ref.schedules.warmupCosine;
      assertAllClose(rates(warmupCosine(s.w, s.T, s.start, s.etaMin),
        s.T + 1), s.lr.slice(0, s.T + 1), TOL);
    });
  it('withSchedule hands the inner rule η × factor(k) at step k', () => {
    const seen: number[] = [];
    const rule = withSchedule((_p, e) => { seen.push(e); },
      stepDecay(1, 0.5, 2));
    const p = [new Tensor([1], [1], true)];
    for (let k = 0; k < 5; k++) rule(p, 0.8);
    expect(seen).toEqual([0.8, 0.8, 0.4, 0.4, 0.2]);
  });
});

describe('clipping against clip_grad_norm_', () => {
  const params = () => ref.clipping.grads.map((g: number[], k: number) => {
    const p = new Tensor(new Float64Array(g.length),
      ref.clipping.shapes[k], true);
    p.grad = Float64Array.from(g);
    return p;
  });
  it('above max_norm: same total norm and clipped grads, 1e-12', () => {
    const c = ref.clipping.above;
    const ps = params();
    expect(clipGradNorm(ps, c.maxNorm)).toBeCloseTo(c.total, 12);
    ps.forEach((p: Tensor, k: number) =>
      assertAllClose(p.grad as Float64Array, c.clipped[k], TOL));
  });
  it('below max_norm: the gradients are left exactly as they were', () => {
    const c = ref.clipping.below;
    const ps = params();
    expect(clipGradNorm(ps, c.maxNorm)).toBeCloseTo(c.total, 12);
    ps.forEach((p: Tensor, k: number) =>
      expect(Array.from(p.grad as Float64Array)).toEqual(
        ref.clipping.grads[k]));
  });
  it('global clipping keeps the direction; per-tensor clipping does not',
    () => {
      const global = params();
      clipGradNorm(global, 1);
      const each = params();
      for (const p of each) clipGradNorm([p], 1 / Math.sqrt(3));
      const flat = (ps: Tensor[]) => ps.flatMap((p) =>
        Array.from(p.grad as Float64Array));
      const g0 = ref.clipping.grads.flat();
      const cos = (a: number[]) => dot(a, g0) /
        Math.sqrt(dot(a, a) * dot(g0, g0));
      expect(cos(flat(global))).toBeCloseTo(1, 12);
      expect(cos(flat(each))).toBeLessThan(0.99);
    });
});

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

describe('the step-rule contract', () => {
  it('state is keyed by the tensor and each tensor counts its steps',
    () => {
      const a = new Tensor([1, 2], [2], true);
      const b = new Tensor([3], [1], true);
      const opt = adam();
      a.grad = Float64Array.of(1, 1);
      b.grad = Float64Array.of(1);
      opt([a, b], 0.1);
      b.grad = null;
      opt([b, a], 0.1); // order changed, b without a gradient
      expect(opt.steps).toBe(2);
      expect(opt.state.get(a)?.t).toBe(2);
      expect(opt.state.get(b)?.t).toBe(1);
    });
  it('a parameter without a gradient is skipped, as torch does', () => {
    const a = new Tensor([1, 2], [2], true);
    const opt = sgd({ momentum: 0.9 });
    opt([a], 0.1);
    expect(Array.from(a.data)).toEqual([1, 2]);
    expect(opt.state.has(a)).toBe(false);
  });
  it('a tensor listed twice (shared weights) steps once', () => {
    const a = new Tensor([1], [1], true);
    a.grad = Float64Array.of(2);
    adagrad()([a, a], 0.5);
    // once: 1 − 0.5·2/(√4 + ε) = 0.5; twice would give 0.5 − 0.5/√8
    expect(a.data[0]).toBeCloseTo(0.5, 9);
  });
  it('fit trains with an optimizer unchanged (Adam lowers the loss)',
    () => {
      const rng = createRng(5);
      const X = new Matrix(60, 2, rng.normalArray(120, 0, 1));
      const y = Int32Array.from({ length: 60 }, (_, i) =>
        X.data[2 * i] + X.data[2 * i + 1] > 0 ? 1 : 0);
      const model = mlp([2, 8, 2], 'tanh', createRng(6));
      const before = evaluate(model, X, y).loss;
      fit(model, X, y, { epochs: 5, batchSize: 10, eta: 0.05, seed: 1,
        step: adam() });
      expect(evaluate(model, X, y).loss).toBeLessThan(before / 2);
    });
});

describe('claims of the derivation', () => {
  it('momentum (dampening 0) is Polyak\'s heavy ball, Eq. (opt-heavy-ball)',
    () => {
      const q = quadratic(10);
      const ours = path(q, sgd({ momentum: 0.8 }), [1, 1], 0.05, 30);
      let prev = [1, 1], x = [1, 1];
      for (let k = 1; k <= 30; k++) {
        const g = q.grad(x[0], x[1]);
        const next = x.map((v, i) => v - 0.05 * g[i] + 0.8 * (v - prev[i]));
        prev = x; x = next;
        assertAllClose(ours[k], x, { atol: 1e-13, rtol: 0 });
      }
    });
  it('PyTorch\'s Nesterov iterates are Sutskever\'s look-ahead points',
    () => {
      const q = quadratic(10);
      const ours = path(q, sgd({ momentum: 0.8, nesterov: true }), [1, 1],
        0.05, 30);
      const theirs = sutskeverNesterov((x) => Float64Array.from(
        q.grad(x[0], x[1])), [1, 1], 0.05, 0.8, 30);
      ours.forEach((p, k) =>
        assertAllClose(p, theirs[k], { atol: 1e-13, rtol: 0 }));
    });
  it('Adam\'s first step has length η per coordinate, whatever |g|', () => {
    const p = new Tensor([0, 0, 0], [3], true);
    p.grad = Float64Array.of(1e-3, -5, 200);
    adam()([p], 0.01);
    assertAllClose(p.data, [-0.01, 0.01, -0.01], { atol: 1e-7, rtol: 0 });
  });
  it('AdaGrad\'s first step is η sign(g) and its steps then shrink', () => {
    const xs = path(quadratic(1), adagrad(), [1, 0], 0.1, 3)
      .map((p) => p[0]);
    expect(xs[1]).toBeCloseTo(0.9, 9);
    expect(xs[1] - xs[2]).toBeLessThan(xs[0] - xs[1]);
  });
  it('Adam with L2 decays a small-gradient weight far more; AdamW ' +
    'decays both alike', () => {
    const l2 = decayRun(adam({ weightDecay: 0.1 }), [1, 0.01], 0.01, 300);
    const w = decayRun(adamw({ weightDecay: 0.1 }), [1, 0.01], 0.01, 300);
    expect(l2[1]).toBeLessThan(0.01 * l2[0]);
    expect(Math.abs(w[0] - w[1])).toBeLessThan(1e-6);
    expect(w[0]).toBeCloseTo(0.7537, 3);
  });
  it('Rosenbrock\'s gradient is zero at (1, 1) and matches Eq. ' +
    '(opt-rosenbrock) by central differences', () => {
    assertAllClose(rosenbrock.grad(1, 1), [0, 0], { atol: 0, rtol: 0 });
    const h = 1e-6, [x, y] = [-0.7, 0.4];
    const fx = (rosenbrock.f(x + h, y) - rosenbrock.f(x - h, y)) / (2 * h);
    const fy = (rosenbrock.f(x, y + h) - rosenbrock.f(x, y - h)) / (2 * h);
    assertAllClose(rosenbrock.grad(x, y), [fx, fy], { rtol: 1e-7 });
  });
  it('nesterov without momentum is refused, as torch refuses it', () => {
    expect(() => sgd({ nesterov: true })).toThrow(/^sgd: nesterov/);
  });
});

describe('exercise solutions', () => {
  const C = 3, b2 = 1 / (1 + C * C);
  it('Reddi et al.\'s problem: Adam (β₁ = 0) ends at x = +1, the worst ' +
    'point', () => {
    const r = reddiRun(adam({ beta1: 0, beta2: b2 }), C, 0.5, 3000);
    expect(r.last).toBe(1);
    expect(r.mean).toBeGreaterThan(0.95);
  });
  it('AMSGrad on the same problem goes to the optimum x = −1', () => {
    const r = reddiRun(amsgrad(0, b2), C, 0.5, 3000);
    expect(r.last).toBeLessThan(-0.99);
  });
});

describe('bad input', () => {
  it('optimizers and schedules', () => {
    rejectsBadInput(badInput.optimizers);
  });
  it('clipping, paths and solutions', () => {
    rejectsBadInput(badInput.tools);
  });
  it('the shared checks name the caller', () => {
    rejectsBadInput(badInput.checks);
  });
  it('checkFlag and checkOptions refuse non-booleans and non-objects',
    () => {
      expect(() => checkFlag('f', 'nesterov', 1)).toThrow(/^f: nesterov/);
      expect(() => checkOptions('f', 3)).toThrow(/^f: options/);
      expect(() => sgd({ nesterov: 'yes' as unknown as boolean }))
        .toThrow(/^sgd: nesterov must be true or false/);
    });
});

describe('review', () => {
  it('uncorrected, the first step would be (1−β₁)/√(1−β₂) = 3.16 times ' +
    'longer; with only m corrected, 31.6 times (Exercise 2)', () => {
    const p = new Tensor([0, 0], [2], true);
    p.grad = Float64Array.of(-0.02, 7);
    const opt = adam();
    opt([p], 0.01);
    const [m, v] = (opt.state.get(p) as { buf: Float64Array[] }).buf;
    for (let i = 0; i < 2; i++) {
      const sign = Math.sign(p.grad[i]);
      expect(m[i] / Math.sqrt(v[i])).toBeCloseTo(3.1623 * sign, 4);
      expect(m[i] / 0.1 / Math.sqrt(v[i])).toBeCloseTo(31.623 * sign, 3);
    }
  });
  it('Adam\'s step is not capped at η: after 3000 gradients of 1e-3 a ' +
    'gradient of 1 moves the weight by more than 3η, and no more than ' +
    'Kingma & Ba\'s bound (1−β₁)/√(1−β₂) η', () => {
    const p = new Tensor([0], [1], true);
    const opt = adam();
    for (let t = 0; t < 3000; t++) {
      p.grad = Float64Array.of(1e-3);
      opt([p], 0.01);
    }
    const before = p.data[0];
    p.grad = Float64Array.of(1);
    opt([p], 0.01);
    const step = (before - p.data[0]) / 0.01;
    expect(step).toBeGreaterThan(3);
    expect(step).toBeLessThanOrEqual(0.1 / Math.sqrt(0.001));
  });
  it('L2 in Adam hardly decays a weight with large gradients (σ = 10), ' +
    'which AdamW decays to (1−ηλ)^T and the noise steps', () => {
    const l2 = decayRun(adam({ weightDecay: 0.1 }), [10, 0.01], 0.01, 300);
    const w = decayRun(adamw({ weightDecay: 0.1 }), [10, 0.01], 0.01, 300);
    expect(l2[0]).toBeGreaterThan(0.95);
    expect(w[0]).toBeLessThan(0.76);
    expect(l2[1]).toBeLessThan(1e-3); // the quiet weight driven to 0
    // the L2 shrinkage is about ηλθ/σ₁ per step: within the noise
    // steps' 2 % of (1 − ηλ/σ₁)^T
    expect(Math.abs(l2[0] / (1 - 0.01 * 0.1 / 10) ** 300 - 1))
      .toBeLessThan(0.02);
  });
  it('with σ₁ = 1 the L2 row agrees with AdamW only by a coincidence ' +
    'of units (to 1e-3)', () => {
    const l2 = decayRun(adam({ weightDecay: 0.1 }), [1], 0.01, 300);
    const w = decayRun(adamw({ weightDecay: 0.1 }), [1], 0.01, 300);
    expect(Math.abs(l2[0] - w[0])).toBeLessThan(1e-3);
    const l2b = decayRun(adam({ weightDecay: 0.1 }), [0.5], 0.01, 300);
    expect(Math.abs(l2b[0] - w[0])).toBeGreaterThan(0.1);
  });
  it('dampening τ is the rate (1−τ)η except for the first gradient, ' +
    'which keeps the weight μ^(t−1) in every buffer', () => {
    const mu = 0.9, tau = 0.5;
    const a = new Tensor([0, 0], [2], true);
    const b = new Tensor([0, 0], [2], true);
    const damped = sgd({ momentum: mu, dampening: tau });
    const plain = sgd({ momentum: mu });
    const rng = createRng(3);
    let g1: Float64Array | null = null;
    for (let t = 1; t <= 12; t++) {
      const g = rng.normalArray(2, 0, 1);
      g1 ??= Float64Array.from(g);
      a.grad = Float64Array.from(g);
      b.grad = Float64Array.from(g);
      damped([a], 0.1);
      plain([b], 0.1);
      const ua = (damped.state.get(a) as { buf: Float64Array[] }).buf[0];
      const ub = (plain.state.get(b) as { buf: Float64Array[] }).buf[0];
      const want = Array.from(ub, (u, i) =>
        (1 - tau) * u + tau * mu ** (t - 1) * (g1 as Float64Array)[i]);
      assertAllClose(ua, want, { atol: 1e-13, rtol: 0 });
    }
  });
  it('Exercise 5: clipping (100) and (1) each to length 1 turns the ' +
    'gradient by almost 45°; global clipping turns it by 0°', () => {
    const angle = (ps: Tensor[]) => Math.atan2(
      (ps[1].grad as Float64Array)[0], (ps[0].grad as Float64Array)[0]);
    const make = () => [100, 1].map((g) => {
      const p = new Tensor([0], [1], true);
      p.grad = Float64Array.of(g);
      return p;
    });
    const each = make();
    for (const p of each) clipGradNorm([p], Math.SQRT2 / Math.SQRT2);
    const global = make();
    clipGradNorm(global, Math.SQRT2);
    const turn = (angle(each) - Math.atan2(1, 100)) * 180 / Math.PI;
    expect(turn).toBeGreaterThan(44);
    expect(turn).toBeLessThan(45);
    expect(angle(global)).toBeCloseTo(Math.atan2(1, 100), 14);
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
  const bad = <T>(x: unknown) => x as T;
  const tracked = (data: number[], grad: number[] | null) => {
    const p = new Tensor(data, [data.length], true);
    p.grad = grad === null ? null : Float64Array.from(grad);
    return p;
  };
  it('a step rule refuses params that are not all Tensors with ' +
    'requiresGrad, and names itself', () => {
    const ok = tracked([1], [1]);
    const want = (fn: string) =>
      `${fn}: params must be an array of Tensors with requiresGrad`;
    expect(message(() => sgd()(bad<Tensor[]>(3), 0.1))).toBe(want('sgd'));
    expect(message(() => sgd()([ok, new Tensor([1], [1])], 0.1)))
      .toBe(want('sgd'));
    expect(message(() => sgd()(bad<Tensor[]>([{ requiresGrad: true }]),
      0.1))).toBe(want('sgd'));
    expect(message(() => clipGradNorm([new Tensor([1], [1])], 1)))
      .toBe(want('clipGradNorm'));
    expect(message(() => checkParamList('f', [ok]))).toBe('no error');
  });
  it('wrapped rules check eta under their own names', () => {
    const p = [tracked([1], [1])];
    expect(message(() => withClipping(sgd(), 1)(p, 0))).toBe(
      'withClipping: eta must be a finite number > 0, got 0');
    expect(message(() => withSchedule(sgd(), cosine(1, 5))(p, -1))).toBe(
      'withSchedule: eta must be a finite number > 0, got -1');
  });
  it('options may be left undefined (the defaults); null or a number ' +
    'is refused by name', () => {
    expect(message(() => checkOptions('f', undefined))).toBe('no error');
    expect(message(() => checkOptions('f', null)))
      .toBe('f: options must be an object');
    for (const [f, name] of [[sgd, 'sgd'], [adagrad, 'adagrad'],
      [rmsprop, 'rmsprop'], [adam, 'adam']] as const) {
      expect(message(() => f(bad(3)))).toBe(`${name}: options must be ` +
        'an object');
    }
  });
  it('sgd names the option it refuses', () => {
    expect(message(() => sgd({ momentum: 1 })))
      .toBe('sgd: momentum must be < 1, got 1');
    expect(message(() => sgd({ dampening: 1.5 })))
      .toBe('sgd: dampening must be in [0, 1], got 1.5');
    expect(message(() => sgd({ weightDecay: -1 })))
      .toBe('sgd: weightDecay must be >= 0, got -1');
    expect(message(() => sgd({ momentum: 0.9, dampening: 0.5,
      nesterov: true }))).toBe('sgd: nesterov needs momentum > 0 and ' +
      'dampening 0 (as torch.optim.SGD)');
  });
  it('adagrad, rmsprop and adam name the option they refuse', () => {
    expect(message(() => adagrad({ eps: 0 })))
      .toBe('adagrad: eps must be > 0, got 0');
    expect(message(() => rmsprop({ alpha: 1 })))
      .toBe('rmsprop: alpha must be < 1, got 1');
    expect(message(() => rmsprop({ eps: -1 })))
      .toBe('rmsprop: eps must be > 0, got -1');
    expect(message(() => rmsprop({ momentum: -0.5 })))
      .toBe('rmsprop: momentum must be in [0, 1], got -0.5');
    expect(message(() => rmsprop({ centered: bad('yes') })))
      .toBe('rmsprop: centered must be true or false');
    expect(message(() => adam({ beta1: 1 })))
      .toBe('adam: beta1 must be < 1, got 1');
    expect(message(() => adam({ beta2: 2 })))
      .toBe('adam: beta2 must be in [0, 1], got 2');
    expect(message(() => adam({ eps: 0 })))
      .toBe('adam: eps must be > 0, got 0');
    expect(message(() => adamw({ weightDecay: -0.1 })))
      .toBe('adamw: weightDecay must be >= 0, got -0.1');
  });
  it('makeRule needs a non-empty string for a name', () => {
    const msg = 'makeRule: name must be a non-empty string';
    expect(message(() => makeRule('', 0, () => {}))).toBe(msg);
    expect(message(() => makeRule(bad(3), 0, () => {}))).toBe(msg);
  });
  it('each optimizer keeps one buffer per state vector of its ' +
    'equations: SGD 1, AdaGrad 1, Adam 2, RMSProp 3', () => {
    const count = (opt: ReturnType<typeof sgd>) => {
      const p = tracked([1, 2], [0.5, -1]);
      opt([p], 0.1);
      return opt.state.get(p)?.buf.length;
    };
    expect([count(sgd({ momentum: 0.9 })), count(adagrad()), count(adam()),
      count(rmsprop())]).toEqual([1, 1, 2, 3]);
  });
  it('without momentum SGD ignores dampening, as torch does', () => {
    const p = tracked([1, 2], [0.5, -1]);
    const opt = sgd({ dampening: 0.5 });
    opt([p], 0.1);
    p.grad = Float64Array.of(2, 4);
    opt([p], 0.1);
    expect(Array.from(p.data)).toEqual([1 - 0.1 * 0.5 - 0.1 * 2,
      2 + 0.1 * 1 - 0.1 * 4]);
  });
  it('centered RMSProp\'s second buffer is the running mean of g; ' +
    'without momentum the third stays 0', () => {
    const p = tracked([1], [2]);
    const opt = rmsprop({ alpha: 0.5, centered: true });
    opt([p], 0.1);
    p.grad = Float64Array.of(-6);
    opt([p], 0.1);
    const [v, gbar, b] = (opt.state.get(p) as { buf: Float64Array[] }).buf;
    expect(v[0]).toBe(0.5 * 0.5 * 4 + 0.5 * 36); // 19
    expect(gbar[0]).toBe(0.5 * 0.5 * 2 + 0.5 * -6); // −2.5
    expect(b[0]).toBe(0);
  });
  it('a parameter without a gradient is not counted in the global ' +
    'norm, as clip_grad_norm_', () => {
    const a = tracked([0, 0], [3, 4]);
    const b = tracked([0], null);
    expect(clipGradNorm([a, b], 10)).toBe(5);
    expect(b.grad).toBe(null);
  });
  it('decayRun, reddiRun and path name a rule that is not a function',
    () => {
      expect(message(() => decayRun(bad(3), [1], 0.1, 2)))
        .toBe('decayRun: rule must be a function, got number');
      expect(message(() => reddiRun(bad(3), 3, 0.5, 2)))
        .toBe('reddiRun: rule must be a function, got number');
      expect(message(() => reddiRun(sgd(), 3, 0.5, 0)))
        .toBe('reddiRun: T must be an integer >= 1, got 0');
    });
  it('quadratic(κ, a): curvature 1 along (cos a, sin a) and κ across',
    () => {
      const a = Math.PI / 6, k = 10, c = Math.cos(a), s = Math.sin(a);
      const q = quadratic(k, a);
      // the point u = 1, v = 2 in the turned axes
      const [x, y] = [c - 2 * s, s + 2 * c];
      expect(q.f(x, y)).toBeCloseTo((1 + k * 4) / 2, 12);
      // ∇f = H (x, y) = 1·u (c, s) + κ·v (−s, c)
      assertAllClose(q.grad(x, y), [c - 2 * k * s, s + 2 * k * c],
        { atol: 1e-12, rtol: 0 });
      expect(message(() => quadratic(k, NaN)))
        .toBe('quadratic: a must be a finite number, got NaN');
    });
  it('path refuses a surface without grad and a start of length 3',
    () => {
      expect(message(() => path(bad(null), sgd(), [1, 1], 0.1, 1)))
        .toBe('path: s must be a surface (f, grad)');
      expect(message(() => path(quadratic(1), sgd(), [1, 1, 1], 0.1, 1)))
        .toBe('path: start must be a point (x, y), got length 3');
    });
  it('warmupCosine names w, T and etaMin when it refuses them', () => {
    expect(message(() => warmupCosine(0, 10)))
      .toBe('warmupCosine: w must be an integer >= 1, got 0');
    expect(message(() => warmupCosine(5, 5)))
      .toBe('warmupCosine: T must be an integer >= 6, got 5');
    expect(message(() => warmupCosine(5, 10, 0.1, 2))).toBe(
      'warmupCosine: etaMin is a factor of eta: must be < 1, got 2');
    expect(message(() => warmupCosine(5, 10, 0.1, 1))).toBe(
      'warmupCosine: etaMin is a factor of eta: must be < 1, got 1');
  });
  it('the warmup ends at the full rate: the factor at k = w is exactly 1',
    () => {
      const f = warmupCosine(3, 10, 0.2);
      expect(f(2)).toBeCloseTo(0.2 + 0.8 * 2 / 3, 15);
      expect(f(3)).toBe(1);
    });
  it('reddiRun with plain SGD: the projected steps by hand (C = 3, ' +
    'η = 0.5, T = 4)', () => {
    const x1 = -1; // 0 − 0.5·3 = −1.5, projected
    const x2 = x1 + 0.5 / Math.SQRT2;
    const x3 = x2 + 0.5 / Math.sqrt(3);
    const x4 = -1; // x3 − 0.5/2·3 = −1.11, projected
    expect(x3 - 0.5 / 2 * 3).toBeLessThan(-1);
    const r = reddiRun(sgd(), 3, 0.5, 4);
    expect(r.last).toBeCloseTo(x4, 14);
    expect(r.mean).toBeCloseTo((x1 + x2 + x3 + x4) / 4, 14);
  });
  it('reddiRun hands the rule one parameter of shape [1] with gradient ' +
    'C when t mod 3 = 1, else −1', () => {
    const seen: [number[], number][] = [];
    reddiRun((ps) => {
      seen.push([ps[0].shape.slice(), (ps[0].grad as Float64Array)[0]]);
    }, 3, 0.5, 4);
    expect(seen).toEqual([[[1], 3], [[1], -1], [[1], -1], [[1], 3]]);
  });
  it('sutskeverNesterov returns steps + 1 points, and names mu', () => {
    const g = (x: Float64Array) => x;
    expect(sutskeverNesterov(g, [1], 0.1, 0.5, 3)).toHaveLength(4);
    expect(sutskeverNesterov(g, [1], 0.1, 0.5, 0)).toHaveLength(1);
    expect(message(() => sutskeverNesterov(g, [1], 0.1, 1, 3)))
      .toBe('sutskeverNesterov: mu must be < 1, got 1');
  });
  it('every optimizer names itself when its options are null or not ' +
    'an object (they were read, or spread, before the check)', () => {
    const bad: unknown[] = [null, 3, 'x'];
    const makers = { sgd, adagrad, rmsprop, adam, adamw } as Record<
      string, (o: never) => unknown>;
    for (const [name, make] of Object.entries(makers)) {
      for (const o of bad) {
        expect(message(() => make(o as never)))
          .toBe(`${name}: options must be an object`);
      }
    }
  });
});
