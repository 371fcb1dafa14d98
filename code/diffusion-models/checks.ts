// @unshown: input checks of the chapter's functions; each throws an
// Error naming the function the caller called and the bad argument.
import {
  requireFinite, requireFiniteArray, requireFunction, requireInteger,
  requirePositive,
} from '../introduction/checks.ts';
import { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { Sequential } from '../multilayer-perceptron/mlp.ts';
import type { Schedule } from './schedule.ts';
import type { TimeMLP } from './model.ts';

export function checkBetas(fn: string, beta: ArrayLike<number>): void {
  requireFiniteArray(fn, 'beta', beta);
  for (let i = 0; i < beta.length; i++) {
    if (!(beta[i] > 0 && beta[i] < 1)) {
      throw new Error(`${fn}: beta must lie in (0, 1), got beta[${i}] = ` +
        `${beta[i]}`);
    }
  }
}

export function checkLinear(T: number, beta1: number, betaT: number) {
  requireInteger('linearSchedule', 'T', T, 1);
  for (const [name, b] of [['beta1', beta1], ['betaT', betaT]] as const) {
    requireFinite('linearSchedule', name, b);
    if (!(b > 0 && b < 1)) {
      throw new Error(`linearSchedule: ${name} must lie in (0, 1), ` +
        `got ${b}`);
    }
  }
}

export function checkCosine(T: number, s: number, maxBeta: number) {
  requireInteger('cosineSchedule', 'T', T, 1);
  requirePositive('cosineSchedule', 's', s);
  requireFinite('cosineSchedule', 'maxBeta', maxBeta);
  if (!(maxBeta > 0 && maxBeta < 1)) {
    throw new Error(`cosineSchedule: maxBeta must lie in (0, 1), got ` +
      `${maxBeta}`);
  }
}

export function checkSchedule(fn: string, s: Schedule): void {
  if (s === null || typeof s !== 'object' ||
    !(s.alphaBar instanceof Float64Array) ||
    !(s.beta instanceof Float64Array) || s.beta.length !== s.T ||
    !(s.alpha instanceof Float64Array) || s.alphaBar.length !== s.T) {
    throw new Error(`${fn}: s must be a Schedule (from fromBetas, ` +
      'linearSchedule or cosineSchedule)');
  }
}

export function checkStep(fn: string, s: Schedule, t: number): void {
  checkSchedule(fn, s);
  requireInteger(fn, 't', t, 1, s.T);
}

function checkMatrix(fn: string, name: string, X: unknown): Matrix {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix`);
  }
  requireFiniteArray(fn, name, X.data);
  return X;
}

function checkSteps(fn: string, s: Schedule, t: ArrayLike<number>,
  n: number): void {
  if (t === null || typeof t !== 'object' || t.length !== n) {
    throw new Error(`${fn}: t must hold one step per row (${n}), got ` +
      `${(t as ArrayLike<number>)?.length}`);
  }
  for (let i = 0; i < n; i++) requireInteger(fn, `t[${i}]`, t[i], 1, s.T);
}

export function checkQSample(s: Schedule, x0: Matrix,
  t: ArrayLike<number>, eps: Matrix): void {
  const fn = 'qSample';
  checkSchedule(fn, s);
  checkMatrix(fn, 'x0', x0);
  checkMatrix(fn, 'eps', eps);
  if (eps.rows !== x0.rows || eps.cols !== x0.cols) {
    throw new Error(`${fn}: eps must be ${x0.rows} × ${x0.cols} like ` +
      `x0, got ${eps.rows} × ${eps.cols}`);
  }
  checkSteps(fn, s, t, x0.rows);
}

export function checkEmbedding(t: ArrayLike<number>, e: number): void {
  requireFiniteArray('timeEmbedding', 't', t);
  requireInteger('timeEmbedding', 'e', e, 2);
  if (e % 2 !== 0) {
    throw new Error(`timeEmbedding: e must be even, got ${e}`);
  }
}

export function checkTimeMlp(Wx: Tensor, Wt: Tensor, b: Tensor,
  rest: Sequential): void {
  const fn = 'TimeMLP';
  for (const [name, w] of [['Wx', Wx], ['Wt', Wt]] as const) {
    if (!(w instanceof Tensor) || w.shape.length !== 2 || !w.requiresGrad) {
      throw new Error(`${fn}: ${name} must be a 2-D Tensor with gradients`);
    }
  }
  const h = Wx.shape[1];
  if (Wt.shape[1] !== h || Wt.shape[0] % 2 !== 0) {
    throw new Error(`${fn}: Wt must be [even e, ${h}], got [${Wt.shape}]`);
  }
  if (!(b instanceof Tensor) || b.shape.length !== 1 || b.shape[0] !== h ||
    !b.requiresGrad) {
    throw new Error(`${fn}: b must be a Tensor [${h}] with gradients`);
  }
  if (!(rest instanceof Sequential)) {
    throw new Error(`${fn}: rest must be a Sequential`);
  }
}

export function checkNet(fn: string, net: TimeMLP): void {
  if (net === null || typeof net !== 'object' ||
    !(net.Wx instanceof Tensor) || typeof net.forward !== 'function') {
    throw new Error(`${fn}: net must be a TimeMLP`);
  }
}

export function checkTimeForward(net: TimeMLP, x: Tensor,
  t: ArrayLike<number>): void {
  const d = net.Wx.shape[0];
  if (!(x instanceof Tensor) || x.shape.length !== 2 || x.shape[1] !== d) {
    throw new Error(`TimeMLP.forward: x must be a Tensor [n, ${d}]`);
  }
  requireFiniteArray('TimeMLP.forward', 't', t);
  if (t.length !== x.shape[0]) {
    throw new Error(`TimeMLP.forward: t must hold one step per row ` +
      `(${x.shape[0]}), got ${t.length}`);
  }
}

export function checkEpsLoss(net: TimeMLP, s: Schedule, x0: Tensor,
  t: ArrayLike<number>, eps: Tensor): void {
  const fn = 'epsLoss';
  checkNet(fn, net);
  checkSchedule(fn, s);
  const d = net.Wx.shape[0];
  for (const [name, v] of [['x0', x0], ['eps', eps]] as const) {
    if (!(v instanceof Tensor) || v.shape.length !== 2 ||
      v.shape[1] !== d) {
      throw new Error(`${fn}: ${name} must be a Tensor [n, ${d}]`);
    }
    requireFiniteArray(fn, name, v.data);
  }
  if (eps.shape[0] !== x0.shape[0]) {
    throw new Error(`${fn}: eps must have ${x0.shape[0]} rows like x0, ` +
      `got ${eps.shape[0]}`);
  }
  checkSteps(fn, s, t, x0.shape[0]);
}

export function checkGaussian(fn: string, s: Schedule,
  mu: ArrayLike<number>, v: ArrayLike<number>): void {
  checkSchedule(fn, s);
  requireFiniteArray(fn, 'mu', mu);
  requireFiniteArray(fn, 'v', v);
  if (v.length !== mu.length) {
    throw new Error(`${fn}: v must have mu's length ${mu.length}, got ` +
      `${v.length}`);
  }
  for (let j = 0; j < v.length; j++) requirePositive(fn, `v[${j}]`, v[j]);
}

