// The two networks as the sampler sees them: ε_θ as an EpsFn, and the
// noisy classifier's ∇_x log p_φ(y | x_t, t) as a GradFn, the input
// gradient taken by the autodiff engine with x_t as a leaf.
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { logSoftmax } from '../autodiff/fused.ts';
import type { TimeMLP } from './model.ts';
import type { EpsFn, GradFn } from './sample.ts';
import { checkClassifierGrad, checkNet } from './checks.ts';

// #region eps-fn
/** The ε-network as the sampler calls it: no tape, one t per batch. */
export function epsFn(net: TimeMLP): EpsFn {
  checkNet('epsFn', net);
  const d = net.Wx.shape[0];
  return (x, t) => noGrad(() => {
    const n = x.length / d;
    const ts = new Int32Array(n).fill(t);
    return net.forward(new Tensor(x, [n, d]), ts).data;
  });
}
// #endregion

// #region classifier-grad
/** Row i of the result: ∇_x log p_φ(y_i | x_i, t), Eq. (dm-guided).
 *  Rows do not interact, so one backward of Σ_i log p gives all. */
export function classifierGrad(net: TimeMLP, x: Float64Array, t: number,
  y: Int32Array): Float64Array {
  checkClassifierGrad(net, x, t, y);
  const d = net.Wx.shape[0];
  const n = x.length / d;
  const xt = new Tensor(Float64Array.from(x), [n, d], true); // a leaf
  const logp = logSoftmax(net.forward(xt, new Int32Array(n).fill(t)));
  logp.pick(y).sum().backward();
  for (const p of net.parameters()) p.grad = null; // not a training step
  return xt.grad as Float64Array;
}

/** classifierGrad as the sampler's GradFn. */
export function gradFn(net: TimeMLP): GradFn {
  checkNet('gradFn', net);
  return (x, t, y) => classifierGrad(net, x, t, y);
}
// #endregion
