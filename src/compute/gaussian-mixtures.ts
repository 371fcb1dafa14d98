// Build-time computation of "gaussian-mixtures": its figures, the data
// of its interactive demo and every number its prose shows, computed by
// the chapter's code (code/gaussian-mixtures) and cached (see
// src/lib/cache.ts). Seeded throughout. Colour is always paired with a
// marker shape, a dash pattern or a direct label.
import { cached } from '../lib/cache.ts';
import { fixed } from '../lib/format.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import skRaw from '../../tests/fixtures/gaussian-mixtures/sklearn.json' with {
  type: 'json',
};
import { loadIris } from '../../code/calculus/iris.ts';
import { createRng } from '../../code/introduction/random.ts';
import { standardize } from '../../code/linear-regression/scaling.ts';
import { Matrix, identity } from '../../code/linear-algebra/matrix.ts';
import { rowsOf } from '../../code/k-means/seeding.ts';
import {
  COV_TYPES, type CovType, type GmmParams,
} from '../../code/gaussian-mixtures/checks.ts';
import { faithfulLike } from '../../code/gaussian-mixtures/data.ts';
import { fitGmm } from '../../code/gaussian-mixtures/em.ts';
import { ellipse } from '../../code/gaussian-mixtures/ellipse.ts';
import { eStep } from '../../code/gaussian-mixtures/estep.ts';
import {
  collapseCurve, restartStudy,
} from '../../code/gaussian-mixtures/experiments.ts';
import { mStep } from '../../code/gaussian-mixtures/mstep.ts';
import { irisSelection } from '../../code/gaussian-mixtures/real-data.ts';
import { informationCriteria } from '../../code/gaussian-mixtures/select.ts';

const sk = skRaw as any;
const WIDTH = 520;
const STYLE = { background: 'transparent', fontSize: '16px' };
const f64 = (...xs: number[]) => Float64Array.from(xs);
const SYMBOLS = ['circle', 'square', 'triangle'];
const NAMES = ['component 1', 'component 2', 'component 3'];

// ---------------------------------------------------------------------
// The two-group data, the demo's start and EM on it.

const N_FAITH = 272; // as many as Old Faithful's eruptions
const faith = once(() => faithfulLike(N_FAITH, createRng(2026)).X);

/** A deliberately poor start: means swapped across the groups, round
 *  covariances of the data's scale on each axis. */
function demoStart(): GmmParams {
  return { weights: f64(0.5, 0.5),
    means: new Matrix(2, 2, f64(2.6, 88, 4.6, 50)),
    covs: [new Matrix(2, 2, f64(0.6, 0, 0, 80)),
      new Matrix(2, 2, f64(0.6, 0, 0, 80))] };
}

/** The parameters and responsibilities after each half-step. */
const emStates = once(() => {
  const X = faith();
  let p = demoStart();
  const states: { p: GmmParams; resp: Matrix; ll: number }[] = [];
  let prev = -Infinity;
  for (let t = 0; t < 200; t++) {
    const { resp, meanLogLik } = eStep(X, p);
    states.push({ p, resp, ll: meanLogLik });
    if (Math.abs(meanLogLik - prev) < 1e-6) break;
    prev = meanLogLik;
    p = mStep(X, resp, 'full');
  }
  return states;
});

function points(X: Matrix, resp: Matrix | null, panel?: string) {
  return Array.from({ length: X.rows }, (_, i) => {
    const m = resp === null ? -1 : resp.get(i, 0) >= 0.5 ? 0 : 1;
    return { x: X.get(i, 0), y: X.get(i, 1), panel,
      comp: m < 0 ? 'no assignment' : NAMES[m] };
  });
}

function ellipseRows(p: GmmParams, panel?: string) {
  return p.covs.flatMap((S, m) => [1, 2].flatMap((c) =>
    ellipse(p.means.data.subarray(2 * m, 2 * m + 2), S, c, 72)
      .map(([x, y], t) => ({ x, y, t, panel, comp: NAMES[m],
        level: `${m}-${c}σ`, c }))));
}