export function checkSigma(fn: string, choice: unknown): void {
  if (choice !== 'beta' && choice !== 'posterior') {
    throw new Error(`${fn}: sigma must be 'beta' or 'posterior', got ` +
      `${String(choice)}`);
  }
}

export function checkSample(eps: unknown, s: Schedule, n: number,
  d: number, o: { seed: number; sigma?: unknown; keep?: number[];
    clip?: unknown;
    guide?: { grad: unknown; y: Int32Array; scale: number } }): void {
  const fn = 'sample';
  requireFunction(fn, 'eps', eps);
  checkSchedule(fn, s);
  requireInteger(fn, 'n', n, 1);
  requireInteger(fn, 'd', d, 1);
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  requireInteger(fn, 'seed', o.seed, 0);
  if (o.sigma !== undefined) checkSigma(fn, o.sigma);
  if (o.clip !== undefined && typeof o.clip !== 'boolean') {
    throw new Error(`${fn}: clip must be true or false`);
  }
  for (const t of o.keep ?? []) requireInteger(fn, 'keep', t, 0, s.T);
  if (o.guide !== undefined) {
    requireFunction(fn, 'guide.grad', o.guide.grad);
    requireFinite(fn, 'guide.scale', o.guide.scale);
    if (!(o.guide.y instanceof Int32Array) || o.guide.y.length !== n) {
      throw new Error(`${fn}: guide.y must be an Int32Array of ${n} ` +
        'classes');
    }
  }
}

