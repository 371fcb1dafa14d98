// Tests for the lstm-and-gru chapter. Each `it` is one claim of the
// chapter; equation labels refer to
// chapters/neural-networks/lstm-and-gru.mdx. PyTorch values come from
// tests/fixtures/lstm-and-gru/torch.json, written by
// scripts/reference/lstm_and_gru.py (torch.nn.LSTM and torch.nn.GRU,
// 2 layers, float64).
import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import type { RecurrentCell } from '../code/recurrent-networks/cell.ts';
import { elman } from '../code/recurrent-networks/cell.ts';
import { unroll, unrollStack } from '../code/recurrent-networks/unroll.ts';
import { columns } from '../code/lstm-and-gru/columns.ts';
import { LSTMCell, lstmCell } from '../code/lstm-and-gru/lstm.ts';
import { GRUCell, gruCell } from '../code/lstm-and-gru/gru.ts';
import { fromTorch } from '../code/lstm-and-gru/torch.ts';
import { fused } from '../code/lstm-and-gru/fused.ts';
import {
  LAG_TEST, markedBatch, trainLagTask,
} from '../code/lstm-and-gru/lag-task.ts';
import { charModel } from '../code/recurrent-networks/charlm.ts';
import { VOCAB } from '../code/recurrent-networks/vocab.ts';
import { choGruStep } from '../code/lstm-and-gru/solutions/cho-gru.ts';
import {
  peepholeStep,
} from '../code/lstm-and-gru/solutions/peephole.ts';
import {
  reorderGates,
} from '../code/lstm-and-gru/solutions/gate-order.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/lstm-and-gru.ts';
import { fixture } from './helpers.ts';

const torch = fixture('lstm-and-gru', 'torch.json');
const { T, B, D, H, layers } = torch.sizes;
const REF = 1e-10; // the brief's bar; the runs agree to ~1e-15

type Kind = 'lstm' | 'gru';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The torch run of `kind` replayed with our cells (fused or not):
 *  everything the fixture holds, in the fixture's layout. */
function replay(kind: Kind, useFused: boolean, weights = torch[kind]
  .weights) {
  const r = torch[kind];
  const cells = Array.from({ length: layers }, (_, l) =>
    fromTorch(kind, l === 0 ? D : H, H, weights, l));
  const run: RecurrentCell[] = useFused ? cells.map(fused) : cells;
  const xs = Array.from({ length: T }, (_, t) => new Tensor(
    r.x.slice(t * B * D, (t + 1) * B * D), [B, D], true));
  const s0 = r.states0.map((s: number[]) => Array.from({ length: layers },
    (_, l) => new Tensor(s.slice(l * B * H, (l + 1) * B * H), [B, H],
      true)));
  const states = Array.from({ length: layers },
    (_, l) => s0.map((s: Tensor[]) => s[l]));
  const res = unrollStack(run, xs, states);
  const against = (t: Tensor, G: number[]) =>
    t.mul(new Tensor(Float64Array.from(G), t.shape)).sum();
  let loss = res.outputs.map((o, t) => against(o,
    r.G.slice(t * B * H, (t + 1) * B * H))).reduce((a, b) => a.add(b));
  const finals = s0.map((_: unknown, k: number) =>
    res.states.flatMap((s) => [...s[k].data]));
  r.Gfinal.forEach((G: number[], k: number) => {
    res.states.forEach((s, l) => {
      loss = loss.add(against(s[k], G.slice(l * B * H, (l + 1) * B * H)));
    });
  });
  loss.backward();
  const grads: Record<string, number[]> = {};
  cells.forEach((c, l) => {
    const [wi, wh, bi, bh] = c.parameters();
    grads[`weight_ih_l${l}`] = [...(wi.grad as Float64Array)];
    grads[`weight_hh_l${l}`] = [...(wh.grad as Float64Array)];
    grads[`bias_ih_l${l}`] = [...(bi.grad as Float64Array)];
    grads[`bias_hh_l${l}`] = [...(bh.grad as Float64Array)];
  });
  return {
    out: res.outputs.flatMap((o) => [...o.data]), finals,
    loss: loss.data[0], grads,
    dx: xs.flatMap((x) => [...(x.grad as Float64Array)]),
    dstates0: s0.map((s: Tensor[]) =>
      s.flatMap((t) => [...(t.grad as Float64Array)])),
  };
}

