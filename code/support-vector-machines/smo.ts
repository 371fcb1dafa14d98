// Sequential minimal optimization for the C-SVC dual, with libsvm's
// second-order working-set selection (Fan, Chen and Lin 2005, WSS 2)
// and no shrinking: the solver of Chang and Lin's libsvm, Solver in
// svm.cpp, for p = −1 and no cache limits. Browser-safe.
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
 * violate with i, maximizes the decrease b²/a of Eq. (sv-wss2).
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
    const b = m + v; // b_it > 0: (i, t) violates
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
 * The two-variable step, Eq. (sv-pair-step), clipped to the box along
 * the line y_i α_i + y_j α_j = const, in libsvm's order of cases.
 */
function updatePair(s: State, i: number, j: number): void {
  const { y, Q, QD } = s.p;
  const a = s.alpha, G = s.G, n = s.n;
  const [Ci, Cj] = [s.C(i), s.C(j)];
  const [oldI, oldJ] = [a[i], a[j]];
  const Qij = Q[i * n + j];
  if (y[i] !== y[j]) { // α_i − α_j stays fixed
    const quad = QD[i] + QD[j] + 2 * Qij;
    const delta = (-G[i] - G[j]) / (quad > 0 ? quad : TAU);
    const diff = a[i] - a[j];
    a[i] += delta; a[j] += delta;
    if (diff > 0) { if (a[j] < 0) [a[j], a[i]] = [0, diff]; }
    else if (a[i] < 0) [a[i], a[j]] = [0, -diff];
    if (diff > Ci - Cj) { if (a[i] > Ci) [a[i], a[j]] = [Ci, Ci - diff]; }
    else if (a[j] > Cj) [a[j], a[i]] = [Cj, Cj + diff];
  } else { // α_i + α_j stays fixed
    const quad = QD[i] + QD[j] - 2 * Qij;
    const delta = (G[i] - G[j]) / (quad > 0 ? quad : TAU);
    const sum = a[i] + a[j];
    a[i] -= delta; a[j] += delta;
    if (sum > Ci) { if (a[i] > Ci) [a[i], a[j]] = [Ci, sum - Ci]; }
    else if (a[j] < 0) [a[j], a[i]] = [0, sum];
    if (sum > Cj) { if (a[j] > Cj) [a[j], a[i]] = [Cj, sum - Cj]; }
    else if (a[i] < 0) [a[i], a[j]] = [0, sum];
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