/** The converged fit with its 1σ and 2σ ellipses over the data. */
function ellipsesFigure(): string {
  const states = emStates();
  const last = states[states.length - 1];
  const X = faith();
  const rows = ellipseRows(last.p);
  const centres = [0, 1].map((m) => ({ x: last.p.means.get(m, 0),
    y: last.p.means.get(m, 1), text: String(m + 1) }));
  return renderPlot({
    width: WIDTH,
    height: 380,
    style: STYLE,
    marginLeft: 52,
    marginBottom: 46,
    x: { label: 'eruption (min)', labelAnchor: 'center',
      labelArrow: 'none', ticks: 5 },
    y: { label: 'waiting (min)', labelArrow: 'none', ticks: 5 },
    color: { domain: NAMES.slice(0, 2), range: PALETTE.slice(0, 2) },
    symbol: { domain: NAMES.slice(0, 2), range: SYMBOLS.slice(0, 2) },
    marks: [
      Plot.frame({ strokeOpacity: 0.4 }),
      Plot.dot(points(X, last.resp), { x: 'x', y: 'y', stroke: 'comp',
        symbol: 'comp', r: 2.6, strokeWidth: 1.1 }),
      Plot.line(rows.filter((q) => q.c === 1), { x: 'x', y: 'y',
        z: 'level', stroke: 'comp', strokeWidth: 2 }),
      Plot.line(rows.filter((q) => q.c === 2), { x: 'x', y: 'y',
        z: 'level', stroke: 'comp', strokeWidth: 2,
        strokeDasharray: '6 4' }),
      Plot.dot(centres, { x: 'x', y: 'y', r: 11,
        fill: 'var(--sl-color-bg, #fff)', stroke: 'currentColor',
        strokeWidth: 2 }),
      Plot.text(centres, { x: 'x', y: 'y', text: 'text',
        fill: 'currentColor', fontSize: 15, fontWeight: 700 }),
    ],
  });
}

/** The demo's static version: start, after one iteration, converged. */
function stepsFigure(): string {
  const states = emStates();
  const X = faith();
  const picks = [
    { s: states[0], name: 'start', resp: null },
    { s: states[1], name: 'after 1 iteration', resp: states[1].resp },
    { s: states[states.length - 1], name: 'converged',
      resp: states[states.length - 1].resp },
  ];
  const pts = picks.flatMap((p) => points(X, p.resp, p.name));
  const ell = picks.flatMap((p) => ellipseRows(p.s.p, p.name));
  const centres = picks.flatMap((p) => [0, 1].map((m) => ({
    x: p.s.p.means.get(m, 0), y: p.s.p.means.get(m, 1), panel: p.name,
    text: String(m + 1) })));
  return renderPlot({
    width: 640,
    height: 320,
    style: { ...STYLE, fontSize: '15px' },
    marginLeft: 44,
    marginBottom: 42,
    x: { label: 'eruption (min)', labelAnchor: 'center',
      labelArrow: 'none', ticks: 3 },
    y: { label: 'waiting (min)', labelArrow: 'none', ticks: 4,
      domain: [20, 120] },
    fx: { label: null, domain: picks.map((p) => p.name) },
    color: { domain: ['no assignment', ...NAMES.slice(0, 2)],
      range: ['#888888', PALETTE[0], PALETTE[1]] },
    symbol: { domain: ['no assignment', ...NAMES.slice(0, 2)],
      range: ['circle', ...SYMBOLS.slice(0, 2)] },
    marks: [
      Plot.frame({ strokeOpacity: 0.4 }),
      Plot.dot(pts, { x: 'x', y: 'y', fx: 'panel', stroke: 'comp',
        symbol: 'comp', r: 2, strokeWidth: 1, strokeOpacity: 0.55 }),
      Plot.line(ell.filter((q) => q.c === 1), { x: 'x', y: 'y',
        z: 'level', fx: 'panel', stroke: 'comp', strokeWidth: 2.2 }),
      Plot.line(ell.filter((q) => q.c === 2), { x: 'x', y: 'y',
        z: 'level', fx: 'panel', stroke: 'comp', strokeWidth: 2.2,
        strokeDasharray: '5 4' }),
      Plot.dot(centres, { x: 'x', y: 'y', fx: 'panel', r: 10,
        fill: 'var(--sl-color-bg, #fff)', stroke: 'currentColor',
        strokeWidth: 2 }),
      Plot.text(centres, { x: 'x', y: 'y', fx: 'panel', text: 'text',
        fill: 'currentColor', fontSize: 14, fontWeight: 700 }),
    ],
  });
}

