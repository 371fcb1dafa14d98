// Tests for the attention chapter. Each `it` is one claim of the
// chapter; equation labels refer to
// chapters/neural-networks/attention.mdx. PyTorch values come from
// tests/fixtures/attention/torch.json, written by
// scripts/reference/attention.py (torch 1.13.1, float64).
import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import {
  nadarayaWatson,
} from '../code/locally-weighted-regression/solutions/nadaraya-watson.ts';
import {
  attention, scaledDotProductAttention,
} from '../code/attention/sdpa.ts';
import { composedAttention } from '../code/attention/composed.ts';
import {
  type Mask, broadcastMask, causalMask, combineMasks, maskFrom,
  paddingMask,
} from '../code/attention/mask.ts';
import { mergeHeads, splitHeads } from '../code/attention/heads.ts';
import { MultiHeadAttention } from '../code/attention/mha.ts';
import {
  LearnedPositions, addSinusoidal, shiftPositions, sinusoidalPositions,
} from '../code/attention/positions.ts';
import {
  dotVariance, softmaxSpread, softmaxTemperature,
} from '../code/attention/scaling.ts';
import {
  ReverseModel, accuracy, blindCeiling, reverseBatch, trainReverse,
} from '../code/attention/reverse.ts';
import {
  attentionSmoother,
} from '../code/attention/solutions/smoother.ts';
import {
  linearAttention, linearAttentionWeights,
} from '../code/attention/solutions/linear.ts';
import { rotary } from '../code/attention/solutions/rotary.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/attention.ts';
import { fixture } from './helpers.ts';

const torch = fixture('attention', 'torch.json');
const REF = 1e-10; // the brief's bar; the runs agree to ~1e-15

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const leaf = (data: ArrayLike<number>, shape: number[]) =>
  new Tensor(Float64Array.from(data), shape, true);

/** Σ out ⊙ G, a loss whose gradient w.r.t. out is G. */
const dotLoss = (out: Tensor, G: ArrayLike<number>) =>
  out.mul(new Tensor(Float64Array.from(G), out.shape)).sum();

const sd = torch.sdpa;
// a function, not a constant: work in the file's body runs before
// Stryker activates a mutant, so it would test maskFrom unmutated
const sdMask = () => maskFrom(Array.from({ length: 3 }, (_, i) =>
  sd.mask.slice(i * 5, i * 5 + 5)));

function randomT(shape: number[], seed: number, grad = true): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  return new Tensor(createRng(seed).normalArray(n), shape, grad);
}

