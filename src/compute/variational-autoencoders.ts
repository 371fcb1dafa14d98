// Build-time computation of the variational-autoencoders chapter: its
// figures and every number its prose shows, computed by the chapter's
// code (code/variational-autoencoders) and cached (src/lib/cache.ts).
// Seeded throughout. What is trained: a VAE with a 2-D latent space
// (64-64-(2, 2) encoder, 2-64-64 decoder, ReLU) on the 1,348 training
// digits of the 8×8 set, 15 epochs of Adam; and four VAEs with k = 8
// (hidden width 64, 10 epochs) for the β table.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { pngDataUrl } from '../lib/png.ts';
import { fixed, powerOfTen } from '../lib/format.ts';
import torchRef from '../../tests/fixtures/variational-autoencoders/torch.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../../code/autodiff/tensor.ts';
import { klMonteCarlo } from '../../code/probability/information.ts';
import { digitsRows } from '../../code/softmax-regression/experiments.ts';
import {
  diagonalGaussian, klDiagonal, klStandardNormal, standardNormal,
} from '../../code/variational-autoencoders/kl.ts';
import {
  VAE, elbo, reparameterize, vae,
} from '../../code/variational-autoencoders/model.ts';
import {
  bernoulliLogLik,
} from '../../code/variational-autoencoders/likelihood.ts';
import { Act, Linear } from '../../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import {
  evaluateVae, trainVae,
} from '../../code/variational-autoencoders/train.ts';
import {
  interpolate, latentGrid, reconstruct, samplePrior,
} from '../../code/variational-autoencoders/explore.ts';
import {
  estimatorStudy, estimatorVariance,
} from '../../code/variational-autoencoders/estimators.ts';
import {
  iwBound,
} from '../../code/variational-autoencoders/solutions/importance-weighted.ts';

const STYLE = { background: 'transparent', fontSize: '13px' };

// ---------------------------------------------------------------------
// Data: the 8×8 digits, every fourth image held out (as the softmax
// regression chapter splits them), pixels /16 into [0, 1].

const data = once(() => {
  const idx = [...Array(1797).keys()];
  return { train: digitsRows(idx.filter((i) => i % 4 !== 3)),
    test: digitsRows(idx.filter((i) => i % 4 === 3)) };
});

export const MAIN = { hidden: [64], k: 2, activation: 'relu' as const,
  epochs: 15, batchSize: 64, eta: 1e-2, seed: 2, initSeed: 1 };

const main = once(() => {
  const { train, test } = data();
  const model = vae(64, MAIN.hidden, MAIN.k, MAIN.activation,
    createRng(MAIN.initSeed));
  const t0 = performance.now();
  const history = trainVae(model, train.X, { epochs: MAIN.epochs,
    batchSize: MAIN.batchSize, eta: MAIN.eta, seed: MAIN.seed });
  const seconds = (performance.now() - t0) / 1000;
  const held = evaluateVae(model, test.X, createRng(11));
  return { model, history, held, seconds };
});

// ---------------------------------------------------------------------
// Image grids: ink dark on white, 8×8 pixels scaled up, no smoothing.

interface Cell { x: number; y: number; src: string }

function cells(images: Float64Array, count: number, cols: number,
  y0 = 0): Cell[] {
  return Array.from({ length: count }, (_, i) => ({
    x: i % cols, y: y0 + Math.floor(i / cols),
    src: pngDataUrl({ rows: 8, cols: 8, data: images.subarray(i * 64,
      i * 64 + 64).map((v) => 1 - v) }),
  }));
}

/** Images only, no text: the grid scales to any column width. */
function gridSvg(items: Cell[], cols: number, rows: number,
  side: number): string {
  return renderPlot({
    width: cols * (side + 4) + 8, height: rows * (side + 4) + 8,
    style: STYLE, margin: 4,
    x: { axis: null, domain: [-0.5, cols - 0.5] },
    y: { axis: null, domain: [rows - 0.5, -0.5] },
    marks: [
      Plot.image(items, { x: 'x', y: 'y', src: 'src', width: side,
        height: side, imageRendering: 'pixelated' }),
    ],
  });
}

