// Build-time figures of "Locally weighted linear regression", computed by
// its code, seeded. Colour is always paired with a dash pattern, a symbol,
// a panel title or a direct label, so print and colour-blind readers lose
// nothing.
import { fixed, powerOfTen } from '../lib/format.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  SHOWN,
  equivalentKernels,
  shownFit,
  sine,
  sineBiasVariance,
} from '../../code/locally-weighted-regression/examples.ts';
import { hdlStudy } from '../../code/locally-weighted-regression/hdl.ts';
import { lwrPredict } from '../../code/locally-weighted-regression/local-fit.ts';
import {
  grid,
  sineTruth,
} from '../../code/locally-weighted-regression/synthetic.ts';

type Row = Record<string, number | string>;

/** x and a vector of values as plot rows. */
function rowsOf(x: ArrayLike<number>, y: ArrayLike<number>): Row[] {
  return Array.from(x, (xi, i) => ({ x: xi, y: y[i] }));
}


// ---------------------------------------------------------------------
// The synthetic example: y = sin(2πx) + noise.

/** Where the fitted curves are drawn: 201 points on [0, 1]. */
const CURVE = grid(0, 1, 201);

/** The weights, the local line at x0 and the curve it helps trace. */
export function weightsFigure(): string {
  const { X, y } = sine();
  const fit = shownFit();
  const { x0, tau } = SHOWN;
  const points = Array.from(X.data, (x, i) => ({ x, y: y[i], k: fit.k[i] }));
  const half = 2.5 * tau;
  const line = [x0 - half, x0 + half].map((x) => ({
    x,
    y: fit.theta[0] + fit.theta[1] * (x - x0),
  }));
  const curve = rowsOf(CURVE.data, lwrPredict(X, y, CURVE, tau));
  const base = -1.9; // the kernel is drawn along the bottom
  const bell = Array.from(CURVE.data, (x) => ({
    x,
    y: base + 0.6 * Math.exp(-((x - x0) ** 2) / (2 * tau * tau)),
  }));
  return renderPlot({
    height: 340,
    marginRight: 20,
    x: { label: 'x', domain: [0, 1], grid: true },
    y: { label: 'y', domain: [-2, 1.8], grid: true },
    marks: [
      Plot.ruleX([x0], { stroke: 'currentColor', strokeDasharray: '3,3' }),
      Plot.line(curve, {
        x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.45,
        strokeWidth: 1.2,
      }),
      Plot.line(bell, {
        x: 'x', y: 'y', stroke: PALETTE[2], strokeWidth: 1.5,
        strokeDasharray: '6,3',
      }),
      Plot.dot(points, {
        x: 'x', y: 'y', r: (d: Row) => 1.5 + 4.5 * (d.k as number),
        fill: PALETTE[0], fillOpacity: (d: Row) => 0.15 + 0.8 * (d.k as number),
        stroke: PALETTE[0], strokeOpacity: 0.7,
      }),
      Plot.line(line, { x: 'x', y: 'y', stroke: PALETTE[4], strokeWidth: 3 }),
      Plot.dot([{ x: x0, y: fit.yHat }], {
        x: 'x', y: 'y', symbol: 'diamond', r: 6, fill: PALETTE[4],
        stroke: 'currentColor',
      }),
      label(x0 - half, line[0].y, 'local line', { anchor: 'end', dx: -6 }),
      label(x0 + 1.6 * tau, base + 0.3, 'kernel weights k(x, x₀)',
        { dx: 4 }),
      label(x0, 1.65, 'x₀', { dx: 4 }),
    ],
  });
}

/** Bandwidths of the small-multiples figure; Infinity is the line. */
export const TAUS_SHOWN = [0.01, 0.05, 0.2, Infinity] as const;

/** τ as text for titles and tables. */
export function tauText(tau: number): string {
  return tau === Infinity ? 'τ = ∞ (least squares)' : `τ = ${tau}`;
}

