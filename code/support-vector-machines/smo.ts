// Sequential minimal optimization for the C-SVC dual: our reading of
// the decomposition method that Chang and Lin (2011, §4) describe for
// libsvm, with the working-set selection WSS 2 of Fan, Chen and Lin
// (2005). Each function implements one of the chapter's equations;
// libsvm is the reference we compare with, and its conventions are kept
// so that the steps match scikit-learn's SVC (libsvm): G = Qα − 1; Q in
// single precision, its diagonal QD in double; TAU = 1e−12 for a pair
// without curvature; ties in WSS 2 to the last index; α_i at a bound
// when α_i ≥ C_i or α_i ≤ 0; ρ = −b. No shrinking, no cache limit.
// Browser-safe.
import { checkSmo } from './checks.ts';

/** min ½αᵀQα − Σα, 0 ≤ α_i ≤ C_i, yᵀα = 0, Eq. (sv-dual). */
export interface DualProblem {
  Q: Float32Array; // n × n, Q_ij = y_i y_j K(x_i, x_j)
  QD: Float64Array; // the diagonal, in double
  y: Int8Array; // labels ±1
  Cp: number; // C for y = +1
  Cn: number; // C for y = −1
}

export interface SmoOptions {
  eps?: number; // stop when m(α) − M(α) < eps, Eq. (sv-stop)
  maxIter?: number;
  record?: boolean; // keep the gap and objective of every iteration
}

/** libsvm's tau: the curvature used where a pair has none. */
export const TAU = 1e-12;

// #region state
/** α, the gradient G = Qα − 1 and where each α_i sits in [0, C_i]. */
class State {
  readonly n: number;
  readonly alpha: Float64Array;
  readonly G: Float64Array;
  readonly p: DualProblem;
  constructor(p: DualProblem) {
    this.p = p;
    this.n = p.y.length;
    this.alpha = new Float64Array(this.n); // α = 0 is feasible
    this.G = new Float64Array(this.n).fill(-1); // Eq. (sv-gradient)
  }
  C(i: number): number {
    return this.p.y[i] > 0 ? this.p.Cp : this.p.Cn;
  }
  upper(i: number): boolean {
    return this.alpha[i] >= this.C(i);
  }
  lower(i: number): boolean {
    return this.alpha[i] <= 0;
  }
  inUp(t: number): boolean { // I_up, Eq. (sv-index-sets)
    return this.p.y[t] > 0 ? !this.upper(t) : !this.lower(t);
  }
  inLow(t: number): boolean {
    return this.p.y[t] > 0 ? !this.lower(t) : !this.upper(t);
  }
}
// #endregion

// #region select
/**
 * WSS 2: i maximizes −y_t G_t over I_up; j, among t in I_low that
 * violate with i, maximizes the decrease β²/a of Eq. (sv-wss2).
 * Returns null once m(α) − M(α) < eps, Eq. (sv-stop).
 */
function selectWorkingSet(s: State, eps: number) {
  const { y, Q, QD } = s.p;
  const n = s.n;
  let m = -Infinity, i = -1; // m(α) = max over I_up of −y_t G_t
  for (let t = 0; t < n; t++) {
    if (s.inUp(t) && -y[t] * s.G[t] >= m) [m, i] = [-y[t] * s.G[t], t];
  }
  let minusM = -Infinity, j = -1, best = Infinity; // −M(α)
  for (let t = 0; t < n && i >= 0; t++) {
    if (!s.inLow(t)) continue;
    const v = y[t] * s.G[t]; // −(−y_t G_t)
    if (v >= minusM) minusM = v;
    const b = m + v; // β_it > 0: (i, t) violates
    if (!(b > 0)) continue;
    const a = QD[i] + QD[t] - 2 * y[i] * y[t] * Q[i * n + t];
    const drop = -(b * b) / (a > 0 ? a : TAU);
    if (drop <= best) [best, j] = [drop, t];
  }
  const gap = m + minusM; // m(α) − M(α)
  return gap < eps || j === -1 ? { gap, i: -1, j: -1 } : { gap, i, j };
}
// #endregion

