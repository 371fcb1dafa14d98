// Tests for the autoencoders chapter. Each `it` is one claim of the
// chapter; equation labels refer to
// chapters/neural-networks/autoencoders.mdx. PyTorch values come from
// tests/fixtures/autoencoders/torch.json, written by
// scripts/reference/autoencoders.py (torch 1.13, float64).
import { describe, expect, it } from 'vitest';
import {
  assertAllClose, gradientCheck,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix, matmul, transpose,
} from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, Linear } from '../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../code/multilayer-perceptron/mlp.ts';
import { sgd } from '../code/neural-optimizers/optimizers.ts';
import { fitPca } from '../code/pca/pca.ts';
import { loadFashionSplit } from '../code/autoencoders/data.ts';
import {
  decoderBasis, gaussianCloud, principalAngles,
} from '../code/autoencoders/linear.ts';
import {
  bceWithLogits, l1Penalty, squaredError,
} from '../code/autoencoders/losses.ts';
import {
  Autoencoder, autoencoder, decode, encodeAll, reconstruct,
} from '../code/autoencoders/model.ts';
import {
  aeLoss, fitAutoencoder, maskNoise, reconstructionError,
} from '../code/autoencoders/train.ts';
import {
  maskNoiseScaled,
} from '../code/autoencoders/solutions/scaled-mask.ts';
import {
  tiedLinearAutoencoder,
} from '../code/autoencoders/solutions/tied.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/autoencoders.ts';
import { fixture } from './helpers.ts';
import { inflateSync } from 'node:zlib';
import { imageGrid } from '../src/lib/image-grid.ts';

const torch = fixture('autoencoders', 'torch.json');
const REF = { rtol: 1e-10, atol: 1e-10 };

/** The fixture's network: Linear, ReLU, Linear | Linear, ReLU, Linear,
 *  with its weights copied in. */
function fixtureModel(): Autoencoder {
  const lin = torch.layers.map((l: { W: number[]; b: number[] },
    i: number) => new Linear(
    new Tensor(Float64Array.from(l.W),
      [torch.sizes[i], torch.sizes[i + 1]], true),
    new Tensor(Float64Array.from(l.b), [torch.sizes[i + 1]], true)));
  return new Autoencoder(new Sequential([lin[0], new Act('relu'), lin[1]]),
    new Sequential([lin[2], new Act('relu'), lin[3]]), 'sigmoid');
}

function batch(data: number[]): Tensor {
  return new Tensor(Float64Array.from(data), [torch.n, torch.sizes[0]]);
}

/** Loss and every gradient of the fixture model against one case. */
function againstTorch(xIn: number[], loss: 'mse' | 'bce', lambda_: number,
  ref: { loss: number; grads: { W: number[]; b: number[] }[] }) {
  const model = fixtureModel();
  const L = aeLoss(model, batch(xIn), batch(torch.x), loss, lambda_);
  L.backward();
  expect(Math.abs(L.data[0] - ref.loss)).toBeLessThan(1e-10);
  const params = model.parameters();
  ref.grads.forEach((g, l) => {
    assertAllClose(params[2 * l].grad as Float64Array, g.W, REF);
    assertAllClose(params[2 * l + 1].grad as Float64Array, g.b, REF);
  });
}

describe('against PyTorch (float64, identical weights)', () => {
  it('squared error, Eq. (ae-mse): loss and all 8 gradients to 1e-10',
    () => {
      againstTorch(torch.x, 'mse', 0, torch.mse);
    });
  it('BCE from logits, Eq. (ae-bce-logits): loss and gradients to 1e-10',
    () => {
      againstTorch(torch.x, 'bce', 0, torch.bce);
    });
  it('sparse: BCE + λ‖h‖₁, Eq. (ae-sparse), to 1e-10', () => {
    againstTorch(torch.x, 'bce', torch.lambda, torch.sparse);
  });
  it('denoising: masked input, clean target, Eq. (ae-dae), to 1e-10',
    () => {
      againstTorch(torch.xNoisy, 'bce', 0, torch.denoising);
    });
});