export const SHOWN = 8; // test images in the reconstruction figure

function reconFigure(): string {
  const { test } = data();
  const X = new Matrix(SHOWN, 64, test.X.data.slice(0, SHOWN * 64));
  const rec = reconstruct(main().model, X).data;
  const eight = betaStudy().find((b) => b.beta === 1)!.model;
  return gridSvg([...cells(X.data, SHOWN, SHOWN),
    ...cells(rec, SHOWN, SHOWN, 1),
    ...cells(reconstruct(eight, X).data, SHOWN, SHOWN, 2)],
  SHOWN, 3, 38);
}

function samplesFigure(): string {
  const s = samplePrior(main().model, 16, createRng(21)).data;
  return gridSvg(cells(s, 16, 8), 8, 2, 38);
}

/** The first held-out 0 and the first held-out 7. */
export const ENDS = [0, 7];

function interpolationFigure(): string {
  const { test } = data();
  const at = ENDS.map((c) => test.y.indexOf(c));
  const rowOf = (i: number) => new Matrix(1, 64,
    test.X.data.slice(i * 64, i * 64 + 64));
  const path = interpolate(main().model, rowOf(at[0]), rowOf(at[1]), 8);
  return gridSvg(cells(path.data, 8, 8), 8, 1, 38);
}

export const GRID = 10;

function gridFigure(): string {
  const g = latentGrid(main().model, GRID).images.data;
  return gridSvg(cells(g, GRID * GRID, GRID), GRID, GRID, 32);
}

// ---------------------------------------------------------------------
// The Gaussian KL against Monte Carlo.

export const KL_EXAMPLE = { mu: [0.5, -1, 0.2, 1.5],
  logVar: [-1, 0.5, -0.2, 0.3], n: 20000, seed: 7 };

function klCheck() {
  const { mu, logVar, n, seed } = KL_EXAMPLE;
  const closed = klDiagonal(mu, logVar);
  const mc = klMonteCarlo(createRng(seed), diagonalGaussian(mu, logVar),
    standardNormal(mu.length), n);
  return { closed, estimate: mc.estimate, se: mc.standardError,
    zScore: Math.abs(mc.estimate - closed) / mc.standardError };
}

// ---------------------------------------------------------------------
// Gradient variance: reparameterization against the score function.

export const EST = { dims: [1, 2, 4, 8, 16, 32, 64], m: 1, reps: 4000,
  seed: 5 };

const estimators = once(() => {
  const rng = createRng(EST.seed);
  return EST.dims.flatMap((k) => (['reparam', 'score'] as const).map(
    (kind) => ({ k, kind, ...estimatorStudy(kind, k, EST.m, 1, EST.reps,
      rng), theory: estimatorVariance(kind, k, EST.m) })));
});