function expectAgreement(kind: Kind, useFused: boolean): void {
  const r = torch[kind];
  const ours = replay(kind, useFused);
  expect(maxDiff(ours.out, r.out)).toBeLessThan(REF);
  r.final.forEach((f: number[], k: number) =>
    expect(maxDiff(ours.finals[k], f)).toBeLessThan(REF));
  expect(Math.abs(ours.loss - r.loss)).toBeLessThan(REF);
  for (const name of r.names) {
    expect(maxDiff(ours.grads[name], r.grads[name])).toBeLessThan(REF);
  }
  expect(maxDiff(ours.dx, r.dx)).toBeLessThan(REF);
  r.dstates0.forEach((g: number[], k: number) =>
    expect(maxDiff(ours.dstates0[k], g)).toBeLessThan(REF));
}

describe('against torch.nn.LSTM and torch.nn.GRU (2 layers, float64)', () => {
  it('LSTM: outputs, final h and c, every weight, input and initial ' +
    'state gradient agree to 1e-10', () => {
    expectAgreement('lstm', false);
  });

  it('GRU: outputs, final h, every weight, input and initial state ' +
    'gradient agree to 1e-10', () => {
    expectAgreement('gru', false);
  });

  it('the fused LSTM step agrees with torch to 1e-10 as well', () => {
    expectAgreement('lstm', true);
  });

  it('the fused GRU step agrees with torch to 1e-10 as well', () => {
    expectAgreement('gru', true);
  });

  it('parameter counts: 4(dH + H² + 2H) for the LSTM, 3(…) for the GRU',
    () => {
      for (const [kind, G] of [['lstm', 4], ['gru', 3]] as const) {
        let n = 0;
        for (const name of torch[kind].names) {
          n += torch[kind].weights[name].length;
        }
        const per = (d: number) => G * (d * H + H * H + 2 * H);
        expect(n).toBe(per(D) + per(H));
        const cell = kind === 'lstm' ? lstmCell(D, H, createRng(1))
          : gruCell(D, H, createRng(1));
        expect(cell.parameters().reduce((s, p) => s + p.size, 0))
          .toBe(per(D));
      }
    });

  it('loading with the gate blocks in another order changes the output',
    () => {
      const w = { ...torch.lstm.weights };
      for (const name of torch.lstm.names) {
        if (name.endsWith('_l0')) {
          w[name] = reorderGates(w[name], H, 'ifgo', 'figo');
        }
      }
      const ours = replay('lstm', false, w);
      expect(maxDiff(ours.out, torch.lstm.out)).toBeGreaterThan(1e-2);
    });
});

/** A cell's step as a function of all its numbers: the params, x and
 *  the state, for a finite-difference check of loss = Σ h' ⊙ G (+ c'). */
