// @unshown: input checks; each throws an Error that names the function
// the caller called, the argument and what was wrong with it.
import {
  requireBetween, requireFinite, requireFiniteArray, requireInteger,
} from '../introduction/checks.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import type { Objective, Penalty } from './objective.ts';
import type { XGBoostModel, XGBoostOptions } from './booster.ts';

const OBJECTIVES = ['reg:squarederror', 'binary:logistic'];

export function checkObjective(fn: string, objective: unknown): void {
  if (!OBJECTIVES.includes(objective as string)) {
    throw new Error(`${fn}: objective must be one of ` +
      `${OBJECTIVES.join(', ')}, got ${objective}`);
  }
}

function checkLabels(fn: string, objective: Objective,
  y: ArrayLike<number>) {
  requireFiniteArray(fn, 'y', y);
  if (objective !== 'binary:logistic') return;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] > 1) {
      throw new Error(`${fn}: y must be in [0, 1] for binary:logistic,` +
        ` got y[${i}] = ${y[i]}`);
    }
  }
}

export function checkGradients(fn: string, objective: Objective,
  y: ArrayLike<number>, F: ArrayLike<number>): void {
  checkObjective(fn, objective);
  checkLabels(fn, objective, y);
  requireFiniteArray(fn, 'F', F);
  if (F.length !== y.length) {
    throw new Error(`${fn}: F must have the length of y (${y.length}),` +
      ` got ${F.length}`);
  }
}

export function checkPenalty(fn: string, p: Penalty): void {
  if (p === null || typeof p !== 'object') {
    throw new Error(`${fn}: p must be { lambda, alpha, ` +
      `minChildWeight }, got ${p}`);
  }
  for (const k of ['lambda', 'alpha', 'minChildWeight'] as const) {
    requireFinite(fn, k, p[k]);
    if (p[k] < 0) throw new Error(`${fn}: ${k} must be >= 0, got ${p[k]}`);
  }
}

export function checkStats(fn: string, G: number, H: number,
  p: Penalty): void {
  if (Number.isFinite(G) && Number.isFinite(H) && H >= 0 &&
    typeof p === 'object' && p !== null && p.lambda >= 0 &&
    p.alpha >= 0 && p.minChildWeight >= 0 && p.lambda < Infinity &&
    p.alpha < Infinity && p.minChildWeight < Infinity) return; // fast
  requireFinite(fn, 'G', G);
  requireFinite(fn, 'H', H);
  if (H < 0) throw new Error(`${fn}: H must be >= 0, got ${H}`);
  checkPenalty(fn, p);
}