// #region update
/**
 * The two-variable step, Eq. (sv-pair-step): α_j moves by δ, α_i by
 * ±δ so that y_i α_i + y_j α_j is kept; if that leaves the box, α_j is
 * clamped to the segment [lo, hi] the box cuts from the line (Exercise
 * 2), and an end of the segment puts α_i exactly on its bound.
 */
function updatePair(s: State, i: number, j: number): void {
  const { y, Q, QD } = s.p;
  const a = s.alpha, G = s.G, n = s.n;
  const [Ci, Cj, oldI, oldJ] = [s.C(i), s.C(j), a[i], a[j]];
  const sg = y[i] === y[j] ? -1 : 1; // α_i = c + sg · α_j on the line
  const c = oldI - sg * oldJ;
  const quad = QD[i] + QD[j] + 2 * sg * Q[i * n + j]; // a_ij
  const delta = -(sg * G[i] + G[j]) / (quad > 0 ? quad : TAU);
  const endI = sg > 0 ? [-c, Ci - c] : [c, c - Ci]; // α_i = 0, = C_i
  const lo = Math.max(0, Math.min(endI[0], endI[1]));
  const hi = Math.min(Cj, Math.max(endI[0], endI[1]));
  const t = oldJ + delta;
  if (t >= lo && t <= hi) {
    [a[i], a[j]] = [oldI + sg * delta, t];
  } else {
    a[j] = t < lo ? lo : hi;
    a[i] = a[j] === endI[0] ? 0 : a[j] === endI[1] ? Ci : c + sg * a[j];
  }
  const [dI, dJ] = [a[i] - oldI, a[j] - oldJ];
  for (let k = 0; k < n; k++) { // G = Qα − 1 changes in two columns
    G[k] += Q[i * n + k] * dI + Q[j * n + k] * dJ;
  }
}
// #endregion

// #region rho
/**
 * ρ = −b, Eq. (sv-bias): the mean of y_i G_i over the free α_i, or
 * the midpoint of the interval the bounded ones allow if none is free.
 */
function calculateRho(s: State): number {
  const { y } = s.p;
  let ub = Infinity, lb = -Infinity, sum = 0, free = 0;
  for (let i = 0; i < s.n; i++) {
    const yG = y[i] * s.G[i];
    if (s.upper(i)) {
      if (y[i] < 0) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
    } else if (s.lower(i)) {
      if (y[i] > 0) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
    } else {
      free++;
      sum += yG;
    }
  }
  return free > 0 ? sum / free : (ub + lb) / 2;
}
// #endregion

// #region solve
/** SMO until m(α) − M(α) < eps: α, G, ρ and the history if asked. */
export function solveDual(p: DualProblem, opts: SmoOptions = {}) {
  const { eps = 1e-3, maxIter = 10_000_000, record = false } = opts;
  checkSmo('solveDual', p, eps, maxIter);
  const s = new State(p);
  const gaps: number[] = [], objectives: number[] = [];
  let iterations = 0, gap = Infinity;
  for (;;) {
    const ws = selectWorkingSet(s, eps);
    gap = ws.gap;
    if (record) {
      gaps.push(gap);
      objectives.push(dualObjective(s.alpha, s.G));
    }
    if (ws.i < 0 || iterations >= maxIter) break;
    updatePair(s, ws.i, ws.j);
    iterations++;
  }
  return { alpha: s.alpha, G: s.G, rho: calculateRho(s), iterations,
    gap, objective: dualObjective(s.alpha, s.G), gaps, objectives };
}
// #endregion

/** ½αᵀQα − Σα = ½ Σ α_i (G_i − 1), since G = Qα − 1. */
function dualObjective(alpha: Float64Array, G: Float64Array) {
  let v = 0;
  for (let i = 0; i < alpha.length; i++) v += alpha[i] * (G[i] - 1);
  return v / 2;
}