function stepCheck(make: () => LSTMCell | GRUCell, parts: number,
  step = (c: LSTMCell | GRUCell, x: Tensor, s: Tensor[]) => c.step(x, s)) {
  const rng = createRng(7);
  const cell = make();
  const dIn = cell.inputSize, Hc = cell.hiddenSize, n = 3;
  const leaves = [...cell.parameters().map((p) => p.data),
    rng.normalArray(n * dIn), ...Array.from({ length: parts },
      () => rng.normalArray(n * Hc, 0, 0.5))];
  const sizes = leaves.map((l) => l.length);
  const G = rng.normalArray(n * Hc * parts);
  const x0 = new Float64Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const l of leaves) { x0.set(l, at); at += l.length; }
  const run = (v: Float64Array) => {
    const ts: Tensor[] = [];
    let k = 0;
    for (const s of sizes) { ts.push(new Tensor(v.slice(k, k + s), [s],
      true)); k += s; }
    const [wi, wh, bi, bh] = ts;
    const c = cell instanceof LSTMCell
      ? new LSTMCell(wi.reshape(cell.Wih.shape), wh.reshape(cell.Whh.shape),
        bi, bh)
      : new GRUCell(wi.reshape(cell.Wih.shape), wh.reshape(cell.Whh.shape),
        bi, bh);
    const out = step(c, ts[4].reshape([n, dIn]),
      ts.slice(5).map((t) => t.reshape([n, Hc])));
    const loss = out.map((o, j) => o.mul(new Tensor(
      G.slice(j * n * Hc, (j + 1) * n * Hc), [n, Hc])).sum())
      .reduce((a, b) => a.add(b));
    return { loss, ts };
  };
  const f = (v: Float64Array) => run(v).loss.data[0];
  const grad = (v: Float64Array) => {
    const { loss, ts } = run(v);
    loss.backward();
    const g = new Float64Array(v.length);
    let k = 0;
    for (const t of ts) { g.set(t.grad as Float64Array, k); k += t.size; }
    return g;
  };
  return gradientCheck(f, grad, x0);
}

describe('gradients by finite differences', () => {
  it('LSTM step: every weight, bias, x, h and c', () => {
    expect(stepCheck(() => lstmCell(3, 4, createRng(1)), 2).ok).toBe(true);
  });

  it('GRU step: every weight, bias, x and h', () => {
    expect(stepCheck(() => gruCell(3, 4, createRng(2)), 1).ok).toBe(true);
  });

  it('fused LSTM step: every weight, bias, x, h and c', () => {
    expect(stepCheck(() => lstmCell(3, 4, createRng(3)), 2,
      (c, x, s) => fused(c).step(x, s)).ok).toBe(true);
  });

  it('fused GRU step: every weight, bias, x and h', () => {
    expect(stepCheck(() => gruCell(3, 4, createRng(4)), 1,
      (c, x, s) => fused(c).step(x, s)).ok).toBe(true);
  });

  it('columns: the values of the block, and g added back into it', () => {
    const t = new Tensor([1, 2, 3, 4, 5, 6], [2, 3], true);
    const c = columns(t, 1, 2);
    expect([...c.data]).toEqual([2, 3, 5, 6]);
    c.mul(new Tensor([1, 2, 3, 4], [2, 2])).sum().backward();
    expect([...(t.grad as Float64Array)]).toEqual([0, 1, 2, 0, 3, 4]);
  });
});