// The mutation-gap tests come first: they are cheap, and under Stryker
// a mutant stops at the first test that fails.
describe('mutation gaps', () => {
  const T = (shape: number[]) => randomT(shape, 1, false);

  it('attention checks ranks, shared axes, widths, lengths and options, ' +
    'naming what it got', () => {
    const a = 'attention';
    const q = T([2, 3, 4]), k = T([2, 5, 4]), v = T([2, 5, 3]);
    expect(() => attention(3 as never, k, v))
      .toThrow(`${a}: q must be a Tensor`);
    expect(() => attention(q, T([4]), v))
      .toThrow(`${a}: k must have at least 2 axes, got [4]`);
    expect(attention(T([3, 4]), T([5, 4]), T([5, 3])).output.shape)
      .toEqual([3, 3]); // rank 2 is enough
    expect(() => attention(q, T([3, 5, 4]), v))
      .toThrow(`${a}: q, k, v must share their leading axes, got ` +
        '[2,3,4], [3,5,4], [2,5,3]');
    expect(() => attention(q, k, T([5, 3])))
      .toThrow(`${a}: q, k, v must share their leading axes, got ` +
        '[2,3,4], [2,5,4], [5,3]');
    expect(() => attention(q, T([2, 5, 2]), v))
      .toThrow(`${a}: q and k must have one width d, got 4 and 2`);
    expect(() => attention(q, k, T([2, 4, 3])))
      .toThrow(`${a}: k and v must have one length Tk, got 5 and 4`);
    for (const bad of [null, 3]) {
      expect(() => attention(q, k, v, bad as never))
        .toThrow(`${a}: options must be an object`);
    }
    expect(() => attention(q, k, v, { scale: 0 }))
      .toThrow(/^attention: scale must be > 0, got 0/);
  });

  it('the default scale is 1/√d: scale 0.5 at d = 4 gives the same ' +
    'output', () => {
    const q = T([3, 4]), k = randomT([5, 4], 2, false);
    const v = randomT([5, 2], 3, false);
    expect(Array.from(attention(q, k, v).output.data)).toEqual(
      Array.from(attention(q, k, v, { scale: 0.5 }).output.data));
  });

  it('masks: the shape, the flag count and each flag are checked', () => {
    const c = 'combineMasks';
    const ok = causalMask(2);
    const shapeMsg = `${c}: a mask must be { shape, blocked: Uint8Array } ` +
      '(see causalMask, paddingMask)';
    for (const bad of [null, 3, { shape: [2], blocked: [0, 1] },
      { shape: 2, blocked: Uint8Array.of(0, 1) }]) {
      expect(() => combineMasks(bad as never, ok)).toThrow(shapeMsg);
      expect(() => combineMasks(ok, bad as never)).toThrow(shapeMsg);
    }
    for (const shape of [[2, 0], [2, 1.5]]) {
      expect(() => combineMasks({ shape, blocked: new Uint8Array(2) }, ok))
        .toThrow(`${c}: mask shape must hold integers >= 1, got ` +
          `[${shape}]`);
    }
    expect(() => combineMasks({ shape: [2, 2],
      blocked: new Uint8Array(3) }, ok))
      .toThrow(`${c}: mask of shape [2,2] needs 4 flags, has 3`);
    expect(() => combineMasks({ shape: [], blocked: new Uint8Array(1) },
      ok)).toThrow(`${c}: mask of shape [] needs 1 flags, has 1`);
    expect(() => combineMasks({ shape: [2],
      blocked: Uint8Array.of(0, 2) }, ok))
      .toThrow(`${c}: mask flags must be 0 or 1, got 2 at 1`);
  });

  it('broadcastMask checks the target shape and that the mask fits it',
    () => {
      const b = 'broadcastMask';
      const m = maskFrom([[0, 1, 0]]); // [1, 3]
      for (const to of [3, [2, 0], [2, 1.5]]) {
        expect(() => broadcastMask(m, to as never))
          .toThrow(`${b}: to must be a shape of integers >= 1`);
      }
      expect(() => broadcastMask(m, [2, 4]))
        .toThrow(`${b}: mask of shape [1,3] does not fit scores of ` +
          'shape [2,4]');
      expect(() => broadcastMask(m, [3]))
        .toThrow(`${b}: mask of shape [1,3] does not fit scores of ` +
          'shape [3]');
      expect(Array.from(broadcastMask(m, [2, 2, 3])))
        .toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
      const col = maskFrom([[1], [0]]); // [2, 1]: stretched along keys
      expect(Array.from(broadcastMask(col, [2, 3])))
        .toEqual([1, 1, 1, 0, 0, 0]);
    });

  it('combineMasks broadcasts both ways and refuses shapes that do ' +
    'not', () => {
    const row = maskFrom([[0, 1, 0]]), col = maskFrom([[1], [0]]);
    const m = combineMasks(row, col);
    expect(m.shape).toEqual([2, 3]);
    expect(Array.from(m.blocked)).toEqual([1, 1, 1, 0, 1, 0]);
    const flat = maskFrom([0, 0, 1]); // [3], rank 1
    expect(combineMasks(flat, col).shape).toEqual([2, 3]);
    expect(Array.from(combineMasks(col, flat).blocked))
      .toEqual([1, 1, 1, 0, 0, 1]);
    expect(() => combineMasks(maskFrom([[0, 1]]), row))
      .toThrow('combineMasks: shapes [1,2] and [1,3] do not broadcast');
  });

  it('splitHeads, mergeHeads, the positions and rotary name the shape ' +
    'they refuse', () => {
    expect(() => splitHeads(T([1, 2, 3, 4]), 1, 1))
      .toThrow('splitHeads: x must be [B·T, E] or [B, T, E], got [1,2,3,4]');
    expect(() => splitHeads(T([3, 4]), 2, 1))
      .toThrow('splitHeads: x of shape [3,4] is not B = 2 sequences');
    expect(() => splitHeads(T([2, 3, 4]), 1, 1))
      .toThrow('splitHeads: x of shape [2,3,4] is not B = 1 sequences');
    expect(() => splitHeads(T([2, 3, 4]), 2, 3))
      .toThrow('splitHeads: width 4 is not divisible by H = 3');
    expect(splitHeads(T([2, 3, 4]), 2, 2).shape).toEqual([2, 2, 3, 2]);
    expect(() => mergeHeads(T([2, 3, 4])))
      .toThrow('mergeHeads: x must have 4 axes, got [2,3,4]');
    expect(() => shiftPositions(T([3, 5]), 1))
      .toThrow('shiftPositions: d must be even (each sin needs its cos), ' +
        'got 5');
    expect(() => rotary(T([3, 5])))
      .toThrow('rotary: d must be even, got 5');
    expect(() => addSinusoidal(T([3, 4])))
      .toThrow('addSinusoidal: x must have 3 axes, got [3,4]');
    const L = new LearnedPositions(4, 2, createRng(1));
    const f = 'LearnedPositions.forward';
    expect(() => L.forward(T([1, 3, 3])))
      .toThrow(`${f}: x must be [B, T, 2], got [1,3,3]`);
    expect(() => L.forward(T([1, 3, 2]), 2))
      .toThrow(`${f}: positions up to 4 exceed the table's 4`);
    expect(L.forward(T([1, 3, 2]), 1).shape).toEqual([1, 3, 2]);
    const fnRng = Object.assign(() => 0, { normalArray: () => 0 });
    for (const bad of [null, 3, {}, fnRng]) {
      expect(() => new LearnedPositions(4, 2, bad as never))
        .toThrow('LearnedPositions: rng must be a generator from ' +
          'createRng');
    }
  });

  it('MultiHeadAttention checks its sizes, inputs, masks and the ' +
    'state it loads, by name', () => {
    const M = 'MultiHeadAttention';
    expect(() => new MultiHeadAttention(6, 4, createRng(1)))
      .toThrow(`${M}: embed 6 is not divisible by heads 4`);
    const fnRng = Object.assign(() => 0, { uniformArray: () => 0 });
    for (const bad of [null, 3, {}, fnRng]) {
      expect(() => new MultiHeadAttention(4, 2, bad as never))
        .toThrow(`${M}: rng must be a generator from createRng`);
    }
    const m = new MultiHeadAttention(4, 2, createRng(1));
    const F = `${M}.forward`;
    const x = T([2, 3, 4]);
    expect(() => m.forward(T([2, 3, 5])))
      .toThrow(`${F}: query must be [B, T, 4], got [2,3,5]`);
    expect(() => m.forward(x, T([1, 3, 4])))
      .toThrow(`${F}: query [2,3,4], key [1,3,4] and value [1,3,4] do ` +
        'not match');
    expect(() => m.forward(x, x, T([2, 2, 4])))
      .toThrow(`${F}: query [2,3,4], key [2,3,4] and value [2,2,4] do ` +
        'not match');
    expect(() => m.forward(x, x, x, null as never))
      .toThrow(`${F}: options must be an object`);
    expect(() => m.forward(x, x, x, { mask: maskFrom([[0, 1]]) }))
      .toThrow(`${F}: mask of shape [1,2] does not fit [3, 3], [4, 3, 3] ` +
        'or [2, 2, 3, 3]');
    expect(() => m.forward(x, x, x, { keyPadding: causalMask(3) }))
      .toThrow(`${F}: keyPadding must be [2, 3], got [3,3]`);
    // torch's [B·H, Tq, Tk] layout is read as [B, H, Tq, Tk]
    const perHead = { shape: [4, 3, 3], blocked: Uint8Array.from(
      { length: 36 }, (_, i) => (i % 3 === 2 && i < 9 ? 1 : 0)) };
    const full = { shape: [2, 2, 3, 3], blocked: perHead.blocked };
    expect(Array.from(m.forward(x, x, x, { mask: perHead }).data))
      .toEqual(Array.from(m.forward(x, x, x, { mask: full }).data));
    expect(() => m.project(x, 3 as never))
      .toThrow(`${M}.project: part must be 0, 1 or 2, got 3`);
    const L = `${M}.loadTorch`;
    expect(() => m.loadTorch(null as never))
      .toThrow(`${L}: state must be an object of arrays`);
    const state = { in_proj_weight: new Array(48).fill(0),
      in_proj_bias: new Array(12).fill(0),
      'out_proj.weight': new Array(16).fill(0),
      'out_proj.bias': new Array(4).fill(0) };
    expect(() => m.loadTorch({ ...state, in_proj_bias: [1] }))
      .toThrow(`${L}: in_proj_bias must have 12 numbers, got 1`);
    const noBias = { ...state, 'out_proj.bias': undefined } as never;
    expect(() => m.loadTorch(noBias))
      .toThrow(`${L}: out_proj.bias must have 4 numbers, got undefined`);
    expect(() => m.loadTorch({ ...state,
      'out_proj.weight': [...new Array(15).fill(0), NaN] }))
      .toThrow(`${L}: out_proj.weight has NaN at 15`);
  });

  it('the reversal task, the scaling experiments and the exercise ' +
    'solutions name what they refuse', () => {
    const o = { V: 6, T: 4, E: 8, H: 1, steps: 0, batch: 2, eta: 0.01,
      seed: 1, testStrings: 2 };
    const R = 'trainReverse';
    expect(() => trainReverse(null as never))
      .toThrow(`${R}: options must be an object`);
    expect(() => trainReverse({ ...o, positions: 'rope' as never }))
      .toThrow(`${R}: positions must be 'learned', 'sinusoidal' or ` +
        "'none', got rope");
    expect(() => trainReverse({ ...o, testStrings: 0 }))
      .toThrow(/^trainReverse: testStrings/);
    expect(trainReverse(o).losses).toEqual([]); // steps = 0 is allowed
    const m = new ReverseModel(6, 4, 8, 1, createRng(2));
    expect(() => accuracy(m, new Int32Array(4), new Int32Array(3)))
      .toThrow('accuracy: x and y must be B·4 tokens');
    expect(() => accuracy(m, new Int32Array(6), new Int32Array(6)))
      .toThrow('accuracy: x and y must be B·4 tokens');
    expect(() => blindCeiling(5, 4))
      .toThrow('blindCeiling: T must be even (for odd T the middle digit ' +
        'is its own target), got 5');
    for (const scale of [0, Infinity]) {
      expect(() => softmaxSpread(2, 3, scale, 1, createRng(1)))
        .toThrow(`softmaxSpread: scale must be > 0, got ${scale}`);
    }
    for (const tau of [0, Infinity]) {
      expect(() => softmaxTemperature([1, 2], tau))
        .toThrow(`softmaxTemperature: tau must be > 0, got ${tau}`);
    }
    for (const bad of [[], [1, NaN]]) {
      expect(() => softmaxTemperature(bad, 1))
        .toThrow('softmaxTemperature: scores must be finite numbers, at ' +
          'least one');
    }
    expect(() => composedAttention(T([1, 2, 3]), T([1, 2, 3]),
      T([1, 2, 3]))).toThrow('composedAttention: q, k, v must be 2-D, ' +
      'got [1,2,3]');
    const q = T([3, 2]);
    expect(() => linearAttention(q, T([2, 2]), T([3, 1]), false))
      .toThrow('linearAttention: q [3,2], k [2,2], v [3,1] must be ' +
        '[T, d], [T, d], [T, dv]');
    expect(() => linearAttention(q, T([3, 3]), T([3, 1]), false))
      .toThrow('linearAttention: q [3,2], k [3,3], v [3,1] must be ' +
        '[T, d], [T, d], [T, dv]');
    expect(() => linearAttention(q, q, T([2, 1]), false))
      .toThrow('linearAttention: q [3,2], k [3,2], v [2,1] must be ' +
        '[T, d], [T, d], [T, dv]');
    expect(() => linearAttention(q, q, q, 1 as never))
      .toThrow('linearAttention: causal must be true or false');
    expect(() => linearAttentionWeights(q, q, 1 as never))
      .toThrow('linearAttentionWeights: causal must be true or false');
    const X = new Matrix(3, 1, Float64Array.of(0, 1, 2));
    const y = Float64Array.of(1, 2, 3);
    const S = 'attentionSmoother';
    expect(() => attentionSmoother(X, y, new Matrix(1, 2), 1))
      .toThrow(`${S}: X0 must have 1 columns, got 2`);
    for (const bad of [null, { data: [1] },
      new Matrix(1, 1, Float64Array.of(NaN))]) {
      expect(() => attentionSmoother(bad as never, y, X, 1))
        .toThrow(`${S}: X must be a finite Matrix`);
      expect(() => attentionSmoother(X, y, bad as never, 1))
        .toThrow(`${S}: X0 must be a finite Matrix`);
    }
    for (const bad of [[1, 2, 3], Float64Array.of(1, 2),
      Float64Array.of(1, 2, NaN)]) {
      expect(() => attentionSmoother(X, bad as never, X, 1))
        .toThrow(`${S}: y must hold 3 finite numbers`);
    }
  });

  it('paddingMask and maskFrom: hand-made masks, and their errors', () => {
    expect(Array.from(paddingMask([1, 3], 3).blocked))
      .toEqual([0, 1, 1, 0, 0, 0]);
    expect(Array.from(causalMask(3).blocked))
      .toEqual([0, 1, 1, 0, 0, 1, 0, 0, 0]);
    for (const bad of [null, 3, [], 'ab']) {
      expect(() => paddingMask(bad as never, 3))
        .toThrow('paddingMask: lengths must be a non-empty array');
    }
    expect(() => paddingMask([4], 3))
      .toThrow(/^paddingMask: lengths\[0\]/);
    expect(() => maskFrom([[0, 1], [0]]))
      .toThrow('maskFrom: rows must all have one length');
    expect(() => maskFrom([[0, 2]]))
      .toThrow('maskFrom: entries must be 0, 1, true or false, got 2');
    const m = maskFrom([[true, false]], [2, 1]);
    expect(m.shape).toEqual([2, 1]);
    expect(Array.from(m.blocked)).toEqual([1, 0]);
    expect(Array.from(maskFrom(Uint8Array.of(1, 0)).blocked))
      .toEqual([1, 0]);
  });
});

