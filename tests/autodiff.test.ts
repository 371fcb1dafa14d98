// Tests for the autodiff chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/neural-networks/autodiff.mdx.
// Every primitive's gradient is checked twice: by central differences
// (code/introduction/check.ts) and against PyTorch 1.13.1's autograd on
// the same float64 inputs (tests/fixtures/autodiff/torch.json, written
// by scripts/reference/autodiff.py).
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  gradientCheck,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { standardize } from '../code/linear-regression/scaling.ts';
import { loadBreastCancer } from '../code/logistic-regression/breast-cancer.ts';
import {
  logisticGradient,
  logisticLoss,
} from '../code/logistic-regression/model.ts';
import {
  crossEntropy,
  crossEntropyComposed,
  logSoftmax,
  logSoftmaxComposed,
} from '../code/autodiff/fused.ts';
import { logisticValueAndGradient } from '../code/autodiff/logistic.ts';
import {
  gradientForward,
  gradientReverse,
} from '../code/autodiff/modes.ts';
import { precisionStudy } from '../code/autodiff/precision.ts';
import { Value, topologicalOrder } from '../code/autodiff/scalar.ts';
import { layerNorm } from '../code/autodiff/solutions/layer-norm.ts';
import { Tensor, noGrad, record } from '../code/autodiff/tensor.ts';
import { naiveKernel } from '../code/linear-algebra/matmul.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/autodiff.ts';
import { fixture } from './helpers.ts';

interface Arr { shape: number[]; data: number[] }
interface Case {
  inputs: Arr[]; w: Arr; y: Arr; grads: number[][];
  rows?: number[]; targets?: number[];
}
const torch = fixture<{ cases: Record<string, Case> }>('autodiff',
  'torch.json').cases;

/** Agreement with PyTorch: float64 on both sides; the two differ only
 *  in the order of additions and in libm's last bits. */
const TORCH = { rtol: 1e-12, atol: 1e-14 };

type Op = (ts: Tensor[]) => Tensor;

/** Runs op on the fixture's inputs; compares y and every gradient. */
function matchesTorch(name: string, op: Op): void {
  const c = torch[name];
  const xs = c.inputs.map((a) => new Tensor(a.data, a.shape, true));
  const y = op(xs);
  expect(y.shape).toEqual(c.y.shape);
  assertAllClose(y.data, c.y.data, TORCH, `${name}: y`);
  y.mul(new Tensor(c.w.data, c.w.shape)).sum().backward();
  xs.forEach((x, k) => assertAllClose(x.grad as Float64Array,
    c.grads[k], TORCH, `${name}: grad ${k}`));
}

/**
 * Central differences of L = Σ w ⊙ op(x_1, …) against backward(), all
 * inputs packed in one vector. `positive` draws inputs in (0.5, 2).
 */
function fdCheck(op: Op, shapes: number[][], seed: number,
  positive = false): void {
  const rng = createRng(seed);
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const total = sizes.reduce((a, b) => a + b, 0);
  const x0 = Float64Array.from({ length: total }, () =>
    positive ? 0.5 + 1.5 * rng.uniform() : rng.normal());
  const split = (x: Float64Array, grad: boolean) => {
    let at = 0;
    return shapes.map((s, k) => {
      const t = new Tensor(x.slice(at, at + sizes[k]), s, grad);
      at += sizes[k];
      return t;
    });
  };
  const yShape = noGrad(() => op(split(x0, false))).shape;
  const ny = yShape.reduce((a, b) => a * b, 1);
  const w = new Tensor(Float64Array.from({ length: ny },
    () => rng.normal()), yShape);
  const f = (x: Float64Array) =>
    noGrad(() => op(split(x, false)).mul(w).sum().data[0]);
  const grad = (x: Float64Array) => {
    const ts = split(x, true);
    op(ts).mul(w).sum().backward();
    const g = new Float64Array(total);
    let at = 0;
    ts.forEach((t, k) => { g.set(t.grad as Float64Array, at);
      at += sizes[k]; });
    return g;
  };
  const r = gradientCheck(f, grad, x0);
  expect(r.maxError).toBeLessThanOrEqual(1);
}

/** The transpose of an m×n row-major array. */
function transposed(x: Float64Array, m: number, n: number) {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) t[j * m + i] = x[i * n + j];
  }
  return t;
}