describe('the constant error carousel and the gates', () => {
  it('∂c_t/∂c_{t−1} = diag(f_t), Eq. (lg-carousel)', () => {
    const cell = lstmCell(3, 4, createRng(5));
    const rng = createRng(6);
    const x = new Tensor(rng.normalArray(6), [2, 3]);
    const h = new Tensor(rng.normalArray(8), [2, 4]);
    const c = new Tensor(rng.normalArray(8), [2, 4], true);
    const G = rng.normalArray(8);
    const [, cNext] = cell.step(x, [h, c]);
    cNext.mul(new Tensor(G, [2, 4])).sum().backward();
    const a = x.matmul(cell.Wih.transpose()).add(cell.bih)
      .add(h.matmul(cell.Whh.transpose())).add(cell.bhh);
    const f = columns(a, 4, 4).sigmoid().data;
    const g = c.grad as Float64Array;
    for (let k = 0; k < 8; k++) {
      expect(g[k]).toBeCloseTo(G[k] * f[k], 14);
    }
  });

  it('with f = 1 and i = 0 the cell state is carried unchanged over ' +
    '100 steps, and its gradient too', () => {
    const cell = lstmCell(2, 3, createRng(8));
    cell.bih.data.fill(-60, 0, 3); // i = σ(−60 + …) ≈ 0
    cell.bih.data.fill(60, 3, 6); // f ≈ 1
    cell.Wih.data.fill(0);
    cell.Whh.data.fill(0);
    cell.bhh.data.fill(0);
    const c0 = new Tensor([0.3, -0.2, 0.9], [1, 3], true);
    const xs = Array.from({ length: 100 }, () =>
      new Tensor(createRng(9).normalArray(2), [1, 2]));
    const { state } = unroll(cell, xs, [new Tensor([0, 0, 0], [1, 3]),
      c0]);
    expect(maxDiff(state[1].data, c0.data)).toBeLessThan(1e-12);
    state[1].sum().backward();
    expect(maxDiff(c0.grad as Float64Array, [1, 1, 1])).toBeLessThan(1e-12);
  });

  it('forgetBias sets b_ih\'s forget block and zeros b_hh\'s', () => {
    const cell = lstmCell(2, 3, createRng(10), 5);
    expect([...cell.bih.data.slice(3, 6)]).toEqual([5, 5, 5]);
    expect([...cell.bhh.data.slice(3, 6)]).toEqual([0, 0, 0]);
    const plain = lstmCell(2, 3, createRng(10));
    expect(plain.bih.data[0]).toBe(cell.bih.data[0]); // same draws
    expect(Math.abs(plain.bih.data[3])).toBeLessThanOrEqual(1 / Math.sqrt(3));
  });

  it('torch init: every weight and bias within ±1/√H', () => {
    for (const cell of [lstmCell(5, 16, createRng(11)),
      gruCell(5, 16, createRng(12))]) {
      for (const p of cell.parameters()) {
        for (const v of p.data) expect(Math.abs(v)).toBeLessThanOrEqual(0.25);
      }
    }
  });

  it('GRU: z = 1 keeps h; z = 0 replaces it by n, Eq. (lg-gru-h)', () => {
    const cell = gruCell(2, 3, createRng(13));
    const x = new Tensor([0.5, -1], [1, 2]);
    const h = new Tensor([0.2, -0.4, 0.7], [1, 3]);
    cell.bih.data.fill(60, 3, 6); // z ≈ 1
    expect(maxDiff(cell.step(x, [h])[0].data, h.data)).toBeLessThan(1e-12);
    cell.bih.data.fill(-60, 3, 6); // z ≈ 0: h' = n, not h
    expect(maxDiff(cell.step(x, [h])[0].data, h.data)).toBeGreaterThan(0.01);
  });

  it('initial states are zeros: [h, c] for the LSTM, [h] for the GRU', () => {
    const s = lstmCell(2, 3, createRng(14)).initialState(4);
    expect(s.length).toBe(2);
    expect(s[0]).not.toBe(s[1]);
    expect([...s[1].data]).toEqual(new Array(12).fill(0));
    expect(gruCell(2, 3, createRng(15)).initialState(4).length).toBe(1);
  });
});

describe('the long-lag task', () => {
  it('markedBatch: the bit ±1 with marker 1 at step 0, noise in ' +
    '[−1, 1] with marker 0 after', () => {
    const { xs, y } = markedBatch(6, 50, createRng(16));
    expect(xs.length).toBe(7);
    for (let b = 0; b < 50; b++) {
      expect(xs[0].data[2 * b]).toBe(2 * y[b] - 1);
      expect(xs[0].data[2 * b + 1]).toBe(1);
      for (let t = 1; t <= 6; t++) {
        expect(Math.abs(xs[t].data[2 * b])).toBeLessThanOrEqual(1);
        expect(xs[t].data[2 * b + 1]).toBe(0);
      }
    }
  });

  it('an LSTM learns the bit at lag 5 in 60 steps; the run is ' +
    'reproducible', () => {
    const o = { lag: 5, steps: 60, batch: 16, eta: 0.05, seed: 1 };
    const a = trainLagTask(fused(lstmCell(2, 8, createRng(1), 5)), o);
    expect(a).toBeGreaterThan(0.9);
    expect(trainLagTask(fused(lstmCell(2, 8, createRng(1), 5)), o)).toBe(a);
  });

  it('trainLagTask runs the Elman cell of recurrent-networks too', () => {
    const a = trainLagTask(elman(2, 4, createRng(2)),
      { lag: 2, steps: 5, batch: 4, eta: 0.05, seed: 2 });
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThanOrEqual(1);
  });
});