describe('losses', () => {
  const rng = createRng(3);
  const z = rng.normalArray(12, 0, 2);
  const x = rng.uniformArray(12);

  it('BCE is the Bernoulli negative log-likelihood, Eq. (ae-bce)', () => {
    const L = bceWithLogits(new Tensor(z, [3, 4]), new Tensor(x, [3, 4]));
    let nll = 0;
    for (let i = 0; i < 12; i++) {
      const p = 1 / (1 + Math.exp(-z[i]));
      nll -= x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p);
    }
    expect(L.data[0]).toBeCloseTo(nll / 3, 12);
  });

  it('squared error is the Gaussian negative log-likelihood less its ' +
    'constant, times 2σ², Eq. (ae-gauss-nll)', () => {
    const sigma = 0.3;
    let nll = 0;
    for (let i = 0; i < 12; i++) {
      nll -= Math.log(Math.exp(-((x[i] - z[i]) ** 2) / (2 * sigma ** 2)) /
        Math.sqrt(2 * Math.PI * sigma ** 2));
    }
    const c = 6 * Math.log(2 * Math.PI * sigma ** 2); // (d/2) log, n = 3
    const L = squaredError(new Tensor(z, [3, 4]), new Tensor(x, [3, 4]));
    expect(2 * sigma ** 2 * (nll / 3 - c / 3)).toBeCloseTo(L.data[0], 12);
  });

  it('gradients of the three losses match finite differences', () => {
    const tgt = new Tensor(x, [3, 4]);
    const cases = [
      (t: Tensor) => bceWithLogits(t, tgt),
      (t: Tensor) => squaredError(t, tgt),
      (t: Tensor) => l1Penalty(t),
    ];
    for (const f of cases) {
      const r = gradientCheck((v) => f(new Tensor(v, [3, 4])).data[0],
        (v) => {
          const t = new Tensor(v, [3, 4], true);
          f(t).backward();
          return t.grad as Float64Array;
        }, z);
      expect(r.ok).toBe(true);
    }
  });

  it('BCE from logits stays finite and exact at |z| = 800, where σ(z) ' +
    'rounds to 0 or 1 and log σ(z) would be −∞', () => {
    const L = bceWithLogits(new Tensor([800, -800], [1, 2]),
      new Tensor([0, 1], [1, 2]));
    expect(L.data[0]).toBe(1600); // softplus(800) + softplus(800)
  });

  it('BCE refuses targets outside [0, 1] (standardized pixels)', () => {
    expect(() => bceWithLogits(new Tensor([0, 0], [1, 2]),
      new Tensor([-0.5, 1.2], [1, 2]))).toThrow(/bceWithLogits: targets/);
  });

  it('BCE is smallest at x̂ = x, where it equals the entropy of the ' +
    'pixels, not 0', () => {
    const xs = Float64Array.of(0.2, 0.7);
    const logit = (p: number) => Math.log(p / (1 - p));
    const at = (d: number) => bceWithLogits(new Tensor(xs.map((p) =>
      logit(p) + d), [1, 2]), new Tensor(xs, [1, 2])).data[0];
    const H = -[0.2, 0.7].reduce((s, p) => s + p * Math.log(p) +
      (1 - p) * Math.log(1 - p), 0);
    expect(at(0)).toBeCloseTo(H, 12);
    expect(at(0.01)).toBeGreaterThan(at(0));
    expect(at(-0.01)).toBeGreaterThan(at(0));
  });

  it('the losses run on a million entries (no stack overflow)', () => {
    const big = new Tensor(new Float64Array(1e6).fill(0.5), [1000, 1000]);
    expect(l1Penalty(big).data[0]).toBeCloseTo(500, 9);
    expect(bceWithLogits(big, big).data[0]).toBeGreaterThan(0);
  });

  it('the losses name a shape mismatch and a tensor that is not 2-D',
    () => {
    expect(() => squaredError(new Tensor([1, 2], [1, 2]),
      new Tensor([1, 2], [2, 1]))).toThrow(/squaredError: target shape/);
    expect(() => l1Penalty(new Tensor([1], [1])))
      .toThrow(/l1Penalty: expected a 2-D/);
  });
});

