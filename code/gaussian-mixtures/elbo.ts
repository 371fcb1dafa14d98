// The evidence lower bound of any q, and its gap to the log-likelihood.
// Browser-safe.
import { Matrix } from '../linear-algebra/matrix.ts';
import { checkResp, type GmmParams } from './checks.ts';
import { eStep, logJoint } from './estep.ts';

// #region elbo
/** For a q (n × k, rows summing to 1): the bound ELBO(q, θ) of
 *  Eq. (gm-elbo), KL(q ‖ p(z | x)) and the log-likelihood, which
 *  Eq. (gm-decomposition) says is their sum. 0 log 0 counts as 0. */
export function elbo(X: Matrix, p: GmmParams, Q: Matrix) {
  const A = logJoint(X, p, 'elbo'); // log p(x_i, z_i = m)
  checkQ('elbo', Q, X.rows, A.cols);
  const { resp } = eStep(X, p, 'elbo'); // r_im = p(z_i = m | x_i)
  let bound = 0;
  let kl = 0;
  for (let t = 0; t < Q.data.length; t++) {
    const q = Q.data[t];
    if (q === 0) continue;
    bound += q * (A.data[t] - Math.log(q));
    kl += q * (Math.log(q) - Math.log(resp.data[t]));
  }
  return { elbo: bound, kl, logLik: bound + kl };
}
// #endregion

function checkQ(fn: string, Q: Matrix, n: number, k: number): void {
  checkResp(fn, Q, n, 'Q');
  if (Q.cols !== k) {
    throw new Error(`${fn}: Q must have k = ${k} columns, got ${Q.cols}`);
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let m = 0; m < k; m++) s += Q.data[i * k + m];
    if (Math.abs(s - 1) > 1e-9) {
      throw new Error(`${fn}: row ${i} of Q must sum to 1, got ${s}`);
    }
  }
}
