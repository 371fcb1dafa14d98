// Tests for the diffusion-models chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/papers/diffusion-models.mdx.
// PyTorch values come from tests/fixtures/diffusion-models/torch.json,
// written by scripts/reference/diffusion_models.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng, type Rng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { crossEntropy } from '../code/autodiff/fused.ts';
import { Linear } from '../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../code/multilayer-perceptron/mlp.ts';
import {
  cosineSchedule, fromBetas, linearSchedule, posteriorCoefficients,
} from '../code/diffusion-models/schedule.ts';
import { qSample } from '../code/diffusion-models/forward.ts';
import {
  epsLoss, TimeMLP, timeEmbedding, timeMlp,
} from '../code/diffusion-models/model.ts';
import {
  clippedMean, epsMean, sample, sigmaSquared,
} from '../code/diffusion-models/sample.ts';
import {
  classifierGrad, epsFn, gradFn,
} from '../code/diffusion-models/guidance.ts';
import {
  gaussianEps, samplerMoments,
} from '../code/diffusion-models/gaussian.ts';
import {
  trainEps, trainNoisyClassifier,
} from '../code/diffusion-models/train.ts';
import {
  meanPairwiseDistance, precisionRecall,
} from '../code/diffusion-models/metrics.ts';
import { ring, scaledDigits } from '../code/diffusion-models/data.ts';
import { vlbWeights } from '../code/diffusion-models/solutions/weights.ts';
import { sigmaErrors } from '../code/diffusion-models/solutions/sigma.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/diffusion-models.ts';
import { fixture } from './helpers.ts';

const torch = fixture('diffusion-models', 'torch.json');
const TIGHT = { rtol: 1e-12, atol: 1e-14 };

/** The fixture's tiny network: first layer Wx, Wt, b, then W2, b2. */
function tinyNet(p: Record<string, number[]>, d: number, e: number,
  h: number, out: number): TimeMLP {
  const T = (v: number[], shape: number[]) =>
    new Tensor(Float64Array.from(v), shape, true);
  return new TimeMLP(T(p.Wx, [d, h]), T(p.Wt, [e, h]), T(p.b, [h]),
    new Sequential([new Linear(T(p.W2, [h, out]), T(p.b2, [out]))]));
}

/** The ε-loss of the fixture as a function of all parameters, flat. */
function lossOfParams() {
  const f = torch.epsLoss;
  const net = tinyNet(f.params, f.d, f.e, f.hidden, f.d);
  const s = cosineSchedule(f.T);
  const n = f.t.length;
  const x0 = new Tensor(Float64Array.from(f.x0), [n, f.d]);
  const eps = new Tensor(Float64Array.from(f.eps), [n, f.d]);
  const params = net.parameters();
  const flat = () => {
    const out: number[] = [];
    for (const p of params) for (const v of p.data) out.push(v);
    return Float64Array.from(out);
  };
  const set = (x: Float64Array) => {
    let k = 0;
    for (const p of params) for (let i = 0; i < p.size; i++) p.data[i] = x[k++];
  };
  const value = (x: Float64Array) => {
    set(x);
    return epsLoss(net, s, x0, f.t, eps).data[0];
  };
  const grad = (x: Float64Array) => {
    set(x);
    for (const p of params) p.grad = null;
    epsLoss(net, s, x0, f.t, eps).backward();
    const out: number[] = [];
    for (const p of params) for (const v of p.grad as Float64Array) out.push(v);
    return Float64Array.from(out);
  };
  return { value, grad, x: flat(), net, s, x0, eps };
}

/** The minibatch of train.ts, drawn by hand: per row an index uniform
 *  on 0 … n − 1 and a step uniform on 1 … T, then all the noise. */
function drawByHand(X: Matrix, m: number, T: number, rng: Rng) {
  const idx: number[] = [], t: number[] = [];
  const x0 = new Float64Array(m * X.cols);
  for (let i = 0; i < m; i++) {
    idx.push(rng.int(0, X.rows));
    for (let j = 0; j < X.cols; j++) {
      x0[i * X.cols + j] = X.get(idx[i], j);
    }
    t.push(rng.int(1, T + 1));
  }
  return { idx, x0, t, eps: rng.normalArray(m * X.cols) };
}

/** `steps` Adam steps (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸, bias-corrected),
 *  each on the gradient of a fresh loss from gradients set to null;
 *  the generator is seeded once. Returns the losses. */
function adamByHand(params: Tensor[], eta: number, steps: number,
  loss: (rng: Rng) => Tensor, seed: number): number[] {
  const rng = createRng(seed);
  const m = params.map((p) => new Float64Array(p.size));
  const v = params.map((p) => new Float64Array(p.size));
  const out: number[] = [];
  for (let k = 1; k <= steps; k++) {
    for (const p of params) p.grad = null;
    const L = loss(rng);
    L.backward();
    out.push(L.data[0]);
    params.forEach((p, j) => {
      const g = p.grad as Float64Array;
      for (let i = 0; i < p.size; i++) {
        m[j][i] = 0.9 * m[j][i] + 0.1 * g[i];
        v[j][i] = 0.999 * v[j][i] + 0.001 * g[i] * g[i];
        p.data[i] -= eta * (m[j][i] / (1 - 0.9 ** k)) /
          (Math.sqrt(v[j][i] / (1 - 0.999 ** k)) + 1e-8);
      }
    });
  }
  return out;
}

function guideNet() {
  const g = torch.guidance;
  const f = torch.epsLoss;
  return tinyNet(g.params, f.d, f.e, f.hidden, g.c);
}

describe('schedules', () => {
  it('linear β and ᾱ equal PyTorch\'s torch.linspace and cumprod', () => {
    const s = linearSchedule(torch.T);
    assertAllClose(s.beta, torch.linear.beta, TIGHT);
    assertAllClose(s.alphaBar, torch.linear.alphaBar, TIGHT);
  });

  it('linear β by hand: evenly spaced from β₁ to β_T, and β₁ alone at '
    + 'T = 1', () => {
    assertAllClose(linearSchedule(3, 0.1, 0.3).beta, [0.1, 0.2, 0.3],
      { rtol: 1e-15, atol: 1e-16 });
    const one = linearSchedule(1, 0.3, 0.5);
    expect(Array.from(one.beta)).toEqual([0.3]);
    expect(one.alphaBar[0]).toBe(1 - 0.3);
    const s = fromBetas([0.5, 0.2]);
    expect([s.T, ...s.alpha, ...s.alphaBar]).toEqual([2, 0.5, 0.8, 0.5,
      0.4]);
  });

  it('cosine β (clipped at 0.999) and ᾱ equal the reference', () => {
    const s = cosineSchedule(torch.T);
    assertAllClose(s.beta, torch.cosine.beta, TIGHT);
    assertAllClose(s.alphaBar, torch.cosine.alphaBar, TIGHT);
  });

  it('cosine ᾱ_t is f(t)/f(0) wherever no β was clipped', () => {
    const T = 1000, s0 = 0.008;
    const f = (t: number) => Math.cos((t / T + s0) / (1 + s0) *
      Math.PI / 2) ** 2;
    const s = cosineSchedule(T);
    for (const t of [1, 100, 500, 900, 990]) {
      expect(s.beta[t - 1]).toBeLessThan(0.999);
      expect(s.alphaBar[t - 1]).toBeCloseTo(f(t) / f(0), 12);
    }
    expect(s.beta[T - 1]).toBe(0.999); // the last step is clipped
  });

  it('ᾱ_t is the product of the α\'s: one step of q per step, '
    + 'composed, gives mean √ᾱ_t x₀ and variance 1 − ᾱ_t', () => {
    const s = linearSchedule(200);
    let coef = 1, v = 0; // x_t = coef·x₀ + noise of variance v
    for (let t = 1; t <= s.T; t++) {
      coef *= Math.sqrt(s.alpha[t - 1]);
      v = s.alpha[t - 1] * v + s.beta[t - 1];
      expect(coef).toBeCloseTo(Math.sqrt(s.alphaBar[t - 1]), 12);
      expect(v).toBeCloseTo(1 - s.alphaBar[t - 1], 12);
    }
  });
});