export function checkCuts(fn: string, values: ArrayLike<number>,
  maxBin: number): void {
  if (values === null || typeof values !== 'object' ||
    !('length' in values)) {
    throw new Error(`${fn}: values must be an array, got ${values}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || v === Infinity || v === -Infinity) {
      throw new Error(`${fn}: values must be numbers or NaN (missing),` +
        ` got values[${i}] = ${v}`);
    }
  }
  if (values.length === 0) {
    throw new Error(`${fn}: values must be non-empty, got length 0`);
  }
  requireInteger(fn, 'maxBin', maxBin, 2, 255);
}

/** X may hold NaN (missing), never ±Infinity. */
function checkMatrix(fn: string, X: Matrix, d?: number): void {
  if (!(X instanceof Matrix) || X.rows < 1 || X.cols < 1) {
    throw new Error(`${fn}: X must be a non-empty Matrix, got ${X}`);
  }
  if (d !== undefined && X.cols !== d) {
    throw new Error(`${fn}: X must have ${d} columns, got ${X.cols}`);
  }
  for (let k = 0; k < X.data.length; k++) {
    const v = X.data[k];
    if (v === Infinity || v === -Infinity) {
      throw new Error(`${fn}: X must be finite or NaN (missing), got ` +
        `X[${Math.floor(k / X.cols)}][${k % X.cols}] = ${v}`);
    }
  }
}

export type CheckedOptions = Required<XGBoostOptions>;

export function checkXGBoost(fn: string, X: Matrix, y: ArrayLike<number>,
  options: XGBoostOptions): CheckedOptions {
  checkMatrix(fn, X);
  if (options === null || typeof options !== 'object') {
    throw new Error(`${fn}: options must be an object, got ${options}`);
  }
  const o: CheckedOptions = { objective: 'reg:squarederror',
    treeMethod: 'exact', rounds: 10, eta: 0.3, lambda: 1, alpha: 0,
    gamma: 0, minChildWeight: 1, maxDepth: 6, maxBin: 255,
    baseScore: 0.5, colsampleBytree: 1, seed: 0, ...options };
  checkObjective(fn, o.objective);
  checkLabels(fn, o.objective, y);
  if (y.length !== X.rows) {
    throw new Error(`${fn}: y must have one label per row of X ` +
      `(${X.rows}), got ${y.length}`);
  }
  if (o.treeMethod !== 'exact' && o.treeMethod !== 'hist') {
    throw new Error(`${fn}: treeMethod must be 'exact' or 'hist', ` +
      `got ${o.treeMethod}`);
  }
  requireInteger(fn, 'rounds', o.rounds, 1);
  requireInteger(fn, 'maxDepth', o.maxDepth, 1, 30);
  requireInteger(fn, 'maxBin', o.maxBin, 2, 255);
  requireInteger(fn, 'seed', o.seed, 0);
  requireBetween(fn, 'eta', o.eta, 0, 1);
  if (!(o.eta > 0)) throw new Error(`${fn}: eta must be > 0, got 0`);
  checkPenalty(fn, o);
  requireFinite(fn, 'gamma', o.gamma);
  if (o.gamma < 0) {
    throw new Error(`${fn}: gamma must be >= 0, got ${o.gamma}`);
  }
  checkBase(fn, o.objective, o.baseScore);
  requireBetween(fn, 'colsampleBytree', o.colsampleBytree, 0, 1);
  if (!(o.colsampleBytree > 0)) {
    throw new Error(`${fn}: colsampleBytree must be > 0, got 0`);
  }
  return o;
}

export function checkModel(fn: string, model: XGBoostModel, X: Matrix) {
  if (model === null || typeof model !== 'object' ||
    !Array.isArray(model.trees) || !Number.isInteger(model.nFeatures)) {
    throw new Error(`${fn}: model must come from fitXGBoost`);
  }
  checkMatrix(fn, X, model.nFeatures);
}

export function checkGains(fn: string, x: ArrayLike<number>,
  g: ArrayLike<number>, h: ArrayLike<number>, p: Penalty,
  maxBin: number): void {
  checkCuts(fn, x, 2);
  requireFiniteArray(fn, 'g', g);
  requireFiniteArray(fn, 'h', h);
  for (let i = 0; i < h.length; i++) {
    if (h[i] < 0) {
      throw new Error(`${fn}: h must be >= 0, got h[${i}] = ${h[i]}`);
    }
  }
  if (g.length !== x.length || h.length !== x.length) {
    throw new Error(`${fn}: g and h must have the length of x ` +
      `(${x.length}), got ${g.length} and ${h.length}`);
  }
  checkPenalty(fn, p);
  if (maxBin !== 0) requireInteger(fn, 'maxBin', maxBin, 2, 255);
}

/** base_score: any finite number; a probability in (0, 1) for
 *  binary:logistic. */
export function checkBase(fn: string, objective: Objective,
  baseScore: number): void {
  checkObjective(fn, objective);
  requireFinite(fn, 'base_score', baseScore);
  if (objective === 'binary:logistic' &&
    !(baseScore > 0 && baseScore < 1)) {
    throw new Error(`${fn}: base_score must be in (0, 1) for ` +
      `binary:logistic, got ${baseScore}`);
  }
}

export function checkColumns(fn: string, d: number, share: number) {
  requireInteger(fn, 'd', d, 1);
  requireBetween(fn, 'share', share, 0, 1);
  if (!(share > 0)) throw new Error(`${fn}: share must be > 0, got 0`);
}

/** g and h of one round: finite, one per row, h >= 0. */
export function checkRound(fn: string, n: number, g: ArrayLike<number>,
  h: ArrayLike<number>, p: Penalty): void {
  requireFiniteArray(fn, 'g', g);
  requireFiniteArray(fn, 'h', h);
  if (g.length !== n || h.length !== n) {
    throw new Error(`${fn}: g and h must have one entry per row (${n}),` +
      ` got ${g.length} and ${h.length}`);
  }
  for (let i = 0; i < n; i++) {
    if (h[i] < 0) {
      throw new Error(`${fn}: h must be >= 0, got h[${i}] = ${h[i]}`);
    }
  }
  checkPenalty(fn, p);
}

/** The growth parameters: a penalty, γ >= 0, a depth, 0 < η <= 1. */
export function checkGrow(fn: string, p: {
  lambda: number; alpha: number; minChildWeight: number; gamma: number;
  maxDepth: number; eta: number;
}): void {
  checkPenalty(fn, p);
  requireFinite(fn, 'gamma', p.gamma);
  if (p.gamma < 0) {
    throw new Error(`${fn}: gamma must be >= 0, got ${p.gamma}`);
  }
  requireInteger(fn, 'maxDepth', p.maxDepth, 1, 30);
  requireBetween(fn, 'eta', p.eta, 0, 1);
  if (!(p.eta > 0)) throw new Error(`${fn}: eta must be > 0, got 0`);
}

/** A node's rows rows[from..to) of a binned matrix, and its g, h. */
export function checkHistogram(fn: string, b: { n: number },
  rows: ArrayLike<number>, from: number, to: number,
  g: ArrayLike<number>, h: ArrayLike<number>): void {
  const n = rows?.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 ||
    to < from || to > n) {
    throw new Error(`${fn}: need 0 <= from <= to <= rows.length ` +
      `(${n}), got from ${from} and to ${to}`);
  }
  if (g?.length !== b?.n || h?.length !== b?.n) {
    throw new Error(`${fn}: g and h must have one entry per row`);
  }
}