describe('the scalar engine (Eq. ad-adjoint)', () => {
  it('gives the hand-derived gradient of tanh(ab + c)·a', () => {
    const [a, b, c] = [0.7, -1.3, 0.4].map((x) => new Value(x));
    a.mul(b).add(c).tanh().mul(a).backward();
    const u = Math.tanh(0.7 * -1.3 + 0.4);
    const du = 1 - u * u;
    expect(a.grad).toBeCloseTo(u + 0.7 * du * -1.3, 14);
    expect(b.grad).toBeCloseTo(0.7 * du * 0.7, 14);
    expect(c.grad).toBeCloseTo(0.7 * du, 14);
  });

  it('adds the gradients of a value used twice: d(x·x)/dx = 2x', () => {
    const x = new Value(3);
    x.mul(x).backward();
    expect(x.grad).toBe(6);
  });

  it('orders a diamond graph with every input before its output', () => {
    const x = new Value(1);
    const a = x.exp();
    const b = x.tanh();
    const top = a.add(b);
    const order = topologicalOrder(top);
    expect(order.length).toBe(4);
    expect(order.indexOf(x)).toBe(0);
    expect(order.indexOf(top)).toBe(3);
  });

  it('backpropagates a chain of 10⁵ nodes without stack overflow', () => {
    const x = new Value(0.5);
    let s = new Value(0);
    for (let i = 0; i < 100_000; i++) s = s.add(x);
    s.backward();
    expect(x.grad).toBe(100_000);
  });

  it('a recursive topological sort overflows the stack on 10⁵ nodes',
    () => {
      const visit = (v: Value, seen: Set<Value>, out: Value[]): void => {
        seen.add(v);
        for (const u of v.inputs) if (!seen.has(u)) visit(u, seen, out);
        out.push(v);
      };
      let s = new Value(0);
      for (let i = 0; i < 100_000; i++) s = s.add(1);
      expect(() => visit(s, new Set(), [])).toThrow(RangeError);
      expect(topologicalOrder(s).length).toBe(200_001);
    });

  it('frees the graph as backward() uses it', () => {
    const x = new Value(2);
    const y = x.mul(x).add(1);
    y.backward();
    expect(y.inputs).toEqual([]);
  });
});

describe('every primitive against PyTorch autograd (float64)', () => {
  it('add broadcasts [3,4] + [4] and un-broadcasts by summing', () => {
    matchesTorch('add', ([a, b]) => a.add(b));
  });
  it('sub broadcasts [2,3,1] − [1,4] to [2,3,4]', () => {
    matchesTorch('sub', ([a, b]) => a.sub(b));
  });
  it('mul broadcasts [3,4] · [3,1]', () => {
    matchesTorch('mul', ([a, b]) => a.mul(b));
  });
  it('div', () => { matchesTorch('div', ([a, b]) => a.div(b)); });
  it('neg', () => { matchesTorch('neg', ([a]) => a.neg()); });
  it('exp', () => { matchesTorch('exp', ([a]) => a.exp()); });
  it('log', () => { matchesTorch('log', ([a]) => a.log()); });
  it('relu', () => { matchesTorch('relu', ([a]) => a.relu()); });
  it('tanh', () => { matchesTorch('tanh', ([a]) => a.tanh()); });
  it('sigmoid, at ±40 too', () => {
    matchesTorch('sigmoid', ([a]) => a.sigmoid());
  });
  it('sum of all entries', () => {
    matchesTorch('sum_all', ([a]) => a.sum());
  });
  it('sum over the middle axis of a 3-D tensor', () => {
    matchesTorch('sum_axis', ([a]) => a.sum(1));
  });
  it('max of all entries', () => {
    matchesTorch('max_all', ([a]) => a.max());
  });
  it('max over each row', () => {
    matchesTorch('max_axis', ([a]) => a.max(1));
  });
  it('mean over rows, dimension kept (composed)', () => {
    matchesTorch('mean_axis', ([a]) => a.mean(0, true));
  });
  it('matmul on the blocked kernel', () => {
    matchesTorch('matmul', ([a, b]) => a.matmul(b));
  });
  it('reshape', () => {
    matchesTorch('reshape', ([a]) => a.reshape([2, 6]));
  });
  it('transpose', () => {
    matchesTorch('transpose', ([a]) => a.transpose());
  });
  it('gather, a repeated row adding up its gradients', () => {
    matchesTorch('gather', ([a]) => a.gather(torch.gather.rows ?? []));
  });
  it('pick (composed from reshape and gather)', () => {
    matchesTorch('pick', ([a]) => a.pick(torch.pick.targets ?? []));
  });
  it('fused log-softmax', () => {
    matchesTorch('log_softmax', ([a]) => logSoftmax(a));
  });
  it('fused cross-entropy', () => {
    matchesTorch('cross_entropy',
      ([a]) => crossEntropy(a, torch.cross_entropy.targets ?? []));
  });
});