describe('the forward process and its posterior', () => {
  it('qSample uses √ᾱ_t and √(1 − ᾱ_t) of the reference, '
    + 'Eq. (dm-marginal)', () => {
    const s = cosineSchedule(torch.T);
    const x0 = new Matrix(torch.T, 1, new Float64Array(torch.T).fill(1));
    const zero = new Matrix(torch.T, 1);
    const t = Int32Array.from({ length: torch.T }, (_, i) => i + 1);
    assertAllClose(qSample(s, x0, t, zero).data,
      torch.cosine.sqrtAlphaBar, TIGHT);
    assertAllClose(qSample(s, zero, t, x0).data,
      torch.cosine.sqrtOneMinusAlphaBar, TIGHT);
  });

  it('posterior coefficients c₀, c_t and β̃_t equal the reference at '
    + 'every t, Eq. (dm-posterior)', () => {
    for (const name of ['linear', 'cosine'] as const) {
      const s = name === 'linear' ? linearSchedule(torch.T)
        : cosineSchedule(torch.T);
      const c = Array.from({ length: torch.T },
        (_, i) => posteriorCoefficients(s, i + 1));
      assertAllClose(c.map((r) => r.c0), torch[name].c0, TIGHT);
      assertAllClose(c.map((r) => r.ct), torch[name].ct, TIGHT);
      assertAllClose(c.map((r) => r.variance), torch[name].variance,
        { rtol: 1e-12, atol: 1e-16 });
    }
  });

  it('the posterior is Bayes\' rule: log q(x_t|x_{t−1}) + '
    + 'log q(x_{t−1}|x₀) − log N(x_{t−1}; μ̃, β̃) is constant', () => {
    const s = linearSchedule(50);
    const t = 17, x0 = 0.7, xt = -0.4;
    const { c0, ct, variance } = posteriorCoefficients(s, t);
    const logN = (x: number, m: number, v: number) =>
      -0.5 * (x - m) ** 2 / v - 0.5 * Math.log(2 * Math.PI * v);
    const ab1 = s.alphaBar[t - 2];
    const gap = (x: number) =>
      logN(xt, Math.sqrt(s.alpha[t - 1]) * x, s.beta[t - 1]) +
      logN(x, Math.sqrt(ab1) * x0, 1 - ab1) -
      logN(x, c0 * x0 + ct * xt, variance);
    const ref = gap(0);
    for (const x of [-2, -0.5, 0.3, 1.9]) expect(gap(x)).toBeCloseTo(ref, 9);
  });

  it('μ_θ of Eq. (dm-eps-mean) is the posterior mean at '
    + 'x̂₀ = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t', () => {
    const s = cosineSchedule(30);
    const rng = createRng(3);
    const x = rng.normalArray(6), e = rng.normalArray(6);
    for (const t of [1, 2, 15, 30]) {
      const ab = s.alphaBar[t - 1];
      const { c0, ct } = posteriorCoefficients(s, t);
      const want = x.map((xi, i) => c0 * (xi - Math.sqrt(1 - ab) * e[i]) /
        Math.sqrt(ab) + ct * xi);
      assertAllClose(epsMean(s, t, x, e), want, { rtol: 1e-10,
        atol: 1e-12 });
    }
  });

  it('clippedMean equals epsMean while x̂₀ stays in [−1, 1], and '
    + 'clips it where it does not', () => {
    const s = linearSchedule(50, 2e-3, 0.4);
    const t = 20, ab = s.alphaBar[t - 1];
    const x = Float64Array.of(0.3, -0.2, 0.5);
    // ε̂ chosen so that x̂₀ = 0.5, −0.9 and 3 (the last outside)
    const x0 = [0.5, -0.9, 3];
    const e = x.map((xi, i) => (xi - Math.sqrt(ab) * x0[i]) /
      Math.sqrt(1 - ab));
    const got = clippedMean(s, t, x, e);
    const plain = epsMean(s, t, x, e);
    assertAllClose(got.subarray(0, 2), plain.subarray(0, 2),
      { rtol: 1e-10, atol: 1e-12 });
    const { c0, ct } = posteriorCoefficients(s, t);
    expect(got[2]).toBeCloseTo(c0 * 1 + ct * x[2], 12);
    expect(got[2]).toBeLessThan(plain[2]);
  });

  it('posterior step 1 returns x₀ exactly: c₀ = 1, c_t = 0, β̃₁ = 0',
    () => {
      const p = posteriorCoefficients(linearSchedule(10), 1);
      // β₁/(1 − ᾱ₁): 1 − (1 − β₁) keeps ~12 of β₁'s digits
      expect(p.c0).toBeCloseTo(1, 11);
      expect([p.ct, p.variance]).toEqual([0, 0]);
    });
});

describe('the ε-network and its loss', () => {
  it('the sinusoidal embedding: sin²+cos² = 1 and row 0 is (0…, 1…)',
    () => {
      const E = timeEmbedding([0, 7, 50], 8);
      expect(Array.from(E.data.subarray(0, 8))).toEqual(
        [0, 0, 0, 0, 1, 1, 1, 1]);
      for (let k = 0; k < 4; k++) {
        expect(E.data[8 + k] ** 2 + E.data[12 + k] ** 2).toBeCloseTo(1, 14);
      }
      expect(E.data[8]).toBeCloseTo(Math.sin(7), 14);
    });

  it('the embedding\'s frequencies are ω_k = 10000^(−k/(e/2)): sin in '
    + 'the first half of a row, cos in the second', () => {
    const E = timeEmbedding([3, 250], 6);
    for (const [i, t] of [[0, 3], [1, 250]]) {
      for (let k = 0; k < 3; k++) {
        const w = 10000 ** (-k / 3);
        expect(E.data[i * 6 + k]).toBeCloseTo(Math.sin(t * w), 14);
        expect(E.data[i * 6 + 3 + k]).toBeCloseTo(Math.cos(t * w), 14);
      }
    }
    expect(E.shape).toEqual([2, 6]);
  });

  it('epsFn calls the network with every row at the sampler\'s t, and '
    + 'gradFn is classifierGrad', () => {
    const net = timeMlp(2, 4, [6], 2, createRng(1));
    const x = Float64Array.of(0.3, -0.2, 1.1, 0.4, -0.9, 0.05);
    const want = net.forward(new Tensor(x, [3, 2]), [7, 7, 7]).data;
    assertAllClose(epsFn(net)(x, 7), want, { rtol: 1e-15, atol: 0 });
    expect(Array.from(epsFn(net)(x, 2))).not.toEqual(Array.from(want));
    const clf = timeMlp(2, 4, [6], 3, createRng(2));
    const y = Int32Array.of(2, 0, 1);
    expect(Array.from(gradFn(clf)(x, 5, y))).toEqual(
      Array.from(classifierGrad(clf, x, 5, y)));
  });

  it('timeMlp draws Wx and Wt with He\'s sd √(2/(d + e)) and b = 0',
    () => {
      const net = timeMlp(4, 12, [100], 2, createRng(3));
      const sd = (a: Float64Array) => Math.sqrt(a.reduce((p, q) =>
        p + q * q, 0) / a.length);
      // 1,600 draws: the sample sd's relative SE is 1.8 %; √(2/16) = 0.354
      const all = Float64Array.from([...net.Wx.data, ...net.Wt.data]);
      expect(Math.abs(sd(all) / Math.sqrt(2 / 16) - 1)).toBeLessThan(0.05);
      expect(net.Wx.shape).toEqual([4, 100]);
      expect(net.Wt.shape).toEqual([12, 100]);
      expect(Array.from(net.b.data)).toEqual(new Array(100).fill(0));
    });

  it('L_simple of a fixed tiny network equals PyTorch\'s', () => {
    const L = lossOfParams();
    expect(L.value(L.x)).toBeCloseTo(torch.epsLoss.loss, 12);
  });

  it('its gradient wrt every parameter equals PyTorch\'s autograd', () => {
    const L = lossOfParams();
    const g = torch.epsLoss.grads;
    const want = [g.Wx, g.Wt, g.b, g.W2, g.b2].flat();
    assertAllClose(L.grad(L.x), want, { rtol: 1e-10, atol: 1e-13 });
  });

  it('its gradient wrt every parameter passes a finite-difference check',
    () => {
      const L = lossOfParams();
      expect(gradientCheck(L.value, L.grad, L.x).ok).toBe(true);
    });
});

