// The optimizers of the chapter, each a function that returns a step
// rule for the MLP chapter's trainStep and fit. A rule keeps its state
// (momentum buffers, running averages, a step count) per parameter
// tensor, in a Map keyed by the tensor itself, as torch.optim does.
import type { Tensor } from '../autodiff/tensor.ts';
import type { StepRule } from '../multilayer-perceptron/train.ts';
import { requireFunction } from '../introduction/checks.ts';
import {
  checkCount, checkFlag, checkNonNegative, checkOptions, checkPositive,
  checkRate,
  checkRuleCall,
} from './checks.ts';

// #region make-rule
/** A step rule that remembers: how many steps, and its state. */
export interface Optimizer extends StepRule {
  /** Calls so far (a tensor's own count is in its state, t). */
  readonly steps: number;
  readonly state: Map<Tensor, Slot>;
}

/** One tensor's state: its step count and its buffers. */
export interface Slot { t: number; buf: Float64Array[] }

type Update = (x: Float64Array, g: Float64Array, s: Slot,
  eta: number) => void;
// #endregion

// #region make-rule-body

/** Runs update on each tensor with a gradient; others are skipped. */
export function makeRule(name: string, buffers: number,
  update: Update): Optimizer {
  checkMakeRule(name, buffers, update);
  const state = new Map<Tensor, Slot>();
  let steps = 0;
  const rule = (params: Tensor[], eta: number): void => {
    checkRuleCall(name, params, eta);
    steps++;
    for (const p of new Set(params)) { // a shared tensor steps once
      if (p.grad === null) continue; // as torch: no grad, no step
      let s = state.get(p);
      if (s === undefined) {
        s = { t: 0, buf: [] };
        for (let k = 0; k < buffers; k++) {
          s.buf.push(new Float64Array(p.size));
        }
        state.set(p, s);
      }
      s.t++;
      update(p.data, p.grad, s, eta);
    }
  };
  return Object.defineProperties(rule, {
    steps: { get: () => steps }, state: { value: state },
  }) as Optimizer;
}
// #endregion

// #region sgd
export interface SgdOptions {
  momentum?: number; dampening?: number; nesterov?: boolean;
  weightDecay?: number;
}

/** torch.optim.SGD: Eqs. (no-sgd-buffer) and (no-sgd-nesterov). */
export function sgd(o: SgdOptions = {}): Optimizer {
  checkOptions('sgd', o); // before reading it: null is not {}
  const { momentum: mu = 0, dampening: tau = 0, nesterov = false,
    weightDecay: lambda_ = 0 } = o;
  checkSgd(mu, tau, nesterov, lambda_);
  return makeRule('sgd', 1, (x, g, s, eta) => {
    const b = s.buf[0];
    for (let i = 0; i < x.length; i++) {
      let d = g[i] + lambda_ * x[i]; // L2 term in the gradient
      if (mu !== 0) {
        b[i] = s.t === 1 ? d : mu * b[i] + (1 - tau) * d;
        d = nesterov ? d + mu * b[i] : b[i];
      }
      x[i] -= eta * d;
    }
  });
}
// #endregion

// #region adagrad
/** torch.optim.Adagrad (no lr_decay): Eq. (no-adagrad). */
export function adagrad(o: { eps?: number } = {}): Optimizer {
  checkOptions('adagrad', o);
  const { eps = 1e-10 } = o;
  checkPositive('adagrad', 'eps', eps);
  return makeRule('adagrad', 1, (x, g, s, eta) => {
    const r = s.buf[0]; // running sum of squared gradients
    for (let i = 0; i < x.length; i++) {
      r[i] += g[i] * g[i];
      x[i] -= eta * g[i] / (Math.sqrt(r[i]) + eps);
    }
  });
}
// #endregion

// #region rmsprop
export interface RmspropOptions {
  alpha?: number; eps?: number; momentum?: number; centered?: boolean;
}

