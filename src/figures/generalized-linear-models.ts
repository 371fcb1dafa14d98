// Build-time figures of the generalized-linear-models chapter, computed
// by its code. Colour is always paired with a dash pattern, a marker
// shape or a direct label, so print and colour-blind readers lose
// nothing. Each study runs once per build; the chapter reads the same
// memoized results.
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, powerOfTen } from '../lib/format.ts';
import {
  bernoulliCase,
  convergenceStudy,
  countsExample,
  gaussianCase,
  newtonComparison,
  nonCanonicalExample,
} from '../../code/generalized-linear-models/experiments.ts';
import {
  fitHorseKicks,
  tenCorpsFrequencies,
} from '../../code/generalized-linear-models/horse-kicks.ts';
import { poissonLogPmf } from '../../code/generalized-linear-models/poisson.ts';

const cache = new Map<string, unknown>();
/** run() on the first call with this key, the stored result after. */
function memo<T>(key: string, run: () => T): T {
  if (!cache.has(key)) cache.set(key, run());
  return cache.get(key) as T;
}

export const horse = () => memo('horse', fitHorseKicks);
export const counts = () => memo('counts', countsExample);
export const gauss = () => memo('gauss', gaussianCase);
export const bern = () => memo('bern', bernoulliCase);
export const newtonGaps = () => memo('newton', newtonComparison);
export const logGauss = () => memo('logGauss', nonCanonicalExample);
export const convergence = () => memo('conv', convergenceStudy);

// ---------------------------------------------------------------------
// Counts against one feature: a straight line and the Poisson curve.

