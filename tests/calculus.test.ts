// Tests for the calculus chapter. Each `it` is one claim of the chapter;
// equation labels refer to chapters/foundations/calculus.mdx. Reference
// values come from tests/fixtures/calculus/reference.json, written by
// scripts/reference/calculus.py (SymPy, SciPy, scikit-learn).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  assertAllClose,
  gradientCheck,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import {
  Matrix,
  dot,
  fromRows,
  matvec,
  transpose,
} from '../code/linear-algebra/matrix.ts';
import { solve } from '../code/linear-algebra/solve.ts';
import {
  crossEntropyDual,
  crossEntropyGradient,
  crossEntropyLoss,
  logits,
} from '../code/calculus/classifier.ts';
import { dataPath, readVerified } from '../code/calculus/data-file.ts';
import {
  add,
  cos,
  div,
  dual,
  exp,
  log,
  logSumExpDual,
  mul,
  neg,
  pow,
  sigmoid,
  sin,
  sub,
  tanh,
  variable,
  type Dual,
} from '../code/calculus/dual.ts';
import {
  derivativeErrors,
  irisGradients,
  linearizationGap,
  threeVariables,
  wiggle,
  wiggleDerivative,
  wiggleTermSum,
} from '../code/calculus/experiments.ts';
import { hvp } from '../code/calculus/solutions/hvp.ts';
import {
  mixedPartial,
} from '../code/calculus/solutions/mixed-partial.ts';
import {
  logAbsDetGradient,
  logAbsDetOf,
  traceAX,
  traceAXGradient,
} from '../code/calculus/solutions/trace-logdet.ts';
import {
  derivative,
  directionalDerivative,
  gradient,
  jacobian,
  jvp,
} from '../code/calculus/forward.ts';
import {
  leastSquares,
  leastSquaresGradient,
  leastSquaresHessian,
  quadraticForm,
  quadraticFormGradient,
  quadraticFormHessian,
} from '../code/calculus/identities.ts';
import { IRIS_SHA256, irisPath, loadIris } from '../code/calculus/iris.ts';
import {
  circleImages,
  doubleWell,
  doubleWellGradient,
  polar,
  polarJacobian,
} from '../code/calculus/maps.ts';
import {
  hessianCheck,
  jacobianCheck,
  numericalHessian,
  numericalJacobian,
} from '../code/calculus/numerical.ts';
import { naiveLogSumExp, naiveSoftmax } from '../code/calculus/overflow.ts';
import {
  logSoftmax,
  logSumExp,
  softmax,
  softmaxJacobian,
  softmaxVjp,
} from '../code/calculus/softmax.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/calculus.ts';

const ref = fixture('calculus', 'reference.json');

/** Unit roundoff and Eq. (la-gamma): the rounding budget of r steps. */
const u = Number.EPSILON / 2;
const gamma = (r: number) => (r * u) / (1 - r * u);

const vec = (...xs: number[]) => Float64Array.from(xs);
const randomVector = (seed: number, n: number, std = 1) =>
  createRng(seed).normalArray(n, 0, std);
const randomMatrix = (seed: number, m: number, n: number) =>
  new Matrix(m, n, createRng(seed).normalArray(m * n));
const maxAbs = (xs: ArrayLike<number>) =>
  Math.max(...Array.from(xs, Math.abs));

