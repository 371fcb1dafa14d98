// The second-order view of a loss: gradients g_i and curvatures h_i at
// the current scores, the best leaf weight and the gain of a split.
// XGBoost keeps g, h, scores and leaf values in float32; we round where
// it rounds (Math.fround), so that our trees match its trees.
import { requireFinite } from '../introduction/checks.ts';
import {
  checkBase, checkGradients, checkPenalty, checkStats,
} from './checks.ts';

export type Objective = 'reg:squarederror' | 'binary:logistic';

/** λ, α, min_child_weight: what a node's statistics are scored with. */
export interface Penalty {
  lambda: number;
  alpha: number;
  minChildWeight: number;
}

// #region grad-hess
/** float32 σ(z), as XGBoost computes it (common::Sigmoid). */
export function sigmoid32(z: number): number {
  if (typeof z !== 'number' || !Number.isFinite(z)) {
    requireFinite('sigmoid32', 'z', z);
  }
  const e = Math.fround(Math.exp(Math.min(-z, 88.7)));
  return Math.fround(1 / Math.fround(e + 1));
}

/** g_i and h_i of the loss at the raw scores F: Eq. (xgb-g-h). */
export function gradients(
  objective: Objective, y: ArrayLike<number>, F: ArrayLike<number>,
) {
  checkGradients('gradients', objective, y, F);
  const n = y.length;
  const g = new Float32Array(n);
  const h = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (objective === 'reg:squarederror') {
      g[i] = F[i] - y[i]; // ℓ = ½(F − y)²: g = F − y, h = 1
      h[i] = 1;
    } else {
      const p = sigmoid32(F[i]); // log loss: g = p − y, h = p(1 − p)
      g[i] = p - y[i];
      h[i] = Math.max(Math.fround(p * Math.fround(1 - p)), 1e-16);
    }
  }
  return { g, h };
}
// #endregion

// #region weight
/** Soft threshold S_α(G): Eq. (xgb-weight-l1). */
export function softThreshold(G: number, alpha: number): number {
  checkPenalty('softThreshold', { lambda: 0, alpha, minChildWeight: 0 });
  requireFinite('softThreshold', 'G', G);
  if (G > alpha) return G - alpha;
  if (G < -alpha) return G + alpha;
  return 0;
}

/** The best leaf weight −S_α(G)/(H + λ), Eq. (xgb-weight-l1);
 *  0 when H is below min_child_weight. */
export function leafWeight(G: number, H: number, p: Penalty): number {
  checkStats('leafWeight', G, H, p);
  if (H < p.minChildWeight || H <= 0) return 0;
  return -softThreshold(G, p.alpha) / (H + p.lambda);
}
// #endregion

// #region gain

/** S_α(G)²/(H + λ): twice the loss a leaf removes, Eq. (xgb-score).
 *  (XGBoost scores a node whatever its H; min_child_weight rules out
 *  the splits whose children have too little H.) */
export function nodeScore(G: number, H: number, p: Penalty): number {
  checkStats('nodeScore', G, H, p);
  return score(G, H, p);
}

function score(G: number, H: number, p: Penalty): number {
  if (H <= 0) return 0; // min_child_weight is checked on the children
  const t = G > p.alpha ? G - p.alpha : G < -p.alpha ? G + p.alpha : 0;
  return (t * t) / (H + p.lambda);
}

/** XGBoost's loss_chg: the bracket of Eq. (xgb-gain), without the ½
 *  and without γ; rootScore is the parent's float32 nodeScore. */
export function splitGain(
  GL: number, HL: number, GR: number, HR: number,
  rootScore: number, p: Penalty,
): number {
  checkStats('splitGain', GL, HL, p);
  checkStats('splitGain', GR, HR, p);
  if (!Number.isFinite(rootScore)) {
    requireFinite('splitGain', 'rootScore', rootScore);
  }
  const f = Math.fround; // XGBoost rounds each term to float32
  const both = f(f(score(GL, HL, p)) + f(score(GR, HR, p)));
  return f(both - rootScore);
}
// #endregion

/** The raw score a constant base_score stands for: itself for squared
 *  error, its logit for log loss (float32, as XGBoost's ProbToMargin). */
export function baseMargin(objective: Objective, baseScore: number) {
  checkBase('baseMargin', objective, baseScore);
  if (objective === 'reg:squarederror') return Math.fround(baseScore);
  return Math.fround(-Math.log(1 / baseScore - 1));
}
