// Link functions: the map η = g(μ) between the mean μ of the target and
// the linear predictor η = xᵀw, with its inverse and dμ/dη.
// Browser-safe: no node imports.
import { sigmoid } from '../logistic-regression/sigmoid.ts';

// #region link-type
/** A link function g, Eq. (glm-link): η = g(μ), μ = g⁻¹(η). */
export interface Link {
  readonly name: string;
  /** η = g(μ). */
  link(mu: number): number;
  /** μ = g⁻¹(η). */
  inverse(eta: number): number;
  /** dμ/dη = 1 / g′(μ), as a function of η. */
  derivative(eta: number): number;
}
// #endregion

// #region links
export const identityLink: Link = {
  name: 'identity',
  link: (mu) => mu,
  inverse: (eta) => eta,
  derivative: () => 1,
};

export const logLink: Link = {
  name: 'log',
  link: (mu) => Math.log(mu),
  inverse: (eta) => Math.exp(eta),
  derivative: (eta) => Math.exp(eta), // d e^η / dη = e^η
};

export const logitLink: Link = {
  name: 'logit',
  link: (mu) => Math.log(mu) - Math.log1p(-mu), // log(μ / (1 − μ))
  inverse: sigmoid,
  // σ′(η) = σ(η)(1 − σ(η)) = σ(η)σ(−η), no cancellation in 1 − σ
  derivative: (eta) => sigmoid(eta) * sigmoid(-eta),
};
// #endregion
