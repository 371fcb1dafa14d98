// Tests for the convolutional-networks chapter. Each `it` is one claim
// of the chapter; equation labels refer to
// chapters/neural-networks/convolutional-networks.mdx. PyTorch values
// come from tests/fixtures/convolutional-networks/torch.json, written by
// scripts/reference/convolutional_networks.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng, type Rng } from '../code/introduction/random.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, linear } from '../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../code/multilayer-perceptron/mlp.ts';
import { trainStep } from '../code/multilayer-perceptron/train.ts';
import {
  type Geometry, geometry, outputSize, receptiveField,
} from '../code/convolutional-networks/geometry.ts';
import { col2im, im2col } from '../code/convolutional-networks/im2col.ts';
import { conv2d, conv2dDirect } from '../code/convolutional-networks/conv.ts';
import { avgPool2d, maxPool2d } from '../code/convolutional-networks/pool.ts';
import {
  BatchNorm2d, channelsLast,
} from '../code/convolutional-networks/batchnorm2d.ts';
import {
  Conv2d, Pool2d, Reshape, lenet,
} from '../code/convolutional-networks/layers.ts';
import {
  convTranspose2d,
} from '../code/convolutional-networks/solutions/transposed.ts';
import { shift } from '../code/convolutional-networks/solutions/shift.ts';
import {
  pointwise,
} from '../code/convolutional-networks/solutions/pointwise.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/convolutional-networks.ts';
import { fixture } from './helpers.ts';

const torch = fixture('convolutional-networks', 'torch.json');
const TIGHT = { rtol: 1e-10, atol: 1e-10 };

function randn(shape: number[], rng: Rng, grad = false): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  return new Tensor(rng.normalArray(n, 0, 1), shape, grad);
}

/** Loss Σ out ⊙ G for a fixed G: its gradient at out is G. */
function against(out: Tensor, G: ArrayLike<number>): Tensor {
  return out.mul(new Tensor(Float64Array.from(G), out.shape)).sum();
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** A torch conv case as our tensors, with gradients. */
function torchCase(c: any) {
  const x = new Tensor(c.x, c.xShape, true);
  const w = new Tensor(c.w, c.wShape, true);
  const b = new Tensor(c.b, [c.b.length], true);
  const o = { stride: c.stride, padding: c.padding,
    dilation: c.dilation };
  return { x, w, b, o };
}

/** [a, b, h, w] → [b, a, h, w]. */
function swap01(t: Tensor): Tensor {
  const [a, b, h, w] = t.shape;
  const P = h * w;
  const y = new Float64Array(t.size);
  for (let i = 0; i < a; i++) {
    for (let j = 0; j < b; j++) {
      y.set(t.data.subarray((i * b + j) * P, (i * b + j + 1) * P),
        (j * a + i) * P);
    }
  }
  return new Tensor(y, [b, a, h, w]);
}

/** im2col (cols null) or col2im (x null) as first written: every
 *  (pixel, tap) pair in order, each tested against the image's edges. */
function entryByEntry(x: Float64Array | null, cols: Float64Array | null,
  g: Geometry): Float64Array {
  const { n, c, h, w, kh, kw, s, p, d, oh, ow } = g;
  const out = new Float64Array(x ? n * oh * ow * c * kh * kw
    : n * c * h * w);
  let at = 0;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        for (let ch = 0; ch < c; ch++) {
          for (let u = 0; u < kh; u++) {
            for (let v = 0; v < kw; v++, at++) {
              const y = i * s + u * d - p, z = j * s + v * d - p;
              if (y < 0 || y >= h || z < 0 || z >= w) continue;
              const xi = ((b * c + ch) * h + y) * w + z;
              if (x) out[at] = x[xi];
              else out[xi] += (cols as Float64Array)[at];
            }
          }
        }
      }
    }
  }
  return out;
}

describe('output size, Eq. (cnn-out-size)', () => {
  it('matches the shape of torch.nn.functional.conv2d in 10 cases', () => {
    for (const s of torch.sizes) {
      expect(outputSize(s.n, s.k, s.p, s.s, s.d)).toBe(s.out);
    }
  });

  it('dilation widens the kernel to d(k − 1) + 1, not d·k', () => {
    // n = 8, k = 3, d = 2: span 5, so 4 outputs; d·k = 6 would give 3
    expect(outputSize(8, 3, 0, 1, 2)).toBe(4);
    expect(outputSize(8, 5, 0, 1, 1)).toBe(4); // same span, same size
  });

  it("padding (k − 1)/2 keeps the size at stride 1 ('same')", () => {
    expect(outputSize(28, 5, 2)).toBe(28);
    expect(outputSize(13, 3, 1)).toBe(13);
  });
});

