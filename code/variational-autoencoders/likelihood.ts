// The decoder's likelihood: each pixel x ∈ [0, 1] scored by a Bernoulli
// whose probability is σ(l), l the decoder's logit. One fused op, as
// the engine's crossEntropy is: the forward never forms σ(l) (so no
// log 0), and the backward is the short rule x − σ(l).
import { Tensor, record, gradOf } from '../autodiff/tensor.ts';
import { sigmoid } from '../logistic-regression/sigmoid.ts';
import { softplus } from '../probability/univariate.ts';
import { checkLogitsTargets } from './checks.ts';

// #region bernoulli
/** Per row: Σⱼ xⱼ lⱼ − log(1 + e^lⱼ), Eq. (vae-bernoulli); [n]. */
export function bernoulliLogLik(logits: Tensor, X: Tensor): Tensor {
  const [n, d] = checkLogitsTargets('bernoulliLogLik', logits, X);
  const l = logits.data, x = X.data;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i * d; j < i * d + d; j++) {
      out[i] += x[j] * l[j] - softplus(l[j]); // stable for any l
    }
  }
  return record('bernoulliLogLik', out, [n], [logits], (g) => {
    const gl = gradOf(logits) as Float64Array; // Eq. (vae-bernoulli-grad)
    for (let i = 0; i < n; i++) {
      for (let j = i * d; j < i * d + d; j++) {
        gl[j] += g[i] * (x[j] - sigmoid(l[j]));
      }
    }
  });
}
// #endregion