/** What the live figure needs: points, start, box. */
function demoData() {
  const p = demoStart();
  return { x: Array.from(faith().data), weights: Array.from(p.weights),
    means: Array.from(p.means.data),
    covs: p.covs.map((S) => Array.from(S.data)),
    box: { x0: 1, x1: 6, y0: 20, y1: 120 } };
}

// ---------------------------------------------------------------------
// Iris: the log-likelihood per iteration, the reference, BIC.

const IRIS = once(() => standardize(loadIris().X).Z);
const skStart = (): GmmParams => ({ weights: new Float64Array(3)
  .fill(1 / 3), means: rowsOf(IRIS(), sk.init_rows),
covs: [0, 1, 2].map(() => identity(4)) });

/** Without the floor (regCovar = 0): EM exactly as derived, so the
 *  likelihood may not fall beyond rounding, Eq. (gm-monotone). */
const traces = once(() => COV_TYPES.map((covType) => {
  const fit = fitGmm(IRIS(), skStart(), { covType, tol: 0,
    maxIter: 30, regCovar: 0 });
  return { covType, ll: [...fit.trace, fit.meanLogLik] };
}));

/** The largest fall of the mean log-likelihood between iterations,
 *  over the four types, 100 iterations with tol = 0 from the trace
 *  figure's start, for a covariance floor regCovar. */
function largestFall(regCovar: number) {
  let fall = 0;
  let type: CovType = 'full';
  for (const covType of COV_TYPES) {
    const fit = fitGmm(IRIS(), skStart(), { covType, tol: 0,
      maxIter: 100, regCovar });
    const ll = [...fit.trace, fit.meanLogLik];
    for (let t = 1; t < ll.length; t++) {
      if (ll[t - 1] - ll[t] > fall) {
        fall = ll[t - 1] - ll[t];
        type = covType;
      }
    }
  }
  return { regCovar, fall, type };
}
const floorFalls = once(() => [0, 1e-6, 1e-3].map(largestFall));

function traceFigure(): string {
  const rows = traces().flatMap(({ covType, ll }) =>
    ll.map((v, t) => ({ t, ll: v, covType })));
  const dash: Record<CovType, string | null> = { full: null,
    tied: '8 4', diag: '2 3', spherical: '10 3 2 3' };
  const ends = traces().map(({ covType, ll }) =>
    label(30, ll[30], covType, { dx: 6, fontSize: 15 }));
  return renderPlot({
    width: WIDTH,
    height: 320,
    style: STYLE,
    marginLeft: 56,
    marginRight: 92,
    marginTop: 30,
    marginBottom: 44,
    x: { label: 'iteration', labelAnchor: 'center', labelArrow: 'none',
      ticks: 6 },
    y: { label: 'mean log-likelihood', labelArrow: 'none', grid: true,
      ticks: 5 },
    color: { domain: [...COV_TYPES], range: PALETTE.slice(0, 4) },
    marks: [
      ...COV_TYPES.map((c) => Plot.line(rows.filter((r) =>
        r.covType === c), { x: 't', y: 'll', stroke: 'covType',
        strokeWidth: 2, strokeDasharray: dash[c] ?? undefined })),
      ...ends,
    ],
  });
}

