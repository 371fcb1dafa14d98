// Build-time computation of the optimization chapter: its five figures
// and every number its prose shows, computed by its code, seeded, and
// cached (src/lib/cache.ts). Colour is always paired with a dash
// pattern or a marker shape, so print and colour-blind readers lose
// nothing.
import { cached } from '../lib/cache.ts';
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import ref from '../../tests/fixtures/optimization/scipy.json' with {
  type: 'json',
};
import {
  fromRows,
  norm,
  subVec,
  type Vector,
} from '../../code/linear-algebra/matrix.ts';
import {
  equalityQP,
  projectHalfspace,
} from '../../code/optimization/constrained.ts';
import {
  IRIS_BUDGET,
  smoothnessBound,
} from '../../code/optimization/iris.ts';
import {
  SGD_ETAS,
  SGD_SETUP,
  heavyBallParams,
  heavyBallSteps,
  sgdStudy,
} from '../../code/optimization/studies.ts';
import { gradientDescent } from '../../code/optimization/gradient-descent.ts';
import { irisStudy } from '../../code/optimization/iris.ts';
import { newton } from '../../code/optimization/newton.ts';
import type { RunResult } from '../../code/optimization/objective.ts';
import {
  eig2,
  quadratic2,
  rosenbrock,
  type Problem,
} from '../../code/optimization/problems.ts';

