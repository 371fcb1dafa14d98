// Build-time computation of "Regularization: ridge, lasso, elastic net":
// its figures and every number its prose shows, computed by its code,
// seeded, and cached (src/lib/cache.ts). Colour is always paired with a
// dash pattern, a symbol or a direct label, so print and colour-blind
// readers lose nothing.
import { cached } from '../lib/cache.ts';
import { pairedDifference } from '../../code/statistics/paired.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, powerOfTen, sci } from '../lib/format.ts';
import sk from '../../tests/fixtures/regularization/sklearn.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { cholesky } from '../../code/decompositions/cholesky.ts';
import { solveLowerTransposed } from '../../code/decompositions/triangular.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import { fitNormalEquations } from '../../code/linear-regression/model.ts';
import {
  elasticNet,
  lasso,
  softThreshold,
} from '../../code/regularization/coordinate-descent.ts';
import {
  distanceBound,
  kktViolations,
  strongConvexity,
} from '../../code/regularization/optimality.ts';
import {
  CV_FOLDS,
  RIDGE_LAMBDAS,
  diabetesStudy,
  entryOrder,
  inFoldScalingCv,
  quadraticStudy,
} from '../../code/regularization/diabetes.ts';
import { selectLambda } from '../../code/regularization/cross-validation.ts';
import { randomOrthogonal } from '../../code/decompositions/examples.ts';
import { ridgeQr } from '../../code/regularization/solutions/ridge-qr.ts';
import { looRidge } from '../../code/regularization/solutions/loo-ridge.ts';
import { gramProblem } from '../../code/regularization/problem.ts';
import {
  ridgeCholesky,
  ridgeSvd,
  shrinkageFactors,
} from '../../code/regularization/ridge.ts';

type Study = ReturnType<typeof diabetesStudy>;
type QuadStudy = ReturnType<typeof quadraticStudy>;

const DASHES = ['', '6,3', '2,3', '8,3,2,3', '12,4', '4,2,1,2'];

/**
 * Spreads label positions (data units) so neighbours are at least
 * `gap` apart, keeping their order; returns the new positions.
 */
function spread(values: number[], gap: number): number[] {
  const order = values.map((_, i) => i)
    .sort((a, b) => values[a] - values[b]);
  const out = values.slice();
  for (let k = 1; k < order.length; k++) {
    const lo = out[order[k - 1]] + gap;
    if (out[order[k]] < lo) out[order[k]] = lo;
  }
  // centre the block of shifted labels on the original mean
  const shift = (values.reduce((a, v) => a + v, 0) -
    out.reduce((a, v) => a + v, 0)) / values.length;
  return out.map((v) => v + shift);
}

// ---------------------------------------------------------------------
// One coordinate in an orthonormal design: the three shrinkage rules.

/** λ of the threshold figure. */
const THRESHOLD_LAMBDA = 1;

/** ŵ against the least-squares v = ŵᴸˢ for ridge, lasso, elastic net. */
function thresholdFigure(): string {
  const l = THRESHOLD_LAMBDA;
  const rules = [
    { name: 'least squares: v', f: (z: number) => z },
    { name: `ridge: v / (1 + λ)`, f: (z: number) => z / (1 + l) },
    { name: 'lasso: S(v, λ)', f: (z: number) => softThreshold(z, l) },
    {
      name: 'elastic net: S(v, λ/2) / (1 + λ/2)',
      f: (z: number) => softThreshold(z, l / 2) / (1 + l / 2),
    },
  ];
  const zs = Array.from({ length: 241 }, (_, k) => -3 + k / 40);
  const marks: Plot.Markish[] = [Plot.ruleX([0]), Plot.ruleY([0])];
  const ends = spread(rules.map((rule) => rule.f(3)), 0.35);
  rules.forEach((rule, r) => {
    const pts = zs.map((z) => ({ z, w: rule.f(z) }));
    marks.push(
      Plot.line(pts, {
        x: 'z', y: 'w', stroke: r === 0 ? 'currentColor' : PALETTE[r - 1],
        strokeWidth: r === 0 ? 1 : 2.2, strokeDasharray: DASHES[r],
        strokeOpacity: r === 0 ? 0.6 : 1,
      }),
      Plot.text([{ z: 3, w: ends[r] }], {
        x: 'z', y: 'w', text: () => rule.name, dx: 6,
        textAnchor: 'start', fill: 'currentColor',
      }),
    );
  });
  return renderPlot({
    height: 320,
    marginRight: 215,
    marginBottom: 44,
    x: { label: 'least-squares coefficient v = ŵᴸˢ', grid: true },
    y: { label: 'penalized coefficient ŵ', grid: true },
    marks,
  });
}