describe('scaled dot-product attention', () => {
  it('matches torch: outputs and weights, masked, to 1e-10', () => {
    const a = attention(leaf(sd.q, [2, 3, 4]), leaf(sd.k, [2, 5, 4]),
      leaf(sd.v, [2, 5, 3]), { mask: sdMask() });
    expect(maxDiff(a.output.data, sd.out)).toBeLessThan(REF);
    expect(maxDiff(a.weights.data, sd.weights)).toBeLessThan(REF);
  });

  it('matches torch: gradients w.r.t. q, k and v, to 1e-10', () => {
    const q = leaf(sd.q, [2, 3, 4]), k = leaf(sd.k, [2, 5, 4]);
    const v = leaf(sd.v, [2, 5, 3]);
    dotLoss(scaledDotProductAttention(q, k, v, { mask: sdMask() }), sd.G)
      .backward();
    expect(maxDiff(q.grad!, sd.dq)).toBeLessThan(REF);
    expect(maxDiff(k.grad!, sd.dk)).toBeLessThan(REF);
    expect(maxDiff(v.grad!, sd.dv)).toBeLessThan(REF);
  });

  it("torch's private _scaled_dot_product_attention agreed exactly", () => {
    expect(sd.privateDiff).toBe(0);
  });

  it('the fused backward equals the composed one, Eq. (att-back)', () => {
    const mask = maskFrom([[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]]);
    const run = (f: typeof composedAttention) => {
      const q = randomT([3, 5], 1), k = randomT([4, 5], 2);
      const v = randomT([4, 2], 3);
      dotLoss(f(q, k, v, { mask, scale: 0.7 }), [1, -2, 0.5, 3, -1, 2])
        .backward();
      return [q.grad!, k.grad!, v.grad!];
    };
    const fused = run((q, k, v, o) => attention(q, k, v, o).output);
    const composed = run(composedAttention);
    for (let i = 0; i < 3; i++) {
      expect(maxDiff(fused[i], composed[i])).toBeLessThan(1e-13);
    }
  });

  it('passes a finite-difference check for q, k and v', () => {
    const shapes = [[2, 3, 4], [2, 5, 4], [2, 5, 3]];
    const base = [randomT(shapes[0], 4), randomT(shapes[1], 5),
      randomT(shapes[2], 6)];
    const G = createRng(7).normalArray(18);
    for (let which = 0; which < 3; which++) {
      const at = (x: Float64Array) => base.map((t, i) =>
        leaf(i === which ? x : t.data, shapes[i]));
      const f = (x: Float64Array) => {
        const [q, k, v] = at(x);
        return dotLoss(attention(q, k, v, { mask: sdMask() }).output, G)
          .data[0];
      };
      const grad = (x: Float64Array) => {
        const ts = at(x);
        dotLoss(attention(ts[0], ts[1], ts[2], { mask: sdMask() }).output,
          G).backward();
        return ts[which].grad!;
      };
      expect(gradientCheck(f, grad, base[which].data).ok).toBe(true);
    }
  });

  it('weights: rows sum to 1, blocked entries are exactly 0', () => {
    const a = attention(leaf(sd.q, [2, 3, 4]), leaf(sd.k, [2, 5, 4]),
      leaf(sd.v, [2, 5, 3]), { mask: sdMask() });
    const flags = broadcastMask(sdMask(), [2, 3, 5]);
    for (let r = 0; r < 6; r++) {
      let s = 0;
      for (let j = 0; j < 5; j++) s += a.weights.data[r * 5 + j];
      expect(Math.abs(s - 1)).toBeLessThan(1e-15);
    }
    for (let i = 0; i < 30; i++) {
      if (flags[i] === 1) expect(a.weights.data[i]).toBe(0);
    }
  });

  it('a query with every key masked is an error, not NaN', () => {
    const q = randomT([2, 3], 1), k = randomT([2, 3], 2);
    const mask = maskFrom([[0, 1], [1, 1]]);
    expect(() => attention(q, k, k, { mask })).toThrow(
      /^attention: every key is masked for query 1/);
  });

  it('causal: an output does not depend on later keys or values', () => {
    const q = randomT([5, 4], 1), k = randomT([5, 4], 2);
    const v = randomT([5, 3], 3);
    const mask = causalMask(5);
    const before = attention(q, k, v, { mask }).output.data;
    const k2 = k.data.slice(), v2 = v.data.slice();
    for (let i = 3 * 4; i < 20; i++) k2[i] += 10; // rows 3 and 4
    for (let i = 3 * 3; i < 15; i++) v2[i] -= 7;
    const after = attention(q, new Tensor(k2, [5, 4]),
      new Tensor(v2, [5, 3]), { mask }).output.data;
    expect(maxDiff(before.slice(0, 9), after.slice(0, 9))).toBe(0);
    expect(maxDiff(before.slice(9), after.slice(9))).toBeGreaterThan(0.01);
  });

  it('the default scale is 1/√d, Eq. (att-sdpa)', () => {
    const q = randomT([3, 8], 1), k = randomT([4, 8], 2);
    const v = randomT([4, 2], 3);
    const a = attention(q, k, v).output.data;
    const b = attention(q, k, v, { scale: 1 / Math.sqrt(8) }).output.data;
    const c = attention(q, k, v, { scale: 1 }).output.data;
    expect(maxDiff(a, b)).toBe(0);
    expect(maxDiff(a, c)).toBeGreaterThan(1e-3);
  });

  it('a large scale gives the hard lookup: the best key\'s value', () => {
    const q = randomT([4, 3], 1), k = randomT([6, 3], 2);
    const v = randomT([6, 2], 3);
    const out = attention(q, k, v, { scale: 1e4 }).output.data;
    for (let i = 0; i < 4; i++) {
      let best = 0, bestS = -Infinity;
      for (let j = 0; j < 6; j++) {
        let s = 0;
        for (let c = 0; c < 3; c++) s += q.data[i * 3 + c] * k.data[j * 3 + c];
        if (s > bestS) { bestS = s; best = j; }
      }
      expect(maxDiff(out.slice(2 * i, 2 * i + 2),
        v.data.slice(2 * best, 2 * best + 2))).toBeLessThan(1e-12);
    }
  });

  it('leading axes [B, H] are independent slices', () => {
    const q = randomT([2, 3, 4, 5], 1), k = randomT([2, 3, 6, 5], 2);
    const v = randomT([2, 3, 6, 2], 3);
    const all = attention(q, k, v).output.data;
    for (let s = 0; s < 6; s++) {
      const part = (t: Tensor, T: number, w: number) => new Tensor(
        t.data.slice(s * T * w, (s + 1) * T * w), [T, w]);
      const one = attention(part(q, 4, 5), part(k, 6, 5), part(v, 6, 2))
        .output.data;
      expect(maxDiff(all.slice(s * 8, s * 8 + 8), one)).toBe(0);
    }
  });

  it('runs at 512 positions (262 144 scores) without trouble', () => {
    const q = randomT([512, 8], 1, false);
    const out = attention(q, q, q, { mask: causalMask(512) }).output;
    expect(out.shape).toEqual([512, 8]);
    expect(out.data.every(Number.isFinite)).toBe(true);
  });
});

