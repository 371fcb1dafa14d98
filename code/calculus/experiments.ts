// The chapter's experiments: a test function differentiated three
// ways, the Jacobian's linearization error, and the iris gradient.
import { numericalGradient } from '../introduction/check.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import {
  crossEntropyDual,
  crossEntropyGradient,
  crossEntropyLoss,
  logits,
} from './classifier.ts';
import {
  add, dual, exp, lift, log, mul, pow, sigmoid, sin, tanh, type Dual,
} from './dual.ts';
import {
  calledAs,
  requireFinite,
  requirePaired,
} from '../introduction/checks.ts';
import { checkFinite } from '../linear-algebra/matrix.ts';
import { derivative, gradient } from './forward.ts';
import { loadIris } from './iris.ts';
import { circleImages, polar, polarJacobian } from './maps.ts';
import { naiveLogSumExp } from './overflow.ts';

// #region wiggle
/** σ(x) log(1 + x²) + sin x tanh x + (1 + x²)^{3/2} e^{−x²/2}. */
export function wiggle(x: Dual): Dual {
  lift('wiggle', x); // a finite Dual or number, or an error
  const q = add(1, mul(x, x)); // 1 + x²
  const a = mul(sigmoid(x), log(q));
  const b = mul(sin(x), tanh(x));
  const c = mul(pow(q, 1.5), exp(mul(-0.5, mul(x, x))));
  return add(add(a, b), c);
}

/** Its derivative by hand: Eq. (calc-wiggle-derivative). */
export function wiggleDerivative(x: number): number {
  if (!Number.isFinite(x)) {
    throw new Error(`wiggleDerivative: expected a finite x, got ${x}`);
  }
  const q = 1 + x * x;
  const s = 1 / (1 + Math.exp(-x));
  const t = Math.tanh(x);
  return s * (1 - s) * Math.log(q) + (2 * x * s) / q +
    Math.cos(x) * t + Math.sin(x) * (1 - t * t) +
    x * Math.sqrt(q) * Math.exp(-0.5 * x * x) * (3 - q);
}
// #endregion

/**
 * The largest sum of the absolute values of the five terms of Eq.
 * (calc-wiggle-derivative) over `xs`: the scale of the rounding error
 * of any evaluation of f' that adds those terms.
 */
export function wiggleTermSum(xs: readonly number[]): number {
  let worst = 0;
  for (const x of xs) {
    const q = 1 + x * x;
    const s = 1 / (1 + Math.exp(-x));
    const t = Math.tanh(x);
    const terms = [
      s * (1 - s) * Math.log(q), (2 * x * s) / q, Math.cos(x) * t,
      Math.sin(x) * (1 - t * t),
      x * Math.sqrt(q) * Math.exp(-0.5 * x * x) * (3 - q),
    ];
    let sum = 0;
    for (const v of terms) sum += Math.abs(v);
    worst = Math.max(worst, sum);
  }
  return worst;
}

// #region three-ways
/** |error| / |exact| of forward mode and of central differences. */
export function derivativeErrors(
  xs: readonly number[],
  exact: readonly number[],
) {
  requirePaired('derivativeErrors', { xs, exact });
  const bad = exact.some((e) => e === 0 || !Number.isFinite(e));
  if (xs.length !== exact.length || bad) {
    throw new Error('derivativeErrors: expected as many nonzero exact ' +
      `derivatives as points, got ${exact.length} for ${xs.length}`);
  }
  const fd = (x: number) => numericalGradient(
    (v) => wiggle(dual(v[0])).value, Float64Array.of(x))[0];
  return xs.map((x, i) => ({
    x,
    forward: Math.abs(derivative(wiggle, x) - exact[i]) /
      Math.abs(exact[i]),
    central: Math.abs(fd(x) - exact[i]) / Math.abs(exact[i]),
  }));
}
// #endregion

// #region three-variables
/** e^(x₀x₁) + x₀² sin x₂ + tanh(x₀) log(1 + x₁² + x₂²). */
export function threeVariables(x: Dual[]): Dual {
  if (x.length !== 3) {
    throw new Error(`threeVariables: expected 3 inputs, got ${x.length}`);
  }
  const [a, b, c] = x.map((xi) => lift('threeVariables', xi));
  const r = add(1, add(mul(b, b), mul(c, c)));
  return add(add(exp(mul(a, b)), mul(mul(a, a), sin(c))),
    mul(tanh(a), log(r)));
}
// #endregion

// #region linearization
/** Largest distance between F(circle) and its linearization, for
 *  circles of radius rho around u under the polar map. */
export function linearizationGap(u: ArrayLike<number>, rho: number) {
  const fn = 'linearizationGap';
  const pts = calledAs(fn, () =>
    circleImages(polar, polarJacobian(u), u, rho));
  let gap = 0;
  for (const p of pts) {
    const dx = p.image[0] - p.linear[0];
    const dy = p.image[1] - p.linear[1];
    gap = Math.max(gap, Math.hypot(dx, dy));
  }
  return gap; // Eq. (calc-jacobian): o(rho), in fact O(rho²)
}
// #endregion

// #region iris-study
/** The iris loss gradient at W three ways, and the loss at scale·W. */
export function irisGradients(W: Matrix, scale = 1000) {
  checkIrisW(W, scale);
  const { X, y } = loadIris();
  const k = W.rows;
  const loss = (w: Float64Array) =>
    crossEntropyLoss(new Matrix(k, W.cols, Float64Array.from(w)), X, y);
  let passes = 0;
  const lossDual = (w: Dual[]) => {
    passes += 1; // one pass over the data per call
    return crossEntropyDual(w, X, y, k);
  };
  return {
    loss: loss(W.data),
    chainRule: crossEntropyGradient(W, X, y).data, // one pass
    forward: gradient(lossDual, W.data),
    forwardPasses: passes,
    central: numericalGradient(loss, W.data), // 2 passes per entry
    centralPasses: 2 * W.data.length,
    scaledLoss: loss(W.data.map((v) => scale * v)),
    scaledNaive: naiveLoss(W.data.map((v) => scale * v), X, y, k),
  };
}

/** The loss with the naive log-sum-exp: wrong on purpose. */
function naiveLoss(w: Float64Array, X: Matrix, y: Int32Array, k: number) {
  const W = new Matrix(k, X.cols + 1, w);
  let L = 0;
  for (let i = 0; i < X.rows; i++) {
    const z = logits(W, X, i);
    L += naiveLogSumExp(z) - z[y[i]];
  }
  return L / X.rows;
}
// #endregion

/** W is 3 x 5 (three species, four features and a bias), finite. */
function checkIrisW(W: Matrix, scale: number): void {
  const fn = 'irisGradients';
  if (!(W instanceof Matrix) || W.rows !== 3 || W.cols !== 5) {
    throw new Error(`${fn}: W must be a 3x5 Matrix (3 species, 4 ` +
      `features and a bias), got ${W instanceof Matrix
        ? `${W.rows}x${W.cols}` : typeof W}`);
  }
  checkFinite(fn, 'W', W);
  requireFinite(fn, 'scale', scale);
}