/** Our fits from the fixture's start beside scikit-learn's. */
const reference = once(() => sk.runs.map((ref: any) => {
  const fit = fitGmm(IRIS(), skStart(), { covType: ref.covariance_type,
    tol: ref.tol, maxIter: ref.max_iter });
  const ic = informationCriteria(IRIS(), fit.params, ref.covariance_type);
  let worst = 0;
  const diff = (a: ArrayLike<number>, b: number[]) => {
    for (let t = 0; t < b.length; t++) {
      worst = Math.max(worst, Math.abs(a[t] - b[t]));
    }
  };
  diff(fit.params.weights, ref.weights);
  diff(fit.params.means.data, ref.means);
  diff(fit.resp.data, ref.proba);
  diff([fit.lowerBound], [ref.lower_bound]);
  return { covType: ref.covariance_type, maxIter: ref.max_iter,
    nIter: fit.nIter, skIter: ref.n_iter, bic: ic.bic,
    bicRel: Math.abs(ic.bic / ref.bic - 1), worst,
    lowerBound: fit.lowerBound };
}));

const selection = once(() => irisSelection(6, 3, 1));

function bicFigure(): string {
  const rows = selection();
  const dash: Record<CovType, string | null> = { full: null,
    tied: '8 4', diag: '2 3', spherical: '10 3 2 3' };
  // each label where its line is clear of the others
  const at: Record<CovType, [number, number]> = { full: [2, 18],
    tied: [2, -12], diag: [3, -12], spherical: [5, -12] };
  const ends = COV_TYPES.map((c) => {
    const r = rows.find((q) => q.covType === c && q.k === at[c][0])!;
    return label(r.k, r.bic, c, { dy: at[c][1], anchor: 'middle',
      fontSize: 15 });
  });
  return renderPlot({
    width: WIDTH,
    height: 340,
    style: STYLE,
    marginLeft: 60,
    marginRight: 24,
    marginTop: 30,
    marginBottom: 44,
    x: { label: 'k (components)', labelAnchor: 'center',
      labelArrow: 'none', ticks: [1, 2, 3, 4, 5, 6],
      tickFormat: (v: number) => String(v) },
    y: { label: 'BIC (lower is better)', labelArrow: 'none', grid: true,
      ticks: 5, domain: [700, 1800] },
    color: { domain: [...COV_TYPES], range: PALETTE.slice(0, 4) },
    symbol: { domain: [...COV_TYPES],
      range: ['circle', 'square', 'triangle', 'diamond'] },
    marks: [
      ...COV_TYPES.map((c) => Plot.line(rows.filter((r) =>
        r.covType === c), { x: 'k', y: 'bic', stroke: 'covType',
        strokeWidth: 2, strokeDasharray: dash[c] ?? undefined })),
      Plot.dot(rows, { x: 'k', y: 'bic', stroke: 'covType',
        symbol: 'covType', r: 4, strokeWidth: 1.5 }),
      ...ends,
    ],
  });
}

function row(covType: CovType, k: number) {
  return selection().find((q) => q.covType === covType && q.k === k)!;
}

/** The first k at which AIC of the type rises from k to k + 1. */
function aicRise(covType: CovType) {
  for (let k = 1; k < 6; k++) {
    const [a, b] = [row(covType, k), row(covType, k + 1)];
    if (b.aic > a.aic) return { k, kNext: k + 1, aic: a.aic, next: b.aic };
  }
  // the prose says AIC does not fall at every step: fail the build
  throw new Error(`aicRise: AIC of ${covType} falls at every k`);
}

function bestBy(key: 'bic' | 'aic') {
  const rows = selection();
  return rows.reduce((a, b) => (b[key] < a[key] ? b : a));
}

// ---------------------------------------------------------------------
// Restarts, and a collapsing component.

/** Iris, k = 3, full: 20 single runs from random responsibilities and
 *  from k-means; how many reach the best bound found. */
const restarts = once(() => restartStudy(IRIS(), 3, 20, 42));