describe('masks', () => {
  it('causalMask blocks exactly the future, Eq. (att-causal)', () => {
    expect(Array.from(causalMask(3).blocked)).toEqual(
      [0, 1, 1, 0, 0, 1, 0, 0, 0]);
  });

  it('paddingMask blocks positions at or past each length', () => {
    const m = paddingMask([3, 1], 4);
    expect(m.shape).toEqual([2, 4]);
    expect(Array.from(m.blocked)).toEqual([0, 0, 0, 1, 0, 1, 1, 1]);
  });

  it('combineMasks is the OR, broadcast over leading axes', () => {
    const pad: Mask = { shape: [2, 1, 3], blocked: Uint8Array.of(0, 0,
      1, 0, 1, 1) };
    const m = combineMasks(causalMask(3), pad);
    expect(m.shape).toEqual([2, 3, 3]);
    expect(Array.from(m.blocked)).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 1,
      0, 1, 1, 0, 1, 1, 0, 1, 1]);
  });
});

describe('heads', () => {
  it('splitHeads gives head h columns h·dh … of every position', () => {
    const x = new Tensor(Float64Array.from({ length: 24 }, (_, i) => i),
      [2, 3, 4]);
    const s = splitHeads(x, 2, 2); // [2, 2, 3, 2]
    // batch 1, head 1, position 2: columns 2, 3 of row 1·3 + 2 = 5
    expect(Array.from(s.data.slice(((1 * 2 + 1) * 3 + 2) * 2,
      ((1 * 2 + 1) * 3 + 2) * 2 + 2))).toEqual([22, 23]);
    expect(Array.from(mergeHeads(s).data)).toEqual(Array.from(x.data));
  });

  it('a plain reshape to [B, H, T, dh] mixes positions (Pitfalls)', () => {
    const x = new Tensor(Float64Array.from({ length: 24 }, (_, i) => i),
      [2, 3, 4]);
    const wrong = x.reshape([2, 2, 3, 2]).data;
    expect(maxDiff(wrong, splitHeads(x, 2, 2).data)).toBeGreaterThan(0);
  });

  it('split and merge pass gradients back unchanged', () => {
    const x = randomT([6, 4], 1);
    const G = createRng(2).normalArray(24);
    dotLoss(mergeHeads(splitHeads(x, 2, 2)), G).backward();
    expect(maxDiff(x.grad!, G)).toBe(0);
  });
});

