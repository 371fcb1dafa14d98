// Build-time computation of "Generalized linear models": its figures and
// every number its prose shows, computed by its code and cached (see
// src/lib/cache.ts). Colour is always paired with a dash pattern, a
// marker shape or a direct label, so print and colour-blind readers lose
// nothing. Everything is deterministic.
import sm from '../../tests/fixtures/generalized-linear-models/statsmodels.json' with {
  type: 'json',
};
import { cached } from '../lib/cache.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, int, powerOfTen, sci } from '../lib/format.ts';
import { relativeError } from '../../code/introduction/check.ts';
import { norm, subVec } from '../../code/linear-algebra/matrix.ts';
import { normalQuantile } from '../../code/statistics/normal-quantile.ts';
import { chiSquareTail } from '../../code/generalized-linear-models/chi-square.ts';
import { linearPredictor } from '../../code/generalized-linear-models/model.ts';
import { glmGradient } from '../../code/generalized-linear-models/objective.ts';
import {
  COUNTS,
  LOG_GAUSS,
  WILKS,
  wilksSimulation,
  yearlyDispersion,
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

const horse = () => memo('horse', fitHorseKicks);
const counts = () => memo('counts', countsExample);
const gauss = () => memo('gauss', gaussianCase);
const bern = () => memo('bern', bernoulliCase);
const newtonGaps = () => memo('newton', newtonComparison);
const logGauss = () => memo('logGauss', nonCanonicalExample);
const convergence = () => memo('conv', convergenceStudy);

// ---------------------------------------------------------------------
// Counts against one feature: a straight line and the Poisson curve.

function countsFigure(): string {
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
const GRAD_FLOOR = 1e-14;

function convergenceFigure(): string {
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

function frequencyFigure(): string {
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

function rateRatioFigure(): string {
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

function yearsFigure(): string {
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

// ---------------------------------------------------------------------
// The numbers the prose shows.

/** The largest of xs, by a loop (no spread of data into a call). */
function maxOf(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  return m;
}

/** The smallest of xs, by a loop. */
function minOf(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.min(m, xs[i]);
  return m;
}

/** Sum of xs. */
function sumOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** The horse kicks: the fit, its tests and the closed forms. */
function horseNumbers() {
  const h = horse();
  const inf = h.inference;
  const n = h.X.rows;
  const d = h.X.cols;
  const q = d - 2; // the corps coefficients
  const j = (c: string) => h.names.indexOf(c);
  const rr = (k: number) => Math.exp(h.fit.w[k]);
  const corpsTotal = (c: string) => {
    const k = h.data.corps.indexOf(c);
    let s = 0;
    for (let t = 0; t < h.data.years.length; t++) {
      s += h.data.deaths.get(t, k);
    }
    return s;
  };
  const corpsDrop = h.yearOnly.deviance - h.fit.deviance;
  const yearDrop = h.corpsOnly.deviance - h.fit.deviance;
  const yearly = yearlyDispersion(h.data);
  const total = sumOf(h.y);
  // the decade's interval with the yearly dispersion (quasi-Poisson)
  const zq = normalQuantile(0.975);
  const seQuasi = inf.se[1] * Math.sqrt(yearly.ratio);
  const freq = tenCorpsFrequencies(h.data);
  let tenDeaths = 0;
  for (let k = 0; k < freq.length; k++) tenDeaths += k * freq[k];
  const tenYears = sumOf(freq);
  return {
    corps: h.data.corps.length, years: h.data.years.length, n, d, q,
    total, maxCount: maxOf(h.y),
    iterations: h.fit.run.iterations, deviance: h.fit.deviance,
    dfResidual: inf.dfResidual, pearson: inf.pearson,
    pearsonRatio: inf.pearson / inf.dfResidual,
    // sd of X²/(n − d) if X² were χ²_{n−d}: √(2/(n − d))
    pearsonRatioSd: Math.sqrt(2 / inf.dfResidual),
    decade: { rr: rr(1), lo: Math.exp(inf.lower[1]),
      hi: Math.exp(inf.upper[1]), rise: rr(1) - 1,
      loQuasi: Math.exp(h.fit.w[1] - zq * seQuasi),
      hiQuasi: Math.exp(h.fit.w[1] + zq * seQuasi) },
    yearDrop, yearP: chiSquareTail(yearDrop, 1),
    corpsDrop, corpsP: chiSquareTail(corpsDrop, q),
    rrXI: rr(j('XI')), rrXIV: rr(j('XIV')), rrVIII: rr(j('VIII')),
    rrXV: rr(j('XV')),
    totalXI: corpsTotal('XI'), totalG: corpsTotal('G'),
    yearly: { min: minOf(yearly.totals), max: maxOf(yearly.totals),
      pearson: yearly.pearson, df: yearly.df, ratio: yearly.ratio,
      p: chiSquareTail(yearly.pearson, yearly.df),
      sqrtRatio: Math.sqrt(yearly.ratio) },
    perYear: total / h.data.years.length,
    tenYears, tenDeaths, tenMean: tenDeaths / tenYears,
  };
}

/** Ours beside statsmodels and scikit-learn, from the fixture. */
function libraryNumbers() {
  const h = horse();
  const g = gauss();
  const b = bern();
  const inf = h.inference;
  const cases = [
    { label: 'Poisson, horse kicks', ref: sm.poisson, fit: h.fit,
      inf: h.inference },
    { label: 'Bernoulli, breast cancer', ref: sm.bernoulli, fit: b.fit,
      inf: b.inference },
    { label: 'Gaussian, diabetes', ref: sm.gaussian, fit: g.fit,
      inf: g.inference },
  ].map((k) => {
    const params = Float64Array.from(k.ref.params);
    let dse = 0;
    k.inf.se.forEach((s, j) => {
      dse = Math.max(dse, relativeError(s, k.ref.bse[j]));
    });
    return { ...k, dw: norm(subVec(k.fit.w, params)) / norm(params), dse,
      ddev: relativeError(k.fit.deviance, k.ref.deviance) };
  });
  const skW = Float64Array.of(sm.sklearn_poisson.intercept,
    ...sm.sklearn_poisson.coef);
  const skGap = norm(subVec(skW, h.fit.w)) / norm(h.fit.w);
  const grad = glmGradient(h.X, h.y, h.fit.model, linearPredictor(h.X, skW));
  let skGrad = 0;
  for (const v of grad) skGrad = Math.max(skGrad, Math.abs(v) / h.X.rows);
  let lastButOne = 0;
  inf.se.forEach((s, j) => {
    lastButOne = Math.max(lastButOne,
      relativeError(s, sm.poisson.bse_last_but_one[j]));
  });
  return {
    versions: sm.versions,
    coefTable: [
      ...h.names.map((nm, j) => [nm, fixed(h.fit.w[j], 8),
        fixed(sm.poisson.params[j], 8), fixed(inf.se[j], 8),
        fixed(sm.poisson.bse[j], 8)]),
      ['deviance', fixed(h.fit.deviance, 8), fixed(sm.poisson.deviance, 8),
        '', ''],
    ],
    casesTable: cases.map((k) => [k.label, int(k.fit.run.iterations),
      int(k.ref.iterations), sci(k.dw, 2), sci(k.dse, 2), sci(k.ddev, 2)]),
    worstW: maxOf(cases.map((k) => k.dw)),
    worstSe: maxOf(cases.map((k) => k.dse)),
    lastButOne, skIter: sm.sklearn_poisson.n_iter, skGrad, skGap,
    skDigits: Math.round(-Math.log10(skGap)),
  };
}

/** The counts example: least squares against the GLM at three x. */
function countsNumbers() {
  const c = counts();
  const at = (x: number) => ({
    ols: c.ols.b + c.ols.w[0] * x,
    glm: Math.exp(c.glm.w[0] + c.glm.w[1] * x),
  });
  return { n: COUNTS.n, b: COUNTS.b, w: COUNTS.w, at0: at(0),
    at15: at(1.5), at3: at(3) };
}

export default cached('generalized-linear-models', () => {
  const lg = logGauss();
  const gs = lg.fit.run.history.map((it) => it.gradNorm);
  const drops = wilksSimulation();
  const g = gauss();
  const b = bern();
  return {
    horse: horseNumbers(),
    lib: libraryNumbers(),
    counts: countsNumbers(),
    newtonWorst: newtonGaps().worst,
    logGauss: { n: LOG_GAUSS.n, noise: LOG_GAUSS.noise, gapPct: 100 * lg.gap,
      rate: lg.rate, lateRate: gs[gs.length - 1] / gs[gs.length - 2] },
    gauss: { iterations: g.fit.run.iterations, distance: g.distance },
    bern: { iterations: b.fit.run.iterations, distance: b.distance },
    wilks: { q: WILKS.q, reps: WILKS.reps, n: WILKS.n,
      meanDrop: sumOf(drops) / drops.length },
    countsFigure: countsFigure(),
    convergenceFigure: convergenceFigure(),
    frequencyFigure: frequencyFigure(),
    rateRatioFigure: rateRatioFigure(),
    yearsFigure: yearsFigure(),
  };
});
