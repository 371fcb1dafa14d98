// Build-time computation of "Support vector machines": its figures, the
// data of its interactive demo and every number its prose shows,
// computed by the chapter's code (code/support-vector-machines) and
// cached (see src/lib/cache.ts). Seeded throughout. Colour is always
// paired with a symbol, a dash pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { powerOfTen } from '../lib/format.ts';
import { label, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/support-vector-machines/sklearn.json' with {
  type: 'json',
};
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { loadIris } from '../../code/calculus/iris.ts';
import { twoMoons } from '../../code/support-vector-machines/data.ts';
import type { Kernel } from '../../code/support-vector-machines/kernel.ts';
import {
  fitPlatt,
  plattProbability,
} from '../../code/support-vector-machines/platt.ts';
import {
  ovoValues,
  sklearnView,
} from '../../code/support-vector-machines/predict.ts';
import {
  breastCancerScaled,
  irisTwoClasses,
} from '../../code/support-vector-machines/real-data.ts';
import {
  convergenceStudy,
  gridStudy,
  GRID_C,
  GRID_GAMMA,
  imbalanceStudy,
  marginStudy,
  plattStudy,
  scalingStudy,
} from '../../code/support-vector-machines/studies.ts';
import { fitSvc, type SvcModel } from '../../code/support-vector-machines/svc.ts';

interface Fit {
  kernel: 'linear' | 'rbf'; C: number; gamma: number | null;
  support: number[]; n_support: number[]; dual_coef: number[];
  intercept: number[]; decision: number[]; predict: number[];
}
const sk = skRaw as unknown as {
  versions: Record<string, string>; tol: number;
  fits: Record<string, Fit>;
  platt: { decision: number[]; y: number[]; A: number; B: number;
    iterations: number; sklearn_calibration: number[];
    svc_probA: number[]; svc_probB: number[]; svc_disagreements: number;
    svc_rest_rows: number; svc_rest_disagreements: number;
    svc_rest_decision: number[]; svc_rest_proba: number[] };
};

const CLASS = [
  { name: 'class −1', color: PALETTE[0], symbol: 'circle' },
  { name: 'class +1', color: PALETTE[1], symbol: 'triangle' },
] as const;

// ---------------------------------------------------------------------
// Figure: margins, slack and support vectors of a linear SVM.
function marginFigure(s: ReturnType<typeof marginStudy>): string {
  const { X, y, w, b, kind } = s;
  const pts = Array.from(y, (c, i) => ({
    x: X.data[2 * i], y: X.data[2 * i + 1], cls: CLASS[c].name,
  }));
  const [x0, x1] = [-4.2, 4.2], [y0, y1] = [-4.2, 4.2];
  const lineAt = (level: number) => [x0, x1].map((x) => ({
    x, y: (level - b - w[0] * x) / w[1], level,
  }));
  const ww = w[0] * w[0] + w[1] * w[1];
  const slack: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const free: { x: number; y: number }[] = [];
  const bounded: { x: number; y: number }[] = [];
  pts.forEach((p, i) => {
    if (kind[i] === 'free') free.push(p);
    if (kind[i] !== 'bounded') return;
    bounded.push(p);
    const yi = y[i] ? 1 : -1;
    const f = w[0] * p.x + w[1] * p.y + b;
    const t = (yi - f) / ww; // step to the point's own margin line
    slack.push({ x1: p.x, y1: p.y, x2: p.x + t * w[0], y2: p.y + t * w[1] });
  });
  const lineLabel = (level: number, text: string, ly: number,
    anchor: 'start' | 'end') =>
    label((level - b - w[1] * ly) / w[0], ly, text,
      { anchor, dx: anchor === 'start' ? 6 : -6, dy: 0 });
  return renderPlot({
    width: 560, aspectRatio: 1,
    x: { domain: [x0, x1], label: 'x₁' },
    y: { domain: [y0, y1], label: 'x₂' },
    color: { domain: CLASS.map((c) => c.name),
      range: CLASS.map((c) => c.color) },
    symbol: { domain: CLASS.map((c) => c.name),
      range: CLASS.map((c) => c.symbol) },
    marks: [
      Plot.line(lineAt(0), { x: 'x', y: 'y', stroke: 'currentColor',
        strokeWidth: 1.8, clip: true }),
      ...[-1, 1].map((lv) => Plot.line(lineAt(lv), { x: 'x', y: 'y',
        stroke: 'currentColor', strokeDasharray: '6,4', clip: true })),
      Plot.link(slack, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
        stroke: PALETTE[4], strokeWidth: 2.2, strokeDasharray: '3,2' }),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: 'cls', stroke: 'cls',
        fill: 'cls', fillOpacity: 0.35, r: 4 }),
      Plot.dot(free, { x: 'x', y: 'y', r: 9, stroke: 'currentColor',
        strokeWidth: 1.4, symbol: 'circle' }),
      Plot.dot(bounded, { x: 'x', y: 'y', r: 9, stroke: 'currentColor',
        strokeWidth: 1.4, symbol: 'square' }),
      lineLabel(0, 'f = 0', 3.7, 'start'),
      lineLabel(1, 'f = +1', -3.7, 'start'),
      lineLabel(-1, 'f = −1', -3.7, 'end'),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// The two moons of the RBF figure and the demo.
const MOONS = { n: 100, noise: 0.2, seed: 1 };
const DEMO_C = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];
const DEMO_GAMMA = [0.1, 0.3, 1, 3, 10, 30];
const DEMO_START = { C: 2, gamma: 2 }; // indices: C = 1, γ = 1
const GRID = { x0: -1.6, x1: 2.6, nx: 84, y0: -1.1, y1: 1.6, ny: 54 };