export function countsFigure(): string {
  const { x, y, glm, ols } = counts();
  const pts = Array.from(x, (xi, i) => ({ x: xi, y: y[i] }));
  const grid = Array.from({ length: 121 }, (_, k) => {
    const t = 3 * k / 120;
    return { x: t, glm: Math.exp(glm.w[0] + glm.w[1] * t),
      ols: ols.b + ols.w[0] * t };
  });
  const end = grid[grid.length - 1];
  return renderPlot({
    height: 300,
    marginRight: 90,
    x: { label: 'feature x', domain: [0, 3] },
    y: { label: 'count y', grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.dot(pts, { x: 'x', y: 'y', r: 2.5, fill: 'currentColor',
        fillOpacity: 0.55 }),
      Plot.line(grid, { x: 'x', y: 'ols', stroke: PALETTE[1],
        strokeWidth: 2, strokeDasharray: '7,4' }),
      Plot.line(grid, { x: 'x', y: 'glm', stroke: PALETTE[0],
        strokeWidth: 2.2 }),
      Plot.text([end], { x: 'x', y: 'ols', dx: 6, textAnchor: 'start',
        text: () => 'least squares', fill: 'currentColor' }),
      Plot.text([end], { x: 'x', y: 'glm', dx: 6, textAnchor: 'start',
        text: () => 'Poisson GLM', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// How fast IRLS converges: ‖∇L(w_k)‖ per step, four fits.

const SERIES = [
  { color: PALETTE[0], symbol: 'circle', dash: 'none' },
  { color: PALETTE[4], symbol: 'diamond', dash: '8,3,2,3' },
  { color: PALETTE[2], symbol: 'square', dash: '3,3' },
  { color: PALETTE[3], symbol: 'triangle', dash: '9,4' },
] as const;

/** Gradient norms below this are rounding; drawn at the floor. */
export const GRAD_FLOOR = 1e-14;

export function convergenceFigure(): string {
  const runs = convergence();
  const rows = runs.flatMap(({ label, run }, s) => run.history.map(
    (h, k) => ({ k, g: Math.max(h.gradNorm, GRAD_FLOOR), s, label })));
  // a key in the empty upper right: symbol, colour and a short dash
  const key = runs.map(({ label }, s) => ({ s, label, k: 4.3, k2: 4.9,
    g: 10 ** (5 - 1.3 * s) }));
  const marks = runs.flatMap((_, s) => {
    const st = SERIES[s];
    const pts = rows.filter((r) => r.s === s);
    const k = key.filter((r) => r.s === s);
    return [
      Plot.line(pts, { x: 'k', y: 'g', stroke: st.color, strokeWidth: 1.8,
        strokeDasharray: st.dash }),
      Plot.dot(pts, { x: 'k', y: 'g', stroke: st.color, symbol: st.symbol,
        r: 3.5 }),
      Plot.link(k, { x1: 'k', x2: 'k2', y1: 'g', y2: 'g', stroke: st.color,
        strokeWidth: 1.8, strokeDasharray: st.dash }),
      Plot.dot(k, { x: 'k', y: 'g', stroke: st.color, symbol: st.symbol,
        r: 3.5 }),
    ];
  });
  return renderPlot({
    height: 340,
    x: { label: 'IRLS step k', ticks: 9, tickFormat: 'd' },
    y: { type: 'log', label: '‖∇L(wₖ)‖', domain: [GRAD_FLOOR, 1e6],
      ticks: [1e-14, 1e-10, 1e-6, 1e-2, 1e2, 1e6], tickFormat: powerOfTen,
      grid: true },
    marks: [
      ...marks,
      Plot.text(key, { x: 'k2', y: 'g', dx: 6, textAnchor: 'start',
        text: 'label', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The ten corps: observed frequencies against the Poisson law.

export function frequencyFigure(): string {
  const freq = tenCorpsFrequencies();
  const total = freq.reduce((s, v) => s + v, 0);
  const deaths = freq.reduce((s, v, k) => s + k * v, 0);
  const mu = deaths / total; // the Poisson MLE: the mean count
  const rows = Array.from(freq, (f, k) => ({ k: String(k), observed: f,
    expected: total * Math.exp(poissonLogPmf(k, mu)) }))
    .map((r) => ({ ...r, top: Math.max(r.observed, r.expected) }));
  return renderPlot({
    height: 280,
    marginTop: 30,
    x: { type: 'band', label: 'deaths in a corps-year', padding: 0.35 },
    y: { label: 'corps-years', grid: true, domain: [0, 125] },
    marks: [
      Plot.barY(rows, { x: 'k', y: 'observed', fill: PALETTE[5],
        fillOpacity: 0.8 }),
      Plot.dot(rows, { x: 'k', y: 'expected', symbol: 'diamond', r: 5,
        stroke: PALETTE[4], strokeWidth: 2, fill: 'none' }),
      Plot.text(rows, { x: 'k', y: 'top', dy: -14,
        text: (r) => `${r.observed} / ${fixed(r.expected, 1)}`,
        fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------
// Rate ratios of the horse-kick fit, with 95% Wald intervals.

export function rateRatioFigure(): string {
  const { fit, inference, names } = horse();
  const rows = names.slice(1).map((name, t) => {
    const j = t + 1;
    return { name: j === 1 ? 'per decade' : `corps ${name}`,
      rr: Math.exp(fit.w[j]), lo: Math.exp(inference.lower[j]),
      hi: Math.exp(inference.upper[j]) };
  });
  return renderPlot({
    height: 390,
    marginLeft: 80,
    marginBottom: 44,
    x: { type: 'log', label: 'rate ratio (log scale)', domain: [0.15, 4],
      ticks: [0.25, 0.5, 1, 2, 4], tickFormat: (v: number) => `${v}`,
      labelOffset: 38, grid: true },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.ruleX([1], { strokeDasharray: '4,3' }),
      Plot.link(rows, { x1: 'lo', x2: 'hi', y1: 'name', y2: 'name',
        stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.dot(rows, { x: 'rr', y: 'name', fill: PALETTE[0], r: 4,
        symbol: 'circle' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Deaths per year, all 14 corps, with the fitted totals.

export function yearsFigure(): string {
  const { data, fit, nullFit } = horse();
  const k = data.corps.length;
  const rows = data.years.map((year, t) => {
    let observed = 0;
    let fitted = 0;
    for (let c = 0; c < k; c++) {
      observed += data.deaths.get(t, c);
      fitted += fit.mu[t * k + c];
    }
    return { year, observed, fitted, flat: k * nullFit.mu[0] };
  });
  const last = rows[rows.length - 1];
  return renderPlot({
    height: 280,
    marginRight: 110,
    x: { label: 'year', tickFormat: 'd' },
    y: { label: 'deaths, all 14 corps', grid: true, domain: [0, 20] },
    marks: [
      Plot.line(rows, { x: 'year', y: 'flat', stroke: PALETTE[1],
        strokeDasharray: '7,4', strokeWidth: 1.8 }),
      Plot.line(rows, { x: 'year', y: 'fitted', stroke: PALETTE[0],
        strokeWidth: 2 }),
      Plot.dot(rows, { x: 'year', y: 'observed', r: 3.5,
        fill: 'currentColor' }),
      Plot.text([last], { x: 'year', y: 'fitted', dx: 8, dy: 6,
        textAnchor: 'start', text: () => 'Poisson GLM',
        fill: 'currentColor' }),
      Plot.text([last], { x: 'year', y: 'flat', dx: 8,
        textAnchor: 'start', text: () => 'constant rate',
        fill: 'currentColor' }),
    ],
  });
}