function estimatorFigure(): string {
  const rows = estimators();
  const label = { reparam: 'reparameterization', score: 'score function' };
  const theory = (kind: 'reparam' | 'score') => EST.dims.map((k) => ({
    k, v: estimatorVariance(kind, k, EST.m) }));
  return renderPlot({
    width: 420, height: 320, style: STYLE, marginLeft: 56,
    marginRight: 16, marginTop: 20, marginBottom: 44,
    x: { type: 'log', base: 2, label: 'dimension k', domain: [1, 64],
      ticks: EST.dims, tickFormat: (k: number) => String(k) },
    y: { type: 'log', label: 'variance of one estimate',
      domain: [1, 1e5], ticks: [1, 10, 100, 1e3, 1e4, 1e5],
      tickFormat: powerOfTen, grid: true },
    marks: [
      ...(['reparam', 'score'] as const).map((kind, k) => Plot.line(
        theory(kind), { x: 'k', y: 'v', stroke: PALETTE[k],
          strokeWidth: 2, strokeDasharray: k ? '6,3' : 'none' })),
      Plot.dot(rows, { x: 'k', y: 'variance',
        symbol: (r: { kind: string }) => r.kind === 'score'
          ? 'square' : 'circle',
        stroke: (r: { kind: string }) => r.kind === 'score'
          ? PALETTE[1] : PALETTE[0], r: 4 }),
      Plot.text([{ k: 8, v: 4, t: label.reparam }], { x: 'k', y: 'v',
        text: 't', dy: -14, fill: 'currentColor' }),
      Plot.text([{ k: 8, v: estimatorVariance('score', 8, EST.m),
        t: label.score }], { x: 'k', y: 'v', text: 't', dx: -10,
        textAnchor: 'end', dy: -10, fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// β: the reconstruction term against the KL term.

export const BETA = { betas: [0.5, 1, 2, 4], hidden: [64], k: 8,
  epochs: 10, batchSize: 64, eta: 1e-2, seed: 2, initSeed: 1,
  active: 0.05 };

/** Per latent dimension, the held-out mean of its KL term. */
function klPerDimension(model: VAE, X: Matrix): Float64Array {
  return noGrad(() => {
    const { mu, logVar } = model.encode(new Tensor(X.data.slice(),
      [X.rows, X.cols]));
    const k = mu.shape[1];
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const col = (t: Tensor) => new Tensor(Float64Array.from(
        { length: X.rows }, (_, i) => t.data[i * k + j]), [X.rows, 1]);
      out[j] = klStandardNormal(col(mu), col(logVar)).mean().data[0];
    }
    return out;
  });
}

const betaStudy = once(() => {
  const { train, test } = data();
  return BETA.betas.map((beta) => {
    const model = vae(64, BETA.hidden, BETA.k, 'relu',
      createRng(BETA.initSeed));
    trainVae(model, train.X, { epochs: BETA.epochs,
      batchSize: BETA.batchSize, eta: BETA.eta, seed: BETA.seed, beta });
    const held = evaluateVae(model, test.X, createRng(11));
    const perDim = klPerDimension(model, test.X);
    return { beta, model, ...held,
      active: perDim.filter((v) => v > BETA.active).length };
  });
});

// ---------------------------------------------------------------------
// The importance-weighted bound on held-out digits (Deeper section).

export const IW = { draws: [1, 10, 100], images: 100, seed: 13 };

/** Mean and standard error of a sample. */
function meanSE(v: ArrayLike<number>) {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  const mean = s / v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (v.length - 1) / v.length) };
}

/** Per image and S, the bound (one draw of S ratios); the rises
 *  between consecutive S with paired standard errors over images. */
const iw = once(() => {
  const { test } = data();
  const per = IW.draws.map((S) => {
    const rng = createRng(IW.seed);
    return Float64Array.from({ length: IW.images }, (_, i) => iwBound(
      main().model, new Matrix(1, 64, test.X.data.slice(i * 64,
        i * 64 + 64)), S, rng));
  });
  const bounds = IW.draws.map((S, s) => ({ S,
    bound: meanSE(per[s]).mean }));
  const rises = IW.draws.slice(1).map((S, s) => ({ from: IW.draws[s],
    to: S, ...meanSE(per[s + 1].map((v, i) => v - per[s][i])) }));
  return { bounds, rises };
});

// ---------------------------------------------------------------------
// Per-image held-out terms (the draws evaluateVae makes), for paired
// comparisons of two models on the same images.

function perImage(model: VAE, X: Matrix, seed: number) {
  const rng = createRng(seed);
  return noGrad(() => {
    const xt = new Tensor(X.data.slice(), [X.rows, X.cols]);
    const { mu, logVar } = model.encode(xt);
    const k = mu.shape[1];
    const eps = new Tensor(rng.normalArray(X.rows * k), [X.rows, k]);
    const z = reparameterize(mu, logVar, eps);
    return { recon: bernoulliLogLik(model.decode(z), xt).data,
      kl: klStandardNormal(mu, logVar).data };
  });
}

/** The 8-D β = 1 model minus the 2-D model, per held-out image. */
function eightMinusTwo() {
  const { test } = data();
  const a = perImage(main().model, test.X, 11);
  const b = perImage(betaStudy().find((r) => r.beta === 1)!.model,
    test.X, 11);
  return { recon: meanSE(b.recon.map((v, i) => v - a.recon[i])),
    kl: meanSE(b.kl.map((v, i) => v - a.kl[i])) };
}

/** Mean over pixels of the standard deviation across images. */
function pixelSpread(images: ArrayLike<number>, rows: number): number {
  let total = 0;
  for (let j = 0; j < 64; j++) {
    const col = Float64Array.from({ length: rows },
      (_, i) => images[i * 64 + j]);
    const { se } = meanSE(col); // se·√rows is the standard deviation
    total += se * Math.sqrt(rows) / 64;
  }
  return total;
}

/** How much the reconstructions of the first collapsed model (no
 *  active dimension) differ across the held-out images, against the
 *  images themselves. */
function collapseSpread() {
  const { test } = data();
  const dead = betaStudy().find((b) => b.active === 0);
  return { data: pixelSpread(test.X.data, test.X.rows),
    collapsed: dead ? pixelSpread(reconstruct(dead.model, test.X).data,
      test.X.rows) : null };
}

/** Σⱼ xⱼ log xⱼ + (1 − xⱼ) log(1 − xⱼ), the held-out mean: the
 *  reconstruction term of a perfect decoder, σ(lⱼ) = xⱼ. */
function bernoulliCeiling(): number {
  const { test } = data();
  let s = 0;
  for (const x of test.X.data) {
    if (x > 0 && x < 1) s += x * Math.log(x) + (1 - x) * Math.log(1 - x);
  }
  return s / test.X.rows;
}

// ---------------------------------------------------------------------
// Against torch: the largest difference over the two terms, the loss
// and every gradient, for the fixture's VAE, batch and ε.

function torchAgreement(): number {
  const t = torchRef as unknown as { sizes: Record<string, number>;
    W: Record<string, number[]>; b: Record<string, number[]>;
    x: number[]; eps: number[]; beta: number; recon: number; kl: number;
    loss: number; gradW: Record<string, number[]>;
    gradB: Record<string, number[]> };
  const { n, d, h, k } = t.sizes;
  const lin = (name: string, i: number, o: number) => new Linear(
    new Tensor(Float64Array.from(t.W[name]), [i, o], true),
    new Tensor(Float64Array.from(t.b[name]), [o], true));
  const named: [string, Linear][] = [['trunk', lin('trunk', d, h)],
    ['mu', lin('mu', h, k)], ['logVar', lin('logVar', h, k)],
    ['dec1', lin('dec1', k, h)], ['dec2', lin('dec2', h, d)]];
  const L = Object.fromEntries(named);
  const model = new VAE(new Sequential([L.trunk, new Act('tanh')]),
    L.mu, L.logVar, new Sequential([L.dec1, new Act('tanh'), L.dec2]));
  const out = elbo(model, new Tensor(Float64Array.from(t.x), [n, d]),
    new Tensor(Float64Array.from(t.eps), [n, k]), t.beta);
  out.loss.backward();
  let worst = Math.max(Math.abs(out.recon.data[0] - t.recon),
    Math.abs(out.kl.data[0] - t.kl), Math.abs(out.loss.data[0] - t.loss));
  for (const [name, l] of named) {
    l.W.grad!.forEach((g, i) => {
      worst = Math.max(worst, Math.abs(g - t.gradW[name][i]));
    });
    l.b.grad!.forEach((g, i) => {
      worst = Math.max(worst, Math.abs(g - t.gradB[name][i]));
    });
  }
  return worst;
}

// ---------------------------------------------------------------------
// The live demo's data: the 2-D model's decoder weights (Linear, ReLU,
// Linear), and the half-width of the latent square it shows.

function explorerData() {
  const layers = (main().model.decoder as Sequential).layers;
  const [l1, l2] = [layers[0] as Linear, layers[2] as Linear];
  return { hidden: l1.W.shape[1], W1: [...l1.W.data], b1: [...l1.b.data],
    W2: [...l2.W.data], b2: [...l2.b.data], limit: 3 };
}

/** A β row without its model: plain data for the cache. */
function plain(b: { beta: number; recon: number; kl: number;
  elbo: number; active: number }) {
  return { beta: b.beta, recon: b.recon, kl: b.kl, elbo: b.elbo,
    active: b.active };
}

export default cached('variational-autoencoders', () => {
  const m = main();
  const last = m.history[m.history.length - 1];
  const est = estimators();
  const at = (kind: string, k: number) =>
    est.find((r) => r.kind === kind && r.k === k)!;
  const kl = klCheck();
  const betas = betaStudy();
  return {
    torchVersion: torchRef.versions.torch,
    torchSizes: torchRef.sizes,
    torchBeta: torchRef.beta,
    torchWorst: torchAgreement(),
    torchParams: Object.values(torchRef.gradW).reduce((a, g) => a +
      g.length, 0) + Object.values(torchRef.gradB).reduce((a, g) => a +
      g.length, 0),
    main: { ...MAIN, nTrain: data().train.X.rows,
      nTest: data().test.X.rows, trainRecon: last.recon,
      trainKl: last.kl, firstRecon: m.history[0].recon,
      firstKl: m.history[0].kl, ...m.held },
    kl,
    klExample: { ...KL_EXAMPLE, muText: KL_EXAMPLE.mu.join(', '),
      logVarText: KL_EXAMPLE.logVar.join(', ') },
    est: { ...EST, score1: at('score', 1).variance,
      score64: at('score', 64).variance,
      reparam64: at('reparam', 64).variance,
      theory64: estimatorVariance('score', 64, EST.m),
      ratio64: estimatorVariance('score', 64, EST.m) / 4,
      settings: est.length,
      worstZ: Math.max(...est.map((r) => Math.abs(r.mean - 2 * EST.m) /
        r.meanSE)) },
    betaRows: betas.map((b) => [fixed(b.beta, 1), fixed(b.recon, 2),
      fixed(b.kl, 2), fixed(b.elbo, 2), String(b.active)]),
    betas: betas.map(plain),
    betaFirst: plain(betas[0]), betaLast: plain(betas[betas.length - 1]),
    betaOne: plain(betas.find((b) => b.beta === 1)!),
    betaSetup: BETA,
    iw: iw().bounds,
    iwRises: iw().rises,
    iwImages: IW.images,
    eightMinusTwo: eightMinusTwo(),
    collapseSpread: collapseSpread(),
    ceiling: bernoulliCeiling(),
    gridU: Array.from({ length: GRID }, (_, i) => (i + 0.5) / GRID),
    collapseBeta: String(betas.find((b) => b.active === 0)?.beta ??
      'none of these'),
    shown: SHOWN, ends: ENDS, grid: GRID,
    explorer: explorerData(),
    reconFigure: reconFigure(),
    samplesFigure: samplesFigure(),
    interpolationFigure: interpolationFigure(),
    gridFigure: gridFigure(),
    estimatorFigure: estimatorFigure(),
    reconAlt: `Three rows of ${SHOWN} small 8 by 8 digit images: ` +
      'held-out digits on top; below them their reconstructions by ' +
      'the VAE with two latent dimensions, and at the bottom by the ' +
      'VAE with eight. Both rows of reconstructions are blurred, and ' +
      'most of them are similar 3- or 9-like shapes whatever the digit ' +
      'above.',
    estimatorAlt: 'Log-log plot of the variance of one gradient ' +
      'estimate against the dimension k from 1 to 64. The ' +
      'reparameterization estimator stays at 4 for every d; the ' +
      'score-function estimator starts at ' +
      `${fixed(at('score', 1).variance, 0)} and rises to about ` +
      `${fixed(at('score', 64).variance, 0)} at k = 64. Dots are ` +
      'measured, lines are the closed forms.',
  };
}, { reason: 'trains five small VAEs on the 8×8 digits; about 6 s ' +
  'of CPU' });
