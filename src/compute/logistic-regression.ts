// Build-time computation of "Logistic regression": its figures and every
// number its prose shows, computed by its code and cached (see
// src/lib/cache.ts). Colour is always paired with a dash pattern or a
// marker shape, so print and colour-blind readers lose nothing.
import { cached } from '../lib/cache.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { fixed, percent, powerOfTen, sci } from '../lib/format.ts';
import sk from '../../tests/fixtures/logistic-regression/sklearn.json' with {
  type: 'json',
};
import { symmetricEigen } from '../../code/decompositions/eigen.ts';
import { createRng } from '../../code/introduction/random.ts';
import { norm } from '../../code/linear-algebra/matrix.ts';
import { correlationMatrix } from '../../code/linear-regression/pitfalls.ts';
import {
  BREAST_CANCER_LAMBDA,
  breastCancerHoldout,
  loadBreastCancer,
} from '../../code/logistic-regression/breast-cancer.ts';
import {
  GD_BUDGET,
  OVERFLOW_Z,
  PENALTY_CV,
  SURFACE_GD_STEPS,
  columns,
  convergenceStudy,
  eigenShiftStudy,
  overflowTable,
  pairStudy,
  penaltyStudy,
  separationStudy,
  singleFeatureStudy,
} from '../../code/logistic-regression/experiments.ts';
import {
  DAMPED_UNTIL,
  fitLogisticNewton,
  minimizerDistanceBound,
} from '../../code/logistic-regression/fit.ts';
import {
  logisticGradient,
  logisticHessian,
  predictProba,
} from '../../code/logistic-regression/model.ts';
import { sigmoid } from '../../code/logistic-regression/sigmoid.ts';
import {
  bootstrapStandardErrors,
  hessianStandardErrors,
} from '../../code/logistic-regression/solutions/standard-errors.ts';
import {
  balancedWeights,
  fitWeighted,
} from '../../code/logistic-regression/solutions/weighted.ts';
import { standardize } from '../../code/linear-regression/scaling.ts';

