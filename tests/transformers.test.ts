// Tests for the transformers chapter. Each `it` is one claim of the
// chapter; equation labels refer to
// chapters/neural-networks/transformers.mdx. PyTorch values come from
// tests/fixtures/transformers/torch.json, written by
// scripts/reference/transformers.py (Debian's torch 1.13.1, which
// reports 1.13.0a0; float64).
import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Tensor, noGrad } from '../code/autodiff/tensor.ts';
import { crossEntropy } from '../code/autodiff/fused.ts';
import { LayerNorm } from
  '../code/initialization-and-normalization/layernorm.ts';
import { causalMask } from '../code/attention/mask.ts';
import { block, normLast } from '../code/transformers/block.ts';
import { feedForward } from '../code/transformers/mlp.ts';
import { Decoder } from '../code/transformers/decoder.ts';
import { CrossBlock } from '../code/transformers/cross.ts';
import {
  loadBlock, loadCrossBlock, loadDecoder, torchLayout,
} from '../code/transformers/torch.ts';
import {
  padBatch, sequenceLoss, trainDecoder,
} from '../code/transformers/train.ts';
import {
  decoderWordLosses, sampleDecoderWord, wordExamples,
} from '../code/transformers/words.ts';
import { blockParams, decoderParams } from '../code/transformers/count.ts';
import { blockGradNorms } from '../code/transformers/depth.ts';
import { randomSequences } from '../code/transformers/pitfalls.ts';
import {
  BOS, Seq2Seq, crossAttentionMap, greedyDecode, reverseAccuracy,
  reverseTask, seq2seqLoss, trainSeq2Seq,
} from '../code/transformers/seq2seq.ts';
import {
  tiedForward, tiedParameters,
} from '../code/transformers/solutions/tied.ts';
import { forwardMacs } from '../code/transformers/solutions/flops.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/transformers.ts';
import { fixture } from './helpers.ts';

const torch = fixture('transformers', 'torch.json');
const { B, T, E, heads, M, V, C, layers, Ts } = torch.sizes;
const REF = 1e-10; // the brief's bar; the runs agree to ~1e-14

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Our gradient of a torch parameter, in torch's layout: Linear weights
 *  transposed back, everything else as it is. */
function ourGrad(t: Tensor, torchName: string): Float64Array {
  const linear = /linear[12]\.weight$|head\.weight$/.test(torchName);
  return linear ? torchLayout(t) : (t.grad as Float64Array);
}

/** The torch name of each of a Block's tensors, in parameters() order. */
const BLOCK_NAMES = ['self_attn.in_proj_weight', 'self_attn.in_proj_bias',
  'self_attn.out_proj.weight', 'self_attn.out_proj.bias', 'norm1.weight',
  'norm1.bias', 'linear1.weight', 'linear1.bias', 'linear2.weight',
  'linear2.bias', 'norm2.weight', 'norm2.bias'];

function encoderCase(key: 'postLN' | 'preLN') {
  const r = torch[key];
  const b = block(E, heads, M, createRng(1), key === 'preLN' ? 'pre'
    : 'post');
  loadBlock(b, r.weights);
  const x = new Tensor(r.x, [B, T, E], true);
  const y = b.forward(x, causalMask(T));
  const out = maxDiff(y.data, r.y);
  y.mul(new Tensor(r.G, [B, T, E])).sum().backward();
  let grads = maxDiff(x.grad as Float64Array, r.dx);
  b.parameters().forEach((p, i) => {
    grads = Math.max(grads, maxDiff(ourGrad(p, BLOCK_NAMES[i]),
      r.grads[BLOCK_NAMES[i]]));
  });
  return { out, grads };
}

describe('against torch.nn.TransformerEncoderLayer (gelu, causal mask)', () => {
  it('post-LN (norm_first=False): output and every gradient to 1e-10', () => {
    const { out, grads } = encoderCase('postLN');
    expect(out).toBeLessThan(REF);
    expect(grads).toBeLessThan(REF);
  });

  it('pre-LN (norm_first=True): output and every gradient to 1e-10', () => {
    const { out, grads } = encoderCase('preLN');
    expect(out).toBeLessThan(REF);
    expect(grads).toBeLessThan(REF);
  });
});