describe('every primitive against central differences', () => {
  it('add, broadcast', () => {
    fdCheck(([a, b]) => a.add(b), [[3, 4], [4]], 1);
  });
  it('sub, broadcast both ways', () => {
    fdCheck(([a, b]) => a.sub(b), [[2, 3, 1], [1, 4]], 2);
  });
  it('mul, broadcast', () => {
    fdCheck(([a, b]) => a.mul(b), [[3, 4], [3, 1]], 3);
  });
  it('div', () => {
    fdCheck(([a, b]) => a.div(b), [[3, 4], [3, 4]], 4, true);
  });
  it('neg, exp, tanh, sigmoid in one chain', () => {
    fdCheck(([a]) => a.neg().exp().tanh().sigmoid(), [[3, 4]], 5);
  });
  it('log', () => { fdCheck(([a]) => a.log(), [[3, 4]], 6, true); });
  it('relu away from 0', () => {
    fdCheck(([a]) => a.relu(), [[3, 4]], 7);
  });
  it('sum and mean over an axis', () => {
    fdCheck(([a]) => a.sum(1).add(a.mean(0)), [[3, 3]], 8);
  });
  it('max over an axis (no ties)', () => {
    fdCheck(([a]) => a.max(1, true), [[3, 5]], 9);
  });
  it('matmul, both factors', () => {
    fdCheck(([a, b]) => a.matmul(b), [[5, 3], [3, 6]], 10);
  });
  it('reshape, transpose and gather', () => {
    fdCheck(([a]) => a.transpose().reshape([4, 3]).gather([3, 0, 3]),
      [[3, 4]], 11);
  });
  it('fused log-softmax', () => {
    fdCheck(([a]) => logSoftmax(a), [[4, 5]], 12);
  });
  it('fused cross-entropy', () => {
    fdCheck(([a]) => crossEntropy(a, [1, 0, 4, 4]), [[4, 5]], 13);
  });
  it('layer norm composed of primitives (Exercise solution)', () => {
    fdCheck(([a]) => layerNorm(a), [[3, 5]], 14);
  });
});

describe('fused ops against their composed versions', () => {
  const rng = createRng(42);
  const z0 = Float64Array.from({ length: 6 * 7 }, () => 3 * rng.normal());
  const t = [0, 6, 3, 3, 1, 2];

  it('log-softmax: same values and gradients within 1e-13', () => {
    const w = new Tensor(Float64Array.from({ length: 42 },
      (_, i) => Math.sin(i)), [6, 7]);
    const a = new Tensor(z0, [6, 7], true);
    const b = new Tensor(z0, [6, 7], true);
    const ya = logSoftmax(a);
    const yb = logSoftmaxComposed(b);
    assertAllClose(ya.data, yb.data, { rtol: 1e-13, atol: 1e-13 });
    ya.mul(w).sum().backward();
    yb.mul(w).sum().backward();
    assertAllClose(a.grad as Float64Array, b.grad as Float64Array,
      { rtol: 1e-13, atol: 1e-13 });
  });

  it('cross-entropy: same loss and gradient within 1e-13', () => {
    const a = new Tensor(z0, [6, 7], true);
    const b = new Tensor(z0, [6, 7], true);
    const la = crossEntropy(a, t);
    const lb = crossEntropyComposed(b, t);
    assertAllClose(la.data, lb.data, { rtol: 1e-13, atol: 1e-13 });
    la.backward();
    lb.backward();
    assertAllClose(a.grad as Float64Array, b.grad as Float64Array,
      { rtol: 1e-13, atol: 1e-13 });
  });

  it('cross-entropy stays finite at logits of ±1000', () => {
    const z = new Tensor([1000, -1000, 0, -1000, 1000, 0], [2, 3], true);
    const l = crossEntropy(z, [0, 0]);
    l.backward();
    expect(l.data[0]).toBeCloseTo(1000, 10); // ½(0 + 2000)
    expect(z.grad?.[0]).toBeCloseTo(0, 12);
    expect(z.grad?.[3]).toBeCloseTo(-0.5, 12);
  });

  it('the fused op records one graph node, the composed one many', () => {
    const a = new Tensor(z0, [6, 7], true);
    const fused = topologicalOrder(crossEntropy(a, t)).length;
    const composed = topologicalOrder(crossEntropyComposed(a, t)).length;
    expect(fused).toBe(2); // the loss and z
    expect(composed).toBeGreaterThan(8);
  });
});