describe('exercise solutions', () => {
  it("Cho's GRU equals torch's form when r = 1, and differs when r < 1",
    () => {
      const cell = gruCell(2, 3, createRng(17));
      const x = new Tensor([0.5, -1, 0.1, 0.3], [2, 2]);
      const h = new Tensor([0.2, -0.4, 0.7, 0.1, 0.5, -0.9], [2, 3]);
      expect(maxDiff(choGruStep(cell, x, [h])[0].data,
        cell.step(x, [h])[0].data)).toBeGreaterThan(1e-3);
      cell.bih.data.fill(60, 0, 3); // r = σ(60 + …) = 1 in float64
      expect(maxDiff(choGruStep(cell, x, [h])[0].data,
        cell.step(x, [h])[0].data)).toBeLessThan(1e-14);
    });

  it("Cho's GRU step: gradients by finite differences", () => {
    expect(stepCheck(() => gruCell(3, 4, createRng(18)), 1,
      (c, x, s) => choGruStep(c as GRUCell, x, s)).ok).toBe(true);
  });

  it('peepholes of zero give the plain LSTM step', () => {
    const cell = lstmCell(2, 3, createRng(19));
    const z = () => new Tensor([0, 0, 0], [3], true);
    const x = new Tensor([0.5, -1], [1, 2]);
    const s = [new Tensor([0.2, -0.4, 0.7], [1, 3]),
      new Tensor([1, -2, 0.5], [1, 3])];
    const a = peepholeStep(cell, { pi: z(), pf: z(), po: z() }, x, s);
    const b = cell.step(x, s);
    expect(maxDiff(a[0].data, b[0].data)).toBe(0);
    expect(maxDiff(a[1].data, b[1].data)).toBe(0);
  });

  it('peephole step: gradients by finite differences', () => {
    const rng = createRng(20);
    const p0 = rng.normalArray(9);
    const cell = lstmCell(2, 3, createRng(21));
    const x = new Tensor([0.5, -1], [1, 2]);
    const s = [new Tensor([0.2, -0.4, 0.7], [1, 3]),
      new Tensor([1, -2, 0.5], [1, 3])];
    const run = (v: Float64Array) => {
      const [pi, pf, po] = [0, 3, 6].map((k) =>
        new Tensor(v.slice(k, k + 3), [3], true));
      const [h, c] = peepholeStep(cell, { pi, pf, po }, x, s);
      return { loss: h.sum().add(c.mul(c).sum()), ps: [pi, pf, po] };
    };
    const grad = (v: Float64Array) => {
      const { loss, ps } = run(v);
      loss.backward();
      return Float64Array.from(ps.flatMap((p) => [...(p.grad as
        Float64Array)]));
    };
    expect(gradientCheck((v) => run(v).loss.data[0], grad, p0).ok)
      .toBe(true);
  });

  it("ONNX's i, o, f, c blocks reordered to torch's load torch's LSTM",
    () => {
      const w = { ...torch.lstm.weights };
      for (const name of torch.lstm.names) { // as ONNX would store it
        w[name] = reorderGates(w[name], H, 'ifco', 'iofc');
      }
      expect(maxDiff(w.bias_ih_l0, torch.lstm.weights.bias_ih_l0))
        .toBeGreaterThan(1e-2);
      for (const name of torch.lstm.names) { // back to torch's order
        w[name] = reorderGates(w[name], H, 'iofc', 'ifco');
      }
      const ours = replay('lstm', false, w);
      expect(maxDiff(ours.out, torch.lstm.out)).toBeLessThan(REF);
    });
});

