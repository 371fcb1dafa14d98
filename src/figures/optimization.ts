// Build-time figures of the optimization chapter, computed by its code,
// seeded. Colour is always paired with a dash pattern or a marker shape,
// so print and colour-blind readers lose nothing.
import { once, renderPlot, PALETTE, Plot } from '../lib/plot.ts';
import { powerOfTen } from '../lib/format.ts';
import { createRng } from '../../code/introduction/random.ts';
import { Matrix, norm } from '../../code/linear-algebra/matrix.ts';
import { gradientDescent } from '../../code/optimization/gradient-descent.ts';
import { irisStudy } from '../../code/optimization/iris.ts';
import { newton } from '../../code/optimization/newton.ts';
import type { RunResult } from '../../code/optimization/objective.ts';
import {
  quadratic2,
  rosenbrock,
  type Problem,
} from '../../code/optimization/problems.ts';
import {
  meanProblem,
  sgd,
  sgdMeanSquaredError,
} from '../../code/optimization/sgd.ts';

/** One style per method, shared by every figure of the chapter. */
const STYLE = {
  gd: { color: PALETTE[0], dash: 'none', symbol: 'circle' },
  armijo: { color: PALETTE[2], dash: '6,3', symbol: 'square' },
  momentum: { color: PALETTE[1], dash: '2,3', symbol: 'triangle' },
  newton: { color: PALETTE[4], dash: '10,3,2,3', symbol: 'diamond' },
} as const;
type Method = keyof typeof STYLE;

/** Heavy-ball step and momentum for spectrum [mu, L], and its rate. */
export function heavyBallParams(L: number, mu: number) {
  const rho = (Math.sqrt(L) - Math.sqrt(mu)) / (Math.sqrt(L) + Math.sqrt(mu));
  return { eta: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, beta: rho ** 2, rho };
}

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
        x: 'k', y: 'e', text: () => name,
        dx: 6, textAnchor: 'start', fill: 'currentColor', clip: false,
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

export const SGD_SETUP = {
  n: 50, d: 2, spread: 1, start: [4, -3], runs: 400, steps: 300, seed: 21,
};
export const SGD_ETAS = [0.5, 0.1] as const;

/** Mean of ‖x_k − ā‖² over many seeded runs, with the theory. */
export function sgdStudy() {
  const { n, d, spread, start, runs, steps, seed } = SGD_SETUP;
  const A = new Matrix(n, d, createRng(seed).normalArray(n * d, 0, spread));
  const p = meanProblem(A);
  const x0 = Float64Array.from(start, (v, j) => p.mean[j] + v);
  const e0 = start.reduce((s, v) => s + v * v, 0);
  const schedules = [
    ...SGD_ETAS.map((eta) => ({
      name: `η = ${eta}`, eta: eta as number | ((k: number) => number),
      theory: (k: number) => sgdMeanSquaredError(eta, p.sigma2, 1, e0, k),
    })),
    { name: 'ηₖ = 1/(k+1)', eta: (k: number) => 1 / (k + 1),
      theory: (k: number) => (k === 0 ? e0 : p.sigma2 / k) },
  ];
  const curves = schedules.map((s) => {
    const mse = new Float64Array(steps + 1);
    for (let r = 0; r < runs; r++) {
      const run = sgd(p, x0, { eta: s.eta, steps, seed: seed + 1 + r });
      run.history.forEach(({ x }, k) => {
        let e = 0;
        for (let j = 0; j < d; j++) e += (x[j] - p.mean[j]) ** 2;
        mse[k] += e / runs;
      });
    }
    return { ...s, mse };
  });
  return { sigma2: p.sigma2, e0, curves };
}

export function sgdFigure(study: ReturnType<typeof sgdStudy>): string {
  const styles: Method[] = ['momentum', 'gd', 'newton'];
  const marks: Plot.Markish[] = [];
  study.curves.forEach((c, i) => {
    const s = STYLE[styles[i]];
    const pts = Array.from(c.mse, (m, k) => ({
      k: k + 1, m, t: c.theory(k),
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
        x: 'k', y: 'm', symbol: s.symbol, stroke: s.color, r: 3.5,
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
    x: { type: 'log', label: 'step k + 1', tickFormat: powerOfTen,
      ticks: [1, 10, 100] },
    y: { type: 'log', label: 'mean ‖xₖ − x*‖² over runs',
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
