// Tests for the optimization chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/foundations/optimization.mdx.
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  gradientCheck,
  relativeError,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { hessianCheck } from '../code/calculus/numerical.ts';
import {
  Matrix,
  dot,
  fromRows,
  matvec,
  norm,
  subVec,
  transpose,
  matmul,
} from '../code/linear-algebra/matrix.ts';
import { solve } from '../code/linear-algebra/solve.ts';
import {
  equalityQP,
  kktResiduals,
  projectBox,
  projectHalfspace,
} from '../code/optimization/constrained.ts';
import { gradientDescent } from '../code/optimization/gradient-descent.ts';
import {
  IRIS_BUDGET,
  irisPetals,
  smoothnessBound,
} from '../code/optimization/iris.ts';
import { armijo } from '../code/optimization/line-search.ts';
import { logisticLoss } from '../code/optimization/logistic.ts';
import { newton } from '../code/optimization/newton.ts';
import {
  ConvergenceError,
  DivergenceError,
  checkRange,
  checked,
  finish,
  gradient,
} from '../code/optimization/objective.ts';
import {
  EXP_SUM_MIN,
  eig2,
  expSum,
  quadratic,
  quadratic2,
  rosenbrock,
} from '../code/optimization/problems.ts';
import {
  meanProblem,
  sgd,
  sgdMeanSquaredError,
} from '../code/optimization/sgd.ts';
import {
  SGD_SETUP,
  heavyBallParams,
  heavyBallSteps,
  sgdStudy,
} from '../code/optimization/studies.ts';
import {
  stationarityBound,
} from '../code/optimization/solutions/nonconvex-check.ts';
import {
  boxMultipliers,
  projectedGradient,
} from '../code/optimization/solutions/projected-gradient.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/optimization.ts';

const ref = fixture('optimization', 'scipy.json');

const EPS = Number.EPSILON;
const vec = (...v: number[]) => Float64Array.from(v);
const dist = (a: Float64Array, b: Float64Array) => norm(subVec(a, b));

/** GD's best fixed step 2/(L + μ) and its rate (κ−1)/(κ+1). */
function gdRate(L: number, mu: number) {
  return { eta: 2 / (L + mu), rho: (L - mu) / (L + mu) };
}

/** The heavy-ball parameters of Eq. (opt-hb-params). */
function hbParams(L: number, mu: number) {
  const rho = (Math.sqrt(L) - Math.sqrt(mu)) / (Math.sqrt(L) + Math.sqrt(mu));
  return { eta: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, beta: rho * rho, rho };
}

/** A fixed number of GD steps (no stopping test), as a run. */
function gdSteps(
  q: ReturnType<typeof quadratic>,
  x0: Float64Array,
  steps: number,
  eta: number,
  momentum = 0,
) {
  return gradientDescent(q.f, q.grad, x0, {
    eta,
    momentum,
    maxIter: steps,
    tol: 0,
    requireConvergence: false,
  });
}

describe('the problems and their derivatives', () => {
  it('the quadratic gradient Ax − b matches central differences', () => {
    const rng = createRng(1);
    const M = new Matrix(4, 4, rng.normalArray(16));
    const A = matmul(transpose(M), M); // symmetric
    const q = quadratic(A, rng.normalArray(4));
    const c = gradientCheck(q.f, q.grad, rng.normalArray(4));
    expect(c.ok, `max error ${c.maxError}`).toBe(true);
  });

  it("Rosenbrock's gradient and Hessian match finite differences", () => {
    for (const p of [vec(-1.2, 1), vec(0.3, -0.7), vec(1.5, 2)]) {
      const g = gradientCheck(rosenbrock.f, rosenbrock.grad, p);
      expect(g.ok, `gradient at ${p}: ${g.maxError}`).toBe(true);
      const h = hessianCheck(rosenbrock.grad, rosenbrock.hess, p);
      expect(h.ok, `Hessian at ${p}: ${h.maxError}`).toBe(true);
    }
  });

  it("Rosenbrock's f, gradient and Hessian equal SciPy's rosen*", () => {
    // Same polynomial, evaluated in a different order: a few ulps of
    // the largest term (|terms| <= 1e3 at these points).
    const r = ref.rosenbrock;
    r.points.forEach((p: number[], i: number) => {
      const x = Float64Array.from(p);
      const tol = { rtol: 1e-14, atol: 1e-12 };
      assertAllClose(rosenbrock.f(x), r.f[i], tol, `f at ${p}`);
      assertAllClose(rosenbrock.grad(x), r.grad[i], tol, `grad at ${p}`);
      assertAllClose(rosenbrock.hess(x).data, r.hess[i], tol, `H at ${p}`);
    });
  });

  it('the exp-sum function: derivatives, minimizer and minimum', () => {
    const p = vec(-0.4, 0.2);
    expect(gradientCheck(expSum.f, expSum.grad, p).ok).toBe(true);
    expect(hessianCheck(expSum.grad, expSum.hess, p).ok).toBe(true);
    // ∇f(x*) is a sum of terms of size ~1, each rounded: a few ε
    expect(norm(expSum.grad(EXP_SUM_MIN.x))).toBeLessThan(10 * EPS);
    expect(relativeError(expSum.f(EXP_SUM_MIN.x), EXP_SUM_MIN.f))
      .toBeLessThan(4 * EPS);
  });

  it('the logistic loss: gradient and Hessian match finite differences', () => {
    const { X, y } = irisPetals();
    const p = logisticLoss(X, y);
    const t = vec(-20, 2, 5);
    const g = gradientCheck(p.f, p.grad, t);
    expect(g.ok, `gradient: ${g.maxError}`).toBe(true);
    const h = hessianCheck(p.grad, p.hess, t);
    expect(h.ok, `Hessian: ${h.maxError}`).toBe(true);
    // the finite sum: the mean of the gradI is the gradient
    const mean = new Float64Array(3);
    for (let i = 0; i < p.n; i++) {
      p.gradI(i, t).forEach((v, j) => (mean[j] += v / p.n));
    }
    assertAllClose(mean, p.grad(t), { rtol: 1e-13, atol: 1e-15 });
  });

  it('quadratic2 has eigenvalues L and μ and its minimum at x*', () => {
    const q = quadratic2(50, 2, 0.7, vec(1, -3));
    const { max, min } = eig2(q.A);
    // entries of size 50 rounded once or twice: 1e-13 is ~20 ulps
    expect(Math.abs(max - 50)).toBeLessThan(1e-13);
    expect(Math.abs(min - 2)).toBeLessThan(1e-13);
    expect(norm(q.grad(vec(1, -3)))).toBeLessThan(1e-13);
  });

  it('convexity: the tangent plane lies below a convex f, not Rosenbrock', () => {
    // Eq. (opt-first-order) on 200 random pairs for the exp-sum function
    const rng = createRng(2);
    for (let t = 0; t < 200; t++) {
      const x = rng.normalArray(2);
      const z = rng.normalArray(2);
      const tangent = expSum.f(x) + dot(expSum.grad(x), subVec(z, x));
      expect(expSum.f(z)).toBeGreaterThanOrEqual(tangent - 1e-12);
    }
    // Rosenbrock: at (0, 1) the Hessian has a negative eigenvalue, and
    // the tangent plane there lies above f at (0.2, 1)
    expect(eig2(rosenbrock.hess(vec(0, 1))).min).toBeLessThan(0);
    const x = vec(0, 1);
    const z = vec(0.2, 1);
    const tangent = rosenbrock.f(x) + dot(rosenbrock.grad(x), subVec(z, x));
    expect(rosenbrock.f(z)).toBeLessThan(tangent);
  });
});