/** One style per method, shared by every figure of the chapter. */
const STYLE = {
  gd: { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  armijo: { color: PALETTE[2], dash: '6,3', symbol: 'square' },
  momentum: { color: PALETTE[1], dash: '2,3', symbol: 'triangle' },
  newton: { color: PALETTE[4], dash: '10,3,2,3', symbol: 'diamond' },
} as const;
type Method = keyof typeof STYLE;

/** One style per SGD step schedule: not the methods' shapes. */
const SCHEDULE_STYLE = [
  { color: PALETTE[3], dash: '8,3', symbol: 'cross' },
  { color: PALETTE[5], dash: 'none', symbol: 'plus' },
  { color: PALETTE[0], dash: '2,2', symbol: 'times' },
] as const;

// ---------------------------------------------------------------------
// Trajectories over contour plots.

interface Path {
  method: Method;
  label: string;
  run: RunResult;
}

/** Contours of f and the iterates of each path, clipped to the box. */
function pathsFigure(
  f: (x: number, y: number) => number,
  box: { x: [number, number]; y: [number, number] },
  thresholds: number[],
  paths: Path[],
  minimum: [number, number],
): string {
  const marks: Plot.Markish[] = [
    Plot.contour({
      value: f,
      x1: box.x[0], x2: box.x[1], y1: box.y[0], y2: box.y[1],
      thresholds,
      stroke: 'currentColor',
      strokeOpacity: 0.3,
      fill: 'none',
    }),
  ];
  for (const p of paths) {
    const s = STYLE[p.method];
    const pts = p.run.history.map(({ x }, k) => ({ k, x: x[0], y: x[1] }));
    // a marker wherever the path has moved a 40th of the box since the
    // last one, so slow crawls do not pile up markers
    const gap = (box.x[1] - box.x[0]) / 40;
    let last = pts[0];
    const marked = pts.filter((q, i) => {
      const far = Math.hypot(q.x - last.x, q.y - last.y) >= gap;
      if (i === 0 || far) last = q;
      return i === 0 || far;
    });
    marks.push(
      Plot.line(pts, {
        x: 'x', y: 'y', stroke: s.color, strokeWidth: 1.8,
        strokeDasharray: s.dash, clip: true,
      }),
      Plot.dot(marked, {
        x: 'x', y: 'y', symbol: s.symbol, stroke: s.color, r: 3.5,
        clip: true,
      }),
    );
  }
  marks.push(
    Plot.dot([{ x: minimum[0], y: minimum[1] }], {
      x: 'x', y: 'y', symbol: 'star', fill: 'currentColor', r: 6,
    }),
  );
  return renderPlot({
    aspectRatio: 1,
    x: { domain: box.x, label: 'x₁' },
    y: { domain: box.y, label: 'x₂' },
    marks,
  });
}

/** The ill-conditioned quadratic of the trajectory figure. */
export const QUAD = { L: 10, mu: 1, angle: Math.PI / 6, start: [-4, 2.5] };

/** GD with 2/(L+μ), heavy ball and Newton on the quadratic. */
export function quadraticPaths() {
  const q = quadratic2(QUAD.L, QUAD.mu, QUAD.angle);
  const x0 = Float64Array.from(QUAD.start);
  const hb = heavyBallParams(QUAD.L, QUAD.mu);
  const opts = { tol: 1e-6, maxIter: 1000 };
  const paths: Path[] = [
    { method: 'gd', label: 'gradient descent, η = 2/(L+μ)',
      run: gradientDescent(q.f, q.grad, x0, {
        ...opts, eta: 2 / (QUAD.L + QUAD.mu),
      }) },
    { method: 'momentum', label: 'heavy ball',
      run: gradientDescent(q.f, q.grad, x0, {
        ...opts, eta: hb.eta, momentum: hb.beta,
      }) },
    { method: 'newton', label: 'Newton',
      run: newton(q.f, q.grad, q.hess, x0, { tol: 1e-6 }) },
  ];
  return { q, paths };
}

export function quadraticPathsFigure(): string {
  const { q, paths } = quadraticPaths();
  const f = (x: number, y: number) => q.f(Float64Array.of(x, y));
  const levels = [0.1, 0.5, 1.5, 3, 5, 8, 12, 17, 23, 30];
  return pathsFigure(f, { x: [-5, 2], y: [-1.5, 5] }, levels, paths,
    [0, 0]);
}

/** Gradient descent (Armijo), heavy ball and damped Newton on Rosenbrock. */
export function rosenbrockPaths() {
  const x0 = Float64Array.of(-1.2, 1);
  const r: Problem = rosenbrock;
  const paths: Path[] = [
    { method: 'armijo', label: 'gradient descent, Armijo',
      run: gradientDescent(r.f, r.grad, x0, {
        lineSearch: true, maxIter: 50_000,
      }) },
    { method: 'momentum', label: 'heavy ball, η = 0.001, β = 0.9',
      run: gradientDescent(r.f, r.grad, x0, {
        eta: 1e-3, momentum: 0.9, maxIter: 50_000,
      }) },
    { method: 'newton', label: 'Newton, damped',
      run: newton(r.f, r.grad, r.hess, x0, { lineSearch: true }) },
  ];
  const pure = newton(r.f, r.grad, r.hess, x0);
  return { paths, pure };
}

export function rosenbrockPathsFigure(): string {
  const { paths } = rosenbrockPaths();
  const f = (x: number, y: number) =>
    rosenbrock.f(Float64Array.of(x, y));
  const levels = [0.1, 0.5, 2, 5, 15, 40, 100, 250, 500];
  return pathsFigure(f, { x: [-1.6, 1.6], y: [-0.6, 2.0] }, levels,
    paths, [1, 1]);
}

/** Where backtracking stalls: a quadratic whose minimum is far from 0. */
export function armijoStall() {
  const q = quadratic2(100, 1, 0.4, Float64Array.of(2, 1));
  const run = gradientDescent(q.f, q.grad, Float64Array.of(0, 0), {
    lineSearch: true, maxIter: 10_000, tol: 0, requireConvergence: false,
  });
  return { fStar: q.f(Float64Array.of(2, 1)), gradNorm: run.gradNorm };
}

// ---------------------------------------------------------------------
// The rate of gradient descent and of heavy ball on quadratics.

/** The condition number and length of the rate figure. */
export const RATE_KAPPA = 100;
export const RATE_STEPS = 300;

/** ‖e_k‖/‖e_0‖ from the worst start, with the two bounds. */
export function rates() {
  const kappa = RATE_KAPPA;
  const q = quadratic2(kappa, 1, 0.3);
  const worst = Float64Array.of(-Math.sin(0.3), Math.cos(0.3));
  const rho = (kappa - 1) / (kappa + 1);
  const hb = heavyBallParams(kappa, 1);
  const run = (eta: number, beta: number) =>
    gradientDescent(q.f, q.grad, worst, {
      eta, momentum: beta, maxIter: RATE_STEPS, tol: 0,
      requireConvergence: false,
    }).history.map(({ x }) => norm(x));
  return [
    { method: 'gd' as Method, err: run(2 / (kappa + 1), 0),
      bound: (k: number) => rho ** k },
    { method: 'momentum' as Method, err: run(hb.eta, hb.beta),
      bound: (k: number) => (2 * k + 1) * hb.rho ** k },
  ];
}

export function rateFigure(): string {
  const curves = rates();
  const marks: Plot.Markish[] = [];
  for (const c of curves) {
    const s = STYLE[c.method];
    const name = c.method === 'gd' ? 'gradient descent' : 'heavy ball';
    const pts = c.err
      .map((e, k) => ({ k, e, b: c.bound(k) }))
      .filter((p) => p.e > 1e-12 && p.e < 10);
    const every = 10;
    marks.push(
      Plot.line(pts, {
        x: 'k', y: 'b', stroke: 'currentColor', strokeOpacity: 0.5,
        strokeDasharray: '3,3', clip: true,
      }),
      Plot.line(pts, {
        x: 'k', y: 'e', stroke: s.color, strokeWidth: 1.8,
        strokeDasharray: s.dash, clip: true,
      }),
      Plot.dot(pts.filter((p) => p.k % every === 0), {
        x: 'k', y: 'e', symbol: s.symbol, stroke: s.color, r: 3,
        clip: true,
      }),
      Plot.text([pts[pts.length - 1]], {
        x: 'k', y: 'e', text: () => name, dx: 6,
        dy: c.method === 'momentum' ? -8 : 0, textAnchor: 'start',
        fill: 'currentColor', clip: false,
      }),
    );
  }
  return renderPlot({
    height: 340,
    marginRight: 120,
    x: { label: 'step k', domain: [0, RATE_STEPS] },
    y: {
      type: 'log', label: '‖xₖ − x*‖ / ‖x₀ − x*‖', domain: [1e-12, 10],
      ticks: [1e-12, 1e-9, 1e-6, 1e-3, 1], tickFormat: powerOfTen,
      grid: true,
    },
    marks,
  });
}

// ---------------------------------------------------------------------
// Stochastic gradient descent on the mean problem.

/** The SGD study, run once per build and shared by figure and prose. */
export const sgdRuns = once(() => sgdStudy());

/** Ticks of the SGD figure's step axis. */
const SGD_TICKS = [1, 2, 5, 10, 20, 50, 100, 200];

export function sgdFigure(): string {
  const study = sgdRuns();
  const marks: Plot.Markish[] = [
    Plot.text(SGD_TICKS, { x: (d: number) => d, frameAnchor: 'bottom',
      lineAnchor: 'top', dy: 9, text: (d: number) => String(d),
      fill: 'currentColor' }),
  ];
  study.curves.forEach((c, i) => {
    const s = SCHEDULE_STYLE[i];
    const pts = Array.from(c.mse, (m, k) => ({
      k: k + 1, m, t: c.theory[k],
    }));
    marks.push(
      Plot.line(pts, {
        x: 'k', y: 't', stroke: 'currentColor', strokeOpacity: 0.6,
        strokeDasharray: '3,3',
      }),
      Plot.line(pts, {
        x: 'k', y: 'm', stroke: s.color, strokeWidth: 1.6,
        strokeDasharray: s.dash,
      }),
      Plot.dot(pts.filter((p) => [2, 5, 12, 30, 80, 200].includes(p.k)), {
        x: 'k', y: 'm', symbol: s.symbol, stroke: s.color, r: 4,
        strokeWidth: 1.8,
      }),
      Plot.text([pts[pts.length - 1]], {
        x: 'k', y: 'm', text: () => c.name, dx: 6, textAnchor: 'start',
        fill: 'currentColor',
      }),
    );
  });
  return renderPlot({
    height: 340,
    marginRight: 90,
    // the tick labels are drawn as text: Plot's log axis blanks the
    // labels of 5 and 50 (d3's log tick format keeps leading digits <= 4)
    x: { type: 'log', label: 'step k + 1', ticks: SGD_TICKS,
      tickFormat: () => '' },
    y: { type: 'log', label: 'mean ‖xₖ − ā‖² over runs',
      tickFormat: powerOfTen, ticks: [1e-3, 1e-2, 1e-1, 1, 10], grid: true },
    marks,
  });
}

// ---------------------------------------------------------------------
// The iris problem.

/** The iris study, run once per build and shared by figure and prose. */
export const irisRuns = once(irisStudy);

export function irisFigure(): string {
  const { runs, newton: best } = irisRuns();
  const methods: Method[] = ['gd', 'armijo', 'momentum', 'newton'];
  const fStar = best.f;
  const marks: Plot.Markish[] = [];
  runs.forEach(({ name, run }, i) => {
    const s = STYLE[methods[i]];
    const pts = run.history
      .map(({ f }, k) => ({ k: k + 1, gap: Math.max(f - fStar, 1e-17) }))
      .filter((p) => p.k < 10 || Math.round(Math.log(p.k) * 40) !==
        Math.round(Math.log(p.k - 1) * 40));
    marks.push(
      Plot.line(pts, {
        x: 'k', y: 'gap', stroke: s.color, strokeWidth: 1.8,
        strokeDasharray: s.dash,
      }),
      Plot.dot(pts.filter((_, j) => j % 12 === 0 || pts.length < 20), {
        x: 'k', y: 'gap', symbol: s.symbol, stroke: s.color, r: 3.5,
      }),
      Plot.text([pts[pts.length - 1]], {
        x: 'k', y: 'gap', text: () => name, dx: 6, textAnchor: 'start',
        fill: 'currentColor',
      }),
    );
  });
  return renderPlot({
    height: 340,
    marginRight: 150,
    x: { type: 'log', label: 'step k + 1', tickFormat: powerOfTen,
      ticks: [1, 10, 100, 1000] },
    y: { type: 'log', label: 'f(θₖ) − f(θ*)', domain: [1e-17, 1],
      ticks: [1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1], tickFormat: powerOfTen,
      grid: true },
    marks,
  });
}

// ---------------------------------------------------------------------
// Numbers the prose shows.

/** Gradient descent's steps for a factor eps at the best fixed step:
 *  ln(1/eps) / ln(1/rho), rho = (kappa - 1)/(kappa + 1), Eq. (opt-gd-rate). */
function gdSteps(kappa: number, eps: number): number {
  return Math.ceil(Math.log(1 / eps) / -Math.log((kappa - 1) / (kappa + 1)));
}

/** The relative distance ‖a − b‖ / ‖b‖. */
function relDist(a: Vector, b: number[]): number {
  const bb = Float64Array.from(b);
  return norm(subVec(a, bb)) / norm(bb);
}

/** The iris numbers: the runs, the spectrum and what it predicts. */
function irisNumbers() {
  const iris = irisRuns();
  const Lhat = smoothnessBound(iris.X);
  const eig = ref.iris.hessian_eigenvalues;
  const kappa = eig[2] / eig[0];
  let petalMin = Infinity;
  let petalMax = -Infinity;
  for (let i = 0; i < iris.X.rows; i++) {
    petalMin = Math.min(petalMin, iris.X.get(i, 1));
    petalMax = Math.max(petalMax, iris.X.get(i, 1));
  }
  const gap = (i: number) => iris.runs[i].run.f - iris.newton.f;
  // the flattest direction shrinks by 1 - eta mu with eta = 1/L-hat
  const contraction = eig[0] / Lhat;
  const theta = Array.from(iris.newton.x);
  const sp = ref.iris.scipy_trust_exact;
  return {
    budget: IRIS_BUDGET, newtonIterations: iris.newton.iterations,
    theta, f: iris.newton.f, Lhat, gaps: [gap(0), gap(1), gap(2)],
    eig, kappa, petalMin, petalMax, invMu: 1 / eig[0],
    contraction,
    flatSteps: Math.log(1e8) / -Math.log(1 - contraction),
    bestFixedStepsRounded: 1000 * Math.round((kappa / 2) *
      Math.log(1e8) / 1000),
    invMuRounded: Math.round(1 / eig[0]),
    scipyNit: sp.nit, scipyGradNorm: sp.grad_norm,
    sklearnGradNorm: ref.iris.sklearn.grad_norm,
    distScipy: relDist(iris.newton.x, sp.theta),
    distSklearn: relDist(iris.newton.x, ref.iris.sklearn.theta),
    bound: 1e-10 / eig[0],
  };
}

function libraryNumbers() {
  const qp = ref.equality_qp;
  const ours = equalityQP(fromRows(qp.Q), Float64Array.from(qp.c),
    fromRows(qp.G), Float64Array.from(qp.h));
  const hs = ref.halfspace;
  const hsOurs = projectHalfspace(Float64Array.from(hs.y),
    Float64Array.from(hs.a), hs.b);
  const m = ref.rosenbrock.minimize;
  return {
    qpX: relDist(ours.x, qp.x), qpNu: relDist(ours.nu, qp.scipy_v),
    halfspace: relDist(hsOurs.x, hs.x),
    nu: Array.from(ours.nu),
    bfgs: { nit: m.BFGS.nit, nfev: m.BFGS.nfev },
    ncg: { nit: m['Newton-CG'].nit },
  };
}

function sgdNumbers() {
  const study = sgdRuns();
  const last = SGD_SETUP.steps;
  const at = (i: number) => ({ mse: study.curves[i].mse[last],
    se: study.curves[i].se[last], theory: study.curves[i].theory[last] });
  let maxZ = 0;
  for (let i = 0; i < study.curves.length; i++) {
    const c = at(i);
    maxZ = Math.max(maxZ, Math.abs(c.mse - c.theory) / c.se);
  }
  return { sigma2: study.sigma2, setup: { ...SGD_SETUP }, etas: [...SGD_ETAS],
    last: [at(0), at(1), at(2)], maxZ,
    floors: SGD_ETAS.map((eta) => (eta * study.sigma2) / (2 - eta)) };
}

export default cached('optimization', () => {
  const quad = quadraticPaths();
  const ros = rosenbrockPaths();
  let pureMax = -Infinity;
  for (const h of ros.pure.history) pureMax = Math.max(pureMax, h.f);
  const saddle = eig2(rosenbrock.hess(Float64Array.of(0, 1)));
  const hb1000 = heavyBallSteps(1000, 1e-6);
  return {
    quadraticPathsFigure: quadraticPathsFigure(),
    rateFigure: rateFigure(),
    rosenbrockPathsFigure: rosenbrockPathsFigure(),
    sgdFigure: sgdFigure(),
    irisFigure: irisFigure(),
    quad: { ...QUAD, kappa: QUAD.L / QUAD.mu,
      iterations: quad.paths.map((p) => p.run.iterations) },
    saddle,
    gdSteps: [gdSteps(10, 1e-6), gdSteps(100, 1e-6), gdSteps(1000, 1e-6)],
    hb: { rate: hb1000.rate, bound: hb1000.bound },
    rateKappa: RATE_KAPPA, rateKappaRoot: Math.sqrt(RATE_KAPPA),
    ros: { iterations: ros.paths.map((p) => p.run.iterations),
      evaluations: ros.paths.map((p) => p.run.evaluations),
      pureIterations: ros.pure.iterations, pureStart: ros.pure.history[0].f,
      pureMax },
    sgd: sgdNumbers(),
    iris: irisNumbers(),
    lib: libraryNumbers(),
    stall: armijoStall(),
    overshootKappa: 3 + 2 * Math.SQRT2,
    versions: ref.versions,
  };
});