describe('model', () => {
  it('the decoder mirrors the encoder: sizes, code activation, count',
    () => {
      const m = autoencoder({ sizes: [6, 4, 2], activation: 'tanh',
        codeActivation: 'relu', output: 'sigmoid', seed: 1 });
      expect([m.d, m.k]).toEqual([6, 2]);
      expect(m.encoder.layers.length).toBe(4); // L, tanh, L, relu
      expect(m.decoder.layers.length).toBe(3); // L, tanh, L
      const n = m.parameters().reduce((s, p) => s + p.size, 0);
      expect(n).toBe(2 * (6 * 4 + 4 * 2) + 4 + 2 + 4 + 6);
    });

  it('decode(encodeAll(X)) is reconstruct(X), σ of the logits', () => {
    const m = autoencoder({ sizes: [5, 3], activation: 'relu',
      output: 'sigmoid', seed: 2 });
    const X = new Matrix(4, 5, createRng(4).uniformArray(20));
    const R = reconstruct(m, X);
    assertAllClose(decode(m, encodeAll(m, X)).data, R.data);
    for (const v of R.data) expect(v > 0 && v < 1).toBe(true);
  });

  it('an Autoencoder refuses an encoder and decoder that do not meet',
    () => {
      expect(() => new Autoencoder(
        new Sequential([new Linear(new Tensor([1, 2], [1, 2], true),
          new Tensor([0, 0], [2], true))]),
        new Sequential([new Linear(new Tensor([1, 2, 3], [3, 1], true),
          new Tensor([0], [1], true))]), 'linear'))
        .toThrow(/Autoencoder: the encoder must map d to k/);
    });

  it('the model functions refuse an object that is not an Autoencoder',
    () => {
      const X = new Matrix(1, 2);
      expect(() => encodeAll({} as never, X)).toThrow(/encodeAll: model/);
      expect(() => decoderBasis({} as never))
        .toThrow(/decoderBasis: model/);
      expect(() => decoderBasis(autoencoder({ sizes: [4, 3, 2],
        activation: 'relu', output: 'linear', seed: 1 })))
        .toThrow(/decoderBasis: the decoder must be one Linear/);
    });
});

describe('training', () => {
  it('masking noise zeroes a share ν of entries and leaves the rest ' +
    '(and X) unchanged, Eq. (ae-dae)', () => {
    const X = new Matrix(100, 100, new Float64Array(1e4).fill(0.5));
    const N = maskNoise(X, 0.3, createRng(1));
    let zeros = 0;
    for (const v of N.data) {
      if (v === 0) zeros++;
      else expect(v).toBe(0.5);
    }
    const se = Math.sqrt(0.3 * 0.7 / 1e4);
    expect(Math.abs(zeros / 1e4 - 0.3)).toBeLessThan(4 * se);
    expect(X.data.every((v) => v === 0.5)).toBe(true);
  });

  it('training lowers the loss; the same seed gives the same model', () => {
    const X = new Matrix(40, 8, createRng(5).uniformArray(320));
    const run = () => {
      const m = autoencoder({ sizes: [8, 6, 3], activation: 'relu',
        output: 'sigmoid', seed: 3 });
      const h = fitAutoencoder(m, X, { epochs: 8, batchSize: 10,
        eta: 0.5, seed: 2, loss: 'bce', noise: 0.2, l1: 0.01 });
      return { h, e: reconstructionError(m, X) };
    };
    const a = run();
    expect(a.h[a.h.length - 1]).toBeLessThan(a.h[0]);
    expect(run().e).toBe(a.e);
  });

  it('an overcomplete linear autoencoder (k = d) reaches zero error on ' +
    'pure noise: it learns the identity, not structure', () => {
    const X = new Matrix(30, 4, createRng(6).normalArray(120));
    const m = autoencoder({ sizes: [4, 4], activation: 'relu',
      output: 'linear', seed: 1 });
    fitAutoencoder(m, X, { epochs: 400, batchSize: 30, eta: 0.05,
      seed: 1, loss: 'mse', step: sgd({ momentum: 0.9 }) });
    expect(reconstructionError(m, X)).toBeLessThan(1e-6);
  });
});

// The linear autoencoder against the PCA chapter's code, trained once
// (inside the first test that needs it, so that Stryker sees it).
const LIN = { n: 120, k: 3, variances: [9, 6, 4, 1, 0.6, 0.3, 0.1] };
let linearRun: ReturnType<typeof trainLinear> | null = null;
function trainLinear() {
  const X = gaussianCloud(LIN.n, LIN.variances, 8);
  const model = autoencoder({ sizes: [LIN.variances.length, LIN.k],
    activation: 'relu', output: 'linear', seed: 9 });
  fitAutoencoder(model, X, { epochs: 800, batchSize: LIN.n, eta: 0.01,
    seed: 1, loss: 'mse', step: sgd({ momentum: 0.9 }) });
  return { X, model, pca: fitPca(X, LIN.k),
    all: fitPca(X, LIN.variances.length) };
}
const lin = () => (linearRun ??= trainLinear());