describe('against a tiny decoder-only model built from torch modules', () => {
  it('the same logits, loss and gradient of every parameter', () => {
    const r = torch.decoderOnly;
    const m = new Decoder({ vocab: V, context: C, embed: E, heads, layers,
      mlp: M }, 3);
    loadDecoder(m, r.weights);
    const rows = [0, 1].map((b) => r.ids.slice(b * T, (b + 1) * T));
    const z = m.forward(rows);
    expect(z.shape).toEqual([B, T, V]);
    expect(maxDiff(z.data, r.logits)).toBeLessThan(REF);
    const loss = crossEntropy(z.reshape([B * T, V]), r.targets);
    expect(Math.abs(loss.data[0] - r.loss)).toBeLessThan(REF);
    loss.backward();
    const names = ['tok.weight', 'pos',
      ...[0, 1].flatMap((i) => BLOCK_NAMES.map((n) => `blocks.${i}.${n}`)),
      'ln_f.weight', 'ln_f.bias', 'head.weight', 'head.bias'];
    const params = m.parameters();
    expect(params.length).toBe(names.length);
    let worst = 0;
    params.forEach((p, i) => {
      worst = Math.max(worst, maxDiff(ourGrad(p, names[i]),
        r.grads[names[i]]));
    });
    expect(worst).toBeLessThan(REF);
  });
});

describe('against torch.nn.TransformerDecoderLayer (cross-attention)', () => {
  const NAMES = ['self_attn.in_proj_weight', 'self_attn.in_proj_bias',
    'self_attn.out_proj.weight', 'self_attn.out_proj.bias',
    'multihead_attn.in_proj_weight', 'multihead_attn.in_proj_bias',
    'multihead_attn.out_proj.weight', 'multihead_attn.out_proj.bias',
    'linear1.weight', 'linear1.bias', 'linear2.weight', 'linear2.bias',
    'norm1.weight', 'norm1.bias', 'norm2.weight', 'norm2.bias',
    'norm3.weight', 'norm3.bias'];
  const run = (key: 'decoderPostLN' | 'decoderPreLN') => {
    const r = torch[key];
    const b = new CrossBlock(E, heads, M, createRng(1),
      key === 'decoderPreLN' ? 'pre' : 'post');
    loadCrossBlock(b, r.weights);
    const x = new Tensor(r.tgt, [B, T, E], true);
    const mem = new Tensor(r.memory, [B, Ts, E], true);
    const y = b.forward(x, mem, causalMask(T));
    const out = maxDiff(y.data, r.y);
    y.mul(new Tensor(r.G, [B, T, E])).sum().backward();
    let grads = Math.max(maxDiff(x.grad as Float64Array, r.dtgt),
      maxDiff(mem.grad as Float64Array, r.dmemory));
    b.parameters().forEach((p, i) => {
      grads = Math.max(grads, maxDiff(ourGrad(p, NAMES[i]),
        r.grads[NAMES[i]]));
    });
    return { out, grads };
  };

  it('post-LN: output, tgt, memory and every weight to 1e-10', () => {
    const { out, grads } = run('decoderPostLN');
    expect(Math.max(out, grads)).toBeLessThan(REF);
  });

  it('pre-LN: output, tgt, memory and every weight to 1e-10', () => {
    const { out, grads } = run('decoderPreLN');
    expect(Math.max(out, grads)).toBeLessThan(REF);
  });
});

