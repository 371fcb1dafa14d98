// Tests for the variational-autoencoders chapter. Each `it` is one
// claim of the chapter; equation labels refer to
// chapters/neural-networks/variational-autoencoders.mdx. PyTorch values
// come from tests/fixtures/variational-autoencoders/torch.json, written
// by scripts/reference/variational_autoencoders.py (float64).
import { describe, expect, it } from 'vitest';
import { assertAllClose, gradientCheck } from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { Act, Linear } from '../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../code/multilayer-perceptron/mlp.ts';
import { klMonteCarlo, klNormal } from '../code/probability/information.ts';
import {
  bernoulliLogPmfLogit, normalLogPdf,
} from '../code/probability/univariate.ts';
import { erf } from '../code/multilayer-perceptron/erf.ts';
import { digitsRows } from '../code/softmax-regression/experiments.ts';
import {
  diagonalGaussian, klDiagonal, klStandardNormal, standardNormal,
} from '../code/variational-autoencoders/kl.ts';
import { bernoulliLogLik } from '../code/variational-autoencoders/likelihood.ts';
import {
  VAE, elbo, reparameterize, vae,
} from '../code/variational-autoencoders/model.ts';
import {
  evaluateVae, trainVae,
} from '../code/variational-autoencoders/train.ts';
import {
  decodeMean, interpolate, latentGrid, reconstruct, samplePrior,
} from '../code/variational-autoencoders/explore.ts';
import {
  estimatorStudy, estimatorVariance, gradientEstimate,
} from '../code/variational-autoencoders/estimators.ts';
import {
  gaussianLogLik,
} from '../code/variational-autoencoders/solutions/gaussian-decoder.ts';
import {
  iwBound,
} from '../code/variational-autoencoders/solutions/importance-weighted.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/variational-autoencoders.ts';
import { fixture } from './helpers.ts';

const torch = fixture('variational-autoencoders', 'torch.json');
const REF = { rtol: 1e-10, atol: 1e-10 };

/** The fixture's VAE: tanh layers, weights in the book's layout. */
function torchVae(): VAE {
  const { d, h, k } = torch.sizes;
  const lin = (name: string, i: number, o: number) => new Linear(
    new Tensor(Float64Array.from(torch.W[name]), [i, o], true),
    new Tensor(Float64Array.from(torch.b[name]), [o], true));
  return new VAE(new Sequential([lin('trunk', d, h), new Act('tanh')]),
    lin('mu', h, k), lin('logVar', h, k),
    new Sequential([lin('dec1', k, h), new Act('tanh'),
      lin('dec2', h, d)]));
}

function torchBatch() {
  const { n, d, k } = torch.sizes;
  return { X: new Tensor(Float64Array.from(torch.x), [n, d]),
    eps: new Tensor(Float64Array.from(torch.eps), [n, k]) };
}

/** Rows 0..n-1 of the digits, pixels in [0, 1]. */
const digits = (n: number, from = 0) =>
  digitsRows(Array.from({ length: n }, (_, i) => from + i)).X;