describe('the linear autoencoder learns the principal subspace', () => {
  it('principal angles between the decoder\'s column space and the ' +
    'top-k PCA subspace are below 1e-5 rad, Eq. (ae-principal-angles)',
  () => {
    const { model, pca } = lin();
    const th = principalAngles(decoderBasis(model),
      transpose(pca.components));
    expect(th.length).toBe(LIN.k);
    for (const a of th) expect(a).toBeLessThan(1e-5);
  });

  it('its error is PCA\'s: (n−1)/n times the sum of the dropped ' +
    'eigenvalues, Eq. (ae-linear-error)', () => {
    const { X, model, all } = lin();
    let dropped = 0;
    for (let j = LIN.k; j < all.k; j++) dropped += all.explainedVariance[j];
    const want = dropped * (LIN.n - 1) / LIN.n;
    expect(Math.abs(reconstructionError(model, X) - want) / want)
      .toBeLessThan(1e-8);
  });

  it('its weights are not the principal axes: the decoder\'s columns ' +
    'are neither unit nor orthogonal, and column 1 is not v₁', () => {
    const { model, pca } = lin();
    const B = decoderBasis(model);
    const G = matmul(transpose(B), B);
    let off = 0;
    for (let i = 0; i < LIN.k; i++) {
      for (let j = 0; j < LIN.k; j++) {
        off = Math.max(off, Math.abs(G.data[i * LIN.k + j] - (i === j
          ? 1 : 0)));
      }
    }
    expect(off).toBeGreaterThan(0.1);
    const v1 = new Matrix(B.rows, 1, pca.components.data.slice(0, B.rows));
    const b1 = new Matrix(B.rows, 1,
      Float64Array.from({ length: B.rows }, (_, i) => B.data[i * LIN.k]));
    expect(principalAngles(b1, v1)[0]).toBeGreaterThan(0.05);
  });

  it('(A C, C⁻¹ B) for an invertible C reconstructs identically, ' +
    'Eq. (ae-linear-invariance)', () => {
    const { X, model } = lin();
    const before = reconstruct(model, X);
    const enc = model.encoder.layers[0] as Linear;
    const dec = model.decoder.layers[0] as Linear;
    // C = [[2, 1, 0], [0, 1, 0], [0, 0, −0.5]], C⁻¹ by hand.
    const C = [[2, 1, 0], [0, 1, 0], [0, 0, -0.5]];
    const Ci = [[0.5, -0.5, 0], [0, 1, 0], [0, 0, -2]];
    const right = (M: Float64Array, rows: number, K: number[][]) => {
      const out = new Float64Array(M.length);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < 3; j++) {
          for (let i = 0; i < 3; i++) out[r * 3 + j] += M[r * 3 + i] * K[i][j];
        }
      }
      return out;
    };
    enc.W.data.set(right(enc.W.data, enc.W.shape[0], C));
    enc.b.data.set(right(enc.b.data, 1, C));
    const d = dec.W.shape[1]; // C⁻¹ W_d: mixes the rows of W_d
    const Wd = Float64Array.from(dec.W.data);
    for (let i = 0; i < 3; i++) {
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let j = 0; j < 3; j++) s += Ci[i][j] * Wd[j * d + a];
        dec.W.data[i * d + a] = s;
      }
    }
    assertAllClose(reconstruct(model, X).data, before.data,
      { rtol: 1e-10, atol: 1e-10 });
    linearRun = null; // the weights changed: train afresh if needed
  });
});

describe('principal angles, Eq. (ae-principal-angles)', () => {
  it('recover a known angle θ between two lines', () => {
    const th = 0.3;
    const A = new Matrix(3, 1, Float64Array.of(1, 0, 0));
    const B = new Matrix(3, 1, Float64Array.of(Math.cos(th),
      Math.sin(th), 0));
    expect(principalAngles(A, B)[0]).toBeCloseTo(th, 12);
  });

  it('depend on the spaces only, not on the bases', () => {
    const A = new Matrix(5, 2, createRng(1).normalArray(10));
    const B = new Matrix(5, 2, createRng(2).normalArray(10));
    const C = new Matrix(2, 2, Float64Array.of(3, 1, -1, 2));
    assertAllClose(principalAngles(matmul(A, C), B),
      principalAngles(A, B), { rtol: 1e-10, atol: 1e-12 });
    expect(principalAngles(A, matmul(A, C))[1]).toBeLessThan(1e-7);
  });

  it('are π/2 for orthogonal spaces and sorted smallest first', () => {
    const A = new Matrix(3, 2, Float64Array.of(1, 0, 0, 1, 0, 0));
    const B = new Matrix(3, 2, Float64Array.of(1, 0, 0, 0, 0, 1));
    const th = principalAngles(A, B);
    expect(th[0]).toBeCloseTo(0, 12);
    expect(th[1]).toBeCloseTo(Math.PI / 2, 12);
  });
});

