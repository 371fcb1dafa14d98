// The ε-network: an MLP that sees a noisy x_t and its step t (through
// a fixed sinusoidal embedding) and predicts the noise ε in x_t; its
// loss, Ho et al.'s L_simple. The classifier of guidance is the same
// network with ten outputs.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import { mlp, Sequential } from '../multilayer-perceptron/mlp.ts';
import { calledAs } from '../introduction/checks.ts';
import type { Schedule } from './schedule.ts';
import {
  checkEmbedding, checkEpsLoss, checkTimeMlp, checkTimeForward,
  checkTimeMlpSizes,
} from './checks.ts';

// #region embedding
/** Row i: sin(t_i ω_k), cos(t_i ω_k), ω_k = 10000^(−k/(e/2)),
 *  k = 0 … e/2 − 1, as in the Transformer's positions. */
export function timeEmbedding(t: ArrayLike<number>, e: number): Tensor {
  checkEmbedding(t, e);
  const h = e / 2;
  const out = new Float64Array(t.length * e);
  for (let i = 0; i < t.length; i++) {
    for (let k = 0; k < h; k++) {
      const w = Math.pow(10000, -k / h);
      out[i * e + k] = Math.sin(t[i] * w);
      out[i * e + h + k] = Math.cos(t[i] * w);
    }
  }
  return new Tensor(out, [t.length, e]);
}
// #endregion

// #region time-mlp
/** f(x, t) = rest(relu(x Wx + emb(t) Wt + b)), Eq. (dm-net): the step
 *  enters the first layer beside x. */
export class TimeMLP {
  readonly Wx: Tensor; // [d, h]
  readonly Wt: Tensor; // [e, h]
  readonly b: Tensor; // [h]
  readonly rest: Sequential; // h → … → outputs

  constructor(Wx: Tensor, Wt: Tensor, b: Tensor, rest: Sequential) {
    checkTimeMlp(Wx, Wt, b, rest);
    this.Wx = Wx;
    this.Wt = Wt;
    this.b = b;
    this.rest = rest;
  }

  forward(x: Tensor, t: ArrayLike<number>): Tensor {
    checkTimeForward(this, x, t);
    const emb = timeEmbedding(t, this.Wt.shape[0]);
    const h = x.matmul(this.Wx).add(emb.matmul(this.Wt)).add(this.b);
    return this.rest.forward(h.relu());
  }

  parameters(): Tensor[] {
    return [this.Wx, this.Wt, this.b, ...this.rest.parameters()];
  }
}
// #endregion

// #region build
/** d inputs, an e-dimensional embedding, hidden widths, c outputs; He
 *  initialization on the first layer's fan-in d + e. */
export function timeMlp(d: number, e: number, hidden: number[],
  c: number, rng: Rng): TimeMLP {
  checkTimeMlpSizes(d, e, hidden, c);
  return calledAs('timeMlp', () => {
    const rest = mlp([...hidden, c], 'relu', rng);
    const sd = Math.sqrt(2 / (d + e));
    const w = (r: number) => new Tensor(
      rng.normalArray(r * hidden[0], 0, sd), [r, hidden[0]], true);
    return new TimeMLP(w(d), w(e),
      new Tensor(new Float64Array(hidden[0]), [hidden[0]], true), rest);
  });
}
// #endregion

// #region eps-loss
/** L_simple, Eq. (dm-simple): the mean over rows and coordinates of
 *  (ε − ε_θ(√ᾱ_t x₀ + √(1 − ᾱ_t) ε, t))². */
export function epsLoss(net: TimeMLP, s: Schedule, x0: Tensor,
  t: ArrayLike<number>, eps: Tensor): Tensor {
  checkEpsLoss(net, s, x0, t, eps);
  const [n, d] = x0.shape;
  const xt = new Float64Array(n * d); // a constant: no gradient to x₀
  for (let i = 0; i < n; i++) {
    const ab = s.alphaBar[t[i] - 1];
    for (let j = 0; j < d; j++) {
      xt[i * d + j] = Math.sqrt(ab) * x0.data[i * d + j] +
        Math.sqrt(1 - ab) * eps.data[i * d + j];
    }
  }
  const err = eps.sub(net.forward(new Tensor(xt, [n, d]), t));
  return err.mul(err).mean();
}
// #endregion
