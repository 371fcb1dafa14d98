// @unshown: input checks of the chapter's functions; each throws an
// Error naming the function the caller called and the bad argument.
import {
  requireFiniteArray, requireFinite, requireInteger,
} from '../introduction/checks.ts';
import type { Rng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { Linear, type Layer } from '../multilayer-perceptron/layers.ts';
import type { VAE } from './model.ts';

function requireTensor2(fn: string, name: string, t: unknown): Tensor {
  if (!(t instanceof Tensor) || t.shape.length !== 2) {
    throw new Error(`${fn}: ${name} must be a 2-D Tensor [n, k]`);
  }
  return t;
}

/** Tensors of one 2-D shape. */
export function checkTensorPair(fn: string, ...ts: Tensor[]): void {
  const names = ['mu', 'logVar', 'eps'];
  ts.forEach((t, i) => requireTensor2(fn, names[i], t));
  for (let i = 1; i < ts.length; i++) {
    if (ts[i].shape[0] !== ts[0].shape[0] ||
      ts[i].shape[1] !== ts[0].shape[1]) {
      throw new Error(`${fn}: ${names[i]} must have the shape of mu ` +
        `[${ts[0].shape}], got [${ts[i].shape}]`);
    }
  }
}

/** μ and log σ² as finite arrays of one length. */
export function checkMuLogVar(fn: string, mu: ArrayLike<number>,
  logVar: ArrayLike<number>): void {
  requireFiniteArray(fn, 'mu', mu);
  requireFiniteArray(fn, 'logVar', logVar);
  if (mu.length !== logVar.length) {
    throw new Error(`${fn}: mu and logVar must have one length, got ` +
      `${mu.length} and ${logVar.length}`);
  }
}

/** Logits and targets of one shape [n, d], targets in [0, 1]. */
export function checkLogitsTargets(fn: string, logits: Tensor,
  X: Tensor): [number, number] {
  requireTensor2(fn, 'logits', logits);
  requireTensor2(fn, 'X', X);
  if (X.shape[0] !== logits.shape[0] || X.shape[1] !== logits.shape[1]) {
    throw new Error(`${fn}: X must have the shape of logits ` +
      `[${logits.shape}], got [${X.shape}]`);
  }
  for (const v of X.data) {
    if (!(v >= 0 && v <= 1)) {
      throw new Error(`${fn}: X must hold pixels in [0, 1], got ${v}`);
    }
  }
  return [X.shape[0], X.shape[1]];
}

export function checkVaeParts(trunk: Layer, muHead: Linear,
  logVarHead: Linear, decoder: Layer): void {
  for (const [name, l] of [['trunk', trunk], ['decoder', decoder]] as
    const) {
    if (typeof l?.forward !== 'function' ||
      typeof l?.parameters !== 'function') {
      throw new Error(`VAE: ${name} must be a layer`);
    }
  }
  if (!(muHead instanceof Linear) || !(logVarHead instanceof Linear) ||
    muHead.W.shape[0] !== logVarHead.W.shape[0] ||
    muHead.W.shape[1] !== logVarHead.W.shape[1]) {
    throw new Error('VAE: muHead and logVarHead must be Linear layers ' +
      'of one shape');
  }
}

export function checkSizes(fn: string, d: number, hidden: number[],
  k: number): void {
  requireInteger(fn, 'd', d, 1);
  if (!Array.isArray(hidden) || hidden.length === 0) {
    throw new Error(`${fn}: hidden must be a non-empty array of widths`);
  }
  for (const h of hidden) requireInteger(fn, 'hidden', h, 1);
  requireInteger(fn, 'k', k, 1);
}

function requireModel(fn: string, model: VAE): number {
  if (typeof model?.encode !== 'function' ||
    typeof model?.decode !== 'function' || !model.muHead) {
    throw new Error(`${fn}: model must be a VAE`);
  }
  return model.muHead.W.shape[1];
}

export function checkBeta(fn: string, beta: number): void {
  requireFinite(fn, 'beta', beta);
  if (beta < 0) throw new Error(`${fn}: beta must be >= 0, got ${beta}`);
}

export function checkElbo(model: VAE, X: Tensor, eps: Tensor,
  beta: number): void {
  const k = requireModel('elbo', model);
  requireTensor2('elbo', 'X', X);
  requireTensor2('elbo', 'eps', eps);
  if (eps.shape[0] !== X.shape[0] || eps.shape[1] !== k) {
    throw new Error(`elbo: eps must be [${X.shape[0]}, ${k}], got ` +
      `[${eps.shape}]`);
  }
  checkBeta('elbo', beta);
}

export function checkEncoded(mu: Tensor, eps: Tensor): void {
  if (mu.shape[1] !== eps.shape[1]) {
    throw new Error(`elbo: eps must be [n, ${mu.shape[1]}]`);
  }
}

function requireMatrix(fn: string, name: string, X: Matrix): void {
  if (!(X instanceof Matrix)) {
    throw new Error(`${fn}: ${name} must be a Matrix`);
  }
  for (const v of X.data) {
    if (!(v >= 0 && v <= 1)) {
      throw new Error(`${fn}: ${name} must hold pixels in [0, 1], ` +
        `got ${v}`);
    }
  }
}

/** Rows idx of X (all rows if idx is null) as a Tensor. X itself is
 *  checked by the caller, once, not on every minibatch. */
export function rowsOf(X: Matrix, idx: number[] | null): Tensor {
  if (!(X instanceof Matrix)) throw new Error('rowsOf: X must be a Matrix');
  if (idx !== null && (!Array.isArray(idx) || !idx.every((i) =>
    Number.isInteger(i) && i >= 0 && i < X.rows))) {
    throw new Error(`rowsOf: idx must list row indices below ${X.rows}`);
  }
  if (idx === null) return new Tensor(X.data.slice(), [X.rows, X.cols]);
  const out = new Float64Array(idx.length * X.cols);
  idx.forEach((i, r) => out.set(X.data.subarray(i * X.cols,
    (i + 1) * X.cols), r * X.cols));
  return new Tensor(out, [idx.length, X.cols]);
}

export function checkTrainVae(model: VAE, X: Matrix,
  o: { epochs: number; batchSize: number; eta: number; seed: number;
    beta?: number }): void {
  requireModel('trainVae', model);
  requireMatrix('trainVae', 'X', X);
  if (o === null || typeof o !== 'object') {
    throw new Error('trainVae: options must be an object');
  }
  requireInteger('trainVae', 'epochs', o.epochs, 1);
  requireInteger('trainVae', 'batchSize', o.batchSize, 1);
  requireFinite('trainVae', 'eta', o.eta);
  if (!(o.eta > 0)) {
    throw new Error(`trainVae: eta must be > 0, got ${o.eta}`);
  }
  requireInteger('trainVae', 'seed', o.seed, 0);
  if (o.beta !== undefined) checkBeta('trainVae', o.beta);
  fitsModel('trainVae', model, X);
}

/** The model reads X's columns: one forward pass of a row shows it. */
function fitsModel(fn: string, model: VAE, X: Matrix, name = 'X') {
  let cols = -1;
  try {
    const x = new Tensor(X.data.slice(0, X.cols), [1, X.cols]);
    cols = model.decode(model.encode(x).mu).shape[1];
  } catch {
    cols = -1; // the encoder could not read a row of X
  }
  if (cols !== X.cols) {
    throw new Error(`${fn}: ${name} must have as many columns as the ` +
      'model outputs, ' +
      `got ${X.cols}`);
  }
}

function requireRng(fn: string, rng: Rng): void {
  if (rng === null || typeof rng !== 'object' ||
    typeof rng.normalArray !== 'function') {
    throw new Error(`${fn}: rng must be a generator from createRng`);
  }
}

export function checkEvaluate(model: VAE, X: Matrix, rng: Rng): void {
  requireModel('evaluateVae', model);
  requireMatrix('evaluateVae', 'X', X);
  requireRng('evaluateVae', rng);
  fitsModel('evaluateVae', model, X);
}

export function checkCode(fn: string, model: VAE, Z: Tensor): void {
  const k = requireModel(fn, model);
  requireTensor2(fn, 'Z', Z);
  if (Z.shape[1] !== k) {
    throw new Error(`${fn}: Z must have ${k} columns, got ${Z.shape[1]}`);
  }
}

export function checkExplore(fn: string, model: VAE, X: Matrix | null,
  count?: number, rng?: Rng): number {
  const k = requireModel(fn, model);
  if (X !== null) {
    requireMatrix(fn, 'X', X);
    fitsModel(fn, model, X);
  } else {
    requireInteger(fn, 'count', count as number, 1);
    requireRng(fn, rng as Rng);
  }
  return k;
}

export function checkInterpolate(model: VAE, a: Matrix, b: Matrix,
  steps: number): number {
  const k = requireModel('interpolate', model);
  for (const [name, x] of [['a', a], ['b', b]] as const) {
    requireMatrix('interpolate', name, x);
    if (x.rows !== 1) {
      throw new Error(`interpolate: ${name} must be one row, got ` +
        `${x.rows}`);
    }
    fitsModel('interpolate', model, x, name);
  }
  requireInteger('interpolate', 'steps', steps, 2);
  return k;
}

export function checkGrid(model: VAE, m: number): void {
  const k = requireModel('latentGrid', model);
  if (k !== 2) {
    throw new Error(`latentGrid: model must have k = 2, got ${k}`);
  }
  requireInteger('latentGrid', 'm', m, 1, 100);
}

export function checkToy(fn: string, kind: string, k: number,
  m: number): void {
  if (kind !== 'reparam' && kind !== 'score') {
    throw new Error(`${fn}: kind must be 'reparam' or 'score', ` +
      `got ${kind}`);
  }
  requireInteger(fn, 'k', k, 1);
  requireFinite(fn, 'm', m);
}

export function checkEstimator(kind: string, k: number, m: number,
  S: number, rng: Rng, reps?: number): void {
  const fn = reps === undefined ? 'gradientEstimate' : 'estimatorStudy';
  checkToy(fn, kind, k, m);
  requireInteger(fn, 'S', S, 1);
  requireRng(fn, rng);
  if (reps !== undefined) requireInteger(fn, 'reps', reps, 2);
}
