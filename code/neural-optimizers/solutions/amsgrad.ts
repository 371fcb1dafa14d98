// Exercise solution: AMSGrad (Reddi, Kale & Kumar 2018) as torch.optim.Adam
// with amsgrad=True: Adam whose denominator uses the largest v so far.
import { makeRule, type Optimizer } from '../optimizers.ts';
import { checkPositive, checkRate } from '../checks.ts';

export function amsgrad(beta1 = 0.9, beta2 = 0.999,
  eps = 1e-8): Optimizer {
  checkRate('amsgrad', 'beta1', beta1);
  checkRate('amsgrad', 'beta2', beta2);
  checkPositive('amsgrad', 'eps', eps);
  return makeRule('amsgrad', 3, (x, g, s, eta) => {
    const [m, v, vmax] = s.buf;
    const c1 = 1 - beta1 ** s.t, c2 = 1 - beta2 ** s.t;
    for (let i = 0; i < x.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      vmax[i] = Math.max(vmax[i], v[i]); // never lets the step grow
      x[i] -= eta * (m[i] / c1) / (Math.sqrt(vmax[i] / c2) + eps);
    }
  });
}
