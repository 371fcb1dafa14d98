// Training: minibatches of rows, a fresh ε for every row at every step
// (drawn from the seeded generator, outside the graph), the loss of
// Eq. (vae-beta) and Adam; and the two terms measured on held-out rows.
import { createRng, type Rng } from '../introduction/random.ts';
import type { Matrix } from '../linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { zeroGrad } from '../multilayer-perceptron/train.ts';
import { adam } from '../neural-optimizers/optimizers.ts';
import { elbo, type VAE } from './model.ts';
import { checkEvaluate, checkTrainVae, rowsOf } from './checks.ts';

export interface VaeOptions {
  epochs: number;
  batchSize: number;
  eta: number; // Adam's learning rate
  seed: number;
  beta?: number; // weight of the KL term; 1 is the ELBO
}

// #region train
/** Minibatch Adam on −(recon − β·kl); per epoch the two terms' means
 *  over its minibatches. */
export function trainVae(model: VAE, X: Matrix, o: VaeOptions) {
  checkTrainVae(model, X, o);
  const rng = createRng(o.seed);
  const step = adam();
  const params = model.parameters();
  const k = model.muHead.b.size;
  const order = Array.from({ length: X.rows }, (_, i) => i);
  const history = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    rng.shuffle(order);
    let recon = 0, kl = 0;
    for (let s = 0; s < X.rows; s += o.batchSize) {
      const xb = rowsOf(X, order.slice(s, s + o.batchSize));
      const m = xb.shape[0];
      const eps = new Tensor(rng.normalArray(m * k), [m, k]); // constant
      zeroGrad(params);
      const t = elbo(model, xb, eps, o.beta ?? 1);
      t.loss.backward();
      step(params, o.eta);
      recon += t.recon.data[0] * m;
      kl += t.kl.data[0] * m;
    }
    history.push({ epoch, recon: recon / X.rows, kl: kl / X.rows });
  }
  return history;
}
// #endregion

// #region evaluate
/** Held-out means of E_q[log p(x | z)] (one draw of z a row) and of
 *  KL(q ‖ p), with no graph recorded. */
export function evaluateVae(model: VAE, X: Matrix, rng: Rng) {
  checkEvaluate(model, X, rng);
  const k = model.muHead.b.size;
  return noGrad(() => {
    const xt = rowsOf(X, null);
    const eps = new Tensor(rng.normalArray(X.rows * k), [X.rows, k]);
    const t = elbo(model, xt, eps);
    return { recon: t.recon.data[0], kl: t.kl.data[0],
      elbo: t.recon.data[0] - t.kl.data[0] };
  });
}
// #endregion