describe('im2col, Eq. (cnn-im2col)', () => {
  it('conv2d (im2col and a product) equals the direct loop', () => {
    const rng = createRng(1);
    const x = randn([2, 3, 9, 8], rng), w = randn([4, 3, 3, 2], rng);
    const b = randn([4], rng);
    const o = { stride: 2, padding: 1, dilation: 2 };
    assertAllClose(conv2d(x, w, b, o).data, conv2dDirect(x, w, b, o).data,
      { rtol: 1e-13, atol: 1e-13 });
  });

  it('im2col and col2im equal the entry-by-entry loops bit for bit', () => {
    const rng = createRng(9);
    const cases: [number[], number[], object][] = [
      [[2, 1, 28, 28], [6, 1, 5, 5], {}], // LeNet's first layer
      [[2, 6, 12, 12], [16, 6, 5, 5], {}],
      [[2, 2, 11, 9], [4, 2, 3, 3], { padding: 2, stride: 2, dilation: 2 }],
      [[1, 3, 5, 4], [2, 3, 3, 3], { padding: 3, dilation: 3 }],
      [[2, 1, 10, 10], [1, 1, 2, 4], { padding: 1, stride: 3 }],
      [[1, 2, 3, 7], [1, 2, 3, 1], { padding: 4, stride: 2 }],
    ];
    for (const [xs, ws, o] of cases) {
      const x = randn(xs, rng), w = randn(ws, rng);
      const g = geometry('test', x, w, o);
      const cols = im2col(x.data, g);
      expect(cols).toEqual(entryByEntry(x.data, null, g));
      const C = rng.normalArray(cols.length, 0, 1);
      expect(col2im(C, g)).toEqual(entryByEntry(null, C, g));
    }
  });

  it('col2im is the adjoint of im2col: ⟨im2col x, C⟩ = ⟨x, col2im C⟩',
    () => {
      const rng = createRng(2);
      const x = randn([2, 2, 7, 6], rng), w = randn([3, 2, 3, 3], rng);
      const g = geometry('test', x, w, { stride: 2, padding: 2,
        dilation: 2 });
      const C = rng.normalArray(2 * 2 * 9 * g.oh * g.ow, 0, 1);
      const lhs = dot(im2col(x.data, g), C);
      expect(Math.abs(lhs - dot(x.data, col2im(C, g)))).toBeLessThan(
        1e-12 * Math.abs(lhs) + 1e-12);
    });
});

describe('conv2d against PyTorch', () => {
  it('the output matches F.conv2d in 4 cases to 1e-12', () => {
    for (const c of torch.conv) {
      const { x, w, b, o } = torchCase(c);
      const y = conv2d(x, w, b, o);
      expect(y.shape).toEqual(c.outShape);
      assertAllClose(y.data, c.out, { rtol: 1e-12, atol: 1e-12 });
    }
  });

  it('input, weight and bias gradients match autograd to 1e-10', () => {
    for (const c of torch.conv) {
      const { x, w, b, o } = torchCase(c);
      against(conv2d(x, w, b, o), c.G).backward();
      assertAllClose(x.grad as Float64Array, c.dx, TIGHT);
      assertAllClose(w.grad as Float64Array, c.dw, TIGHT);
      assertAllClose(b.grad as Float64Array, c.db, TIGHT);
    }
  });
});