describe('the tape', () => {
  it('matmul and its two gradients are the naive products, bit for bit',
    () => {
      const rng = createRng(77);
      for (const [m, k, n] of [[1, 1, 1], [5, 1, 6], [7, 9, 3],
        [64, 25, 6], [6, 37, 25], [13, 4, 17]]) {
        const a = new Tensor(rng.normalArray(m * k), [m, k], true);
        const b = new Tensor(rng.normalArray(k * n), [k, n], true);
        const G = rng.normalArray(m * n);
        const y = a.matmul(b);
        expect(y.data).toEqual(naiveKernel(a.data, b.data, m, k, n));
        y.mul(new Tensor(G, [m, n])).sum().backward();
        // ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G, Eq. (ad-vjp-matmul), added
        // to zero: the same sums in the same order as the naive kernel
        expect(a.grad).toEqual(naiveKernel(G, transposed(b.data, k, n),
          m, n, k));
        expect(b.grad).toEqual(naiveKernel(transposed(a.data, m, k), G,
          k, m, n));
      }
    });

  it('noGrad records nothing and is restored after a throw', () => {
    const x = new Tensor([1, 2], [2], true);
    const y = noGrad(() => x.mul(x).sum());
    expect(y.requiresGrad).toBe(false);
    expect(y.inputs).toEqual([]);
    expect(() => noGrad(() => { throw new Error('inner'); }))
      .toThrow('inner');
    expect(x.mul(x).sum().requiresGrad).toBe(true);
  });

  it('is freed after backward: no graph outlives a step', () => {
    const w = new Tensor([0.5, -0.5], [2, 1], true);
    const X = new Tensor([1, 2, 3, 4], [2, 2]);
    const sizes: number[] = [];
    for (let step = 0; step < 3; step++) {
      const loss = X.matmul(w).tanh().sum();
      sizes.push(topologicalOrder(loss).length);
      loss.backward();
      sizes.push(topologicalOrder(loss).length);
    }
    expect(sizes).toEqual([5, 1, 5, 1, 5, 1]);
  });

  it('refuses a second backward through a freed graph', () => {
    const x = new Tensor([1], [1], true);
    const loss = x.exp().sum();
    loss.backward();
    expect(() => loss.backward()).toThrow(/^backward: the graph was freed/);
  });

  it('adds up a leaf\'s gradients over two backward passes', () => {
    const x = new Tensor([2], [1], true);
    x.mul(x).sum().backward(); // 2x = 4
    x.mul(3).sum().backward(); // + 3
    expect(x.grad?.[0]).toBe(7);
  });

  it('backpropagates a tensor graph of 10⁵ nodes', () => {
    const x = new Tensor([0.5, 1], [2], true);
    let s = x;
    for (let i = 0; i < 100_001; i++) s = s.neg(); // an odd count
    s.sum().backward();
    expect(Array.from(x.grad as Float64Array)).toEqual([-1, -1]);
  });
});

