// Tests for the diffusion-models chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/papers/diffusion-models.mdx.
// PyTorch values come from tests/fixtures/diffusion-models/torch.json,
// written by scripts/reference/diffusion_models.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
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
  classifierGrad, epsFn,
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
import { ring } from '../code/diffusion-models/data.ts';
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
  const s = linearSchedule(1000);
  const mu = [1, -2], v = [0.25, 4];

  it('for data N(0, 1) and σ_t² = β_t every step is exact: the output '
    + 'has mean 0 and variance 1 − β₁ (no noise added at t = 1)', () => {
    const m = samplerMoments(s, [0], [1], 'beta');
    expect(m.mean[0]).toBe(0);
    expect(m.variance[0]).toBeCloseTo(1 - s.beta[0], 12);
  });

  it('with the optimal ε the output matches N(μ, v) within 0.5% '
    + '(the sampler\'s Gaussian step at T = 1000)', () => {
    const m = samplerMoments(s, mu, v);
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(m.mean[j] - mu[j])).toBeLessThan(0.005 * Math.abs(mu[j]));
      expect(Math.abs(m.variance[j] / v[j] - 1)).toBeLessThan(0.005);
    }
  });

  it('gaussianEps is E[ε | x_t]: the regression slope of ε on x_t',
    () => {
      const rng = createRng(6);
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

  it('the same seed gives the same samples; another seed others', () => {
    const e = gaussianEps(s, mu, v);
    const small = linearSchedule(20);
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

  it('training is seeded: the same seed gives the same losses', () => {
    const s = cosineSchedule(20);
    const X = ring(50, createRng(1));
    const run = () => trainEps(timeMlp(2, 4, [8], 2, createRng(2)), X, s,
      { steps: 5, batchSize: 8, eta: 1e-2, seed: 3 });
    expect(Array.from(run())).toEqual(Array.from(run()));
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
});
