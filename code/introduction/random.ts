// The book's seeded pseudo-random number generator: xoshiro128** by
// Blackman and Vigna (ACM TOMS 47(4), 2021), its state seeded by
// SplitMix64. Every random number in the book comes from here.

// #region splitmix64
const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n; // odd, about 2^64 / phi

/**
 * One step of SplitMix64 (Steele, Lea & Flood 2014; Vigna's
 * splitmix64.c). Returns the next 64-bit state and the 64-bit output.
 */
export function splitmix64(state: bigint): [bigint, bigint] {
  if (typeof state !== 'bigint' || state < 0n || state > MASK64) {
    throw new Error(`splitmix64: state must be in [0, 2^64), got ${state}`);
  }
  const next = (state + GOLDEN_GAMMA) & MASK64; // Eq. (rng-splitmix)
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}
// #endregion

// #region xoshiro-next
/** Rotates the 32-bit word x left by k bits. */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * One step of xoshiro128** on the state s (four 32-bit words,
 * updated in place). Returns 32 random bits as a number in [0, 2^32).
 */
export function xoshiroNext(s: Uint32Array): number {
  if (s.length !== 4) {
    throw new Error(`xoshiroNext: expected 4 state words, got ${s.length}`);
  }
  // Eq. (rng-starstar): scramble s1 into the output
  const out = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  // Eq. (rng-transition): the linear state update
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return out;
}
// #endregion

// #region jump
// x^(2^64) and x^(2^96) mod p(x) from the reference code
// xoshiro128starstar.c (JUMP, LONG_JUMP): bit i is the coefficient of x^i.
export const JUMP_2_64 = Uint32Array.of(
  0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b,
);
export const JUMP_2_96 = Uint32Array.of(
  0xb523952e, 0x0b6f099f, 0xccf5a0ef, 0x1c580662,
);

/**
 * Replaces s by T^k s, where poly holds the 128 coefficients of
 * x^k mod p(x). Costs 128 steps, whatever k is.
 */
export function jumpState(s: Uint32Array, poly: Uint32Array): void {
  if (s.length !== 4 || poly.length !== 4) {
    throw new Error(
      `jumpState: expected 4 state and 4 polynomial words, got ` +
        `${s.length} and ${poly.length}`,
    );
  }
  const acc = new Uint32Array(4);
  for (let i = 0; i < 128; i++) {
    if ((poly[i >>> 5] >>> (i & 31)) & 1) {
      for (let w = 0; w < 4; w++) acc[w] ^= s[w]; // Eq. (rng-jump)
    }
    xoshiroNext(s);
  }
  s.set(acc);
}
// #endregion

// #region checks
function requireFinite(fn: string, name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new Error(`${fn}: ${name} must be a finite number, got ${x}`);
  }
}

function requireInterval(fn: string, lo: number, hi: number): void {
  requireFinite(fn, 'lo', lo);
  requireFinite(fn, 'hi', hi);
  if (!(lo < hi)) {
    throw new Error(`${fn}: expected lo < hi, got lo=${lo}, hi=${hi}`);
  }
}

function requireNormal(fn: string, mean: number, std: number): void {
  requireFinite(fn, 'mean', mean);
  requireFinite(fn, 'std', std);
  if (std < 0) throw new Error(`${fn}: std must be >= 0, got ${std}`);
}