describe('log-sum-exp and softmax', () => {
  it('logSumExp equals log Σ exp(z_i) where nothing overflows', () => {
    const z = randomVector(1, 12, 3);
    // Both sum n = 12 positive terms: Eq. (la-dot-error) bounds each
    // sum by γ_n relative, so the logs differ by at most 2γ_n + 2u
    // absolute, plus u relative from the last rounding.
    const tol = 2 * gamma(12) + 2 * u + u * Math.abs(logSumExp(z));
    expect(Math.abs(logSumExp(z) - naiveLogSumExp(z))).toBeLessThan(tol);
  });

  it('max z ≤ logSumExp(z) ≤ max z + log k, Eq. (calc-lse-bounds)', () => {
    for (const seed of [2, 3, 4]) {
      const z = randomVector(seed, 7, 10);
      const m = Math.max(...z);
      expect(logSumExp(z)).toBeGreaterThanOrEqual(m);
      expect(logSumExp(z)).toBeLessThanOrEqual(m + Math.log(7));
    }
  });

  it('logSumExp(z + c1) = logSumExp(z) + c', () => {
    const z = randomVector(5, 6);
    // the shift is exact up to the rounding of z_i + c and of the sum:
    // a few u of |c| = 50
    expect(logSumExp(z.map((zi) => zi + 50))).toBeCloseTo(
      logSumExp(z) + 50,
      12,
    );
  });

  it('is finite at z = 1000 where the naive formula overflows', () => {
    const z = vec(1000, 1000, 1000);
    expect(naiveLogSumExp(z)).toBe(Infinity);
    // m + log 3 with m = 1000: one rounding each, Eq. (calc-lse-shift)
    expect(logSumExp(z)).toBeCloseTo(1000 + Math.log(3), 12);
    expect(naiveLogSumExp(vec(-1000, -1000))).toBe(-Infinity);
    expect(logSumExp(vec(-1000, -1000))).toBeCloseTo(
      -1000 + Math.log(2),
      12,
    );
  });

  it('softmax is positive, sums to 1 and ignores a shift', () => {
    const z = randomVector(6, 9, 4);
    const p = softmax(z);
    expect(Math.min(...p)).toBeGreaterThan(0);
    // a sum of 9 numbers in (0, 1] each with relative error ≤ 2u
    // (exp, divide): within γ_9 + 2u of 1
    expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(
      gamma(9) + 2 * u,
    );
    // z_i + 7 − (m + 7) rounds differently from z_i − m by at most a
    // few u of |z| ≈ 10: relative 1e-13 in p covers it with margin
    assertAllClose(softmax(z.map((zi) => zi + 7)), p, { rtol: 1e-13 });
  });

  it('softmax works where the naive formula gives NaN', () => {
    expect(Array.from(naiveSoftmax(vec(1000, 1000)))).toEqual([NaN, NaN]);
    expect(Array.from(naiveSoftmax(vec(-1000, -1000)))).toEqual([
      NaN, NaN,
    ]);
    expect(Array.from(softmax(vec(1000, 1000)))).toEqual([0.5, 0.5]);
    expect(Array.from(softmax(vec(-1000, -1000)))).toEqual([0.5, 0.5]);
  });

  it('logSoftmax stays finite where log(softmax) is −∞', () => {
    const z = vec(0, -800);
    expect(Math.log(softmax(z)[1])).toBe(-Infinity);
    // −800 − log(1 + e^−800) = −800 exactly in double precision
    expect(Array.from(logSoftmax(z))).toEqual([0, -800]);
    const w = randomVector(7, 5);
    assertAllClose(logSoftmax(w), softmax(w).map(Math.log), {
      atol: 1e-15, // both O(1): a few roundings of size u
    });
  });

  it('the gradient of logSumExp is softmax, Eq. (calc-lse-gradient)', () => {
    for (const seed of [8, 9]) {
      const z = randomVector(seed, 6, 2);
      // defaults of gradientCheck: lse is of unit scale here
      const c = gradientCheck(logSumExp, softmax, z);
      expect(c.ok, `maxError ${c.maxError}`).toBe(true);
    }
  });

  it('the softmax Jacobian is diag(p) − ppᵀ, Eq. (calc-softmax-jacobian)',
    () => {
      const z = randomVector(10, 5, 2);
      const c = jacobianCheck(softmax, softmaxJacobian, z);
      expect(c.ok, `maxError ${c.maxError} at ${c.row},${c.col}`).toBe(
        true,
      );
    });

  it('the softmax Jacobian is symmetric and its rows sum to 0', () => {
    const J = softmaxJacobian(randomVector(11, 6, 3));
    // symmetric bit for bit: p_i p_j and p_j p_i are the same product
    expect(Array.from(transpose(J).data)).toEqual(Array.from(J.data));
    // J1 = p − p(pᵀ1) = 0, Eq. (calc-softmax-shift): the six terms are
    // at most 1/4, so the row sums are within γ_6 / 4 · 6 of 0
    const rowSums = matvec(J, new Float64Array(6).fill(1));
    expect(maxAbs(rowSums)).toBeLessThan(6 * gamma(6));
  });

  it('vᵀJv is the variance of v under p, so J is positive semidefinite',
    () => {
      const z = randomVector(12, 7, 2);
      const p = softmax(z);
      const J = softmaxJacobian(z);
      for (const seed of [13, 14, 15]) {
        const v = randomVector(seed, 7);
        const mean = dot(p, v);
        const variance = dot(p, v.map((vi) => (vi - mean) ** 2));
        // Eq. (calc-softmax-psd); sums of 7–49 terms of size ≤ 10
        expect(dot(v, matvec(J, v))).toBeCloseTo(variance, 13);
        expect(variance).toBeGreaterThan(0);
      }
    });

  it('the Hessian of logSumExp is the softmax Jacobian', () => {
    const z = randomVector(16, 4, 2);
    const c = hessianCheck(softmax, softmaxJacobian, z);
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
  });

  it('softmaxVjp is Jᵀv without forming J, Eq. (calc-softmax-vjp)', () => {
    const z = randomVector(17, 8, 2);
    const v = randomVector(18, 8);
    const Jt = transpose(softmaxJacobian(z));
    // two orders of summing 8 terms of size ≤ |v| ≈ 2: γ_8 · 2 · 2
    assertAllClose(softmaxVjp(z, v), matvec(Jt, v), {
      atol: 4 * gamma(8),
    });
  });

  it('the cross-entropy gradient is p − e_y, Eq. (calc-ce-z-gradient)',
    () => {
      const z = randomVector(19, 5, 2);
      const y = 3;
      const loss = (t: Float64Array) => logSumExp(t) - t[y];
      const grad = (t: Float64Array) => {
        const g = softmax(t);
        g[y] -= 1;
        return g;
      };
      const c = gradientCheck(loss, grad, z);
      expect(c.ok, `maxError ${c.maxError}`).toBe(true);
    });

  it('agrees with SciPy logsumexp and softmax on every fixture case', () => {
    for (const c of ref.softmax) {
      const n = c.z.length;
      // Same shifted formula; sums in different orders: the bound of
      // the first test, with 2u for the exp of both implementations
      const lse = logSumExp(c.z);
      const tol = 2 * gamma(n) + 4 * u + 2 * u * Math.abs(lse);
      expect(Math.abs(lse - c.logsumexp), c.name).toBeLessThan(tol);
      assertAllClose(softmax(c.z), c.softmax, {
        rtol: 2 * gamma(n) + 6 * u, // sum order, exp, divide
        atol: 1e-300, // entries that underflow in both
      }, c.name);
    }
  });

  it('refuses empty, NaN and infinite scores with a named error', () => {
    expect(() => logSumExp([])).toThrow(/logSumExp: .*length 0/);
    expect(() => softmax([1, NaN])).toThrow(/softmax: .*z\[1\] = NaN/);
    expect(() => logSumExp([Infinity])).toThrow(/logSumExp: .*Infinity/);
    expect(() => softmaxJacobian([])).toThrow(/softmaxJacobian: /);
    expect(() => softmaxVjp([1, 2], [1])).toThrow(/softmaxVjp: .*length 2/);
    expect(() => logSoftmax(null as never)).toThrow(/logSoftmax: /);
  });
});

