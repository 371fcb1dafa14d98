// Two concentric circles, as scikit-learn's make_circles: no line
// separates them, a kernel does.
import { Matrix } from '../linear-algebra/matrix.ts';
import { createRng } from '../introduction/random.ts';
import { checkInt, checkNumber } from './checks.ts';

// #region circles
/** n points: half on the unit circle, half on radius `factor`. */
export function circles(
  n: number, noise: number, factor: number, seed: number,
) {
  checkInt('circles', 'n', n, 2);
  checkNumber('circles', 'noise', noise, 0);
  checkNumber('circles', 'factor', factor, 0, 1);
  checkInt('circles', 'seed', seed, 0);
  const rng = createRng(seed);
  const nOut = Math.floor(n / 2), nIn = n - nOut;
  const X = new Matrix(n, 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i >= nOut;
    const k = inner ? i - nOut : i, of = inner ? nIn : nOut;
    const u = (2 * Math.PI * k) / of, r = inner ? factor : 1;
    y[i] = inner ? 1 : 0;
    X.data[2 * i] = r * Math.cos(u) + noise * rng.normal();
    X.data[2 * i + 1] = r * Math.sin(u) + noise * rng.normal();
  }
  return { X, y };
}
// #endregion

// #region landmarks
/** m distinct rows of 0..n−1, uniformly at random: Nyström landmarks. */
export function landmarks(n: number, m: number, seed: number) {
  checkInt('landmarks', 'n', n, 1);
  checkInt('landmarks', 'm', m, 1, n);
  checkInt('landmarks', 'seed', seed, 0);
  const rows = Array.from({ length: n }, (_, i) => i);
  return Int32Array.from(createRng(seed).shuffle(rows).slice(0, m));
}
// #endregion