describe('conv2d backward, Eqs. (cnn-grad-w) to (cnn-grad-x)', () => {
  const rng = createRng(3);
  const X = randn([2, 2, 6, 5], rng), W = randn([3, 2, 3, 2], rng);
  const B = randn([3], rng);
  const o = { stride: 2, padding: 1, dilation: 2 };
  const G = rng.normalArray(2 * 3 * outputSize(6, 3, 1, 2, 2) *
    outputSize(5, 2, 1, 2, 2), 0, 1);
  const loss = (xd: Float64Array, wd: Float64Array, bd: Float64Array) =>
    against(conv2d(new Tensor(xd, X.shape), new Tensor(wd, W.shape),
      new Tensor(bd, [3]), o), G).data[0];
  const grads = () => {
    const x = new Tensor(X.data.slice(), X.shape, true);
    const w = new Tensor(W.data.slice(), W.shape, true);
    const b = new Tensor(B.data.slice(), [3], true);
    against(conv2d(x, w, b, o), G).backward();
    return { x: x.grad as Float64Array, w: w.grad as Float64Array,
      b: b.grad as Float64Array };
  };

  it('the input gradient passes a finite-difference check', () => {
    const r = gradientCheck((v) => loss(v, W.data, B.data),
      () => grads().x, X.data);
    expect(r.ok).toBe(true);
  });

  it('the weight gradient passes a finite-difference check', () => {
    const r = gradientCheck((v) => loss(X.data, v, B.data),
      () => grads().w, W.data);
    expect(r.ok).toBe(true);
  });

  it('the bias gradient passes a finite-difference check', () => {
    const r = gradientCheck((v) => loss(X.data, W.data, v),
      () => grads().b, B.data);
    expect(r.ok).toBe(true);
  });

  it('stride 1: the input gradient is a full correlation of G with the ' +
    'flipped kernel, Eq. (cnn-grad-x-full)', () => {
    const r = createRng(4);
    const x = randn([2, 3, 7, 6], r, true), w = randn([4, 3, 3, 3], r);
    const p = 1;
    const y = conv2d(x, w, null, { padding: p });
    const g = new Tensor(r.normalArray(y.size, 0, 1), y.shape);
    against(y, g.data).backward();
    const [co, c, k] = w.shape; // flipped, in and out channels swapped
    const f = new Float64Array(w.size);
    for (let q = 0; q < co; q++) for (let ch = 0; ch < c; ch++) {
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) {
        f[((ch * co + q) * k + u) * k + v] =
          w.data[((q * c + ch) * k + k - 1 - u) * k + k - 1 - v];
      }
    }
    const full = conv2dDirect(g, new Tensor(f, [c, co, k, k]), null,
      { padding: k - 1 - p });
    assertAllClose(x.grad as Float64Array, full.data,
      { rtol: 1e-12, atol: 1e-12 });
  });

  it('stride 1: the weight gradient is the correlation of x with G, ' +
    'Eq. (cnn-grad-w)', () => {
    const r = createRng(5);
    const x = randn([3, 2, 6, 6], r), w = randn([4, 2, 3, 3], r, true);
    const y = conv2d(x, w, null, { padding: 1 });
    const g = new Tensor(r.normalArray(y.size, 0, 1), y.shape);
    against(y, g.data).backward();
    // channels of x play images, images play channels: [c, n, h, w]
    const corr = conv2dDirect(swap01(x), swap01(g), null, { padding: 1 });
    assertAllClose(w.grad as Float64Array, swap01(corr).data,
      { rtol: 1e-12, atol: 1e-12 });
  });

  it('without a bias, only x and w get gradients', () => {
    const r = createRng(6);
    const x = randn([1, 2, 5, 5], r, true), w = randn([2, 2, 3, 3], r, true);
    conv2d(x, w, null).sum().backward();
    expect(x.grad).not.toBeNull();
    expect(w.grad).not.toBeNull();
  });

  it('handles a 320 × 320 image (102,400 pixels)', () => {
    const x = new Tensor(new Float64Array(320 * 320).fill(1),
      [1, 1, 320, 320], true);
    const w = new Tensor(new Float64Array(9).fill(1), [1, 1, 3, 3], true);
    const y = conv2d(x, w, null, { padding: 1 });
    y.sum().backward();
    expect(y.data[321]).toBe(9); // an inner pixel sees 9 ones
    expect((x.grad as Float64Array)[0]).toBe(4); // a corner feeds 4
  });
});