describe('numerical Jacobians and Hessians', () => {
  it('the numerical Jacobian of x ↦ Ax is A', () => {
    const A = randomMatrix(20, 3, 4);
    const J = numericalJacobian((x) => matvec(A, x), randomVector(21, 4));
    // a linear map has no truncation error; round-off ≈ ε|Ax|/h with
    // h ≈ 6e-6 and |Ax| ≈ 4: below 1e-9
    assertAllClose(J.data, A.data, { atol: 1e-9 });
  });

  it('jacobianCheck names the entry of a wrong Jacobian', () => {
    const A = randomMatrix(22, 3, 3);
    const f = (x: Float64Array) => matvec(A, x);
    const x = randomVector(23, 3);
    expect(jacobianCheck(f, () => A, x).ok).toBe(true);
    const B = new Matrix(3, 3, Float64Array.from(A.data));
    B.set(2, 1, 1.001 * A.get(2, 1)); // off by 1e-3, relative
    const c = jacobianCheck(f, () => B, x);
    expect(c.ok).toBe(false);
    expect([c.row, c.col]).toEqual([2, 1]);
  });

  it('the numerical Hessian is symmetric, Eq. (calc-schwarz)', () => {
    const g = (x: Float64Array) =>
      gradient(threeVariables, x); // exact gradient, by forward mode
    const H = numericalHessian(g, vec(0.4, -0.3, 0.8));
    // each entry carries the FD error ≈ 1e-10 of Eq. (fd-total)
    assertAllClose(transpose(H).data, H.data, { atol: 1e-8 });
  });

  it('matches SymPy Hessians of the three-variable function', () => {
    for (const p of ref.three_variables) {
      const H = numericalHessian((x) => gradient(threeVariables, x),
        Float64Array.from(p.x));
      // the defaults of gradientCheck, which the Hessian check uses
      assertAllClose(H.data, p.hessian.flat(), { rtol: 1e-6, atol: 1e-8 });
    }
  });

  it('refuses bad points, wrong lengths and wrong shapes', () => {
    const f = (x: Float64Array) => x;
    expect(() => numericalJacobian(f, new Float64Array(0))).toThrow(
      /numericalJacobian: .*non-empty/,
    );
    let calls = 0;
    const shrinking = (x: Float64Array) => x.slice(0, 2 - calls++ % 2);
    expect(() => numericalJacobian(shrinking, vec(1, 2))).toThrow(
      /numericalJacobian: f\(x\) has length 1, expected 2/,
    );
    expect(() =>
      jacobianCheck(f, () => new Matrix(3, 2), vec(1, 2)),
    ).toThrow(/jacobianCheck: jac\(x\) must be a 2x2 Matrix, got 3x2/);
    expect(() => numericalJacobian(f, vec(1, NaN))).toThrow(
      /numericalJacobian: x\[1\]/,
    );
  });
});

describe('matrix-calculus identities', () => {
  const A = randomMatrix(30, 4, 4); // not symmetric
  const x = randomVector(31, 4);

  it('∇(xᵀAx) = (A + Aᵀ)x, Eq. (calc-quad-gradient)', () => {
    const c = gradientCheck(
      (t) => quadraticForm(A, t),
      (t) => quadraticFormGradient(A, t),
      x,
    );
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
  });

  it('for symmetric S the gradient is 2Sx', () => {
    const S = quadraticFormHessian(A); // A + Aᵀ is symmetric
    const g = quadraticFormGradient(S, x);
    // (S + Sᵀ)x and 2Sx: the same products, summed in the same order
    expect(Array.from(g)).toEqual(Array.from(matvec(S, x).map((v) => 2 * v)));
  });

  it('the Hessian of xᵀAx is A + Aᵀ, Eq. (calc-quad-hessian)', () => {
    const c = hessianCheck(
      (t) => quadraticFormGradient(A, t),
      () => quadraticFormHessian(A),
      x,
    );
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
  });

  const M = randomMatrix(32, 6, 3);
  const b = randomVector(33, 6);
  const w = randomVector(34, 3);

  it('∇‖Ax − b‖² = 2Aᵀ(Ax − b), Eq. (calc-ls-gradient)', () => {
    const c = gradientCheck(
      (t) => leastSquares(M, b, t),
      (t) => leastSquaresGradient(M, b, t),
      w,
    );
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
  });

  it('the Hessian of ‖Ax − b‖² is 2AᵀA, Eq. (calc-ls-hessian)', () => {
    const c = hessianCheck(
      (t) => leastSquaresGradient(M, b, t),
      () => leastSquaresHessian(M),
      w,
    );
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
  });

  it('the gradient vanishes at the normal-equations solution', () => {
    const H = leastSquaresHessian(M); // 2AᵀA
    const rhs = matvec(transpose(M), b).map((v) => 2 * v); // 2Aᵀb
    const xStar = solve(H, rhs); // Eq. (la-normal)
    const g = leastSquaresGradient(M, b, xStar);
    // ‖g‖ is rounding: a few u times |A|ᵀ(|A||x| + |b|) ≈ 6 · 3 · 2
    expect(maxAbs(g)).toBeLessThan(1e-13);
    expect(maxAbs(leastSquaresGradient(M, b, w))).toBeGreaterThan(0.1);
  });

  it('the second-order Taylor model is exact for ‖Ax − b‖²', () => {
    const h = randomVector(35, 3);
    const f0 = leastSquares(M, b, w);
    const g = leastSquaresGradient(M, b, w);
    const Hh = matvec(leastSquaresHessian(M), h);
    const model = f0 + dot(g, h) + 0.5 * dot(h, Hh); // Eq. (calc-taylor2)
    // both sides are sums of terms of size ≤ 50: 1e-12 is 50 γ_20
    expect(leastSquares(M, b, w.map((v, i) => v + h[i]))).toBeCloseTo(
      model,
      11,
    );
  });

  it('for a non-quadratic f the Taylor error shrinks like ‖h‖³', () => {
    const p = vec(0.3, -0.7, 1.1);
    const f = (t: Float64Array) =>
      threeVariables(Array.from(t, (v) => dual(v))).value;
    const g = gradient(threeVariables, p);
    const H = numericalHessian((t) => gradient(threeVariables, t), p);
    const dir = vec(0.6, 0.48, 0.64); // a unit vector
    const err = (s: number) => {
      const h = dir.map((v) => s * v);
      const model = f(p) + dot(g, h) + 0.5 * dot(h, matvec(H, h));
      return Math.abs(f(p.map((v, i) => v + h[i])) - model);
    };
    // halving h divides a third-order error by 8; the O(h⁴) term and
    // the Hessian's FD error (≈1e-10 · s²) move the ratio by < 10%
    const ratio = err(0.02) / err(0.01);
    expect(ratio).toBeGreaterThan(7.2);
    expect(ratio).toBeLessThan(8.8);
  });

  it('refuses non-square and mismatched shapes, naming the function', () => {
    expect(() => quadraticForm(new Matrix(2, 3), vec(1, 2, 3))).toThrow(
      /quadraticForm: expected a square matrix/,
    );
    expect(() => quadraticFormGradient(A, vec(1, 2))).toThrow(
      /quadraticFormGradient: A is 4x4, so x must be vector\(4\)/,
    );
    expect(() => leastSquares(M, vec(1, 2), w)).toThrow(
      /leastSquares: A is 6x3, so b must be vector\(6\)/,
    );
    expect(() => leastSquaresGradient(M, b, vec(NaN, 0, 0))).toThrow(
      /leastSquaresGradient: x .* NaN/,
    );
  });
});

