// Exercise solution: the importance-weighted bound of Burda, Grosse and
// Salakhutdinov (2016), log (1/S) Σₛ p(x, zₛ) / q(zₛ | x) with zₛ drawn
// from q; S = 1 is a one-draw estimate of the ELBO.
import type { Rng } from '../../introduction/random.ts';
import { requireInteger } from '../../introduction/checks.ts';
import type { Matrix } from '../../linear-algebra/matrix.ts';
import { Tensor, noGrad } from '../../autodiff/tensor.ts';
import { normalLogPdf } from '../../probability/univariate.ts';
import { bernoulliLogLik } from '../likelihood.ts';
import type { VAE } from '../model.ts';
import { checkExplore, rowsOf } from '../checks.ts';

// #region iw-bound
/** Mean over the rows of X of the S-draw bound, Eq. (vae-iw). */
export function iwBound(model: VAE, X: Matrix, S: number,
  rng: Rng): number {
  const k = checkExplore('iwBound', model, X);
  requireInteger('iwBound', 'S', S, 1);
  return noGrad(() => {
    const { mu, logVar } = model.encode(rowsOf(X, null));
    let total = 0;
    for (let i = 0; i < X.rows; i++) {
      const Z = new Float64Array(S * k), logW = new Float64Array(S);
      for (let s = 0; s < S; s++) {
        for (let j = 0; j < k; j++) {
          const m = mu.data[i * k + j];
          const sd = Math.exp(0.5 * logVar.data[i * k + j]);
          const z = m + sd * rng.normal();
          Z[s * k + j] = z; // log p(z) − log q(z | x):
          logW[s] += normalLogPdf(z) - normalLogPdf(z, m, sd);
        }
      }
      const x = rowsOf(X, new Array<number>(S).fill(i));
      const ll = bernoulliLogLik(model.decode(new Tensor(Z, [S, k])), x);
      for (let s = 0; s < S; s++) logW[s] += ll.data[s];
      total += logMeanExp(logW);
    }
    return total / X.rows;
  });
}
// #endregion

function logMeanExp(a: Float64Array): number {
  let max = -Infinity;
  for (const v of a) max = Math.max(max, v);
  let s = 0;
  for (const v of a) s += Math.exp(v - max);
  return max + Math.log(s / a.length);
}