describe('pooling, Eqs. (cnn-maxpool) and (cnn-avgpool)', () => {
  it('max pooling matches F.max_pool2d, ties included (2/2 and 3/2)',
    () => {
      for (const c of torch.maxpool) {
        const x = new Tensor(c.x, c.xShape, true);
        const y = maxPool2d(x, c.k, c.s);
        expect(y.shape).toEqual(c.outShape);
        assertAllClose(y.data, c.out, { rtol: 0, atol: 0 });
        against(y, c.G).backward();
        assertAllClose(x.grad as Float64Array, c.dx, TIGHT);
      }
    });

  it('a tied window sends its gradient to its first entry, row-major',
    () => {
      const x = new Tensor([1, 1, 1, 1], [1, 1, 2, 2], true);
      maxPool2d(x, 2).sum().backward();
      expect(Array.from(x.grad as Float64Array)).toEqual([1, 0, 0, 0]);
    });

  it('the torch fixture really has tied maxima (the test can fail)',
    () => {
      let ties = 0;
      const c = torch.maxpool[0]; // 2×2 windows, stride 2, values 0..2
      const [n, ch, h, w] = c.xShape;
      for (let m = 0; m < n * ch; m++) {
        for (let i = 0; i + 1 < h; i += 2) for (let j = 0; j + 1 < w; j += 2) {
          const v = [0, 1].flatMap((u) => [0, 1].map((t) =>
            c.x[(m * h + i + u) * w + j + t]));
          let best = v[0];
          for (const a of v) best = Math.max(best, a);
          if (v.filter((a) => a === best).length > 1) ties++;
        }
      }
      expect(ties).toBeGreaterThan(10);
    });

  it('average pooling matches F.avg_pool2d (2/2 and 3/1)', () => {
    for (const c of torch.avgpool) {
      const x = new Tensor(c.x, c.xShape, true);
      const y = avgPool2d(x, c.k, c.s);
      assertAllClose(y.data, c.out, { rtol: 1e-12, atol: 1e-12 });
      against(y, c.G).backward();
      assertAllClose(x.grad as Float64Array, c.dx, TIGHT);
    }
  });

  it('both pooling gradients pass a finite-difference check', () => {
    const rng = createRng(7);
    const X = randn([1, 2, 5, 5], rng); // no ties: max is smooth here
    const G = rng.normalArray(2 * 2 * 2, 0, 1);
    for (const pool of [maxPool2d, avgPool2d]) {
      const r = gradientCheck(
        (v) => against(pool(new Tensor(v, X.shape), 3, 2), G).data[0],
        (v) => {
          const x = new Tensor(v, X.shape, true);
          against(pool(x, 3, 2), G).backward();
          return x.grad as Float64Array;
        }, X.data);
      expect(r.ok).toBe(true);
    }
  });
});

describe('BatchNorm2d, Eq. (cnn-bn2d)', () => {
  const f = torch.batchnorm2d;
  const make = () => {
    const bn = new BatchNorm2d(3);
    bn.parameters()[0].data.set(f.gamma);
    bn.parameters()[1].data.set(f.beta);
    return bn;
  };

  it('output and gradients match nn.BatchNorm2d to 1e-10', () => {
    const bn = make();
    const x = new Tensor(f.batches[0], f.shape, true);
    const y = bn.forward(x);
    assertAllClose(y.data, f.out, TIGHT);
    against(y, f.G).backward();
    assertAllClose(x.grad as Float64Array, f.dx, TIGHT);
    const [gamma, beta] = bn.parameters();
    assertAllClose(gamma.grad as Float64Array, f.dgamma, TIGHT);
    assertAllClose(beta.grad as Float64Array, f.dbeta, TIGHT);
  });

  it('running mean and (unbiased) variance match after 3 batches, ' +
    'and so does evaluation mode', () => {
    const bn = make();
    f.batches.forEach((b: number[], t: number) => {
      bn.forward(new Tensor(b, f.shape));
      assertAllClose(bn.bn.runningMean, f.running[t].mean, TIGHT);
      assertAllClose(bn.bn.runningVar, f.running[t].var, TIGHT);
    });
    bn.train(false);
    const y = bn.forward(new Tensor(f.xEval, [2, 3, 5, 5]));
    assertAllClose(y.data, f.outEval, TIGHT);
  });

  it('statistics are per channel, over n, h and w (not per pixel)', () => {
    const rng = createRng(8);
    const y = new BatchNorm2d(2).forward(randn([3, 2, 4, 4], rng));
    for (let q = 0; q < 2; q++) {
      let s = 0, s2 = 0;
      for (let i = 0; i < 3; i++) {
        for (let t = 0; t < 16; t++) {
          const v = y.data[(i * 2 + q) * 16 + t];
          s += v;
          s2 += v * v;
        }
      }
      expect(Math.abs(s / 48)).toBeLessThan(1e-12);
      expect(Math.abs(s2 / 48 - 1)).toBeLessThan(1e-3); // ε = 1e-5
    }
    // one pixel across the batch is not standardized on its own
    let m = 0;
    for (let i = 0; i < 3; i++) m += y.data[i * 32];
    expect(Math.abs(m / 3)).toBeGreaterThan(1e-3);
  });

  it('channelsLast has the inverse permutation as its gradient', () => {
    const rng = createRng(9);
    const X = randn([2, 3, 2, 2], rng);
    const G = rng.normalArray(24, 0, 1);
    const r = gradientCheck(
      (v) => against(channelsLast(new Tensor(v, X.shape)), G).data[0],
      (v) => {
        const x = new Tensor(v, X.shape, true);
        against(channelsLast(x), G).backward();
        return x.grad as Float64Array;
      }, X.data);
    expect(r.ok).toBe(true);
    expect(channelsLast(X).data[1]).toBe(X.data[4]); // pixel 0, ch 1
  });
});

