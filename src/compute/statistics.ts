// Build-time computation of "Statistics and estimation": its six
// figures and every number its prose shows, computed by the chapter's
// code, seeded, and cached (src/lib/cache.ts). Colour is always paired
// with a dash pattern, a symbol or a direct label, so print and
// colour-blind readers lose nothing.
import { cached } from '../lib/cache.ts';
import { label, once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import ref from '../../tests/fixtures/statistics/reference.json' with {
  type: 'json',
};
import { relativeError } from '../../code/introduction/check.ts';
import {
  histogram,
  normalProbability,
} from '../../code/introduction/stats.ts';
import { normalQuantile } from '../../code/statistics/normal-quantile.ts';
import {
  T_QUANTILE_LARGE_NU,
  T_TAIL_SWITCH,
  tQuantile,
} from '../../code/statistics/student-t.ts';
import {
  COVERAGE_MU,
  COVERAGE_SIGMA,
  TEST_SIZES,
  exactBootstrapCoverage,
} from '../../code/statistics/experiments.ts';
import { coverage, zInterval } from '../../code/statistics/intervals.ts';
import type { Rng } from '../../code/introduction/random.ts';
import {
  NEWCOMB_B,
  NEWCOMB_PATH_M,
  SPEED_OF_LIGHT,
} from '../../code/statistics/newcomb.ts';
import {
  exactCoverage,
  plusFourInterval,
  waldInterval,
} from '../../code/statistics/solutions/wald.ts';
import {
  varianceRatio,
} from '../../code/statistics/solutions/mean-median.ts';
import {
  maxReplicateShare,
} from '../../code/statistics/solutions/bootstrap-max.ts';
import { createRng } from '../../code/introduction/random.ts';
import { betaLogPdf, gammaLogPdf } from '../../code/probability/gamma.ts';
import {
  METHODS,
  coverageStudy,
  plugInCoverage,
  varianceStudy,
  type Method,
} from '../../code/statistics/experiments.ts';
import { varianceEstimatorTheory } from '../../code/statistics/estimators.ts';
import { bernoulliMle } from '../../code/statistics/likelihood.ts';
import {
  betaBernoulliPosterior,
  betaMean,
  betaMode,
} from '../../code/statistics/map.ts';
import { loadNewcomb, newcombStudy } from '../../code/statistics/newcomb.ts';
import type { Coverage } from '../../code/statistics/intervals.ts';

// ---------------------------------------------------------------------
// Beta–Bernoulli: prior, likelihood, posterior; MLE, MAP, mean.

/** The prior and the data of the MAP example: 7 ones in 20 trials. */
export const BB_PRIOR = { a: 5, b: 5 };
export const BB_DATA = Float64Array.from({ length: 20 },
  (_, i) => (i < 7 ? 1 : 0));

export const betaBernoulliExample = once(() => {
  const post = betaBernoulliPosterior(BB_PRIOR, BB_DATA);
  const k = BB_DATA.reduce((s, x) => s + x, 0);
  return {
    n: BB_DATA.length,
    k,
    post,
    mle: bernoulliMle(BB_DATA),
    map: betaMode(post),
    mean: betaMean(post),
    priorMean: betaMean(BB_PRIOR),
  };
});

export function betaBernoulliFigure(): string {
  const ex = betaBernoulliExample();
  const grid = Array.from({ length: 399 }, (_, i) => (i + 1) / 400);
  const curve = (a: number, b: number) =>
    grid.map((p) => ({ p, y: Math.exp(betaLogPdf(p, a, b)) }));
  const prior = curve(BB_PRIOR.a, BB_PRIOR.b);
  // the likelihood p^k (1-p)^(n-k), scaled to area 1: Beta(k+1, n-k+1)
  const lik = curve(ex.k + 1, ex.n - ex.k + 1);
  const post = curve(ex.post.a, ex.post.b);
  let top = 0;
  for (const d of post) top = Math.max(top, d.y);
  const at = (d: { p: number; y: number }[], p: number) =>
    d.reduce((best, q) =>
      Math.abs(q.p - p) < Math.abs(best.p - p) ? q : best).y;
  const rule = (p: number, dash: string) =>
    Plot.ruleX([p], {
      stroke: 'currentColor',
      strokeOpacity: 0.6,
      strokeDasharray: dash,
    });
  return renderPlot({
    marginBottom: 40,
    x: { label: 'p', labelAnchor: 'center', labelArrow: 'none',
      domain: [0, 1] },
    y: { label: 'density', grid: true, domain: [0, top * 1.25] },
    marks: [
      Plot.line(prior, { x: 'p', y: 'y', stroke: PALETTE[1],
        strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.line(lik, { x: 'p', y: 'y', stroke: PALETTE[0],
        strokeWidth: 2, strokeDasharray: '2,3' }),
      Plot.line(post, { x: 'p', y: 'y', stroke: PALETTE[2],
        strokeWidth: 2.5 }),
      rule(ex.mle, '2,3'),
      rule(ex.map, 'none'),
      label(0.5, at(prior, 0.5),
        `prior Beta(${BB_PRIOR.a}, ${BB_PRIOR.b})`, { dy: -8 }),
      label(0.2, at(lik, 0.2), 'likelihood (scaled)',
        { anchor: 'end', dy: -6 }),
      label(ex.map + 0.04, top * 0.95,
        `posterior Beta(${ex.post.a}, ${ex.post.b})`),
      label(ex.mle, top * 1.17, 'MLE', { anchor: 'end' }),
      label(ex.map, top * 1.17, 'MAP'),
      Plot.dot([{ p: ex.mean, y: at(post, ex.mean) }], {
        x: 'p', y: 'y', symbol: 'diamond', fill: PALETTE[2], r: 5,
      }),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------
// Sampling distributions of S/n and S/(n-1), and MSE against c.

export const SAMPLING = { seed: 6, n: 5, sigma2: 1, reps: 40_000 };
/** Divisors c simulated for the MSE figure (same samples for all). */
export const SAMPLING_DIVISORS = [3, 4, 5, 6, 7, 8, 9, 10];

export const samplingStudy = once(() =>
  varianceStudy(SAMPLING.seed, SAMPLING.n, SAMPLING.sigma2, SAMPLING.reps,
    SAMPLING_DIVISORS));

/** The study's row for divisor c. */
export function samplingRow(c: number) {
  const row = samplingStudy().find((r) => r.c === c);
  if (!row) throw new Error(`samplingRow: no divisor ${c} in the study`);
  return row;
}

export function samplingFigure(): string {
  const { n, sigma2 } = SAMPLING;
  const lo = 0;
  const hi = 4;
  const bins = 64;
  const w = (hi - lo) / bins;
  const step = (c: number) => {
    const rows = samplingRow(c).estimates;
    const counts = histogram(rows, lo, hi, bins);
    return counts.flatMap((k, i) => [
      { v: lo + i * w, y: k / (rows.length * w) },
      { v: lo + (i + 1) * w, y: k / (rows.length * w) },
    ]);
  };
  // S / sigma2 ~ chi-square(n - 1) = Gamma(shape (n-1)/2, rate 1/2)
  const density = (c: number) =>
    Array.from({ length: 200 }, (_, i) => {
      const v = lo + ((i + 0.5) * (hi - lo)) / 200;
      const s = (c * v) / sigma2;
      return { v, y: (c / sigma2) * Math.exp(
        gammaLogPdf(s, (n - 1) / 2, 1 / 2)) };
    });
  const styles = [
    { c: n, color: PALETTE[4], dash: 'none', text: 'S/n (MLE)' },
    { c: n - 1, color: PALETTE[0], dash: '6,3', text: 'S/(n−1)' },
  ];
  const marks = styles.flatMap((s) => {
    const mean = samplingRow(s.c).measured.mean;
    return [
      Plot.line(step(s.c), { x: 'v', y: 'y', stroke: s.color,
        strokeWidth: 1.8, strokeDasharray: s.dash }),
      Plot.line(density(s.c), { x: 'v', y: 'y', stroke: 'currentColor',
        strokeOpacity: 0.5, strokeWidth: 1 }),
      Plot.ruleX([mean], { stroke: s.color, strokeWidth: 2,
        strokeDasharray: s.dash, y1: 0, y2: 0.95 }),
      label(mean, 0.95, `mean of ${s.text}`, {
        anchor: s.c === n ? 'end' : 'start', dy: s.c === n ? -8 : -20,
      }),
    ];
  });
  return renderPlot({
    marginBottom: 40,
    x: { label: 'estimate of σ² (true value 1)', labelAnchor: 'center',
      labelArrow: 'none', domain: [lo, hi] },
    y: { label: 'density', grid: true, domain: [0, 1.05] },
    marks: [
      ...marks,
      Plot.ruleX([sigma2], { stroke: 'currentColor',
        strokeDasharray: '2,3' }),
      Plot.ruleY([0]),
    ],
  });
}

export function mseFigure(): string {
  const { n, sigma2 } = SAMPLING;
  const cs = Array.from({ length: 141 }, (_, i) => 3 + i * 0.05);
  const theory = cs.map((c) => ({ c, ...varianceEstimatorTheory(n, c,
    sigma2) }));
  const sim = samplingStudy().map((r) => ({ c: r.c, ...r.measured,
    bias2: r.measured.bias ** 2 }));
  const series = [
    { key: 'mse', sim: 'mse', color: PALETTE[0], dash: 'none',
      symbol: 'circle', text: 'MSE' },
    { key: 'variance', sim: 'variance', color: PALETTE[2], dash: '6,3',
      symbol: 'square', text: 'variance' },
    { key: 'bias2', sim: 'bias2', color: PALETTE[4], dash: '2,3',
      symbol: 'triangle', text: 'bias²' },
  ] as const;
  const theoryRows = theory.map((t) => ({ ...t, bias2: t.bias ** 2 }));
  const last = theoryRows[theoryRows.length - 1];
  const marks = series.flatMap((s) => [
    Plot.line(theoryRows, { x: 'c', y: s.key, stroke: s.color,
      strokeWidth: 2, strokeDasharray: s.dash }),
    Plot.dot(sim, { x: 'c', y: s.sim, symbol: s.symbol, fill: s.color,
      r: 3.5 }),
    label(last.c, last[s.key], s.text, { dx: 8 }),
  ]);
  return renderPlot({
    marginRight: 70,
    marginBottom: 40,
    x: { label: `divisor c in S/c (n = ${n})`, labelAnchor: 'center',
      labelArrow: 'none', ticks: SAMPLING_DIVISORS,
      tickFormat: (v: number) => String(v) },
    y: { label: 'in units of σ⁴', grid: true, domain: [0, 1.05] },
    marks: [
      ...marks,
      Plot.ruleX([n + 1], { stroke: 'currentColor',
        strokeDasharray: '2,3', strokeOpacity: 0.6 }),
      label(n + 1, 1.0, 'c = n + 1'),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------
// Coverage of four 95% intervals against the sample size.

export const COVERAGE = { seed: 100, reps: 1000, B: 300,
  ns: [4, 8, 16, 32, 64] };

export const coverageRuns = once(() =>
  COVERAGE.ns.map((n, i) => ({
    n,
    byMethod: coverageStudy(COVERAGE.seed + 10 * i, n, COVERAGE.reps,
      COVERAGE.B) as Record<Method, Coverage>,
  })));

const METHOD_STYLE: Record<Method, { color: string; symbol: string }> = {
  'z, σ known': { color: PALETTE[1], symbol: 'diamond' },
  t: { color: PALETTE[0], symbol: 'circle' },
  'z, σ estimated': { color: PALETTE[4], symbol: 'triangle' },
  bootstrap: { color: PALETTE[2], symbol: 'square' },
};

export function coverageFigure(): string {
  const runs = coverageRuns();
  const se = Math.sqrt((0.95 * 0.05) / COVERAGE.reps);
  const fine = Array.from({ length: 121 }, (_, i) => 4 * 16 ** (i / 120));
  const exact = (f: (n: number) => number) =>
    fine.map((n) => ({ n, y: f(n) }));
  // the exact formulas need an integer n; interpolate between them
  const smooth = (g: (n: number) => number) => (n: number) => {
    const a = Math.floor(n);
    return g(a) + (n - a) * (g(a + 1) - g(a));
  };
  const plug = smooth((n) => plugInCoverage(n));
  const boot = smooth((n) => plugInCoverage(n, Math.sqrt((n - 1) / n)));
  const points = runs.flatMap((r) => METHODS.map((m) => ({
    n: r.n, method: m, rate: r.byMethod[m].rate })));
  // a legend drawn inside the plot: marker or line sample, then text
  const key = METHODS.map((m, i) => ({ n: 22, y: 0.86 - 0.02 * i,
    method: m, text: m === 'bootstrap' ? 'bootstrap percentile' : m }));
  const curves = [
    { y: 0.78, color: PALETTE[4], dash: '6,3',
      text: 'exact: z, σ estimated' },
    { y: 0.76, color: PALETTE[2], dash: '2,3',
      text: 'bootstrap, normal approximation' },
  ];
  const dots = (data: typeof points | typeof key, y: string) =>
    METHODS.map((m) => Plot.dot(data.filter((d) => d.method === m), {
      x: 'n', y, symbol: METHOD_STYLE[m].symbol,
      fill: METHOD_STYLE[m].color, r: 4.5, fillOpacity: 0.9 }));
  return renderPlot({
    marginBottom: 40,
    marginRight: 20,
    x: { type: 'log', label: 'sample size n', labelAnchor: 'center',
      labelArrow: 'none', ticks: COVERAGE.ns, tickFormat: String,
      domain: [4, 64], inset: 14 },
    y: { label: 'share of intervals covering μ', grid: true,
      domain: [0.74, 0.985], tickFormat: (v: number) => v.toFixed(2) },
    marks: [
      Plot.rect([{ x1: 4, x2: 64, y1: 0.95 - 2 * se,
        y2: 0.95 + 2 * se }], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2',
        fill: 'currentColor', fillOpacity: 0.08 }),
      Plot.ruleY([0.95], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.line(exact(plug), { x: 'n', y: 'y', stroke: PALETTE[4],
        strokeDasharray: '6,3' }),
      Plot.line(exact(boot), { x: 'n', y: 'y', stroke: PALETTE[2],
        strokeDasharray: '2,3' }),
      ...dots(points, 'rate'),
      ...dots(key, 'y'),
      Plot.text(key, { x: 'n', y: 'y', text: 'text', dx: 10,
        textAnchor: 'start', fill: 'currentColor' }),
      ...curves.flatMap((c) => [
        Plot.line([{ n: 18.5, y: c.y }, { n: 22, y: c.y }], { x: 'n',
          y: 'y', stroke: c.color, strokeWidth: 2,
          strokeDasharray: c.dash }),
        Plot.text([{ n: 22, y: c.y }], { x: 'n', y: 'y',
          text: () => c.text, dx: 10, textAnchor: 'start',
          fill: 'currentColor' }),
      ]),
    ],
  });
}

/** Coverage measured at size n by one method. */
export function coverageAt(n: number, method: Method): Coverage {
  const run = coverageRuns().find((r) => r.n === n);
  if (!run) throw new Error(`coverageAt: no run at n = ${n}`);
  return run.byMethod[method];
}

// ---------------------------------------------------------------------
// Newcomb's data and the bootstrap distributions of mean and median.

export const newcomb = once(() => newcombStudy());

export function newcombDataFigure(): string {
  const xs = Array.from(loadNewcomb(), (v) => ({ v }));
  const { all } = newcomb();
  return renderPlot({
    height: 170,
    marginBottom: 40,
    x: { label: 'passage time − 24 800 ns', labelAnchor: 'center',
      labelArrow: 'none', domain: [-48, 44] },
    y: { axis: null },
    marks: [
      Plot.dotX(xs, Plot.dodgeY({ x: 'v', r: 3.2, anchor: 'bottom',
        fill: PALETTE[0], fillOpacity: 0.8 })),
      Plot.ruleX([all.mle.mu], { stroke: PALETTE[4], strokeWidth: 2,
        strokeDasharray: '6,3' }),
      Plot.ruleX([all.median], { stroke: PALETTE[2], strokeWidth: 2 }),
      Plot.text([{ x: all.mle.mu }], { x: 'x', frameAnchor: 'top',
        text: () => 'mean', textAnchor: 'end', dx: -4, dy: 4,
        fill: 'currentColor' }),
      Plot.text([{ x: all.median }], { x: 'x', frameAnchor: 'top',
        text: () => 'median', textAnchor: 'start', dx: 4, dy: 4,
        fill: 'currentColor' }),
    ],
  });
}

export function newcombBootstrapFigure(): string {
  const { all } = newcomb();
  // bins of width 1/2 centred on the integers and half integers, the
  // only values a median of 66 integers can take
  const lo = 20.75;
  const hi = 31.25;
  const bins = 21;
  const w = (hi - lo) / bins;
  const step = (reps: Float64Array) =>
    histogram(reps, lo, hi, bins).flatMap((k, i) => [
      { v: lo + i * w, y: k / (reps.length * w) },
      { v: lo + (i + 1) * w, y: k / (reps.length * w) },
    ]);
  const mean = step(all.meanReps);
  const med = step(all.medianReps);
  let top = 0;
  for (const d of [...mean, ...med]) top = Math.max(top, d.y);
  const band = (i: { lo: number; hi: number }, y: number, color: string,
    dash: string) =>
    Plot.link([{ x1: i.lo, x2: i.hi, y }], { x1: 'x1', x2: 'x2',
      y1: 'y', y2: 'y', stroke: color, strokeWidth: 3,
      strokeDasharray: dash, markerStart: 'tick', markerEnd: 'tick' });
  return renderPlot({
    marginBottom: 40,
    x: { label: 'bootstrap replicate (ns − 24 800)', labelAnchor: 'center',
      labelArrow: 'none', domain: [lo, hi], ticks: 10 },
    y: { label: 'density', grid: true, domain: [0, top * 1.3] },
    marks: [
      Plot.line(mean, { x: 'v', y: 'y', stroke: PALETTE[4],
        strokeWidth: 1.8, strokeDasharray: '6,3' }),
      Plot.line(med, { x: 'v', y: 'y', stroke: PALETTE[2],
        strokeWidth: 1.8 }),
      band(all.meanBoot, top * 1.08, PALETTE[4], '6,3'),
      band(all.medianBoot, top * 1.2, PALETTE[2], 'none'),
      // to the left of each interval, clear of its end tick
      label(all.meanBoot.lo, top * 1.08, '95% interval, mean',
        { anchor: 'end', dx: -9 }),
      label(all.medianBoot.lo, top * 1.2, '95% interval, median',
        { anchor: 'end', dx: -9 }),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------
// Numbers the prose shows.

/** The largest of `values` (a loop, no spread). */
function largest(values: number[]): number {
  let m = -Infinity;
  for (const v of values) m = Math.max(m, v);
  return m;
}

/** Standard errors of the simulated bias, variance and MSE of S/c. */
function samplingErrors(c: number) {
  const { estimates, measured } = samplingRow(c);
  const R = estimates.length;
  const k = SAMPLING.n - 1; // S / sigma2 is chi-square with k dof
  const scale = (SAMPLING.sigma2 / c) ** 2;
  let m2 = 0; // the variance of (estimate - truth)^2
  for (const v of estimates) {
    m2 += ((v - SAMPLING.sigma2) ** 2 - measured.mse) ** 2 / R;
  }
  return {
    bias: Math.sqrt(measured.variance / R),
    variance: Math.sqrt((12 * k * (k + 4) - 4 * k * k) / R) * scale,
    mse: Math.sqrt(m2 / R),
  };
}

/** A row of the sampling study as plain data, with standard errors. */
function samplingSummary(c: number) {
  const { measured, theory } = samplingRow(c);
  return { c, measured, theory, se: samplingErrors(c) };
}

/** The three divisors the prose compares, and the largest |z| of
 *  the simulated numbers it prints against their exact values. */
function samplingNumbers() {
  const mle = samplingSummary(SAMPLING.n);
  const unbiased = samplingSummary(SAMPLING.n - 1);
  const best = samplingSummary(SAMPLING.n + 1);
  const z = (m: number, t: number, se: number) => Math.abs(m - t) / se;
  const maxZ = largest([
    z(mle.measured.bias, mle.theory.bias, mle.se.bias),
    z(mle.measured.variance, mle.theory.variance, mle.se.variance),
    ...[mle, unbiased, best].map((row) =>
      z(row.measured.mse, row.theory.mse, row.se.mse)),
  ]);
  return { n: SAMPLING.n, reps: SAMPLING.reps, mle, unbiased, best, maxZ };
}

/** Coverage of each method at each n as z-scores from 95%. */
function coverageSummary() {
  const runs = coverageRuns();
  const z = (m: Method) => runs.map((r) => (r.byMethod[m].rate - 0.95) /
    r.byMethod[m].se);
  const exactZ = [...z('z, σ known'), ...z('t')].map(Math.abs);
  const outside = exactZ.filter((v) => v > 2).length;
  const nBig = COVERAGE.ns[COVERAGE.ns.length - 1];
  const nSmall = COVERAGE.ns[0];
  const at = (n: number) => Object.fromEntries(METHODS.map((m) =>
    [m, coverageAt(n, m).rate]));
  const bootCurve = (n: number) => plugInCoverage(n,
    Math.sqrt((n - 1) / n));
  const exactBoot = exactBootstrapCoverage(COVERAGE.seed + 7, nSmall,
    EXACT_BOOT_REPS);
  return {
    se: Math.sqrt((0.95 * 0.05) / COVERAGE.reps),
    reps: COVERAGE.reps, B: COVERAGE.B, nSmall, nBig,
    maxExactZ: largest(exactZ), exactPoints: exactZ.length,
    exactOutside: outside,
    outsideChance: atLeastBeyondTwo(outside, exactZ.length),
    expectedOutside: exactZ.length * (1 - normalProbability(-2, 2)),
    rerun: [zRerun(nSmall), zRerun(nBig)],
    small: at(nSmall), big: at(nBig),
    plugInSmall: plugInCoverage(nSmall),
    bootCurveSmall: bootCurve(nSmall),
    bootShortfallPredicted: 0.95 - bootCurve(nBig),
    bootShortfallMeasured: 0.95 - coverageAt(nBig, 'bootstrap').rate,
    bootZBig: -z('bootstrap')[COVERAGE.ns.length - 1],
    exactBoot: { n: nSmall, reps: EXACT_BOOT_REPS, rate: exactBoot.rate,
      se: Math.sqrt((exactBoot.rate * (1 - exactBoot.rate)) /
        EXACT_BOOT_REPS) },
    draws: COVERAGE.reps * COVERAGE.B *
      COVERAGE.ns.reduce((s, n) => s + n, 0),
  };
}

/** Samples of the exact (B to infinity) bootstrap coverage at n = 4. */
const EXACT_BOOT_REPS = 20_000;
/** Further seeds for the known-sigma z interval, 1000 intervals each. */
const RERUN_SEEDS = 20;

/** The known-sigma z interval's coverage at n, pooled over other seeds
 *  than the figure's: is the figure's deviation from 95% chance? */
function zRerun(n: number) {
  let hits = 0;
  const reps = COVERAGE.reps;
  const draw = (rng: Rng) => rng.normalArray(n, COVERAGE_MU,
    COVERAGE_SIGMA);
  for (let k = 0; k < RERUN_SEEDS; k++) {
    hits += coverage(createRng(10_000 + 10 * k), reps, draw,
      (xs) => zInterval(xs, COVERAGE_SIGMA), COVERAGE_MU).hits;
  }
  const total = RERUN_SEEDS * reps;
  const rate = hits / total;
  return { n, total, rate, se: Math.sqrt((rate * (1 - rate)) / total) };
}

/** P(at least k of m independent normal z-scores beyond 2). */
function atLeastBeyondTwo(k: number, m: number): number {
  const q = 1 - normalProbability(-2, 2);
  let below = 0;
  let logC = 0;
  for (let j = 0; j < k; j++) {
    if (j > 0) logC += Math.log((m - j + 1) / j);
    below += Math.exp(logC + j * Math.log(q) + (m - j) * Math.log1p(-q));
  }
  return 1 - below;
}

/** Worst relative errors of the quantiles against 40-digit values. */
function quantileAccuracy() {
  const nrm = ref.normal_ppf;
  const worstOf = (f: (i: number) => number) => largest(nrm.p.map((_, i) =>
    nrm.exact[i] === 0 ? 0 : f(i)));
  const tp = ref.t_ppf;
  const tRel = (f: (p: number, nu: number, i: number, j: number) =>
    number) => largest(tp.dof.flatMap((nu, i) => tp.p.map((p, j) =>
    relativeError(f(p, nu, i, j), tp.exact[i][j]))));
  const tail = ref.t_ppf_tail;
  const tailRel = (f: (p: number, nu: number, i: number, j: number) =>
    number, keep = (_p: number) => true) => largest(tail.dof.flatMap(
    (nu, i) => tail.p.map((p, j) => keep(p)
      ? relativeError(f(p, nu, i, j), tail.exact[i][j]) : 0)));
  const deepest = tail.p[0];
  const cauchy = tp.dof.indexOf(1);
  const last = tp.p.length - 1;
  return {
    normalCount: nrm.p.length,
    normalLo: nrm.p[0], normalHiGap: 1 - nrm.p[nrm.p.length - 1],
    normalVsExact: worstOf((i) => relativeError(normalQuantile(nrm.p[i]),
      nrm.exact[i])),
    normalVsScipy: worstOf((i) => relativeError(normalQuantile(nrm.p[i]),
      nrm.scipy_ppf[i])),
    scipyNormalVsExact: worstOf((i) => relativeError(nrm.scipy_ppf[i],
      nrm.exact[i])),
    tDofCount: tp.dof.length, tPCount: tp.p.length,
    tPLo: tp.p[0], tPHi: tp.p[last],
    tVsExact: tRel((p, nu) => tQuantile(p, nu)),
    scipyTVsExact: tRel((_p, _nu, i, j) => tp.scipy_ppf[i][j]),
    cauchyP: tp.p[last], cauchyScipy: tp.scipy_ppf[cauchy][last],
    cauchyExact: tp.exact[cauchy][last],
    tailDofCount: tail.dof.length, tailPCount: tail.p.length,
    tailPLo: deepest, tailPHi: tail.p[tail.p.length - 1],
    tailVsExact: tailRel((p, nu) => tQuantile(p, nu)),
    scipyTailVsExact: tailRel((_p, _nu, i, j) => tail.scipy_ppf[i][j],
      (p) => p > deepest),
    scipyDeepestVsExact: tailRel((_p, _nu, i, j) => tail.scipy_ppf[i][j],
      (p) => p === deepest),
    tVsExactInEps: tRel((p, nu) => tQuantile(p, nu)) / Number.EPSILON,
    tailPSecond: tail.p[1],
    // SciPy stops at -1e100 for small nu; elsewhere it is off by a factor
    scipyCappedDof: tail.dof.filter((_, i) => tail.scipy_ppf[i][0] ===
      -1e100),
    scipyDeepestFactor: largest(tail.dof.map((_, i) => {
      const ratio = tail.scipy_ppf[i][0] / tail.exact[i][0];
      return tail.scipy_ppf[i][0] === -1e100 ? 0 : Math.max(ratio,
        1 / ratio);
    })),
    cauchyDeepest: tail.exact[tail.dof.indexOf(1)][0],
    scipyCappedMax: largest(tail.dof.filter((_, i) =>
      tail.scipy_ppf[i][0] === -1e100)),
    largeNu: T_QUANTILE_LARGE_NU,
    tailSwitch: T_TAIL_SWITCH,
  };
}

function newcombSummary() {
  const { all, kept } = newcomb();
  const sp = ref.newcomb.all;
  const pick = (s: typeof all) => ({
    n: s.n, mu: s.mle.mu, sigma: Math.sqrt(s.mle.sigma2),
    median: s.median, meanSe: s.meanSe, meanBootSe: s.meanBootSe,
    medianBootSe: s.medianBootSe, t: s.t, meanBoot: s.meanBoot,
    medianBoot: s.medianBoot,
  });
  const width = (i: { lo: number; hi: number }) => i.hi - i.lo;
  return {
    all: pick(all), kept: pick(kept),
    sdRatio: Math.sqrt(all.mle.sigma2 / kept.mle.sigma2),
    meanShift: kept.mle.mu - all.mle.mu,
    medianShift: kept.median - all.median,
    tWidthRatio: width(all.t) / width(kept.t),
    medianWidthAll: width(all.medianBoot),
    medianWidthKept: width(kept.medianBoot),
    medianWidthChange: width(kept.medianBoot) - width(all.medianBoot),
    bootSeRatio: all.meanBootSe / all.meanSe,
    bootSeRatioPredicted: Math.sqrt((all.n - 1) / all.n),
    mleError: Math.max(relativeError(all.mle.mu, sp.norm_fit.mu),
      relativeError(Math.sqrt(all.mle.sigma2), sp.norm_fit.sigma)),
    tError: Math.max(relativeError(all.t.lo, sp.t_interval_95[0]),
      relativeError(all.t.hi, sp.t_interval_95[1])),
    pathKm: NEWCOMB_PATH_M / 1000,
    passageUs: (NEWCOMB_PATH_M / SPEED_OF_LIGHT) * 1e6,
    B: NEWCOMB_B,
  };
}

/** The exercise solutions' numbers. */
function exercises() {
  const ratio = (seed: number, eps: number) =>
    varianceRatio(createRng(seed), 25, eps, 10, 20_000);
  const uniform = createRng(50).uniformArray(50);
  return {
    waldCoverage: exactCoverage(20, 0.05, waldInterval),
    plusFourCoverage: exactCoverage(20, 0.05, plusFourInterval),
    waldZeroChance: 0.95 ** 20,
    ratioNormal: ratio(51, 0), ratioContaminated: ratio(52, 0.05),
    maxShare: maxReplicateShare(createRng(53), uniform, 10_000),
    maxShareExact: 1 - (1 - 1 / 50) ** 50,
  };
}

export default cached('statistics', () => {
  const bb = betaBernoulliExample();
  const nSmall = COVERAGE.ns[0];
  return {
    betaBernoulliFigure: betaBernoulliFigure(),
    samplingFigure: samplingFigure(),
    mseFigure: mseFigure(),
    coverageFigure: coverageFigure(),
    newcombDataFigure: newcombDataFigure(),
    newcombBootstrapFigure: newcombBootstrapFigure(),
    bb: { ...bb, post: { ...bb.post } },
    prior: { ...BB_PRIOR },
    sampling: samplingNumbers(),
    z975: normalQuantile(0.975),
    t975: tQuantile(0.975, nSmall - 1),
    coverage: coverageSummary(),
    q: quantileAccuracy(),
    nc: newcombSummary(),
    ex: exercises(),
    tests: { ...TEST_SIZES },
    versions: ref.versions,
  };
});