function requireCount(fn: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${fn}: n must be an integer >= 0, got ${n}`);
  }
}
// #endregion

export class Rng {
  // #region rng-state
  /** The 128-bit state, four 32-bit words; never all zero. */
  readonly #s = new Uint32Array(4);
  /** The second Box–Muller value, kept for the next normal(). */
  #spare: number | null = null;
  /** Splits between this generator and its root (see split). */
  #depth = 0;

  /** A generator with the given state: four words in [0, 2^32). */
  constructor(state: ArrayLike<number>) {
    const ok = (w: number) => Number.isInteger(w) && w >= 0 && w < 2 ** 32;
    if (state.length !== 4 || !Array.from(state).every(ok)) {
      throw new Error(
        `Rng: state must be 4 integers in [0, 2^32), got ` +
          `[${Array.from(state).join(', ')}]`,
      );
    }
    this.#s.set(state);
    if (this.#s.every((w) => w === 0)) {
      throw new Error('Rng: the all-zero state never changes; not allowed');
    }
  }

  /** A copy of the current state. */
  getState(): Uint32Array {
    return this.#s.slice();
  }

  /** 32 random bits: the raw xoshiro128** output in [0, 2^32). */
  nextUint32(): number {
    return xoshiroNext(this.#s);
  }
  // #endregion

  // #region uniform
  /** k / 2^53 with k uniform in [0, 2^53): a double in [0, 1). */
  #unit(): number {
    const a = this.nextUint32() >>> 5; // top 27 bits
    const b = this.nextUint32() >>> 6; // top 26 bits
    return (a * 2 ** 26 + b) / 2 ** 53; // Eq. (rng-uniform53)
  }

  /** A uniform double in [lo, hi); default [0, 1). */
  uniform(lo = 0, hi = 1): number {
    requireInterval('Rng.uniform', lo, hi);
    const width = hi - lo;
    requireFinite('Rng.uniform', 'hi - lo', width);
    for (;;) {
      const x = lo + width * this.#unit(); // Eq. (rng-affine)
      if (x < hi) return x; // rounding can give hi: draw again
    }
  }
  // #endregion

  // #region normal
  /** A normal draw with the given mean and standard deviation. */
  normal(mean = 0, std = 1): number {
    requireNormal('Rng.normal', mean, std);
    if (this.#spare !== null) {
      const z = this.#spare;
      this.#spare = null;
      return mean + std * z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.#unit())); // 1-u in (0,1]
    const theta = 2 * Math.PI * this.#unit();
    this.#spare = r * Math.sin(theta); // Eq. (rng-box-muller)
    return mean + std * r * Math.cos(theta);
  }
  // #endregion

  // #region int
  /** A uniform integer in [lo, hi); needs hi - lo <= 2^32. */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      throw new Error(
        `Rng.int: lo and hi must be safe integers, got ${lo}, ${hi}`,
      );
    }
    const m = hi - lo; // the width, m in Eq. (rng-modulo-bias)
    if (m <= 0 || m > 2 ** 32) {
      throw new Error(
        `Rng.int: expected 0 < hi - lo <= 2^32, got lo=${lo}, hi=${hi}`,
      );
    }
    const limit = 2 ** 32 - (2 ** 32 % m); // Eq. (rng-rejection)
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return lo + (x % m);
  }
  // #endregion

  // #region shuffle
  /** Shuffles items in place (Fisher–Yates); returns items. */
  shuffle<T>(items: T[]): T[] {
    if (!Array.isArray(items)) {
      const got = typeof items;
      throw new Error(`Rng.shuffle: expected an array, got ${got}`);
    }
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1); // Eq. (rng-fisher-yates)
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
  // #endregion

  // #region split
  /**
   * A new stream. The child starts where this generator stands; this
   * generator then jumps past the child's block: 2^96 draws if it is a
   * root, 2^64 if it was split off a root. Deeper splits would overlap.
   */
  split(): Rng {
    if (this.#depth >= 2) {
      throw new Error(
        'Rng.split: this stream is two splits from its root; splitting ' +
          'it would overlap its siblings. Split an ancestor instead.',
      );
    }
    const child = new Rng(this.#s);
    child.#depth = this.#depth + 1;
    jumpState(this.#s, this.#depth === 0 ? JUMP_2_96 : JUMP_2_64);
    return child;
  }
  // #endregion

  // #region arrays
  /** n normal draws, as normal(mean, std) would give them one by one. */
  normalArray(n: number, mean = 0, std = 1): Float64Array {
    requireCount('Rng.normalArray', n);
    requireNormal('Rng.normalArray', mean, std);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, std);
    return out;
  }

  /** n uniform draws in [lo, hi), as uniform(lo, hi) would give. */
  uniformArray(n: number, lo = 0, hi = 1): Float64Array {
    requireCount('Rng.uniformArray', n);
    requireInterval('Rng.uniformArray', lo, hi);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(lo, hi);
    return out;
  }
  // #endregion
}

// #region create-rng
/** A generator seeded from an integer seed in [0, 2^53). */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(
      `createRng: seed must be an integer in [0, 2^53), got ${seed}`,
    );
  }
  let x = BigInt(seed);
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    const [next, z] = splitmix64(x);
    x = next;
    words.push(Number(z & 0xffffffffn), Number(z >> 32n)); // low, high
  }
  return new Rng(words); // Eq. (rng-seeding): never all zero
}
// #endregion
