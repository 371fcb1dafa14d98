// Build-time computation of "Autoencoders": its figures and every number
// its prose shows, computed by the chapter's code (code/autoencoders)
// and cached (src/lib/cache.ts). Seeded throughout. What is trained:
// on the first 2,000 images of the Fashion-MNIST training subset,
// shrunk to 14 x 14 (196 pixels in [0, 1]), with Adam (η = 0.003,
// minibatches of 50) for 5 epochs each, four networks:
//   ae2     196-64-2-64-196, ReLU, sigmoid output, BCE (a 2-D code);
//   dae16   196-64-16-64-196, the same with a 16-D code, trained on
//           masked inputs (ν = 0.5), the clean image the target;
//   sparse  196-32-196 with a ReLU code, λ = 0 and λ = SETUP.lambda;
// PCA (k = 2, 16) is fitted on the same 2,000 images; every error is
// measured on the first 1,000 of the separate 10,000 test images. The
// linear autoencoder runs on a 10-D Gaussian cloud (n = 200, k = 3).
import { cached } from '../lib/cache.ts';
import {
  meanStandardError,
  pairedDifference,
} from '../../code/statistics/paired.ts';
import { sci } from '../lib/format.ts';
import torchRaw from '../../tests/fixtures/autoencoders/torch.json' with {
  type: 'json',
};
import { Tensor } from '../../code/autodiff/tensor.ts';
import { Act, Linear } from '../../code/multilayer-perceptron/layers.ts';
import { Sequential } from '../../code/multilayer-perceptron/mlp.ts';
import { imageGrid, type ImagePanel } from '../lib/image-grid.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix, transpose } from '../../code/linear-algebra/matrix.ts';
import { sgd, adam } from '../../code/neural-optimizers/optimizers.ts';
import { FASHION_CLASSES } from '../../code/pca/idx.ts';
import {
  fitPca, inverseTransform, transform,
} from '../../code/pca/pca.ts';
import { loadFashionSplit } from '../../code/autoencoders/data.ts';
import {
  decoderBasis, gaussianCloud, principalAngles,
} from '../../code/autoencoders/linear.ts';
import {
  autoencoder, encodeAll, reconstruct, type Autoencoder,
} from '../../code/autoencoders/model.ts';
import {
  aeLoss, fitAutoencoder, maskNoise,
} from '../../code/autoencoders/train.ts';
import { Autoencoder as AE } from '../../code/autoencoders/model.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const torch = torchRaw as any;

const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };

const SETUP = {
  nTrain: 2000, nTest: 1000, side: 14 as const, hidden: 64,
  epochs: 5, batchSize: 50, eta: 0.003, noise: 0.5, sparseWidth: 32,
  lambda: 0.3,
};
const PIX = SETUP.side * SETUP.side;
const SIZES_TEXT = {
  ae2: `${PIX}–${SETUP.hidden}–2–${SETUP.hidden}–${PIX}`,
  dae: `${PIX}–${SETUP.hidden}–16–${SETUP.hidden}–${PIX}`,
  sparse: `${PIX}–${SETUP.sparseWidth}–${PIX}`,
};


const data = once(() => loadFashionSplit(SETUP.nTrain, SETUP.nTest,
  SETUP.side));

function train(sizes: number[], seed: number, extra: {
  noise?: number; l1?: number; codeActivation?: 'relu';
} = {}): { model: Autoencoder; seconds: number } {
  const t0 = performance.now();
  const model = autoencoder({ sizes, activation: 'relu', output: 'sigmoid',
    seed, codeActivation: extra.codeActivation });
  fitAutoencoder(model, data().Xtrain, {
    epochs: SETUP.epochs, batchSize: SETUP.batchSize, eta: SETUP.eta,
    seed: seed + 100, loss: 'bce', step: adam(),
    noise: extra.noise, l1: extra.l1,
  });
  return { model, seconds: (performance.now() - t0) / 1000 };
}

/** Per-row squared errors ‖x̂ᵢ − xᵢ‖². */
function rowErrors(R: Matrix, X: Matrix): Float64Array {
  const d = X.cols;
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < d; j++) {
      out[i] += (R.data[i * d + j] - X.data[i * d + j]) ** 2;
    }
  }
  return out;
}

