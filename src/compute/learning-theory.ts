// Build-time computation of "Learning theory": its figures and every
// number its prose prints, computed by code/learning-theory and cached
// (see src/lib/cache.ts). Everything is seeded and deterministic.
import { cached } from '../lib/cache.ts';
import { label, PALETTE, Plot, renderPlot } from '../lib/plot.ts';
import {
  binomialCdf,
  binomialLogPmf,
  binomialQuantile,
  binomialSf,
} from '../../code/learning-theory/binomial.ts';
import {
  finiteClassRadius,
  GROWTH,
  hoeffdingRadius,
  labellingMassart,
  sauerBound,
  uniformConvergenceSize,
  vcMarkovRadius,
} from '../../code/learning-theory/bounds.ts';
import {
  CANCER_FEATURE,
  cancerPopulation,
  cancerRademacher,
  PLANE_FEATURES,
} from '../../code/learning-theory/breast-cancer.ts';
import {
  halfPlanes,
  halfPlaneWitnesses,
  intervals,
  type Point2,
  thresholds,
} from '../../code/learning-theory/classes.ts';
import {
  gapStudy,
  intervalCount,
  realizableStudy,
  unionStudy,
  WINDOW,
  windowPopulation,
} from '../../code/learning-theory/experiments.ts';
import {
  LEARNERS,
  nflConsistentMean,
  noFreeLunch,
} from '../../code/learning-theory/no-free-lunch.ts';
import {
  intervalRisk,
  minRun,
} from '../../code/learning-theory/population.ts';
import {
  intervalCorrelator,
  labellingCorrelator,
  rademacherExact,
  rademacherMonteCarlo,
  thresholdCorrelator,
  thresholdRademacher,
} from '../../code/learning-theory/rademacher.ts';
import { vcSearch } from '../../code/learning-theory/shattering.ts';
import {
  exactRadius,
} from '../../code/learning-theory/solutions/exact-radius.ts';
import {
  crossingGrid,
  finerGridStudy,
} from '../../code/learning-theory/solutions/finer-grid.ts';
import { quantile } from '../../code/statistics/bootstrap.ts';
import ref from '../../tests/fixtures/learning-theory/reference.json' with {
  type: 'json',
};

const DELTA = 0.05;

/** The realizable study's sizes: a coarse grid, and every n from 40 to
 *  50, where the share of failures crosses delta. */
const REALIZABLE_SIZES = [10, 20, 30, ...Array.from({ length: 11 },
  (_, i) => 40 + i), 60, 70, 80, 90, 100];

/** Exercise 6: grids of K doses, the window scaled with K. */
const GRIDS = [100, 1000, 10_000, 100_000];
const GRID = { reps: 100, draws: 500, seed: 13 };

/** The chapter's figures are drawn 440 units wide with 14 px text (and
 *  none smaller) and shown at most 500 px wide: on a 390 px phone they
 *  fit the column with text above 11 px, on a desktop it is 16 px. */
function plot(options: Plot.PlotOptions): string {
  return renderPlot({
    width: 440,
    ...options,
    style: { background: 'transparent', fontSize: '14px',
      maxWidth: '500px' },
  });
}

/** Explicit log-axis ticks, labelled as given (Plot would thin them). */
function logAxes(xTicks: number[], yTicks: number[], xLabel: string,
  yLabel: string, fmt = (d: number) => `${d}`) {
  return [
    Plot.axisX(xTicks, { text: fmt, label: xLabel, labelAnchor: 'center',
      labelArrow: 'none' }),
    Plot.axisY(yTicks, { text: fmt, label: yLabel }),
    Plot.gridY(yTicks, { strokeOpacity: 0.1 }),
  ];
}

// ---------------------------------------------------------------------
// Shattering: three points, eight half-planes; what four points miss.

/** The three points of the figure and of the live demo. */
export const TRIANGLE: Point2[] = [[0.15, 0.2], [0.85, 0.3], [0.45, 0.85]];
const SQUARE: Point2[] = [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8]];
const INSIDE: Point2[] = [[0.1, 0.1], [0.9, 0.15], [0.45, 0.9],
  [0.48, 0.4]];

