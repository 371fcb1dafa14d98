// A variational autoencoder built from the multilayer-perceptron
// chapter's layers: an encoder trunk with two linear heads (μ and
// log σ² of q(z | x)), a decoder MLP that outputs Bernoulli logits, the
// reparameterization, and the ELBO's two terms.
import type { Rng } from '../introduction/random.ts';
import { Tensor } from '../autodiff/tensor.ts';
import type {
  ActivationName,
} from '../multilayer-perceptron/activations.ts';
import {
  Act, type Layer, Linear, linear,
} from '../multilayer-perceptron/layers.ts';
import { calledAs } from '../introduction/checks.ts';
import { Sequential, mlp } from '../multilayer-perceptron/mlp.ts';
import { klStandardNormal } from './kl.ts';
import { bernoulliLogLik } from './likelihood.ts';
import {
  checkElbo, checkEncoded, checkSizes, checkTensorPair, checkVaeParts,
} from './checks.ts';

// #region vae
/** Encoder x → (μ, log σ²) and decoder z → logits, Eq. (vae-encoder). */
export class VAE {
  readonly trunk: Layer; // x → h
  readonly muHead: Linear; // h → μ
  readonly logVarHead: Linear; // h → log σ²
  readonly decoder: Layer; // z → logits

  constructor(trunk: Layer, muHead: Linear, logVarHead: Linear,
    decoder: Layer) {
    checkVaeParts(trunk, muHead, logVarHead, decoder);
    this.trunk = trunk;
    this.muHead = muHead;
    this.logVarHead = logVarHead;
    this.decoder = decoder;
  }

  encode(x: Tensor): { mu: Tensor; logVar: Tensor } {
    const h = this.trunk.forward(x);
    return { mu: this.muHead.forward(h),
      logVar: this.logVarHead.forward(h) };
  }

  decode(z: Tensor): Tensor { // logits of p(x | z)
    return this.decoder.forward(z);
  }

  parameters(): Tensor[] {
    return [this.trunk, this.muHead, this.logVarHead, this.decoder]
      .flatMap((l) => l.parameters());
  }
}
// #endregion

// #region build
/** d inputs, hidden widths, k latent dimensions: encoder d-…-(k, k),
 *  decoder k-…-d mirrored, initialized as the MLP chapter does. */
export function vae(d: number, hidden: number[], k: number,
  activation: ActivationName, rng: Rng): VAE {
  checkSizes('vae', d, hidden, k);
  return calledAs('vae', () => {
    const body = mlp([d, ...hidden], activation, rng).layers;
    const trunk = new Sequential([...body, new Act(activation)]);
    const h = hidden[hidden.length - 1];
    const decoder = mlp([k, ...[...hidden].reverse(), d], activation,
      rng);
    return new VAE(trunk, linear(h, k, rng, 'xavier'),
      linear(h, k, rng, 'xavier'), decoder);
  });
}
// #endregion

// #region reparam
/** z = μ + σ ⊙ ε with σ = exp(½ log σ²), Eq. (vae-reparam). ε is a
 *  constant drawn outside the graph; gradients reach μ and log σ². */
export function reparameterize(mu: Tensor, logVar: Tensor,
  eps: Tensor): Tensor {
  checkTensorPair('reparameterize', mu, logVar, eps);
  return mu.add(logVar.mul(0.5).exp().mul(eps));
}
// #endregion

// #region elbo
/** The batch means of the ELBO's terms, Eq. (vae-elbo-batch), and the
 *  loss −(recon − β·kl) that training minimizes (β = 1: the ELBO). */
export function elbo(model: VAE, X: Tensor, eps: Tensor, beta = 1) {
  checkElbo(model, X, eps, beta);
  const { mu, logVar } = model.encode(X);
  checkEncoded(mu, eps);
  const z = reparameterize(mu, logVar, eps);
  const recon = bernoulliLogLik(model.decode(z), X).mean();
  const kl = klStandardNormal(mu, logVar).mean();
  return { recon, kl, loss: kl.mul(beta).sub(recon) };
}
// #endregion