describe('receptive fields, Eq. (cnn-rf)', () => {
  it('LeNet here: 5, 6, 14, 16 input pixels after each layer', () => {
    const rf = receptiveField([{ k: 5 }, { k: 2, s: 2 }, { k: 5 },
      { k: 2, s: 2 }]);
    expect(rf.map((l) => l.rho)).toEqual([5, 6, 14, 16]);
    expect(rf.map((l) => l.jump)).toEqual([1, 2, 2, 4]);
  });

  it('the formula equals the support of one unit\'s input gradient', () => {
    const rng = createRng(10);
    const c1 = new Conv2d(1, 1, 3, rng, { dilation: 2 });
    const c2 = new Conv2d(1, 1, 3, rng, { stride: 2 });
    const c3 = new Conv2d(1, 1, 3, rng);
    const x = new Tensor(new Float64Array(32 * 32).fill(1),
      [1, 1, 32, 32], true);
    const y = c3.forward(c2.forward(c1.forward(x)));
    const at = new Float64Array(y.size);
    at[5 * y.shape[3] + 5] = 1; // one unit in the middle
    against(y, at).backward();
    let lo = 32, hi = -1;
    for (let j = 0; j < 32; j++) {
      for (let i = 0; i < 32; i++) {
        if ((x.grad as Float64Array)[i * 32 + j] !== 0) {
          lo = Math.min(lo, j);
          hi = Math.max(hi, j);
        }
      }
    }
    const rf = receptiveField([{ k: 3, d: 2 }, { k: 3, s: 2 }, { k: 3 }]);
    expect(hi - lo + 1).toBe(rf[2].rho);
  });
});

describe('layers and LeNet', () => {
  it('LeNet maps [n, 784] rows to [n, 10] logits, 19,670 parameters', () => {
    const net = lenet(createRng(11));
    const y = net.forward(new Tensor(new Float64Array(3 * 784), [3, 784]));
    expect(y.shape).toEqual([3, 10]);
    let count = 0;
    for (const p of net.parameters()) count += p.size;
    // 6·25 + 6, 16·150 + 16, 256·64 + 64, 64·10 + 10
    expect(count).toBe(156 + 2416 + 16448 + 650);
  });

  it('a small conv net passes a finite-difference check end to end',
    () => {
      const rng = createRng(12);
      const conv = new Conv2d(2, 3, 3, rng, { padding: 1 });
      const net = new Sequential([conv, new Act('tanh'), new Pool2d(2),
        new Reshape([12])]);
      const x = randn([2, 2, 4, 4], rng);
      const G = rng.normalArray(24, 0, 1);
      const W = conv.w.data.slice();
      const r = gradientCheck((v) => {
        conv.w.data.set(v);
        return against(net.forward(x), G).data[0];
      }, (v) => {
        conv.w.data.set(v);
        conv.w.grad = null;
        against(net.forward(x), G).backward();
        return conv.w.grad as unknown as Float64Array;
      }, W);
      expect(r.ok).toBe(true);
    });

  it('five SGD steps on 10 images lower LeNet\'s loss', () => {
    const rng = createRng(13);
    const net = lenet(rng, 16);
    const X = new Tensor(rng.uniformArray(10 * 784, 0, 1), [10, 784]);
    const y = Int32Array.from({ length: 10 }, (_, i) => i);
    const first = trainStep(net, X, y, 0.05).loss;
    let last = first;
    for (let t = 0; t < 4; t++) last = trainStep(net, X, y, 0.05).loss;
    expect(last).toBeLessThan(first);
  });
});