describe('the Gaussian KL, Eq. (vae-kl)', () => {
  it('is the sum over dimensions of the 1-D KL (prob-kl-normal)', () => {
    const mu = [0.3, -1.2, 2], logVar = [-0.5, 0.8, 0];
    let sum = 0;
    for (let j = 0; j < 3; j++) {
      sum += klNormal(mu[j], Math.exp(0.5 * logVar[j]), 0, 1);
    }
    expect(klDiagonal(mu, logVar)).toBeCloseTo(sum, 13);
  });

  it('matches a seeded Monte Carlo estimate within 4 standard errors',
    () => {
      const mu = [0.5, -1, 0.2, 1.5], logVar = [-1, 0.5, -0.2, 0.3];
      const mc = klMonteCarlo(createRng(7), diagonalGaussian(mu, logVar),
        standardNormal(4), 20000);
      expect(Math.abs(mc.estimate - klDiagonal(mu, logVar)))
        .toBeLessThan(4 * mc.standardError);
    });

  it('is zero at the prior and positive away from it', () => {
    expect(klDiagonal([0, 0], [0, 0])).toBe(0);
    expect(klDiagonal([1e-3, 0], [0, 0])).toBeGreaterThan(0);
    expect(klDiagonal([0, 0], [0, 1e-3])).toBeGreaterThan(0);
  });

  it('on tensors: one value per row, equal to the numbers', () => {
    const mu = new Tensor([0.3, -1.2, 0.5, 0.1], [2, 2]);
    const lv = new Tensor([-0.5, 0.8, 0.2, -2], [2, 2]);
    const kl = klStandardNormal(mu, lv);
    expect(kl.shape).toEqual([2]);
    expect(kl.data[0]).toBeCloseTo(klDiagonal([0.3, -1.2], [-0.5, 0.8]),
      14);
    expect(kl.data[1]).toBeCloseTo(klDiagonal([0.5, 0.1], [0.2, -2]), 14);
  });

  it('has the gradients μ and ½(σ² − 1), checked by differences', () => {
    const x0 = Float64Array.of(0.3, -1.2, -0.5, 0.8);
    const f = (x: Float64Array) => klDiagonal(x.subarray(0, 2),
      x.subarray(2));
    const grad = (x: Float64Array) => {
      const mu = new Tensor(x.slice(0, 2), [1, 2], true);
      const lv = new Tensor(x.slice(2), [1, 2], true);
      klStandardNormal(mu, lv).sum().backward();
      return Float64Array.of(...mu.grad!, ...lv.grad!);
    };
    expect(gradientCheck(f, grad, x0).ok).toBe(true);
    const g = grad(x0);
    expect(g[0]).toBeCloseTo(0.3, 14);
    expect(g[2]).toBeCloseTo(0.5 * (Math.exp(-0.5) - 1), 14);
  });
});

describe('the Bernoulli likelihood, Eq. (vae-bernoulli)', () => {
  it('equals the probability chapter\'s log-pmf on 0/1 pixels', () => {
    const l = [1.5, -0.3, 4, -7], x = [1, 0, 0, 1];
    const out = bernoulliLogLik(new Tensor(l, [2, 2]),
      new Tensor(x, [2, 2]));
    expect(out.data[0]).toBeCloseTo(bernoulliLogPmfLogit(1, 1.5) +
      bernoulliLogPmfLogit(0, -0.3), 14);
    expect(out.data[1]).toBeCloseTo(bernoulliLogPmfLogit(0, 4) +
      bernoulliLogPmfLogit(1, -7), 14);
  });

  it('stays finite at logits of ±800, where σ(l) rounds to 0 or 1',
    () => {
      const out = bernoulliLogLik(new Tensor([800, -800], [1, 2]),
        new Tensor([0.25, 0.5], [1, 2]));
      expect(out.data[0]).toBeCloseTo(0.25 * 800 - 800 - 0.5 * 800, 9);
    });

  it('has the gradient x − σ(l), checked by differences', () => {
    const x = new Tensor([0.2, 1, 0, 0.7, 0.5, 0.1], [2, 3]);
    const l0 = Float64Array.of(0.4, -1.1, 2, 0.3, -0.2, 1.7);
    const f = (l: Float64Array) => {
      const o = bernoulliLogLik(new Tensor(l.slice(), [2, 3]), x).data;
      return 2 * o[0] - o[1]; // a non-uniform upstream gradient
    };
    const grad = (l: Float64Array) => {
      const t = new Tensor(l.slice(), [2, 3], true);
      bernoulliLogLik(t, x).mul(new Tensor([2, -1], [2])).sum()
        .backward();
      return t.grad!;
    };
    expect(gradientCheck(f, grad, l0).ok).toBe(true);
  });
});

describe('the reparameterization, Eq. (vae-reparam)', () => {
  it('z = μ + σ ε, with ∂z/∂μ = 1 and ∂z/∂log σ² = ½ σ ε', () => {
    const mu = new Tensor([0.5, -1], [1, 2], true);
    const lv = new Tensor([0.4, -2], [1, 2], true);
    const eps = new Tensor([1.3, -0.7], [1, 2]);
    const z = reparameterize(mu, lv, eps);
    expect(z.data[0]).toBeCloseTo(0.5 + Math.exp(0.2) * 1.3, 14);
    z.sum().backward();
    expect([...mu.grad!]).toEqual([1, 1]);
    expect(lv.grad![1]).toBeCloseTo(0.5 * Math.exp(-1) * -0.7, 14);
    expect(eps.grad).toBeNull(); // ε is a constant: no gradient kept
  });

  it('the ELBO\'s gradient through the whole VAE passes a check', () => {
    const model = torchVae();
    const { X, eps } = torchBatch();
    const params = model.parameters();
    const flat = Float64Array.from(params.flatMap((p) => [...p.data]));
    const put = (x: Float64Array) => {
      let o = 0;
      for (const p of params) {
        p.data.set(x.subarray(o, o + p.size));
        o += p.size;
      }
    };
    const f = (x: Float64Array) => {
      put(x);
      return elbo(model, X, eps, 1.5).loss.data[0];
    };
    const grad = (x: Float64Array) => {
      put(x);
      for (const p of params) p.grad = null;
      elbo(model, X, eps, 1.5).loss.backward();
      return Float64Array.from(params.flatMap((p) => [...p.grad!]));
    };
    expect(gradientCheck(f, grad, flat).ok).toBe(true);
  });
});