describe('MultiHeadAttention against torch', () => {
  const { embed: E, heads: H, state } = torch.mha;
  const layer = () => new MultiHeadAttention(E, H, createRng(1))
    .loadTorch(state);
  const params = ['in_proj_weight', 'in_proj_bias', 'out_proj.weight',
    'out_proj.bias'];

  function runSelf() {
    const c = torch.mha.self;
    const m = layer();
    const x = leaf(c.x, [2, 4, E]);
    const out = m.forward(x, x, x, { mask: causalMask(4),
      keyPadding: paddingMask(c.lengths, 4) });
    dotLoss(out, c.G).backward();
    return { c, m, x, out };
  }

  function runCross() {
    const c = torch.mha.cross;
    const m = layer();
    const q = leaf(c.query, [2, 3, E]), k = leaf(c.key, [2, 5, E]);
    const v = leaf(c.value, [2, 5, E]);
    const out = m.forward(q, k, v, { keyPadding: paddingMask(c.lengths,
      5) });
    dotLoss(out, c.G).backward();
    return { c, m, q, k, v, out };
  }

  it('self-attention, causal + key padding: outputs to 1e-10', () => {
    const { c, out } = runSelf();
    expect(maxDiff(out.data, c.out)).toBeLessThan(REF);
  });

  it('self-attention: head-averaged weights to 1e-10', () => {
    const { c, m } = runSelf();
    expect(maxDiff(m.averagedWeights().data, c.weights)).toBeLessThan(REF);
  });

  it('self-attention: gradients of x and all weights to 1e-10', () => {
    const { c, m, x } = runSelf();
    expect(maxDiff(x.grad!, c.dx)).toBeLessThan(REF);
    m.parameters().forEach((p, i) =>
      expect(maxDiff(p.grad!, c.grads[params[i]])).toBeLessThan(REF));
  });

  it('cross-attention, key padding: outputs and weights to 1e-10', () => {
    const { c, m, out } = runCross();
    expect(maxDiff(out.data, c.out)).toBeLessThan(REF);
    expect(maxDiff(m.averagedWeights().data, c.weights)).toBeLessThan(REF);
  });

  it('cross-attention: gradients of q, k, v and weights to 1e-10', () => {
    const { c, m, q, k, v } = runCross();
    expect(maxDiff(q.grad!, c.dquery)).toBeLessThan(REF);
    expect(maxDiff(k.grad!, c.dkey)).toBeLessThan(REF);
    expect(maxDiff(v.grad!, c.dvalue)).toBeLessThan(REF);
    m.parameters().forEach((p, i) =>
      expect(maxDiff(p.grad!, c.grads[params[i]])).toBeLessThan(REF));
  });

  it("torch's [B·H, Tq, Tk] mask equals the broadcast [Tq, Tk] one", () => {
    const m = layer();
    const x = randomT([2, 4, E], 3, false);
    const a = m.forward(x, x, x, { mask: causalMask(4) }).data;
    const big = new Uint8Array(2 * H * 16);
    for (let s = 0; s < 2 * H; s++) big.set(causalMask(4).blocked, s * 16);
    const b = m.forward(x, x, x, { mask: { shape: [2 * H, 4, 4],
      blocked: big } }).data;
    expect(maxDiff(a, b)).toBe(0);
  });

  it("initialization follows torch's bounds; biases start at 0", () => {
    const m = new MultiHeadAttention(8, 2, createRng(3));
    const a = Math.sqrt(6 / 32), c = 1 / Math.sqrt(8);
    expect(m.inProjWeight.data.every((w) => Math.abs(w) <= a)).toBe(true);
    expect(m.outProjWeight.data.every((w) => Math.abs(w) <= c)).toBe(true);
    expect(m.inProjBias.data.every((b) => b === 0)).toBe(true);
    expect(m.outProjBias.data.every((b) => b === 0)).toBe(true);
  });

  it('without positions, permuting the inputs permutes the outputs', () => {
    const m = new MultiHeadAttention(4, 2, createRng(5));
    const x = randomT([1, 3, 4], 6, false);
    const perm = [2, 0, 1];
    const px = new Tensor(Float64Array.from({ length: 12 }, (_, i) =>
      x.data[perm[Math.floor(i / 4)] * 4 + (i % 4)]), [1, 3, 4]);
    const y = m.forward(x).data, py = m.forward(px).data;
    for (let t = 0; t < 3; t++) {
      expect(maxDiff(py.slice(4 * t, 4 * t + 4),
        y.slice(4 * perm[t], 4 * perm[t] + 4))).toBeLessThan(1e-15);
    }
  });
});