function moonsModel(C: number, gamma: number) {
  const { X, y } = twoMoons(MOONS.n, MOONS.noise, MOONS.seed);
  const m = fitSvc(X, y, { C, kernel: { kind: 'rbf', gamma } });
  return { X, y, m };
}

/** Decision values f (class 1 positive) on the GRID, row 0 at y0. */
function gridValues(m: SvcModel): number[] {
  const Q = new Matrix(GRID.nx * GRID.ny, 2);
  for (let r = 0; r < GRID.ny; r++) {
    for (let c = 0; c < GRID.nx; c++) {
      const k = r * GRID.nx + c;
      Q.data[2 * k] = GRID.x0 + ((c + 0.5) * (GRID.x1 - GRID.x0)) / GRID.nx;
      Q.data[2 * k + 1] = GRID.y0 + ((r + 0.5) * (GRID.y1 - GRID.y0)) / GRID.ny;
    }
  }
  return Array.from(ovoValues(m, Q).data, (v) => -v);
}

function rbfFigure(C: number, gamma: number): string {
  const { X, y, m } = moonsModel(C, gamma);
  const values = gridValues(m);
  const pts = Array.from(y, (c, i) => ({
    x: X.data[2 * i], y: X.data[2 * i + 1], cls: CLASS[c].name,
  }));
  const sv = Array.from(m.support, (i) => pts[i]);
  const contour = (t: number, dash: string | undefined) =>
    Plot.contour(values, {
      x1: GRID.x0, x2: GRID.x1, y1: GRID.y0, y2: GRID.y1,
      width: GRID.nx, height: GRID.ny, thresholds: [t],
      stroke: 'currentColor', fill: 'none', clip: true,
      strokeWidth: t === 0 ? 1.8 : 1.2,
      ...(dash ? { strokeDasharray: dash } : {}),
    });
  return renderPlot({
    width: 600, height: 400,
    x: { domain: [GRID.x0 + 0.1, GRID.x1 - 0.1], label: 'x₁' },
    y: { domain: [GRID.y0 + 0.1, GRID.y1 - 0.1], label: 'x₂' },
    color: { domain: CLASS.map((c) => c.name),
      range: CLASS.map((c) => c.color) },
    symbol: { domain: CLASS.map((c) => c.name),
      range: CLASS.map((c) => c.symbol) },
    marks: [
      contour(0, undefined), contour(-1, '6,4'), contour(1, '6,4'),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: 'cls', stroke: 'cls',
        fill: 'cls', fillOpacity: 0.35, r: 3.5 }),
      Plot.dot(sv, { x: 'x', y: 'y', r: 7.5, stroke: 'currentColor',
        strokeWidth: 1.2, symbol: 'circle' }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure: SMO's violation and suboptimality against Pegasos'.
function convergenceFigure(s: ReturnType<typeof convergenceStudy>) {
  const rows: { step: number; value: number; curve: string }[] = [];
  const push = (curve: string, step: number, value: number) => {
    if (value > 1e-9) rows.push({ step, value, curve });
  };
  s.smoGap.forEach((v, t) => push('SMO: m(α) − M(α)', t + 1, v));
  s.smoSub.forEach((v, t) => push('SMO: λ(D(α) − D*)', t + 1, v));
  s.pegasos.forEach((r) => push('Pegasos: P(w, b) − P*', r.t, r.sub));
  const style = {
    'SMO: m(α) − M(α)': { color: PALETTE[0], dash: '6,3' },
    'SMO: λ(D(α) − D*)': { color: PALETTE[0], dash: undefined },
    'Pegasos: P(w, b) − P*': { color: PALETTE[4], dash: '2,2' },
  } as const;
  return renderPlot({
    width: 640, height: 340, marginRight: 20, marginLeft: 50,
    x: { type: 'log', label: 'iteration', ticks: [1, 10, 100, 1000,
      10000], tickFormat: (v: number) => String(v) },
    y: { type: 'log', label: 'gap or suboptimality', domain: [1e-9, 10],
      ticks: [1e-8, 1e-6, 1e-4, 1e-2, 1], tickFormat: powerOfTen },
    marks: [
      ...Object.entries(style).map(([curve, st]) =>
        Plot.line(rows.filter((r) => r.curve === curve), {
          x: 'step', y: 'value', stroke: st.color, strokeWidth: 1.8,
          clip: true,
          ...(st.dash ? { strokeDasharray: st.dash } : {}),
        })),
      ...Object.keys(style).map((curve) => {
        const mine = rows.filter((r) => r.curve === curve);
        const peg = curve.startsWith('Pegasos');
        const at = mine.find((r) => r.step >= (peg ? 400 : 60))!;
        return label(at.step, at.value, curve, {
          anchor: 'start', dx: 4, dy: curve.includes('D(α)') ? 12 : -12,
        });
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure: test error over the grid of C and γ.
function gridFigure(s: ReturnType<typeof gridStudy>) {
  const cells = s.cells.map((c) => ({
    γ: String(c.gamma), C: String(c.C), error: 100 * c.error,
    text: `${(100 * c.error).toFixed(1)}%`,
  }));
  return renderPlot({
    width: 520, height: 320, marginLeft: 60,
    x: { label: 'γ', domain: GRID_GAMMA.map(String) },
    y: { label: 'C', domain: GRID_C.map(String).reverse() },
    color: { type: 'linear', scheme: 'blues', domain: [5, 25] },
    marks: [
      Plot.cell(cells, { x: 'γ', y: 'C', fill: 'error', inset: 1 }),
      Plot.text(cells, { x: 'γ', y: 'C', text: 'text', fill: 'black',
        stroke: 'white', strokeWidth: 3, paintOrder: 'stroke',
        fontSize: 13 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Figure: Platt's sigmoid and where it disagrees with sign f.
function plattFigure(s: ReturnType<typeof plattStudy>) {
  const pts = s.rows.filter((r) => Math.abs(r.f) < 1).map((r) => ({
    f: r.f, p: r.p, cls: r.y ? 'malignant' : 'benign',
  }));
  const curve = Array.from({ length: 101 }, (_, k) => {
    const f = -1 + k * 0.02;
    return { f, p: 1 / (1 + Math.exp(s.A * f + s.B)) };
  });
  const band = [{ x1: Math.min(0, s.threshold), x2: Math.max(0, s.threshold) }];
  return renderPlot({
    width: 600, height: 320,
    x: { domain: [-1, 1], label: 'decision value f(x)' },
    y: { domain: [0, 1], label: 'P(malignant | f)' },
    color: { domain: ['benign', 'malignant'],
      range: [PALETTE[0], PALETTE[1]] },
    symbol: { domain: ['benign', 'malignant'],
      range: ['circle', 'triangle'] },
    marks: [
      Plot.rectX(band, { x1: 'x1', x2: 'x2', y1: 0, y2: 1,
        fill: 'currentColor', fillOpacity: 0.12 }),
      Plot.ruleY([0.5], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      Plot.ruleX([0], { strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      Plot.line(curve, { x: 'f', y: 'p', stroke: 'currentColor',
        strokeWidth: 1.6 }),
      Plot.dot(pts, { x: 'f', y: 'p', symbol: 'cls', stroke: 'cls',
        fill: 'cls', fillOpacity: 0.35, r: 3.5 }),
      label(-0.95, 0.55, 'P = ½', { anchor: 'start' }),
      label(0, 0.05, 'f = 0', { anchor: 'end', dx: -4 }),
      label(Math.max(0, s.threshold), 0.2, 'P and sign f disagree',
        { anchor: 'start', dx: 4 }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

/** The largest |a_i − b_i|; Infinity if the lengths differ. */
function maxDiff(a: ArrayLike<number>, b: number[]) {
  let d = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

// ---------------------------------------------------------------------
// Our fits beside scikit-learn's, on the fixture's problems.
function referenceTable() {
  const iris = loadIris(), two = irisTwoClasses();
  const cancer = breastCancerScaled(200);
  const data: Record<string, { X: Matrix; y: Int32Array; label: string }> = {
    iris2_linear: { ...two, label: 'iris, 2-class' },
    iris2_rbf: { ...two, label: 'iris, 2-class' },
    iris3_linear: { X: iris.X, y: iris.y, label: 'iris, 3-class' },
    iris3_rbf: { X: iris.X, y: iris.y, label: 'iris, 3-class' },
    cancer_linear: { X: cancer.X, y: cancer.y, label: 'cancer' },
    cancer_rbf: { X: cancer.X, y: cancer.y, label: 'cancer' },
  };
  return Object.entries(data).map(([key, d]) => {
    const f = sk.fits[key];
    const kernel: Kernel = f.kernel === 'rbf'
      ? { kind: 'rbf', gamma: f.gamma! } : { kind: 'linear' };
    const m = fitSvc(d.X, d.y, { C: f.C, kernel, eps: sk.tol });
    const v = sklearnView(m, d.X);
    return {
      data: d.label, n: d.X.rows, kernel: f.kernel, C: f.C,
      gamma: f.gamma, nSV: m.support.length,
      sameSupport: m.support.join() === f.support.join(),
      coef: maxDiff(v.dualCoef, f.dual_coef),
      intercept: maxDiff(v.intercept, f.intercept),
      decision: maxDiff(v.decision, f.decision),
      steps: m.iterations,
    };
  });
}

function plattReference() {
  const p = sk.platt;
  const ours = fitPlatt(Float64Array.from(p.decision),
    Int8Array.from(p.y, (c) => (c ? 1 : -1)));
  return {
    A: ours.A, B: ours.B, iterations: ours.iterations,
    dA: Math.abs(ours.A - p.A), dB: Math.abs(ours.B - p.B),
    skA: p.sklearn_calibration[0], skB: p.sklearn_calibration[1],
    // probA_, probB_ give P(class 0 | libsvm's value) and libsvm's value
    // is −f: in the chapter's orientation (class 1, f) they are A, −B.
    svcA: p.svc_probA[0], svcB: -p.svc_probB[0],
    svcRawB: p.svc_probB[0],
    svcThreshold: p.svc_probB[0] / p.svc_probA[0],
    svcCoupling: maxDiff(plattProbability(
      Float64Array.from(p.svc_rest_decision), p.svc_probA[0],
      -p.svc_probB[0]), p.svc_rest_proba),
    svcDisagree: p.svc_rest_disagreements, svcRest: p.svc_rest_rows,
  };
}

function demoData() {
  const { X, y } = twoMoons(MOONS.n, MOONS.noise, MOONS.seed);
  return { x: Array.from(X.data), y: Array.from(y), grid: GRID,
    Cs: DEMO_C, gammas: DEMO_GAMMA, start: DEMO_START };
}

export default cached('support-vector-machines', () => {
  const margin = marginStudy();
  const conv = convergenceStudy();
  const grid = gridStudy();
  const platt = plattStudy();
  const best = grid.cells.reduce((a, c) => (c.error < a.error ? c : a));
  const C0 = DEMO_C[DEMO_START.C], g0 = DEMO_GAMMA[DEMO_START.gamma];
  const rbfModel = moonsModel(C0, g0).m;
  return {
    versions: sk.versions,
    marginFigure: marginFigure(margin),
    margin: {
      n: margin.y.length, C: margin.C,
      width: 2 / Math.hypot(margin.w[0], margin.w[1]),
      free: margin.kind.filter((k) => k === 'free').length,
      bounded: margin.kind.filter((k) => k === 'bounded').length,
    },
    rbfFigure: rbfFigure(C0, g0),
    rbf: { n: MOONS.n, C: C0, gamma: g0, nSV: rbfModel.support.length },
    convergenceFigure: convergenceFigure(conv),
    convergence: { n: conv.n, C: conv.C, lambda_: conv.lambda_,
      smoIterations: conv.smoIterations, pStar: conv.pStar,
      pegasosSteps: conv.pegasos[conv.pegasos.length - 1].t,
      pegasosFinal: conv.pegasosFinal,
      every: conv.pegasos[1].t - conv.pegasos[0].t },
    gridFigure: gridFigure(grid),
    grid: { nTrain: grid.nTrain, nTest: grid.nTest, best,
      maxSe: grid.cells.reduce((a, c) => Math.max(a, c.se), 0) },
    scaling: scalingStudy(),
    imbalance: imbalanceStudy(),
    plattFigure: plattFigure(platt),
    platt: { A: platt.A, B: platt.B, threshold: platt.threshold,
      disagree: platt.disagree, nTest: platt.nTest },
    plattReference: plattReference(),
    reference: referenceTable(),
    demo: demoData(),
  };
});
