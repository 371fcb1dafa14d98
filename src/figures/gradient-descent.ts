// Build-time figures of the gradient-descent chapter, computed by its
// code, seeded. Colour is always paired with a dash pattern or a marker
// shape, so print and colour-blind readers lose nothing.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import { createRng } from '../../code/introduction/random.ts';
import {
  Matrix,
  matmul,
  scale,
  transpose,
  type Vector,
} from '../../code/linear-algebra/matrix.ts';
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import {
  center,
  fitNormalEquations,
} from '../../code/linear-regression/model.ts';
import { standardize } from '../../code/linear-regression/scaling.ts';
import { hessianSpectrum } from '../../code/gradient-descent/conditioning.ts';
import {
  earlyStoppingStudy,
  scalingStudy,
  scheduleCurves,
  variantCurves,
} from '../../code/gradient-descent/diabetes.ts';
import { minibatchGD } from '../../code/gradient-descent/minibatch.ts';

/** One style per batch size, shared by every figure of the chapter. */
const STYLE = [
  { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  { color: PALETTE[1], dash: '6,3', symbol: 'triangle' },
  { color: PALETTE[4], dash: '2,2', symbol: 'diamond' },
  { color: PALETTE[2], dash: '10,3,2,3', symbol: 'square' },
] as const;


// ---------------------------------------------------------------------
// Loss curves: the three variants and the schedules on diabetes.

export const VARIANT_EPOCHS = 100;
export const variants = once(() => variantCurves(VARIANT_EPOCHS));

export const SCHEDULE_EPOCHS = 60;
export const schedules = once(() => scheduleCurves(SCHEDULE_EPOCHS));

/** L(w_e) − L(ŵ) against the epoch, one line per run, log scale. */
function gapFigure(
  runs: { name: string; gaps: number[] }[],
  label: (r: number) => string,
  yDomain: [number, number],
): string {
  const marks: Plot.Markish[] = [];
  runs.forEach((run, r) => {
    const s = STYLE[r];
    const pts = run.gaps.map((gap, e) => ({ e, gap }));
    const every = Math.max(1, Math.round(pts.length / 12));
    marks.push(
      Plot.line(pts, {
        x: 'e', y: 'gap', stroke: s.color, strokeWidth: 1.8,
        strokeDasharray: s.dash,
      }),
      Plot.dot(pts.filter((_, i) => i % every === r % every), {
        x: 'e', y: 'gap', symbol: s.symbol, stroke: s.color, r: 3.5,
      }),
    );
  });
  marks.push(Plot.text(labelPositions(runs, yDomain), {
    x: 'e', y: 'gap', text: (d: { r: number }) => label(d.r), dx: 6,
    textAnchor: 'start', fill: 'currentColor',
  }));
  const top = Math.log10(yDomain[1]);
  const ticks = Array.from(
    { length: top - Math.log10(yDomain[0]) + 1 },
    (_, i) => 10 ** (Math.log10(yDomain[0]) + i),
  );
  return renderPlot({
    height: 340,
    marginRight: 120,
    x: { label: 'epoch (passes over the data)', grid: true },
    y: {
      type: 'log', label: 'L(w) − L(ŵ)', domain: yDomain, ticks,
      tickFormat: powerOfTen, grid: true,
    },
    marks,
  });
}

/**
 * The end of each curve, moved apart on the log axis by at least a
 * quarter of a decade (about 15 px) so that no two labels overlap.
 */
function labelPositions(
  runs: { gaps: number[] }[],
  yDomain: [number, number],
) {
  const ends = runs
    .map((run, r) => ({
      r, e: run.gaps.length - 1,
      log: Math.log10(Math.max(run.gaps[run.gaps.length - 1], yDomain[0])),
    }))
    .sort((a, b) => a.log - b.log);
  for (let i = 1; i < ends.length; i++) {
    ends[i].log = Math.max(ends[i].log, ends[i - 1].log + 0.25);
  }
  return ends.map((p) => ({ r: p.r, e: p.e, gap: 10 ** p.log }));
}

export function variantsFigure(): string {
  const runs = variants();
  return gapFigure(runs, (r) => `${runs[r].name}, b = ${runs[r].batch}`,
    [1e-1, 1e4]);
}

export function schedulesFigure(): string {
  const runs = schedules();
  return gapFigure(runs, (r) => runs[r].name, [1e-2, 1e3]);
}

// ---------------------------------------------------------------------
// Paths over the loss contours of a two-feature problem.

/** Two correlated features, n rows, y = 1.5 x₁ − x₂ + noise; seeded. */
export const PLANE = { seed: 4, n: 100, rho: 0.6, noise: 0.5 } as const;

/** The plane problem, with feature 2 stretched by `unit` (1 = none). */
export function planeProblem(unit = 1) {
  const rng = createRng(PLANE.seed);
  const { n, rho, noise } = PLANE;
  const raw = new Matrix(n, 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
    raw.data.set([a, b], 2 * i);
    y[i] = 1.5 * a - b + rng.normal(0, noise);
  }
  const { Z } = standardize(raw); // mean 0, s.d. 1 per feature
  const X = new Matrix(n, 2, Z.data.map((v, t) => (t % 2 ? unit * v : v)));
  const yc = center(X, y).yc;
  const H = scale(matmul(transpose(X), X), 1 / n);
  const best = fitNormalEquations(X, yc, { intercept: false }).w;
  return { X, y: yc, H, best };
}

type Plane = ReturnType<typeof planeProblem>;

/** Level sets of L: ellipses w = ŵ + Σ √(2c/λ_i) (cos t, sin t)_i q_i. */
function ellipses(p: Plane, levels: number[], panel: string) {
  const { values, vectors: Q } = symmetricEigen(p.H);
  return levels.flatMap((c, l) =>
    Array.from({ length: 97 }, (_, k) => {
      const t = (2 * Math.PI * k) / 96;
      const a = Math.sqrt((2 * c) / values[0]) * Math.cos(t);
      const b = Math.sqrt((2 * c) / values[1]) * Math.sin(t);
      return {
        panel, level: l,
        x: p.best[0] + a * Q.get(0, 0) + b * Q.get(0, 1),
        y: p.best[1] + a * Q.get(1, 0) + b * Q.get(1, 1),
      };
    }));
}

const LEVELS = [0.02, 0.08, 0.25, 0.6, 1.2, 2.2, 3.6];
const START = Float64Array.of(-1, 1.5);
const BOX = { x: [-1.6, 2.6] as [number, number], y: [-2, 2] as [number, number] };

/** The points of a path at least a 50th of the box apart, and the first. */
function spaced<T extends { x: number; y: number }>(pts: T[]): T[] {
  const gap = (BOX.x[1] - BOX.x[0]) / 50;
  let last = pts[0];
  return pts.filter((q, i) => {
    const far = Math.hypot(q.x - last.x, q.y - last.y) >= gap;
    if (i === 0 || far) last = q;
    return i === 0 || far;
  });
}

/** Contours, one path per panel, and ŵ, faceted by panel name. */
function contourFigure(
  panels: { name: string; p: Plane; path: Vector[]; style: number }[],
): string {
  const marks: Plot.Markish[] = [
    Plot.line(panels.flatMap((q) => ellipses(q.p, LEVELS, q.name)), {
      fx: 'panel', x: 'x', y: 'y', z: 'level', stroke: 'currentColor',
      strokeOpacity: 0.3, clip: true,
    }),
  ];
  for (const q of panels) {
    const s = STYLE[q.style];
    const pts = q.path.map((w) => ({ panel: q.name, x: w[0], y: w[1] }));
    marks.push(
      Plot.line(pts, {
        fx: 'panel', x: 'x', y: 'y', stroke: s.color, strokeWidth: 1.4,
        strokeDasharray: s.dash, clip: true,
      }),
      Plot.dot(pts.length > 60 ? [] : spaced(pts), {
        fx: 'panel', x: 'x', y: 'y', symbol: s.symbol, stroke: s.color,
        r: 3, clip: true,
      }),
      Plot.dot([{ panel: q.name, x: q.p.best[0], y: q.p.best[1] }], {
        fx: 'panel', x: 'x', y: 'y', symbol: 'star', fill: 'currentColor',
        r: 6,
      }),
    );
  }
  return renderPlot({
    height: 300,
    marginBottom: 40,
    fx: { label: null, domain: panels.map((q) => q.name) },
    x: { domain: BOX.x, label: 'w₁' },
    y: { domain: BOX.y, label: 'w₂' },
    marks,
  });
}

/** Path epochs of the three-variant contour figure, and the steps. */
export const PATH_EPOCHS = 4;
export const PATH_RUNS = [
  { name: 'batch, b = 100', batch: 100, eta: 0.6 },
  { name: 'mini-batch, b = 10', batch: 10, eta: 0.2 },
  { name: 'SGD, b = 1', batch: 1, eta: 0.03 },
] as const;

export const pathRuns = once(() => {
  const p = planeProblem();
  return PATH_RUNS.map((r) => ({
    ...r, p,
    run: minibatchGD(p.X, p.y, {
      batch: r.batch, eta: r.eta, epochs: PATH_EPOCHS, seed: 2,
      w0: START, recordPath: true,
    }),
  }));
});

export function pathsFigure(): string {
  return contourFigure(pathRuns().map((r, i) => ({
    name: r.name, p: r.p, path: r.run.path, style: i,
  })));
}

/** Stretch of feature 2 in the scaling figure; batch GD steps shown. */
export const STRETCH = 5;
export const SCALING_STEPS = 25;

export const scalingRuns = once(() =>
  [STRETCH, 1].map((unit) => {
    const p = planeProblem(unit);
    const spectrum = hessianSpectrum(p.X);
    const run = minibatchGD(p.X, p.y, {
      batch: p.X.rows, eta: 1 / spectrum[0], epochs: SCALING_STEPS,
      w0: new Float64Array(2), recordPath: true,
    });
    return { unit, p, spectrum, run };
  }));

export function scalingPathsFigure(): string {
  return contourFigure(scalingRuns().map((r, i) => ({
    name: r.unit === 1 ? 'standardized' : `feature 2 multiplied by ${r.unit}`,
    p: r.p, path: r.run.path, style: i,
  })));
}

// ---------------------------------------------------------------------
// The spectrum of H for the three diabetes designs.

export const spectra = once(() => scalingStudy());

export function spectrumFigure(): string {
  const rows = spectra().flatMap((s, r) =>
    Array.from(s.spectrum, (lambda) => ({ design: s.name, lambda, r })));
  return renderPlot({
    height: 200,
    marginLeft: 100,
    marginRight: 20,
    x: {
      type: 'log', label: 'eigenvalue of XᵀX/n', grid: true,
      tickFormat: powerOfTen, ticks: [1e-3, 1e-2, 1e-1, 1, 10, 1e2, 1e3, 1e4, 1e5],
    },
    y: { label: null, domain: spectra().map((s) => s.name) },
    marks: [
      Plot.dot(rows, {
        x: 'lambda', y: 'design', r: 5,
        symbol: (d: { r: number }) => STYLE[d.r].symbol,
        stroke: (d: { r: number }) => STYLE[d.r].color,
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Early stopping on a small training set.

export const stopping = once(() => earlyStoppingStudy());

export function earlyStoppingFigure(): string {
  const s = stopping();
  const curve = (losses: number[], name: string) =>
    losses.map((L, e) => ({ e: e + 1, L, name })); // e + 1: log axis
  const train = curve(s.run.trainLoss, 'training');
  const valid = curve(s.run.validationLoss, 'validation');
  const last = (pts: { e: number; L: number }[]) => pts[pts.length - 1];
  return renderPlot({
    height: 320,
    marginLeft: 50,
    marginRight: 90,
    x: { type: 'log', label: 'epoch + 1', grid: true },
    y: { label: 'loss L(w)', grid: true, domain: [0, 4000] },
    marks: [
      Plot.ruleX([s.run.bestEpoch + 1], {
        stroke: 'currentColor', strokeDasharray: '4,3',
      }),
      Plot.line(train, { x: 'e', y: 'L', stroke: STYLE[0].color,
        strokeWidth: 1.8, clip: true }),
      Plot.line(valid, { x: 'e', y: 'L', stroke: STYLE[1].color,
        strokeWidth: 1.8, strokeDasharray: STYLE[1].dash, clip: true }),
      Plot.text([last(train), last(valid)], {
        x: 'e', y: 'L', text: 'name', dx: 6, textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.text([{ e: s.run.bestEpoch + 1, L: 3800 }], {
        x: 'e', y: 'L', text: () => 'best on validation', dx: 4,
        textAnchor: 'start', fill: 'currentColor',
      }),
    ],
  });
}