describe('positions', () => {
  it('sinusoidalPositions follows Eq. (att-pe)', () => {
    const pe = sinusoidalPositions(7, 6, 2).data;
    // position 2 + 5 = 7, column 3 = cos(7 / 10000^(2/6))
    expect(pe[5 * 6 + 3]).toBeCloseTo(Math.cos(7 / 10000 ** (2 / 6)), 15);
    expect(pe[5 * 6 + 4]).toBeCloseTo(Math.sin(7 / 10000 ** (4 / 6)), 15);
  });

  it('a rotation by ω_i k shifts every position by k, Eq. (att-pe-rotate)',
    () => {
      const shifted = shiftPositions(sinusoidalPositions(20, 16), 5).data;
      const direct = sinusoidalPositions(20, 16, 5).data;
      expect(maxDiff(shifted, direct)).toBeLessThan(1e-12);
    });

  it('PE(p)·PE(p + k) = Σ_i cos(ω_i k): the offset alone, Eq. (att-pe-dot)',
    () => {
      const d = 16, pe = sinusoidalPositions(60, d).data;
      for (const [p, k] of [[0, 3], [11, 3], [40, 3], [7, 19]]) {
        let dot = 0, ref = 0;
        for (let c = 0; c < d; c++) dot += pe[p * d + c] * pe[(p + k) * d + c];
        for (let c = 0; c < d; c += 2) ref += Math.cos(k / 10000 ** (c / d));
        expect(Math.abs(dot - ref)).toBeLessThan(1e-12);
      }
    });

  it('LearnedPositions adds rows start … and trains its table', () => {
    const lp = new LearnedPositions(5, 2, createRng(1));
    const x = new Tensor(new Float64Array(8), [2, 2, 2]);
    const y = lp.forward(x, 3);
    expect(Array.from(y.data.slice(0, 4))).toEqual(
      Array.from(lp.table.data.slice(6, 10)));
    y.sum().backward();
    expect(Array.from(lp.table.grad!)).toEqual([0, 0, 0, 0, 0, 0, 2, 2,
      2, 2]);
  });

  it('addSinusoidal adds the same code to every sequence', () => {
    const x = new Tensor(new Float64Array(2 * 3 * 4), [2, 3, 4]);
    const y = addSinusoidal(x, 1).data;
    const pe = sinusoidalPositions(3, 4, 1).data;
    expect(maxDiff(y.slice(0, 12), pe)).toBe(0);
    expect(maxDiff(y.slice(12), pe)).toBe(0);
  });
});