describe('the block', () => {
  it('gradient of a pre-LN block by finite differences, Eq. (tf-pre)', () => {
    const b = block(4, 2, 8, createRng(5), 'pre');
    const G = new Tensor(createRng(6).normalArray(2 * 3 * 4), [2, 3, 4]);
    const x0 = createRng(7).normalArray(2 * 3 * 4);
    const f = (x: Float64Array) => noGrad(() => b.forward(
      new Tensor(x, [2, 3, 4]), causalMask(3)).mul(G).sum().data[0]);
    const grad = (x: Float64Array) => {
      const t = new Tensor(x, [2, 3, 4], true);
      b.forward(t, causalMask(3)).mul(G).sum().backward();
      return t.grad as Float64Array;
    };
    expect(gradientCheck(f, grad, x0).ok).toBe(true);
  });

  it('gradient of a post-LN block by finite differences, Eq. (tf-post)', () => {
    const b = block(4, 2, 8, createRng(8), 'post');
    const G = new Tensor(createRng(9).normalArray(24), [2, 3, 4]);
    const x0 = createRng(10).normalArray(24);
    const f = (x: Float64Array) => noGrad(() => b.forward(
      new Tensor(x, [2, 3, 4])).mul(G).sum().data[0]);
    const grad = (x: Float64Array) => {
      const t = new Tensor(x, [2, 3, 4], true);
      b.forward(t).mul(G).sum().backward();
      return t.grad as Float64Array;
    };
    expect(gradientCheck(f, grad, x0).ok).toBe(true);
  });

  it('pre-LN adds to the residual stream: zero output weights give x', () => {
    const b = block(8, 2, 16, createRng(11), 'pre');
    b.attn.outProjWeight.data.fill(0);
    b.mlp.fc2.W.data.fill(0);
    const x = new Tensor(createRng(12).normalArray(2 * 3 * 8), [2, 3, 8]);
    const y = noGrad(() => b.forward(x, causalMask(3)));
    expect(maxDiff(y.data, x.data)).toBe(0);
  });

  it('post-LN ends in a layer norm: every position has mean 0, var 1', () => {
    const b = block(8, 2, 16, createRng(13), 'post');
    const x = new Tensor(createRng(14).normalArray(48), [2, 3, 8]);
    const y = noGrad(() => b.forward(x)).data;
    let worst = 0;
    for (let r = 0; r < 6; r++) {
      let m = 0, v = 0;
      for (let j = 0; j < 8; j++) m += y[r * 8 + j] / 8;
      for (let j = 0; j < 8; j++) v += (y[r * 8 + j] - m) ** 2 / 8;
      worst = Math.max(worst, Math.abs(m), Math.abs(v - 1 + 1e-5 * v));
    }
    expect(worst).toBeLessThan(1e-4); // var = σ²/(σ² + eps) < 1
  });

  it('normLast is LayerNorm applied to each position of [B, T, E]', () => {
    const ln = new LayerNorm(4);
    const x = new Tensor(createRng(15).normalArray(24), [2, 3, 4]);
    const a = normLast(ln, x);
    const b = ln.forward(x.reshape([6, 4]));
    expect(a.shape).toEqual([2, 3, 4]);
    expect(maxDiff(a.data, b.data)).toBe(0);
  });

  it('the MLP is fc2(x Φ(x)) of fc1, the exact GELU, Eq. (tf-mlp)', () => {
    const f = feedForward(2, 3, createRng(16));
    const x = new Tensor([0.3, -1.2], [1, 2]);
    const h = f.fc1.forward(x).data;
    // Φ by a fine trapezoid rule on N(0, 1)'s density, independent of erf
    const Phi = (z: number) => {
      let s = 0;
      const n = 200000, lo = -12, dx = (z - lo) / n;
      for (let i = 0; i <= n; i++) {
        const t = lo + i * dx;
        s += (i === 0 || i === n ? 0.5 : 1) * Math.exp(-t * t / 2);
      }
      return s * dx / Math.sqrt(2 * Math.PI);
    };
    const g = Array.from(h, (z) => z * Phi(z));
    const want = f.fc2.forward(new Tensor(g, [1, 3])).data;
    expect(maxDiff(f.forward(x).data, want)).toBeLessThan(1e-9);
  });
});