// ---------------------------------------------------------------------
// The geometry: an ellipse of constant loss touching a ball.

/** Two correlated features and a target; seeded. */
function geometryProblem() {
  const rng = createRng(12);
  const n = 200;
  const X = new Matrix(n, 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = 0.5 * a + 0.87 * rng.normal(); // correlation about 0.5
    X.data.set([a, b], 2 * i);
    y[i] = 1.5 * a + 0.5 * b + 0.5 * rng.normal();
  }
  return { X, y };
}

/** λ of the lasso in the geometry figure. */
const GEOMETRY_LAMBDA = 0.8;

/** The lasso fit, and the ridge fit with ‖w‖₂ equal to its ‖w‖₁. */
function geometry() {
  const { X, y } = geometryProblem();
  const ols = fitNormalEquations(X, y).w;
  const l1 = lasso(X, y, GEOMETRY_LAMBDA).w;
  const t = Math.abs(l1[0]) + Math.abs(l1[1]);
  // bisection in log λ: ‖w_ridge(λ)‖₂ falls from ‖ŵ‖ towards 0
  let lo = -6;
  let hi = 6;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    const w = ridgeSvd(X, y, 10 ** mid).w;
    if (Math.hypot(w[0], w[1]) > t) lo = mid; else hi = mid;
  }
  const l2 = ridgeSvd(X, y, 10 ** hi).w;
  return { X, y, ols, l1, l2, t, ridgeLambda: 10 ** hi };
}

/** The set (w − ŵ)ᵀG(w − ŵ) = level, as a closed polyline. */
function ellipse(G: Matrix, centre: Float64Array, level: number) {
  const L = cholesky(G);
  return Array.from({ length: 121 }, (_, k) => {
    const th = (2 * Math.PI * k) / 120;
    const u = Float64Array.of(Math.cos(th), Math.sin(th));
    const v = solveLowerTransposed(L, u); // Lᵀv = u: vᵀGv = 1
    const r = Math.sqrt(level);
    return { x: centre[0] + r * v[0], y: centre[1] + r * v[1] };
  });
}