describe('gradient descent with a fixed step', () => {
  it('f falls by at least η(1 − Lη/2)‖∇f‖² per step (Eq. opt-descent)', () => {
    const q = quadratic2(20, 1, 0.3);
    for (const eta of [0.02, 0.05, 0.09]) {
      const run = gdSteps(q, vec(3, -2), 50, eta);
      for (let k = 0; k < 50; k++) {
        const { f, gradNorm } = run.history[k];
        const drop = eta * (1 - (20 * eta) / 2) * gradNorm ** 2;
        // rounding in f of size |f| ≲ 100: 1e-13 absolute
        expect(run.history[k + 1].f).toBeLessThanOrEqual(f - drop + 1e-13);
      }
    }
  });

  it('the rate bound ((κ−1)/(κ+1))^k holds at every step (Eq. opt-gd-rate)', () => {
    const rng = createRng(3);
    for (const kappa of [2, 10, 100, 1000]) {
      const q = quadratic2(kappa, 1, rng.uniform(0, Math.PI));
      const { eta, rho } = gdRate(kappa, 1);
      const x0 = rng.normalArray(2);
      const run = gdSteps(q, x0, 300, eta);
      // the worst ‖e_k‖ / (ρ^k ‖e_0‖) over all k, at most 1 up to
      // rounding: one ε per step and entry, 10kε in all
      const worst = Math.max(...run.history.map(({ x }, k) =>
        norm(x) / (rho ** k * norm(x0) * (1 + 10 * k * EPS))));
      expect(worst, `κ = ${kappa}`).toBeLessThanOrEqual(1);
    }
  });

  it('the rate bound is attained from an eigenvector start', () => {
    const angle = 0.9;
    const q = quadratic2(100, 1, angle);
    const { eta, rho } = gdRate(100, 1);
    const v = vec(-Math.sin(angle), Math.cos(angle)); // μ's eigenvector
    const run = gdSteps(q, v, 200, eta);
    const k = 200;
    // exact in exact arithmetic; rounding perturbs the direction by
    // ~ε per step, and the other direction contracts equally fast
    expect(relativeError(norm(run.x), rho ** k)).toBeLessThan(1e-10);
  });

  it('steps to reduce the error by 10⁶ grow like κ/2 · ln 10⁶', () => {
    for (const kappa of [10, 100, 1000]) {
      const q = quadratic2(kappa, 1, 0.5);
      const { eta, rho } = gdRate(kappa, 1);
      const v = vec(-Math.sin(0.5), Math.cos(0.5)); // the worst start
      const run = gdSteps(q, v, 20 * kappa, eta);
      const k = run.history.findIndex(({ x }) => norm(x) <= 1e-6);
      const predicted = Math.ceil(Math.log(1e6) / -Math.log(rho));
      expect(k).toBe(predicted);
      // and ln(1/ρ) ≈ 2/κ, so k is within 1% + 1 of (κ/2) ln 10⁶
      expect(Math.abs(k - (kappa / 2) * Math.log(1e6)))
        .toBeLessThanOrEqual(0.01 * k + 1);
    }
  });

  it('η = 0.99 · 2/L converges; η = 1.01 · 2/L diverges', () => {
    const q = quadratic2(10, 1, 0.2, vec(1, 2));
    const ok = gradientDescent(q.f, q.grad, vec(0, 0), {
      eta: 0.99 * (2 / 10),
      maxIter: 5000,
    });
    expect(ok.converged).toBe(true);
    expect(dist(ok.x, vec(1, 2))).toBeLessThan(1e-8);
    expect(() =>
      gradientDescent(q.f, q.grad, vec(0, 0), { eta: 1.01 * (2 / 10) }),
    ).toThrow(DivergenceError);
  });

  it('GD converges to the solution of Ax = b on a 6-d quadratic', () => {
    const rng = createRng(4);
    const M = new Matrix(40, 6, rng.normalArray(240));
    const A = matmul(transpose(M), M); // κ(A) ≈ 6 for 40 x 6 Gaussian M
    const b = rng.normalArray(6);
    const q = quadratic(A, b);
    // Armijo compares values of f; below ‖∇f‖ ≈ √(ε|f|/t) the decrease
    // it asks for drowns in rounding (see the pitfalls), so tol = 1e-7
    const run = gradientDescent(q.f, q.grad, new Float64Array(6), {
      lineSearch: true,
      tol: 1e-7,
    });
    // ‖x − x*‖ <= ‖∇f‖/μ with μ = λmin(A) > 1 here: below 1e-7
    expect(dist(run.x, solve(A, b))).toBeLessThan(1e-7);
  });

  it('a run that needs more than maxIter steps throws or reports it', () => {
    const q = quadratic2(100, 1, 0.3);
    let err: unknown;
    try {
      gradientDescent(q.f, q.grad, vec(1, 1), { eta: 0.01, maxIter: 10 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConvergenceError);
    expect((err as ConvergenceError).result.history).toHaveLength(11);
    expect(String(err)).toMatch(/no convergence in 10 steps/);
    const run = gdSteps(q, vec(1, 1), 10, 0.01);
    expect(run.converged).toBe(false);
    expect(run.iterations).toBe(10);
  });
});

describe('backtracking line search (Armijo)', () => {
  it('the accepted step satisfies Eq. (opt-armijo), its predecessor not', () => {
    const x = vec(-1.2, 1);
    const fx = rosenbrock.f(x);
    const g = rosenbrock.grad(x);
    const d = g.map((v) => -v);
    const s = armijo(rosenbrock.f, x, fx, g, d, 1, { c: 1e-4, shrink: 0.5 });
    expect(s.f).toBeLessThanOrEqual(fx + 1e-4 * s.t * dot(g, d));
    const t = 2 * s.t; // the last rejected step
    const rejected = rosenbrock.f(x.map((v, j) => v + t * d[j]));
    expect(rejected).toBeGreaterThan(fx + 1e-4 * t * dot(g, d));
    expect(s.evaluations).toBe(Math.round(Math.log2(1 / s.t)) + 1);
  });

  it('it never accepts a step below min(t0, 2τ(1 − c)/L) (Eq. opt-armijo-t)', () => {
    const rng = createRng(5);
    for (const L of [1, 10, 1000]) {
      const q = quadratic2(L, 0.5, rng.uniform(0, 3));
      for (let trial = 0; trial < 20; trial++) {
        const x = rng.normalArray(2);
        const g = q.grad(x);
        const s = armijo(q.f, x, q.f(x), g, g.map((v) => -v), 1);
        expect(s.t).toBeGreaterThanOrEqual(
          Math.min(1, (2 * 0.5 * (1 - 1e-4)) / L),
        );
      }
    }
  });

  it('GD with Armijo solves Rosenbrock, f falling at every step', () => {
    const run = gradientDescent(rosenbrock.f, rosenbrock.grad, vec(-1.2, 1), {
      lineSearch: true,
      maxIter: 50_000,
    });
    // ‖∇f‖ <= 1e-8 and μ(x*) ≈ 0.4: ‖x − x*‖ ≲ 2.5e-8
    expect(dist(run.x, vec(1, 1))).toBeLessThan(1e-7);
    const rises = run.history.filter((h, k) =>
      k > 0 && !(h.f < run.history[k - 1].f));
    expect(rises).toHaveLength(0);
  });

  it('with Armijo, a first trial step far above 2/L still converges', () => {
    // x* = 0 and f* = 0, so rounding in f shrinks with f (compare the
    // previous test) and Armijo can resolve steps down to tol = 1e-10
    const q = quadratic2(100, 1, 0.4);
    const run = gradientDescent(q.f, q.grad, vec(2, 1), {
      lineSearch: true, // t0 = 1, 50 times the limit 2/L
      tol: 1e-10,
    });
    // ‖x − x*‖ <= ‖∇f‖/μ = 1e-10
    expect(norm(run.x)).toBeLessThan(1e-10);
  });

  it('armijo refuses a direction that is not downhill', () => {
    const x = vec(0.5, 0.5);
    const g = rosenbrock.grad(x);
    expect(() => armijo(rosenbrock.f, x, rosenbrock.f(x), g, g, 1))
      .toThrow(/armijo: d is not a descent direction/);
  });
});

describe('momentum', () => {
  it('heavy ball obeys ‖e_k‖ <= (2k+1) ρ^k ‖e_0‖ (Eq. opt-hb-bound)', () => {
    const rng = createRng(6);
    for (const kappa of [10, 100, 1000]) {
      const q = quadratic2(kappa, 1, rng.uniform(0, Math.PI));
      const { eta, beta, rho } = hbParams(kappa, 1);
      for (let trial = 0; trial < 5; trial++) {
        const x0 = rng.normalArray(2);
        const run = gdSteps(q, x0, 400, eta, beta);
        const worst = Math.max(...run.history.map(({ x }, k) =>
          norm(x) / ((2 * k + 1) * rho ** k * norm(x0) *
            (1 + 10 * k * EPS)))); // rounding slack as for GD
        expect(worst, `κ = ${kappa}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('heavy ball needs about √κ times fewer steps than GD', () => {
    for (const kappa of [100, 1000]) {
      const q = quadratic2(kappa, 1, 0.4);
      const x0 = vec(1, 1);
      const steps = (eta: number, beta: number) =>
        gradientDescent(q.f, q.grad, x0, {
          eta, momentum: beta, tol: 1e-8, maxIter: 100_000,
        }).iterations;
      const gd = gdRate(kappa, 1);
      const hb = hbParams(kappa, 1);
      const ratio = steps(gd.eta, 0) / steps(hb.eta, hb.beta);
      // the ratio of ln ρ's is √κ (1 + O(1/κ)); the (2k+1) factor
      // costs heavy ball a few steps: demand at least half of √κ
      expect(ratio).toBeGreaterThan(Math.sqrt(kappa) / 2);
      expect(ratio).toBeLessThan(Math.sqrt(kappa) * 1.5);
    }
  });
});

describe("Newton's method", () => {
  it('one Newton step solves a quadratic exactly', () => {
    const rng = createRng(7);
    const M = new Matrix(7, 5, rng.normalArray(35));
    const A = matmul(transpose(M), M);
    const b = rng.normalArray(5);
    const q = quadratic(A, b);
    const run = newton(q.f, q.grad, q.hess, rng.normalArray(5), {
      maxIter: 1,
      requireConvergence: false,
    });
    const xStar = solve(A, b);
    // one LU solve: error ~ κ(A) ε; κ(A) < 1e4 here
    expect(dist(run.x, xStar) / norm(xStar)).toBeLessThan(1e-10);
    expect(run.gradNorm).toBeLessThan(1e-10);
  });

  it('the error ratio e_{k+1}/e_k² tends to |f‴/2f″| in one dimension', () => {
    // f(x) = e^x − 2x: x* = ln 2, f″ = f‴ = e^x, so the limit is 1/2
    const f = (x: Float64Array) => Math.exp(x[0]) - 2 * x[0];
    const grad = (x: Float64Array) => vec(Math.exp(x[0]) - 2);
    const hess = (x: Float64Array) => fromRows([[Math.exp(x[0])]]);
    const run = newton(f, grad, hess, vec(2), { tol: 1e-15 });
    const e = run.history.map(({ x }) => Math.abs(x[0] - Math.LN2));
    // with u = e_k, e_{k+1} = u − 1 + e^(−u) = u²/2 − u³/6 + …, so the
    // ratio is 1/2 within a relative u/3. Take the last ratio before
    // rounding (~ε/e_k² relative) takes over, and allow 1e-6 for the
    // rounding of e_{k+1} ≈ 1e-9
    const k = e.findIndex((v) => v < 1e-5) - 1;
    expect(relativeError(e[k + 1] / e[k] ** 2, 0.5))
      .toBeLessThan(e[k] / 3 + 1e-6);
    expect(run.iterations).toBeLessThanOrEqual(7);
  });

  it('quadratic convergence on the exp-sum function (Eq. opt-newton-rate)', () => {
    const run = newton(expSum.f, expSum.grad, expSum.hess, vec(-1, 1), {
      tol: 1e-14,
    });
    const e = run.history.map(({ x }) => dist(x, EXP_SUM_MIN.x));
    // linear convergence would make e_{k+1}/e_k² grow like 1/e_k
    // (to ~1e6 by e = 1e-6); quadratic keeps it bounded, here below 2
    for (let k = 0; e[k + 1] > 1e-13; k++) {
      expect(e[k + 1] / e[k] ** 2, `k = ${k}`).toBeLessThan(2);
    }
    expect(e[e.length - 1]).toBeLessThan(1e-15);
    expect(run.iterations).toBeLessThanOrEqual(8);
  });

  it('pure and damped Newton both solve Rosenbrock from (−1.2, 1)', () => {
    const x0 = vec(-1.2, 1);
    const pure = newton(rosenbrock.f, rosenbrock.grad, rosenbrock.hess, x0);
    expect(dist(pure.x, vec(1, 1))).toBeLessThan(1e-12);
    expect(pure.iterations).toBe(7);
    // pure Newton is not a descent method: f jumps up on the way
    expect(Math.max(...pure.history.map((h) => h.f))).toBeGreaterThan(1000);
    const damped = newton(rosenbrock.f, rosenbrock.grad, rosenbrock.hess,
      x0, { lineSearch: true });
    expect(dist(damped.x, vec(1, 1))).toBeLessThan(1e-12);
    for (let k = 1; k < damped.history.length; k++) {
      expect(damped.history[k].f).toBeLessThanOrEqual(damped.history[k - 1].f);
    }
  });

  it('Newton is affine invariant: scaled features, same iterates', () => {
    // θ_raw = T θ_std when the features are x_std = S⁻¹ (x − m)
    const { X, y } = irisPetals();
    const m = [0, 5.0, 1.7];
    const s = [1, 0.8, 0.4];
    const Xs = new Matrix(X.rows, 3, X.data.map((v, t) => {
      const j = t % 3;
      return j === 0 ? 1 : (v - m[j]) / s[j];
    }));
    const raw = logisticLoss(X, y);
    const std = logisticLoss(Xs, y);
    const start = new Float64Array(3);
    const a = newton(raw.f, raw.grad, raw.hess, start);
    const b = newton(std.f, std.grad, std.hess, start);
    expect(b.iterations).toBe(a.iterations);
    a.history.forEach(({ x }, k) => {
      const t = b.history[k].x; // map θ_std to raw coordinates
      const w1 = t[1] / s[1];
      const w2 = t[2] / s[2];
      const mapped = vec(t[0] - w1 * m[1] - w2 * m[2], w1, w2);
      // the two runs round differently; Newton amplifies that by
      // κ(H) ≈ 1.6e4 per solve: 1e-9 relative is ample
      assertAllClose(mapped, x, { rtol: 1e-9, atol: 1e-9 }, `step ${k}`);
    });
  });

  it('Newton refuses a singular Hessian and an uphill direction', () => {
    const flat = (x: Float64Array) => x[0] ** 2; // H = diag(2, 0)
    expect(() =>
      newton(flat, (x) => vec(2 * x[0], 0), () => fromRows([[2, 0], [0, 0]]),
        vec(1, 1)),
    ).toThrow(/newton: the Hessian at step 1 cannot be solved/);
    // f = x² − y² + y⁴ at (0, 0.1): H = diag(2, −1.88) is indefinite
    const f = (v: Float64Array) => v[0] ** 2 - v[1] ** 2 + v[1] ** 4;
    const g = (v: Float64Array) => vec(2 * v[0], -2 * v[1] + 4 * v[1] ** 3);
    const H = (v: Float64Array) =>
      fromRows([[2, 0], [0, -2 + 12 * v[1] ** 2]]);
    expect(() => newton(f, g, H, vec(0, 0.1), { lineSearch: true }))
      .toThrow(/points uphill/);
  });
});

describe('stochastic gradient descent', () => {
  /** 40 points in the plane, and R independent SGD runs on them. */
  function meanRuns(eta: number | ((k: number) => number), batch: number) {
    const A = new Matrix(40, 2, createRng(8).normalArray(80, 0, 2));
    const p = meanProblem(A);
    const start = vec(p.mean[0] + 3, p.mean[1] - 4); // ‖e_0‖² = 25
    const R = 2000;
    const K = 60;
    const sq = Array.from({ length: K + 1 }, () => new Float64Array(R));
    for (let r = 0; r < R; r++) {
      const run = sgd(p, start, { eta, steps: K, batch, seed: 1000 + r });
      run.history.forEach(({ x }, k) => {
        sq[k][r] = dist(x, p.mean) ** 2;
      });
    }
    /** Mean over runs and its standard error, at step k. */
    const at = (k: number) => {
      const v = sq[k];
      const m = v.reduce((s, x) => s + x, 0) / R;
      const s2 = v.reduce((s, x) => s + (x - m) ** 2, 0) / (R - 1);
      return { mean: m, se: Math.sqrt(s2 / R) };
    };
    return { p, at };
  }

  it('constant step: E‖e_k‖² follows Eq. (opt-sgd-mse) to its floor', () => {
    const { p, at } = meanRuns(0.2, 1);
    for (const k of [1, 5, 20, 60]) {
      const predicted = sgdMeanSquaredError(0.2, p.sigma2, 1, 25, k);
      const { mean, se } = at(k);
      // 2000 independent runs: the mean is within 4 standard errors of
      // its expectation unless something is wrong (p ≈ 6e-5 per check)
      expect(Math.abs(mean - predicted), `k = ${k}`).toBeLessThan(4 * se);
    }
  });

  it('a minibatch of b divides the floor by b', () => {
    const { p, at } = meanRuns(0.2, 4);
    const floor = (0.2 * p.sigma2) / (4 * 1.8); // Eq. (opt-sgd-floor)
    // by k = 60 the start's share, 25 · 0.8^120, is below 1e-10
    const predicted = sgdMeanSquaredError(0.2, p.sigma2, 4, 25, 60);
    expect(Math.abs(predicted - floor)).toBeLessThan(1e-10);
    const { mean, se } = at(60);
    expect(Math.abs(mean - floor)).toBeLessThan(4 * se); // as above
  });

  it('steps η_k = 1/(k+1): E‖e_k‖² = σ²/k, no floor (Eq. opt-sgd-average)', () => {
    const { p, at } = meanRuns((k) => 1 / (k + 1), 1);
    for (const k of [1, 10, 60]) {
      const { mean, se } = at(k);
      expect(Math.abs(mean - p.sigma2 / k), `k = ${k}`)
        .toBeLessThan(4 * se); // as above
    }
  });

  it('the same seed gives the same run; another seed another', () => {
    const p = meanProblem(new Matrix(10, 1, createRng(9).normalArray(10)));
    const run = (seed: number) =>
      sgd(p, vec(5), { eta: 0.3, steps: 30, seed }).x[0];
    expect(run(1)).toBe(run(1));
    expect(run(1)).not.toBe(run(2));
  });

  it('a step above 2 blows up, and sgd says so', () => {
    const p = meanProblem(new Matrix(10, 1, createRng(9).normalArray(10)));
    // |1 − η| = 2: the error doubles per step and overflows
    expect(() => sgd(p, vec(1), { eta: 3, steps: 3000, seed: 1 }))
      .toThrow(DivergenceError);
  });
});

describe('constrained optimization', () => {
  const qp = ref.equality_qp;
  const Q = fromRows(qp.Q);
  const G = fromRows(qp.G);
  const c = Float64Array.from(qp.c);
  const h = Float64Array.from(qp.h);

  it('the KKT system gives a feasible, stationary point (Eq. opt-kkt-system)', () => {
    const { x, nu } = equalityQP(Q, c, G, h);
    // entries ~1, one LU solve of a well-conditioned 5 x 5 system
    assertAllClose(matvec(G, x), h, { atol: 1e-14, rtol: 0 }, 'Gx = h');
    const station = matvec(Q, x).map(
      (v, i) => v + c[i] + matvec(transpose(G), nu)[i],
    );
    assertAllClose(station, new Float64Array(3), { atol: 1e-14, rtol: 0 });
  });

  it('the QP solution beats every feasible point nearby', () => {
    const { x } = equalityQP(Q, c, G, h);
    const f = (z: Float64Array) => 0.5 * dot(z, matvec(Q, z)) + dot(c, z);
    const rng = createRng(10);
    const GGt = matmul(G, transpose(G));
    for (let t = 0; t < 100; t++) {
      // a random direction projected onto the null space of G
      const w = rng.normalArray(3);
      const u = solve(GGt, matvec(G, w));
      const z = subVec(w, matvec(transpose(G), u));
      const y = x.map((v, i) => v + z[i]);
      expect(f(y)).toBeGreaterThan(f(x));
    }
  });

  it('the multiplier is the sensitivity: ∂f*/∂h_j = −ν_j', () => {
    const f = (z: Float64Array) => 0.5 * dot(z, matvec(Q, z)) + dot(c, z);
    const { nu } = equalityQP(Q, c, G, h);
    for (let j = 0; j < h.length; j++) {
      const delta = 1e-5;
      const up = h.map((v, i) => (i === j ? v + delta : v));
      const dn = h.map((v, i) => (i === j ? v - delta : v));
      const slope = (f(equalityQP(Q, c, G, up).x) -
        f(equalityQP(Q, c, G, dn).x)) / (2 * delta);
      // f* is quadratic in h, so the central difference is exact up
      // to rounding: ε |f*| / δ ≈ 1e-11
      expect(Math.abs(slope + nu[j])).toBeLessThan(1e-9);
    }
  });

  it("the QP matches SciPy's trust-constr, multipliers included", () => {
    const { x, nu } = equalityQP(Q, c, G, h);
    // SciPy stopped at optimality ~1e-15 on a system with κ ~ 10:
    // agreement to 1e-12 leaves room for its iterative solve
    assertAllClose(x, qp.x, { rtol: 1e-12, atol: 1e-12 }, 'x');
    // SciPy's v solve Qx + c + Gᵀv = 0, as our ν do
    assertAllClose(nu, qp.scipy_v, { rtol: 1e-12, atol: 1e-12 }, 'ν');
  });

  it('box projection: all four KKT conditions hold (Eq. opt-box-kkt)', () => {
    const rng = createRng(11);
    const lo = vec(-1, 0, 0.5, -2);
    const hi = vec(1, 2, 0.5, 3);
    const A = fromRows([
      [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
      [-1, 0, 0, 0], [0, -1, 0, 0], [0, 0, -1, 0], [0, 0, 0, -1],
    ]);
    const b = Float64Array.from([...hi, ...lo.map((v) => -v)]);
    for (let t = 0; t < 50; t++) {
      const y = rng.normalArray(4, 0, 3);
      const { x, alphaHi, alphaLo } = projectBox(y, lo, hi);
      const alpha = Float64Array.from([...alphaHi, ...alphaLo]);
      const r = kktResiduals(subVec(x, y), A, b, x, alpha);
      // clipping and max(·, 0) are exact up to one rounding of y − hi
      expect(r.stationarity).toBeLessThan(1e-15 * 16);
      expect(r.primal).toBe(0);
      expect(r.dual).toBe(0);
      expect(r.complementarity).toBe(0);
    }
  });

  it('half-space projection: KKT holds, and matches SciPy SLSQP', () => {
    const hs = ref.halfspace;
    const a = Float64Array.from(hs.a);
    const A = new Matrix(1, 3, a);
    const b = vec(hs.b);
    for (const y of [Float64Array.from(hs.y), vec(0, 0, 0)]) {
      const { x, alpha } = projectHalfspace(y, a, hs.b);
      const r = kktResiduals(subVec(x, y), A, b, x, vec(alpha));
      expect(Math.max(r.stationarity, r.primal, r.dual,
        r.complementarity)).toBeLessThan(1e-14);
    }
    const { x, alpha } = projectHalfspace(Float64Array.from(hs.y), a, hs.b);
    expect(alpha).toBeCloseTo(0.75, 15); // (aᵀy − b)/‖a‖² = 4.5/6
    // SLSQP reports x to about 1e-15 (ftol 1e-15)
    assertAllClose(x, hs.x, { rtol: 1e-12, atol: 1e-12 });
  });

  it('kktResiduals flags each violated condition', () => {
    const A = fromRows([[1, 0]]); // x1 <= 1
    const b = vec(1);
    const grad = vec(-2, 0); // f = (x1 − 2)² / 2 + …, at x = (1, 0)
    const good = kktResiduals(grad, A, b, vec(1, 0), vec(2));
    expect(Object.values(good).every((v) => v === 0)).toBe(true);
    expect(kktResiduals(grad, A, b, vec(1, 0), vec(1)).stationarity)
      .toBe(1);
    expect(kktResiduals(grad, A, b, vec(1.5, 0), vec(2)).primal).toBe(0.5);
    expect(kktResiduals(vec(2, 0), A, b, vec(1, 0), vec(-2)).dual).toBe(2);
    expect(kktResiduals(vec(-2, 0), A, b, vec(0, 0), vec(2))
      .complementarity).toBe(2);
  });
});

describe('on real data: the iris petals', () => {
  it("Newton's θ matches SciPy's trust-exact and scikit-learn", () => {
    const { X, y } = irisPetals();
    const p = logisticLoss(X, y);
    const run = newton(p.f, p.grad, p.hess, new Float64Array(3));
    expect(run.iterations).toBeLessThanOrEqual(12);
    // ‖θ − θ*‖ <= ‖∇f‖/μ, with μ ≈ 5e-5 from the fixture. Both runs
    // stop at ‖∇f‖ <= 1e-10, so each is within 1e-10/μ ≈ 2e-6 of θ*
    // and they agree within twice that in every entry
    expect(run.gradNorm).toBeLessThanOrEqual(1e-10);
    expect(ref.iris.scipy_trust_exact.grad_norm).toBeLessThan(1e-10);
    expect(ref.iris.sklearn.grad_norm).toBeLessThan(1e-10);
    const mu = ref.iris.hessian_eigenvalues[0];
    const tol = { rtol: 0, atol: 2e-10 / mu };
    const theirs = ref.iris.scipy_trust_exact;
    assertAllClose(run.x, theirs.theta, tol, 'scipy');
    assertAllClose(run.x, ref.iris.sklearn.theta, tol, 'sklearn');
    // f is flat at the minimum: its error is ~ ½ μ ‖θ − θ*‖², tiny
    expect(relativeError(run.f, theirs.fun)).toBeLessThan(1e-14);
  });

  it('L̂ bounds the largest eigenvalue of every Hessian (Eq. opt-logistic-l)', () => {
    const { X, y } = irisPetals();
    const p = logisticLoss(X, y);
    const L = smoothnessBound(X);
    const rng = createRng(12);
    for (let t = 0; t < 20; t++) {
      const H = p.hess(rng.normalArray(3, 0, 5));
      const trace = H.get(0, 0) + H.get(1, 1) + H.get(2, 2); // >= λmax
      expect(trace).toBeLessThanOrEqual(L);
    }
    const lambda = ref.iris.hessian_eigenvalues; // at θ*, by LAPACK
    expect(lambda[2]).toBeLessThanOrEqual(L);
  });

  it('fixed-step GD is far from the minimum after the whole budget', () => {
    const { X, y } = irisPetals();
    const p = logisticLoss(X, y);
    const run = gradientDescent(p.f, p.grad, new Float64Array(3), {
      eta: 1 / smoothnessBound(X),
      maxIter: IRIS_BUDGET,
      requireConvergence: false,
    });
    expect(run.converged).toBe(false);
    expect(run.f - ref.iris.scipy_trust_exact.fun).toBeGreaterThan(1e-2);
  });
});

describe('bad input', () => {
  const q = quadratic2(10, 1, 0);

  it('gradientDescent refuses bad options and starts', () => {
    const x0 = vec(1, 1);
    const gd = (o: object, x = x0) => () =>
      gradientDescent(q.f, q.grad, x, o);
    expect(gd({})).toThrow(/give a step eta, or lineSearch/);
    expect(gd({ eta: -1 })).toThrow(/eta must be in/);
    expect(gd({ eta: 0.1, momentum: 1 })).toThrow(/momentum must be in/);
    expect(gd({ lineSearch: true, momentum: 0.5 }))
      .toThrow(/do not combine/);
    expect(gd({ eta: 0.1, maxIter: 0 })).toThrow(/maxIter must be/);
    expect(gd({ eta: 0.1 }, vec(1, NaN))).toThrow(/x0\[1\] is NaN/);
  });

  it('a gradient of the wrong length or with NaN is an error', () => {
    expect(() => gradientDescent(q.f, () => vec(1), vec(1, 1), { eta: 0.1 }))
      .toThrow(/grad\(x\) must be a Float64Array of length 2/);
    expect(() =>
      gradientDescent(q.f, () => vec(NaN, 0), vec(1, 1), { eta: 0.1 }),
    ).toThrow(DivergenceError);
  });

  it('newton refuses a Hessian of the wrong shape', () => {
    expect(() =>
      newton(q.f, q.grad, () => fromRows([[1]]), vec(1, 1)),
    ).toThrow(/hess\(x\) must be 2x2, got 1x1/);
  });

  it('sgd, the problems and the constrained solvers check their input', () => {
    const p = meanProblem(new Matrix(3, 1, vec(1, 2, 3)));
    expect(() => sgd(p, vec(0), { eta: 0.1, steps: 5, seed: 1, batch: 0 }))
      .toThrow(/batch must be an integer >= 1/);
    expect(() => sgd(p, vec(0), { eta: -1, steps: 5, seed: 1 }))
      .toThrow(/eta must be > 0/);
    expect(() => quadratic(fromRows([[1, 2], [0, 1]]), vec(0, 0)))
      .toThrow(/A must be symmetric/);
    expect(() => rosenbrock.f(vec(1, 2, 3))).toThrow(/length 2/);
    expect(() => logisticLoss(fromRows([[1], [2]]), vec(0, 2)))
      .toThrow(/labels must be 0 or 1/);
    expect(() => equalityQP(fromRows([[1, 0], [0, 1]]), vec(0, 0),
      fromRows([[1, 1, 1]]), vec(1))).toThrow(/equalityQP: expected/);
    expect(() => equalityQP(fromRows([[1, 0], [0, 1]]), vec(0, 0),
      fromRows([[1, 1], [2, 2]]), vec(1, 2))).toThrow(/KKT matrix/);
    expect(() => projectBox(vec(0), vec(1), vec(0)))
      .toThrow(/lo <= hi/);
    expect(() => projectHalfspace(vec(1, 1), vec(0, 0), 1))
      .toThrow(/a != 0/);
    expect(() => kktResiduals(vec(0), fromRows([[1, 0]]), vec(1), vec(0, 0),
      vec(0))).toThrow(/kktResiduals: A is 1x2/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the shared pieces: guarded calls, finish and the option checks', () => {
    rejectsBadInput(badInput.objective);
  });

  it('the test problems and the logistic loss', () => {
    rejectsBadInput(badInput.problems);
  });

  it('Armijo, gradient descent, Newton and SGD', () => {
    rejectsBadInput(badInput.methods);
  });

  it('the KKT system, the projections and the KKT residuals', () => {
    rejectsBadInput(badInput.constrained);
  });

  it('the studies and the exercise solutions', () => {
    rejectsBadInput(badInput.studies);
    rejectsBadInput(badInput.solutions);
  });
});

/** The strongly convex function of Lessard, Recht and Packard (2016,
 *  §4.6), mu = 1 and L = 25, on which heavy ball with Eq.
 *  (opt-hb-params) cycles. */
const lrp = {
  f: (v: Float64Array) => {
    const x = v[0];
    if (x < 1) return 12.5 * x * x;
    if (x < 2) return 0.5 * x * x + 24 * x - 12;
    return 12.5 * x * x - 24 * x + 36;
  },
  grad: (v: Float64Array) => {
    const x = v[0];
    return vec(x < 1 ? 25 * x : x < 2 ? x + 24 : 25 * x - 24);
  },
};

describe('review', () => {
  it('heavy ball at κ = 1000: a millionfold within the bound (2k+1)ρ^k, not within ρ^k alone', () => {
    const { rate, bound } = heavyBallSteps(1000, 1e-6);
    const hb = hbParams(1000, 1);
    expect(rate).toBe(Math.ceil(Math.log(1e-6) / Math.log(hb.rho)));
    for (const along of ['mu', 'L']) {
      // eigenvectors of quadratic2(L, mu, angle): (cos, sin) for L
      const a = 0.3;
      const x0 = along === 'L' ? vec(Math.cos(a), Math.sin(a))
        : vec(-Math.sin(a), Math.cos(a));
      const q = quadratic2(1000, 1, a);
      const run = gdSteps(q, x0, bound, hb.eta, hb.beta);
      const errs = run.history.map(({ x }) => norm(x));
      const first = errs.findIndex((e) => e <= 1e-6);
      expect(first, along).toBeGreaterThan(rate);
      expect(first, along).toBeLessThanOrEqual(bound);
    }
  });

  it('heavy ball with Eq. (opt-hb-params) cycles on Lessard–Recht–Packard; Nesterov converges', () => {
    const hb = hbParams(25, 1);
    const run = gradientDescent(lrp.f, lrp.grad, vec(3.3), {
      eta: hb.eta, momentum: hb.beta, maxIter: 2000, tol: 0,
      requireConvergence: false,
    });
    // it settles on a cycle of period 3 (about 0.65, -1.80, 2.12)
    // instead of converging to the minimum at 0
    const xs = run.history.map(({ x }) => x[0]);
    const tail = xs.slice(-30);
    for (let k = 3; k < tail.length; k++) {
      expect(Math.abs(tail[k] - tail[k - 3])).toBeLessThan(1e-9);
    }
    expect(Math.max(...tail.map(Math.abs))).toBeGreaterThan(2);
    // Nesterov with eta = 1/L and the same beta as Exercise 1
    const beta = (5 - 1) / (5 + 1);
    let x = 3.3;
    let prev = x;
    for (let k = 0; k < 2000; k++) {
      const y = x + beta * (x - prev);
      prev = x;
      x = y - lrp.grad(vec(y))[0] / 25;
    }
    expect(Math.abs(x)).toBeLessThan(1e-10);
  });

  it('the first heavy-ball step exceeds 2/L exactly when κ > 3 + 2√2', () => {
    const over = (kappa: number) => 4 / (Math.sqrt(kappa) + 1) ** 2 > 2 / kappa;
    expect(over(5.8)).toBe(false);
    expect(over(5.9)).toBe(true);
    expect(3 + 2 * Math.SQRT2).toBeGreaterThan(5.8);
    expect(3 + 2 * Math.SQRT2).toBeLessThan(5.9);
  });

  it('iris: with η = 1/L̂ the flat direction needs over 100 × the budget', () => {
    const { X } = irisPetals();
    const mu = ref.iris.hessian_eigenvalues[0];
    const steps = Math.log(1e8) / -Math.log(1 - mu / smoothnessBound(X));
    expect(steps).toBeGreaterThan(100 * IRIS_BUDGET);
  });

  it("SGD figure: each measured mean at step 300 is within 4 SE of theory", () => {
    const study = sgdStudy(100); // the figure's setup with fewer runs
    const last = SGD_SETUP.steps;
    for (const c of study.curves) {
      expect(Math.abs(c.mse[last] - c.theory[last]) / c.se[last], c.name)
        .toBeLessThan(4);
    }
  });

  it('kktResiduals runs on 200 000 constraints and refuses NaN in A', () => {
    const m = 200_000;
    const A = new Matrix(m, 2); // zero rows: 0 <= 1 holds, slack -1
    const b = new Float64Array(m).fill(1);
    const r = kktResiduals(vec(0, 0), A, b, vec(0.5, -0.5),
      new Float64Array(m));
    expect([r.stationarity, r.primal, r.dual, r.complementarity])
      .toEqual([0, 0, 0, 0]);
    A.data[3] = NaN;
    expect(() => kktResiduals(vec(0, 0), A, b, vec(0.5, -0.5),
      new Float64Array(m))).toThrow(/^kktResiduals:/);
  });

  it('errors name the function the caller called', () => {
    expect(() => sgdMeanSquaredError(0.5, 1, 0, 1, 3))
      .toThrow(/^sgdMeanSquaredError:/);
    expect(() => sgdMeanSquaredError(0.5, 1, 1, 1, 1.5))
      .toThrow(/^sgdMeanSquaredError:/);
    expect(() => smoothnessBound(new Matrix(1, 2, vec(NaN, 1))))
      .toThrow(/^smoothnessBound:/);
    expect(() => quadratic2(10, 1, NaN)).toThrow(/^quadratic2:/);
    const { f } = logisticLoss(fromRows([[1, 2]]), vec(1));
    expect(() => f(vec(1, 2, 3))).toThrow(/^logisticLoss: .*length 2, got/);
    expect(() => f(vec(1, 2, 3))).not.toThrow(/1,2,3/);
  });
});

describe('exercise solutions', () => {
  it('Exercise 2: min ‖∇f‖² over k < K is below (f(x0) − inf f)/(c t_min K) on Rosenbrock, for every K', () => {
    const run = gradientDescent(rosenbrock.f, rosenbrock.grad, vec(-1.2, 1),
      { lineSearch: true, maxIter: 50_000 });
    const { left, right, tMin } = stationarityBound(run.history, 1e-4, 0);
    expect(tMin).toBeGreaterThan(0);
    expect(left.length).toBe(run.iterations);
    left.forEach((l, K) => {
      if (!(l <= right[K])) throw new Error(`K = ${K + 1}: ${l} > ${right[K]}`);
    });
  });

  it('Exercise 3: projected gradient meets the KKT conditions on a box', () => {
    const rng = createRng(81);
    const M = new Matrix(3, 3, rng.normalArray(9));
    const A = matmul(transpose(M), M);
    for (let i = 0; i < 3; i++) A.data[4 * i] += 1; // well conditioned
    const xFree = vec(2, -3, 0.2); // outside the box in two coordinates
    const q = quadratic(A, matvec(A, xFree));
    const lo = vec(-1, -1, -1);
    const hi = vec(1, 1, 1);
    const L = A.data.reduce((s, v) => s + v * v, 0) ** 0.5; // >= lambda_max
    const { x } = projectedGradient(q.grad, vec(0, 0, 0), lo, hi,
      { eta: 1 / L, maxIter: 100_000, tol: 1e-12 });
    const g = q.grad(x);
    const { alphaHi, alphaLo } = boxMultipliers(g, x, lo, hi, 1e-9);
    // rows +e_j (x_j <= hi_j) and -e_j (-x_j <= -lo_j)
    const C = new Matrix(6, 3);
    for (let j = 0; j < 3; j++) {
      C.data[j * 3 + j] = 1;
      C.data[(j + 3) * 3 + j] = -1;
    }
    const bb = vec(...hi, ...lo.map((v) => -v));
    const res = kktResiduals(g, C, bb, x, vec(...alphaHi, ...alphaLo));
    for (const v of Object.values(res)) expect(v).toBeLessThan(1e-8);
    // exhaustive search: each coordinate free, at lo or at hi
    let best = Infinity;
    let bestX: Float64Array = x;
    for (let code = 0; code < 27; code++) {
      const fix: number[] = [];
      const val: number[] = [];
      for (let j = 0, c = code; j < 3; j++, c = Math.floor(c / 3)) {
        if (c % 3 === 1) { fix.push(j); val.push(lo[j]); }
        if (c % 3 === 2) { fix.push(j); val.push(hi[j]); }
      }
      let cand: Float64Array = xFree;
      if (fix.length > 0) {
        const G = new Matrix(fix.length, 3);
        fix.forEach((j, r) => { G.data[r * 3 + j] = 1; });
        cand = equalityQP(A, q.b.map((v) => -v), G, vec(...val)).x;
      }
      const feasible = cand.every((v, j) => v >= lo[j] - 1e-12 &&
        v <= hi[j] + 1e-12);
      if (feasible && q.f(cand) < best) {
        best = q.f(cand);
        bestX = cand;
      }
    }
    expect(dist(x, bestX)).toBeLessThan(1e-8);
  });

  it('Exercise 4: the average of iterates K/2..K has MSE σ²/(K/2 + 1), halving from K to 2K', () => {
    const A = new Matrix(50, 2, createRng(82).normalArray(100));
    const p = meanProblem(A);
    const runs = 1000;
    const mseOf = (K: number) => {
      let s = 0;
      let s2 = 0;
      let lastS = 0;
      for (let r = 0; r < runs; r++) {
        const run = sgd(p, p.mean.map((v) => v + 2), { eta: 0.5, steps: K,
          seed: 1000 + r });
        const avg = new Float64Array(2);
        const from = K / 2;
        for (let k = from; k <= K; k++) {
          for (let j = 0; j < 2; j++) avg[j] += run.history[k].x[j] / (K - from + 1);
        }
        const e = dist(avg, p.mean) ** 2;
        s += e;
        s2 += e * e;
        lastS += dist(run.x, p.mean) ** 2;
      }
      const mean = s / runs;
      return { mean, se: Math.sqrt((s2 / runs - mean * mean) / runs),
        last: lastS / runs };
    };
    const a = mseOf(200);
    const b = mseOf(400);
    for (const [K, m] of [[200, a], [400, b]] as const) {
      const predicted = p.sigma2 / (K / 2 + 1);
      expect(Math.abs(m.mean - predicted) / m.se, `K = ${K}`).toBeLessThan(4);
    }
    const ratio = a.mean / b.mean; // about 201/101
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.4);
    // the last iterate stays on the floor eta sigma^2 / (2 - eta)
    const floor = (0.5 * p.sigma2) / 1.5;
    expect(Math.abs(b.last - floor) / floor).toBeLessThan(0.15);
  });

  it('Exercise 5: d p*/d b = −α for the half-space projection, 0 when feasible', () => {
    const hs = ref.halfspace;
    const y = Float64Array.from(hs.y);
    const a = Float64Array.from(hs.a);
    const value = (b: number) => {
      const { x } = projectHalfspace(y, a, b);
      return 0.5 * dist(x, y) ** 2;
    };
    const h = 1e-6;
    const slope = (value(hs.b + h) - value(hs.b - h)) / (2 * h);
    const { alpha } = projectHalfspace(y, a, hs.b);
    expect(alpha).toBeGreaterThan(0);
    expect(Math.abs(slope + alpha)).toBeLessThan(1e-8);
    const far = dot(a, y) + 5; // y is feasible for b this large
    const flat = (value(far + h) - value(far - h)) / (2 * h);
    expect(flat).toBe(0);
  });
});

/** The message of the error f throws ('no error' if none). */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('mutation gaps', () => {
  const I2 = () => fromRows([[1, 0], [0, 1]]);
  const nanMatrix = () => new Matrix(1, 2, vec(NaN, 1));
  const q2 = () => quadratic2(10, 1, 0);

  it('equalityQP names each shape it expected, and a NaN by argument', () => {
    const shapes = 'equalityQP: expected Q n x n, c of length n, G m x n ' +
      'with m <= n and h of length m; got ';
    expect(thrown(() => equalityQP(I2(), vec(0, 0, 0), fromRows([[1, 1]]),
      vec(1)))).toBe(`${shapes}Q 2x2, c vector(3), G 1x2, h vector(1)`);
    expect(thrown(() => equalityQP(I2(), vec(0, 0), fromRows([[1, 1]]),
      vec(1, 2)))).toBe(`${shapes}Q 2x2, c vector(2), G 1x2, h vector(2)`);
    // m = 3 constraints on n = 2 unknowns: too many
    expect(thrown(() => equalityQP(I2(), vec(0, 0),
      fromRows([[1, 0], [0, 1], [1, 1]]), vec(1, 2, 3))))
      .toBe(`${shapes}Q 2x2, c vector(2), G 3x2, h vector(3)`);
    const finite = (name: string, shape: string, where: string) =>
      `equalityQP: ${name} (${shape}) has NaN at ${where}; expected ` +
        'finite numbers';
    expect(thrown(() => equalityQP(new Matrix(2, 2, vec(NaN, 0, 0, 1)),
      vec(0, 0), fromRows([[1, 1]]), vec(1))))
      .toBe(finite('Q', '2x2', '(0, 0)'));
    expect(thrown(() => equalityQP(I2(), vec(0, NaN), fromRows([[1, 1]]),
      vec(1)))).toBe(finite('c', 'vector(2)', '[1]'));
    expect(thrown(() => equalityQP(I2(), vec(0, 0), fromRows([[1, 1]]),
      vec(NaN)))).toBe(finite('h', 'vector(1)', '[0]'));
  });

  it('equalityQP says why a KKT matrix is singular', () => {
    const message = thrown(() => equalityQP(I2(), vec(0, 0),
      fromRows([[1, 1], [2, 2]]), vec(1, 2)));
    expect(message.startsWith('equalityQP: the KKT matrix is singular ' +
      '(are the rows of G dependent, or Q not positive definite on ' +
      'Gx = 0?): solve')).toBe(true);
  });

  it('projectBox refuses lo > hi in one coordinate, and ragged lengths', () => {
    expect(thrown(() => projectBox(vec(0, 0), vec(0, 1), vec(1, 0))))
      .toBe('projectBox: expected lo <= hi in every coordinate');
    expect(thrown(() => projectBox(vec(0, 0), vec(0), vec(1, 1))))
      .toBe('projectBox: expected y, lo, hi of one length, got ' +
        'y vector(2), lo vector(1), hi vector(2)');
  });

  it('kktResiduals names the shapes it expected and a NaN in A', () => {
    expect(thrown(() => kktResiduals(vec(0), fromRows([[1, 0]]), vec(1),
      vec(0, 0), vec(0)))).toBe('kktResiduals: A is 1x2, so expected ' +
      'gradF and x of length 2, b and alpha of length 1; got gradF ' +
      'vector(1), x vector(2), b vector(1), alpha vector(1)');
    expect(thrown(() => kktResiduals(vec(0, 0), nanMatrix(), vec(1),
      vec(0, 0), vec(0)))).toBe('kktResiduals: A (1x2) has NaN at ' +
      '(0, 0); expected finite numbers');
  });

  it('gradientDescent: a start with ‖∇f‖ = tol has converged, in 0 steps', () => {
    // f = x²/2 from x0 = 1: ‖∇f(x0)‖ = 1 <= tol = 1 (Eq. opt-gd stops)
    const f = (x: Float64Array) => x[0] ** 2 / 2;
    const grad = (x: Float64Array) => vec(x[0]);
    const run = gradientDescent(f, grad, vec(1), { eta: 0.5, tol: 1 });
    expect([run.iterations, run.converged]).toEqual([0, true]);
    const hess = () => fromRows([[1]]);
    const nt = newton(f, grad, hess, vec(1), { tol: 1 });
    expect([nt.iterations, nt.converged]).toEqual([0, true]);
  });

  it('gradientDescent: an f that rounds to f(x0) has not risen', () => {
    // f = 1e6 + x² from x0 = 1e-6: every f(x_k) rounds to 1e6 = f(x0)
    const f = (x: Float64Array) => 1e6 + x[0] ** 2;
    const grad = (x: Float64Array) => vec(2 * x[0]);
    expect(f(vec(1e-6))).toBe(1e6);
    const run = gradientDescent(f, grad, vec(1e-6), { eta: 0.25 });
    expect(run.converged).toBe(true); // each step halves x
    expect(run.history.every((h) => h.f === 1e6)).toBe(true);
  });

  it('gradientDescent says how far f rose, at which step, with which eta', () => {
    // f = x² from 1 with η = 1.5: x₁ = 1 − 3 = −2, f = 4
    const err = (() => {
      try {
        gradientDescent((x) => x[0] ** 2, (x) => vec(2 * x[0]), vec(1),
          { eta: 1.5 });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(DivergenceError);
    expect(err?.name).toBe('DivergenceError');
    expect(err?.message).toBe('gradientDescent: f rose from f(x0) = 1 to ' +
      '4 at step 1: the step eta = 1.5 is too large');
  });

  it('a ConvergenceError names itself, the steps, ‖∇f‖ and tol', () => {
    const q = quadratic2(100, 1, 0.3);
    let err: ConvergenceError | undefined;
    try {
      gradientDescent(q.f, q.grad, vec(1, 1), { eta: 0.01, maxIter: 10 });
    } catch (e) {
      err = e as ConvergenceError;
    }
    expect(err?.name).toBe('ConvergenceError');
    const g = err!.result.gradNorm.toExponential(2);
    expect(err?.message).toBe('gradientDescent: no convergence in 10 ' +
      `steps: ‖∇f‖ = ${g} > tol = 1e-8`);
  });

  it('gradientDescent and newton refuse bad options before calling f', () => {
    let calls = 0;
    const f = (x: Float64Array) => (calls++, x[0] ** 2);
    const grad = (x: Float64Array) => vec(2 * x[0]);
    const hess = () => fromRows([[2]]);
    expect(thrown(() => gradientDescent(f, grad, vec(1),
      { eta: 0.1, maxIter: 0 })))
      .toBe('gradientDescent: maxIter must be an integer >= 1, got 0');
    expect(thrown(() => newton(f, grad, hess, vec(1), { maxIter: 0 })))
      .toBe('newton: maxIter must be an integer >= 1, got 0');
    expect(calls).toBe(0);
    expect(thrown(() => gradientDescent(null as never, grad, vec(1),
      { eta: 0.1 }))).toBe('gradientDescent: f must be a function, ' +
      'got object');
    expect(thrown(() => gradientDescent(f, 3 as never, vec(1),
      { eta: 0.1 }))).toBe('gradientDescent: grad must be a function, ' +
      'got number');
  });

  it('armijo refuses a direction along which f is flat (∇f(x)ᵀd = 0)', () => {
    const f = (x: Float64Array) => x[0] ** 2 + x[1] ** 2;
    expect(thrown(() => armijo(f, vec(1, 0), 1, vec(2, 0), vec(0, 1), 1)))
      .toBe('armijo: d is not a descent direction: ∇f(x)ᵀd = 0 >= 0');
  });

  it('armijo accepts a step that meets Eq. (opt-armijo) with equality', () => {
    // f = x² at 1, d = −1, c = 1/2: f(1 − t) <= 1 − t exactly for t <= 1
    const f = (x: Float64Array) => x[0] ** 2;
    const s = armijo(f, vec(1), 1, vec(2), vec(-1), 1, { c: 0.5 });
    expect([s.t, s.f, s.evaluations]).toEqual([1, 0, 1]);
  });

  it('armijo tries t0 and maxShrinks smaller steps, then gives up', () => {
    // f = x² at 1, d = −2 (slope −4), t0 = 2: t = 2 and 1 fail, 0.5 lands on 0
    const f = (x: Float64Array) => x[0] ** 2;
    const go = (maxShrinks: number) =>
      armijo(f, vec(1), 1, vec(2), vec(-2), 2, { maxShrinks });
    const s = go(2);
    expect([s.t, s.f, s.evaluations]).toEqual([0.5, 0, 3]);
    expect(thrown(() => go(1))).toBe('armijo: no step in [2·0.5^1, 2] ' +
      'decreases f enough (slope -4); is the gradient right?');
    // maxShrinks = 0 is allowed: only t0 is tried
    const one = armijo(f, vec(1), 1, vec(2), vec(-2), 0.5, { maxShrinks: 0 });
    expect(one.evaluations).toBe(1);
    expect(thrown(() => go(-1)))
      .toBe('armijo: maxShrinks must be an integer >= 0, got -1');
  });

  it('armijo names f and the lengths it got', () => {
    expect(thrown(() => armijo(null as never, vec(1), 1, vec(2), vec(-2), 1)))
      .toBe('armijo: f must be a function, got object');
    expect(thrown(() => armijo((x) => x[0], vec(1), 1, vec(2, 0), vec(-2),
      1))).toBe('armijo: expected x, g and d of one length, got ' +
      'x vector(1), g vector(2) and d vector(1)');
  });

  it('the logistic loss: exact values at θ = 0, and full messages', () => {
    // at θ = 0 every z_i = 0: f = log 2, p_i = 1/2, H = (1/4n) XᵀX
    const X = fromRows([[1, 2], [3, 4]]);
    const p = logisticLoss(X, vec(0, 1));
    const t = vec(0, 0);
    expect(relativeError(p.f(t), Math.LN2)).toBeLessThan(EPS);
    // ∇f = (1/n) Σ (1/2 − y_i) x_i = ((1/2)(1, 2) − (1/2)(3, 4))/2
    expect(Array.from(p.grad(t))).toEqual([-0.5, -0.5]);
    expect(Array.from(p.hess(t).data)).toEqual([10 / 8, 14 / 8, 14 / 8,
      20 / 8]);
    expect(thrown(() => p.f(vec(1, 2, 3))))
      .toBe('logisticLoss: θ must have length 2, got vector(3)');
    expect(thrown(() => logisticLoss(X, vec(0)))).toBe('logisticLoss: X ' +
      'is 2x2, so y must have length 2; got y vector(1)');
    expect(thrown(() => logisticLoss(nanMatrix(), vec(0))))
      .toBe('logisticLoss: X (1x2) has NaN at (0, 0); expected finite ' +
        'numbers');
  });

  it('smoothnessBound is Σ‖x_i‖²/(4n), and names X', () => {
    expect(smoothnessBound(fromRows([[1, 2], [3, 4]]))).toBe(30 / 8);
    expect(thrown(() => smoothnessBound(nanMatrix())))
      .toBe('smoothnessBound: X (1x2) has NaN at (0, 0); expected finite ' +
        'numbers');
  });

  it('newton stops at maxIter and, by default, throws ConvergenceError', () => {
    const { f, grad, hess } = rosenbrock;
    const run = newton(f, grad, hess, vec(-1.2, 1), {
      maxIter: 2, requireConvergence: false,
    });
    expect([run.iterations, run.converged]).toEqual([2, false]);
    let err: unknown;
    try {
      newton(f, grad, hess, vec(-1.2, 1), { maxIter: 2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConvergenceError);
  });

  it('newton checks both sides of the Hessian’s shape', () => {
    const q = quadratic2(10, 1, 0);
    for (const H of [fromRows([[1, 0]]), fromRows([[1], [0]])]) {
      expect(thrown(() => newton(q.f, q.grad, () => H, vec(1, 1))))
        .toBe(`newton: hess(x) must be 2x2, got ${H.rows}x${H.cols}`);
    }
  });

  it('newton calls a direction with ∇fᵀd = 0 uphill (H indefinite)', () => {
    // f = x²/2 − y²/2 at (1, −1): g = (1, 1), d = −H⁻¹g = (−1, 1), gᵀd = 0
    const f = (v: Float64Array) => v[0] ** 2 / 2 - v[1] ** 2 / 2;
    const g = (v: Float64Array) => vec(v[0], -v[1]);
    const H = () => fromRows([[1, 0], [0, -1]]);
    expect(thrown(() => newton(f, g, H, vec(1, -1), { lineSearch: true })))
      .toBe('newton: at step 1 the Newton direction points uphill, so ' +
        'the Hessian there is not positive definite');
  });

  it('the guarded calls and option checks give their full messages', () => {
    expect(thrown(() => checked('caller', NaN, 3))).toBe('caller: f(x) is ' +
      'NaN at step 3; the iterates blew up (step size too large?)');
    expect(thrown(() => gradientDescent(q2().f, () => vec(1), vec(1, 1),
      { eta: 0.1 }))).toBe('gradientDescent: grad(x) must be a ' +
      'Float64Array of length 2, got vector(1)');
    expect(thrown(() => gradientDescent(q2().f, () => vec(NaN, 0),
      vec(1, 1), { eta: 0.1 })))
      .toBe('gradientDescent: grad(x) has a non-finite entry at step 0');
    expect(thrown(() => gradient('caller', (x) => x, vec(NaN), 0)))
      .toBe('caller: x (vector(1)) has NaN at [0]; expected finite numbers');
    const history = [{ x: vec(1), f: 1, gradNorm: 0 }];
    expect(thrown(() => finish('caller', history, 1,
      { tol: -1, maxIter: 5, requireConvergence: true })))
      .toBe('caller: tol must be in [0, Infinity), got -1');
  });

  it('checkRange: a half-open interval by default, closed on request', () => {
    expect(thrown(() => checkRange('caller', 'p', 1, 0, 1)))
      .toBe('caller: p must be in [0, 1), got 1');
    expect(thrown(() => checkRange('caller', 'p', 1, 0, 1, true)))
      .toBe('no error');
    expect(thrown(() => checkRange('caller', 'p', 1.5, 0, 1, true)))
      .toBe('caller: p must be in [0, 1], got 1.5');
  });

  it('quadratic2 allows L = μ, a multiple of I; its messages are full', () => {
    const q = quadratic2(3, 3, 0.4);
    expect(eig2(q.A).max).toBeCloseTo(3, 14);
    expect(eig2(q.A).min).toBeCloseTo(3, 14);
    expect(thrown(() => quadratic2(10, 1, 0, vec(1))))
      .toBe('quadratic2: xStar must be a point of length 2, got 1');
    expect(thrown(() => eig2(new Matrix(2, 2, vec(NaN, 0, 0, 1)))))
      .toBe('eig2: H (2x2) has NaN at (0, 0); expected finite numbers');
  });

  it('quadratic names the shapes, the bad entry, and the asymmetric pair', () => {
    expect(thrown(() => quadratic(I2(), vec(0)))).toBe('quadratic: ' +
      'expected A n x n and b of length n, got A 2x2 and b vector(1)');
    expect(thrown(() => quadratic(new Matrix(2, 2, vec(1, NaN, NaN, 1)),
      vec(0, 0)))).toBe('quadratic: A (2x2) has NaN at (0, 1); expected ' +
      'finite numbers');
    expect(thrown(() => quadratic(I2(), vec(0, Infinity)))).toBe(
      'quadratic: b (vector(2)) has Infinity at [1]; expected finite ' +
      'numbers');
    const A = fromRows([[1, 2, 3], [2, 4, 6], [3, 5, 9]]);
    expect(thrown(() => quadratic(A, vec(0, 0, 0)))).toBe('quadratic: A ' +
      'must be symmetric; A(2, 1) = 5 but A(1, 2) = 6');
  });

  it('rosenbrock and expSum name themselves in f, grad and hess', () => {
    const bad = vec(1, 2, 3);
    for (const call of [rosenbrock.f, rosenbrock.grad, rosenbrock.hess]) {
      expect(thrown(() => call(bad)))
        .toBe('rosenbrock: expected a point of length 2, got 1,2,3');
    }
    expect(thrown(() => rosenbrock.f(vec(NaN, 1)))).toBe('rosenbrock: ' +
      'x (vector(2)) has NaN at [0]; expected finite numbers');
    expect(thrown(() => expSum.f(bad)))
      .toBe('expSum: expected a point of length 2, got 1,2,3');
  });

  it('sgd checks a schedule’s every step, and names the step that blew up', () => {
    const p = meanProblem(new Matrix(3, 1, vec(1, 2, 3)));
    expect(thrown(() => sgd(p, vec(0), { eta: (k) => (k < 2 ? 0.1 : 0),
      steps: 5, seed: 1 }))).toBe('sgd: eta(2) must be > 0, got 0');
    expect(thrown(() => sgd(p, vec(0), { eta: 0, steps: 5, seed: 1 })))
      .toBe('sgd: eta must be > 0, got 0');
    // one term with ∇f_1 = −1 and f = Infinity from x = 3: x_k = k
    const up = { n: 1, f: (x: Float64Array) => (x[0] >= 3 ? Infinity
      : x[0]), gradI: () => vec(-1) };
    expect(thrown(() => sgd(up, vec(0), { eta: 1, steps: 5, seed: 1 })))
      .toBe('sgd: f(x) is Infinity at step 3; the iterates blew up ' +
        '(step size too large?)');
    expect(thrown(() => sgd({ ...up, n: 0 }, vec(0), { eta: 1, steps: 5,
      seed: 1 }))).toBe('sgd: expected n >= 1 terms, got 0');
    expect(thrown(() => sgd({ ...up, n: 1.5 }, vec(0), { eta: 1, steps: 5,
      seed: 1 }))).toBe('sgd: expected n >= 1 terms, got 1.5');
  });

  it('sgd records every recordEvery steps, labelled by step', () => {
    const p = meanProblem(new Matrix(3, 1, vec(1, 2, 3)));
    const run = sgd(p, vec(0), { eta: 0.1, steps: 30, seed: 1,
      recordEvery: 10 });
    expect(run.history.map((h) => h.k)).toEqual([0, 10, 20, 30]);
    expect(run.history[3].x).toBe(run.x);
  });

  it('meanProblem: f(x) = ½‖x − ā‖² + ½σ², and gradI checks x', () => {
    // rows 1 and 5: ā = 3, σ² = 4
    const p = meanProblem(new Matrix(2, 1, vec(1, 5)));
    expect([p.mean[0], p.sigma2]).toEqual([3, 4]);
    expect(p.f(vec(0))).toBe(6.5); // ((0 − 1)² + (0 − 5)²)/4
    expect(p.f(vec(3))).toBe(2);
    expect(thrown(() => p.gradI(0, vec(1, 2))))
      .toBe('meanProblem: x must have length 1, got vector(2)');
    expect(thrown(() => meanProblem(nanMatrix()))).toBe('meanProblem: A ' +
      '(1x2) has NaN at (0, 0); expected finite numbers');
  });

  it('sgdMeanSquaredError allows σ² = 0 and a start at the mean', () => {
    // no noise: E‖e_k‖² = (1 − η)^(2k) ‖e_0‖², 4 · 0.5⁴ at k = 2
    expect(sgdMeanSquaredError(0.5, 0, 1, 4, 2)).toBe(0.25);
    expect(sgdMeanSquaredError(0.5, 1, 1, 0, 0)).toBe(0);
  });

  it('stationarityBound on a two-step history, by hand', () => {
    // steps 5 and 1 over ‖∇f‖ = 2 and 0.5: t = 2.5 and 2, t_min = 2;
    // gap 10 − 1 = 9, c = 1/2: right side 9/(c t_min K) = 9/K
    const history = [
      { x: vec(1, 1), f: 10, gradNorm: 2 },
      { x: vec(4, 5), f: 4, gradNorm: 0.5 },
      { x: vec(4, 6), f: 2, gradNorm: 0.1 },
    ];
    expect(stationarityBound(history, 0.5, 1))
      .toEqual({ tMin: 2, left: [4, 0.25], right: [9, 4.5] });
  });

  it('projectedGradient stops at the first step below η tol', () => {
    // f = ½(x − 1)², η = 1/2: x_k = 1 − 2^−k, step/η = 2^(1−k)
    const grad = (x: Float64Array) => vec(x[0] - 1);
    const box = [vec(-10), vec(10)] as const;
    const run = (maxIter: number) => projectedGradient(grad, vec(0), ...box,
      { eta: 0.5, tol: 2 ** -10, maxIter });
    expect(run(11)).toEqual({ x: vec(1 - 2 ** -11), iterations: 11 });
    expect(thrown(() => run(10)))
      .toBe('projectedGradient: no convergence in 10 steps');
  });

  it('boxMultipliers: a coordinate exactly at a bound counts with slack 0', () => {
    const { alphaHi, alphaLo } = boxMultipliers(vec(-2, 3), vec(1, -1),
      vec(-1, -1), vec(1, 1), 0);
    expect([Array.from(alphaHi), Array.from(alphaLo)])
      .toEqual([[2, 0], [0, 3]]);
  });

  it('projectedGradient and boxMultipliers check their input in full', () => {
    const grad = (x: Float64Array) => x;
    const one = vec(1);
    const pg = (x0: unknown, lo: unknown, hi: unknown, g: unknown = grad,
      eta = 0.5) => thrown(() => projectedGradient(g as never, x0 as never,
      lo as never, hi as never, { eta }));
    expect(pg(one, one, one, null))
      .toBe('projectedGradient: grad must be a function, got object');
    expect(pg(one, one, one, grad, -1))
      .toBe('projectedGradient: eta must be > 0, got -1');
    expect(pg(one, undefined, one)).toBe('projectedGradient: x0 must ' +
      'have the length of lo, undefined; got vector(1)');
    expect(pg(vec(), vec(), vec())).toBe('projectedGradient: x0 must ' +
      'have the length of lo, 0; got vector(0)');
    expect(pg([1], one, one)).toBe('projectedGradient: x0 must have ' +
      'the length of lo, 1; got 1');
    expect(pg(vec(0, 0), vec(0, 1), vec(1, 0)))
      .toBe('projectedGradient: expected lo <= hi in every coordinate');
    expect(pg(one, vec(1), vec(1))).toBe('no error'); // lo = hi: a point
  });

  it('heavyBallParams: exact at κ = 9, L = μ allowed, full messages', () => {
    // √L = 3, √μ = 1: η = 4/16, ρ = 2/4, β = ρ²
    expect(heavyBallParams(9, 1)).toEqual({ eta: 0.25, beta: 0.25, rho: 0.5 });
    expect(heavyBallParams(4, 4)).toEqual({ eta: 0.25, beta: 0, rho: 0 });
    expect(thrown(() => heavyBallParams(1, 2)))
      .toBe('heavyBallParams: expected L >= mu, got 1, 2');
    expect(thrown(() => heavyBallParams(1, 0)))
      .toBe('heavyBallParams: mu must be > 0, got 0');
    expect(thrown(() => heavyBallParams(NaN, 1)))
      .toBe('heavyBallParams: L must be a finite number, got NaN');
  });

  it('heavyBallSteps: the first k with (2k+1)ρ^k <= eps, at ρ = 1/2', () => {
    // (2k+1)/2^k: 0.1171875 at k = 7, 17/256 at k = 8
    expect(heavyBallSteps(9, 0.11)).toEqual({ rate: 4, bound: 8 });
    expect(heavyBallSteps(9, 17 / 256)).toEqual({ rate: 4, bound: 8 });
    // κ = 1: ρ = 0, so ρ^k is 0 at once but the bound needs k = 1
    expect(heavyBallSteps(1, 0.5)).toEqual({ rate: 0, bound: 1 });
    expect(thrown(() => heavyBallSteps(0.5, 0.1))).toBe('heavyBallSteps: ' +
      'expected kappa >= 1 and eps in (0, 1), got 0.5, 0.1');
  });

  it('sgdStudy with three runs: the mean and standard error of three errors', () => {
    const study = sgdStudy(3);
    const { n, d, spread, start, steps, seed } = SGD_SETUP;
    expect(study.e0).toBe(25); // ‖(4, −3)‖²
    expect(study.curves.map((c) => c.name))
      .toEqual(['η = 0.5', 'η = 0.1', 'ηₖ = 1/(k+1)']);
    const A = new Matrix(n, d, createRng(seed).normalArray(n * d, 0, spread));
    const p = meanProblem(A);
    const x0 = vec(p.mean[0] + start[0], p.mean[1] + start[1]);
    const errors = (s: number) => sgd(p, x0, { eta: 0.5, steps, seed: s })
      .history.map(({ x }) => dist(x, p.mean) ** 2);
    const runs = [1, 2, 3].map((r) => errors(seed + r));
    const c = study.curves[0];
    for (const k of [1, steps]) {
      const e = runs.map((r) => r[k]);
      const mean = (e[0] + e[1] + e[2]) / 3;
      // s.e. = s/√3 with the sample variance s² = Σ(e − mean)²/2; the
      // study's one-pass formula rounds differently: relative 1e-6
      const s2 = e.reduce((a, v) => a + (v - mean) ** 2, 0) / 2;
      expect(relativeError(c.mse[k], mean)).toBeLessThan(1e-14);
      expect(relativeError(c.se[k], Math.sqrt(s2 / 3))).toBeLessThan(1e-6);
    }
    expect(relativeError(c.mse[0], 25)).toBeLessThan(1e-14);
    expect(study.curves[2].theory[0]).toBe(25);
  });
});