/** One panel per τ: data, truth (dashed) and the fitted curve. */
export function bandwidthFigure(): string {
  const { X, y } = sine();
  const truth = Array.from(CURVE.data, (x) => ({ x, y: sineTruth(x) }));
  const fits = TAUS_SHOWN.flatMap((tau) => {
    const yHat = lwrPredict(X, y, CURVE, tau);
    return Array.from(CURVE.data, (x, i) => ({
      panel: tauText(tau), x, y: yHat[i],
    }));
  });
  const panels = TAUS_SHOWN.map(tauText);
  const dots = panels.flatMap((panel) =>
    Array.from(X.data, (x, i) => ({ panel, x, y: y[i] })));
  const truthRows = panels.flatMap((panel) =>
    truth.map((r) => ({ panel, ...r })));
  const col = (p: string) => panels.indexOf(p) % 2;
  const row = (p: string) => Math.floor(panels.indexOf(p) / 2);
  const at = { fx: (d: Row) => col(d.panel as string),
    fy: (d: Row) => row(d.panel as string) };
  return renderPlot({
    height: 440,
    marginTop: 24,
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.12 },
    x: { label: 'x', domain: [0, 1], grid: true },
    y: { label: 'y', domain: [-1.9, 1.9], grid: true },
    marks: [
      Plot.dot(dots, { ...at, x: 'x', y: 'y', r: 2, stroke: PALETTE[0],
        strokeOpacity: 0.6 }),
      Plot.line(truthRows, { ...at, x: 'x', y: 'y', z: 'panel',
        stroke: 'currentColor', strokeDasharray: '4,3', strokeOpacity: 0.7 }),
      Plot.line(fits, { ...at, x: 'x', y: 'y', z: 'panel',
        stroke: PALETTE[4], strokeWidth: 2 }),
      Plot.text(panels.map((panel) => ({ panel })), {
        ...at, frameAnchor: 'top-left', dx: 4, dy: -14,
        text: 'panel', fill: 'currentColor', fontWeight: 'bold',
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

/** The two equivalent kernels against x_i. */
export function equivalentKernelFigure(
  ks: ReturnType<typeof equivalentKernels>,
): string {
  const { X } = sine();
  const symbols = ['circle', 'triangle'] as const;
  const dashes = ['', '5,3'];
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor' })];
  ks.forEach((k, s) => {
    const rows = rowsOf(X.data, k.l);
    const peak = rows.reduce((a, b) => ((b.y as number) > (a.y as number)
      ? b : a));
    marks.push(
      Plot.line(rows, { x: 'x', y: 'y', stroke: PALETTE[s * 4],
        strokeDasharray: dashes[s], strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'x', y: 'y', symbol: symbols[s],
        stroke: PALETTE[s * 4], r: 2.5 }),
      label(peak.x as number, peak.y as number,
        `x₀ = ${k.x0}${k.x0 === 0 ? ' (boundary)' : ' (interior)'}`,
        { dx: 8 }),
    );
  });
  return renderPlot({
    height: 300,
    x: { label: 'training input xᵢ', domain: [0, 0.8], grid: true },
    y: { label: 'weight lᵢ(x₀) of yᵢ in ŷ(x₀)', grid: true },
    marks,
  });
}

// ---------------------------------------------------------------------
// Bias and variance, exactly and for large n.

/** Mean bias², variance and their sum against τ, log–log. */
export function biasVarianceFigure(
  bv: ReturnType<typeof sineBiasVariance>,
): string {
  const series = [
    { name: 'bias²', v: bv.bias2, dash: '6,3', symbol: 'triangle' },
    { name: 'variance', v: bv.variance, dash: '2,3', symbol: 'square' },
    { name: 'bias² + variance', v: bv.total, dash: '', symbol: 'circle' },
  ];
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    const rows = rowsOf(bv.taus, s.v);
    marks.push(
      Plot.line(rows, { x: 'x', y: 'y', stroke: PALETTE[i],
        strokeDasharray: s.dash, strokeWidth: 2 }),
      Plot.dot(rows.filter((_, t) => t % 3 === 0), { x: 'x', y: 'y',
        symbol: s.symbol, stroke: PALETTE[i], r: 3 }),
    );
  });
  const approx = rowsOf(bv.taus, bv.approx).filter((r) =>
    (r.y as number) < 0.3);
  const last = bv.taus.length - 1;
  return renderPlot({
    height: 340,
    marginRight: 110,
    x: { type: 'log', label: 'bandwidth τ', grid: true,
      ticks: [0.01, 0.02, 0.05, 0.1, 0.2], tickFormat: String },
    y: { type: 'log', label: 'mean over x₀ ∈ [0, 1]', domain: [1e-5, 0.3],
      ticks: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], tickFormat: powerOfTen,
      grid: true },
    marks: [
      Plot.line(approx, { x: 'x', y: 'y', stroke: 'currentColor',
        strokeOpacity: 0.6, strokeDasharray: '1,3' }),
      ...marks,
      Plot.ruleX([bv.tauStar], { stroke: 'currentColor',
        strokeDasharray: '4,4', strokeOpacity: 0.7 }),
      label(bv.tauStar, 1.6e-5, `τ* = ${fixed(bv.tauStar, 3)}`,
        { dx: 4 }),
      ...series.map((s, i) => label(bv.taus[last],
        s.v[last] * [0.7, 1, 1.4][i], s.name, { dx: 6 })),
      label(bv.taus[1], bv.approx[1] * 0.62, 'large-n formula',
        { dx: 0 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Real data: the cholesterol ratio against HDL.

/** The HDL study, run once per build (about a second). */
export const hdl = once(hdlStudy);

/** The data, the line, the 1/x fit and the chosen local fit. */
export function hdlFigure(h: ReturnType<typeof hdl>): string {
  const { X, y } = h;
  const lo = 20;
  const hi = 100;
  const Q = grid(lo, hi, 161);
  const local = lwrPredict(X, y, Q, h.cv.best);
  const line = lwrPredict(X, y, Q, Infinity);
  const inverse = new Matrix(X.rows, 1, X.data.map((x) => 1 / x));
  const Qi = new Matrix(Q.rows, 1, Q.data.map((x) => 1 / x));
  const reciprocal = lwrPredict(inverse, y, Qi, Infinity);
  const curves = [
    { name: `local, τ = ${fixed(h.cv.best, 1)}`, v: local, dash: '',
      width: 2.5 },
    { name: 'straight line', v: line, dash: '7,4', width: 2 },
    { name: 'a + b / x', v: reciprocal, dash: '2,3', width: 2 },
  ];
  const end = Q.rows - 1;
  return renderPlot({
    height: 360,
    marginRight: 110,
    x: { label: 'HDL cholesterol S3 (mg/dL)', domain: [lo, hi], grid: true },
    y: { label: 'total / HDL cholesterol S4', grid: true },
    marks: [
      Plot.dot(rowsOf(X.data, y), { x: 'x', y: 'y', r: 2.2,
        stroke: PALETTE[0], strokeOpacity: 0.55 }),
      ...curves.map((c, i) => Plot.line(rowsOf(Q.data, c.v), {
        x: 'x', y: 'y', stroke: PALETTE[[4, 3, 2][i]],
        strokeDasharray: c.dash, strokeWidth: c.width,
      })),
      ...curves.map((c, i) => label(hi, c.v[end] + [0.25, 0, -0.25][i],
        c.name, { dx: 6 })),
    ],
  });
}

/** Leave-one-out error against τ, with the two global models. */
export function cvFigure(h: ReturnType<typeof hdl>): string {
  const rows = rowsOf(h.cv.taus, h.cv.mse);
  const best = rows.find((r) => r.x === h.cv.best) as Row;
  const refs = [
    { v: h.line.mse, text: 'straight line', dash: '7,4' },
    { v: h.reciprocal.mse, text: 'a + b / x', dash: '2,3' },
  ];
  return renderPlot({
    height: 300,
    marginRight: 100,
    x: { type: 'log', label: 'bandwidth τ (mg/dL)', grid: true,
      ticks: [1, 2, 5, 10, 20, 50, 100], tickFormat: String },
    y: { label: 'leave-one-out mean squared error', grid: true,
      domain: [0.64, 0.77] },
    marks: [
      ...refs.map((r, i) => Plot.ruleY([r.v], {
        stroke: PALETTE[[3, 2][i]], strokeDasharray: r.dash,
        strokeWidth: 1.5 })),
      ...refs.map((r) => label(100, r.v, r.text, { dx: 6 })),
      Plot.line(rows, { x: 'x', y: 'y', stroke: PALETTE[4],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'x', y: 'y', stroke: PALETTE[4], r: 3 }),
      Plot.dot([best], { x: 'x', y: 'y', symbol: 'diamond', r: 7,
        fill: PALETTE[4], stroke: 'currentColor' }),
      Plot.text([best], { x: 'x', y: 'y', dy: 16, fill: 'currentColor',
        text: () => `chosen τ = ${fixed(h.cv.best, 1)}` }),
    ],
  });
}