describe('why √d', () => {
  it('Var(q·k) = d for unit-variance entries, Eq. (att-variance)', () => {
    const rng = createRng(11), n = 4000;
    for (const d of [4, 64]) {
      const se = Math.sqrt((2 * d * d + 6 * d) / n); // SE of the variance
      expect(Math.abs(dotVariance(d, n, rng) - d)).toBeLessThan(4 * se);
    }
  });

  it('unscaled scores saturate the softmax as d grows; scaled do not',
    () => {
      const spread = (d: number, scale: number) =>
        softmaxSpread(d, 16, scale, 300, createRng(d)).entropy;
      expect(spread(256, 1)).toBeLessThan(0.3 * spread(4, 1));
      const s4 = spread(4, 1 / 2), s256 = spread(256, 1 / 16);
      expect(Math.abs(s256 - s4)).toBeLessThan(0.1 * s4);
    });

  it('temperature: τ → 0 is the argmax, τ → ∞ uniform', () => {
    const s = [1, 3, 2];
    expect(Array.from(softmaxTemperature(s, 1e-3))).toEqual([0, 1, 0]);
    const hot = softmaxTemperature(s, 1e6);
    expect(maxDiff(hot, [1 / 3, 1 / 3, 1 / 3])).toBeLessThan(1e-6);
  });
});

describe('the reversal task', () => {
  it('reverseBatch targets are the strings reversed', () => {
    const { x, y } = reverseBatch(3, 5, 10, createRng(1));
    for (let b = 0; b < 3; b++) {
      for (let t = 0; t < 5; t++) expect(y[b * 5 + t]).toBe(x[b * 5 + 4 - t]);
    }
  });

  it('one attention layer learns to reverse 4 digits in 60 steps', () => {
    const r = trainReverse({ V: 6, T: 4, E: 8, H: 1, steps: 60,
      batch: 16, eta: 0.03, seed: 2 });
    expect(r.accuracy).toBeGreaterThan(0.95);
  });
});

describe('exercise solutions', () => {
  it('attention with augmented keys is the Nadaraya–Watson mean', () => {
    const rng = createRng(3);
    const X = new Matrix(30, 2, rng.normalArray(60));
    const y = rng.normalArray(30);
    const X0 = new Matrix(4, 2, rng.normalArray(8));
    const ours = attentionSmoother(X, y, X0, 0.6);
    for (let r = 0; r < 4; r++) {
      const x0 = X0.data.slice(2 * r, 2 * r + 2);
      expect(Math.abs(ours[r] - nadarayaWatson(X, y, x0, 0.6)))
        .toBeLessThan(1e-12);
    }
  });

  it('linear attention equals its quadratic form, causal or not', () => {
    const q = randomT([7, 3], 1, false), k = randomT([7, 3], 2, false);
    const v = randomT([7, 2], 3, false);
    for (const causal of [false, true]) {
      const w = linearAttentionWeights(q, k, causal);
      const slow = new Float64Array(14);
      for (let i = 0; i < 7; i++) {
        for (let j = 0; j < 7; j++) {
          for (let c = 0; c < 2; c++) {
            slow[i * 2 + c] += w[i * 7 + j] * v.data[j * 2 + c];
          }
        }
      }
      expect(maxDiff(linearAttention(q, k, v, causal).data, slow))
        .toBeLessThan(1e-13);
    }
  });

  it('rotary: a score depends on the offset only', () => {
    const q = randomT([1, 8], 1, false), k = randomT([1, 8], 2, false);
    const score = (p: number, pk: number) => {
      const a = rotary(q, p).data, b = rotary(k, pk).data;
      let s = 0;
      for (let c = 0; c < 8; c++) s += a[c] * b[c];
      return s;
    };
    expect(Math.abs(score(3, 7) - score(20, 24))).toBeLessThan(1e-12);
    expect(Math.abs(score(3, 7) - score(3, 8))).toBeGreaterThan(1e-3);
  });

  it('rotary passes its gradient back through the inverse rotation', () => {
    const x = randomT([3, 4], 4);
    const G = createRng(5).normalArray(12);
    const f = (d: Float64Array) => dotLoss(rotary(new Tensor(d, [3, 4]),
      2), G).data[0];
    const grad = (d: Float64Array) => {
      const t = leaf(d, [3, 4]);
      dotLoss(rotary(t, 2), G).backward();
      return t.grad!;
    };
    expect(gradientCheck(f, grad, x.data).ok).toBe(true);
  });
});

