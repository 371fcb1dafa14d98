// Probabilistic PCA (Tipping & Bishop 1999): the maximum-likelihood
// model x = W z + x̄ + noise, and its log-likelihood.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkModel, checkModelInput } from './checks.ts';
import type { PcaModel } from './pca.ts';

// #region ppca-weights
/** W = V_k (Lambda_k - sigma^2 I)^(1/2) R, Eq. (ppca-w); R = I. */
export function ppcaWeights(model: PcaModel): Matrix {
  checkModel('ppcaWeights', model);
  const { k, d, components: C, explainedVariance: ev } = model;
  const s2 = model.noiseVariance;
  const W = new Matrix(d, k);
  for (let j = 0; j < k; j++) {
    const scale = Math.sqrt(Math.max(ev[j] - s2, 0));
    for (let a = 0; a < d; a++) {
      W.data[a * k + j] = C.data[j * d + a] * scale;
    }
  }
  return W;
}
// #endregion

// #region ppca-loglik
/**
 * Mean log-likelihood of the rows of X under N(x̄, W W^T + sigma^2 I)
 * at the maximum-likelihood W, Eqs. (ppca-logdet) and (ppca-quad).
 */
export function ppcaLogLikelihood(model: PcaModel, X: Matrix): number {
  checkModelInput('ppcaLogLikelihood', model, X, model.d, 'X');
  const { k, d, components: C, mean, noiseVariance: s2 } = model;
  const ev = model.explainedVariance;
  if (!(s2 > 0)) {
    throw new Error('ppcaLogLikelihood: the model has noise variance ' +
      `${s2}; the likelihood needs sigma^2 > 0 (k < rank)`);
  }
  let logDet = (d - k) * Math.log(s2); // Eq. (ppca-logdet)
  for (let j = 0; j < k; j++) logDet += Math.log(Math.max(ev[j], s2));
  let total = 0;
  const r = new Float64Array(d);
  for (let i = 0; i < X.rows; i++) {
    for (let a = 0; a < d; a++) r[a] = X.data[i * d + a] - mean[a];
    let quad = 0; // Eq. (ppca-quad)
    for (let j = 0; j < k; j++) {
      let z = 0;
      for (let a = 0; a < d; a++) z += C.data[j * d + a] * r[a];
      quad += (z * z) / Math.max(ev[j], s2);
      for (let a = 0; a < d; a++) r[a] -= z * C.data[j * d + a];
    }
    let rr = 0; // r is now the residual off the principal subspace
    for (let a = 0; a < d; a++) rr += r[a] * r[a];
    total += quad + rr / s2;
  }
  return -0.5 * (d * Math.log(2 * Math.PI) + logDet + total / X.rows);
}
// #endregion
