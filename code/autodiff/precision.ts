// @unshown: benchmark harness; its results are the float32/64 table
// Float32Array or Float64Array? The same matrix-product training step
// timed on both storages, and the same finite-difference gradient check
// run with every stored number rounded to each precision.
import { DEFAULT_STEP, numericalGradient } from '../introduction/check.ts';
import { createRng } from '../introduction/random.ts';
import { bestTime } from '../linear-algebra/benchmark.ts';
import { Tensor } from './tensor.ts';

type Arr = Float32Array | Float64Array;
type Ctor = Float32ArrayConstructor | Float64ArrayConstructor;

/** C = AB, then dA = G Bᵀ and dB = Aᵀ G: one linear layer's step. */
function step(a: Arr, b: Arr, g: Arr, c: Arr, da: Arr, db: Arr,
  m: number, k: number, n: number): void {
  c.fill(0);
  da.fill(0);
  db.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      let s = 0;
      for (let j = 0; j < n; j++) {
        c[i * n + j] += aip * b[p * n + j];
        db[p * n + j] += aip * g[i * n + j];
        s += g[i * n + j] * b[p * n + j];
      }
      da[i * k + p] = s;
    }
  }
}

function timeStep(T: Ctor, size: number, budgetMs: number): number {
  const rng = createRng(7);
  const fill = (len: number) =>
    T.from(Array.from({ length: len }, () => rng.normal()));
  const [a, b, g] = [fill(size * size), fill(size * size),
    fill(size * size)];
  const [c, da, db] = [new T(size * size), new T(size * size),
    new T(size * size)];
  return bestTime(() => step(a, b, g, c, da, db, size, size, size),
    budgetMs);
}

/** The same step through the engine: blocked kernel, float64. */
function timeEngine(size: number, budgetMs: number): number {
  const rng = createRng(7);
  const fill = () => Float64Array.from({ length: size * size },
    () => rng.normal());
  const [a, b, g] = [fill(), fill(), fill()];
  const G = new Tensor(g, [size, size]);
  return bestTime(() => {
    const A = new Tensor(a, [size, size], true);
    const B = new Tensor(b, [size, size], true);
    A.matmul(B).mul(G).sum().backward(); // dA = G Bᵀ, dB = Aᵀ G
  }, budgetMs);
}

/** f(w) = Σ v_i tanh((Xw)_i), every stored number rounded by `r`. */
function loss(X: Float64Array, v: Float64Array, w: Float64Array,
  r: (x: number) => number): number {
  const d = w.length;
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z = r(z + r(r(X[i * d + j]) * r(w[j])));
    s = r(s + r(r(v[i]) * r(Math.tanh(z))));
  }
  return s;
}

/** The exact gradient of `loss` without rounding (double). */
function lossGradient(X: Float64Array, v: Float64Array, w: Float64Array) {
  const d = w.length;
  const g = new Float64Array(d);
  for (let i = 0; i < v.length; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += X[i * d + j] * w[j];
    const t = Math.tanh(z);
    for (let j = 0; j < d; j++) g[j] += v[i] * (1 - t * t) * X[i * d + j];
  }
  return g;
}

/** max |numeric − exact| / max |exact|. */
function checkError(r: (x: number) => number, h: number): number {
  const rng = createRng(35);
  const n = 32, d = 16;
  const X = Float64Array.from({ length: n * d }, () => rng.normal() / 4);
  const v = Float64Array.from({ length: n }, () => rng.normal());
  const w = Float64Array.from({ length: d }, () => rng.normal());
  const exact = lossGradient(X, v, w);
  const numeric = numericalGradient((u) => loss(X, v, u, r), w, h);
  let err = 0, top = 0;
  for (let j = 0; j < d; j++) {
    err = Math.max(err, Math.abs(numeric[j] - exact[j]));
    top = Math.max(top, Math.abs(exact[j]));
  }
  return err / top;
}

/** Float32's machine epsilon, 2^-23. */
const EPS32 = 2 ** -23;

/** Speed of the step and accuracy of the check, for each storage. */
export function precisionStudy(size = 128, budgetMs = 300) {
  if (!Number.isInteger(size) || size < 4 || !(budgetMs > 0) ||
    !Number.isFinite(budgetMs)) {
    throw new Error(`precisionStudy: expected size >= 4 and ` +
      `budgetMs > 0, got ${size} and ${budgetMs}`);
  }
  // both storages run twice, so each is timed after the loop has seen
  // both: the JIT's state is the same for the two
  let ms32 = timeStep(Float32Array, size, budgetMs);
  let ms64 = timeStep(Float64Array, size, budgetMs);
  ms32 = Math.min(ms32, timeStep(Float32Array, size, budgetMs));
  ms64 = Math.min(ms64, timeStep(Float64Array, size, budgetMs));
  const h32 = Math.cbrt(3 * EPS32); // Eq. (fd-optimal-h) for float32
  return {
    size, ms32, ms64, msEngine: timeEngine(size, budgetMs),
    h64: DEFAULT_STEP, h32,
    err64: checkError((x) => x, DEFAULT_STEP),
    err32: checkError(Math.fround, h32),
    err32AtH64: checkError(Math.fround, DEFAULT_STEP),
  };
}