describe('error messages name the op', () => {
  it('shapes that do not broadcast', () => {
    const a = new Tensor([1, 2, 3], [3]);
    expect(() => a.add(new Tensor([1, 2], [2])))
      .toThrow('Tensor.add: shapes [3] and [2] do not broadcast');
  });
  it('matmul with inner sizes that differ', () => {
    const a = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => a.matmul(a)).toThrow(/^Tensor\.matmul: inner sizes/);
  });
  it('reshape to another size', () => {
    const a = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => a.reshape([4])).toThrow(/^Tensor\.reshape: cannot/);
  });
  it('log of 0 or of a negative number', () => {
    expect(() => new Tensor([1, 0], [2]).log())
      .toThrow(/^Tensor\.log: result has -Infinity at flat index 1/);
    expect(() => new Tensor([-1], [1]).log())
      .toThrow(/^Tensor\.log: result has NaN/);
  });
  it('backward of a loss with more than one entry', () => {
    const a = new Tensor([1, 2], [2], true);
    expect(() => a.exp().backward())
      .toThrow('backward: expected a loss with one entry, got shape [2]');
  });
  it('an axis out of range, an index out of range', () => {
    const a = new Tensor([1, 2, 3, 4], [2, 2]);
    expect(() => a.sum(2)).toThrow(/^Tensor\.sum: axis must be/);
    expect(() => a.gather([2])).toThrow(/^Tensor\.gather: index 2/);
    expect(() => a.pick([0])).toThrow(/^Tensor\.pick: expected 2 cols/);
  });
  it('the constructor scans data again after record() has thrown', () => {
    // record scans an op's result and lets the constructor skip its
    // scan; the constructor's shape error must not leave that skipped.
    expect(() => record('op', new Float64Array(2), [3], [], () => {}))
      .toThrow('Tensor: shape needs 3 entries, data has 2');
    expect(() => new Tensor([NaN], [1])).toThrow(
      'Tensor: data has NaN at flat index 0; expected finite numbers');
  });
  it('a gradient that overflows before a matmul', () => {
    // Forward values stay finite (1e-300 · 1e300 · 1e300 = 1e300), but
    // the gradient reaching the product is 1e300 · 1e300 = Infinity.
    const a = new Tensor([1e-150], [1, 1], true);
    const loss = a.matmul(new Tensor([1e-150], [1, 1])).mul(1e300)
      .mul(1e300).sum();
    expect(loss.data[0]).toBe(1e300);
    expect(() => loss.backward()).toThrow(
      'Tensor.matmul: gradient must hold finite numbers, got ' +
      'gradient[0] = Infinity');
  });
  it('refuses bad input to every exported function', () => {
    rejectsBadInput(badInput.engine);
  });
  it('refuses bad input to the fused ops', () => {
    rejectsBadInput(badInput.fused);
  });
  it('refuses bad input to the studies', () => {
    rejectsBadInput(badInput.studies);
  });
});

describe('forward mode against reverse mode', () => {
  it('give the same gradient, and both match central differences', () => {
    const rng = createRng(3);
    const x = Float64Array.from({ length: 20 }, () => rng.normal());
    const f = (u: Float64Array) => {
      let s = 0;
      for (let i = 0; i < u.length; i++) {
        s += Math.tanh(u[i]) * u[(i + 1) % u.length];
      }
      return s;
    };
    assertAllClose(gradientForward(x), gradientReverse(x),
      { rtol: 1e-14, atol: 1e-15 });
    expect(gradientCheck(f, gradientReverse, x).ok).toBe(true);
  });
});

describe('float64 against float32', () => {
  it('float32 storage makes the gradient check 10⁴× less exact', () => {
    const s = precisionStudy(8, 1);
    expect(s.err64).toBeLessThan(1e-8);
    expect(s.err32).toBeGreaterThan(1e-6);
    expect(s.err32AtH64).toBeGreaterThan(s.err32);
  });
});

describe('logistic regression through the engine', () => {
  const { X, y } = loadBreastCancer();
  const { Z } = standardize(X);

  it('gives the logistic chapter\'s loss and gradient (Eq. logr-gradient)',
    () => {
      const rng = createRng(9);
      const theta = Float64Array.from({ length: 31 }, () => rng.normal());
      const r = logisticValueAndGradient(Z, y, theta, 1);
      expect(r.value).toBeCloseTo(logisticLoss(Z, y, theta, 1), 9);
      assertAllClose(r.gradient, logisticGradient(Z, y, theta, 1),
        { rtol: 1e-11, atol: 1e-11 });
    });
});

