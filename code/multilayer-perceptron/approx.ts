// Universal approximation, seen on one input: a network with one
// hidden layer of q tanh units, fitted by full-batch gradient descent
// on the squared error to a 1-D function, for several q.
import { calledAs } from '../introduction/checks.ts';
import { createRng } from '../introduction/random.ts';
import { Tensor, noGrad } from '../autodiff/tensor.ts';
import { Act, linear } from './layers.ts';
import { Sequential } from './mlp.ts';
import { sgdStep, zeroGrad } from './train.ts';

// #region approx-target
const SLOPE = 4; // spread of the first layer's slopes

/** The target: two periods of a sine plus a kink, on [−1, 1]. */
export function target(x: number): number {
  return Math.sin(2 * Math.PI * x) + Math.abs(x);
}

// #endregion

// #region approx
/** Fits a 1-q-1 tanh network to target on n grid points. */
export function fitOneD(q: number, steps: number, eta: number,
  seed: number, n = 128) {
  return calledAs('fitOneD', () => {
    checkApprox(q, steps, eta, n);
    const xs = Float64Array.from({ length: n },
      (_, i) => -1 + (2 * i) / (n - 1));
    const X = new Tensor(xs, [n, 1]);
    const Y = new Tensor(xs.map(target), [n, 1]);
    const rng = createRng(seed);
    const first = linear(1, q, rng); // then spread over [−1, 1]:
    for (let j = 0; j < q; j++) { // slope w_j, centre c_j = −b_j/w_j
      first.W.data[j] = rng.normal(0, SLOPE);
      first.b.data[j] = -first.W.data[j] * rng.uniform(-1, 1);
    }
    const model = new Sequential([first, new Act('tanh'),
      linear(q, 1, rng)]);
    const params = model.parameters();
    for (let t = 0; t < steps; t++) {
      zeroGrad(params);
      const r = model.forward(X).sub(Y);
      r.mul(r).mean().backward(); // mean squared error
      sgdStep(params, eta);
    }
    const fitted = noGrad(() => model.forward(X)).data;
    let mse = 0;
    for (let i = 0; i < n; i++) mse += (fitted[i] - Y.data[i]) ** 2 / n;
    return { xs, fitted, mse };
  });
}
// #endregion

function checkApprox(q: number, steps: number, eta: number, n: number) {
  for (const [name, v, lo] of
    [['q', q, 1], ['steps', steps, 0], ['n', n, 2]] as const) {
    if (!Number.isInteger(v) || v < lo) {
      throw new Error(`fitOneD: ${name} must be an integer >= ${lo}, ` +
        `got ${v}`);
    }
  }
  if (!Number.isFinite(eta) || eta <= 0) {
    throw new Error(`fitOneD: eta must be a finite number > 0, got ${eta}`);
  }
}
