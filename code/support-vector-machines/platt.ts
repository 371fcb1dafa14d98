// Platt scaling: P(y = 1 | f) = 1 / (1 + exp(A f + B)), fitted by the
// Newton method with backtracking of Lin, Lin and Weng (2007), as in
// libsvm's sigmoid_train. Browser-safe.
import { checkCount } from './checks.ts';

// #region sigmoid-loss
/** −log P(t | f, A, B), Eq. (sv-platt-loss), without overflow. */
function loss(f: Float64Array, t: Float64Array, A: number, B: number) {
  let v = 0;
  for (let i = 0; i < f.length; i++) {
    const z = f[i] * A + B;
    v += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z))
      : (t[i] - 1) * z + Math.log1p(Math.exp(z));
  }
  return v;
}
// #endregion

// #region platt-fit
/** Fits (A, B) of Eq. (sv-platt) to decision values f, labels y. */
export function fitPlatt(f: Float64Array, y: Int8Array, maxIter = 100) {
  checkPlatt(f, y, maxIter);
  let n1 = 0;
  for (const v of y) if (v > 0) n1++;
  const n0 = y.length - n1; // Platt's targets, Eq. (sv-platt-targets)
  const t = Float64Array.from(y, (v) =>
    v > 0 ? (n1 + 1) / (n1 + 2) : 1 / (n0 + 2));
  let A = 0, B = Math.log((n0 + 1) / (n1 + 1)), fval = loss(f, t, A, B);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const [g1, g2, h11, h22, h21] = derivatives(f, t, A, B);
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21; // Newton: −H⁻¹g
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    for (; step >= 1e-10; step /= 2) { // Armijo backtracking
      const v = loss(f, t, A + step * dA, B + step * dB);
      if (v < fval + 1e-4 * step * gd) {
        [A, B, fval] = [A + step * dA, B + step * dB, v];
        break;
      }
    }
    if (step < 1e-10) break; // the line search failed
  }
  return { A, B, iterations: iter, loss: fval };
}
// #endregion

// #region platt-derivatives
/** Gradient and Hessian (+10⁻¹² I) of the loss in (A, B). */
function derivatives(
  f: Float64Array, t: Float64Array, A: number, B: number,
) {
  let g1 = 0, g2 = 0, h11 = 1e-12, h22 = 1e-12, h21 = 0;
  for (let i = 0; i < f.length; i++) {
    const z = f[i] * A + B;
    const e = Math.exp(-Math.abs(z)); // p = 1 − q = σ(−z), safely
    const p = z >= 0 ? e / (1 + e) : 1 / (1 + e);
    const q = 1 - p, d2 = p * q, d1 = t[i] - p;
    h11 += f[i] * f[i] * d2;
    h22 += d2;
    h21 += f[i] * d2;
    g1 += f[i] * d1;
    g2 += d1;
  }
  return [g1, g2, h11, h22, h21];
}
// #endregion

/** P(y = +1 | f) = σ(−(A f + B)), computed without overflow. */
export function plattProbability(f: Float64Array, A: number, B: number) {
  checkFloats('plattProbability', 'f', f);
  checkFloats('plattProbability', 'A, B', Float64Array.of(A, B));
  return f.map((v) => {
    const z = v * A + B;
    return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z))
      : 1 / (1 + Math.exp(z));
  });
}

function checkFloats(fn: string, name: string, v: unknown): void {
  if (!(v instanceof Float64Array) || v.length === 0) {
    throw new Error(`${fn}: ${name} must be a non-empty Float64Array`);
  }
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) {
      throw new Error(`${fn}: ${name} must be finite, got ${v[i]}`);
    }
  }
}

function checkPlatt(f: Float64Array, y: Int8Array, maxIter: number) {
  checkFloats('fitPlatt', 'f', f);
  if (!(y instanceof Int8Array) || y.length !== f.length) {
    throw new Error(`fitPlatt: y must be an Int8Array of ${f.length} ±1`);
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1 && y[i] !== -1) {
      throw new Error(`fitPlatt: y[${i}] must be ±1, got ${y[i]}`);
    }
  }
  checkCount('fitPlatt', 'maxIter', maxIter, 1);
}