describe('review', () => {
  it('a loss sharing a graph freed by an earlier backward() throws',
    () => {
      const w = new Tensor([2], [1], true);
      const h = w.mul(3); // shared by both losses
      h.sum().backward();
      const second = h.mul(h).sum();
      expect(() => second.backward())
        .toThrow(/^backward: part of this graph was freed/);
      expect(w.grad?.[0]).toBe(3); // untouched by the refused pass
    });

  it('backward() of a leaf adds 1 to its gradient', () => {
    const x = new Tensor([5], [1], true);
    x.backward();
    x.backward();
    expect(x.grad?.[0]).toBe(2);
  });

  it('relu at 0 has gradient 0, as in PyTorch', () => {
    matchesTorch('relu_at_zero', ([a]) => a.relu());
  });

  it('a max over an axis sends a tie to the first largest, as torch',
    () => {
      matchesTorch('max_axis_tie', ([a]) => a.max(1));
    });

  it('a max over all entries sends a tie to the first largest', () => {
    const x = new Tensor([1, 3, 3], [3], true);
    x.max().backward();
    expect(Array.from(x.grad as Float64Array)).toEqual([0, 1, 0]);
  });

  it('composed log-softmax at a tie: detached or not, the fused one',
    () => {
      const z0 = [2, 2, -1, 0.5, 3, 3, 3, 1]; // ties in both rows
      const w = new Tensor([0.3, -1, 0.7, 0.2, -0.4, 0.9, 0.1, 0.5],
        [2, 4]);
      const [a, b, c] = [0, 1, 2].map(() => new Tensor(z0, [2, 4], true));
      logSoftmax(a).mul(w).sum().backward();
      logSoftmaxComposed(b).mul(w).sum().backward();
      const s = c.sub(c.max(1, true)); // the shift not detached
      s.sub(s.exp().sum(1, true).log()).mul(w).sum().backward();
      const tol = { rtol: 1e-13, atol: 1e-13 };
      assertAllClose(b.grad as Float64Array, a.grad as Float64Array, tol);
      assertAllClose(c.grad as Float64Array, a.grad as Float64Array, tol);
    });

  it('writing into data between forward and backward goes unnoticed',
    () => {
      const w = new Tensor([1, 2], [2], true);
      const loss = w.mul(w).sum(); // 5, gradient 2w = (2, 4)
      w.data[0] = 100;
      loss.backward();
      expect(loss.data[0]).toBe(5);
      expect(Array.from(w.grad as Float64Array)).toEqual([200, 4]);
    });

  it('no op writes into its inputs', () => {
    const rng = createRng(77);
    const a0 = Float64Array.from({ length: 12 }, () => rng.normal());
    const b0 = Float64Array.from({ length: 4 }, () => 1 + rng.uniform());
    const ops: ((a: Tensor, b: Tensor) => Tensor)[] = [
      (a, b) => a.add(b), (a, b) => a.sub(b), (a, b) => a.mul(b),
      (a, b) => a.div(b), (a) => a.neg(), (a) => a.exp(),
      (_a, b) => b.log(), (a) => a.relu(), (a) => a.tanh(),
      (a) => a.sigmoid(),
      (a) => a.sum(1), (a) => a.max(0), (a) => a.mean(),
      (a, b) => a.matmul(b.reshape([4, 1])), (a) => a.transpose(),
      (a) => a.gather([2, 0, 2]), (a) => a.pick([1, 3, 0]),
      (a) => logSoftmax(a), (a) => crossEntropy(a, [0, 1, 3]),
    ];
    for (const op of ops) {
      const a = new Tensor(a0.slice(), [3, 4], true);
      const b = new Tensor(b0.slice(), [4], true);
      op(a, b).sum().backward();
      expect(Array.from(a.data)).toEqual(Array.from(a0));
      expect(Array.from(b.data)).toEqual(Array.from(b0));
    }
  });

  it('div with broadcasting passes central differences', () => {
    fdCheck(([a, b]) => a.div(b), [[3, 4], [4]], 15, true);
  });

  it('max over all entries passes central differences', () => {
    fdCheck(([a]) => a.max(), [[3, 4]], 16);
  });

  it('the composed cross-entropy records ten ops, the fused one one',
    () => {
      const z = new Tensor([1, 2, 3, 0, -1, 4], [2, 3], true);
      const ops = (l: Tensor) => topologicalOrder(l)
        .filter((v) => v.backwardFn !== null).length;
      expect(ops(crossEntropy(z, [0, 2]))).toBe(1);
      expect(ops(crossEntropyComposed(z, [0, 2]))).toBe(10);
    });

  it('float32 storage makes the check over 10⁴ times less exact', () => {
    const s = precisionStudy(8, 1);
    expect(s.err32 / s.err64).toBeGreaterThan(1e4);
  });

  it('the engine\'s logistic loss is the chapter\'s within 1e-11', () => {
    const { X, y } = loadBreastCancer();
    const { Z } = standardize(X);
    const rng = createRng(9);
    const theta = Float64Array.from({ length: 31 }, () => rng.normal());
    const r = logisticValueAndGradient(Z, y, theta, 1);
    assertAllClose(r.value, logisticLoss(Z, y, theta, 1),
      { rtol: 1e-11, atol: 0 });
  });
});