describe('dual numbers', () => {
  it('product and quotient follow from ε² = 0, Eq. (calc-dual-rule)', () => {
    // small integers: every operation below is exact in binary
    expect(mul(dual(2, 3), dual(4, 5))).toEqual({ value: 8, deriv: 22 });
    expect(add(dual(2, 3), 4)).toEqual({ value: 6, deriv: 3 });
    expect(sub(1, dual(2, 3))).toEqual({ value: -1, deriv: -3 });
    expect(neg(dual(2, 3))).toEqual({ value: -2, deriv: -3 });
    // (8 + 22ε) / (4 + 5ε) = 2 + ((22 − 2·5) / 4)ε = 2 + 3ε
    expect(div(dual(8, 22), dual(4, 5))).toEqual({ value: 2, deriv: 3 });
  });

  it('exp, log, sin and cos carry their closed-form derivatives', () => {
    const x = 0.7;
    // one rounding in each closed form and in each dual rule
    expect(derivative(exp, x)).toBe(Math.exp(x));
    expect(derivative(log, x)).toBe(1 / x);
    expect(derivative(sin, x)).toBe(Math.cos(x));
    expect(derivative(cos, x)).toBe(-Math.sin(x));
  });

  it('tanh′ = 1 − tanh² and σ′ = σ(1 − σ), Eq. (calc-sigmoid)', () => {
    for (const x of [-3, -0.5, 0, 0.5, 3]) {
      const t = Math.tanh(x);
      expect(derivative(tanh, x)).toBe(1 - t * t);
      const s = sigmoid(x).value;
      // σ(1 - σ) as σ(|x|) σ(-|x|), the form that does not cancel
      const e = Math.exp(-Math.abs(x));
      expect(derivative(sigmoid, x)).toBe((1 / (1 + e)) * (e / (1 + e)));
      // the sigmoid is the second entry of softmax(0, x)
      expect(s).toBeCloseTo(softmax([0, x])[1], 15);
    }
  });

  it('sigmoid is finite and flat far out, where e^x overflows', () => {
    expect(sigmoid(dual(800, 1))).toEqual({ value: 1, deriv: 0 });
    const low = sigmoid(dual(-800, 1));
    expect(low.value).toBe(0); // e^−800 underflows to 0
    expect(low.deriv).toBe(0);
    expect(() => exp(dual(800, 1))).toThrow(/exp: .*Infinity/);
  });

  it('pow follows p·a^(p−1), with integer powers of negatives', () => {
    expect(pow(dual(-2, 1), 3)).toEqual({ value: -8, deriv: 12 });
    expect(pow(dual(4, 1), 0.5)).toEqual({ value: 2, deriv: 0.25 });
    expect(pow(dual(-2, 1), 0)).toEqual({ value: 1, deriv: 0 });
    expect(() => pow(dual(-2, 1), 0.5)).toThrow(
      /pow: a negative base needs an integer exponent/,
    );
    expect(() => pow(dual(0, 1), 0.5)).toThrow(/pow: .*Infinity/);
  });

  it('composition applies the chain rule, Eq. (calc-chain-scalar)', () => {
    const f = (x: Dual) => sin(exp(x));
    const x = 0.9;
    // the dual pass computes cos(e^x) · e^x with the same roundings
    expect(derivative(f, x)).toBe(Math.cos(Math.exp(x)) * Math.exp(x));
  });

  it('matches the hand derivative, Eq. (calc-wiggle-derivative)', () => {
    for (const x of ref.wiggle.x) {
      const d = derivative(wiggle, x);
      // about 40 roundings each; the terms of the derivative have
      // absolute values summing to at most 2.9 on [−3, 3]
      // (wiggleTermSum), and a factor 4 covers the partial products
      // inside them: 12 γ_40. The hand formula rounds too, but the
      // measured difference (1.1e-15) stays below one such budget.
      expect(Math.abs(d - wiggleDerivative(x))).toBeLessThan(
        Math.ceil(4 * wiggleTermSum(ref.wiggle.x)) * gamma(40),
      );
    }
  });

  it('is exact to rounding against SymPy; central differences are not',
    () => {
      const rows = derivativeErrors(ref.wiggle.x, ref.wiggle.df);
      for (const [i, r] of rows.entries()) {
        // absolute error bounded as in the previous test
        const abs = r.forward * Math.abs(ref.wiggle.df[i]);
        expect(abs).toBeLessThan(12 * gamma(40));
      }
      const median = (xs: number[]) =>
        [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const fwd = median(rows.map((r) => r.forward));
      const fd = median(rows.map((r) => r.central));
      // Eq. (fd-total) predicts ≈ 1e-11 for central differences
      expect(fwd).toBeLessThan(4 * u);
      expect(fd).toBeGreaterThan(1e-12);
      expect(fd / Math.max(fwd, u / 4)).toBeGreaterThan(1000);
    });

  it('the values of the dual pass are the values of f', () => {
    ref.wiggle.x.forEach((x: number, i: number) => {
      // ≈ 30 roundings on terms summing to at most 6 in size
      expect(Math.abs(wiggle(dual(x)).value - ref.wiggle.f[i]))
        .toBeLessThan(6 * gamma(30));
    });
  });

  it('refuses log(0), division by 0, NaN and non-duals by name', () => {
    expect(() => log(dual(0, 1))).toThrow(/log: expected a positive/);
    expect(() => div(1, dual(0, 1))).toThrow(/div: division by zero/);
    expect(() => dual(NaN)).toThrow(/dual: .*NaN/);
    expect(() => variable(Infinity)).toThrow(/variable: .*Infinity/);
    expect(() => add({} as Dual, 1)).toThrow(/add: expected a Dual/);
    expect(() => derivative(() => 3 as never, 1)).toThrow(
      /derivative: f\(x\) must be a Dual/,
    );
  });
});

describe('forward mode', () => {
  it('gradient matches SymPy, one pass per input', () => {
    for (const p of ref.three_variables) {
      let passes = 0;
      const f = (x: Dual[]) => {
        passes += 1;
        return threeVariables(x);
      };
      const g = gradient(f, p.x);
      // ≈ 20 roundings on terms below 3 in size: 3 γ_20 ≈ 7e-15
      assertAllClose(g, p.gradient, { rtol: 0, atol: 3 * gamma(20) });
      expect(passes).toBe(p.x.length);
    }
  });

  it('a directional derivative is ∇fᵀv, in one pass', () => {
    const x = vec(0.3, -0.7, 1.1);
    const v = vec(0.5, -2, 0.25);
    const g = gradient(threeVariables, x);
    // the same chain-rule products, combined in another order
    expect(directionalDerivative(threeVariables, x, v)).toBeCloseTo(
      dot(g, v),
      14,
    );
  });

  it('the forward Jacobian of the polar map is its closed form', () => {
    const F = (u: Dual[]) => [mul(u[0], cos(u[1])), mul(u[0], sin(u[1]))];
    const u0 = vec(1.3, 0.6);
    // the dual rules compute exactly the products of the closed form
    expect(Array.from(jacobian(F, u0).data)).toEqual(
      Array.from(polarJacobian(u0).data),
    );
    const v = vec(0.2, -1);
    assertAllClose(jvp(F, u0, v), matvec(polarJacobian(u0), v), {
      atol: 4 * u, // two products and a sum of numbers below 1.3
    });
  });

  it('log-sum-exp on duals has gradient softmax, even at z ≈ 1000', () => {
    const z = vec(1000, 999, 1001.5);
    const g = gradient(logSumExpDual, z);
    // the same exps and divisions as softmax, in another order
    assertAllClose(g, softmax(z), { rtol: 8 * u });
  });

  it('differentiates the program, not the function', () => {
    // x² written with a shortcut at x = 1: the same values everywhere,
    // but the constant branch has derivative 0, not 2
    const square = (x: Dual) => (x.value === 1 ? dual(1) : mul(x, x));
    expect(square(dual(1)).value).toBe(1);
    expect(derivative(square, 1)).toBe(0);
    expect(derivative(square, 1 + 2 ** -40)).toBeCloseTo(2, 10);
  });

  it('refuses empty points, NaN and mismatched directions', () => {
    expect(() => gradient(threeVariables, [])).toThrow(/gradient: x is empty/);
    expect(() => gradient(threeVariables, [1, NaN, 0])).toThrow(
      /gradient: .*x\[1\] = NaN/,
    );
    expect(() => directionalDerivative(threeVariables, [1, 2, 3], [1]))
      .toThrow(/directionalDerivative: expected v of length 3/);
    expect(() => jvp(() => [], [1], [1])).toThrow(/jvp: f\(x\) must be/);
  });
});

describe('the figures\' functions', () => {
  it('the double-well gradient passes the gradient check', () => {
    const rng = createRng(40);
    for (let t = 0; t < 5; t++) {
      const p = vec(rng.uniform(-1.8, 1.8), rng.uniform(-1.5, 1.5));
      const c = gradientCheck(doubleWell, doubleWellGradient, p);
      expect(c.ok, `maxError ${c.maxError}`).toBe(true);
    }
  });

  it('has minima at ±(1, 1/2) and a saddle at 0, Eq. (calc-double-well)',
    () => {
      const hess = (p: Float64Array) => {
        const H = numericalHessian(doubleWellGradient, p);
        return H.get(0, 0) * H.get(1, 1) - H.get(0, 1) * H.get(1, 0);
      };
      for (const p of [vec(1, 0.5), vec(-1, -0.5), vec(0, 0)]) {
        expect(maxAbs(doubleWellGradient(p))).toBe(0);
      }
      // det H = 32 at the minima and −16 at the saddle (by hand);
      // FD error ≈ 1e-9 of Eq. (fd-total)
      expect(hess(vec(1, 0.5))).toBeCloseTo(32, 6);
      expect(hess(vec(0, 0))).toBeCloseTo(-16, 6);
    });

  it('the gradient is the direction of steepest ascent', () => {
    // The function itself picks the direction: the largest rise of
    // doubleWell over a short step t among 360 unit directions, which
    // must lie within 1° of ∇f / |∇f|, Eq. (calc-directional).
    const p = vec(0.7, -0.4);
    const t = 1e-4; // rise = t ∇f·v + O(t²): the O(t²) term moves the
    // best angle by about t |∇²f| / |∇f| radians, far below 1°
    const f0 = doubleWell(p);
    let best = { rise: -Infinity, angle: 0 };
    for (let k = 0; k < 360; k++) {
      const a = (2 * Math.PI * k) / 360;
      const q = vec(p[0] + t * Math.cos(a), p[1] + t * Math.sin(a));
      const rise = doubleWell(q) - f0;
      if (rise > best.rise) best = { rise, angle: a };
    }
    const g = doubleWellGradient(p);
    const angle = Math.atan2(g[1], g[0]);
    const diff = Math.abs(((best.angle - angle + 3 * Math.PI) %
      (2 * Math.PI)) - Math.PI);
    expect(diff).toBeLessThanOrEqual(Math.PI / 180);
  });

  it('a step across the gradient changes f only to second order', () => {
    const p = vec(0.7, -0.4);
    const g = doubleWellGradient(p);
    const step = (dx: number, dy: number, t: number) =>
      Math.abs(doubleWell(vec(p[0] + t * dx, p[1] + t * dy)) - doubleWell(p));
    const n = Math.hypot(g[0], g[1]);
    const [tx, ty] = [-g[1] / n, g[0] / n]; // tangent to the contour
    // along the contour: O(t²), so halving t quarters the change
    expect(step(tx, ty, 1e-3) / step(tx, ty, 5e-4)).toBeCloseTo(4, 1);
    // along the gradient: |∇f| t to first order
    expect(step(g[0] / n, g[1] / n, 1e-6) / 1e-6).toBeCloseTo(n, 4);
  });

  it('the polar Jacobian is right and its determinant is r', () => {
    const u0 = vec(1.7, 2.2);
    const c = jacobianCheck(polar, polarJacobian, u0);
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
    const J = polarJacobian(u0);
    const det = J.get(0, 0) * J.get(1, 1) - J.get(0, 1) * J.get(1, 0);
    expect(det).toBeCloseTo(1.7, 14); // r (cos² + sin²), Eq. (calc-polar-det)
  });

  it('a small circle maps to the ellipse of J, with semi-axes ρ and rρ',
    () => {
      const u0 = vec(1.6, 0.35);
      const rho = 0.01;
      const Fu = polar(u0);
      const d = circleImages(polar, polarJacobian(u0), u0, rho, 720).map(
        (p) => Math.hypot(p.linear[0] - Fu[0], p.linear[1] - Fu[1]),
      );
      // J = R(θ) diag(1, r): the semi-axes are ρ and rρ (to 0.25°)
      expect(Math.min(...d)).toBeCloseTo(rho, 8);
      expect(Math.max(...d)).toBeCloseTo(1.6 * rho, 8);
    });

  it('the linearization error shrinks like ρ², Eq. (calc-jacobian)', () => {
    const u0 = [0.8, 1.15];
    // halving ρ quarters a second-order gap; the ρ³ term shifts the
    // ratio by about ρ/r ≈ 1% at these radii
    const ratio = linearizationGap(u0, 0.02) / linearizationGap(u0, 0.01);
    expect(ratio).toBeGreaterThan(3.9);
    expect(ratio).toBeLessThan(4.1);
  });

  it('refuses points that are not two finite numbers', () => {
    expect(() => doubleWell([1])).toThrow(/doubleWell: .*two finite/);
    expect(() => polar([1, NaN])).toThrow(/polar: .*two finite/);
    expect(() => circleImages(polar, polarJacobian([1, 0]), [1, 0], 0))
      .toThrow(/circleImages: expected rho > 0/);
  });
});

describe('reading a data file with its checksum verified', () => {
  // the SHA-256 of the three bytes "abc", test vector of FIPS 180-2
  const ABC =
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  const abcFile = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'data-file-')), 'abc.csv');
    writeFileSync(path, 'abc');
    return path;
  };

  it('readVerified returns the bytes when the SHA-256 matches', () => {
    const bytes = readVerified('loadAbc', abcFile(), ABC, 'README.md');
    expect(bytes.toString('utf8')).toBe('abc');
  });

  it('refuses other bytes in the name of the loader, citing the README', () => {
    const path = abcFile();
    expect(() =>
      readVerified('loadAbc', path, IRIS_SHA256, 'data/abc/README.md'),
    ).toThrow(
      `loadAbc: ${path} has SHA-256 ${ABC}, expected ${IRIS_SHA256} ` +
        '(see data/abc/README.md)',
    );
  });

  it('dataPath finds data/ beside the book\'s root from any directory', () => {
    const root = resolve(fileURLToPath(import.meta.url), '../..');
    const cwd = process.cwd();
    process.chdir(tmpdir()); // where no data/iris/iris.csv is
    try {
      expect(dataPath('data/iris/iris.csv')).toBe(
        join(root, 'data/iris/iris.csv'),
      );
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('the cross-entropy of a softmax classifier on iris', () => {
  const { X, y } = loadIris();
  const W = fromRows(ref.iris.W);
  const study = irisGradients(W);
  // Rounding budget of the loss and gradient: each logit is a sum of
  // d + 1 = 5 products, each loss term lse − z_y adds ≈ 10 roundings,
  // and the mean sums n = 150 terms; errors scale with the size M of
  // the largest logit. This is Eq. (la-gamma) with r = n + 20.
  const budget = (Wm: Matrix) => {
    let M = 1;
    for (let i = 0; i < X.rows; i++) M = Math.max(M, maxAbs(logits(Wm, X, i)));
    return 8 * gamma(X.rows + 20) * M * maxAbs(X.data);
  };

  it('loads 150 flowers, 50 per species, as scikit-learn has them', () => {
    expect([X.rows, X.cols]).toEqual([150, 4]);
    expect([0, 1, 2].map((c) => y.filter((v) => v === c).length)).toEqual([
      50, 50, 50,
    ]);
    // one decimal per entry: the sum of 600 is exact to ≈ 600 u · 900
    expect(X.data.reduce((a, b) => a + b, 0)).toBeCloseTo(ref.iris.X_sum, 9);
    expect(y.reduce((a, b) => a + b, 0)).toBe(ref.iris.y_sum);
  });

  it('refuses a copy of the file with one digit changed', () => {
    const text = readFileSync(irisPath(), 'utf8').replace('5.1', '5.2');
    const path = join(mkdtempSync(join(tmpdir(), 'iris-')), 'iris.csv');
    writeFileSync(path, text);
    expect(() => loadIris(path)).toThrow(
      new RegExp(`loadIris: .*expected ${IRIS_SHA256}`),
    );
  });

  it('the chain-rule gradient passes the gradient check', () => {
    const loss = (w: Float64Array) =>
      crossEntropyLoss(new Matrix(3, 5, w), X, y);
    const grad = (w: Float64Array) =>
      crossEntropyGradient(new Matrix(3, 5, w), X, y).data;
    // the loss is ≈ 1.5 with entries of x up to 8: the defaults fit
    const c = gradientCheck(loss, grad, W.data);
    expect(c.ok, `maxError ${c.maxError}`).toBe(true);
  });

  it('forward mode equals the chain rule to rounding, in 15 passes', () => {
    assertAllClose(study.forward, study.chainRule, {
      rtol: 0,
      atol: budget(W),
    });
    expect(study.forwardPasses).toBe(15);
    expect(study.centralPasses).toBe(30);
  });

  it('loss and gradient match scikit-learn at W', () => {
    const tol = budget(W);
    expect(Math.abs(study.loss - ref.iris.at_W.loss)).toBeLessThan(tol);
    assertAllClose(study.chainRule, ref.iris.at_W.gradient.flat(), {
      rtol: 0,
      atol: tol,
    });
  });

  it('at 1000·W the loss matches scikit-learn; the naive one overflows',
    () => {
      const Wbig = new Matrix(3, 5, W.data.map((v) => 1000 * v));
      const tol = budget(Wbig);
      expect(Math.abs(study.scaledLoss - ref.iris.at_1000W.loss))
        .toBeLessThan(tol);
      const G = crossEntropyGradient(Wbig, X, y);
      assertAllClose(G.data, ref.iris.at_1000W.gradient.flat(), {
        rtol: 0,
        atol: tol,
      });
      expect(Number.isFinite(study.scaledNaive)).toBe(false);
    });

  it('the dual loss has the same value as the loss', () => {
    const w = Array.from(W.data, (v) => dual(v));
    expect(Math.abs(crossEntropyDual(w, X, y, 3).value - study.loss))
      .toBeLessThan(budget(W));
  });

  it('refuses wrong shapes and labels, naming the function', () => {
    expect(() => crossEntropyLoss(new Matrix(3, 4), X, y)).toThrow(
      /crossEntropyLoss: X is 150x4, so W must be 3x5/,
    );
    const bad = Int32Array.from(y);
    bad[7] = 3;
    expect(() => crossEntropyGradient(W, X, bad)).toThrow(
      /crossEntropyGradient: expected labels in 0..2, got y\[7\] = 3/,
    );
    expect(() => crossEntropyDual([], X, y, 3)).toThrow(
      /crossEntropyDual: expected 15 weights, got 0/,
    );
    expect(() => logits(W, X, 150)).toThrow(/logits: expected row i/);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('dual numbers: construction, arithmetic and functions', () => {
    rejectsBadInput(badInput.duals);
  });

  it('forward mode, and the numerical Jacobian and Hessian and their checks', () => {
    rejectsBadInput(badInput.forward);
  });

  it('log-sum-exp, softmax, their Jacobian and the naive versions', () => {
    rejectsBadInput(badInput.softmax);
  });

  it('the linear classifier: logits, loss and gradient', () => {
    rejectsBadInput(badInput.classifier);
  });

  it('the matrix-calculus identities', () => {
    rejectsBadInput(badInput.identities);
  });

  it('the double well and the polar map', () => {
    rejectsBadInput(badInput.maps);
  });

  it('the experiments behind the prose and the figures', () => {
    rejectsBadInput(badInput.experiments);
  });

  it('the data files: dataPath, readVerified and loadIris', () => {
    rejectsBadInput(badInput.data);
  });
});
describe('review', () => {
  it('logSumExpDual of 200 000 duals runs; its derivative part is 1', () => {
    // d/dt lse(z + t 1) = sum of the softmax = 1 (no spread into a call)
    const zs = Array.from({ length: 200_000 }, (_, i) => dual(i * 1e-6, 1));
    const r = logSumExpDual(zs);
    expect(Number.isFinite(r.value)).toBe(true);
    // a sum of 2e5 probabilities: gamma_(2e5) relative
    expect(Math.abs(r.deriv - 1)).toBeLessThan(gamma(200_000));
  });

  it("sigmoid's derivative keeps relative accuracy at a = ±30 and ±40", () => {
    for (const a of [30, -30, 40, -40]) {
      const e = Math.exp(-Math.abs(a));
      const exact = e / (1 + e) ** 2; // σ(a)(1 - σ(a)), no cancellation
      const d = sigmoid(variable(a)).deriv;
      expect(Math.abs(d - exact) / exact, String(a)).toBeLessThan(4 * u);
    }
  });

  it('exp is subnormal below log(2^-1022) and 0 below log(MIN_VALUE / 2)', () => {
    const sub = Math.log(2 ** -1022);
    const zero = Math.log(Number.MIN_VALUE) - Math.LN2;
    expect(Math.exp(sub + 1e-9)).toBeGreaterThanOrEqual(2 ** -1022);
    expect(Math.exp(sub - 1e-3)).toBeLessThan(2 ** -1022);
    expect(Math.exp(-745)).toBeGreaterThan(0); // 5e-324, not 0
    expect(Math.exp(zero + 1e-3)).toBeGreaterThan(0);
    expect(Math.exp(zero - 1e-3)).toBe(0);
  });

  it("scikit-learn's unpenalized fit stays far below the overflow scores", () => {
    const u0 = ref.iris.unpenalized;
    expect(u0.max_abs_score).toBeLessThan(Math.log(Number.MAX_VALUE));
    // while 1000 W of the chapter's study passes it
    const W = fromRows(ref.iris.W);
    const { X } = loadIris();
    const W1000 = new Matrix(3, 5, W.data.map((w) => 1000 * w));
    let largest = 0;
    for (let i = 0; i < X.rows; i++) {
      largest = Math.max(largest, maxAbs(logits(W1000, X, i)));
    }
    expect(largest).toBeGreaterThan(Math.log(Number.MAX_VALUE));
  });

  it('Exercise: the mixed partial at h = 1e-5 is within 1e-4 of SymPy', () => {
    const f = (x: Float64Array) =>
      threeVariables(Array.from(x, (v) => dual(v))).value;
    for (const p of ref.three_variables) {
      const d = mixedPartial(f, p.x, 0, 2, 1e-5);
      expect(Math.abs(d - p.hessian[0][2])).toBeLessThan(1e-4);
    }
  });

  it('Exercise: numericalHessian is more than 1e4 times more accurate', () => {
    const f = (x: Float64Array) =>
      threeVariables(Array.from(x, (v) => dual(v))).value;
    const grad = (x: Float64Array) => gradient(threeVariables, x);
    for (const p of ref.three_variables) {
      const exact = p.hessian[0][2];
      const mixed = Math.abs(mixedPartial(f, p.x, 0, 2, 1e-5) - exact);
      const H = numericalHessian(grad, Float64Array.from(p.x));
      const viaGrad = Math.abs(H.data[2] - exact);
      expect(viaGrad * 1e4).toBeLessThan(mixed);
    }
  });

  it('Exercise: in the truncation regime the mixed partial error is O(h)', () => {
    const f = (x: Float64Array) =>
      threeVariables(Array.from(x, (v) => dual(v))).value;
    const p = ref.three_variables[2];
    const err = (h: number) =>
      Math.abs(mixedPartial(f, p.x, 0, 2, h) - p.hessian[0][2]);
    const ratio = err(1e-2) / err(5e-3);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });

  it('Exercise: the gradient of tr(AX) is A^T (A not symmetric)', () => {
    const A = randomMatrix(71, 3, 3);
    const X0 = randomMatrix(72, 3, 3);
    const res = gradientCheck(
      (x) => traceAX(A, new Matrix(3, 3, x)),
      () => traceAXGradient(A).data,
      X0.data,
    );
    expect(res.ok).toBe(true);
  });

  it('Exercise: the gradient of log |det X| is X^-T', () => {
    const B = randomMatrix(73, 3, 3);
    const X0 = matmulT(B); // B^T B + I: symmetric positive definite
    const res = gradientCheck(
      (x) => logAbsDetOf(new Matrix(3, 3, x)),
      (x) => logAbsDetGradient(new Matrix(3, 3, x)).data,
      X0.data,
    );
    expect(res.ok).toBe(true);
    const N = randomMatrix(74, 3, 3); // and a non-symmetric one
    const resN = gradientCheck(
      (x) => logAbsDetOf(new Matrix(3, 3, x)),
      (x) => logAbsDetGradient(new Matrix(3, 3, x)).data,
      N.data,
    );
    expect(resN.ok).toBe(true);
  });

  it('Exercise: forward-mode H v equals SymPy\'s Hessian times v', () => {
    const v = [0.3, -1, 0.5];
    for (const p of ref.three_variables) {
      const Hv = p.hessian.map((row: number[]) =>
        row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
      // a few dozen roundings of terms of size up to about 3
      assertAllClose(hvp(p.x, v), Hv, { rtol: 0, atol: 1e-14 });
    }
  });

  it('Exercise: the (2, 2) entry of the softmax Jacobian at (0, t) is σ(1 - σ)', () => {
    for (const t of [-3, 0.5, 4]) {
      const J = softmaxJacobian([0, t]);
      const s = 1 / (1 + Math.exp(-t));
      expect(Math.abs(J.data[3] - s * (1 - s))).toBeLessThan(4 * u);
      expect(Math.abs(softmax([0, t])[1] - s)).toBeLessThan(2 * u);
    }
  });
});

/** B^T B + I for a square B. */
function matmulT(B: Matrix): Matrix {
  const n = B.rows;
  const C = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) s += B.data[k * n + i] * B.data[k * n + j];
      C.data[i * n + j] = s;
    }
  }
  return C;
}