const collapse = once(() => {
  const X = faith();
  let far = 0;
  for (let i = 1; i < X.rows; i++) if (X.get(i, 1) > X.get(far, 1)) far = i;
  const sigmas = [1, 0.3, 0.1, 0.03, 0.01, 1e-3, 1e-4, 1e-5, 1e-6];
  const curve = collapseCurve(X, far, sigmas);
  const onPoint = (): GmmParams => ({ weights: f64(0.5, 0.5),
    means: new Matrix(2, 2, f64(3.5, 70, X.get(far, 0), X.get(far, 1))),
    covs: [new Matrix(2, 2, f64(1, 0, 0, 100)),
      new Matrix(2, 2, f64(1e-6, 0, 0, 1e-6))] });
  let message = '';
  try {
    fitGmm(X, onPoint(), { regCovar: 0 });
  } catch (e) {
    message = (e as Error).message;
  }
  const floored = fitGmm(X, onPoint(), { regCovar: 1e-6 });
  return { curve, message: message.split(' (cholesky')[0],
    flooredVar: floored.params.covs[1].get(0, 0),
    flooredLL: floored.meanLogLik * X.rows,
    far: [X.get(far, 0), X.get(far, 1)] };
});

function collapseFigure(): string {
  const { curve } = collapse();
  return renderPlot({
    width: WIDTH,
    height: 300,
    style: STYLE,
    marginLeft: 70,
    marginBottom: 46,
    marginRight: 24,
    marginTop: 30,
    x: { type: 'log', label: 'σ of the component on one point',
      labelAnchor: 'center', labelArrow: 'none', reverse: true,
      ticks: [1, 1e-2, 1e-4, 1e-6],
      tickFormat: (v: number) => (v === 1 ? '1' : `1e${Math.round(
        Math.log10(v))}`) },
    y: { label: 'log-likelihood', labelArrow: 'none', grid: true,
      ticks: 5 },
    marks: [
      Plot.line(curve, { x: 'sigma', y: 'logLik', stroke: PALETTE[4],
        strokeWidth: 2 }),
      Plot.dot(curve, { x: 'sigma', y: 'logLik', stroke: PALETTE[4],
        fill: PALETTE[4], r: 3.5 }),
    ],
  });
}

export default cached('gaussian-mixtures', () => {
  const states = emStates();
  const ref = reference();
  const sel = selection();
  const bic = bestBy('bic');
  const aic = bestBy('aic');
  const rs = restarts();
  const col = collapse();
  const c = col.curve;
  return {
    ellipsesFigure: ellipsesFigure(),
    stepsFigure: stepsFigure(),
    traceFigure: traceFigure(),
    bicFigure: bicFigure(),
    collapseFigure: collapseFigure(),
    demo: demoData(),
    sklearn: String(sk.versions.sklearn),
    irisN: IRIS().rows,
    nFaith: N_FAITH,
    demoIterations: states.length - 1,
    demoWeights: Array.from(states[states.length - 1].p.weights),
    traceGain: traces().map((t) => ({ covType: t.covType,
      first: t.ll[0], last: t.ll[t.ll.length - 1] })),
    referenceRows: ref.map((r: any) => [r.covType,
      String(r.maxIter), String(r.nIter), String(r.skIter),
      fixed(r.lowerBound, 6), r.worst.toExponential(1),
      r.bicRel === 0 ? '0' : r.bicRel.toExponential(1)]),
    refWorst: Math.max(...ref.map((r: any) => r.worst)),
    refBicRel: Math.max(...ref.map((r: any) => r.bicRel)),
    selection: sel.map((r) => ({ covType: r.covType, k: r.k,
      bic: r.bic, aic: r.aic, nParams: r.nParams })),
    bicBest: { covType: bic.covType, k: bic.k, bic: bic.bic },
    bicNext: { k: bic.k + 1, bic: row(bic.covType, bic.k + 1).bic,
      extraParams: row(bic.covType, bic.k + 1).nParams - bic.nParams },
    aicBest: { covType: aic.covType, k: aic.k, aic: aic.aic },
    aicRise: aicRise(aic.covType),
    floorFalls: floorFalls(),
    restarts: rs,
    collapseMessage: col.message,
    collapseFirst: c[0].logLik,
    collapseLast: c[c.length - 1].logLik,
    collapseSigmaLast: c[c.length - 1].sigma,
    // mean gain per factor 10 in sigma over the figure's range
    collapsePerDecade: (c[c.length - 1].logLik - c[0].logLik) /
      Math.log10(c[0].sigma / c[c.length - 1].sigma),
    flooredVar: col.flooredVar,
    flooredLL: col.flooredLL,
  };
});