describe('bad input', () => {
  it('the attention functions reject malformed input', () => {
    rejectsBadInput(badInput.attention);
  });

  it('the layers, positions and experiments reject malformed input', () => {
    rejectsBadInput(badInput.layers);
  });

  it('the input checks and solutions reject malformed input', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  it('blindCeiling is 1 at T = 2 and 1.29/3 at T = 4, V = 10',
    () => {
      expect(blindCeiling(2, 7)).toBe(1); // the other digit is known
      // 3 digits of 10: all distinct 0.72, all equal 0.01, else 2
      expect(Math.abs(blindCeiling(4, 10) - 1.29 / 3)).toBeLessThan(1e-15);
    });

  it('blindCeiling equals brute force over all strings (T = 6, V = 4)',
    () => {
      let sum = 0;
      for (let code = 0; code < 4 ** 5; code++) {
        const count = [0, 0, 0, 0];
        for (let c = code, i = 0; i < 5; i++, c = Math.floor(c / 4)) {
          count[c % 4]++;
        }
        sum += Math.max(...count) / 5;
      }
      expect(Math.abs(blindCeiling(6, 4) - sum / 4 ** 5))
        .toBeLessThan(1e-14);
      expect(() => blindCeiling(5, 4)).toThrow(/^blindCeiling: T must/);
    });

  it('no model without positions beats blindCeiling on reversal', () => {
    const o = { V: 6, T: 4, E: 8, H: 1, steps: 60, batch: 16,
      eta: 0.03, seed: 2, testStrings: 300 } as const;
    const r = trainReverse({ ...o, positions: 'none' });
    const c = blindCeiling(o.T, o.V), n = o.T * o.testStrings;
    expect(r.accuracy).toBeLessThan(c + 4 * Math.sqrt(c * (1 - c) / n));
    expect(r.accuracy).toBeGreaterThan(1 / o.V);
  });

  it('without positions equal digits get equal weight in every row, ' +
    'and rows of equal digits are identical', () => {
    const m = new ReverseModel(10, 6, 8, 2, createRng(4), 'none');
    m.logits(Int32Array.of(3, 1, 4, 1, 5, 9), 1);
    const w = m.attn.averagedWeights().data; // [1, 6, 6]
    for (let i = 0; i < 6; i++) {
      expect(w[i * 6 + 1]).toBe(w[i * 6 + 3]);
    }
    expect(Array.from(w.slice(6, 12))).toEqual(Array.from(w.slice(18, 24)));
    expect(maxDiff(w.slice(0, 6), w.slice(6, 12))).toBeGreaterThan(1e-6);
  });

  it('right padding never blocks a whole row; left padding + causal ' +
    'does', () => {
    const q = randomT([2, 4, 3], 1), k = randomT([2, 4, 3], 2);
    for (const lengths of [[1, 4], [2, 3], [1, 1]]) {
      const mask = combineMasks(causalMask(4), { shape: [2, 1, 4],
        blocked: paddingMask(lengths, 4).blocked });
      expect(() => attention(q, k, k, { mask })).not.toThrow();
    }
    const left: Mask = { shape: [1, 1, 4], blocked: Uint8Array.of(1, 1,
      0, 0) }; // a sequence of length 2, padded on the left
    const mask = combineMasks(causalMask(4), left);
    expect(() => attention(q.detach(), k.detach(), k.detach(), { mask }))
      .toThrow(/^attention: every key is masked for query 0/);
  });

  it('a key blocked for every query receives exactly zero gradient',
    () => {
      const q = randomT([3, 4], 1), k = randomT([5, 4], 2);
      const v = randomT([5, 2], 3);
      const mask = maskFrom([[0, 0, 1, 0, 0], [0, 1, 1, 0, 0],
        [0, 0, 1, 0, 1]]); // key 2 blocked for all
      dotLoss(attention(q, k, v, { mask }).output, [1, 2, -1, 0.5, 3, -2])
        .backward();
      expect(Array.from(k.grad!.slice(8, 12))).toEqual([0, 0, 0, 0]);
      expect(Array.from(v.grad!.slice(4, 6))).toEqual([0, 0]);
      expect(maxDiff(k.grad!.slice(0, 4), [0, 0, 0, 0]))
        .toBeGreaterThan(0);
    });

  it('a score ahead by m gets weight at least 1/(1 + (T − 1)e^{−m})',
    () => {
      const rng = createRng(9);
      for (let trial = 0; trial < 50; trial++) {
        const z = rng.normalArray(6);
        let top = 0;
        for (let j = 1; j < 6; j++) if (z[j] > z[top]) top = j;
        let m = Infinity;
        for (let j = 0; j < 6; j++) {
          if (j !== top) m = Math.min(m, z[top] - z[j]);
        }
        const p = softmaxTemperature(z, 1);
        expect(p[top]).toBeGreaterThanOrEqual(
          1 / (1 + 5 * Math.exp(-m)) - 1e-15);
      }
      const tight = softmaxTemperature([2, 0, 0, 0], 1)[0];
      expect(Math.abs(tight - 1 / (1 + 3 * Math.exp(-2))))
        .toBeLessThan(1e-15);
    });

  it('MultiHeadAttention has 4E² + 4E parameters whatever H is', () => {
    for (const H of [1, 2, 3, 6]) {
      const m = new MultiHeadAttention(12, H, createRng(1));
      let n = 0;
      for (const p of m.parameters()) n += p.size;
      expect(n).toBe(4 * 144 + 4 * 12);
    }
  });

  it('shiftPositions turns each (sin, cos) pair by −ω_i k', () => {
    const pe = new Tensor(Float64Array.of(1, 0), [1, 2]); // ω_0 = 1
    const out = shiftPositions(pe, 1).data;
    expect(Math.abs(Math.atan2(out[1], out[0]) - -1)).toBeLessThan(1e-15);
  });
});
