// Build-time computation of "Calculus for machine learning": a gradient
// field over contour lines, the polar map with its Jacobian at a few
// points, the errors of forward mode and central differences against
// SymPy's exact derivatives, and every number the prose shows. Cached.
import { cached } from '../lib/cache.ts';
import { powerOfTen, sci } from '../lib/format.ts';
import { renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import ref from '../../tests/fixtures/calculus/reference.json' with {
  type: 'json',
};
import {
  derivativeErrors,
  irisGradients,
  linearizationGap,
  threeVariables,
  wiggleTermSum,
} from '../../code/calculus/experiments.ts';
import { dual } from '../../code/calculus/dual.ts';
import { gradient } from '../../code/calculus/forward.ts';
import { numericalHessian } from '../../code/calculus/numerical.ts';
import { hvp } from '../../code/calculus/solutions/hvp.ts';
import {
  mixedPartial,
} from '../../code/calculus/solutions/mixed-partial.ts';
import { logSumExp, softmax } from '../../code/calculus/softmax.ts';
import { GRADIENT_TOLERANCE } from '../../code/introduction/check.ts';
import { fromRows } from '../../code/linear-algebra/matrix.ts';
import {
  circleImages,
  doubleWell,
  doubleWellGradient,
  polar,
  polarJacobian,
} from '../../code/calculus/maps.ts';

// ---------------------------------------------------------------------
// A gradient field over contour lines.

/** The window of the gradient-field figure. */
export const FIELD_X = [-1.8, 1.8] as const;
export const FIELD_Y = [-1.5, 1.5] as const;
/** Critical points of the double well: two minima and a saddle. */
export const CRITICAL_POINTS = [
  { x: -1, y: -0.5, kind: 'minimum' },
  { x: 1, y: 0.5, kind: 'minimum' },
  { x: 0, y: 0, kind: 'saddle' },
] as const;
/** Spacing of the arrows' grid. */
export const ARROW_SPACING = 0.3;

/** Gradient arrows on a grid inside the window. The length grows with
 *  |∇f| as tanh(|∇f| / g0), g0 the median, and saturates below one
 *  spacing, so that the steep corners do not hide the flat middle. */
export function gradientArrows() {
  const pts: { x: number; y: number; gx: number; gy: number }[] = [];
  const steps = (lo: number, hi: number) => {
    const k = Math.floor((hi - lo) / ARROW_SPACING + 1e-9);
    const start = lo + (hi - lo - (k - 1) * ARROW_SPACING) / 2;
    return Array.from({ length: k }, (_, i) => start + i * ARROW_SPACING);
  };
  for (const x of steps(FIELD_X[0], FIELD_X[1])) {
    for (const y of steps(FIELD_Y[0], FIELD_Y[1])) {
      const g = doubleWellGradient([x, y]);
      pts.push({ x, y, gx: g[0], gy: g[1] });
    }
  }
  const norms = pts.map((p) => Math.hypot(p.gx, p.gy)).sort((a, b) => a - b);
  const g0 = norms[Math.floor(norms.length / 2)];
  return { pts, g0, longest: norms[norms.length - 1] };
}

export function gradientFieldFigure(): string {
  const { pts, g0 } = gradientArrows();
  // arrows centred on their grid point, pointing along ∇f
  const arrows = pts.map((p) => {
    const g = Math.hypot(p.gx, p.gy);
    const len = 0.85 * ARROW_SPACING * Math.tanh(g / g0);
    const [ux, uy] = g === 0 ? [0, 0] : [p.gx / g, p.gy / g];
    return {
      x1: p.x - (len * ux) / 2,
      y1: p.y - (len * uy) / 2,
      x2: p.x + (len * ux) / 2,
      y2: p.y + (len * uy) / 2,
    };
  });
  const levels = [0.05, 0.2, 0.5, 1, 1.5, 2, 3, 4.5, 6.5, 9];
  return renderPlot({
    width: 640,
    aspectRatio: 1,
    marginBottom: 40,
    marginLeft: 50,
    x: { domain: [...FIELD_X], label: 'x₁', labelAnchor: 'center',
      labelArrow: 'none' },
    y: { domain: [...FIELD_Y], label: 'x₂', labelAnchor: 'center',
      labelArrow: 'none' },
    marks: [
      Plot.contour({
        x1: FIELD_X[0], x2: FIELD_X[1], y1: FIELD_Y[0], y2: FIELD_Y[1],
        width: 240,
        height: 200,
        value: (x: number, y: number) => doubleWell([x, y]),
        thresholds: levels,
        stroke: 'currentColor',
        strokeOpacity: 0.45,
        fill: 'none',
      }),
      Plot.arrow(arrows, {
        x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
        stroke: PALETTE[0],
        strokeWidth: 1.5,
        headLength: 6,
      }),
      Plot.dot(CRITICAL_POINTS.filter((c) => c.kind === 'minimum'), {
        x: 'x', y: 'y', symbol: 'circle', fill: PALETTE[4], r: 5,
      }),
      Plot.dot(CRITICAL_POINTS.filter((c) => c.kind === 'saddle'), {
        x: 'x', y: 'y', symbol: 'times', stroke: PALETTE[4],
        strokeWidth: 3, r: 6,
      }),
    ],
  });
}

// ---------------------------------------------------------------------
// The polar map: a grid, small circles, and their images.

/** Points u = (r, θ) where the figure draws J, and the circles' radius. */
export const JACOBIAN_POINTS = [
  [0.8, 0.35], [1.6, 0.35], [0.8, 1.15], [1.6, 1.15],
] as const;
export const JACOBIAN_RADIUS = 0.25;

export function jacobianFigure(): string {
  type Row = { panel: string; x: number; y: number; z: string };
  const lines: Row[] = [];
  const addLine = (z: string, pts: ArrayLike<number>[], both = true) => {
    for (const u of pts) {
      lines.push({ panel: 'input (r, θ)', x: u[0], y: u[1], z });
      if (!both) continue;
      const v = polar(Float64Array.from(u));
      lines.push({ panel: 'output (x₁, x₂)', x: v[0], y: v[1], z });
    }
  };
  const ts = (k: number) =>
    Array.from({ length: k + 1 }, (_, i) => i / k);
  for (let r = 0.5; r <= 2 + 1e-9; r += 0.25) {
    addLine(`r${r}`, ts(40).map((t) => [r, (t * Math.PI) / 2]));
  }
  for (let k = 0; k <= 6; k++) {
    const th = (k * Math.PI) / 12;
    addLine(`t${k}`, ts(40).map((t) => [0.5 + 1.5 * t, th]));
  }
  const circles: Row[] = [];
  const ellipses: Row[] = [];
  const arrows: { panel: string; x1: number; y1: number; x2: number;
    y2: number }[] = [];
  JACOBIAN_POINTS.forEach((u, n) => {
    const J = polarJacobian(u);
    const Fu = polar(Float64Array.from(u));
    const pts = circleImages(polar, J, u, JACOBIAN_RADIUS, 72);
    for (const p of pts) {
      circles.push({ panel: 'input (r, θ)', x: p.input[0], y: p.input[1],
        z: `c${n}` });
      circles.push({ panel: 'output (x₁, x₂)', x: p.image[0],
        y: p.image[1], z: `c${n}` });
      ellipses.push({ panel: 'output (x₁, x₂)', x: p.linear[0],
        y: p.linear[1], z: `e${n}` });
    }
    for (let j = 0; j < 2; j++) {
      const rho = JACOBIAN_RADIUS;
      arrows.push({ panel: 'input (r, θ)', x1: u[0], y1: u[1],
        x2: u[0] + (j === 0 ? rho : 0), y2: u[1] + (j === 1 ? rho : 0) });
      arrows.push({ panel: 'output (x₁, x₂)', x1: Fu[0], y1: Fu[1],
        x2: Fu[0] + rho * J.get(0, j), y2: Fu[1] + rho * J.get(1, j) });
    }
  });
  return renderPlot({
    width: 640,
    aspectRatio: 1,
    marginBottom: 40,
    marginLeft: 44,
    fx: { label: null, padding: 0.12 },
    x: { domain: [0, 2.1], label: 'r (left) · x₁ (right)',
      labelAnchor: 'center', labelArrow: 'none', ticks: 5 },
    y: { domain: [0, 2.1], label: 'θ (left) · x₂ (right)',
      labelAnchor: 'center', labelArrow: 'none', ticks: 5 },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.line(lines, { fx: 'panel', x: 'x', y: 'y', z: 'z',
        stroke: 'currentColor', strokeOpacity: 0.3, strokeWidth: 1 }),
      Plot.line(circles, { fx: 'panel', x: 'x', y: 'y', z: 'z',
        stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.line(ellipses, { fx: 'panel', x: 'x', y: 'y', z: 'z',
        stroke: PALETTE[4], strokeWidth: 2, strokeDasharray: '4,3' }),
      Plot.arrow(arrows, { fx: 'panel', x1: 'x1', y1: 'y1', x2: 'x2',
        y2: 'y2', stroke: 'currentColor', strokeWidth: 1.3,
        headLength: 5 }),
    ],
  });
}

// ---------------------------------------------------------------------
// Forward mode against central differences, both against SymPy.

/** Where the figure draws a result with error exactly 0: a strip below
 * a break of the log axis, labelled "exact". */
export const EXACT_ROW = 1e-18;
const AXIS_BREAK = 4e-18;

/** Errors at the fixture's points, against SymPy's exact derivative. */
export function wiggleErrors() {
  return derivativeErrors(ref.wiggle.x, ref.wiggle.df);
}

export function derivativeErrorFigure(): string {
  const rows = wiggleErrors();
  const floor = (e: number) => (e === 0 ? EXACT_ROW : e);
  const fwd = rows.map((r) => ({ x: r.x, e: floor(r.forward) }));
  const fd = rows.map((r) => ({ x: r.x, e: floor(r.central) }));
  const label = (y: number, text: string) =>
    Plot.text([{ x: 3, y }], {
      x: 'x', y: 'y', text: () => text, dx: 8, textAnchor: 'start',
      fill: 'currentColor',
    });
  return renderPlot({
    height: 340,
    marginRight: 130,
    marginBottom: 40,
    marginLeft: 50,
    x: { label: 'x', labelAnchor: 'center', labelArrow: 'none' },
    y: {
      type: 'log',
      domain: [3e-19, 1e-6],
      ticks: [EXACT_ROW, 1e-16, 1e-14, 1e-12, 1e-10, 1e-8, 1e-6],
      tickFormat: (v: number) => (v === EXACT_ROW ? 'exact' : powerOfTen(v)),
      label: 'relative error of f′(x)',
      grid: true,
    },
    marks: [
      // the break: below it, the strip of exact results (error 0)
      Plot.ruleY([AXIS_BREAK], {
        stroke: 'currentColor', strokeWidth: 1.5, strokeDasharray: '8,4',
      }),
      Plot.ruleY([Number.EPSILON], {
        stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2,3',
      }),
      label(Number.EPSILON, '2⁻⁵²'),
      Plot.dot(fd, { x: 'x', y: 'e', symbol: 'square', stroke: PALETTE[1],
        r: 2.5 }),
      Plot.dot(fwd, { x: 'x', y: 'e', symbol: 'circle', fill: PALETTE[0],
        r: 2.5 }),
      label(1e-9, 'central differences'),
      label(EXACT_ROW, 'dual numbers'),
    ],
  });
}

// ---------------------------------------------------------------------
// What the chapter shows.

/** The largest of xs, by a loop (no spread into a call). */
function maxOf(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  return m;
}

/** The element at rank floor(n / 2) of the sorted copy of xs. */
function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** max_i |a_i - b_i|. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/**
 * Exercise 1 and 3: the mixed partial Delta(h)/h^2 at h = 1e-5 and
 * numericalHessian against SymPy's Hessian of threeVariables (largest
 * error over the fixture's points and the (1, 3) entry), the ratio of
 * Delta's errors at h = 1e-2 and 5e-3 at the third point, and the
 * largest error of the forward-mode Hessian-vector product.
 */
function hessianExercises() {
  const f = (x: Float64Array) =>
    threeVariables(Array.from(x, (v) => dual(v))).value;
  const grad = (x: Float64Array) => gradient(threeVariables, x);
  let error = 0;
  let hessianError = 0;
  let hvpError = 0;
  const v = [0.3, -1, 0.5];
  for (const p of ref.three_variables) {
    const exact = p.hessian[0][2];
    error = Math.max(error,
      Math.abs(mixedPartial(f, p.x, 0, 2, 1e-5) - exact));
    const H = numericalHessian(grad, Float64Array.from(p.x));
    hessianError = Math.max(hessianError, Math.abs(H.data[2] - exact));
    const Hv = hvp(p.x, v);
    for (let i = 0; i < 3; i++) {
      const e = p.hessian[i][0] * v[0] + p.hessian[i][1] * v[1] +
        p.hessian[i][2] * v[2];
      hvpError = Math.max(hvpError, Math.abs(Hv[i] - e));
    }
  }
  const p = ref.three_variables[2];
  const err = (h: number) =>
    Math.abs(mixedPartial(f, p.x, 0, 2, h) - p.hessian[0][2]);
  return {
    mixed: { error, hessianError, halving: err(1e-2) / err(5e-3) },
    hvpError,
  };
}

/** Points and radii of the linearization-gap measurement. */
const GAP_AT = [0.8, 1.15];
const GAP_RADII = [0.02, 0.01];

export default cached('calculus', () => {
  const arrows = gradientArrows();
  const errs = wiggleErrors();
  const W = fromRows(ref.iris.W);
  const iris = irisGradients(W);
  const gradScale = maxOf(Array.from(iris.chainRule, Math.abs));
  const fdVsChain = maxDiff(iris.central, iris.chainRule);
  const skLoss = Math.abs(iris.loss - ref.iris.at_W.loss);
  const skBigLoss = Math.abs(iris.scaledLoss - ref.iris.at_1000W.loss);
  const lseWorst = maxOf(ref.softmax.map(
    (c: { z: number[]; logsumexp: number }) =>
      Math.abs(logSumExp(c.z) - c.logsumexp)));
  const smWorst = maxOf(ref.softmax.map(
    (c: { z: number[]; softmax: number[] }) => {
      const p = softmax(c.z);
      return maxOf(Array.from(p, (v, i) => Math.abs(
        c.softmax[i] === 0 ? v : (v - c.softmax[i]) / c.softmax[i])));
    }));
  const bigCase = ref.softmax.find((c: { name: string }) =>
    c.name === 'large') as { z: number[] };
  const termSum = wiggleTermSum(ref.wiggle.x);
  const { mixed, hvpError } = hessianExercises();
  return {
    gradientFieldFigure: gradientFieldFigure(),
    jacobianFigure: jacobianFigure(),
    derivativeErrorFigure: derivativeErrorFigure(),
    g0: arrows.g0,
    longestGradient: arrows.longest,
    jacobianRadius: JACOBIAN_RADIUS,
    gapAt: GAP_AT,
    gapRadii: GAP_RADII,
    gapRatio: linearizationGap(GAP_AT, GAP_RADII[0]) /
      linearizationGap(GAP_AT, GAP_RADII[1]),
    // the Introduction's count: about 10 of 16 digits survive central
    // differences at the best step, Eq. (fd-optimal-h)
    centralDigits: Math.round(-Math.log10(Number.EPSILON ** (2 / 3))),
    overflowAt: Math.log(Number.MAX_VALUE),
    smallestAt: Math.log(Number.MIN_VALUE),
    subnormalBelow: Math.log(2 ** -1022),
    // exp rounds to 0 below the midpoint of 0 and the smallest double
    zeroBelow: Math.log(Number.MIN_VALUE) - Math.LN2,
    wigglePoints: ref.wiggle.x.length,
    fdMedian: median(errs.map((r) => r.central)),
    fwdMedian: median(errs.map((r) => r.forward)),
    exactShare: errs.filter((r) => r.forward === 0).length / errs.length,
    fwdWorst: maxOf(errs.map((r) => r.forward)),
    termSum,
    mixed,
    hvpError,
    termBound: Math.ceil(4 * termSum),
    gradientTolerance: { ...GRADIENT_TOLERANCE },
    loss: iris.loss,
    log3: Math.log(3),
    gradScale,
    forwardPasses: iris.forwardPasses,
    centralPasses: iris.centralPasses,
    fwdVsChain: maxDiff(iris.forward, iris.chainRule),
    fdVsChain,
    fdDigits: Math.round(-Math.log10(fdVsChain / gradScale)),
    scaledNaive: String(iris.scaledNaive),
    scaledLoss: iris.scaledLoss,
    unpenalized: { ...ref.iris.unpenalized },
    versions: { ...ref.versions },
    digits: ref.digits,
    bigCaseZ0: bigCase.z[0],
    lseText: lseWorst === 0
      ? 'log-sum-exp agreed to the last bit on every input'
      : `the largest difference in log-sum-exp was ${sci(lseWorst, 2)}`,
    smWorst,
    skLossText: skLoss === 0
      ? "equals scikit-learn's to the last bit"
      : `differs from scikit-learn's by ${sci(skLoss, 2)}`,
    skGrad: maxDiff(iris.chainRule, ref.iris.at_W.gradient.flat()),
    bigLoss: ref.iris.at_1000W.loss,
    skBigText: skBigLoss === 0
      ? 'are the same double'
      : `differ by ${sci(skBigLoss, 2)}`,
  };
});