describe('data', () => {
  it('the split: sizes, pixels in [0, 1], 14 × 14 as 2 × 2 block means',
    () => {
      const a = loadFashionSplit(3, 2, 28);
      const b = loadFashionSplit(3, 2, 14);
      expect([a.Xtrain.rows, a.Xtrain.cols, a.Xtest.rows]).toEqual(
        [3, 784, 2]);
      expect([b.Xtrain.cols, b.side, b.ytest.length]).toEqual([196, 14, 2]);
      for (const v of a.Xtrain.data) expect(v >= 0 && v <= 1).toBe(true);
      const px = (r: number, c: number) => a.Xtest.data[784 + r * 28 + c];
      expect(b.Xtest.data[196 + 5 * 14 + 7]).toBeCloseTo((px(10, 14) +
        px(10, 15) + px(11, 14) + px(11, 15)) / 4, 14);
    });
});

describe('exercise solutions', () => {
  it('tied weights: gradients by finite differences, W shared once',
    () => {
      const { encoder, decoder } = tiedLinearAutoencoder(4, 2, 1);
      const m = new Autoencoder(encoder, decoder, 'linear');
      expect(m.parameters().length).toBe(3); // W, b₁, b₂
      const X = new Tensor(createRng(2).normalArray(12), [3, 4]);
      const W = (encoder.layers[0] as Linear).W;
      const w0 = Float64Array.from(W.data);
      const f = (w: Float64Array) => {
        W.data.set(w);
        return aeLoss(m, X, X, 'mse').data[0];
      };
      const r = gradientCheck(f, (w) => {
        W.data.set(w);
        W.grad = null;
        aeLoss(m, X, X, 'mse').backward();
        return W.grad as unknown as Float64Array;
      }, w0);
      expect(r.ok).toBe(true);
    });

  it('tied weights: trained, W has orthonormal columns spanning the ' +
    'principal subspace', () => {
    const X = gaussianCloud(100, [9, 4, 1, 0.5, 0.2], 3);
    const { encoder, decoder } = tiedLinearAutoencoder(5, 2, 4);
    const m = new Autoencoder(encoder, decoder, 'linear');
    fitAutoencoder(m, X, { epochs: 600, batchSize: 100, eta: 0.01,
      seed: 1, loss: 'mse', step: sgd({ momentum: 0.9 }) });
    const Wt = (encoder.layers[0] as Linear).W;
    const W = new Matrix(5, 2, Float64Array.from(Wt.data));
    const G = matmul(transpose(W), W);
    assertAllClose(G.data, [1, 0, 0, 1], { rtol: 0, atol: 1e-6 });
    const th = principalAngles(W, transpose(fitPca(X, 2).components));
    expect(th[1]).toBeLessThan(1e-5);
  });

  it('rescaled masking keeps the mean: E[x̃] = x', () => {
    const X = new Matrix(1, 4, Float64Array.of(0.2, 0.4, 0.6, 0.8));
    const rng = createRng(9);
    const sum = new Float64Array(4);
    const T = 20000;
    for (let t = 0; t < T; t++) {
      const N = maskNoiseScaled(X, 0.5, rng);
      for (let j = 0; j < 4; j++) sum[j] += N.data[j];
    }
    for (let j = 0; j < 4; j++) {
      const se = X.data[j] / Math.sqrt(T); // sd of x̃ⱼ is xⱼ at ν = ½
      expect(Math.abs(sum[j] / T - X.data[j])).toBeLessThan(4 * se);
    }
  });
});

describe('bad input', () => {
  it('data and model', () => {
    rejectsBadInput(badInput.model);
  });
  it('losses', () => {
    rejectsBadInput(badInput.losses);
  });
  it('training', () => {
    rejectsBadInput(badInput.training);
  });
  it('linear autoencoder, angles and solutions', () => {
    rejectsBadInput(badInput.linear);
  });
});