/** Largest |a − b| over output rows r0 and below, every channel. */
function maxDiffFromRow(a: Tensor, b: Tensor, r0: number): number {
  const [n, c, h, w] = a.shape;
  let diff = 0;
  for (let m = 0; m < n * c; m++) {
    for (let i = r0; i < h; i++) for (let j = 0; j < w; j++) {
      const at = (m * h + i) * w + j;
      diff = Math.max(diff, Math.abs(a.data[at] - b.data[at]));
    }
  }
  return diff;
}

describe('translation equivariance (Deeper section)', () => {
  const rng = createRng(14);
  const x = randn([1, 2, 12, 12], rng), w = randn([3, 2, 3, 3], rng);

  it('stride 1: conv(shift x) = shift(conv x) away from the border',
    () => {
      const a = conv2d(shift(x, 2, 1), w, null);
      const b = shift(conv2d(x, w, null), 2, 1);
      const [, co, oh, ow] = a.shape;
      for (let q = 0; q < co; q++) {
        for (let i = 3; i < oh - 1; i++) for (let j = 2; j < ow - 1; j++) {
          const at = (q * oh + i) * ow + j;
          expect(Math.abs(a.data[at] - b.data[at])).toBeLessThan(1e-12);
        }
      }
    });

  it('stride 2 breaks it for an odd shift', () => {
    // interior only: output row 0 differs at any stride (zeros enter);
    // a two-pixel shift passes the same comparison (review block)
    const a = conv2d(shift(x, 1, 0), w, null, { stride: 2 });
    const b = shift(conv2d(x, w, null, { stride: 2 }), 1, 0);
    expect(maxDiffFromRow(a, b, 1)).toBeGreaterThan(0.1);
  });
});

describe('exercise solutions', () => {
  it('transposed convolution is the input gradient of conv2d', () => {
    const rng = createRng(15);
    const x = randn([2, 3, 9, 8], rng, true), w = randn([4, 3, 3, 3], rng);
    const o = { stride: 2, padding: 1, dilation: 2 };
    const y = conv2d(x, w, null, o);
    const G = randn(y.shape as number[], rng);
    against(y, G.data).backward();
    assertAllClose(convTranspose2d(G, w, 9, 8, o).data,
      x.grad as Float64Array, { rtol: 1e-12, atol: 1e-12 });
  });

  it('a 1×1 convolution is a matrix product per pixel', () => {
    const rng = createRng(16);
    const x = randn([2, 3, 4, 5], rng), w = randn([6, 3, 1, 1], rng);
    assertAllClose(pointwise(x, w).data,
      channelsLast(conv2d(x, w, null)).data, { rtol: 1e-13, atol: 1e-13 });
  });

  it('shift moves pixels and fills with zeros', () => {
    const x = new Tensor([1, 2, 3, 4], [1, 1, 2, 2]);
    expect(Array.from(shift(x, 1, 0).data)).toEqual([0, 0, 1, 2]);
    expect(Array.from(shift(x, 0, -1).data)).toEqual([2, 0, 4, 0]);
  });
});