const STYLE = {
  gd: { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  newton: { color: PALETTE[4], dash: '8,3,2,3', symbol: 'diamond' },
} as const;

/** Margins that keep axis titles off the tick labels. */
const TITLES = { marginTop: 32, marginBottom: 44 };

/** A text label with a halo of the page's background. */
function haloText(data: Record<string, unknown>[], opts: Plot.TextOptions) {
  return Plot.text(data, {
    fill: 'currentColor', stroke: 'var(--sl-color-bg, white)',
    strokeWidth: 4, paintOrder: 'stroke', ...opts,
  });
}

// ---------------------------------------------------------------------
// The sigmoid.

function sigmoidFigure(): string {
  const pts = Array.from({ length: 161 }, (_, k) => {
    const z = -8 + k * 0.1;
    return { z, p: sigmoid(z) };
  });
  const tangent = [-2, 2].map((z) => ({ z, p: 0.5 + z / 4 }));
  return renderPlot({
    height: 280,
    ...TITLES,
    x: { label: 'z = b + wᵀx', domain: [-8, 8] },
    y: { label: 'σ(z)', domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1],
      tickFormat: (d: number) => `${d}`, grid: true },
    marks: [
      Plot.line(tangent, { x: 'z', y: 'p', stroke: 'currentColor',
        strokeDasharray: '4,3', strokeOpacity: 0.7 }),
      Plot.line(pts, { x: 'z', y: 'p', stroke: PALETTE[0],
        strokeWidth: 2.2 }),
      Plot.dot([{ z: 0, p: 0.5 }], { x: 'z', y: 'p', fill: 'currentColor',
        r: 3.5 }),
      Plot.text([{ z: 2.1, p: 0.96 }], { x: 'z', y: 'p',
        text: () => 'slope ¼ at z = 0', textAnchor: 'start', dy: 0,
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The loss surface of the one-feature model, with the two paths.

/** The plotted window: w across, b up. */
const SURFACE_BOX = { w: [-0.2, 1.5] as [number, number],
  b: [-18, 2] as [number, number] };
/** Loss levels drawn, above the minimum. */
const SURFACE_LEVELS = [2, 10, 30, 60, 100, 160, 230, 320];
/** Every how many steps gradient descent gets a marker. */
const SURFACE_GD_EVERY = 50;

type Single = ReturnType<typeof singleFeatureStudy>;

function surfaceFigure(s: Single): string {
  const fStar = s.fit.run.f;
  const path = (run: typeof s.gd) =>
    run.history.map(({ x }, k) => ({ k, b: x[0], w: x[1] }));
  const gdPts = path(s.gd);
  const ntPts = path(s.fit.run);
  const marks: Plot.Markish[] = [
    Plot.contour({
      value: (w: number, b: number) => s.f(Float64Array.of(b, w)),
      x1: SURFACE_BOX.w[0], x2: SURFACE_BOX.w[1],
      y1: SURFACE_BOX.b[0], y2: SURFACE_BOX.b[1],
      pixelSize: 4,
      thresholds: SURFACE_LEVELS.map((d) => fStar + d),
      stroke: 'currentColor', strokeOpacity: 0.35, fill: 'none',
    }),
  ];
  for (const [pts, st, every] of [
    [gdPts, STYLE.gd, SURFACE_GD_EVERY], [ntPts, STYLE.newton, 1],
  ] as const) {
    marks.push(
      Plot.line(pts, { x: 'w', y: 'b', stroke: st.color, strokeWidth: 1.8,
        strokeDasharray: st.dash }),
      Plot.dot(pts.filter((p) => p.k % every === 0), { x: 'w', y: 'b',
        symbol: st.symbol, stroke: st.color, r: 3.5 }),
    );
  }
  const [bStar, wStar] = s.fit.theta;
  marks.push(
    Plot.dot([{ w: wStar, b: bStar }], { x: 'w', y: 'b', symbol: 'star',
      fill: 'currentColor', r: 6 }),
    Plot.text([{ w: 0.04, b: 1 }], { x: 'w', y: 'b',
      text: () => 'start (0, 0)', textAnchor: 'start',
      fill: 'currentColor' }),
  );
  return renderPlot({
    height: 400,
    ...TITLES,
    x: { domain: SURFACE_BOX.w,
      label: `weight w (per unit of ${s.feature})` },
    y: { domain: SURFACE_BOX.b, label: 'intercept b' },
    marks,
  });
}

// ---------------------------------------------------------------------
// The decision boundary of the two-feature model, in data units.

/** Probability levels drawn besides the boundary p = ½. */
const BOUNDARY_LEVELS = [0.1, 0.5, 0.9] as const;

type Pair = ReturnType<typeof pairStudy>;

function boundaryFigure(s: Pair): string {
  const { w, b } = s.raw;
  const xDomain: [number, number] = [6, 29];
  const yDomain: [number, number] = [9, 40];
  const points = Array.from(s.y, (yi, i) => ({
    x1: s.X.get(i, 0), x2: s.X.get(i, 1),
    label: yi === 1 ? 'malignant' : 'benign',
  }));
  // b + w₁x₁ + w₂x₂ = logit(q): a straight line for each level q;
  // x₁ where it meets the height x₂
  const at = (q: number, x2: number) =>
    (Math.log(q / (1 - q)) - b - w[1] * x2) / w[0];
  // labels on alternate sides and ends, so that no two touch: p = 0.1
  // left of its top end, p = 0.5 left of and p = 0.9 right of their
  // bottom ends, with the solid boundary between the last two
  const top = yDomain[1] - 1;
  const bottom = yDomain[0] + 1;
  const place = { 0.1: { x2: top, side: -1 }, 0.5: { x2: bottom, side: -1 },
    0.9: { x2: bottom, side: 1 } } as const;
  const levels = BOUNDARY_LEVELS.map((q) => ({
    q,
    pts: yDomain.map((x2) => ({ x1: at(q, x2), x2 })),
    end: { x1: at(q, place[q].x2), x2: place[q].x2 },
    side: place[q].side,
  }));
  return renderPlot({
    height: 420,
    ...TITLES,
    x: { domain: xDomain, label: s.features[0] },
    y: { domain: yDomain, label: s.features[1] },
    symbol: { domain: ['benign', 'malignant'], range: ['circle', 'times'],
      legend: true },
    color: { domain: ['benign', 'malignant'],
      range: [PALETTE[0], PALETTE[4]] },
    marks: [
      Plot.dot(points, { x: 'x1', y: 'x2', symbol: 'label',
        stroke: 'label', r: 2.6, strokeWidth: 1.1, strokeOpacity: 0.85 }),
      ...levels.flatMap(({ q, pts, end, side }) => [
        Plot.line(pts, { x: 'x1', y: 'x2', clip: true,
          stroke: 'currentColor', strokeWidth: q === 0.5 ? 2 : 1.3,
          strokeDasharray: q === 0.5 ? 'none' : '6,4' }),
        haloText([end], { x: 'x1', y: 'x2', dx: 5 * side,
          textAnchor: side > 0 ? 'start' : 'end', text: () => `p = ${q}` }),
      ]),
    ],
  });
}

// ---------------------------------------------------------------------
// Gradient descent against Newton on all 30 features.

/** Gaps below this are drawn at it (Newton's last gap is 0). */
const GAP_FLOOR = 1e-13;

type Convergence = ReturnType<typeof convergenceStudy>;

function convergenceFigure(c: Convergence): string {
  const gap = (f: number) => Math.max(f - c.fStar, GAP_FLOOR);
  const gd = c.gd.history.map((h, k) => ({ k, g: gap(h.f) }))
    .filter((p) => p.k >= 1);
  // Newton's last iterate defines θ*: its gap is 0, not drawn
  const nt = c.newton.run.history.map((h, k) => ({ k, g: h.f - c.fStar }))
    .filter((p) => p.k >= 1 && p.g > 0);
  const marked = new Set([1, 2, 5].flatMap((m) => [1, 10, 100, 1000]
    .map((e) => m * e)));
  const gdMarked = gd.filter((p) => marked.has(p.k));
  const last = (pts: typeof gd) => pts[pts.length - 1];
  return renderPlot({
    height: 340,
    marginRight: 80,
    ...TITLES,
    x: { type: 'log', label: 'step k', domain: [1, GD_BUDGET],
      ticks: [1, 3, 10, 30, 100, 300, 1000, 2000],
      tickFormat: (d: number) => `${d}` },
    y: { type: 'log', label: 'L(θₖ) − L(θ*)', domain: [GAP_FLOOR, 1e3],
      ticks: [1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3], tickFormat: powerOfTen,
      grid: true },
    marks: [
      Plot.line(gd, { x: 'k', y: 'g', stroke: STYLE.gd.color,
        strokeWidth: 1.8 }),
      Plot.dot(gdMarked, { x: 'k', y: 'g', symbol: 'circle',
        stroke: STYLE.gd.color, r: 3.5 }),
      Plot.line(nt, { x: 'k', y: 'g', stroke: STYLE.newton.color,
        strokeWidth: 1.8, strokeDasharray: STYLE.newton.dash }),
      Plot.dot(nt, { x: 'k', y: 'g', symbol: 'diamond',
        stroke: STYLE.newton.color, r: 3.5 }),
      Plot.text([last(gd)], { x: 'k', y: 'g', dx: 6, textAnchor: 'start',
        text: () => 'GD', fill: 'currentColor' }),
      Plot.text([last(nt)], { x: 'k', y: 'g', dx: 8,
        textAnchor: 'start', text: () => 'Newton', fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// Tables.

/** A number as the overflow table prints it. */
function cell(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === 0) return '0';
  return Math.abs(v) < 1e-3 ? sci(v, 2) : fixed(v, 4);
}

function overflowRows() {
  const table = overflowTable();
  const rows = [
    ['σ(z)', 'sigmoid'],
    ['naive log(1 + eᶻ)', 'naiveLog1pExp'],
    ['softplus(z)', 'softplus'],
    ['naive ℓ, y = 0', 'naiveLoss0'],
    ['stable ℓ, y = 0', 'loss0'],
    ['naive ℓ, y = 1', 'naiveLoss1'],
    ['stable ℓ, y = 1', 'loss1'],
  ] as const;
  return {
    z: table.map((r) => fixed(r.z, 0)),
    rows: rows.map(([label, key]) => ({
      label, cells: table.map((r) => cell(r[key])),
    })),
    tinySoftplus: table[OVERFLOW_Z.indexOf(-40)].softplus,
  };
}

/** Ours against scikit-learn's for each C, with the bound and its
 *  condition g ≤ μ²/(8M) at both solutions. */
function libraryRows(pen: ReturnType<typeof penaltyStudy>) {
  const { Z, y } = pen;
  const A = Z; // the bound adds the column of ones itself
  return pen.rows.map((r) => {
    const ref = (sk.penalized as Record<string, {
      intercept: number; coef: number[]; proba: number[]; n_iter: number;
    }>)[`C=${r.C}`];
    const skTheta = new Float64Array(ref.coef.length + 1);
    skTheta[0] = ref.intercept;
    skTheta.set(ref.coef, 1);
    let gap2 = 0;
    r.fit.theta.forEach((t, j) => (gap2 += (t - skTheta[j]) ** 2));
    const bound = minimizerDistanceBound(A, y, r.fit.theta, r.lambda_) +
      minimizerDistanceBound(A, y, skTheta, r.lambda_);
    const p = predictProba(Z, r.fit.w, r.fit.b);
    let dp = 0;
    p.forEach((v, i) => (dp = Math.max(dp, Math.abs(v - ref.proba[i]))));
    const ours = boundCondition(Z, y, r.fit.theta, r.lambda_);
    const theirs = boundCondition(Z, y, skTheta, r.lambda_);
    return { C: r.C, lambda_: r.lambda_, iterations: r.iterations,
      skIterations: ref.n_iter, gap: Math.sqrt(gap2), bound, dp,
      worstRatio: Math.max(ours.g / ours.limit, theirs.g / theirs.limit) };
  });
}

/** g = ‖∇L‖ + δ and the limit μ²/(8M) of Eq. (logr-bound-condition). */
function boundCondition(Z: ReturnType<typeof standardize>['Z'],
  y: Float64Array, theta: Float64Array, lambda_: number) {
  const grad = norm(logisticGradient(Z, y, theta, lambda_));
  const eig = symmetricEigen(logisticHessian(Z, theta, lambda_)).values;
  const mu = eig[eig.length - 1];
  let rows = 0;
  let cubes = 0;
  for (let i = 0; i < Z.rows; i++) {
    let s = 1; // the column of ones
    for (let j = 0; j < Z.cols; j++) s += Z.get(i, j) ** 2;
    rows += Math.sqrt(s);
    cubes += s ** 1.5;
  }
  const M = cubes / (6 * Math.sqrt(3));
  return { g: grad + Z.rows * Number.EPSILON * rows, M,
    limit: (mu * mu) / (8 * M) };
}

/** A difference of error rates, in percentage points. */
const points = (d: { mean: number; se: number }) =>
  ({ mean: 100 * d.mean, se: 100 * d.se });

// ---------------------------------------------------------------------
// Everything the page shows.

export default cached('logistic-regression', () => {
  const data = loadBreastCancer();
  const n = data.X.rows;
  const d = data.X.cols;
  let malignant = 0;
  for (const v of data.y) malignant += v;

  const one = singleFeatureStudy();
  let meanRadius = 0;
  for (const v of one.X.col(0)) meanRadius += v / n;
  const oneEig = symmetricEigen(logisticHessian(one.X, one.fit.theta))
    .values;

  const two = pairStudy();
  const conv = convergenceStudy(GD_BUDGET);
  const hist = conv.newton.run.history;
  const gdGap = (k: number) => conv.gd.history[k].f - conv.fStar;
  const half = GD_BUDGET / 2;
  const gdRate = (gdGap(GD_BUDGET) / gdGap(half)) ** (1 / half);
  const gdLast = conv.gd.history[GD_BUDGET];

  const sep = separationStudy();
  const pen = penaltyStudy();
  const main = pen.rows.find((r) => r.lambda_ === BREAST_CANCER_LAMBDA)!;
  const small = pen.rows[0];
  const large = pen.rows[pen.rows.length - 1];
  const hold = breastCancerHoldout();
  const ranked = Array.from(main.fit.w, (w, j) => ({ j, w }))
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w)).slice(0, 6)
    .map(({ j, w }) => ({ feature: data.features[j], w, odds: Math.exp(w) }));
  const R = correlationMatrix(data.X);
  const sizeCorr = [R.get(0, 2), R.get(0, 3), R.get(2, 3)];
  const lib = libraryRows(pen);
  let worstGap = 0; // no spread of data into Math.max
  let worstDp = 0;
  for (const c of lib) {
    worstGap = Math.max(worstGap, c.gap);
    worstDp = Math.max(worstDp, c.dp);
  }
  const eig = eigenShiftStudy();

  // Exercise 3: the balanced weights and the weighted fit
  const { Z } = standardize(data.X);
  const c = balancedWeights(data.y);
  const weighted = fitWeighted(Z, data.y, c, 1);
  let wDist = 0;
  weighted.forEach((t, j) => {
    const ref = j === 0 ? sk.balanced.intercept : sk.balanced.coef[j - 1];
    wDist += (t - ref) ** 2;
  });
  // Exercise 4: standard errors of the raw two-feature model
  const Xp = columns(data.X, sk.pair_raw_logit.features);
  const rawFit = fitLogisticNewton(Xp, data.y);
  const se = hessianStandardErrors(Xp, rawFit.theta);
  const boot = bootstrapStandardErrors(Xp, data.y, 500, createRng(4));

  return {
    n, d, malignant, benign: n - malignant,
    versions: sk.versions,
    dampedUntil: DAMPED_UNTIL,
    overflow: overflowRows(),
    one: { feature: one.feature, meanRadius, kappa: oneEig[0] / oneEig[1],
      iterations: one.fit.run.iterations,
      standardizedIterations: one.standardized.run.iterations,
      fStar: one.fit.run.f },
    surface: { gdEvery: SURFACE_GD_EVERY, gdSteps: SURFACE_GD_STEPS,
      levels: SURFACE_LEVELS.join(', ') },
    two: { features: two.features, accuracy: two.accuracy,
      oddsRadius: Math.exp(two.raw.w[0]), oddsTexture: Math.exp(two.raw.w[1]) },
    conv: { L: conv.L, mu: conv.mu, kappa: conv.kappa, order: conv.order,
      gdSteps: GD_BUDGET, gdGap: gdGap(GD_BUDGET),
      gdGradNorm: gdLast.gradNorm, half, gdRate,
      gdMore: Math.ceil(Math.log(1e-10 / gdGap(GD_BUDGET)) /
        Math.log(gdRate)),
      flattest: (1 - conv.mu / conv.L) ** 2,
    },
    sep: { step: sep.step, margin: sep.margin, normW: sep.normW,
      message: sep.message },
    main: { iterations: main.iterations, trainAccuracy: main.trainAccuracy },
    hold: { test: hold.split.test.length, testAccuracy: hold.testAccuracy,
      trainAccuracy: hold.trainAccuracy,
      oneMistake: 1 / hold.split.test.length },
    ranked,
    sizeCorrMin: Math.min(sizeCorr[0], sizeCorr[1], sizeCorr[2]),
    sizeCorrMax: Math.max(sizeCorr[0], sizeCorr[1], sizeCorr[2]),
    penaltyCv: { ...PENALTY_CV },
    penalty: pen.rows.map((r) => ({
      lambda_: r.lambda_, C: r.C, normW: r.normW, iterations: r.iterations,
      trainAccuracy: r.trainAccuracy, cvAccuracy: r.cvAccuracy,
      cvLogLoss: r.cvLogLoss, errorVsRef: r.errorVsRef,
      lossVsRef: r.lossVsRef,
    })),
    smallVsRef: { points: points(small.errorVsRef),
      loss: small.lossVsRef, lossRatio: small.cvLogLoss / main.cvLogLoss },
    largeVsRef: { points: points(large.errorVsRef) },
    worstGap, worstDp,
    worstRatio: lib.reduce((m, l) => Math.max(m, l.worstRatio), 0),
    unpenalized: { iterations: sk.unpenalized_all_features.n_iter,
      coefNorm: sk.unpenalized_all_features.coef_norm,
      accuracy: sk.unpenalized_all_features.accuracy },
    eigen: { lambda_: eig.lambda_, lo: eig.lo, hi: eig.hi,
      smallestBefore: eig.smallestBefore, smallestAfter: eig.smallestAfter,
      secondBefore: eig.secondBefore, secondAfter: eig.secondAfter },
    exercises: {
      weightMalignant: c[data.y.indexOf(1)],
      weightBenign: c[data.y.indexOf(0)],
      weightedDistance: Math.sqrt(wDist),
      skIterations: sk.balanced.n_iter,
      se: Array.from(se), skSe: sk.pair_raw_logit.bse,
      boot: Array.from(boot), bootB: 500,
      theta: Array.from(rawFit.theta),
    },
    tables: {
      overflow: overflowRows().rows.map((row) => [row.label, ...row.cells]),
      convergence: hist.map((h, k) => [
        String(k), sci(h.f - conv.fStar, 2), sci(h.gradNorm, 2),
        k === 0 ? '' : sci(h.gradNorm / hist[k - 1].gradNorm ** 2, 2),
      ]),
      weights: ranked.map((w) => [w.feature, fixed(w.w, 3),
        fixed(w.odds, 2)]),
      penalty: pen.rows.map((p) => [String(p.lambda_), String(p.C),
        fixed(p.normW, 2), String(p.iterations), percent(p.trainAccuracy),
        percent(p.cvAccuracy), fixed(p.cvLogLoss, 3)]),
      library: lib.map((l) => [`${l.C} (${l.lambda_})`,
        String(l.iterations), String(l.skIterations), sci(l.gap, 2),
        sci(l.bound, 2), sci(l.dp, 2)]),
    },
    sigmoidFigure: sigmoidFigure(),
    surfaceFigure: surfaceFigure(one),
    boundaryFigure: boundaryFigure(two),
    convergenceFigure: convergenceFigure(conv),
  };
}, {
  reason: 'gradient descent run to its full step budget on the 569 x 30 ' +
    'data for the convergence figure, a ten-fold cross-validated penalty ' +
    'path and 500 bootstrap refits: about 15 s alone on a quiet machine, ' +
    'a fifth of it the input checks of the inner calls',
});
