// Activation functions and their derivatives, Eqs. (mlp-relu) to
// (mlp-gelu-tanh): scalar pairs (f, f') for the figure and the tests,
// and `activate`, which applies one to a tensor as an op of the
// autodiff engine, its backward rule being f' itself.
import { Tensor, gradOf, record } from '../autodiff/tensor.ts';
import { sigmoid } from '../logistic-regression/sigmoid.ts';
import { erf } from './erf.ts';

/** A pointwise function and its derivative. */
export interface Activation {
  f: (x: number) => number;
  df: (x: number) => number;
}

// #region activations
const LEAK = 0.01; // PyTorch's default negative slope
const SQRT_2_PI = Math.sqrt(2 / Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const normalPdf = (x: number) => Math.exp(-x * x / 2) / SQRT_2PI;

export const ACTIVATIONS = {
  relu: { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) },
  leakyRelu: { f: (x) => (x > 0 ? x : LEAK * x),
    df: (x) => (x > 0 ? 1 : LEAK) },
  sigmoid: { f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)) },
  tanh: { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 },
  gelu: { // exact: x Φ(x), Eq. (mlp-gelu)
    f: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
    df: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + x * normalPdf(x) },
  geluTanh: { // Eq. (mlp-gelu-tanh)
    f: (x) => 0.5 * x * (1 + Math.tanh(geluArg(x))),
    df: (x) => {
      const t = Math.tanh(geluArg(x));
      const du = SQRT_2_PI * (1 + 3 * 0.044715 * x * x);
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
    } },
} satisfies Record<string, Activation>;

/** √(2/π) (x + 0.044715 x³), the argument of tanh in the GELU. */
function geluArg(x: number): number {
  return SQRT_2_PI * (x + 0.044715 * x ** 3);
}

export type ActivationName = keyof typeof ACTIVATIONS;
// #endregion

// #region activate
/** φ applied to every entry of x; backward multiplies by φ'(x). */
export function activate(x: Tensor, name: ActivationName): Tensor {
  const { f, df } = checkActivate(x, name);
  const xs = x.data;
  const z = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) z[i] = f(xs[i]);
  return record(`activate(${name})`, z, x.shape, [x], (g) => {
    const gx = gradOf(x) as Float64Array;
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * df(xs[i]);
  });
}
// #endregion

function checkActivate(x: Tensor, name: ActivationName): Activation {
  if (!(x instanceof Tensor)) {
    throw new Error('activate: x must be a Tensor');
  }
  if (typeof name !== 'string' || !Object.hasOwn(ACTIVATIONS, name)) {
    throw new Error(`activate: name must be one of ` +
      `${Object.keys(ACTIVATIONS).join(', ')}; got ${String(name)}`);
  }
  return ACTIVATIONS[name];
}
