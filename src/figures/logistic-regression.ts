// Build-time figures of the logistic-regression chapter, computed by its
// code. Colour is always paired with a dash pattern or a marker shape,
// so print and colour-blind readers lose nothing. Each study runs once
// per build: the chapter and its figures share the memoized results.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import {
  GD_BUDGET,
  convergenceStudy,
  overflowTable,
  pairStudy,
  penaltyStudy,
  separationStudy,
  singleFeatureStudy,
} from '../../code/logistic-regression/experiments.ts';
import { sigmoid } from '../../code/logistic-regression/sigmoid.ts';


export const single = once(singleFeatureStudy);
export const pair = once(pairStudy);
export const convergence = once(() => convergenceStudy(GD_BUDGET));

const STYLE = {
  gd: { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  newton: { color: PALETTE[4], dash: '8,3,2,3', symbol: 'diamond' },
} as const;

// ---------------------------------------------------------------------
// The sigmoid.

export function sigmoidFigure(): string {
  const pts = Array.from({ length: 161 }, (_, k) => {
    const z = -8 + k * 0.1;
    return { z, p: sigmoid(z) };
  });
  const tangent = [-2, 2].map((z) => ({ z, p: 0.5 + z / 4 }));
  return renderPlot({
    height: 260,
    x: { label: 'z = b + wᵀx', domain: [-8, 8] },
    y: { label: 'σ(z)', domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1],
      grid: true },
    marks: [
      Plot.line(tangent, { x: 'z', y: 'p', stroke: 'currentColor',
        strokeDasharray: '4,3', strokeOpacity: 0.7 }),
      Plot.line(pts, { x: 'z', y: 'p', stroke: PALETTE[0],
        strokeWidth: 2.2 }),
      Plot.dot([{ z: 0, p: 0.5 }], { x: 'z', y: 'p', fill: 'currentColor',
        r: 3.5 }),
      Plot.text([{ z: 2.1, p: 1.02 }], { x: 'z', y: 'p',
        text: () => 'slope ¼ at z = 0', textAnchor: 'start',
        fill: 'currentColor' }),
    ],
  });
}

// ---------------------------------------------------------------------
// The loss surface of the one-feature model, with the two paths.

/** The plotted window: w across, b up. */
export const SURFACE_BOX = { w: [-0.2, 1.5] as [number, number],
  b: [-18, 2] as [number, number] };
/** Loss levels drawn, above the minimum. */
export const SURFACE_LEVELS = [2, 10, 30, 60, 100, 160, 230, 320];
/** Every how many steps gradient descent gets a marker. */
export const SURFACE_GD_EVERY = 50;

export function surfaceFigure(): string {
  const s = single();
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
    height: 380,
    x: { domain: SURFACE_BOX.w,
      label: `weight w (per unit of ${s.feature})` },
    y: { domain: SURFACE_BOX.b, label: 'intercept b' },
    marks,
  });
}

// ---------------------------------------------------------------------
// The decision boundary of the two-feature model, in data units.

/** Probability levels drawn besides the boundary p = ½. */
export const BOUNDARY_LEVELS = [0.1, 0.5, 0.9] as const;

export function boundaryFigure(): string {
  const s = pair();
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
  const levels = BOUNDARY_LEVELS.map((q) => ({
    q,
    pts: yDomain.map((x2) => ({ x1: at(q, x2), x2 })),
    top: { x1: at(q, yDomain[1] - 1), x2: yDomain[1] - 1 },
  }));
  return renderPlot({
    height: 400,
    x: { domain: xDomain, label: s.features[0] },
    y: { domain: yDomain, label: s.features[1] },
    symbol: { domain: ['benign', 'malignant'], range: ['circle', 'times'],
      legend: true },
    color: { domain: ['benign', 'malignant'],
      range: [PALETTE[0], PALETTE[4]] },
    marks: [
      Plot.dot(points, { x: 'x1', y: 'x2', symbol: 'label',
        stroke: 'label', r: 2.6, strokeWidth: 1.1, strokeOpacity: 0.85 }),
      ...levels.flatMap(({ q, pts, top }) => [
        Plot.line(pts, { x: 'x1', y: 'x2', clip: true,
          stroke: 'currentColor', strokeWidth: q === 0.5 ? 2 : 1.3,
          strokeDasharray: q === 0.5 ? 'none' : '6,4' }),
        Plot.text([top], { x: 'x1', y: 'x2', dx: 6, textAnchor: 'start',
          fill: 'currentColor', text: () => `p = ${q}` }),
      ]),
    ],
  });
}

// ---------------------------------------------------------------------
// Gradient descent against Newton on all 30 features.

/** Gaps below this are drawn at it (Newton's last gap is 0). */
export const GAP_FLOOR = 1e-13;

export function convergenceFigure(): string {
  const c = convergence();
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
    height: 320,
    marginRight: 80,
    x: { type: 'log', label: 'step k', domain: [1, GD_BUDGET] },
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
// The studies the prose quotes, run once each.

export const separation = once(separationStudy);
export const penalties = once(penaltyStudy);
export const overflow = once(overflowTable);