/** Loss contours against the L2 disc (left) and the L1 diamond. */
function geometryFigure(g: ReturnType<typeof geometry>): string {
  const { G } = gramProblem('geometryFigure', g.X, g.y);
  const quad = (w: Float64Array) => {
    const d0 = w[0] - g.ols[0];
    const d1 = w[1] - g.ols[1];
    return G.get(0, 0) * d0 * d0 + 2 * G.get(0, 1) * d0 * d1 +
      G.get(1, 1) * d1 * d1;
  };
  // each ball as the band between a lower and an upper boundary
  const panels = [
    { name: 'ridge: ‖w‖₂ ≤ c', w: g.l2,
      half: (x: number) => Math.sqrt(Math.max(g.t * g.t - x * x, 0)) },
    { name: 'lasso: ‖w‖₁ ≤ c', w: g.l1,
      half: (x: number) => Math.max(g.t - Math.abs(x), 0) },
  ];
  const balls: object[] = [];
  const outline: object[] = [];
  const main: object[] = [];
  const others: object[] = [];
  const points: object[] = [];
  panels.forEach((p) => {
    for (let k = 0; k <= 200; k++) {
      const x = g.t * Math.cos(Math.PI * (1 - k / 200)); // dense at ±t
      balls.push({ panel: p.name, x, lo: -p.half(x), hi: p.half(x) });
      outline.push({ panel: p.name, x, y: p.half(x), z: 0 });
      outline.push({ panel: p.name, x, y: -p.half(x), z: 1 });
    }
    const level = quad(p.w);
    ellipse(G, g.ols, level).forEach((pt) =>
      main.push({ panel: p.name, ...pt }));
    [0.3, 2.2].forEach((f, c) => {
      ellipse(G, g.ols, f * level).forEach((pt) =>
        others.push({ panel: p.name, ...pt, z: c }));
    });
    points.push({ panel: p.name, x: p.w[0], y: p.w[1] });
  });
  const ols = panels.map((p) => ({
    panel: p.name, x: g.ols[0], y: g.ols[1],
  }));
  return renderPlot({
    height: 360,
    marginTop: 32,
    marginBottom: 44,
    fx: { label: null, padding: 0.1, domain: panels.map((p) => p.name) },
    x: { label: 'w₁', domain: [-1, 2.4], grid: true },
    y: { label: 'w₂', domain: [-1.2, 2.2], grid: true },
    marks: [
      Plot.ruleX([0], { strokeOpacity: 0.5 }),
      Plot.ruleY([0], { strokeOpacity: 0.5 }),
      Plot.areaY(balls, {
        fx: 'panel', x: 'x', y1: 'lo', y2: 'hi', fill: PALETTE[2],
        fillOpacity: 0.25,
      }),
      Plot.line(outline, {
        fx: 'panel', x: 'x', y: 'y', z: 'z', stroke: PALETTE[2],
        strokeWidth: 1.5,
      }),
      Plot.line(others, {
        fx: 'panel', x: 'x', y: 'y', z: 'z', stroke: PALETTE[0],
        strokeDasharray: '4,3', strokeWidth: 1.2, clip: true,
      }),
      Plot.line(main, {
        fx: 'panel', x: 'x', y: 'y', stroke: PALETTE[0], strokeWidth: 2,
        clip: true,
      }),
      Plot.dot(ols, {
        fx: 'panel', x: 'x', y: 'y', symbol: 'times', r: 6,
        stroke: 'currentColor', strokeWidth: 2,
      }),
      Plot.text(ols, {
        fx: 'panel', x: 'x', y: 'y', text: () => 'ŵ',
        dx: 10, dy: -8, fill: 'currentColor', fontSize: 14,
      }),
      Plot.dot(points, {
        fx: 'panel', x: 'x', y: 'y', r: 5, fill: PALETTE[4],
        stroke: 'currentColor',
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
}

// ---------------------------------------------------------------------
// The diabetes data: shrinkage factors, paths, convergence.

/** s_j²/(s_j² + λ) against λ for each singular direction of Zc. */
function shrinkageFigure(study: Study): string {
  const lambdas = Array.from({ length: 113 }, (_, k) => 10 ** (-1 + k / 16));
  const rows = lambdas.flatMap((lambda_) =>
    Array.from(shrinkageFactors(study.s, lambda_), (f, j) => ({
      lambda_, f, j,
    })));
  const d = study.s.length;
  const s2 = (j: number) => study.s[j] ** 2;
  const label = (j: number) => `s${String(j + 1).replace(/\d/g, (c) =>
    '₀₁₂₃₄₅₆₇₈₉'[Number(c)])}² = ${s2(j) < 10 ? fixed(s2(j), 1)
    : fixed(s2(j), 0)}`;
  const tags = [0, d - 2, d - 1].map((j) => ({
    lambda_: study.s[j] ** 2, f: 0.5, text: label(j),
  }));
  return renderPlot({
    height: 320,
    marginTop: 32,
    marginBottom: 44,
    marginRight: 20,
    x: {
      type: 'log', label: 'λ', domain: [0.1, 1e6],
      ticks: [0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6], tickFormat: powerOfTen,
      grid: true,
    },
    y: { label: 'shrinkage factor sⱼ² / (sⱼ² + λ)', domain: [0, 1],
      grid: true },
    marks: [
      Plot.line(rows, {
        x: 'lambda_', y: 'f', z: 'j', stroke: PALETTE[0], strokeWidth: 1.4,
      }),
      Plot.dot(tags, {
        x: 'lambda_', y: 'f', r: 3.5, fill: PALETTE[4],
        stroke: 'currentColor',
      }),
      Plot.text(tags, {
        x: 'lambda_', y: 'f', text: 'text', textAnchor: 'start',
        dx: 7, dy: -9, fill: 'currentColor',
      }),
    ],
  });
}

/** The powers of ten within the range of xs. */
function decades(xs: number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  return Array.from({ length: hi - lo + 1 }, (_, k) => 10 ** (lo + k));
}

/** 1, 2 and 5 times the powers of ten within the range of xs, so that
 *  a log axis over a few decades has enough labels to read a value. */
function ticks125(xs: number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi));
    e++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(1));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** A tick value as plain text: 0.05, 0.1, …, 20. */
const plain = (v: number) => String(v);

/**
 * A log x axis labelled at every given tick. (A log scale's own tick
 * format blanks the labels of 5 × 10ᵏ when ticks are dense; an axis
 * mark with its own text channel keeps them all.)
 */
function logAxisX(ticks: number[], label: string): Plot.Markish[] {
  return [
    Plot.gridX(ticks, { strokeOpacity: 0.1 }),
    Plot.axisX(ticks, { text: (d: number) => plain(d), label,
      labelOffset: 40, labelAnchor: 'right' }),
  ];
}

/** Coefficient paths against λ, λ decreasing to the right. */
function pathFigure(
  lambdas: number[],
  fits: { w: Float64Array }[],
  names: string[],
  opts: { label: string; marks?: Plot.Markish[]; height?: number;
    ticks?: number[] },
): string {
  const d = names.length;
  const rows = fits.flatMap((fit, k) =>
    Array.from(fit.w, (w, j) => ({ lambda_: lambdas[k], w, j })));
  let lMin = Infinity;
  for (const l of lambdas) lMin = Math.min(lMin, l);
  const last = fits[lambdas.indexOf(lMin)].w; // the least shrunk fit
  let top = -Infinity;
  let bottom = Infinity;
  for (const v of last) {
    top = Math.max(top, v);
    bottom = Math.min(bottom, v);
  }
  const span = top - bottom;
  const ys = spread(Array.from(last), span / 16);
  const tags = names.map((name, j) => ({ lambda_: lMin, w: ys[j], name }));
  const marks: Plot.Markish[] = [Plot.ruleY([0], { strokeOpacity: 0.5 })];
  for (let j = 0; j < d; j++) {
    marks.push(Plot.line(rows.filter((r) => r.j === j), {
      x: 'lambda_', y: 'w', stroke: PALETTE[j % PALETTE.length],
      strokeDasharray: DASHES[Math.floor(j / PALETTE.length) * 2],
      strokeWidth: 1.8,
    }));
  }
  tags.forEach((tag, j) => marks.push(
    Plot.text([tag], {
      x: 'lambda_', y: 'w', text: 'name', dx: 6, textAnchor: 'start',
      fill: PALETTE[j % PALETTE.length], fontWeight: 600,
    }),
  ));
  for (const m of opts.marks ?? []) marks.push(m);
  if (opts.ticks) marks.push(...logAxisX(opts.ticks, opts.label));
  return renderPlot({
    height: opts.height ?? 370,
    marginTop: 32,
    marginRight: 50,
    marginBottom: 44,
    x: opts.ticks ? { type: 'log', reverse: true, axis: null } : {
      type: 'log', label: opts.label, reverse: true,
      tickFormat: powerOfTen, ticks: decades(lambdas), grid: true,
      labelOffset: 40,
    },
    y: { label: 'coefficient per standard deviation', grid: true },
    marks,
  });
}

/** The ridge path of the diabetes data. */
function ridgePathFigure(study: Study): string {
  return pathFigure(RIDGE_LAMBDAS, study.ridgeFits, study.features, {
    label: 'ridge λ (decreasing →)',
  });
}

/** The lasso path, with the two cross-validated choices of λ. */
function lassoPathFigure(study: Study): string {
  const { best, oneSe } = study.choice;
  const at = (k: number) => study.lambdas[k];
  const rules = [
    { lambda_: at(best), text: `CV minimum, λ = ${fixed(at(best), 3)}`,
      at: 'end' },
    { lambda_: at(oneSe), text: `one-SE rule, λ = ${fixed(at(oneSe), 2)}`,
      at: 'start' },
  ];
  return pathFigure(study.lambdas, study.lassoFits, study.features, {
    label: 'lasso λ (decreasing →)',
    ticks: ticks125(study.lambdas),
    marks: [
      Plot.ruleX(rules, {
        x: 'lambda_', stroke: 'currentColor', strokeDasharray: '4,3',
        strokeOpacity: 0.7,
      }),
      ...rules.map((rule) => Plot.text([rule], {
        x: 'lambda_', text: 'text', frameAnchor: 'top', dy: -4,
        dx: rule.at === 'end' ? -4 : 4,
        textAnchor: rule.at as 'start' | 'end', fill: 'currentColor',
      })),
    ],
  });
}

/** λ of the convergence figure, as fractions of λ_max. */
const CONVERGENCE_FRACTIONS = [0.1, 0.01, 0.001] as const;

/** Coordinate descent from w = 0 at each λ, to a gap of 1e-14. */
function convergence(study: Study) {
  const { yy } = gramProblem('convergence', study.Z, study.y);
  const runs = CONVERGENCE_FRACTIONS.map((fraction) => {
    const lambda_ = fraction * study.lambdas[0];
    const fit = lasso(study.Z, study.y, lambda_, { tol: 1e-14 });
    return { fraction, lambda_, fit };
  });
  return { yy, runs };
}

/** The duality gap after each sweep, relative to ‖yc‖²/n. */
function convergenceFigure(
  { yy, runs }: ReturnType<typeof convergence>,
): string {
  const symbols = ['circle', 'square', 'triangle'] as const;
  const marks: Plot.Markish[] = [];
  runs.forEach((run, r) => {
    const pts = run.fit.gaps.map((gap, k) => ({
      sweep: k + 1, gap: Math.max(gap / yy, 1e-17),
    }));
    const every = Math.max(1, Math.floor(pts.length / 8));
    marks.push(
      Plot.line(pts, {
        x: 'sweep', y: 'gap', stroke: PALETTE[r], strokeWidth: 1.8,
        strokeDasharray: DASHES[r], clip: true,
      }),
      Plot.dot(pts.filter((_, k) => k % every === every - 1), {
        x: 'sweep', y: 'gap', symbol: symbols[r], stroke: PALETTE[r], r: 3,
      }),
      Plot.text([pts[pts.length - 1]], {
        x: 'sweep', y: 'gap', dx: 4, dy: -10, textAnchor: 'start',
        text: () => `λmax / ${Math.round(1 / run.fraction)}`,
        fill: 'currentColor',
      }),
    );
  });
  return renderPlot({
    height: 340,
    marginTop: 32,
    marginBottom: 44,
    marginRight: 70,
    x: {
      type: 'log', label: 'sweep', grid: true, domain: [1, 3000],
      ticks: [1, 3, 10, 30, 100, 300, 1000, 3000],
      tickFormat: (x: number) => String(x),
    },
    y: {
      type: 'log', label: 'duality gap / (‖yc‖²/n)', grid: true,
      domain: [1e-15, 1],
      tickFormat: powerOfTen, ticks: [1e-14, 1e-11, 1e-8, 1e-5, 1e-2],
    },
    marks,
  });
}

// ---------------------------------------------------------------------
// Cross-validation on the 64 quadratic features.

/** Mean CV error ± one standard error against λ, with OLS for scale. */
function cvFigure(q: QuadStudy): string {
  const { best, oneSe } = q.choice;
  const rows = q.lambdas.map((lambda_, k) => ({
    lambda_, mse: q.cv.mean[k], lo: q.cv.mean[k] - q.cv.se[k],
    hi: q.cv.mean[k] + q.cv.se[k],
    nonzero: q.fits[k].w.filter((w) => w !== 0).length,
  }));
  const ols = q.cvRidge.mean[0];
  const counts = rows.filter((_, k) => k % 7 === 0);
  // λ falls to the right: the one-SE choice lies left of the minimum
  const picks = [
    { ...rows[best], text: `minimum, λ = ${fixed(rows[best].lambda_, 2)}`,
      at: 'start' },
    { ...rows[oneSe],
      text: `one-SE rule, λ = ${fixed(rows[oneSe].lambda_, 2)}`, at: 'end' },
  ];
  return renderPlot({
    height: 366,
    marginTop: 56,
    marginLeft: 50,
    marginBottom: 44,
    x: { type: 'log', reverse: true, axis: null },
    y: { label: 'cross-validated mean squared error', grid: true },
    marks: [
      ...logAxisX(ticks125(q.lambdas), 'lasso λ (decreasing →)'),
      Plot.ruleY([ols], { stroke: PALETTE[4], strokeDasharray: '6,4' }),
      Plot.text([{ lambda_: q.lambdas[q.lambdas.length - 1], mse: ols }], {
        x: 'lambda_', y: 'mse', text: () => 'least squares, all 64',
        textAnchor: 'end', dy: -8, fill: 'currentColor',
      }),
      Plot.ruleX(rows, {
        x: 'lambda_', y1: 'lo', y2: 'hi', stroke: PALETTE[0],
        strokeOpacity: 0.6,
      }),
      Plot.dot(rows, { x: 'lambda_', y: 'mse', r: 2.5, fill: PALETTE[0] }),
      Plot.ruleX(picks, {
        x: 'lambda_', stroke: 'currentColor', strokeDasharray: '4,3',
      }),
      ...picks.map((p) => Plot.text([p], {
        x: 'lambda_', text: 'text', frameAnchor: 'top', dy: 10,
        dx: p.at === 'end' ? -4 : 4,
        textAnchor: p.at as 'start' | 'end', fill: 'currentColor',
      })),
      Plot.text(counts, {
        x: 'lambda_', text: (r: { nonzero: number }) => String(r.nonzero),
        frameAnchor: 'top', dy: -24, fill: 'currentColor',
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// Agreement with the scikit-learn fixture, for the page's tables.

interface SkRef {
  alpha: number;
  l1_ratio?: number;
  coef: number[];
  intercept: number;
  n_iter?: number;
}

/** ‖a − e‖ / ‖e‖. */
function normwise(a: Float64Array, e: number[]): number {
  let num = 0;
  let den = 0;
  e.forEach((v, j) => {
    num += (a[j] - v) ** 2;
    den += v * v;
  });
  return Math.sqrt(num / den);
}

/** The largest entry of a vector (by a loop). */
function largest(v: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) m = Math.max(m, v[i]);
  return m;
}

/** Our fits beside each fixture fit, with the bounds of the tests. */
function agreement(study: Study) {
  const { Z, y } = study;
  const ridge = (sk.ridge as SkRef[]).map((ref) => {
    const fit = ridgeSvd(Z, y, ref.alpha);
    return { alpha: ref.alpha, error: normwise(fit.w, ref.coef) };
  });
  const refs = [...sk.lasso, ...sk.elastic_net] as SkRef[];
  const sparse = refs.map((ref) => {
    const ratio = ref.l1_ratio ?? 1; // scikit-learn's l1_ratio: our α
    const penalty = {
      lambda1: ref.alpha * ratio,
      lambda2: ref.alpha * (1 - ratio),
    };
    const ours = elasticNet(Z, y, penalty, { tol: 1e-14 });
    const theirs = { w: Float64Array.from(ref.coef), b: ref.intercept };
    const kktOurs = largest(kktViolations(Z, y, ours, penalty).coef);
    const kktTheirs = largest(kktViolations(Z, y, theirs, penalty).coef);
    const bound = distanceBound(Z, y, ours, penalty) +
      distanceBound(Z, y, theirs, penalty);
    let diff = 0;
    ours.w.forEach((v, j) => { diff += (v - ref.coef[j]) ** 2; });
    const model = ratio === 1 ? `Lasso(alpha=${ref.alpha})`
      : `ElasticNet(alpha=${ref.alpha}, l1_ratio=${ratio})`;
    return {
      model, ratio, kktOurs, kktTheirs, bound,
      mu: strongConvexity(Z, penalty),
      diff: Math.sqrt(diff),
      error: normwise(ours.w, ref.coef),
      zeros: ours.w.filter((v) => v === 0).length,
    };
  });
  let worstKkt = 0;
  let worstSparse = 0;
  for (const r of sparse) {
    worstKkt = Math.max(worstKkt, r.kktOurs, r.kktTheirs);
    worstSparse = Math.max(worstSparse, r.error);
  }
  let worstRidge = 0;
  for (const r of ridge) worstRidge = Math.max(worstRidge, r.error);
  return {
    ridgeRows: ridge.map((r) => [String(r.alpha), sci(r.error, 2)]),
    sparseRows: sparse.map((r) => [r.model, String(r.zeros),
      sci(r.kktOurs, 1), sci(r.kktTheirs, 1), sci(r.diff, 1),
      sci(r.bound, 1)]),
    muLasso: sparse[0].mu,
    muNet: sparse.filter((r) => r.ratio !== 1).map((r) => r.mu),
    worstKkt, worstSparse, worstRidge,
  };
}

// ---------------------------------------------------------------------
// Paired comparisons over the same folds.

/** Mean and standard error of a − b over the folds, and its largest
 *  value (0 if none is positive). */
function paired(a: number[], b: number[]) {
  let worst = 0;
  a.forEach((v, k) => { worst = Math.max(worst, v - b[k]); });
  return { ...pairedDifference(a, b), worst };
}

// ---------------------------------------------------------------------
// Exercise 1: ridge by QR on a design with κ(X) = 10⁷.

function ridgeQrStudy() {
  const n = 40;
  const d = 6;
  const U = randomOrthogonal(5, n);
  const V = randomOrthogonal(6, d);
  const s = Array.from({ length: d }, (_, j) => 10 ** (-7 * j / (d - 1)));
  const X = new Matrix(n, d); // U[:, :d] diag(s) Vᵀ
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      let v = 0;
      for (let k = 0; k < d; k++) v += U.get(i, k) * s[k] * V.get(j, k);
      X.data[i * d + j] = v;
    }
  }
  const y = createRng(9).normalArray(n);
  const lambda_ = 1e-16;
  const ref = ridgeSvd(X, y, lambda_).w;
  const err = (w: Float64Array) => normwise(w, Array.from(ref));
  return { n, d, kappa: s[0] / s[d - 1], lambda_,
    qr: err(ridgeQr(X, y, lambda_).w),
    cholesky: err(ridgeCholesky(X, y, lambda_).w) };
}

// ---------------------------------------------------------------------
// Everything the page shows.

export default cached('regularization', () => {
  const st = diabetesStudy();
  const qs = quadraticStudy();
  const geo = geometry();
  const conv = convergence(st);
  const ag = agreement(st);
  const n = st.Z.rows;
  const d = st.Z.cols;
  const nz = (w: Float64Array) => w.filter((v) => v !== 0).length;
  const feat = (name: string) => st.features.indexOf(name);
  const ols10 = fitNormalEquations(st.Z, st.y);
  const { best, oneSe } = st.choice;
  const at10 = st.ridgeFits[RIDGE_LAMBDAS.findIndex(
    (l) => Math.abs(l - 10) < 1e-9)];
  const oneSeW = st.lassoFits[oneSe].w;
  const f10 = shrinkageFactors(st.s, 10);
  const vLast = (name: string) => st.V.get(feat(name), d - 1);
  const signChanges = st.features.filter((_, j) => st.ridgeFits.some(
    (f, i) => i > 0 && f.w[j] * st.ridgeFits[i - 1].w[j] < 0));
  const qBest = qs.choice.best;
  const qOneSe = qs.choice.oneSe;
  let qRidge = 0;
  qs.cvRidge.mean.forEach((m, i) => {
    if (m < qs.cvRidge.mean[qRidge]) qRidge = i;
  });
  const inFold = inFoldScalingCv(st.lambdas);
  const inFoldChoice = selectLambda(st.lambdas, inFold);
  const loo = looRidge(st.Z, st.y, [0.1, 1, 10, 100]);
  let gcvGap = 0;
  for (const r of loo) gcvGap = Math.max(gcvGap, Math.abs(r.gcv / r.loo - 1));
  const w = (fit: { w: Float64Array }, name: string) => fit.w[feat(name)];
  return {
    n, d, folds: CV_FOLDS,
    geo: { l2: Array.from(geo.l2), l1: Array.from(geo.l1), c: geo.t,
      ridgeLambda: geo.ridgeLambda, lassoLambda: GEOMETRY_LAMBDA },
    thresholdLambda: THRESHOLD_LAMBDA,
    s2First: st.s[0] ** 2, s2Last: st.s[d - 1] ** 2,
    vLastS1: vLast('S1'), vLastS2: vLast('S2'),
    f10First: f10[0], f10Last: f10[d - 1],
    ols10: { S1: w(ols10, 'S1'), S2: w(ols10, 'S2'), BMI: w(ols10, 'BMI') },
    at10: { S1: w(at10, 'S1'), S2: w(at10, 'S2'), BMI: w(at10, 'BMI') },
    signChanges: signChanges.join(', '),
    lmax: st.lambdas[0],
    order: entryOrder(st.lassoFits).map((j) => st.features[j]).join(', '),
    best: { lambda_: st.lambdas[best], nz: nz(st.lassoFits[best].w),
      cv: st.cv.mean[best], se: st.cv.se[best] },
    oneSe: { lambda_: st.lambdas[oneSe], nz: nz(oneSeW),
      cv: st.cv.mean[oneSe],
      dropped: st.features.filter((_, j) => oneSeW[j] === 0).join(', ') },
    cvOls10: st.cvRidge.mean[0],
    quad: {
      ols: qs.cvRidge.mean[0],
      best: { lambda_: qs.lambdas[qBest], nz: nz(qs.fits[qBest].w),
        cv: qs.cv.mean[qBest], se: qs.cv.se[qBest] },
      oneSe: { nz: nz(qs.fits[qOneSe].w), cv: qs.cv.mean[qOneSe] },
      ridge: { lambda_: qs.ridgeLambdas[qRidge],
        cv: qs.cvRidge.mean[qRidge] },
      // paired over the same folds
      olsVsTen: paired(qs.cvRidge.foldMse[0], st.cvRidge.foldMse[0]),
      olsVsBest: paired(qs.cvRidge.foldMse[0], qs.cv.foldMse[qBest]),
      olsVsOneSe: paired(qs.cvRidge.foldMse[0], qs.cv.foldMse[qOneSe]),
      ridgeVsBest: paired(qs.cvRidge.foldMse[qRidge], qs.cv.foldMse[qBest]),
    },
    sweeps: conv.runs.map((r) => r.fit.sweeps),
    fractions: CONVERGENCE_FRACTIONS.join(', '),
    inFold: { cv: inFold.mean[inFoldChoice.best],
      se: inFold.se[inFoldChoice.best],
      diff: paired(inFold.foldMse[inFoldChoice.best],
        st.cv.foldMse[best]) },
    versions: sk.versions, tol: sk.tol, lassoCvAlpha: sk.lasso_cv.alpha,
    agreement: ag,
    exercises: { qr: ridgeQrStudy(), gcvGap,
      looLambdas: loo.map((r) => String(r.lambda_)).join(', ') },
    geometryFigure: geometryFigure(geo),
    thresholdFigure: thresholdFigure(),
    shrinkageFigure: shrinkageFigure(st),
    ridgePathFigure: ridgePathFigure(st),
    lassoPathFigure: lassoPathFigure(st),
    convergenceFigure: convergenceFigure(conv),
    cvFigure: cvFigure(qs),
  };
});