const bits = (mask: number, n: number) =>
  Array.from({ length: n }, (_, i) => (mask >> i) & 1).join(' ');

/** The segment of the line <w, x> + b = 0 inside the unit box, and a
 *  short arrow from its middle toward the side labelled 1. */
function lineInBox(w: Point2, b: number) {
  const pts: { x: number; y: number }[] = [];
  for (const t of [0, 1]) {
    if (Math.abs(w[1]) > 1e-12) {
      const y = -(b + w[0] * t) / w[1];
      if (y >= 0 && y <= 1) pts.push({ x: t, y });
    }
    if (Math.abs(w[0]) > 1e-12) {
      const x = -(b + w[1] * t) / w[0];
      if (x >= 0 && x <= 1) pts.push({ x, y: t });
    }
  }
  if (pts.length < 2) return null;
  const [p, q] = pts;
  const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
  const len = Math.hypot(w[0], w[1]);
  return { p, q, mid, to: { x: mid.x + 0.14 * w[0] / len,
    y: mid.y + 0.14 * w[1] / len } };
}

export function shatterFigure(): string {
  const panels: { panel: string; pts: readonly Point2[]; mask: number;
    w?: Point2; b?: number }[] = [];
  for (const [mask, h] of [...halfPlaneWitnesses(TRIANGLE)]
    .sort((a, b) => a[0] - b[0])) {
    panels.push({ panel: `(${bits(mask, 3)})`, pts: TRIANGLE, mask,
      w: h.w, b: h.b });
  }
  for (const [pts, masks] of [[SQUARE, [0b0101, 0b1010]],
    [INSIDE, [0b0111, 0b1000]]] as const) {
    const realized = halfPlanes.restrict(pts);
    for (const mask of masks) {
      if (realized.has(mask)) throw new Error('shatterFigure: realized');
      panels.push({ panel: `(${bits(mask, 4)})`, pts, mask });
    }
  }
  const cols = 4;
  const at = (k: number) => ({ fx: k % cols, fy: Math.floor(k / cols) });
  const dots = panels.flatMap((p, k) => p.pts.map(([x, y], i) => ({
    ...at(k), x, y, one: (p.mask >> i) & 1 })));
  const segs: Record<string, number>[] = [];
  const arrows: Record<string, number>[] = [];
  panels.forEach((p, k) => {
    const seg = p.w ? lineInBox(p.w, p.b!) : null;
    if (!seg) return;
    segs.push({ ...at(k), x1: seg.p.x, y1: seg.p.y, x2: seg.q.x,
      y2: seg.q.y });
    arrows.push({ ...at(k), x1: seg.mid.x, y1: seg.mid.y, x2: seg.to.x,
      y2: seg.to.y });
  });
  const titles = panels.map((p, k) => ({ ...at(k), text: p.panel }));
  const crosses = panels.flatMap((p, k) => p.w ? [] : [{ ...at(k),
    x: p.pts === SQUARE ? 0.5 : 0.84, y: p.pts === SQUARE ? 0.5 : 0.7 }]);
  const numbers = panels.flatMap((p, k) => p.pts.map(([x, y], i) => ({
    ...at(k), x, y, text: `${i + 1}`, right: x < 0.6 })));
  const number = (right: boolean) => Plot.text(
    numbers.filter((d) => d.right === right), { fx: 'fx', fy: 'fy',
      x: 'x', y: 'y', text: 'text', dx: right ? 10 : -10, dy: -9,
      fill: 'currentColor' });
  return plot({
    height: 400,
    marginTop: 8,
    marginLeft: 8,
    marginRight: 8,
    marginBottom: 8,
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.12 },
    x: { axis: null, domain: [-0.02, 1.02] },
    y: { axis: null, domain: [-0.02, 1.25] },
    marks: [
      Plot.frame({ strokeOpacity: 0.35 }),
      Plot.link(segs, { fx: 'fx', fy: 'fy', x1: 'x1', y1: 'y1', x2: 'x2',
        y2: 'y2', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.arrow(arrows, { fx: 'fx', fy: 'fy', x1: 'x1', y1: 'y1',
        x2: 'x2', y2: 'y2', stroke: PALETTE[0], headLength: 6 }),
      Plot.dot(crosses, { fx: 'fx', fy: 'fy', x: 'x', y: 'y',
        symbol: 'times', r: 12, stroke: PALETTE[4], strokeWidth: 2.5 }),
      Plot.dot(dots, { fx: 'fx', fy: 'fy', x: 'x', y: 'y', r: 5.5,
        stroke: 'currentColor', strokeWidth: 1.5,
        fill: (d: { one: number }) => (d.one ? PALETTE[1] : 'none') }),
      number(true),
      number(false),
      Plot.text(titles, { fx: 'fx', fy: 'fy', x: () => 0.5, y: () => 1.12,
        text: 'text', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The union bound: one fixed h, the ERM hypothesis, the whole class.

const union = () => unionStudy();

export function unionFigure(u: ReturnType<typeof unionStudy>): string {
  const rows = [
    { key: 'fixed', label: 'h₀, fixed in advance' },
    { key: 'erm', label: 'the ERM hypothesis' },
    { key: 'sup', label: `the largest of all ${u.sizeH}` },
  ] as const;
  const data = rows.flatMap((r) =>
    Array.from(u[r.key], (v) => ({ row: r.label, v })));
  const step = 1 / u.n; // the gaps are multiples of 1/n: one bin each
  const rules = [
    { v: u.single, text: 'Hoeffding', color: PALETTE[4], dash: '5,3' },
    { v: u.union, text: 'union bound', color: PALETTE[0], dash: 'none' },
  ];
  return plot({
    height: 380,
    marginLeft: 24,
    marginRight: 24,
    marginTop: 40,
    marginBottom: 44,
    fy: { label: null, domain: rows.map((r) => r.label), axis: null,
      padding: 0.3 },
    x: { label: `gap between L_S(h) and L_D(h) = ½, n = ${u.n}`,
      domain: [0, 0.2], ticks: [0, 0.05, 0.1, 0.15, 0.2],
      labelAnchor: 'center', labelArrow: 'none' },
    y: { axis: null },
    marks: [
      Plot.rectY(data, { fy: 'row', fill: PALETTE[5],
        stroke: 'currentColor', strokeWidth: 0.5,
        ...Plot.binX({ y: 'count' }, { x: 'v',
          thresholds: Array.from({ length: 42 },
            (_, i) => (i - 0.5) * step),
        }) }),
      Plot.ruleY([0]),
      ...rules.map((r) => Plot.ruleX([r.v], { stroke: r.color,
        strokeWidth: 2.5, strokeDasharray: r.dash })),
      ...rules.map((r) => Plot.text([{ v: r.v, row: rows[0].label }], {
        x: 'v', fy: 'row', frameAnchor: 'top', dy: -28, text: () => r.text,
        fill: 'currentColor', textAnchor: 'middle' })),
      Plot.text(rows.map((r) => ({ row: r.label })), { fy: 'row',
        frameAnchor: 'top-left', dy: -12, text: 'row',
        fill: 'currentColor', textAnchor: 'start' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Bounds and measured gaps against n, on the window.

export const GAP_SIZES = [25, 50, 100, 200, 400, 800, 1600, 3200, 6400];
const GAP = { reps: 400, draws: 400, seed: 11 };

type GapRow = ReturnType<typeof gapStudy>[number];

export function boundsFigure(rows: GapRow[], title: string): string {
  const series = [
    { label: 'Thm 6.11', color: PALETTE[3], dash: '2,3',
      symbol: 'diamond', get: (r: GapRow) => r.bounds.vcMarkov },
    { label: 'VC + Massart', color: PALETTE[2], dash: '10,3,2,3',
      symbol: 'triangle', get: (r: GapRow) => r.bounds.vcRademacher },
    { label: 'Rademacher', color: PALETTE[0], dash: '6,3',
      symbol: 'square', get: (r: GapRow) => r.bounds.rademacher },
    { label: 'finite |H|', color: PALETTE[1], dash: '3,2',
      symbol: 'circle', get: (r: GapRow) => r.bounds.finite },
    { label: 'sup gap', color: PALETTE[4], dash: '',
      symbol: 'star', get: (r: GapRow) => r.quantile },
    { label: 'ERM gap', color: 'currentColor', dash: '',
      symbol: 'times', get: (r: GapRow) => r.ermQuantile },
  ];
  const last = rows[rows.length - 1];
  const labelY = spreadLog(series.map((s) => s.get(last)), 1.5);
  const marks: Plot.Markish[] = [Plot.ruleY([1], {
    stroke: 'currentColor', strokeDasharray: '1,3' })];
  series.forEach((s, i) => {
    const pts = rows.map((r) => ({ n: r.n, v: s.get(r) }));
    marks.push(
      Plot.line(pts, { x: 'n', y: 'v', stroke: s.color, strokeWidth: 2,
        strokeDasharray: s.dash }),
      Plot.dot(pts, { x: 'n', y: 'v', stroke: s.color, symbol: s.symbol,
        fill: s.symbol === 'times' ? 'none' : s.color, r: 3.5 }),
      Plot.text([{ n: last.n, v: labelY[i] }], { x: 'n', y: 'v',
        text: () => s.label, dx: 8, textAnchor: 'start',
        fill: 'currentColor' }),
    );
  });
  const first = rows[0].n;
  const nTicks = rows.map((r) => r.n).filter((_, i) => i % 2 === 0);
  return plot({
    height: 400,
    marginLeft: 48,
    marginRight: 112,
    marginBottom: 44,
    x: { type: 'log', domain: [first, last.n] },
    y: { type: 'log', domain: [0.003, 30] },
    marks: [
      ...logAxes(nTicks, [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5,
        10, 20],
        `${title}: training-set size n`, '↑ gap, or its bound'),
      ...marks,
      label(rows[Math.floor(rows.length / 2)].n, 1, 'gap = 1',
        { dy: -8, anchor: 'middle' }),
    ],
  });
}

/** Label heights near ys on a log axis, at least a factor `gap` apart. */
function spreadLog(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y: Math.log(y), i }))
    .sort((p, q) => p.y - q.y);
  for (let t = 1; t < order.length; t++) {
    order[t].y = Math.max(order[t].y, order[t - 1].y + Math.log(gap));
  }
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = Math.exp(o.y);
  return out;
}

// ---------------------------------------------------------------------
// The realizable case: how often ERM misses eps, against n.

export function realizableFigure(r: ReturnType<typeof realizableStudy>) {
  const pts = r.rows.map((row) => ({ n: row.n, share: row.share }));
  return plot({
    height: 300,
    marginTop: 28,
    marginRight: 20,
    marginBottom: 40,
    x: { label: 'training-set size n', labelAnchor: 'center',
      labelArrow: 'none', domain: [0, r.needed + 6] },
    y: { label: 'share with L_D(h_S) > ε', domain: [0, 0.8],
      grid: true, tickFormat: (d: number) => `${Math.round(100 * d)}%` },
    marks: [
      Plot.ruleY([r.delta], { stroke: PALETTE[4], strokeDasharray: '5,3',
        strokeWidth: 2 }),
      label(5, r.delta, `δ = ${r.delta}`, { dy: -8 }),
      Plot.ruleX([r.needed], { stroke: PALETTE[0], strokeWidth: 2 }),
      label(r.needed, 0.7, `Corollary 2.3:`, { anchor: 'end', dx: -6 }),
      label(r.needed, 0.62, `n = ${r.needed}`, { anchor: 'end', dx: -6 }),
      Plot.line(pts, { x: 'n', y: 'share', stroke: 'currentColor' }),
      Plot.dot(pts, { x: 'n', y: 'share', fill: PALETTE[1],
        stroke: 'currentColor', r: 4 }),
    ],
  });
}

// ---------------------------------------------------------------------
// What the chapter shows.

function vcSearches() {
  const line8 = Array.from({ length: 8 }, (_, i) => i);
  const grid: Point2[] = Array.from({ length: 16 },
    (_, t) => [t % 4, Math.floor(t / 4)] as Point2);
  const s = [vcSearch(thresholds, line8), vcSearch(intervals, line8),
    vcSearch(halfPlanes, grid)];
  return s.map((r) => ({ dimension: r.dimension,
    examined: [...r.examined], witness: JSON.stringify(r.witness) }));
}

function unionNumbers(u: ReturnType<typeof unionStudy>) {
  // exact P(|X/n - 1/2| > r) for X ~ Binomial(n, 1/2): one fixed h
  const lo = Math.ceil(u.n * (0.5 - u.single)) - 1;
  const hi = Math.floor(u.n * (0.5 + u.single));
  const exactTail = binomialCdf(lo, u.n, 0.5) + binomialSf(hi, u.n, 0.5);
  return {
    K: u.K, sizeH: u.sizeH, n: u.n, reps: u.reps, delta: u.delta,
    single: u.single, union: u.union,
    fixedOver: u.fixedOver, ermOver: u.ermOver, supOver: u.supOver,
    exactTail,
    // a valid bound that fails with probability exactly delta exceeds
    // delta * reps failures this often
    tightChance: binomialSf(Math.floor(u.delta * u.reps), u.reps, u.delta),
    supQuantile: quantile(u.sup, 1 - u.delta),
    supRatio: quantile(u.sup, 1 - u.delta) / u.union,
    allowed: binomialQuantile(1 - 1e-9, u.reps, u.delta),
    expected: Math.floor(u.delta * u.reps),
    confidence: 1 - u.delta,
    // the chance that a bound failing with probability exactTail fails
    // more than delta * reps times in reps tries
    chance: binomialSf(Math.floor(u.delta * u.reps), u.reps, exactTail),
  };
}

/** Our results beside the reference script's (SciPy, enumeration). */
function agreement() {
  const rel = (a: number, b: number) =>
    a === b ? 0 : Math.abs(a - b) / Math.abs(b);
  let logpmf = 0;
  let tails = 0;
  let quantiles = true;
  for (const c of ref.binomial) {
    c.k.forEach((k, i) => {
      logpmf = Math.max(logpmf, rel(binomialLogPmf(k, c.n, c.p),
        c.logpmf[i]));
      tails = Math.max(tails, rel(binomialCdf(k, c.n, c.p), c.cdf[i]));
      if (c.sf[i] > 0) {
        tails = Math.max(tails, rel(binomialSf(k, c.n, c.p), c.sf[i]));
      }
    });
    c.q.forEach((q, i) => {
      quantiles &&= binomialQuantile(q, c.n, c.p) === c.ppf[i];
    });
  }
  let sets = 0;
  let rademacher = 0;
  for (const s of ref.half_planes) {
    const ours = [...halfPlanes.restrict(s.points as unknown as Point2[])]
      .sort((a, b) => a - b);
    if (JSON.stringify(ours) === JSON.stringify(s.labellings)) sets += 1;
    if (s.rademacher !== undefined) {
      rademacher = Math.max(rademacher, Math.abs(rademacherExact(
        labellingCorrelator(ours), s.points.length) - s.rademacher));
    }
  }
  for (const row of ref.line) {
    const xs = Array.from({ length: row.m }, (_, i) => i);
    rademacher = Math.max(rademacher,
      Math.abs(rademacherExact(thresholdCorrelator(xs), row.m) -
        row.thresholds.rademacher),
      Math.abs(rademacherExact(intervalCorrelator(xs), row.m) -
        row.intervals.rademacher));
  }
  let sauer = 0;
  for (const c of ref.sauer) {
    sauer = Math.max(sauer, rel(sauerBound(c.m, c.d), c.sum));
  }
  return { logpmf, tails, quantiles, sets, rademacher, sauer,
    lineSizes: ref.line.length };
}

function nflTable() {
  return Object.entries(LEARNERS).map(([name, L]) => {
    const { mean, share } = noFreeLunch(4, L);
    let avg = 0;
    let worst = 0;
    let worstShare = 0;
    mean.forEach((v, f) => {
      avg += v / mean.length;
      worst = Math.max(worst, v);
      worstShare = Math.max(worstShare, share[f]);
    });
    return { name, avg, worst, worstShare };
  });
}

/** Where the Rademacher bound and the VC bound through Massart lose,
 *  at the largest n: E R against its factor 2, the McDiarmid term
 *  against a one-sided one for a loss in [0, 1], and Massart with the
 *  growth function against Massart with the labellings this sample can
 *  have (at most one per interval of the K values). */
function looseness(top: GapRow, K: number) {
  const { n, delta } = top;
  const rad = top.rad.mean;
  const oneSided = Math.sqrt(Math.log(1 / delta) / (2 * n));
  return {
    n, rad, twoRad: 2 * rad, bound: top.bounds.rademacher,
    mcdiarmid: top.bounds.rademacher - 2 * rad,
    oneSided, oneSidedBound: 2 * rad + oneSided,
    oneSidedRatio: (2 * rad + oneSided) / top.oneQuantile,
    tau: GROWTH.intervals(n), labellings: intervalCount(K),
    massartTau: labellingMassart(GROWTH.intervals(n), n),
    massartCount: labellingMassart(intervalCount(K), n),
  };
}

function gapNumbers(rows: GapRow[]) {
  return rows.map((r) => ({
    n: r.n, quantile: r.quantile, oneQuantile: r.oneQuantile,
    ermQuantile: r.ermQuantile,
    meanGap: r.meanGap, gapSe: r.gapSe, rad: r.rad.mean, radSe: r.rad.se,
    ...r.bounds, failures: r.failures,
    failed: r.failures.finite + r.failures.vcMarkov +
      r.failures.vcRademacher + r.failures.rademacher,
  }));
}

export default cached('learning-theory', () => {
  const u = union();
  const D = windowPopulation();
  const gap = gapStudy(D, { sizes: GAP_SIZES, delta: DELTA, ...GAP });
  const real = realizableStudy({ sizes: REALIZABLE_SIZES });
  const cancer = cancerPopulation();
  const cancerBest = minRun(cancer.D.p.map((p, k) =>
    p * (1 - 2 * cancer.D.q[k])));
  const cancerGap = gapStudy(cancer.D, { sizes: [20, 40, 80, 160, 320, 640],
    delta: DELTA, ...GAP });
  // the smallest n at which Theorem 6.11's bound drops to 1, by bisection
  const markov = (n: number) =>
    vcMarkovRadius(n, GROWTH.intervals(2 * n), DELTA);
  let [lo, hi] = [1, 1];
  while (markov(hi) > 1) [lo, hi] = [hi, 2 * hi];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (markov(mid) > 1) lo = mid;
    else hi = mid;
  }
  const firstUseful = hi;
  const thr = rademacherMonteCarlo(thresholdCorrelator(
    Array.from({ length: 1000 }, (_, i) => i)), 1000, 2000, 3);
  const K = WINDOW.K;
  const top = gap[gap.length - 1];
  const bottom = gap[0];
  // from this n on, every share of failures is at most delta
  const enoughAt = real.rows.findLastIndex((row) => row.share > DELTA) + 1;
  const enough = real.rows[enoughAt];
  const grids = finerGridStudy(GRIDS, { n: top.n, delta: DELTA,
    ...GRID });
  return {
    ratios: {
      n: top.n,
      finite: top.bounds.finite / top.quantile,
      // the one-sided bounds against the one-sided gap
      rademacher: top.bounds.rademacher / top.oneQuantile,
      vcRademacher: top.bounds.vcRademacher / top.oneQuantile,
      vcMarkov: top.bounds.vcMarkov / top.quantile,
      ermToSup: top.ermQuantile / top.quantile,
      slope: Math.log(top.quantile / bottom.quantile) /
        Math.log(top.n / bottom.n),
    },
    looseness: looseness(top, K),
    grids: grids.map((g) => ({ K: g.K, rad: g.rad.mean, radSe: g.rad.se,
      ...g.bounds, quantile: g.quantile, oneQuantile: g.oneQuantile })),
    crossing: {
      vc: crossingGrid(top.n, DELTA, top.bounds.vcRademacher),
      rademacher: crossingGrid(top.n, DELTA, top.bounds.rademacher),
      // a float64 feature has fewer than 2^64 values, so fewer than
      // 2^64 (2^64 + 1) / 2 + 1 < 2^128 intervals
      float64: finiteClassRadius(top.n, 2 ** 128, DELTA),
    },
    refuteAt: binomialQuantile(1 - 1e-9, GAP.reps, DELTA),
    gridReps: GRID.reps,
    gridDraws: GRID.draws,
    // E R at the finest grid against the coarsest, in standard errors
    gridRadZ: (grids[grids.length - 1].rad.mean - grids[0].rad.mean) /
      Math.hypot(grids[0].rad.se, grids[grids.length - 1].rad.se),
    // Exercise 5: exact R({a, -a}) over Massart's bound, as n grows
    opposite: {
      limit: Math.sqrt(2 / Math.PI) / Math.sqrt(2 * Math.log(2)) },
    gapFailures: gapNumbers(gap).reduce((c, g) => c + g.failed, 0),
    realizableEnough: enough.n,
    realizableSe: Math.sqrt(DELTA * (1 - DELTA) / real.reps),
    realizableEnoughShare: enough.share,
    delta: DELTA,
    window: { ...WINDOW, size: intervalCount(K) },
    shatterFigure: shatterFigure(),
    triangle: TRIANGLE.map((p) => [...p]),
    search: vcSearches(),
    growth: [4, 5, 10, 100].map((n) => ({ n,
      thresholds: GROWTH.thresholds(n), intervals: GROWTH.intervals(n),
      planes: GROWTH['half-planes'](n), sauer3: sauerBound(n, 3),
      all: 2 ** n })),
    nfl4: { n: 4, functions: 2 ** 8, samples: 8 ** 4 },
    gapReps: GAP.reps,
    gapDraws: GAP.draws,
    union: unionNumbers(u),
    inside: 1 - WINDOW.noise,
    unionFigure: unionFigure(u),
    realizable: real,
    realizableLast: real.rows[real.rows.length - 1],
    realizableAllowed: Math.floor(DELTA * real.reps),
    realizableFactor: real.needed / enough.n,
    realizableFigure: realizableFigure(real),
    ucSize: uniformConvergenceSize(intervalCount(K), 0.05, DELTA),
    hoeffding100: hoeffdingRadius(100, DELTA),
    exact200: exactRadius(200, DELTA),
    finite100: finiteClassRadius(100, intervalCount(K), DELTA),
    nfl: nflTable(),
    nflConsistent: nflConsistentMean(4),
    gap: gapNumbers(gap),
    boundsFigure: boundsFigure(gap, 'therapeutic window'),
    vcMarkovUseful: firstUseful,
    thresholds1000: { mc: thr.mean, se: thr.se, draws: thr.draws,
      exact: thresholdRademacher(1000),
      massart: labellingMassart(GROWTH.thresholds(1000), 1000),
      massartRatio: labellingMassart(GROWTH.thresholds(1000), 1000) /
        thresholdRademacher(1000) },
    cancer: {
      masses: cancer.masses, distinct: cancer.values.length,
      feature: CANCER_FEATURE,
      planeFeatures: PLANE_FEATURES, positive: cancer.D.positive,
      best: { lo: cancer.values[cancerBest.k1],
        hi: cancer.values[cancerBest.k2 - 1],
        risk: intervalRisk(cancer.D, cancerBest.k1, cancerBest.k2) },
      size: intervalCount(cancer.values.length),
      gap: gapNumbers(cancerGap),
      rademacher: [10, 20, 30].flatMap((n) => cancerRademacher(n, 2000, 5)
        .map((r) => ({ name: r.name, dVC: r.dVC, n: r.n, size: r.size,
          mean: r.estimate.mean, se: r.estimate.se,
          massart: r.massart }))),
    },
    reference: {
      ...agreement(),
      setCount: ref.half_planes.length,
      labellings: ref.half_planes.reduce((c, s) => c + s.labellings.length,
        0),
      versions: ref.versions,
    },
  };
}, { reason: 'the gap studies draw 400 samples at each of 9 sizes up to ' +
  'n = 6400 (and 6 on the real data), with E_S R from 400 Monte Carlo ' +
  'draws each, and Exercise 6 repeats them on grids of up to 10^5 ' +
  'doses: about 15 s of CPU, more on a loaded machine' });
