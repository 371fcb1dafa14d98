// Dual numbers a + b·ε with ε² = 0: forward-mode differentiation.
// A function written with these operations returns, with its value,
// its derivative along the direction the inputs were seeded with.

// #region dual-type
/** value + deriv·ε, with ε² = 0: Eq. (calc-dual). */
export interface Dual {
  readonly value: number;
  readonly deriv: number;
}

/** A number where a dual is expected is a constant: deriv 0. */
export type DualLike = Dual | number;

/** A dual number; both parts must be finite. */
export function dual(value: number, deriv = 0): Dual {
  return make('dual', value, deriv);
}

/** The input of a derivative: x + 1·ε. */
export function variable(x: number): Dual {
  return make('variable', x, 1);
}
// #endregion

// #region dual-checks
/** Builds a dual, naming `fn` if a part is NaN or infinite. */
function make(fn: string, value: number, deriv: number): Dual {
  if (!Number.isFinite(value) || !Number.isFinite(deriv)) {
    throw new Error(
      `${fn}: expected a finite value and derivative, got ` +
        `value ${value} and derivative ${deriv}`,
    );
  }
  return { value, deriv };
}

/** A number becomes the constant n + 0·ε; a dual passes through. */
export function lift(fn: string, a: DualLike): Dual {
  if (typeof a === 'number') return make(fn, a, 0);
  if (a === null || typeof a !== 'object' || !('deriv' in a)) {
    throw new Error(`${fn}: expected a Dual or a number, got ${a}`);
  }
  return make(fn, a.value, a.deriv);
}
// #endregion

// #region dual-arithmetic
// Each rule is Eq. (calc-dual-rule) for one operation.
export function add(a: DualLike, b: DualLike): Dual {
  const x = lift('add', a);
  const y = lift('add', b);
  return make('add', x.value + y.value, x.deriv + y.deriv);
}

export function sub(a: DualLike, b: DualLike): Dual {
  const x = lift('sub', a);
  const y = lift('sub', b);
  return make('sub', x.value - y.value, x.deriv - y.deriv);
}

export function mul(a: DualLike, b: DualLike): Dual {
  const x = lift('mul', a);
  const y = lift('mul', b);
  // (a + a'ε)(b + b'ε) = ab + (a'b + ab')ε, since ε² = 0
  return make('mul', x.value * y.value, x.deriv * y.value +
    x.value * y.deriv);
}

export function div(a: DualLike, b: DualLike): Dual {
  const x = lift('div', a);
  const y = lift('div', b);
  if (y.value === 0) throw new Error('div: division by zero');
  const q = x.value / y.value;
  return make('div', q, (x.deriv - q * y.deriv) / y.value);
}

export function neg(a: DualLike): Dual {
  const x = lift('neg', a);
  return make('neg', -x.value, -x.deriv);
}
// #endregion

// #region dual-functions
// f(a + a'ε) = f(a) + f'(a) a' ε, Eq. (calc-dual-function).
export function exp(a: DualLike): Dual {
  const x = lift('exp', a);
  const e = Math.exp(x.value);
  return make('exp', e, e * x.deriv);
}

export function log(a: DualLike): Dual {
  const x = lift('log', a);
  if (x.value <= 0) {
    throw new Error(`log: expected a positive value, got ${x.value}`);
  }
  return make('log', Math.log(x.value), x.deriv / x.value);
}

export function sin(a: DualLike): Dual {
  const x = lift('sin', a);
  return make('sin', Math.sin(x.value), Math.cos(x.value) * x.deriv);
}

export function cos(a: DualLike): Dual {
  const x = lift('cos', a);
  return make('cos', Math.cos(x.value), -Math.sin(x.value) * x.deriv);
}

export function tanh(a: DualLike): Dual {
  const x = lift('tanh', a);
  const t = Math.tanh(x.value);
  return make('tanh', t, (1 - t * t) * x.deriv);
}
// #endregion

// #region dual-sigmoid-pow
/** σ(a) = 1 / (1 + e^-a), never exponentiating a large positive. */
export function sigmoid(a: DualLike): Dual {
  const x = lift('sigmoid', a);
  const e = Math.exp(-Math.abs(x.value)); // in (0, 1]
  const big = 1 / (1 + e); // σ(|a|)
  const small = e / (1 + e); // σ(-|a|) = 1 - σ(|a|), without cancelling
  const s = x.value >= 0 ? big : small;
  // Eq. (calc-sigmoid): σ(1 - σ) = σ(|a|) σ(-|a|) for either sign
  return make('sigmoid', s, big * small * x.deriv);
}

/** a^p for a constant exponent p; a > 0 unless p is an integer. */
export function pow(a: DualLike, p: number): Dual {
  const x = lift('pow', a);
  if (!Number.isFinite(p)) {
    throw new Error(`pow: expected a finite exponent, got ${p}`);
  }
  if (!Number.isInteger(p) && x.value < 0) {
    throw new Error(
      `pow: a negative base needs an integer exponent, got ` +
        `${x.value}^${p}`,
    );
  }
  if (p === 0) return make('pow', 1, 0); // a^0 = 1 for every a
  const d = p * x.value ** (p - 1); // infinite at a = 0 for p < 1
  return make('pow', x.value ** p, d * x.deriv);
}
// #endregion

// #region dual-lse
/** log Σ exp(z_i), shifted by the largest value as in
 *  Eq. (calc-lse-shift); the shift m is a constant, so its
 *  derivative does not enter. */
export function logSumExpDual(z: readonly DualLike[]): Dual {
  if (!Array.isArray(z) || z.length === 0) {
    throw new Error('logSumExpDual: expected at least one entry');
  }
  const zs = z.map((zi) => lift('logSumExpDual', zi));
  let m = -Infinity;
  for (const zi of zs) m = Math.max(m, zi.value);
  let s: Dual = dual(0);
  for (const zi of zs) s = add(s, exp(sub(zi, m)));
  return add(m, log(s));
}
// #endregion