export function checkClassifierGrad(net: TimeMLP, x: Float64Array,
  t: number, y: Int32Array): void {
  const fn = 'classifierGrad';
  checkNet(fn, net);
  requireFiniteArray(fn, 'x', x);
  const d = net.Wx.shape[0];
  if (x.length % d !== 0) {
    throw new Error(`${fn}: x must hold whole rows of ${d}, got ` +
      `${x.length} numbers`);
  }
  requireFinite(fn, 't', t);
  const c = outputs(net);
  if (!(y instanceof Int32Array) || y.length !== x.length / d) {
    throw new Error(`${fn}: y must be an Int32Array of ${x.length / d} ` +
      'classes');
  }
  for (let i = 0; i < y.length; i++) {
    requireInteger(fn, `y[${i}]`, y[i], 0, c - 1);
  }
}

function outputs(net: TimeMLP): number {
  const ps = net.rest.parameters();
  return ps[ps.length - 1].shape[0];
}

function checkOptions(fn: string, o: { steps: number; batchSize: number;
  eta: number; seed: number }): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${fn}: options must be an object`);
  }
  requireInteger(fn, 'steps', o.steps, 1);
  requireInteger(fn, 'batchSize', o.batchSize, 1);
  requirePositive(fn, 'eta', o.eta);
  requireInteger(fn, 'seed', o.seed, 0);
}

export function checkTrain(fn: string, net: TimeMLP, X: Matrix,
  s: Schedule, o: { steps: number; batchSize: number; eta: number;
    seed: number }): void {
  checkNet(fn, net);
  checkMatrix(fn, 'X', X);
  if (X.cols !== net.Wx.shape[0]) {
    throw new Error(`${fn}: X must have ${net.Wx.shape[0]} columns, ` +
      `got ${X.cols}`);
  }
  checkSchedule(fn, s);
  checkOptions(fn, o);
}

export function checkTrainClassifier(net: TimeMLP, X: Matrix,
  y: Int32Array, s: Schedule, o: { steps: number; batchSize: number;
    eta: number; seed: number }): void {
  const fn = 'trainNoisyClassifier';
  checkTrain(fn, net, X, s, o);
  if (!(y instanceof Int32Array) || y.length !== X.rows) {
    throw new Error(`${fn}: y must be an Int32Array with one label per ` +
      `row of X (${X.rows}), got ${(y as Int32Array)?.length}`);
  }
  const c = outputs(net);
  for (let i = 0; i < y.length; i++) {
    requireInteger(fn, `y[${i}]`, y[i], 0, c - 1);
  }
}

export function checkSet(fn: string, X: Matrix, min: number): void {
  checkMatrix(fn, 'X', X);
  if (X.rows < min) {
    throw new Error(`${fn}: X needs at least ${min} rows, got ${X.rows}`);
  }
}

export function checkSets(fn: string, real: Matrix, fake: Matrix,
  k: number): void {
  checkMatrix(fn, 'real', real);
  checkMatrix(fn, 'fake', fake);
  if (fake.cols !== real.cols) {
    throw new Error(`${fn}: fake must have ${real.cols} columns like ` +
      `real, got ${fake.cols}`);
  }
  requireInteger(fn, 'k', k, 1, Math.min(real.rows, fake.rows) - 1);
}

export function checkRing(n: number, rng: Rng, radius: number,
  width: number): void {
  requireInteger('ring', 'n', n, 1);
  if (!(rng instanceof Rng)) throw new Error('ring: rng must be an Rng');
  requirePositive('ring', 'radius', radius);
  requirePositive('ring', 'width', width);
}

export function checkTimeMlpSizes(d: number, e: number, hidden: number[],
  c: number): void {
  const fn = 'timeMlp';
  requireInteger(fn, 'd', d, 1);
  requireInteger(fn, 'e', e, 2);
  if (e % 2 !== 0) throw new Error(`${fn}: e must be even, got ${e}`);
  if (!Array.isArray(hidden) || hidden.length === 0) {
    throw new Error(`${fn}: hidden must list at least one width`);
  }
  hidden.forEach((h, i) => requireInteger(fn, `hidden[${i}]`, h, 1));
  requireInteger(fn, 'c', c, 1);
}

export function checkMeanArgs(fn: string, s: Schedule, t: number,
  x: Float64Array, epsHat: Float64Array): void {
  checkStep(fn, s, t);
  requireFiniteArray(fn, 'x', x);
  requireFiniteArray(fn, 'epsHat', epsHat);
  if (epsHat.length !== x.length) {
    throw new Error(`${fn}: epsHat must have x's length ${x.length}, ` +
      `got ${epsHat.length}`);
  }
}