describe('bad input', () => {
  it('geometry functions reject bad input', () => {
    rejectsBadInput(badInput.geometry);
  });
  it('convolution and pooling reject bad input', () => {
    rejectsBadInput(badInput.ops);
  });
  it('layers reject bad input', () => {
    rejectsBadInput(badInput.layers);
  });
  it('a gradient that overflows before conv2d names conv2d', () => {
    // y = 1e-300 is finite, and so is the loss y · 1e300 · 1e300, but
    // the gradient arriving at conv2d is 1e300 · 1e300 = Infinity.
    const x = new Tensor([1e-300], [1, 1, 1, 1], true);
    const w = new Tensor([1], [1, 1, 1, 1]);
    const loss = conv2d(x, w, null).mul(1e300).mul(1e300).sum();
    expect(() => loss.backward()).toThrow('conv2d: gradient must hold ' +
      'finite numbers, got gradient[0] = Infinity');
  });
  it('tensor-shape errors name the function', () => {
    const v = new Tensor([1, 2, 3], [3]);
    const x = new Tensor(new Float64Array(16), [1, 1, 4, 4]);
    const w = new Tensor(new Float64Array(18), [1, 2, 3, 3]);
    expect(() => conv2d(v, w, null)).toThrow(/^conv2d: x must be/);
    expect(() => conv2d(x, v, null)).toThrow(/^conv2d: w must be/);
    expect(() => conv2d(x, w, null)).toThrow(/^conv2d: x has 1 channels/);
    expect(() => conv2d(x, new Tensor(new Float64Array(25),
      [1, 1, 5, 5]), null)).toThrow(/^conv2d: kernel 5x5/);
    expect(() => conv2d(x, new Tensor(new Float64Array(9), [1, 1, 3, 3]),
      v)).toThrow(/^conv2d: b must be/);
    expect(() => maxPool2d(v, 2)).toThrow(/^maxPool2d: x must be/);
    expect(() => avgPool2d(x, 5)).toThrow(/^avgPool2d: k = 5 exceeds/);
    expect(() => channelsLast(v)).toThrow(/^channelsLast: x must be/);
    expect(() => new BatchNorm2d(2).forward(x))
      .toThrow(/^BatchNorm2d\.forward: x must have 2 channels/);
    expect(() => shift(v, 1, 1)).toThrow(/^shift: x must be/);
    expect(() => pointwise(x, w)).toThrow(/^pointwise: x must be/);
    expect(() => convTranspose2d(v, w, 4, 4))
      .toThrow(/^convTranspose2d: y must be a 4-D/);
  });
});

describe('review', () => {
  it('transposed convolution: with k 3, p 1, s 2, d 2, inputs of 9 and ' +
    '10 rows give the same h′ (8 does not), so h must be given', () => {
    expect(outputSize(9, 3, 1, 2, 2)).toBe(outputSize(10, 3, 1, 2, 2));
    expect(outputSize(8, 3, 1, 2, 2)).not.toBe(outputSize(9, 3, 1, 2, 2));
    const rng = createRng(17);
    const o = { stride: 2, padding: 1, dilation: 2 };
    const w = randn([4, 3, 3, 3], rng);
    const G = randn([1, 4, outputSize(9, 3, 1, 2, 2),
      outputSize(8, 3, 1, 2, 2)], rng);
    expect(convTranspose2d(G, w, 9, 8, o).shape).toEqual([1, 3, 9, 8]);
    expect(convTranspose2d(G, w, 10, 8, o).shape).toEqual([1, 3, 10, 8]);
  });

  it('stride 2: a two-pixel shift moves the output by one cell in the ' +
    'interior (the odd-shift failure is not a border effect)', () => {
    const rng = createRng(14);
    const x = randn([1, 2, 12, 12], rng), w = randn([3, 2, 3, 3], rng);
    const a = conv2d(shift(x, 2, 0), w, null, { stride: 2 });
    const b = shift(conv2d(x, w, null, { stride: 2 }), 1, 0);
    expect(maxDiffFromRow(a, b, 1)).toBeLessThan(1e-12);
    expect(maxDiffFromRow(a, b, 0)).toBeGreaterThan(0.1); // row 0
  });

  it('lenet names itself when its generator is missing', () => {
    expect(() => lenet(null as unknown as Rng))
      .toThrow(/^lenet: rng must be a generator/);
  });

  it('a dense layer from 784 pixels to six 24 × 24 maps has 2,712,960 ' +
    'parameters (Intuition)', () => {
    const layer = linear(784, 6 * 24 * 24, createRng(18));
    let count = 0;
    for (const p of layer.parameters()) count += p.size;
    expect(count).toBe(2712960);
  });

  it('average pooling output shapes match F.avg_pool2d', () => {
    for (const c of torch.avgpool) {
      const y = avgPool2d(new Tensor(c.x, c.xShape), c.k, c.s);
      expect(y.shape).toEqual(c.outShape);
    }
  });
});
