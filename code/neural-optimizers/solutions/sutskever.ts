// Exercise solution: Nesterov momentum in Sutskever et al.'s form, with
// the gradient taken at the look-ahead point θ + μv. Returns the
// look-ahead points, which are PyTorch's iterates.
import { requireFiniteArray, requireFunction } from
  '../../introduction/checks.ts';
import { checkCount, checkPositive, checkRate } from '../checks.ts';

export function sutskeverNesterov(
  grad: (x: Float64Array) => Float64Array, theta0: ArrayLike<number>,
  eta: number, mu: number, steps: number): Float64Array[] {
  checkSutskever(grad, theta0, eta, mu, steps);
  const theta = Float64Array.from(theta0);
  const v = new Float64Array(theta.length);
  const ahead = () => theta.map((t, i) => t + mu * v[i]);
  const out = [ahead()];
  for (let k = 0; k < steps; k++) {
    const g = grad(ahead()); // gradient at the look-ahead point
    for (let i = 0; i < theta.length; i++) {
      v[i] = mu * v[i] - eta * g[i];
      theta[i] += v[i];
    }
    out.push(ahead());
  }
  return out;
}

function checkSutskever(grad: unknown, theta0: ArrayLike<number>,
  eta: number, mu: number, steps: number): void {
  requireFunction('sutskeverNesterov', 'grad', grad);
  requireFiniteArray('sutskeverNesterov', 'theta0', theta0);
  checkPositive('sutskeverNesterov', 'eta', eta);
  checkRate('sutskeverNesterov', 'mu', mu);
  checkCount('sutskeverNesterov', 'steps', steps, 0);
}