describe('bad input', () => {
  it('cells, loader and task reject bad input, naming the function', () => {
    rejectsBadInput(badInput.cells);
  });

  it('the checks reject bad input', () => {
    rejectsBadInput(badInput.checks);
  });

  it('cells reject a state of the wrong shape or length', () => {
    const cell = lstmCell(2, 3, createRng(22));
    const x = new Tensor([1, 2], [1, 2]);
    const h = new Tensor([0, 0, 0], [1, 3]);
    expect(() => cell.step(x, [h])).toThrow(/^LSTMCell.step: state/);
    expect(() => cell.step(x, [h, new Tensor([0, 0], [1, 2])]))
      .toThrow(/^LSTMCell.step: state/);
    expect(() => gruCell(2, 3, createRng(23)).step(new Tensor([1], [1, 1]),
      [h])).toThrow(/^GRUCell.step: x/);
    expect(() => new LSTMCell(h, h, h, h)).toThrow(/^LSTMCell:/);
    expect(() => fused(elman(2, 3, createRng(1)) as never))
      .toThrow(/^fused:/);
  });
});

// Claims found unchecked by the technical review
// (/work/reviews/lstm-and-gru.md), one `it` each.
describe('review', () => {
  const sig = (v: number) => 1 / (1 + Math.exp(-v));

  it('Eq. (lg-carousel-k): with W_hh = 0, ∂L/∂c_0 = G ⊙ ∏ f_t over ' +
    '20 steps', () => {
    const cell = lstmCell(3, 4, createRng(30), 2);
    cell.Whh.data.fill(0); // gates read x only: the cell path is all
    const rng = createRng(31);
    const xs = Array.from({ length: 20 }, () =>
      new Tensor(rng.normalArray(6), [2, 3]));
    const c0 = new Tensor(rng.normalArray(8), [2, 4], true);
    const h0 = new Tensor(rng.normalArray(8), [2, 4]);
    const G = rng.normalArray(8);
    const { state } = unroll(cell, xs, [h0, c0]);
    state[1].mul(new Tensor(G, [2, 4])).sum().backward();
    const prod = Float64Array.from(G);
    for (const x of xs) {
      const a = x.matmul(cell.Wih.transpose()).add(cell.bih)
        .add(cell.bhh);
      const f = columns(a, 4, 4).sigmoid().data;
      for (let k = 0; k < 8; k++) prod[k] *= f[k];
    }
    expect(maxDiff(c0.grad as Float64Array, prod)).toBeLessThan(1e-14);
    expect(prod.every((v) => v !== 0)).toBe(true); // not vacuous
  });

  it('forgetBias 5: every forget gate at the first step of a marked ' +
    'batch is within 0.01 of σ(5)', () => {
    const cell = lstmCell(2, 8, createRng(32), 5);
    const { xs } = markedBatch(10, 64, createRng(33));
    let h = cell.initialState(64);
    for (const x of xs) {
      const a = x.matmul(cell.Wih.transpose()).add(cell.bih)
        .add(h[0].matmul(cell.Whh.transpose())).add(cell.bhh);
      for (const f of columns(a, 8, 8).sigmoid().data) {
        expect(Math.abs(f - sig(5))).toBeLessThan(0.01);
      }
      h = cell.step(x, h);
    }
  });

  it('only b_ih + b_hh matters in the LSTM and in the GRU\'s r and z ' +
    'blocks; the GRU\'s n block does not merge', () => {
    const x = new Tensor([0.5, -1, 0.1, 0.3], [2, 2]);
    const h = new Tensor([0.2, -0.4, 0.7, 0.1, 0.5, -0.9], [2, 3]);
    const c = new Tensor([1, -0.5, 0.2, 0.3, -1, 0.8], [2, 3]);
    const shift = (cell: LSTMCell | GRUCell, from: number, to: number) => {
      for (let j = from; j < to; j++) {
        cell.bih.data[j] += 0.7;
        cell.bhh.data[j] -= 0.7;
      }
    };
    const lstm = lstmCell(2, 3, createRng(34));
    const before = lstm.step(x, [h, c]);
    shift(lstm, 0, 12);
    const after = lstm.step(x, [h, c]);
    expect(maxDiff(after[0].data, before[0].data)).toBeLessThan(1e-15);
    expect(maxDiff(after[1].data, before[1].data)).toBeLessThan(1e-15);
    const gru = gruCell(2, 3, createRng(35));
    const g0 = gru.step(x, [h])[0].data;
    shift(gru, 0, 6); // r and z
    expect(maxDiff(gru.step(x, [h])[0].data, g0)).toBeLessThan(1e-15);
    shift(gru, 6, 9); // n: r multiplies b_hn only
    expect(maxDiff(gru.step(x, [h])[0].data, g0)).toBeGreaterThan(1e-3);
  });

  it("in Cho et al.'s form the n block's two biases do merge", () => {
    const x = new Tensor([0.5, -1, 0.1, 0.3], [2, 2]);
    const h = new Tensor([0.2, -0.4, 0.7, 0.1, 0.5, -0.9], [2, 3]);
    const gru = gruCell(2, 3, createRng(36));
    const before = choGruStep(gru, x, [h])[0].data;
    for (let j = 0; j < 9; j++) {
      gru.bih.data[j] += 0.7;
      gru.bhh.data[j] -= 0.7;
    }
    expect(maxDiff(choGruStep(gru, x, [h])[0].data, before))
      .toBeLessThan(1e-15);
  });

  it('GRU with z ≈ 0: h\' = n of Eq. (lg-gru-n)', () => {
    const cell = gruCell(2, 3, createRng(37));
    cell.bih.data.fill(-60, 3, 6); // z = σ(−60 + …) ≈ 1e-26
    const x = new Tensor([0.5, -1], [1, 2]);
    const h = new Tensor([0.2, -0.4, 0.7], [1, 3]);
    const ax = x.matmul(cell.Wih.transpose()).add(cell.bih);
    const ah = h.matmul(cell.Whh.transpose()).add(cell.bhh);
    const r = columns(ax, 0, 3).add(columns(ah, 0, 3)).sigmoid();
    const n = columns(ax, 6, 3).add(r.mul(columns(ah, 6, 3))).tanh();
    expect(maxDiff(cell.step(x, [h])[0].data, n.data))
      .toBeLessThan(1e-12);
    expect(maxDiff(n.data, h.data)).toBeGreaterThan(0.01);
  });

  it('with z ≈ 1 the GRU passes its gradient through unchanged ' +
    '(∂h_t/∂h_{t−1} → I)', () => {
    const cell = gruCell(2, 3, createRng(38));
    cell.bih.data.fill(60, 3, 6); // z ≈ 1
    const x = new Tensor([0.5, -1], [1, 2]);
    const h = new Tensor([0.2, -0.4, 0.7], [1, 3], true);
    const G = [0.3, -1.2, 2];
    cell.step(x, [h])[0].mul(new Tensor(G, [1, 3])).sum().backward();
    expect(maxDiff(h.grad as Float64Array, G)).toBeLessThan(1e-12);
  });

  it('an Elman RNN of 8 units learns lag 3 in 60 steps through ' +
    'trainLagTask', () => {
    const a = trainLagTask(elman(2, 8, createRng(1)),
      { lag: 3, steps: 60, batch: 16, eta: 0.05, seed: 1 });
    expect(a).toBeGreaterThan(0.9);
    expect(Number.isInteger(a * LAG_TEST)).toBe(true);
  });

  it('word models: m(d_h V + d_h² + 2d_h) + V d_h + V parameters, ' +
    'm = 1, 4, 3', () => {
    const V = VOCAB.length, dh = 16;
    const per = (m: number) => m * (dh * V + dh * dh + 2 * dh) +
      V * dh + V;
    const cells: [RecurrentCell, number][] = [
      [elman(V, dh, createRng(1)), 1],
      [lstmCell(V, dh, createRng(1), 1), 4],
      [gruCell(V, dh, createRng(1)), 3]];
    for (const [cell, m] of cells) {
      const model = charModel(cell, createRng(2));
      expect(model.parameters().reduce((s, p) => s + p.size, 0))
        .toBe(per(m));
    }
  });
});