describe('pitfalls', () => {
  it('a log σ² of 2000 fails loudly instead of training on Infinity',
    () => {
      const model = torchVae();
      model.logVarHead.b.data.fill(2000); // exp(1000) overflows
      const { X, eps } = torchBatch();
      expect(() => elbo(model, X, eps)).toThrow(/Infinity/);
    });

  it('decoding μ instead of a sample: log σ² gets the KL\'s gradient only',
    () => {
      const model = torchVae();
      const { X } = torchBatch();
      const { mu, logVar } = model.encode(X);
      const recon = bernoulliLogLik(model.decode(mu), X).mean();
      const kl = klStandardNormal(mu, logVar).mean();
      kl.sub(recon).backward();
      const s2 = logVar.data.map(Math.exp);
      const g = model.logVarHead.b.grad!; // ½(σ² − 1) averaged, Eq. (vae-kl-grad)
      for (let j = 0; j < 2; j++) {
        let want = 0;
        for (let i = 0; i < 4; i++) want += 0.5 * (s2[i * 2 + j] - 1) / 4;
        expect(g[j]).toBeCloseTo(want, 13);
      }
    });
});

describe('against torch 1.13 (float64), fixed weights and ε', () => {
  it('the two terms and the loss agree to 1e-10', () => {
    const { X, eps } = torchBatch();
    const t = elbo(torchVae(), X, eps, torch.beta);
    assertAllClose(t.recon.data[0], torch.recon, REF, 'recon');
    assertAllClose(t.kl.data[0], torch.kl, REF, 'kl');
    assertAllClose(t.loss.data[0], torch.loss, REF, 'loss');
  });

  it('μ and log σ² agree to 1e-10', () => {
    const { X } = torchBatch();
    const { mu, logVar } = torchVae().encode(X);
    assertAllClose(mu.data, torch.mu, REF, 'mu');
    assertAllClose(logVar.data, torch.logVar, REF, 'logVar');
  });

  it('every weight and bias gradient agrees to 1e-10', () => {
    const model = torchVae();
    const { X, eps } = torchBatch();
    elbo(model, X, eps, torch.beta).loss.backward();
    const named: [string, Linear][] = [
      ['trunk', (model.trunk as Sequential).layers[0] as Linear],
      ['mu', model.muHead], ['logVar', model.logVarHead],
      ['dec1', (model.decoder as Sequential).layers[0] as Linear],
      ['dec2', (model.decoder as Sequential).layers[2] as Linear]];
    for (const [name, l] of named) {
      assertAllClose(l.W.grad!, torch.gradW[name], REF, `dW ${name}`);
      assertAllClose(l.b.grad!, torch.gradB[name], REF, `db ${name}`);
    }
  });
});

describe('gradient estimators on g(z) = Σ z², true gradient 2m', () => {
  it('both are unbiased: means within 4 standard errors of 2m', () => {
    for (const kind of ['reparam', 'score'] as const) {
      const s = estimatorStudy(kind, 8, 1, 1, 20000, createRng(3));
      expect(Math.abs(s.mean - 2)).toBeLessThan(4 * s.meanSE);
    }
  });

  it('measured variances match Eq. (vae-var-score) within 4 SE', () => {
    for (const [kind, d] of [['reparam', 8], ['score', 1],
      ['score', 16]] as const) {
      const s = estimatorStudy(kind, d, 1, 1, 20000, createRng(4));
      expect(Math.abs(s.variance - estimatorVariance(kind, d, 1)))
        .toBeLessThan(4 * s.varianceSE);
    }
  });

  it('the score variance grows as d²; reparameterization stays 4', () => {
    expect(estimatorVariance('score', 1, 1)).toBe(30);
    expect(estimatorVariance('score', 64, 1)).toBe(30 + 22 * 63 +
      4 * 63 * 63);
    expect(estimatorVariance('reparam', 64, 1)).toBe(4);
    expect(estimatorVariance('score', 1, 0)).toBe(15); // m = 0
  });

  it('S draws divide the variance by S', () => {
    const s = estimatorStudy('reparam', 1, 1, 10, 20000, createRng(5));
    expect(Math.abs(s.variance - 0.4)).toBeLessThan(4 * s.varianceSE);
  });

  it('one estimate is reproducible from its seed', () => {
    expect(gradientEstimate('score', 3, 1, 5, createRng(9)))
      .toBe(gradientEstimate('score', 3, 1, 5, createRng(9)));
  });
});