/** torch.optim.RMSprop: Eqs. (no-rmsprop) and (no-rmsprop-centered). */
export function rmsprop(o: RmspropOptions = {}): Optimizer {
  checkOptions('rmsprop', o);
  const { alpha = 0.99, eps = 1e-8, momentum: mu = 0,
    centered = false } = o;
  checkRmsprop(alpha, eps, mu, centered);
  return makeRule('rmsprop', 3, (x, g, s, eta) => {
    const [v, gbar, b] = s.buf;
    for (let i = 0; i < x.length; i++) {
      v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
      let var_ = v[i];
      if (centered) {
        gbar[i] = alpha * gbar[i] + (1 - alpha) * g[i];
        var_ -= gbar[i] * gbar[i]; // variance, not raw second moment
      }
      const u = g[i] / (Math.sqrt(var_) + eps); // eps outside the root
      if (mu > 0) { b[i] = mu * b[i] + u; x[i] -= eta * b[i]; }
      else x[i] -= eta * u;
    }
  });
}
// #endregion

// #region adam
export interface AdamOptions {
  beta1?: number; beta2?: number; eps?: number; weightDecay?: number;
}

/** torch.optim.Adam, Eq. (no-adam); weightDecay adds λθ to g (L2). */
export function adam(o: AdamOptions = {}): Optimizer {
  return adamLike('adam', o, false);
}

/** torch.optim.AdamW: decay decoupled from g, Eq. (no-adamw). */
export function adamw(o: AdamOptions = {}): Optimizer {
  checkOptions('adamw', o); // before spreading it: null spreads to {}
  return adamLike('adamw', { weightDecay: 1e-2, ...o }, true);
}

function adamLike(name: string, o: AdamOptions, decoupled: boolean) {
  checkOptions(name, o);
  const { beta1: b1 = 0.9, beta2: b2 = 0.999, eps = 1e-8,
    weightDecay: lambda_ = 0 } = o;
  checkAdam(name, b1, b2, eps, lambda_);
  return makeRule(name, 2, (x, g, s, eta) => {
    const [m, v] = s.buf;
    const c1 = 1 - b1 ** s.t, c2 = 1 - b2 ** s.t; // bias corrections
    for (let i = 0; i < x.length; i++) {
      if (decoupled) x[i] *= 1 - eta * lambda_; // shrink θ itself
      const gi = decoupled ? g[i] : g[i] + lambda_ * x[i];
      m[i] = b1 * m[i] + (1 - b1) * gi;
      v[i] = b2 * v[i] + (1 - b2) * gi * gi;
      x[i] -= eta * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
    }
  });
}
// #endregion

function checkSgd(mu: number, tau: number, nesterov: boolean,
  lambda_: number): void {
  checkRate('sgd', 'momentum', mu);
  checkRate('sgd', 'dampening', tau);
  checkFlag('sgd', 'nesterov', nesterov);
  checkNonNegative('sgd', 'weightDecay', lambda_);
  if (nesterov && (mu === 0 || tau !== 0)) {
    throw new Error('sgd: nesterov needs momentum > 0 and dampening 0 ' +
      '(as torch.optim.SGD)');
  }
}

function checkRmsprop(alpha: number, eps: number, mu: number,
  centered: boolean): void {
  checkRate('rmsprop', 'alpha', alpha);
  checkPositive('rmsprop', 'eps', eps);
  checkRate('rmsprop', 'momentum', mu);
  checkFlag('rmsprop', 'centered', centered);
}

function checkAdam(name: string, b1: number, b2: number, eps: number,
  lambda_: number): void {
  checkRate(name, 'beta1', b1);
  checkRate(name, 'beta2', b2);
  checkPositive(name, 'eps', eps);
  checkNonNegative(name, 'weightDecay', lambda_);
}

function checkMakeRule(name: string, buffers: number, update: unknown) {
  if (typeof name !== 'string' || name === '') {
    throw new Error('makeRule: name must be a non-empty string');
  }
  checkCount('makeRule', 'buffers', buffers, 0);
  requireFunction('makeRule', 'update', update);
}