const meanSe = meanStandardError;

/** Mean errors of A and B on the same rows, and of their difference. */
function paired(a: Float64Array, b: Float64Array) {
  return { a: meanSe(a), b: meanSe(b), diff: pairedDifference(a, b) };
}

const pcaModels = new Map<number, ReturnType<typeof fitPca>>();
function pcaRecon(k: number, X: Matrix): Matrix {
  let m = pcaModels.get(k);
  if (m === undefined) {
    m = fitPca(data().Xtrain, k, { method: 'covariance' });
    pcaModels.set(k, m);
  }
  return inverseTransform(m, transform(m, X));
}

// ---------------------------------------------------------------------
// The nonlinear autoencoders against PCA at the same k, on test images.

const compare = once(() => {
  const { Xtrain, Xtest } = data();
  const ae2 = train([PIX, SETUP.hidden, 2], 1);
  const ae = ae2.model;
  return {
    ae2: ae, seconds: ae2.seconds,
    test: paired(rowErrors(reconstruct(ae, Xtest), Xtest),
      rowErrors(pcaRecon(2, Xtest), Xtest)),
    train: paired(rowErrors(reconstruct(ae, Xtrain), Xtrain),
      rowErrors(pcaRecon(2, Xtrain), Xtrain)),
  };
});

/** The first test image of each of eight classes. */
const SHOWN = [1, 2, 3, 5, 8, 9];
function shownRows(): number[] {
  const { ytest } = data();
  return SHOWN.map((c) => ytest.indexOf(c));
}

function rowsOf(X: Matrix, idx: number[]): Matrix {
  const out = new Matrix(idx.length, X.cols);
  idx.forEach((i, r) => out.data.set(
    X.data.subarray(i * X.cols, (i + 1) * X.cols), r * X.cols));
  return out;
}

function panelsOf(X: Matrix): ImagePanel[] {
  return Array.from({ length: X.rows }, (_, r) => ({
    data: X.data.subarray(r * X.cols, (r + 1) * X.cols),
  }));
}


function reconstructionFigure(): string {
  const { ae2 } = compare();
  const X = rowsOf(data().Xtest, shownRows());
  return imageGrid([
    ...panelsOf(X), ...panelsOf(reconstruct(ae2, X)),
    ...panelsOf(pcaRecon(2, X)),
  ], { cols: SHOWN.length, pixels: SETUP.side, side: 52,
    rowLabels: ['test image', 'AE, k = 2', 'PCA, k = 2'],
    labelWidth: 112, fontSize: 15 });
}

// ---------------------------------------------------------------------
// The 2-D code of the test images, coloured and labelled by class.

// Ten hues no two of which are near (Tableau 10); the class medians
// carry the class number as well, so colour is not the only cue.
const CLASS_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2',
  '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