describe('training on digits', () => {
  const X = digits(200);
  const test = digits(100, 1000);
  const opts = { epochs: 3, batchSize: 25, eta: 1e-2, seed: 2 };

  it('raises the held-out ELBO above the untrained model\'s', () => {
    const model = vae(64, [16], 2, 'tanh', createRng(1));
    const before = evaluateVae(model, test, createRng(3)).elbo;
    trainVae(model, X, opts);
    const after = evaluateVae(model, test, createRng(3)).elbo;
    expect(after).toBeGreaterThan(before + 5);
  });

  it('is reproducible from its seed', () => {
    const a = trainVae(vae(64, [8], 2, 'tanh', createRng(1)), X,
      { ...opts, epochs: 1 });
    const b = trainVae(vae(64, [8], 2, 'tanh', createRng(1)), X,
      { ...opts, epochs: 1 });
    expect(a).toEqual(b);
  });

  it('a large β drives the KL term down (toward collapse)', () => {
    const kl = (beta: number) => {
      const m = vae(64, [16], 2, 'tanh', createRng(1));
      return trainVae(m, X, { ...opts, beta }).at(-1)!.kl;
    };
    expect(kl(8)).toBeLessThan(0.5 * kl(0.5));
  });
});

describe('using a trained VAE', () => {
  const model = vae(64, [8], 2, 'tanh', createRng(6));
  const X = digits(4);

  it('reconstruct decodes the encoder\'s mean', () => {
    const mu = model.encode(new Tensor(X.data.slice(), [4, 64])).mu;
    assertAllClose(reconstruct(model, X).data,
      decodeMean(model, mu.detach()).data, { rtol: 0, atol: 0 });
  });

  it('interpolate starts at μ(a) and ends at μ(b)', () => {
    const a = new Matrix(1, 64, X.data.slice(0, 64));
    const b = new Matrix(1, 64, X.data.slice(64, 128));
    const row = interpolate(model, a, b, 5);
    const ends = reconstruct(model, new Matrix(2, 64,
      X.data.slice(0, 128))).data;
    assertAllClose(row.data.subarray(0, 64), ends.subarray(0, 64));
    assertAllClose(row.data.subarray(256), ends.subarray(64));
  });

  it('the grid sits at Gaussian quantiles of equal prior mass', () => {
    const { quantiles, images } = latentGrid(model, 5);
    expect(images.shape).toEqual([25, 64]);
    for (let i = 0; i < 5; i++) {
      const cdf = 0.5 * (1 + erf(quantiles[i] / Math.SQRT2));
      expect(cdf).toBeCloseTo((i + 0.5) / 5, 6);
    }
    expect(quantiles[2]).toBe(0);
  });

  it('samples are pixel means in (0, 1)', () => {
    const s = samplePrior(model, 3, createRng(2));
    expect(s.shape).toEqual([3, 64]);
    for (const v of s.data) expect(v > 0 && v < 1).toBe(true);
  });
});