describe('the decoder-only model', () => {
  const config = { vocab: 6, context: 5, embed: 8, heads: 2, layers: 2,
    mlp: 16 };

  it('is causal: a later token never changes an earlier logit', () => {
    const m = new Decoder(config, 1);
    const a = noGrad(() => m.forward([[1, 2, 3, 4]])).data;
    const b = noGrad(() => m.forward([[1, 2, 3, 5]])).data;
    expect(maxDiff(a.subarray(0, 3 * 6), b.subarray(0, 3 * 6))).toBe(0);
    expect(maxDiff(a.subarray(18), b.subarray(18))).toBeGreaterThan(1e-3);
  });

  it('without the causal mask, the future leaks into the past', () => {
    const m = new Decoder(config, 1);
    m.causal = false;
    const a = noGrad(() => m.forward([[1, 2, 3, 4]])).data;
    const b = noGrad(() => m.forward([[1, 2, 3, 5]])).data;
    expect(maxDiff(a.subarray(0, 6), b.subarray(0, 6)))
      .toBeGreaterThan(1e-3);
  });

  it('parameters: 12E² + 13E per block when M = 4E, Eq. (tf-count-block)', () => {
    expect(blockParams(16, 64)).toBe(12 * 16 * 16 + 13 * 16);
    const b = block(16, 4, 64, createRng(2));
    expect(b.parameters().reduce((s, p) => s + p.size, 0)).toBe(
      blockParams(16, 64));
  });

  it('parameters: the model count of Eq. (tf-count-model)', () => {
    const m = new Decoder({ ...config, layers: 3 }, 2);
    expect(m.parameters().reduce((s, p) => s + p.size, 0)).toBe(
      decoderParams({ ...config, layers: 3 }));
  });

  it('a seed fixes the model; another seed changes it', () => {
    const a = new Decoder(config, 4).forward([[0, 1]]).data;
    const b = new Decoder(config, 4).forward([[0, 1]]).data;
    const c = new Decoder(config, 5).forward([[0, 1]]).data;
    expect(maxDiff(a, b)).toBe(0);
    expect(maxDiff(a, c)).toBeGreaterThan(0);
  });

  it('the loss skips padding: a padded batch = its words alone', () => {
    const m = new Decoder(config, 6);
    const ex = [{ inputs: [0, 2, 3], targets: [2, 3, 1] },
      { inputs: [0, 4], targets: [4, 1] }];
    const both = sequenceLoss(m, ex).data[0];
    const one = sequenceLoss(m, [ex[0]]).data[0];
    const two = sequenceLoss(m, [ex[1]]).data[0];
    expect(both).toBeCloseTo((3 * one + 2 * two) / 5, 12);
    const { tokens, targets } = padBatch(ex);
    expect(tokens.map((r) => [...r])).toEqual([[0, 2, 3], [0, 4, 0]]);
    expect([...targets]).toEqual([2, 3, 1, 4, 1, -1]);
  });

  it('training lowers the loss, and a seed fixes the run', () => {
    // a learnable task: name the token just read
    const data = randomSequences(32, 4, 6, createRng(3)).map((e) => ({
      inputs: e.inputs, targets: e.inputs }));
    const run = () => trainDecoder(new Decoder(config, 7), data,
      { steps: 30, batchSize: 8, eta: 0.02, seed: 1 });
    const a = run();
    expect(a[29]).toBeLessThan(0.6 * a[0]);
    expect(run()).toEqual(a);
  });

  it('without the mask, unpredictable tokens are "predicted" (Pitfalls)', () => {
    const data = randomSequences(64, 5, 6, createRng(4));
    const m = new Decoder({ ...config, layers: 1 }, 8);
    m.causal = false;
    const l = trainDecoder(m, data, { steps: 60, batchSize: 16,
      eta: 0.03, seed: 2 });
    let last = 0;
    for (let k = 50; k < 60; k++) last += l[k] / 10;
    expect(last).toBeLessThan(0.6 * Math.log(6)); // log V is the best
  });

  it('per-word losses sum to the batch loss times its characters', () => {
    const m = new Decoder({ ...config, vocab: 28, context: 8 }, 9);
    const words = ['cat', 'horse', 'ox'];
    const wl = decoderWordLosses(m, words);
    expect(wl.map((w) => w.count)).toEqual([4, 6, 3]);
    const total = wl.reduce((s, w) => s + w.loss, 0);
    const mean = noGrad(() => sequenceLoss(m, wordExamples(words))).data[0];
    expect(total / 13).toBeCloseTo(mean, 12);
  });

  it('samples: seeded, letters only, at most maxLength', () => {
    const m = new Decoder({ ...config, vocab: 28, context: 8 }, 10);
    const a = sampleDecoderWord(m, createRng(1), 1, 7);
    expect(sampleDecoderWord(m, createRng(1), 1, 7)).toBe(a);
    expect(a).toMatch(/^[a-z]{0,7}$/);
  });

  it('the depth study: one gradient norm per block, all finite', () => {
    const g = blockGradNorms({ ...config, vocab: 28, context: 8,
      layers: 3, norm: 'post' }, 1, wordExamples(['cat', 'dog']));
    expect(g).toHaveLength(3);
    expect(g.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });
});

describe('the encoder–decoder', () => {
  const cfg = { length: 4, embed: 8, heads: 2, layers: 1, mlp: 16 };

  it('the task: each target is its source reversed', () => {
    const { src, tgt } = reverseTask(5, 4, createRng(1));
    src.forEach((s, i) => expect(tgt[i]).toEqual(s.slice().reverse()));
  });

  it('teacher forcing: the loss is the CE of BOS + shifted targets', () => {
    const m = new Seq2Seq(cfg, 1);
    const src = [[1, 2, 3, 4]], tgt = [[4, 3, 2, 1]];
    const z = m.decode(m.encode(src), [[BOS, 4, 3, 2]]);
    const want = crossEntropy(z.reshape([4, 10]), [4, 3, 2, 1]).data[0];
    expect(seq2seqLoss(m, src, tgt).data[0]).toBeCloseTo(want, 14);
  });

  it('greedy decoding: one digit per source position', () => {
    const m = new Seq2Seq(cfg, 2);
    const out = greedyDecode(m, [[1, 2, 3, 4], [5, 6, 7, 8]]);
    expect(out).toHaveLength(2);
    expect(out.every((r) => r.length === 4 &&
      r.every((d) => d >= 0 && d <= 9))).toBe(true);
  });

  it('cross-attention weights: each output row sums to 1', () => {
    const m = new Seq2Seq(cfg, 3);
    const { weights, L } = crossAttentionMap(m, [1, 2, 3, 4]);
    for (let t = 0; t < L; t++) {
      let s = 0;
      for (let j = 0; j < L; j++) s += weights[t * L + j];
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('without source positions, a string and its reversal look alike', () => {
    const m = new Seq2Seq(cfg, 4);
    m.sourcePositions = false;
    const tgtIn = [[BOS, 4, 3, 2]];
    const a = noGrad(() => m.decode(m.encode([[1, 2, 3, 4]]), tgtIn));
    const b = noGrad(() => m.decode(m.encode([[4, 3, 2, 1]]), tgtIn));
    expect(maxDiff(a.data, b.data)).toBeLessThan(1e-12);
  });

  it('a few steps of training lower the loss; accuracy is in [0, 1]', () => {
    const m = new Seq2Seq(cfg, 5);
    const l = trainSeq2Seq(m, { steps: 40, batchSize: 8, eta: 0.02,
      seed: 1 });
    let last = 0;
    for (let k = 30; k < 40; k++) last += l[k] / 10;
    expect(last).toBeLessThan(0.8 * l[0]);
    const acc = reverseAccuracy(m, 20, 2);
    expect(acc.digits).toBeGreaterThanOrEqual(acc.exact);
    expect(acc.digits).toBeLessThanOrEqual(1);
  });
});

describe('exercise solutions', () => {
  const config = { vocab: 7, context: 5, embed: 8, heads: 2, layers: 1,
    mlp: 16 };

  it('a GPT-2-sized block and embeddings: the first exercise', () => {
    const block768 = blockParams(768, 3072);
    expect(block768).toBe(7087872);
    const emb = (50257 + 1024) * 768;
    expect(emb).toBe(39383808);
    expect(Math.ceil(emb / block768)).toBe(6);
    expect(50257 * 768 + 50257).toBe(38647633);
  });

  it('tied weights: VE fewer parameters, and U gets both gradients', () => {
    const m = new Decoder(config, 1);
    const n = (ps: Tensor[]) => ps.reduce((s, p) => s + p.size, 0);
    expect(n(m.parameters()) - n(tiedParameters(m))).toBe(7 * 8);
    const U = m.tokenEmbed;
    const f = (u: Float64Array) => {
      const saved = U.data.slice();
      U.data.set(u);
      const v = noGrad(() => tiedForward(m, [[1, 2, 3]]).sum().data[0]);
      U.data.set(saved);
      return v;
    };
    const grad = (u: Float64Array) => {
      const saved = U.data.slice();
      U.data.set(u);
      U.grad = null;
      tiedForward(m, [[1, 2, 3]]).sum().backward();
      U.data.set(saved);
      return U.grad as unknown as Float64Array;
    };
    expect(gradientCheck(f, grad, U.data.slice()).ok).toBe(true);
  });

  it('forward cost: the matrix products of the model, counted one by one', () => {
    const c = { vocab: 28, context: 18, embed: 16, heads: 2, layers: 2,
      mlp: 64 };
    const t = 10, { embed: e, mlp: m, vocab: v } = c;
    const shapes: [number, number, number][] = []; // (m×k)(k×n)
    for (let l = 0; l < c.layers; l++) {
      shapes.push([t, e, 3 * e]); // Q, K, V
      for (let h = 0; h < c.heads; h++) {
        shapes.push([t, e / c.heads, t]); // scores
        shapes.push([t, t, e / c.heads]); // weights times V
      }
      shapes.push([t, e, e], [t, e, m], [t, m, e]);
    }
    shapes.push([t, e, v]);
    const macs = shapes.reduce((s, [a, b, d]) => s + a * b * d, 0);
    expect(forwardMacs(c, t)).toBe(macs);
  });
});

describe('bad input', () => {
  it('models and layers', () => {
    rejectsBadInput(badInput.models);
  });

  it('training, words and tasks', () => {
    rejectsBadInput(badInput.training);
  });

  it('torch loaders, counts and solutions', () => {
    rejectsBadInput(badInput.other);
  });

  it('checks', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('review', () => {
  it('Eq. (tf-ln-jac): the layer norm Jacobian (γ = 1, ε → 0)', () => {
    const E = 5, ln = new LayerNorm(E, 1e-14);
    const x0 = createRng(40).normalArray(E);
    let mu = 0, v = 0;
    for (const a of x0) mu += a / E;
    for (const a of x0) v += (a - mu) ** 2 / E;
    const xh = Array.from(x0, (a) => (a - mu) / Math.sqrt(v));
    let worst = 0;
    for (let i = 0; i < E; i++) { // row i: the gradient of output i
      const x = new Tensor(x0.slice(), [1, E], true);
      const oneHot = new Float64Array(E);
      oneHot[i] = 1;
      ln.forward(x).mul(new Tensor(oneHot, [1, E])).sum().backward();
      for (let j = 0; j < E; j++) {
        const want = ((i === j ? 1 : 0) - 1 / E - xh[i] * xh[j] / E) /
          Math.sqrt(v);
        worst = Math.max(worst, Math.abs((x.grad as Float64Array)[j] -
          want));
      }
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('pre-LN with zero output weights passes the gradient unchanged, ' +
    'Eq. (tf-stream-grad)', () => {
    const b = block(8, 2, 16, createRng(41), 'pre');
    b.attn.outProjWeight.data.fill(0);
    b.mlp.fc2.W.data.fill(0);
    const x = new Tensor(createRng(42).normalArray(48), [2, 3, 8], true);
    const G = new Tensor(createRng(43).normalArray(48), [2, 3, 8]);
    b.forward(x, causalMask(3)).mul(G).sum().backward();
    expect(maxDiff(x.grad as Float64Array, G.data)).toBe(0);
  });

  it('blockGradNorms is the norm of each block\'s W₂ gradient', () => {
    const config = { vocab: 28, context: 8, embed: 8, heads: 2,
      layers: 3, mlp: 16, norm: 'post' as const };
    const batch = wordExamples(['cat', 'horse']);
    const g = blockGradNorms(config, 3, batch);
    const m = new Decoder(config, 3);
    sequenceLoss(m, batch).backward();
    m.blocks.forEach((b, i) => {
      let sq = 0;
      for (const v of b.mlp.fc2.W.grad as Float64Array) sq += v * v;
      expect(g[i]).toBeCloseTo(Math.sqrt(sq), 12);
    });
  });

  it('exercise 1: tying saves VE, about five and a half blocks', () => {
    const VE = 50257 * 768;
    expect(VE).toBe(38597376);
    const blocks = VE / blockParams(768, 3072);
    expect(blocks).toBeGreaterThan(5.4);
    expect(blocks).toBeLessThan(5.6);
  });

  it('2 FLOPs per weight of the blocks and head per token, T ≪ E', () => {
    const c = { vocab: 50257, context: 1024, embed: 768, heads: 12,
      layers: 12, mlp: 3072 };
    const weights = c.layers * blockParams(768, 3072) + 768 * 50257 +
      50257;
    const perToken = forwardMacs(c, 8) / 8; // multiply–adds, T = 8
    expect(Math.abs(perToken / weights - 1)).toBeLessThan(0.01);
  });
});