// Claims checked in the technical review (/work/reviews/autoencoders.md).
describe('review', () => {
  it('l1Penalty: the gradient at a code unit exactly 0 is 0, as ' +
    'PyTorch takes sign(0)', () => {
    const h = new Tensor([0, 2, -3, 0], [2, 2], true);
    l1Penalty(h).backward();
    expect(Array.from(h.grad as Float64Array)).toEqual([0, 0.5, -0.5, 0]);
  });

  /** The PNG's width, height and grey bytes (8-bit grey, filter 0). */
  function readPng(url: string) {
    const buf = Buffer.from(url.replace('data:image/png;base64,', ''),
      'base64');
    const w = buf.readUInt32BE(16);
    const h = buf.readUInt32BE(20);
    const len = buf.readUInt32BE(33);
    const raw = inflateSync(buf.subarray(41, 41 + len));
    const grey: number[] = [];
    for (let i = 0; i < h; i++) {
      expect(raw[i * (w + 1)]).toBe(0); // filter byte
      for (let j = 0; j < w; j++) grey.push(raw[i * (w + 1) + 1 + j]);
    }
    return { w, h, depth: buf[24], type: buf[25], grey };
  }

  it('imageGrid: a 2 x 2 grid of 2 x 2 images, sizes and grey levels',
    () => {
      const svg = imageGrid([{ data: [0, 1, 0.5, 0.25] },
        { data: [1, 1, 1, 1] }, { data: [0, 0, 0, 0] },
        { data: [2, -1, 0.5, 0.5] }], { cols: 2, pixels: 2, side: 10,
        rowLabels: ['top', 'bottom'] });
      const images = [...svg.matchAll(/<image [^>]*>/g)].map((m) => m[0]);
      expect(images.length).toBe(4);
      for (const im of images) {
        expect(im).toMatch(/height="10"/);
        expect(im).toMatch(/width="10"/);
        expect(im).toMatch(/image-rendering="pixelated"/);
      }
      const pngs = images.map((im) =>
        readPng(/href="([^"]+)"/.exec(im)![1]));
      for (const p of pngs) {
        expect([p.w, p.h, p.depth, p.type]).toEqual([2, 2, 8, 0]);
      }
      expect(pngs[0].grey).toEqual([0, 255, 128, 64]);
      expect(pngs[3].grey).toEqual([255, 0, 128, 128]); // clamped
      // Row by row: the first two panels share a row, left to right.
      const xy = images.map((im) => [Number(/ x="([\d.]+)"/.exec(im)![1]),
        Number(/ y="([\d.]+)"/.exec(im)![1])]);
      expect(xy[0][1]).toBe(xy[1][1]);
      expect(xy[1][0]).toBeGreaterThan(xy[0][0]);
      expect(xy[2][1]).toBeGreaterThan(xy[0][1]);
      expect(xy[2][0]).toBe(xy[0][0]);
      expect(svg).toMatch(/>top<\/text>/);
      expect(svg).toMatch(/>bottom<\/text>/);
      // Width: labels (110) + 2 panels of (10 + 6) + 4.
      expect(svg).toMatch(/viewBox="0 0 146 /);
    });

  it('imageGrid: refuses no panels, cols < 1 and a panel of the ' +
    'wrong size', () => {
    expect(() => imageGrid([], { cols: 1, pixels: 2 }))
      .toThrow(/^imageGrid: /);
    expect(() => imageGrid([{ data: [0, 0, 0, 0] }], { cols: 0,
      pixels: 2 })).toThrow(/^imageGrid: /);
    expect(() => imageGrid([{ data: [0, 0, 0] }], { cols: 1, pixels: 2 }))
      .toThrow(/imageGrid: panel 0 has 3 values, expected 4/);
    const one = [{ data: [0, 0, 0, 0] }];
    for (const [o, msg] of [
      [{ pixels: 0 }, /pixels must be a positive integer, got 0/],
      [{ pixels: 1.5 }, /pixels must be a positive integer/],
      [{ side: -1 }, /side must be a positive number, got -1/],
      [{ fontSize: NaN }, /fontSize must be a positive number/],
      [{ labelWidth: 0, rowLabels: ['a'] }, /labelWidth must be/],
      [{ rowLabels: ['a', 'b'] }, /2 row labels for 1 rows/],
    ] as const) {
      expect(() => imageGrid(one, Object.assign({ cols: 1, pixels: 2 }, o)))
        .toThrow(msg);
    }
  });
});