describe('exercise solutions', () => {
  it('the Gaussian decoder is a sum of normal log-densities', () => {
    const m = new Tensor([0.2, 0.9, 0.4, 0.1], [2, 2]);
    const x = new Tensor([0, 1, 0.5, 0.3], [2, 2]);
    const out = gaussianLogLik(m, x, 0.3);
    expect(out.data[1]).toBeCloseTo(normalLogPdf(0.5, 0.4, 0.3) +
      normalLogPdf(0.3, 0.1, 0.3), 13);
  });

  it('the importance-weighted bound rises with S', () => {
    const model = vae(64, [8], 2, 'tanh', createRng(6));
    const X = digits(20);
    const b1 = iwBound(model, X, 1, createRng(1));
    const b50 = iwBound(model, X, 50, createRng(1));
    expect(b50).toBeGreaterThan(b1);
  });

  it('with S = 1 it estimates the ELBO: within 4 SE of it', () => {
    const model = vae(64, [8], 2, 'tanh', createRng(6));
    const X = digits(10);
    const a: number[] = [], b: number[] = [];
    const rng = createRng(8);
    for (let r = 0; r < 200; r++) {
      a.push(iwBound(model, X, 1, rng));
      b.push(evaluateVae(model, X, rng).elbo);
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const varOf = (v: number[]) => {
      const m = mean(v);
      return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
    };
    const se = Math.sqrt((varOf(a) + varOf(b)) / 200);
    expect(Math.abs(mean(a) - mean(b))).toBeLessThan(4 * se);
  });
});

describe('bad input', () => {
  it('the KL, likelihood and model functions reject bad input', () => {
    rejectsBadInput(badInput.model);
  });
  it('training and exploring reject bad input', () => {
    rejectsBadInput(badInput.training);
  });
  it('the estimators and solutions reject bad input', () => {
    rejectsBadInput(badInput.estimators);
  });
});

describe('review', () => {
  it('a Gaussian decoder weighs the KL term by β = 2s² (Exercise 3)',
    () => {
      // 2s² times a difference of log-likelihoods is minus the difference
      // of squared errors, so −2s²·ELBO is a squared error + 2s²·KL.
      const s = 0.3, x = new Tensor([0.1, 0.8, 0.4], [1, 3]);
      const m1 = new Tensor([0.2, 0.5, 0.4], [1, 3]);
      const m2 = new Tensor([0.7, 0.9, 0.0], [1, 3]);
      const sq = (m: Tensor) => m.data.reduce((a, v, j) =>
        a + (x.data[j] - v) ** 2, 0);
      const diff = gaussianLogLik(m1, x, s).data[0] -
        gaussianLogLik(m2, x, s).data[0];
      expect(2 * s * s * diff).toBeCloseTo(-(sq(m1) - sq(m2)), 13);
    });

  it('a grey pixel\'s reconstruction term peaks below 0, at σ(l) = x',
    () => {
      const x = [0.25, 0.5, 1, 0];
      const ceiling = x.reduce((a, v) => a + (v > 0 && v < 1
        ? v * Math.log(v) + (1 - v) * Math.log(1 - v) : 0), 0);
      const at = (l: number[]) => bernoulliLogLik(new Tensor(l, [1, 4]),
        new Tensor(x, [1, 4])).data[0];
      const logit = (p: number) => Math.log(p / (1 - p));
      const best = [logit(0.25), 0, 40, -40];
      expect(at(best)).toBeCloseTo(ceiling, 12);
      expect(ceiling).toBeLessThan(-1);
      for (const j of [0, 1]) {
        for (const h of [-0.3, 0.3]) {
          const l = best.slice();
          l[j] += h;
          expect(at(l)).toBeLessThan(at(best));
        }
      }
    });

  it('the mean KL term bounds the information the code holds', () => {
    // E_x KL(q(z|x) ‖ p) = I(x; z) + KL(q̄ ‖ p), q̄ the average of the
    // q(z|x): checked for two 1-D Gaussians q(z|x), by quadrature.
    const qs: [number, number][] = [[-1, 0.5], [1.5, 0.8]]; // (mean, sd)
    const pdf = (z: number, [m, s]: [number, number]) =>
      Math.exp(normalLogPdf(z, m, s));
    const bar = (z: number) => 0.5 * (pdf(z, qs[0]) + pdf(z, qs[1]));
    let info = 0, klBar = 0;
    for (let z = -12; z <= 12; z += 1e-3) {
      for (const q of qs) {
        info += 0.5 * pdf(z, q) * Math.log(pdf(z, q) / bar(z)) * 1e-3;
      }
      klBar += bar(z) * Math.log(bar(z) / pdf(z, [0, 1])) * 1e-3;
    }
    const meanKl = 0.5 * (klDiagonal([qs[0][0]], [2 * Math.log(qs[0][1])])
      + klDiagonal([qs[1][0]], [2 * Math.log(qs[1][1])]));
    expect(info + klBar).toBeCloseTo(meanKl, 6);
    expect(info).toBeLessThan(meanKl);
  });
});