describe('classifier guidance', () => {
  it('∇ₓ log p(y | x_t, t) equals PyTorch\'s autograd', () => {
    const g = torch.guidance;
    const grad = classifierGrad(guideNet(), Float64Array.from(g.x), g.t,
      Int32Array.from(g.y));
    assertAllClose(grad, g.grad, { rtol: 1e-10, atol: 1e-13 });
  });

  it('∇ₓ log p(y | x_t, t) passes a finite-difference check', () => {
    const g = torch.guidance;
    const net = guideNet();
    const y = Int32Array.from(g.y);
    const c = g.c;
    const f = (x: Float64Array) => {
      const z = net.forward(new Tensor(x, [y.length, x.length / y.length]),
        new Int32Array(y.length).fill(g.t)).data;
      let sum = 0;
      for (let i = 0; i < y.length; i++) {
        let m = -Infinity;
        for (let j = 0; j < c; j++) m = Math.max(m, z[i * c + j]);
        let lse = 0;
        for (let j = 0; j < c; j++) lse += Math.exp(z[i * c + j] - m);
        sum += z[i * c + y[i]] - m - Math.log(lse);
      }
      return sum;
    };
    const grad = (x: Float64Array) => classifierGrad(net, x, g.t, y);
    expect(gradientCheck(f, grad, Float64Array.from(g.x)).ok).toBe(true);
  });

  it('classifierGrad leaves no gradient on the classifier\'s '
    + 'parameters', () => {
    const g = torch.guidance;
    const net = guideNet();
    classifierGrad(net, Float64Array.from(g.x), g.t, Int32Array.from(g.y));
    for (const p of net.parameters()) expect(p.grad).toBeNull();
  });

  it('a guided step shifts the mean by exactly s σ_t² ∇ log p, '
    + 'Eq. (dm-guided)', () => {
    const s = fromBetas([0.3]); // T = 1: x₀ = μ + s σ₁² g, no noise
    const eps = (x: Float64Array) => x.map((v) => 0.5 * v);
    const g = Float64Array.of(1.5, -2);
    const y = Int32Array.of(0);
    const plain = sample(eps, s, 1, 2, { seed: 4 }).x.data;
    const guided = sample(eps, s, 1, 2, { seed: 4,
      guide: { grad: () => g, y, scale: 3 } }).x.data;
    const s2 = sigmaSquared(s, 1);
    assertAllClose(guided.map((v, i) => v - plain[i]),
      g.map((v) => 3 * s2 * v), { rtol: 1e-12, atol: 1e-15 });
  });

  it('scale 0 gives the unguided samples exactly', () => {
    const s = cosineSchedule(8);
    const net = timeMlp(2, 4, [8], 2, createRng(1));
    const clf = timeMlp(2, 4, [8], 3, createRng(2));
    const y = Int32Array.of(0, 1, 2);
    const a = sample(epsFn(net), s, 3, 2, { seed: 5 }).x.data;
    const b = sample(epsFn(net), s, 3, 2, { seed: 5, guide: {
      grad: (x, t, yy) => classifierGrad(clf, x, t, yy), y,
      scale: 0 } }).x.data;
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});

describe('the sampler on Gaussian data (no training)', () => {
  // the chapter's code runs inside each `it`, never here (CONTRIBUTING)
  const sched = () => linearSchedule(1000);
  const mu = [1, -2], v = [0.25, 4];

  it('for data N(0, 1) and σ_t² = β_t every step is exact: the output '
    + 'has mean 0 and variance 1 − β₁ (no noise added at t = 1)', () => {
    const s = sched();
    const m = samplerMoments(s, [0], [1], 'beta');
    expect(m.mean[0]).toBe(0);
    expect(m.variance[0]).toBeCloseTo(1 - s.beta[0], 12);
  });

  it('with the optimal ε the output matches N(μ, v) within 0.5% '
    + '(the sampler\'s Gaussian step at T = 1000)', () => {
    const m = samplerMoments(sched(), mu, v);
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(m.mean[j] - mu[j])).toBeLessThan(0.005 * Math.abs(mu[j]));
      expect(Math.abs(m.variance[j] / v[j] - 1)).toBeLessThan(0.005);
    }
  });

  it('gaussianEps is E[ε | x_t]: the regression slope of ε on x_t',
    () => {
      const rng = createRng(6);
      const s = sched();
      const t = 300, ab = s.alphaBar[t - 1], n = 20000;
      const e = gaussianEps(s, [0], [v[1]]);
      let sxy = 0, sxx = 0;
      for (let i = 0; i < n; i++) {
        const x0 = rng.normal(0, Math.sqrt(v[1])), z = rng.normal();
        const xt = Math.sqrt(ab) * x0 + Math.sqrt(1 - ab) * z;
        sxy += xt * z;
        sxx += xt * xt;
      }
      const slope = e(Float64Array.of(1), t)[0]; // ε̂ = slope·x_t
      // the least-squares slope's SE here is about 0.003
      expect(Math.abs(sxy / sxx - slope)).toBeLessThan(0.015);
    });

  it('4,000 samples of the sampler agree with its exact moments within '
    + '4 standard errors', () => {
    const n = 4000;
    const s100 = linearSchedule(100, 1e-3, 0.2); // 100 steps: fast
    const X = sample(gaussianEps(s100, mu, v), s100, n, 2,
      { seed: 11 }).x;
    const m = samplerMoments(s100, mu, v);
    for (let j = 0; j < 2; j++) {
      let a = 0, b = 0;
      for (let i = 0; i < n; i++) {
        a += X.data[2 * i + j];
        b += X.data[2 * i + j] ** 2;
      }
      const mean = a / n, variance = b / n - mean * mean;
      expect(Math.abs(mean - m.mean[j]))
        .toBeLessThan(4 * Math.sqrt(m.variance[j] / n));
      // the SE of a normal sample variance is v √(2/n)
      expect(Math.abs(variance - m.variance[j]))
        .toBeLessThan(4 * m.variance[j] * Math.sqrt(2 / n));
    }
  });

  it('Algorithm 2 by hand at T = 2 (β = 0.1, 0.3): x_T, one noisy '
    + 'step, one noiseless step, for both choices of σ²', () => {
    const s = fromBetas([0.1, 0.3]);
    // an ε̂ that depends on x and on t, so a wrong step shows
    const eps = (x: Float64Array, t: number) => x.map((v) => 0.5 * v +
      0.1 * t);
    const ab = [0.9, 0.9 * 0.7];
    const s2 = { beta: 0.3, posterior: (1 - 0.9) / (1 - ab[1]) * 0.3 };
    for (const sigma of ['beta', 'posterior'] as const) {
      const rng = createRng(7);
      const xT = rng.normalArray(4);
      const z = rng.normalArray(4);
      const x1 = xT.map((v) => (v - 0.3 / Math.sqrt(1 - ab[1]) *
        (0.5 * v + 0.2)) / Math.sqrt(0.7));
      x1.forEach((v, i) => { x1[i] = v + Math.sqrt(s2[sigma]) * z[i]; });
      const x0 = x1.map((v) => (v - 0.1 / Math.sqrt(1 - ab[0]) *
        (0.5 * v + 0.1)) / Math.sqrt(0.9));
      const r = sample(eps, s, 2, 2, { seed: 7, sigma, keep: [0, 1, 2] });
      const tol = { rtol: 1e-13, atol: 1e-14 };
      expect(r.path.map((p) => p.t)).toEqual([2, 1, 0]);
      assertAllClose(r.path[0].x.data, xT, tol);
      assertAllClose(r.path[1].x.data, x1, tol);
      assertAllClose(r.x.data, x0, tol);
      expect([r.x.rows, r.x.cols]).toEqual([2, 2]);
    }
  });

  it('a guided step at T = 2 adds s σ_t² ∇ log p(y | x_t) at each step, '
    + 'the gradient taken at x_t and t with the guide\'s y', () => {
    const s = fromBetas([0.1, 0.3]);
    const eps = (x: Float64Array) => x.map(() => 0);
    const y = Int32Array.of(1, 0);
    // ∇ log p = y_i − x − t/10, per coordinate of row i
    const grad = (x: Float64Array, t: number, yy: Int32Array) =>
      x.map((v, i) => yy[i >> 1] - v - t / 10);
    const rng = createRng(3);
    const xT = rng.normalArray(4), z = rng.normalArray(4);
    const g2 = xT.map((v, i) => y[i >> 1] - v - 0.2);
    const x1 = xT.map((v, i) => v / Math.sqrt(0.7) + 2 * 0.3 * g2[i] +
      Math.sqrt(0.3) * z[i]);
    const g1 = x1.map((v, i) => y[i >> 1] - v - 0.1);
    const x0 = x1.map((v, i) => v / Math.sqrt(0.9) + 2 * 0.1 * g1[i]);
    const r = sample(eps, s, 2, 2, { seed: 3, guide: { grad, y,
      scale: 2 } });
    assertAllClose(r.x.data, x0, { rtol: 1e-13, atol: 1e-14 });
  });

  it('clip: true takes clippedMean at every step, clip: false epsMean',
    () => {
      const s = fromBetas([0.1, 0.3]);
      // ε̂ = −x: x̂₀ is far outside [−1, 1] for |x| > 0.3
      const eps = (x: Float64Array) => x.map((v) => -v);
      const by = (mean: typeof epsMean) => {
        const rng = createRng(5);
        let x = rng.normalArray(4);
        const z = rng.normalArray(4);
        x = mean(s, 2, x, eps(x)).map((v, i) => v + Math.sqrt(0.3) * z[i]);
        return mean(s, 1, x, eps(x));
      };
      const clipped = sample(eps, s, 2, 2, { seed: 5, clip: true }).x.data;
      const plain = sample(eps, s, 2, 2, { seed: 5, clip: false }).x.data;
      assertAllClose(clipped, by(clippedMean), { rtol: 1e-13,
        atol: 1e-14 });
      assertAllClose(plain, by(epsMean), { rtol: 1e-13, atol: 1e-14 });
      expect(Array.from(clipped)).not.toEqual(Array.from(plain));
    });

  it('σ₁² is β₁ or β̃₁ = 0: the posterior at step 1 has no variance',
    () => {
      const s = fromBetas([0.1, 0.3]);
      expect(sigmaSquared(s, 1, 'posterior')).toBe(0);
      expect(sigmaSquared(s, 1)).toBe(0.1);
      expect(sigmaSquared(s, 2, 'posterior')).toBeCloseTo(
        (1 - 0.9) / (1 - 0.63) * 0.3, 15);
    });

  it('keep returns only the steps asked for; a guide of scale 0 is '
    + 'never called', () => {
    const small = linearSchedule(20);
    const e = (x: Float64Array) => x.map((v) => 0.1 * v);
    const r = sample(e, small, 3, 2, { seed: 1, keep: [0] });
    expect(r.path.map((p) => p.t)).toEqual([0]);
    expect(sample(e, small, 3, 2, { seed: 1 }).path).toEqual([]);
    let calls = 0;
    const grad = (x: Float64Array) => {
      calls++;
      return x.map(() => 1);
    };
    sample(e, small, 3, 2, { seed: 1, guide: { grad,
      y: Int32Array.of(0, 0, 0), scale: 0 } });
    expect(calls).toBe(0);
    sample(e, small, 3, 2, { seed: 1, guide: { grad,
      y: Int32Array.of(0, 0, 0), scale: 1 } });
    expect(calls).toBe(20);
  });

  it('the same seed gives the same samples; another seed others', () => {
    const small = linearSchedule(20);
    const e = gaussianEps(small, mu, v);
    const a = sample(e, small, 5, 2, { seed: 1 }).x.data;
    const b = sample(e, small, 5, 2, { seed: 1 }).x.data;
    const c = sample(e, small, 5, 2, { seed: 2 }).x.data;
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('keep returns x_T first and x₀ (the result) last', () => {
    const small = linearSchedule(20);
    const r = sample(gaussianEps(small, mu, v), small, 3, 2,
      { seed: 1, keep: [20, 5, 0] });
    expect(r.path.map((p) => p.t)).toEqual([20, 5, 0]);
    expect(Array.from(r.path[2].x.data)).toEqual(Array.from(r.x.data));
  });
});

describe('training', () => {
  it('trainEps lowers L_simple on the ring within 150 steps', () => {
    const s = cosineSchedule(50);
    const X = ring(200, createRng(1));
    const net = timeMlp(2, 8, [32], 2, createRng(2));
    const L = trainEps(net, X, s, { steps: 150, batchSize: 32,
      eta: 5e-3, seed: 3 });
    const avg = (a: number, b: number) =>
      L.subarray(a, b).reduce((p, q) => p + q, 0) / (b - a);
    expect(avg(120, 150)).toBeLessThan(0.8 * avg(0, 30));
  });

  it('trainNoisyClassifier lowers the cross-entropy within 150 steps',
    () => {
      const s = cosineSchedule(50);
      const X = ring(200, createRng(1));
      const y = Int32Array.from({ length: 200 },
        (_, i) => (X.data[2 * i] > 0 ? 1 : 0));
      const net = timeMlp(2, 8, [16], 2, createRng(2));
      const L = trainNoisyClassifier(net, X, y, s, { steps: 150,
        batchSize: 32, eta: 1e-2, seed: 3 });
      const avg = (a: number, b: number) =>
        L.subarray(a, b).reduce((p, q) => p + q, 0) / (b - a);
      // at large t the label cannot be read from x_t: the loss's floor
      // is high, so the fall asked for is a modest 10%
      expect(avg(120, 150)).toBeLessThan(0.9 * avg(0, 30));
    });

  it('two steps of trainEps are two Adam steps (by hand) on L_simple of '
    + 'a fresh minibatch each, from zeroed gradients', () => {
    const s = cosineSchedule(20);
    const X = ring(6, createRng(1));
    const o = { steps: 2, batchSize: 3, eta: 0.05, seed: 4 };
    const trained = timeMlp(2, 4, [5], 2, createRng(2));
    const losses = trainEps(trained, X, s, o);
    const net = timeMlp(2, 4, [5], 2, createRng(2));
    const want = adamByHand(net.parameters(), o.eta, 2, (rng) => {
      const b = drawByHand(X, o.batchSize, s.T, rng);
      return epsLoss(net, s, new Tensor(b.x0, [3, 2]), b.t,
        new Tensor(b.eps, [3, 2]));
    }, o.seed);
    assertAllClose(losses, want, { rtol: 1e-13, atol: 0 });
    const a = trained.parameters(), b = net.parameters();
    a.forEach((p, i) => assertAllClose(p.data, b[i].data,
      { rtol: 1e-13, atol: 1e-15 }));
  });

  it('two steps of trainNoisyClassifier are two Adam steps (by hand) on '
    + 'the cross-entropy of x_t from qSample, labels following the rows',
  () => {
    const s = cosineSchedule(20);
    const X = ring(6, createRng(1));
    const y = Int32Array.of(0, 1, 2, 0, 1, 2);
    const o = { steps: 2, batchSize: 4, eta: 0.05, seed: 4 };
    const trained = timeMlp(2, 4, [5], 3, createRng(2));
    const losses = trainNoisyClassifier(trained, X, y, s, o);
    const net = timeMlp(2, 4, [5], 3, createRng(2));
    const want = adamByHand(net.parameters(), o.eta, 2, (rng) => {
      const b = drawByHand(X, o.batchSize, s.T, rng);
      const xt = b.x0.map((v, i) => {
        const ab = s.alphaBar[b.t[i >> 1] - 1];
        return Math.sqrt(ab) * v + Math.sqrt(1 - ab) * b.eps[i];
      });
      return crossEntropy(net.forward(new Tensor(xt, [4, 2]), b.t),
        Array.from(b.idx, (i) => y[i]));
    }, o.seed);
    assertAllClose(losses, want, { rtol: 1e-13, atol: 0 });
    const a = trained.parameters(), b = net.parameters();
    a.forEach((p, i) => assertAllClose(p.data, b[i].data,
      { rtol: 1e-13, atol: 1e-15 }));
  });

  it('training is seeded: the same seed gives the same losses', () => {
    const s = cosineSchedule(20);
    const X = ring(50, createRng(1));
    const run = () => trainEps(timeMlp(2, 4, [8], 2, createRng(2)), X, s,
      { steps: 5, batchSize: 8, eta: 1e-2, seed: 3 });
    expect(Array.from(run())).toEqual(Array.from(run()));
  });
});

describe('the data', () => {
  it('ring draws, per point, an angle uniform on [0, 2π) and a radius '
    + '1.5 + N(0, 0.08²) by default', () => {
    const X = ring(5, createRng(4));
    const rng = createRng(4);
    for (let i = 0; i < 5; i++) {
      const a = rng.uniform(0, 2 * Math.PI);
      const r = 1.5 + rng.normal(0, 0.08);
      expect(X.get(i, 0)).toBeCloseTo(r * Math.cos(a), 14);
      expect(X.get(i, 1)).toBeCloseTo(r * Math.sin(a), 14);
    }
    // exactly those draws, no more: the caller's generator goes on
    // from there
    const shared = createRng(9), byHand = createRng(9);
    ring(3, shared);
    for (let i = 0; i < 3; i++) {
      byHand.uniform(0, 2 * Math.PI);
      byHand.normal(0, 0.08);
    }
    expect(shared.uniform()).toBe(byHand.uniform());
    const Y = ring(3, createRng(4), 2, 0.5);
    const rng2 = createRng(4);
    const a = rng2.uniform(0, 2 * Math.PI);
    expect(Y.get(0, 0)).toBeCloseTo((2 + rng2.normal(0, 0.5)) *
      Math.cos(a), 14);
  });

  it('scaledDigits maps pixels 0 … 16 to x/8 − 1, onto [−1, 1]', () => {
    const { X, y } = scaledDigits();
    expect([X.rows, X.cols, y.length]).toEqual([1797, 64, 1797]);
    let lo = Infinity, hi = -Infinity, off = 0;
    for (const v of X.data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (!Number.isInteger((v + 1) * 8)) off++;
    }
    expect([lo, hi, off]).toEqual([-1, 1, 0]);
  });
});

describe('measures of fidelity and diversity', () => {
  it('mean pairwise distance of a unit square\'s corners is '
    + '(4 + 2√2)/6', () => {
    const X = new Matrix(4, 2, Float64Array.of(0, 0, 1, 0, 0, 1, 1, 1));
    expect(meanPairwiseDistance(X)).toBeCloseTo((4 + 2 * Math.SQRT2) / 6,
      14);
  });

  it('precision and recall: 1 and 1 for the data itself, 0 and 0 for '
    + 'a far-away cloud', () => {
    const rng = createRng(8);
    const A = new Matrix(30, 2, rng.normalArray(60));
    const far = new Matrix(30, 2, A.data.map((v) => v + 100));
    expect(precisionRecall(A, A, 3)).toEqual({ precision: 1, recall: 1 });
    expect(precisionRecall(A, far, 3)).toEqual({ precision: 0,
      recall: 0 });
  });

  it('a collapsed sample set keeps precision and loses recall', () => {
    const rng = createRng(9);
    const A = new Matrix(40, 2, rng.normalArray(80));
    const collapsed = new Matrix(40, 2, Float64Array.from({ length: 80 },
      (_, i) => A.data[i % 2] + 1e-3 * (i % 7)));
    const pr = precisionRecall(A, collapsed, 3);
    expect(pr.precision).toBe(1);
    expect(pr.recall).toBeLessThan(0.2);
  });
  it('precision and recall by hand in 1-D: squared k-NN radii, a ball '
    + 'that holds its boundary, and k = 2 against k = 1', () => {
    // rows out of order, so the radii must come from sorted distances
    const col = (v: number[]) => new Matrix(v.length, 1, Float64Array.from(v));
    const real = col([6, 0, 7, 4, 5]), fake = col([11, 8, 7, 9]);
    // k = 1: real's squared radii 1, 16, 1, 1, 1: fake 8 lies on the
    // boundary of 7's ball (inside), 7 inside it, 11 and 9 outside;
    // fake's radii 4, 1, 1, 1 hold real 6 (on 7's boundary) and 7 only
    expect(precisionRecall(real, fake, 1)).toEqual({ precision: 2 / 4,
      recall: 2 / 5 });
    // k = 2: real's radii 1, 25, 4, 4, 1 add fake 9 (within 2 of 7);
    // fake's radii 9, 1, 4, 4 add real 5 (within 2 of 7)
    expect(precisionRecall(real, fake, 2)).toEqual({ precision: 3 / 4,
      recall: 3 / 5 });
    // the default k is 3: every real radius reaches 4 rows, a wide ball
    expect(precisionRecall(real, fake)).toEqual(
      precisionRecall(real, fake, 3));
  });

  it('a lone point\'s ball reaches its nearest other point: real 0, 10, '
    + '11 give squared radii 100, 1, 1 at k = 1', () => {
    const col = (v: number[]) => new Matrix(v.length, 1, Float64Array.from(v));
    // fake 5 lies within 10 of real 0 (inside), 30 within none
    expect(precisionRecall(col([0, 10, 11]), col([5, 30]), 1)).toEqual({
      precision: 1 / 2, recall: 1 });
  });

  it('mean pairwise distance counts each of the n(n − 1)/2 pairs once',
    () => {
      // 0, 1, 3 on a line: (1 + 3 + 2)/3; rows in another order agree
      const col = (v: number[]) => new Matrix(v.length, 1,
        Float64Array.from(v));
      expect(meanPairwiseDistance(col([0, 1, 3]))).toBe(2);
      expect(meanPairwiseDistance(col([3, 0, 1]))).toBe(2);
      expect(meanPairwiseDistance(col([5, 5]))).toBe(0);
    });
});

describe('exercises', () => {
  it('VLB weights with σ² = β̃ equal ½(SNR(t−1) − SNR(t))(1 − ᾱ_t)/ᾱ_t',
    () => {
      const s = linearSchedule(100);
      const w = vlbWeights(s);
      const snr = (t: number) => s.alphaBar[t - 1] / (1 - s.alphaBar[t - 1]);
      for (const t of [2, 10, 50, 100]) {
        const ab = s.alphaBar[t - 1];
        expect(w[t - 2]).toBeCloseTo(0.5 * (snr(t - 1) - snr(t)) *
          (1 - ab) / ab, 8);
      }
      expect(w[0] / w[98]).toBeGreaterThan(50); // far from uniform
      expect(w.length).toBe(99); // one weight for each t = 2 … T
    });

  it('σ² = β is exact for unit-variance data (but for β₁); for narrow '
    + 'data (v = 0.05) β̃ wins at T = 50 and β at T = 1000', () => {
    const unit = sigmaErrors(1);
    // exact but for the last step, which adds no noise: error β₁
    expect(unit.beta).toBeCloseTo(1e-4, 12);
    expect(unit.posterior).toBeGreaterThan(1e-3);
    const few = sigmaErrors(0.05, 50);
    expect(few.posterior).toBeLessThan(few.beta / 2);
    const many = sigmaErrors(0.05, 1000);
    expect(many.beta).toBeLessThan(many.posterior / 2);
  });
});

describe('review', () => {
  it('the sampler adds no noise at its last step: with T = 1 the output '
    + 'is μ_θ exactly, whatever the seed, Eq. (dm-sample)', () => {
    const s = fromBetas([0.3]);
    const eps = (x: Float64Array) => x.map((v) => 0.5 * v);
    const a = sample(eps, s, 4, 2, { seed: 1 });
    const b = sample(eps, s, 4, 2, { seed: 2 });
    const xT = createRng(1).normalArray(8); // the sampler's own x_T
    assertAllClose(a.x.data, epsMean(s, 1, xT, eps(xT)),
      { rtol: 1e-14, atol: 1e-15 });
    // a different seed draws a different x_T, and nothing else
    const xT2 = createRng(2).normalArray(8);
    assertAllClose(b.x.data, epsMean(s, 1, xT2, eps(xT2)),
      { rtol: 1e-14, atol: 1e-15 });
  });

  it('the page\'s Gaussian check: 4,000 samples of the 1000-step chain '
    + 'agree with its exact moments within 4 standard errors', () => {
    const s = linearSchedule(1000), mu = [1, -2], v = [0.25, 4];
    const n = 4000;
    const X = sample(gaussianEps(s, mu, v), s, n, 2, { seed: 11 }).x;
    const m = samplerMoments(s, mu, v);
    for (let j = 0; j < 2; j++) {
      let a = 0;
      for (let i = 0; i < n; i++) a += X.data[2 * i + j];
      const mean = a / n;
      let b = 0;
      for (let i = 0; i < n; i++) b += (X.data[2 * i + j] - mean) ** 2;
      const variance = b / (n - 1);
      expect(Math.abs(mean - m.mean[j]))
        .toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(variance - m.variance[j]))
        .toBeLessThan(4 * variance * Math.sqrt(2 / (n - 1)));
    }
  });

  it('the cosine schedule\'s clipped last β: an error δ in ε̂ moves the '
    + 'unclipped first step by δ/√α_T ≈ 31.6δ, the clipped one by at '
    + 'most 2c₀', () => {
    const s = cosineSchedule(50);
    const T = s.T, delta = 0.1;
    const x = Float64Array.of(0.2, -0.7), e = Float64Array.of(0.2, -0.7);
    const e2 = e.map((v) => v + delta);
    const k = s.beta[T - 1] / (Math.sqrt(1 - s.alphaBar[T - 1]) *
      Math.sqrt(s.alpha[T - 1]));
    // β_T/√α_T with β_T = 0.999 and ᾱ_T ≈ 0: 31.6
    expect(k).toBeCloseTo(0.999 / Math.sqrt(1 - 0.999), 4);
    const d = epsMean(s, T, x, e2).map((v, i) => v - epsMean(s, T, x, e)[i]);
    for (const di of d) expect(di).toBeCloseTo(-k * delta, 10);
    const { c0 } = posteriorCoefficients(s, T);
    const dc = clippedMean(s, T, x, e2).map((v, i) =>
      v - clippedMean(s, T, x, e)[i]);
    for (const di of dc) expect(Math.abs(di)).toBeLessThanOrEqual(2 * c0);
    expect(2 * c0).toBeLessThan(0.1 * k * delta);
  });
});

describe('bad input', () => {
  it('schedules and the forward process reject bad input', () => {
    rejectsBadInput(badInput.schedules);
  });
  it('the networks, training and guidance reject bad input', () => {
    rejectsBadInput(badInput.networks);
  });
  it('the sampler, the Gaussian check and the measures reject bad input',
    () => {
      rejectsBadInput(badInput.sampling);
    });

  it('a schedule, a network and a Tensor are checked where the specs '
    + 'pass any(): each bad field is named', () => {
    const good = fromBetas([0.1, 0.2]);
    const F = (n: number) => new Float64Array(n).fill(0.1);
    const badScheds = [null, 3, { ...good, alphaBar: [0.9, 0.72] },
      { ...good, beta: [0.1, 0.2] }, { ...good, beta: F(3) },
      { ...good, alpha: [0.9, 0.8] }, { ...good, alphaBar: F(3) }];
    for (const s of badScheds) {
      expect(() => posteriorCoefficients(s as never, 1)).toThrow(
        'posteriorCoefficients: s must be a Schedule (from fromBetas, ' +
        'linearSchedule or cosineSchedule)');
    }
    expect(posteriorCoefficients(good, 2).variance).toBeGreaterThan(0);
    const net = timeMlp(2, 4, [3], 2, createRng(1));
    for (const bad of [null, 'net', {}, { Wx: net.Wx }]) {
      expect(() => epsFn(bad as never)).toThrow('epsFn: net must be a ' +
        'TimeMLP');
    }
    expect(() => ring(3, {} as never)).toThrow('ring: rng must be an Rng');
  });

  it('TimeMLP checks each of Wx, Wt, b and rest', () => {
    const W = (shape: number[], grad = true) => new Tensor(
      new Float64Array(shape.reduce((a, b) => a * b, 1)), shape, grad);
    const rest = new Sequential([new Linear(W([3, 2]), W([2]))]);
    const make = (Wx: unknown, Wt: unknown, b: unknown, r: unknown) =>
      () => new TimeMLP(Wx as Tensor, Wt as Tensor, b as Tensor,
        r as Sequential);
    expect(make(W([2, 3]), W([4, 3]), W([3]), rest)).not.toThrow();
    for (const [name, bad] of [['Wx', [3]], ['Wx', [2, 3, 1]],
      ['Wt', [4]]] as const) {
      const Wx = name === 'Wx' ? W([...bad]) : W([2, 3]);
      const Wt = name === 'Wt' ? W([...bad]) : W([4, 3]);
      expect(make(Wx, Wt, W([3]), rest)).toThrow(`TimeMLP: ${name} must ` +
        'be a 2-D Tensor with gradients');
    }
    expect(make([[0]], W([4, 3]), W([3]), rest)).toThrow('TimeMLP: Wx ' +
      'must be a 2-D Tensor');
    expect(make(W([2, 3], false), W([4, 3]), W([3]), rest)).toThrow(
      'TimeMLP: Wx must be a 2-D Tensor with gradients');
    expect(make(W([2, 3]), W([4, 3], false), W([3]), rest)).toThrow(
      'TimeMLP: Wt must be a 2-D Tensor with gradients');
    expect(make(W([2, 3]), W([4, 2]), W([3]), rest)).toThrow(
      'TimeMLP: Wt must be [even e, 3], got [4,2]');
    expect(make(W([2, 3]), W([5, 3]), W([3]), rest)).toThrow(
      'TimeMLP: Wt must be [even e, 3], got [5,3]');
    for (const b of [W([2]), W([3, 1]), W([3], false), [0, 0, 0]]) {
      expect(make(W([2, 3]), W([4, 3]), b, rest)).toThrow(
        'TimeMLP: b must be a Tensor [3] with gradients');
    }
    expect(make(W([2, 3]), W([4, 3]), W([3]), [])).toThrow(
      'TimeMLP: rest must be a Sequential');
    const net = timeMlp(2, 4, [3], 2, createRng(1));
    for (const x of [[0, 0], new Tensor(new Float64Array(2), [2]),
      new Tensor(new Float64Array(3), [1, 3])]) {
      expect(() => net.forward(x as Tensor, [1])).toThrow(
        'TimeMLP.forward: x must be a Tensor [n, 2]');
    }
    expect(() => net.forward(new Tensor(new Float64Array(4), [2, 2]),
      [1])).toThrow('TimeMLP.forward: t must hold one step per row (2), ' +
      'got 1');
  });

  it('epsLoss checks the shapes of x0 and eps and one step per row', () => {
    const net = timeMlp(2, 4, [3], 2, createRng(1));
    const s = cosineSchedule(5);
    const M = (r: number, c: number) => new Tensor(
      new Float64Array(r * c).fill(0.5), [r, c]);
    const call = (x0: unknown, eps: unknown, t: unknown = [1, 2]) => () =>
      epsLoss(net, s, x0 as Tensor, t as number[], eps as Tensor);
    expect(call(M(2, 2), M(2, 2))).not.toThrow();
    for (const bad of [[0.5], new Tensor(new Float64Array(2), [2]),
      M(2, 3)]) {
      expect(call(bad, M(2, 2))).toThrow('epsLoss: x0 must be a Tensor ' +
        '[n, 2]');
      expect(call(M(2, 2), bad)).toThrow('epsLoss: eps must be a Tensor ' +
        '[n, 2]');
    }
    const nan = M(2, 2);
    nan.data[1] = NaN; // after the Tensor's own check
    expect(call(nan, M(2, 2))).toThrow('epsLoss: x0');
    expect(call(M(2, 2), nan)).toThrow('epsLoss: eps');
    expect(call(M(2, 2), M(3, 2))).toThrow('epsLoss: eps must have 2 ' +
      'rows like x0, got 3');
    expect(call(M(2, 2), M(2, 2), null)).toThrow('epsLoss: t must hold ' +
      'one step per row (2), got undefined');
    expect(call(M(2, 2), M(2, 2), 7)).toThrow('epsLoss: t must hold ' +
      'one step per row (2)');
    expect(call(M(2, 2), M(2, 2), [1])).toThrow('epsLoss: t must hold ' +
      'one step per row (2), got 1');
    expect(() => epsLoss(null as never, s, M(2, 2), [1, 2], M(2, 2)))
      .toThrow('epsLoss: net must be a TimeMLP');
    expect(() => epsLoss(net, null as never, M(2, 2), [1, 2], M(2, 2)))
      .toThrow('epsLoss: s must be a Schedule');
  });

  it('the sampler checks its options: clip, keep and the guide', () => {
    const s = cosineSchedule(5);
    const eps = (x: Float64Array) => x.map(() => 0);
    const y = Int32Array.of(0, 1);
    const grad = (x: Float64Array) => x.map(() => 0);
    const run = (o: unknown) => () => sample(eps, s, 2, 2, o as never);
    expect(run({ seed: 1, clip: true, keep: [0, 5],
      guide: { grad, y, scale: 1 } })).not.toThrow();
    expect(run(null)).toThrow('sample: options must be an object');
    expect(run(3)).toThrow('sample: options must be an object');
    expect(run({ seed: 1, clip: 1 })).toThrow('sample: clip must be true ' +
      'or false');
    expect(run({ seed: 1, keep: [6] })).toThrow('sample: keep must be an ' +
      'integer in [0, 5], got 6');
    expect(run({ seed: 1, keep: [-1] })).toThrow('sample: keep');
    expect(run({ seed: 1, guide: { grad: 1, y, scale: 1 } })).toThrow(
      'sample: guide.grad must be a function');
    expect(run({ seed: 1, guide: { grad, y, scale: NaN } })).toThrow(
      'sample: guide.scale must be a finite number');
    for (const bad of [[0, 1], Int32Array.of(0)]) {
      expect(run({ seed: 1, guide: { grad, y: bad, scale: 1 } })).toThrow(
        'sample: guide.y must be an Int32Array of 2 classes');
    }
  });

  it('classifierGrad checks whole rows, and y against the classes', () => {
    const net = timeMlp(2, 4, [3], 3, createRng(1));
    const x = Float64Array.of(0.1, 0.2, 0.3, 0.4);
    expect(() => classifierGrad(net, x, 2, Int32Array.of(0, 2)))
      .not.toThrow();
    expect(() => classifierGrad(net, x.subarray(0, 3), 2,
      Int32Array.of(0))).toThrow('classifierGrad: x must hold whole rows ' +
      'of 2, got 3 numbers');
    expect(() => classifierGrad(net, x, 2, Int32Array.of(0, 3))).toThrow(
      'classifierGrad: y[1] must be an integer in [0, 2], got 3');
    expect(() => classifierGrad(net, x, 2, [0, 1] as never)).toThrow(
      'classifierGrad: y must be an Int32Array of 2 classes');
    expect(() => classifierGrad(net, x, 2, Int32Array.of(0))).toThrow(
      'classifierGrad: y must be an Int32Array of 2 classes');
    expect(() => trainNoisyClassifier(net, new Matrix(2, 2), Int32Array.of(
      0, 3), cosineSchedule(5), { steps: 1, batchSize: 1, eta: 0.1,
      seed: 0 })).toThrow('trainNoisyClassifier: y[1] must be an integer ' +
      'in [0, 2], got 3');
    expect(() => trainNoisyClassifier(net, new Matrix(2, 2), null as never,
      cosineSchedule(5), { steps: 1, batchSize: 1, eta: 0.1, seed: 0 }))
      .toThrow('trainNoisyClassifier: y must be an Int32Array with one ' +
        'label per row of X (2), got undefined');
    expect(() => trainEps(net, new Matrix(2, 3), cosineSchedule(5),
      { steps: 1, batchSize: 1, eta: 0.1, seed: 0 })).toThrow(
      'trainEps: X must have 2 columns, got 3');
    expect(() => trainEps(net, new Matrix(2, 2), cosineSchedule(5),
      null as never)).toThrow('trainEps: options must be an object');
  });

  it('each message names the function, the argument and what it got',
    () => {
      const s = cosineSchedule(5);
      const net = timeMlp(2, 4, [3], 3, createRng(1));
      const X = new Matrix(2, 2);
      const o = { steps: 1, batchSize: 1, eta: 0.1, seed: 0 };
      const x = Float64Array.of(0.1, 0.2), y = Int32Array.of(0);
      const eps = (v: Float64Array) => v.map(() => 0);
      const cases: [() => unknown, string][] = [
        [() => fromBetas([NaN]), 'fromBetas: beta must hold finite ' +
          'numbers, got beta[0] = NaN'],
        [() => fromBetas([0.1, 1]), 'fromBetas: beta must lie in (0, 1), ' +
          'got beta[1] = 1'],
        [() => linearSchedule(0), 'linearSchedule: T must be an integer ' +
          '>= 1, got 0'],
        [() => linearSchedule(5, 0), 'linearSchedule: beta1 must lie in ' +
          '(0, 1), got 0'],
        [() => cosineSchedule(0), 'cosineSchedule: T must be an integer ' +
          '>= 1, got 0'],
        [() => cosineSchedule(5, 0), 'cosineSchedule: s must be > 0, ' +
          'got 0'],
        [() => cosineSchedule(5, 0.008, 1), 'cosineSchedule: maxBeta must ' +
          'lie in (0, 1), got 1'],
        [() => posteriorCoefficients(s, 0), 'posteriorCoefficients: t ' +
          'must be an integer in [1, 5], got 0'],
        [() => sigmaSquared(s, 1, 'x' as never), 'sigmaSquared: sigma ' +
          'must be \'beta\' or \'posterior\', got x'],
        [() => qSample(null as never, X, [1, 1], X), 'qSample: s must be ' +
          'a Schedule'],
        [() => qSample(s, [[0, 0]] as never, [1], X), 'qSample: x0 must ' +
          'be a Matrix'],
        [() => qSample(s, X, [1, 9], X), 'qSample: t[1] must be an ' +
          'integer in [1, 5], got 9'],
        [() => qSample(s, X, '11' as never, X), 'qSample: t must hold one ' +
          'step per row (2), got 2'],
        [() => timeEmbedding([NaN], 4), 'timeEmbedding: t must hold ' +
          'finite numbers'],
        [() => timeEmbedding([1], 0), 'timeEmbedding: e must be an ' +
          'integer >= 2, got 0'],
        [() => timeMlp(2, 1, [3], 2, createRng(1)), 'timeMlp: e must be ' +
          'an integer >= 2, got 1'],
        [() => timeMlp(2, 4, [3], 2, {} as never), 'timeMlp: mlp: linear: ' +
          'rng must be a generator from createRng'],
        [() => net.forward(new Tensor(new Float64Array(4), [1, 2, 2]), [1]),
          'TimeMLP.forward: x must be a Tensor [n, 2]'],
        [() => net.forward(new Tensor(new Float64Array(2), [1, 2]), [NaN]),
          'TimeMLP.forward: t must hold finite numbers'],
        [() => epsLoss(net, s, new Tensor(new Float64Array(4), [2, 2, 1]),
          [1, 1], new Tensor(new Float64Array(4), [2, 2])), 'epsLoss: x0 ' +
          'must be a Tensor [n, 2]'],
        [() => gaussianEps(null as never, [0], [1]), 'gaussianEps: s must ' +
          'be a Schedule'],
        [() => gaussianEps(s, [NaN], [1]), 'gaussianEps: mu must hold ' +
          'finite numbers'],
        [() => gaussianEps(s, [0, 1], [1]), 'gaussianEps: v must have ' +
          'mu\'s length 2, got 1'],
        [() => epsMean(s, 1, x, Float64Array.of(0)), 'epsMean: epsHat must ' +
          'have x\'s length 2, got 1'],
        [() => sample(eps, null as never, 1, 2, { seed: 1 }), 'sample: s ' +
          'must be a Schedule'],
        [() => sample(eps, s, 0, 2, { seed: 1 }), 'sample: n must be an ' +
          'integer >= 1, got 0'],
        [() => sample(eps, s, 1, 2, { seed: -1 }), 'sample: seed must be ' +
          'an integer >= 0, got -1'],
        [() => classifierGrad(null as never, x, 1, y), 'classifierGrad: ' +
          'net must be a TimeMLP'],
        [() => classifierGrad(net, x, NaN, y), 'classifierGrad: t must be ' +
          'a finite number, got NaN'],
        [() => gradFn(null as never), 'gradFn: net must be a TimeMLP'],
        [() => vlbWeights(null as never), 'vlbWeights: s must be a ' +
          'Schedule'],
        [() => sigmaErrors(0.5, 1), 'sigmaErrors: T must be an integer ' +
          '>= 2, got 1'],
        [() => trainEps(null as never, X, s, o), 'trainEps: net must be ' +
          'a TimeMLP'],
        [() => trainEps(net, X, null as never, o), 'trainEps: s must be a ' +
          'Schedule'],
        [() => trainEps(net, X, s, 3 as never), 'trainEps: options must ' +
          'be an object'],
        [() => trainEps(net, X, s, { ...o, steps: 0 }), 'trainEps: steps ' +
          'must be an integer >= 1, got 0'],
        [() => trainEps(net, X, s, { ...o, batchSize: 0 }), 'trainEps: ' +
          'batchSize must be an integer >= 1, got 0'],
        [() => trainEps(net, X, s, { ...o, eta: 0 }), 'trainEps: eta must ' +
          'be > 0, got 0'],
        [() => trainEps(net, X, s, { ...o, seed: -1 }), 'trainEps: seed ' +
          'must be an integer >= 0, got -1'],
        [() => precisionRecall(new Matrix(5, 1), new Matrix(3, 1), 3),
          'precisionRecall: k must be an integer in [1, 2], got 3'],
        [() => ring(0, createRng(1)), 'ring: n must be an integer >= 1, ' +
          'got 0'],
      ];
      for (const [f, msg] of cases) expect(f).toThrow(msg);
      // an object that only looks like a Schedule or a TimeMLP, as a
      // function carrying their fields would, is rejected too
      const good = fromBetas([0.1, 0.2]);
      expect(() => posteriorCoefficients(Object.assign(() => 0, good) as
        never, 1)).toThrow('posteriorCoefficients: s must be a Schedule');
      expect(() => epsFn(Object.assign(() => 0, { Wx: net.Wx,
        forward: () => 0 }) as never)).toThrow('epsFn: net must be a ' +
        'TimeMLP');
      expect(() => epsFn({ Wx: net.Wx } as never)).toThrow('epsFn: net ' +
        'must be a TimeMLP');
    });

  it('an odd embedding size, no hidden layer, or too few rows are '
    + 'rejected', () => {
    expect(() => timeEmbedding([1], 3)).toThrow('timeEmbedding: e must ' +
      'be even, got 3');
    expect(() => timeMlp(2, 5, [3], 2, createRng(1))).toThrow('timeMlp: e ' +
      'must be even, got 5');
    for (const hidden of [[], 3]) {
      expect(() => timeMlp(2, 4, hidden as never, 2, createRng(1)))
        .toThrow('timeMlp: hidden must list at least one width');
    }
    const one = new Matrix(1, 2);
    expect(() => meanPairwiseDistance(one)).toThrow('meanPairwiseDistance: ' +
      'X needs at least 2 rows, got 1');
    const pts = new Matrix(3, 2, Float64Array.of(0, 0, 1, 0, 0, 1));
    expect(() => precisionRecall(pts, new Matrix(3, 1))).toThrow(
      'precisionRecall: fake must have 2 columns like real, got 1');
    expect(() => precisionRecall(pts, pts, 3)).toThrow('precisionRecall: ' +
      'k must be an integer in [1, 2], got 3');
  });
});