function codeFigure(): string {
  const { ae2 } = compare();
  const { Xtest, ytest } = data();
  const H = encodeAll(ae2, Xtest);
  const name = (c: number) => `${c} ${FASHION_CLASSES[c]}`;
  const pts = Array.from({ length: H.rows }, (_, i) => ({
    h1: H.data[2 * i], h2: H.data[2 * i + 1], cls: name(ytest[i]),
  }));
  const labs = Array.from({ length: 10 }, (_, c) => {
    const xs: number[] = [];
    const ys: number[] = [];
    pts.forEach((p, i) => {
      if (ytest[i] === c) { xs.push(p.h1); ys.push(p.h2); }
    });
    xs.sort((p, q) => p - q);
    ys.sort((p, q) => p - q);
    return { h1: xs[xs.length >> 1], h2: ys[ys.length >> 1],
      text: String(c) };
  });
  // The legend: two columns of five swatches under the plot, placed in
  // data units that the scales carry past the frame.
  const range = (k: 'h1' | 'h2') => {
    let lo = Infinity, hi = -Infinity;
    for (const p of pts) { lo = Math.min(lo, p[k]); hi = Math.max(hi, p[k]); }
    const pad = 0.04 * (hi - lo);
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = range('h1');
  const [y0, y1] = range('h2');
  const H_PX = 560, TOP = 12, BOTTOM = 210;
  const perPx = (y1 - y0) / (H_PX - TOP - BOTTOM);
  const legend = FASHION_CLASSES.map((_, c) => ({
    h1: x0 + (c < 5 ? 0 : 0.5) * (x1 - x0),
    h2: y0 - perPx * (62 + 28 * (c % 5)), cls: name(c),
  }));
  return renderPlot({
    width: WIDTH, height: H_PX, style: STYLE, marginLeft: 56,
    marginBottom: BOTTOM, marginTop: TOP, marginRight: 16,
    x: { label: 'code h₁', labelAnchor: 'center', labelArrow: 'none',
      domain: [x0, x1], labelOffset: 38 },
    y: { label: 'code h₂', labelAnchor: 'center', labelArrow: 'none',
      domain: [y0, y1] },
    color: { domain: FASHION_CLASSES.map((_, c) => name(c)),
      range: CLASS_COLOURS },
    marks: [
      Plot.dot(pts, { x: 'h1', y: 'h2', fill: 'cls', r: 2,
        fillOpacity: 0.75 }),
      Plot.text(labs, { x: 'h1', y: 'h2', text: 'text',
        fill: 'currentColor', stroke: 'var(--sl-color-bg, #fff)',
        strokeWidth: 4, paintOrder: 'stroke', fontSize: 18,
        fontWeight: 700 }),
      Plot.dot(legend, { x: 'h1', y: 'h2', fill: 'cls', r: 6 }),
      Plot.text(legend, { x: 'h1', y: 'h2', text: 'cls', dx: 12,
        textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Denoising: masked test images through the DAE, the plain AE and PCA.

const denoise = once(() => {
  const { Xtest } = data();
  const dae = train([PIX, SETUP.hidden, 16], 3, { noise: SETUP.noise });
  const noisy = maskNoise(Xtest, SETUP.noise, createRng(7));
  const err = (R: Matrix) => rowErrors(R, Xtest);
  return {
    dae: dae.model, noisy, seconds: dae.seconds,
    input: meanSe(err(noisy)),
    daeVsPca: paired(err(reconstruct(dae.model, noisy)),
      err(pcaRecon(16, noisy))),
    daeClean: meanSe(err(reconstruct(dae.model, Xtest))),
    // Clean images dimmed to the masked inputs' mean brightness, no
    // holes: if brightness is what the DAE mishandles, this is small.
    daeDimmed: meanSe(err(reconstruct(dae.model, scaled(Xtest,
      1 - SETUP.noise)))),
    pcaClean: meanSe(err(pcaRecon(16, Xtest))),
  };
});

function scaled(X: Matrix, c: number): Matrix {
  return new Matrix(X.rows, X.cols, X.data.map((v) => v * c));
}

function denoiseFigure(): string {
  const { dae, noisy } = denoise();
  const idx = shownRows();
  const X = rowsOf(data().Xtest, idx);
  const N = rowsOf(noisy, idx);
  return imageGrid([
    ...panelsOf(X), ...panelsOf(N),
    ...panelsOf(reconstruct(dae, N)), ...panelsOf(pcaRecon(16, N)),
  ], { cols: SHOWN.length, pixels: SETUP.side, side: 52,
    rowLabels: ['clean', 'masked', 'denoising AE', 'PCA, k = 16'],
    labelWidth: 112, fontSize: 15 });
}

// ---------------------------------------------------------------------
// Sparse codes: the same one-layer ReLU code with and without L1.

const sparse = once(() => {
  const { Xtest } = data();
  const sizes = [PIX, SETUP.sparseWidth];
  return [0, SETUP.lambda].map((lambda) => {
    // One seed for both, so that the two differ only in λ.
    const { model, seconds } = train(sizes, 4,
      { codeActivation: 'relu', l1: lambda });
    const H = encodeAll(model, Xtest);
    const k = H.cols;
    const active = new Float64Array(H.rows);
    let silent = 0;
    for (let j = 0; j < k; j++) {
      let any = false;
      for (let i = 0; i < H.rows; i++) {
        if (H.data[i * k + j] > 0) { any = true; active[i]++; }
      }
      if (!any) silent++;
    }
    return { lambda, seconds, active: meanSe(active), silent, k,
      error: meanSe(rowErrors(reconstruct(model, Xtest), Xtest)) };
  });
});

// ---------------------------------------------------------------------
// The linear autoencoder and PCA on a Gaussian cloud.

const LINEAR = {
  n: 200, k: 3, seed: 5, steps: 1000, every: 25, eta: 0.01,
  momentum: 0.9,
  variances: [9, 6, 4, 1, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05],
};

const linear = once(() => {
  const { n, k, seed, variances } = LINEAR;
  const d = variances.length;
  const X = gaussianCloud(n, variances, seed);
  const pca = fitPca(X, k);
  const U = transpose(pca.components); // d x k
  let dropped = 0;
  const all = fitPca(X, d).explainedVariance;
  for (let j = k; j < d; j++) dropped += all[j];
  const pcaError = dropped * (n - 1) / n; // Eq. (ae-linear-error)
  const model = autoencoder({ sizes: [d, k], activation: 'relu',
    output: 'linear', seed: 11 });
  const step = sgd({ momentum: LINEAR.momentum });
  const curve = [];
  for (let t = 0; t < LINEAR.steps; t += LINEAR.every) {
    const loss = fitAutoencoder(model, X, { epochs: LINEAR.every,
      batchSize: n, eta: LINEAR.eta, seed: 1, loss: 'mse', step });
    const angles = principalAngles(decoderBasis(model), U);
    curve.push({ step: t + LINEAR.every, angle: angles[k - 1],
      excess: loss[loss.length - 1] - pcaError });
  }
  const B = decoderBasis(model);
  const angles = principalAngles(B, U);
  const last = curve[curve.length - 1];
  // The columns of B are not the principal axes: their lengths and
  // the angle between column 1 and v₁.
  const lengths = Array.from({ length: k }, (_, j) => {
    let s = 0;
    for (let i = 0; i < d; i++) s += B.data[i * k + j] ** 2;
    return Math.sqrt(s);
  });
  const axisAngle = principalAngles(colOf(B, 0), colOf(U, 0))[0];
  return { curve, angles: Array.from(angles), pcaError, lengths,
    axisAngle, finalError: last.excess + pcaError,
    lambda: Array.from(all) };
});

function colOf(A: Matrix, j: number): Matrix {
  return new Matrix(A.rows, 1,
    Float64Array.from({ length: A.rows }, (_, i) => A.data[i * A.cols + j]));
}

/** 10ⁿ's exponent in superscript digits. */
function sup(e: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return (e < 0 ? '⁻' : '') + String(Math.abs(e)).split('')
    .map((c) => digits[Number(c)]).join('');
}

function linearFigure(): string {
  const { curve } = linear();
  const pts = curve.flatMap((c) => [
    { step: c.step, value: Math.max(c.angle, 1e-16),
      what: 'largest principal angle (rad)' },
    { step: c.step, value: Math.max(c.excess, 1e-16),
      what: 'error above PCA’s' },
  ]);
  return renderPlot({
    width: WIDTH, height: 340, style: STYLE, marginLeft: 70,
    marginBottom: 46, marginRight: 34,
    x: { label: 'gradient steps', labelAnchor: 'center',
      labelArrow: 'none' },
    y: { type: 'log', label: 'value (log scale)', labelAnchor: 'center',
      labelArrow: 'none', grid: true,
      // A label every decade, so that a value can be read off.
      ticks: [1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1],
      tickFormat: (v: number) => (v === 1 ? '1' : '10' +
        sup(Math.round(Math.log10(v)))) },
    color: { domain: ['largest principal angle (rad)', 'error above PCA’s'],
      range: [PALETTE[0], PALETTE[4]] },
    marks: [
      Plot.line(pts.filter((p) => p.what.startsWith('largest')), {
        x: 'step', y: 'value', stroke: 'what', strokeWidth: 2.2 }),
      Plot.line(pts.filter((p) => p.what.startsWith('error')), {
        x: 'step', y: 'value', stroke: 'what', strokeWidth: 2.2,
        strokeDasharray: '6 4' }),
      Plot.text(pts.filter((p) => p.step === 400 &&
        p.what.startsWith('largest')), { x: 'step', y: 'value',
        text: 'what', textAnchor: 'start', dy: -16,
        fill: 'currentColor' }),
      // Below and left of a point of the falling dashed line: the text
      // lies under the line, not across it.
      Plot.text(pts.filter((p) => p.step === 600 &&
        p.what.startsWith('error')), { x: 'step', y: 'value',
        text: () => 'error above PCA’s (dashed)', textAnchor: 'end',
        dy: 24, dx: -4, fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with PyTorch, recomputed from the fixture: the largest
// absolute difference over the four losses and all their gradients.

function torchAgreement() {
  let loss = 0;
  let grad = 0;
  const cases: [string, number[], 'mse' | 'bce', number][] = [
    ['mse', torch.x, 'mse', 0], ['bce', torch.x, 'bce', 0],
    ['sparse', torch.x, 'bce', torch.lambda],
    ['denoising', torch.xNoisy, 'bce', 0]];
  const sz = torch.sizes as number[];
  for (const [name, xIn, kind, lambda] of cases) {
    const lin = (torch.layers as { W: number[]; b: number[] }[]).map(
      (l, i) => new Linear(new Tensor(Float64Array.from(l.W),
        [sz[i], sz[i + 1]], true), new Tensor(Float64Array.from(l.b),
        [sz[i + 1]], true)));
    const m = new AE(new Sequential([lin[0], new Act('relu'), lin[1]]),
      new Sequential([lin[2], new Act('relu'), lin[3]]), 'sigmoid');
    const t = (v: number[]) => new Tensor(Float64Array.from(v),
      [torch.n, sz[0]]);
    const L = aeLoss(m, t(xIn), t(torch.x), kind, lambda);
    L.backward();
    const ref = torch[name];
    loss = Math.max(loss, Math.abs(L.data[0] - ref.loss));
    m.parameters().forEach((p, q) => {
      const want = q % 2 === 0 ? ref.grads[q >> 1].W : ref.grads[q >> 1].b;
      const g = p.grad as Float64Array;
      for (let i = 0; i < g.length; i++) {
        grad = Math.max(grad, Math.abs(g[i] - want[i]));
      }
    });
  }
  const count = sz.slice(1).reduce((s, v, i) => s + (sz[i] + 1) * v, 0);
  return { loss, grad, count, version: torch.versions.torch as string,
    sizes: sz, n: torch.n as number, lambda: torch.lambda as number };
}

export default cached('autoencoders', () => {
  const t0 = performance.now();
  const c = compare();
  const dn = denoise();
  const sp = sparse();
  const lin = linear();
  const figures = {
    reconstructionFigure: reconstructionFigure(),
    codeFigure: codeFigure(),
    denoiseFigure: denoiseFigure(),
    linearFigure: linearFigure(),
  };
  return {
    setup: SETUP, linearSetup: LINEAR,
    ...figures,
    compare: { test: c.test, train: c.train },
    denoise: { input: dn.input, daeVsPca: dn.daeVsPca,
      daeClean: dn.daeClean, pcaClean: dn.pcaClean,
      daeDimmed: dn.daeDimmed },
    sparse: sp.map(({ lambda, active, silent, k, error }) =>
      ({ lambda, active, silent, k, error })),
    linear: { angles: lin.angles, pcaError: lin.pcaError,
      finalError: lin.finalError, lengths: lin.lengths,
      axisAngle: lin.axisAngle, lambda: lin.lambda },
    torch: torchAgreement(),
    text: {
      variances: LINEAR.variances.join(', '),
      lambdas: lin.lambda.slice(0, 4).map((v) => v.toFixed(2)).join(', '),
      angles: lin.angles.map((a) => sci(a, 2)).join(', '),
      lengths: lin.lengths.map((v) => v.toFixed(2)).join(', '),
      sizes: SIZES_TEXT,
      torchSizes: torch.sizes.join('–'),
    },
    zRatio: -c.test.diff.mean / c.test.diff.se,
    sparseCut: 1 - sp[1].active.mean / sp[0].active.mean,
    trainSeconds: c.seconds + dn.seconds +
      sp.reduce((s, r) => s + r.seconds, 0),
    seconds: (performance.now() - t0) / 1000,
  };
}, { reason: 'trains four small networks at build: about 8 s of CPU ' +
  '(7.8 s user time measured for a cold run); the wall time is longer ' +
  'only when the machine is shared' });
