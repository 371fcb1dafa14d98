// Tests of the introduction: the seeded generator (random.ts), the
// numerical checks (check.ts) and the chapter's experiments.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRng,
  JUMP_2_64,
  JUMP_2_96,
  jumpState,
  Rng,
  splitmix64,
  xoshiroNext,
} from '../code/introduction/random.ts';
import {
  allClose,
  assertAllClose,
  centralDifference,
  DEFAULT_STEP,
  forwardDifference,
  DEFAULT_TOLERANCE,
  GRADIENT_TOLERANCE,
  gradientCheck,
  numericalGradient,
  optimalCentralStep,
  optimalForwardStep,
  relativeError,
} from '../code/introduction/check.ts';
import {
  chiSquare,
  histogram,
  moments,
  normalDensity,
  normalProbability,
} from '../code/introduction/stats.ts';
import {
  bestStep,
  logLogSlope,
  momentTable,
  moduloInt,
  naiveShuffle,
  normalChiSquare,
  roundUpRate,
  shuffleChiSquare,
  stepSweep,
  thirdsChiSquare,
  uniformChiSquare,
} from '../code/introduction/experiments.ts';
import {
  calledAs,
  requireBetween,
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireIndex,
  requireInteger,
  requireInterval,
  requirePaired,
  requirePositive,
  requireProbabilities,
  requireProbability,
} from '../code/introduction/checks.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/introduction.ts';
import {
  CHI,
  mulMod,
  toWords,
  xPowMod,
} from '../code/introduction/gf2.ts';
import { jumpTwice } from '../code/introduction/solutions/jump-compose.ts';
import {
  naivePathCounts,
  naiveStatistic,
} from '../code/introduction/solutions/naive-paths.ts';
import {
  stepSweep32,
} from '../code/introduction/solutions/single-precision.ts';

/** The next k raw outputs of rng. */
function take(rng: Rng, k: number): number[] {
  return Array.from({ length: k }, () => rng.nextUint32());
}

// Statistical checks use |z| < 5: for a correct generator a deviation
// of 5 standard errors has probability below 6e-7 (normal tails), so
// a failure points at a bug, not at bad luck. Seeds are fixed, so the
// tests are deterministic as well.
const Z_BOUND = 5;

describe('xoshiro128** and SplitMix64 against published outputs', () => {
  it('SplitMix64 reproduces the published reference outputs', () => {
    // rust-random/rngs, rand_xoshiro/src/splitmix64.rs, test `reference`:
    // seed 1477776061723855037, values "produced with the reference
    // implementation" splitmix64.c (Vigna). First five of fifty.
    const expected = [
      1985237415132408290n,
      2979275885539914483n,
      13511426838097143398n,
      8488337342461049707n,
      15141737807933549159n,
    ];
    let state = 1477776061723855037n;
    for (const e of expected) {
      const [next, out] = splitmix64(state);
      state = next;
      expect(out).toBe(e);
    }
  });

  it('xoshiro128** reproduces the published outputs for state (1, 2, 3, 4)', () => {
    // rust-random/rngs, rand_xoshiro/src/xoshiro128starstar.rs, test
    // `reference`: state words 1, 2, 3, 4, values "produced with the
    // reference implementation (v1.1)" xoshiro128starstar.c.
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034,
      3734860849, 3729100597, 4258142804,
    ];
    expect(take(new Rng([1, 2, 3, 4]), 10)).toEqual(expected);
  });

  it('createRng(42) matches the reference C seeded by SplitMix64(42)', () => {
    // Cross-check, not a published vector: xoshiro128starstar.c and
    // splitmix64.c compiled with gcc, s = [lo(z1), hi(z1), lo(z2),
    // hi(z2)] from the first two SplitMix64 outputs z1, z2.
    const rng = createRng(42);
    expect(Array.from(rng.getState())).toEqual([
      803958421, 3184996902, 2993090819, 686809907,
    ]);
    expect(take(rng, 5)).toEqual([
      1776835114, 4165204688, 17111135, 2317295270, 2792088233,
    ]);
  });

  it('the same seed gives the same sequence', () => {
    expect(take(createRng(2024), 100)).toEqual(take(createRng(2024), 100));
  });

  it('different seeds give different sequences', () => {
    const seeds = [0, 1, 2, 2 ** 32, 2 ** 53 - 1];
    const firsts = seeds.map((s) => take(createRng(s), 4).join(','));
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it('the all-zero state is a fixed point, so Rng refuses it', () => {
    const s = new Uint32Array(4);
    for (let i = 0; i < 10; i++) expect(xoshiroNext(s)).toBe(0);
    expect(Array.from(s)).toEqual([0, 0, 0, 0]);
    expect(() => new Rng([0, 0, 0, 0])).toThrow(/Rng: the all-zero state/);
  });
});

/** A state whose first two outputs are both 2^32 - 1, Eq. (rng-starstar)
 * inverted: s1 = rotr(out * 9^-1, 7) * 5^-1 (mod 2^32). */
function maxOutputState(): number[] {
  const inv9 = 0x38e38e39;
  const inv5 = 0xcccccccd;
  const rotr = (x: number, k: number) => ((x >>> k) | (x << (32 - k))) >>> 0;
  const s1For = (out: number) =>
    Math.imul(rotr(Math.imul(out, inv9) >>> 0, 7), inv5) >>> 0;
  const s1 = s1For(0xffffffff);
  // after one step s1' = s1 ^ s2 ^ s0; with s0 = 0 choose s2 = s1 ^ s1'
  const s2 = (s1 ^ s1For(0xffffffff)) >>> 0;
  return [0, s1, s2, 12345];
}

describe('uniform', () => {
  it('uniform() returns multiples of 2^-53 in [0, 1), using all 53 bits', () => {
    const us = createRng(11).uniformArray(10_000);
    const bad = us.filter((u) => !(u >= 0 && u < 1));
    const offGrid = us.filter((u) => !Number.isInteger(u * 2 ** 53));
    // draws that a 32-bit generator (grid 2^-32) could not produce
    const finer = us.filter((u) => !Number.isInteger(u * 2 ** 32));
    expect(bad.length).toBe(0);
    expect(offGrid.length).toBe(0);
    expect(finer.length).toBeGreaterThan(9_990);
  });

  it('uniform never returns hi, even when rounding would give it', () => {
    const state = maxOutputState();
    expect(new Rng(state).uniform()).toBe(1 - 2 ** -53); // largest value
    const rng = new Rng(state);
    const x = rng.uniform(1, 2); // 1 + (1 - 2^-53) rounds to 2: redraw
    expect(x).toBeGreaterThanOrEqual(1);
    expect(x).toBeLessThan(2);
    const twin = new Rng(state);
    take(twin, 4); // two rejected and two accepted outputs
    expect(rng.getState()).toEqual(twin.getState());
  });

  it('uniform(lo, hi) stays in [lo, hi) for arbitrary intervals', () => {
    const rng = createRng(12);
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        (lo, width) => {
          const hi = lo + width;
          if (!(lo < hi)) return; // width lost to rounding
          const x = rng.uniform(lo, hi);
          expect(x >= lo && x < hi).toBe(true);
        },
      ),
      { seed: 12, numRuns: 2000 },
    );
  });

  it('uniform mean and variance lie within 5 standard errors', () => {
    for (const r of momentTable().filter((r) => r.name.startsWith('unif'))) {
      expect(Math.abs(r.z), r.name).toBeLessThan(Z_BOUND);
    }
  });

  it('uniform passes a 100-bin chi-square test (|z| < 5)', () => {
    const c = uniformChiSquare();
    expect(c.dof).toBe(99);
    expect(Math.abs(c.z)).toBeLessThan(Z_BOUND);
  });
});

describe('normal', () => {
  it('normal moments lie within 5 standard errors of 0, 1, 0, 0', () => {
    const rows = momentTable().filter((r) => r.name.startsWith('normal'));
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(Math.abs(r.z), r.name).toBeLessThan(Z_BOUND);
    }
  });

  it('normal passes a 37-bin chi-square test against the density', () => {
    const c = normalChiSquare();
    expect(c.dof).toBe(36);
    expect(Math.abs(c.z)).toBeLessThan(Z_BOUND);
  });

  it('normal(3, 2) has mean 3 and std 2 within 5 standard errors', () => {
    const n = 40_000;
    const m = moments(createRng(13).normalArray(n, 3, 2));
    expect(Math.abs(m.mean - 3) / (2 / Math.sqrt(n))).toBeLessThan(Z_BOUND);
    const seVar = 4 * Math.sqrt(2 / n);
    expect(Math.abs(m.variance - 4) / seVar).toBeLessThan(Z_BOUND);
  });

  it('normalArray and uniformArray equal repeated single draws', () => {
    const a = createRng(14);
    const b = createRng(14);
    const za = a.normalArray(7, 1, 3);
    const ua = a.uniformArray(5, -2, 2);
    const zb = Array.from({ length: 7 }, () => b.normal(1, 3));
    const ub = Array.from({ length: 5 }, () => b.uniform(-2, 2));
    expect(Array.from(za)).toEqual(zb);
    expect(Array.from(ua)).toEqual(ub);
  });

  it('P(-1 <= Z < 1) by Simpson matches erf(1/sqrt 2) to 1e-9', () => {
    // erf(1/sqrt(2)) = 0.6826894921370859 (Abramowitz & Stegun 26.2)
    expect(normalProbability(-1, 1)).toBeCloseTo(0.6826894921370859, 9);
  });
});

describe('int and shuffle', () => {
  it('int(lo, hi) stays in [lo, hi) for arbitrary ranges', () => {
    const rng = createRng(15);
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 32 }),
        (lo, n) => {
          const k = rng.int(lo, lo + n);
          expect(Number.isInteger(k) && k >= lo && k < lo + n).toBe(true);
        },
      ),
      { seed: 15, numRuns: 2000 },
    );
  });

  it('int(0, 7) takes every value in 0..6', () => {
    const rng = createRng(16);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(0, 7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('int has no modulo bias: thirds of [0, 3*2^30) are equally likely', () => {
    const c = thirdsChiSquare((rng, n) => rng.int(0, n));
    expect(Math.abs(c.z)).toBeLessThan(Z_BOUND);
  });

  it('the same chi-square test catches the bias of x mod n', () => {
    expect(thirdsChiSquare(moduloInt).z).toBeGreaterThan(Z_BOUND);
  });

  it('shuffle permutes in place and returns the same array', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = createRng(17).shuffle(items);
    expect(out).toBe(items);
    expect([...out].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect(out).not.toEqual([...out].sort((a, b) => a - b));
  });

  it('shuffle makes all 6 orders of 3 items equally likely', () => {
    const c = shuffleChiSquare((rng, items) => rng.shuffle(items));
    expect(Math.abs(c.z)).toBeLessThan(Z_BOUND);
  });

  it('the same chi-square test catches the naive shuffle', () => {
    expect(shuffleChiSquare(naiveShuffle).z).toBeGreaterThan(Z_BOUND);
  });
});

/** Trial division; fine for q < 2^53 with sqrt(q) below 10^7. */
function isPrime(q: number): boolean {
  if (q < 2 || q % 2 === 0) return q === 2;
  for (let d = 3; d * d <= q; d += 2) if (q % d === 0) return false;
  return true;
}

describe('period, jump and split', () => {
  it('χ(x) is primitive, so every nonzero state has period 2^128 - 1', () => {
    // 2^128 - 1 = F0 F1 ... F6 (Fermat numbers), in primes:
    const primes = [3, 5, 17, 257, 641, 65537, 274177, 6700417,
      67280421310721];
    const order = (1n << 128n) - 1n;
    expect(primes.reduce((a, q) => a * BigInt(q), 1n)).toBe(order);
    for (const q of primes) expect(isPrime(q), String(q)).toBe(true);
    // x has order exactly 2^128 - 1 modulo χ(x)
    expect(xPowMod(order)).toBe(1n);
    for (const q of primes) expect(xPowMod(order / BigInt(q))).not.toBe(1n);
  });

  it('χ(x) annihilates the transition: χ(T)s = 0 (Cayley–Hamilton)', () => {
    const s = createRng(18).getState();
    const acc = new Uint32Array(4);
    for (let i = 0n; i <= 128n; i++) {
      if ((CHI >> i) & 1n) for (let w = 0; w < 4; w++) acc[w] ^= s[w];
      xoshiroNext(s);
    }
    expect(Array.from(acc)).toEqual([0, 0, 0, 0]);
  });

  it('the published jump constants are x^(2^64), x^(2^96) mod χ(x)', () => {
    expect(toWords(xPowMod(1n << 64n))).toEqual(JUMP_2_64);
    expect(toWords(xPowMod(1n << 96n))).toEqual(JUMP_2_96);
  });

  it('jumpState with x^1000 mod χ(x) equals 1000 steps', () => {
    const stepped = createRng(19).getState();
    for (let i = 0; i < 1000; i++) xoshiroNext(stepped);
    const jumped = createRng(19).getState();
    jumpState(jumped, toWords(xPowMod(1000n)));
    expect(jumped).toEqual(stepped);
  });

  it('the jump from state (1, 2, 3, 4) matches the reference C code', () => {
    // Cross-check, not a published vector: jump() of
    // xoshiro128starstar.c compiled with gcc, then five next() calls.
    const s = Uint32Array.of(1, 2, 3, 4);
    jumpState(s, JUMP_2_64);
    expect(Array.from(s)).toEqual([
      2843103750, 2038079848, 1533207345, 44816753,
    ]);
    expect(take(new Rng(s), 5)).toEqual([
      1194304935, 745561276, 25819468, 3320478005, 3046317961,
    ]);
  });

  it('a root hands its child its position and jumps 2^96 ahead', () => {
    const rng = createRng(20);
    rng.normal(); // draws before a split are fine
    const before = rng.getState();
    const child = rng.split();
    expect(child.getState()).toEqual(before);
    jumpState(before, JUMP_2_96);
    expect(rng.getState()).toEqual(before);
  });

  it('a child hands its own children blocks of 2^64 draws', () => {
    const child = createRng(21).split();
    const before = child.getState();
    const grandchild = child.split();
    expect(grandchild.getState()).toEqual(before);
    jumpState(before, JUMP_2_64);
    expect(child.getState()).toEqual(before);
  });

  it('a stream two splits from its root refuses to split', () => {
    const grandchild = createRng(22).split().split();
    expect(() => grandchild.split()).toThrow(/Rng.split: .* two splits/);
  });

  it('parent and child streams are uncorrelated (|z| < 5)', () => {
    const n = 20_000;
    const parent = createRng(23);
    const child = parent.split();
    const x = parent.normalArray(n);
    const y = child.normalArray(n);
    let r = 0;
    for (let i = 0; i < n; i++) r += (x[i] * y[i]) / n;
    expect(Math.abs(r) * Math.sqrt(n)).toBeLessThan(Z_BOUND); // SE 1/sqrt n
  });
});

describe('the generator rejects bad input', () => {
  it('createRng rejects non-integer, negative, too large, NaN seeds', () => {
    for (const seed of [1.5, -1, 2 ** 53, NaN, Infinity]) {
      expect(() => createRng(seed)).toThrow(
        /createRng: seed must be an integer in \[0, 2\^53\)/,
      );
    }
  });

  it('uniform and normal reject non-finite input, lo >= hi, std < 0', () => {
    const rng = createRng(23);
    expect(() => rng.uniform(1, 1)).toThrow(/Rng.uniform: expected lo < hi/);
    expect(() => rng.uniform(2, 1)).toThrow(/Rng.uniform: expected lo < hi/);
    expect(() => rng.uniform(NaN, 1)).toThrow(/Rng.uniform: lo must be/);
    expect(() => rng.uniform(0, Infinity)).toThrow(/Rng.uniform: hi/);
    expect(() => rng.uniform(-1e308, 1e308)).toThrow(/hi - lo must be/);
    expect(() => rng.normal(NaN)).toThrow(/Rng.normal: mean must be/);
    expect(() => rng.normal(0, -1)).toThrow(/Rng.normal: std must be >= 0/);
  });

  it('int rejects non-integers, lo >= hi and ranges above 2^32', () => {
    const rng = createRng(24);
    expect(() => rng.int(0.5, 3)).toThrow(/Rng.int: lo and hi must be/);
    expect(() => rng.int(0, NaN)).toThrow(/Rng.int: lo and hi must be/);
    expect(() => rng.int(3, 3)).toThrow(/Rng.int: expected 0 < hi - lo/);
    expect(() => rng.int(0, 2 ** 32 + 1)).toThrow(/<= 2\^32/);
  });

  it('array helpers and shuffle reject bad sizes and non-arrays', () => {
    const rng = createRng(25);
    expect(() => rng.normalArray(-1)).toThrow(/Rng.normalArray: n must/);
    expect(() => rng.uniformArray(2.5)).toThrow(/Rng.uniformArray: n must/);
    const notArray = 'abc' as unknown as string[];
    expect(() => rng.shuffle(notArray)).toThrow(/Rng.shuffle: expected/);
  });

  it('the low-level steps reject states of the wrong size', () => {
    expect(() => splitmix64(-1n)).toThrow(/splitmix64: state must be/);
    expect(() => splitmix64(1n << 64n)).toThrow(/splitmix64: state/);
    expect(() => xoshiroNext(new Uint32Array(3))).toThrow(
      /xoshiroNext: expected 4 state words, got 3/,
    );
    expect(() => jumpState(new Uint32Array(4), new Uint32Array(2))).toThrow(
      /jumpState: expected 4 state and 4 polynomial words, got 4 and 2/,
    );
  });

  it('Rng rejects states of the wrong length or with bad words', () => {
    expect(() => new Rng([1, 2, 3])).toThrow(/Rng: state must be 4/);
    expect(() => new Rng([1, 2, 3, 2 ** 32])).toThrow(/Rng: state/);
    expect(() => new Rng([1, 2, 3, -1])).toThrow(/Rng: state/);
    expect(() => new Rng([1, 2, 3, 0.5])).toThrow(/Rng: state/);
  });
});

describe('relative error and all-close comparison', () => {
  it('relativeError is |a - e| / |e|, Infinity when only e is 0', () => {
    expect(relativeError(1.5, 2)).toBe(0.25);
    expect(relativeError(-3, -2)).toBe(0.5);
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1e-300, 0)).toBe(Infinity);
  });

  it('allClose accepts exactly atol + rtol |e| and rejects beyond', () => {
    const tol = { rtol: 0.25, atol: 0.5 }; // allowance at e = 2: 1
    expect(allClose(3, 2, tol)).toBe(true);
    expect(allClose([2, 1], [2, 2], tol)).toBe(true);
    expect(allClose(3.0000001, 2, tol)).toBe(false);
    expect(allClose(1e-12, 0)).toBe(true); // default atol 1e-12
    expect(allClose(1 + 2e-9, 1)).toBe(false); // default rtol 1e-9
  });

  it('assertAllClose names the worst index, both values and tolerance', () => {
    const run = () =>
      assertAllClose([1, 2.1, 3.5], [1, 2, 3], { rtol: 0.01 }, 'weights');
    expect(run).toThrow(
      /weights differ at index 2: actual 3\.5, expected 3, .*rtol 0\.01/,
    );
    expect(() => assertAllClose([1, 2], [1, 2])).not.toThrow();
  });

  it('comparisons reject NaN, Infinity, shape mismatches, bad tolerances', () => {
    expect(() => allClose([1, NaN], [1, 1])).toThrow(
      /allClose: actual\[1\] must be a finite number/,
    );
    expect(() => allClose(1, Infinity)).toThrow(/allClose: expected\[0\]/);
    expect(() => allClose([1, 2], [1, 2, 3])).toThrow(
      /allClose: shapes differ: actual length 2, expected length 3/,
    );
    expect(() => allClose(1, [1])).toThrow(/shapes differ: actual a num/);
    expect(() => allClose(1, 1, { rtol: -1 })).toThrow(/rtol must be/);
    expect(() => assertAllClose(1, 1, { atol: NaN })).toThrow(
      /assertAllClose: atol must be finite/,
    );
  });
});

// f(x) = sum_i sin(x_i) x_{i+1} + log(1 + |x|^2), a function with
// non-trivial coupling between coordinates, and its exact gradient.
function f(x: Float64Array): number {
  let s = 0;
  let sq = 0;
  for (let i = 0; i < x.length; i++) {
    if (i + 1 < x.length) s += Math.sin(x[i]) * x[i + 1];
    sq += x[i] * x[i];
  }
  return s + Math.log(1 + sq);
}

function gradF(x: Float64Array): Float64Array {
  const n = x.length;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += x[i] * x[i];
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i + 1 < n) g[i] += Math.cos(x[i]) * x[i + 1];
    if (i > 0) g[i] += Math.sin(x[i - 1]);
    g[i] += (2 * x[i]) / (1 + sq);
  }
  return g;
}

const x0 = createRng(26).normalArray(6);

describe('finite differences and gradient checks', () => {
  it('numericalGradient matches an exact gradient and leaves x alone', () => {
    const x = x0.slice();
    const g = numericalGradient(f, x);
    expect(x).toEqual(x0);
    assertAllClose(g, gradF(x0), { rtol: 1e-8, atol: 1e-9 }, 'gradient');
  });

  it('gradientCheck passes for a correct gradient', () => {
    const res = gradientCheck(f, gradF, x0);
    expect(res.ok).toBe(true);
    expect(res.maxError).toBeLessThan(1);
    expect(res.analytic).toEqual(gradF(x0));
  });

  it('gradientCheck fails for a wrong gradient and names the component', () => {
    // the classic slip: d/dx log(1 + |x|^2) without the factor 2
    const wrong = (x: Float64Array) => {
      const g = gradF(x);
      const sq = x.reduce((s, v) => s + v * v, 0);
      g[3] -= x[3] / (1 + sq);
      return g;
    };
    const res = gradientCheck(f, wrong, x0);
    expect(res.ok).toBe(false);
    expect(res.index).toBe(3);
    expect(res.maxError).toBeGreaterThan(1000);
  });

  it('gradientCheck catches a relative error of 1e-4 in one component', () => {
    const slightlyWrong = (x: Float64Array) => {
      const g = gradF(x);
      g[1] *= 1 + 1e-4;
      return g;
    };
    const res = gradientCheck(f, slightlyWrong, x0);
    expect(res.ok).toBe(false);
    expect(res.index).toBe(1);
  });

  it('numericalGradient and gradientCheck reject bad input', () => {
    const bad = Float64Array.of(1, NaN);
    expect(() => numericalGradient(f, bad)).toThrow(
      /numericalGradient: x\[1\] must be a finite number/,
    );
    expect(() => numericalGradient(f, x0, 0)).toThrow(/h must be finite/);
    expect(() => numericalGradient(() => NaN, x0)).toThrow(
      /numericalGradient: f\(x\) with x\[0\] = .* must be a finite/,
    );
    const short = () => new Float64Array(2);
    expect(() => gradientCheck(f, short, x0)).toThrow(
      /gradientCheck: grad\(x\) has length 2, x has 6/,
    );
  });
});

describe('the step-size trade-off, measured', () => {
  const sweep = stepSweep();

  it('the best central step lies within a factor 4 of Eq. (fd-optimal-h)', () => {
    // exp: |f| = |f'''|, so h* = (3 eps)^(1/3). A factor 4 in h allows
    // the real round-off to be 4^3 = 64 times below the bound eps |f|.
    const ratio = bestStep(sweep.h, sweep.central) / optimalCentralStep(1, 1);
    expect(ratio).toBeGreaterThan(1 / 4);
    expect(ratio).toBeLessThan(4);
  });

  it('the best forward step lies within a factor 4 of its optimum', () => {
    const ratio = bestStep(sweep.h, sweep.forward) / optimalForwardStep(1, 1);
    expect(ratio).toBeGreaterThan(1 / 4);
    expect(ratio).toBeLessThan(4);
  });

  it('forward-difference error has slope 1 in the truncation regime', () => {
    const s = logLogSlope(sweep.h, sweep.forward, 1e-6, 1e-2);
    expect(Math.abs(s - 1)).toBeLessThan(0.05);
  });

  it('central-difference error has slope 2 in the truncation regime', () => {
    const s = logLogSlope(sweep.h, sweep.central, 1e-4, 1e-1);
    expect(Math.abs(s - 2)).toBeLessThan(0.05);
  });

  it('round-off error grows like 1/h: slope -1 for small h', () => {
    const s = logLogSlope(sweep.h, sweep.central, 1e-12, 1e-8);
    expect(Math.abs(s + 1)).toBeLessThan(0.2);
  });
});

describe('the statistics helpers', () => {
  it('moments matches a hand computation on 1, 2, 3, 4', () => {
    const m = moments([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.variance).toBeCloseTo(5 / 3, 14);
    expect(m.skewness).toBeCloseTo(0, 14);
    // m2 = 1.25, m4 = (2*5.0625 + 2*0.0625)/4 = 2.5625
    expect(m.kurtosis).toBeCloseTo(2.5625 / 1.5625 - 3, 14);
  });

  it('chiSquare matches a hand computation', () => {
    const c = chiSquare([10, 20, 30], [1 / 3, 1 / 3, 1 / 3]);
    expect(c.statistic).toBeCloseTo(10, 12); // (100 + 0 + 100) / 20
    expect(c.dof).toBe(2);
    const k = 2 / 9 / 2;
    expect(c.z).toBeCloseTo((Math.cbrt(5) - 1 + k) / Math.sqrt(k), 12);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it('the shared input checks (code/introduction/checks.ts)', () => {
    rejectsBadInput(badInput.shared);
  });

  it('relativeError, allClose and assertAllClose', () => {
    rejectsBadInput(badInput.checks);
  });

  it('the differences, their optimal steps and the gradient check', () => {
    rejectsBadInput(badInput.differences);
  });

  it('the experiments behind the prose and figures, and the solutions', () => {
    rejectsBadInput(badInput.experiments);
  });

  it('the generator: createRng, Rng, its building blocks and GF(2)', () => {
    rejectsBadInput(badInput.random);
  });

  it('moments, histogram, chi-square and the normal bins', () => {
    rejectsBadInput(badInput.stats);
  });
});

describe('review', () => {
  // Eq. (rng-affine) far from zero: on [1e15, 1e15 + 1) the doubles are
  // 1/8 apart, so lo + u rounds up to hi whenever u > 1 - 1/16.
  const far = roundUpRate(1e15, 1e15 + 1);

  it('uniform(1e15, 1e15 + 1) never returns hi', () => {
    const rng = createRng(21);
    let worst = -Infinity;
    for (let t = 0; t < 100_000; t++) {
      worst = Math.max(worst, rng.uniform(1e15, 1e15 + 1));
    }
    expect(worst).toBeLessThan(1e15 + 1);
  });

  it('on [1e15, 1e15 + 1) one draw in 16 rounds up to hi (within 5 SE)', () => {
    const p = 1 / 16;
    const se = Math.sqrt((p * (1 - p)) / far.draws);
    expect(Math.abs(far.rate - p) / se).toBeLessThan(Z_BOUND);
  });

  it('on [1e15, 1e15 + 1) the accepted draws take only 8 values', () => {
    expect(far.distinct).toBe(8);
  });

  it('on [1, 2) and [-1, 1) no draw rounds up (rate at most ~2^-53)', () => {
    expect(roundUpRate(1, 2).rate).toBe(0);
    expect(roundUpRate(-1, 1).rate).toBe(0);
  });

  it('DEFAULT_TOLERANCE asks for 9 of 16 digits', () => {
    expect(-Math.log10(DEFAULT_TOLERANCE.rtol)).toBeCloseTo(9, 12);
  });

  it('the gradient tolerances lie far above Eq. (fd-total) at h*', () => {
    const bound = DEFAULT_STEP ** 2 / 6 + Number.EPSILON / DEFAULT_STEP;
    expect(GRADIENT_TOLERANCE.atol / bound).toBeGreaterThan(100);
    expect(GRADIENT_TOLERANCE.rtol / bound).toBeGreaterThan(1e4);
  });

  /** Share of n seeded x in ±[lo, hi) for which (x + h) - (x - h),
   * formed from the two stored arguments, is not exact. */
  function inexactShare(lo: number, hi: number, n = 20_000): number {
    const rng = createRng(22);
    const h = DEFAULT_STEP;
    let inexact = 0;
    for (let t = 0; t < n; t++) {
      const x = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(lo, hi);
      const a = x + h;
      const b = -(x - h);
      // TwoSum (Knuth): err is the rounding error of a + b, exactly
      const s = a + b;
      const bv = s - a;
      const err = (a - (s - bv)) + (b - bv);
      if (err !== 0) inexact++;
    }
    return inexact / n;
  }

  it('(x + h) - (x - h) is exact for |x| >= 3h (Sterbenz)', () => {
    const h = DEFAULT_STEP;
    expect(inexactShare(3 * h, 4 * h)).toBe(0);
    expect(inexactShare(4 * h, 100)).toBe(0);
  });

  it('(x + h) - (x - h) is not always exact for |x| < 3h', () => {
    expect(inexactShare(0, DEFAULT_STEP)).toBeGreaterThan(0.1);
  });

  it('Exercise: the 27 paths of naiveShuffle give orders 4,5,5,5,4,4 times', () => {
    expect([...naivePathCounts(3).values()]).toEqual([4, 5, 5, 5, 4, 4]);
  });

  it('Exercise: the naive shuffle statistic is within 5 SD of its mean', () => {
    const { mean, sd } = naiveStatistic(30_000);
    expect(mean).toBeCloseTo(375.4, 1);
    const x2 = shuffleChiSquare(naiveShuffle).statistic;
    expect(Math.abs(x2 - mean) / sd).toBeLessThan(Z_BOUND);
  });

  it('Exercise: two jumps of 2^64 equal one jump of 2^65', () => {
    const { twice, once } = jumpTwice(23);
    expect(Array.from(twice)).toEqual(Array.from(once));
  });

  it('Exercise: in single precision the best central h is near (3 eps)^(1/3)', () => {
    const s = stepSweep32();
    const ratio = bestStep(s.h, s.central) / Math.cbrt(3 * 2 ** -23);
    expect(ratio).toBeGreaterThan(1 / 4);
    expect(ratio).toBeLessThan(4);
  });

  it('Exercise: in single precision round-off still has slope -1', () => {
    const s = stepSweep32();
    const slope = logLogSlope(s.h, s.central, 1e-7, 1e-4);
    expect(Math.abs(slope + 1)).toBeLessThan(0.2);
  });
});

// Tests that kill mutants the chapter's other tests let through
// (`npm run mutate -- introduction`; see tests/mutation/).
describe('mutation gaps', () => {
  it('mulMod takes any b >= 0: 1 * x^200 is x^200 mod chi', () => {
    expect(mulMod(1n, 1n << 200n)).toBe(xPowMod(200n));
    expect(mulMod(1n << 127n, 2n)).toBe(CHI ^ (1n << 128n)); // x^128
  });

  it('the GF(2) functions refuse polynomials of degree >= 128 and k < 0', () => {
    const big = 1n << 128n;
    expect(() => mulMod(big, 1n)).toThrow(
      `mulMod: a must be a bigint in [0, 2^128), got ${big}`);
    expect(() => mulMod(1n, -1n)).toThrow(
      'mulMod: b must be a bigint >= 0, got -1');
    expect(() => toWords(big)).toThrow(
      `toWords: poly must be a bigint in [0, 2^128), got ${big}`);
    expect(() => xPowMod(-1n)).toThrow(
      'xPowMod: k must be a bigint >= 0, got -1');
    expect(toWords(big - 1n)).toEqual(Uint32Array.of(
      0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));
  });

  it('roundUpRate refuses an empty interval', () => {
    expect(() => roundUpRate(1, 1)).toThrow(
      'roundUpRate: expected lo < hi, got 1 and 1');
  });

  it('the shared checks accept the ends of their ranges', () => {
    expect(() => {
      requirePositive('f', 'x', Number.MIN_VALUE);
      requireProbability('f', 'p', 0);
      requireProbability('f', 'p', 1);
      requireFiniteArray('f', 'xs', [1, 2], 2);
      requireProbabilities('f', 'p', [1, 0]);
      requireProbabilities('f', 'p', [0.5, 0.5 + 5e-10]); // within 1e-9
      requireIndex('f', 'k', 2, 3);
      requireIndex('f', 'k', 0);
      requireIndex('f', 'k', 1e6); // n = 0: no upper end
      requireInteger('f', 'n', 1, 1);
      requireInteger('f', 'n', 5, 1, 5);
      requireInteger('f', 'n', 0);
      requireBetween('f', 'x', 0, 0, 1);
      requireBetween('f', 'x', 1, 0, 1);
      requirePaired('f', { x: [1, 2], y: [3, 4], z: [5, 6] });
    }).not.toThrow();
  });

  it('the shared checks refuse just past their ends, with a full message', () => {
    const cases: [() => void, string][] = [
      [() => requireFinite('f', 'x', '1' as never),
        'f: x must be a finite number, got 1'],
      [() => requirePositive('f', 'x', 0), 'f: x must be > 0, got 0'],
      [() => requireProbability('f', 'p', -1e-9),
        'f: p must be in [0, 1], got -1e-9'],
      [() => requireProbability('f', 'p', 1 + 1e-9),
        'f: p must be in [0, 1], got 1.000000001'],
      [() => requireFiniteArray('f', 'xs', null as never),
        'f: xs must be an array, got null'],
      [() => requireFiniteArray('f', 'xs', []),
        'f: xs must be non-empty, got length 0'],
      [() => requireFiniteArray('f', 'xs', [1], 2),
        'f: xs needs at least 2 values, got 1'],
      [() => requireFiniteArray('f', 'xs', [1, '2' as never]),
        'f: xs must hold finite numbers, got xs[1] = 2'],
      [() => requireProbabilities('f', 'p', [0.5, 1.5]),
        'f: p[1] must be in [0, 1], got 1.5'],
      [() => requireProbabilities('f', 'p', [-0.5, 1]),
        'f: p[0] must be in [0, 1], got -0.5'],
      // 2^-28 = 3.7e-9 > 1e-9, and the sums are exact
      [() => requireProbabilities('f', 'p', [0.5, 0.5 + 2 ** -28]),
        `f: p must sum to 1, got sum ${1 + 2 ** -28}`],
      [() => requireProbabilities('f', 'p', [0.5, 0.5 - 2 ** -28]),
        `f: p must sum to 1, got sum ${1 - 2 ** -28}`],
      [() => requireIndex('f', 'k', 3, 3),
        'f: k must be an integer in [0, 3), got 3'],
      [() => requireIndex('f', 'k', -1),
        'f: k must be an integer in [0, infinity), got -1'],
      [() => requireIndex('f', 'k', 0.5, 3),
        'f: k must be an integer in [0, 3), got 0.5'],
      [() => requireInteger('f', 'n', 0, 1),
        'f: n must be an integer >= 1, got 0'],
      [() => requireInteger('f', 'n', 6, 1, 5),
        'f: n must be an integer in [1, 5], got 6'],
      [() => requireInteger('f', 'n', 2 ** 53),
        'f: n must be an integer >= 0, got 9007199254740992'],
      [() => requireBetween('f', 'x', 1.5, 0, 1),
        'f: x must be in [0, 1], got 1.5'],
      [() => requireBetween('f', 'x', -0.5, 0, 1),
        'f: x must be in [0, 1], got -0.5'],
      [() => requireInterval('f', 1, 1), 'f: expected lo < hi, got 1 and 1'],
      [() => requireInterval('f', 2, 1, ['a', 'b']),
        'f: expected a < b, got 2 and 1'],
      [() => requireInterval('f', NaN, 1, ['a', 'b']),
        'f: a must be a finite number, got NaN'],
      [() => requireInterval('f', 0, NaN, ['a', 'b']),
        'f: b must be a finite number, got NaN'],
      [() => requirePaired('f', { x: [1], y: [2], z: [3, 4] }),
        'f: expected x and z of one length, got 1 and 2'],
      [() => requireFunction('f', 'g', 1), 'f: g must be a function, got number'],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(new Error(message));
    }
  });

  it('calledAs prefixes an inner error once, and passes results through', () => {
    expect(calledAs('f', () => 7)).toBe(7);
    expect(() => calledAs('f', () => {
      throw new Error('g: bad');
    })).toThrow(new Error('f: g: bad'));
    expect(() => calledAs('f', () => {
      throw new Error('f: bad');
    })).toThrow(new Error('f: bad'));
    expect(() => calledAs('f', () => {
      throw new Error('fx: bad');
    })).toThrow(new Error('f: fx: bad'));
    const odd = { message: 'g: not an Error' };
    expect(() => calledAs('f', () => {
      throw odd;
    })).toThrow(expect.objectContaining({ message: 'g: not an Error' }));
  });

  it('the checking functions of check.ts give their errors in full', () => {
    expect(() => assertAllClose([1, 2.1, 3.5], [1, 2, 3], { rtol: 0.01 },
      'weights')).toThrow(new Error('assertAllClose: weights differ at ' +
      'index 2: actual 3.5, expected 3, |diff| 0.5 > atol + ' +
      'rtol*|expected| (rtol 0.01, atol 1e-12)'));
    const sq = (x: Float64Array) => x[0] * x[0];
    const cases: [() => unknown, string | RegExp][] = [
      [() => relativeError(1, 0 / 0),
        'relativeError: expected must be a finite number, got NaN'],
      [() => allClose('a' as never, 1),
        'allClose: actual must be a number or an array'],
      [() => forwardDifference(Math.exp, 1, 1e-20),
        'forwardDifference: h = 1e-20 does not move x = 1'],
      [() => centralDifference(Math.exp, 1, 0),
        'centralDifference: h = 0 does not move x = 1'],
      [() => centralDifference(1 as never, 1, 0.1),
        'centralDifference: f must be a function, got number'],
      [() => numericalGradient(sq, new Float64Array(0)),
        'numericalGradient: x must be a non-empty array, got '],
      [() => numericalGradient(sq, Float64Array.of(1), 0),
        'numericalGradient: h must be finite and > 0, got 0'],
      [() => numericalGradient(() => NaN, Float64Array.of(1)),
        /^numericalGradient: f\(x\) with x\[0\] = 1\.00000\d+ must be a finite number, got NaN$/],
      [() => gradientCheck(sq, () => Float64Array.of(1, 2), Float64Array.of(1)),
        'gradientCheck: grad(x) has length 2, x has 1'],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(typeof message === 'string' ? new Error(message)
        : message);
    }
  });

  it('gradientCheck names the wrong component of a gradient', () => {
    // f = x0^2 + 3 x1 at (1, 2), grad claimed (2 x0, 3.5): component 1
    // is off by 0.5 against an allowance of 1e-8 + 1e-6 * 3
    const f2 = (x: Float64Array) => x[0] * x[0] + 3 * x[1];
    const r = gradientCheck(f2, (x) => Float64Array.of(2 * x[0], 3.5),
      Float64Array.of(1, 2));
    expect(r.ok).toBe(false);
    expect(r.index).toBe(1);
    expect(r.maxError).toBeCloseTo(0.5 / (1e-8 + 3e-6), -1);
    expect(Array.from(r.analytic)).toEqual([2, 3.5]);
    // central differences are exact on a quadratic, up to rounding
    assertAllClose(r.numeric, [2, 3], { rtol: 1e-9, atol: 0 });
    const good = gradientCheck(f2, (x) => Float64Array.of(2 * x[0], 3),
      Float64Array.of(1, 2));
    expect(good.ok).toBe(true);
    expect(good.maxError).toBeLessThan(1e-3);
  });

  it('Rng accepts the ends of its ranges: width 2^32, std 0, n 0, seed 0', () => {
    const rng = createRng(0);
    const x = rng.int(0, 2 ** 32);
    expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    expect(() => rng.int(0, 2 ** 32 + 1)).toThrow(new Error(
      'Rng.int: expected 0 < hi - lo <= 2^32, got lo=0, hi=4294967297'));
    expect(rng.normal(5, 0)).toBe(5);
    expect(rng.normalArray(0)).toEqual(new Float64Array(0));
    expect(rng.uniformArray(0)).toEqual(new Float64Array(0));
    expect(() => rng.normal(0, -1)).toThrow(new Error(
      'Rng.normal: std must be >= 0, got -1'));
    expect(() => rng.normalArray(-1)).toThrow(new Error(
      'Rng.normalArray: n must be an integer >= 0, got -1'));
    expect(() => rng.uniform(1, 1)).toThrow(new Error(
      'Rng.uniform: expected lo < hi, got lo=1, hi=1'));
    expect(() => createRng(-1)).toThrow(new Error(
      'createRng: seed must be an integer in [0, 2^53), got -1'));
    const top = new Rng([2 ** 32 - 1, 0, 0, 0]);
    expect(top.getState()).toEqual(Uint32Array.of(2 ** 32 - 1, 0, 0, 0));
  });

  it('histogram: bin k holds [lo + k w, lo + (k+1) w); lo is in, hi out', () => {
    expect(histogram([0, 0.5, 0.75, 0.999, 1, -0.1], 0, 1, 2))
      .toEqual([1, 3]);
    expect(histogram([], 0, 1, 3)).toEqual([0, 0, 0]);
    expect(histogram([2.5], 2, 3, 1)).toEqual([1]);
    expect(() => histogram([0.5], 0, 1, 0)).toThrow(new Error(
      'histogram: need lo < hi and an integer bins >= 1, got lo=0, ' +
        'hi=1, bins=0'));
    expect(() => histogram(7 as never, 0, 1, 2)).toThrow(new Error(
      'histogram: xs must be an array, got number'));
  });

  it('moments of (1, 2, 4): mean 7/3, variance 7/3, skewness by hand', () => {
    // deviations -4/3, -1/3, 5/3: m2 = 14/9, m3 = 20/27, m4 = 882/243
    const m = moments([1, 2, 4]);
    expect(m.n).toBe(3);
    expect(m.mean).toBeCloseTo(7 / 3, 15);
    expect(m.variance).toBeCloseTo(7 / 3, 14);
    expect(m.skewness).toBeCloseTo((20 / 27) / (14 / 9) ** 1.5, 14);
    expect(m.kurtosis).toBeCloseTo((882 / 243) / (14 / 9) ** 2 - 3, 14);
    expect(() => moments([1])).toThrow(new Error(
      'moments: need n >= 2 values, got 1'));
  });

  it('normalDensity is exp(-x^2/2) / sqrt(2 pi); chiSquare needs p > 0', () => {
    expect(normalDensity(0)).toBe(1 / Math.sqrt(2 * Math.PI));
    expect(normalDensity(2)).toBeCloseTo(0.05399096651318806, 16);
    expect(() => chiSquare([1, 2], [1, 0])).toThrow(new Error(
      'chiSquare: probs[1] = 0; every bin needs a probability > 0'));
    expect(() => chiSquare([1], [1])).toThrow(new Error('chiSquare: ' +
      'need >= 2 bins and as many probabilities, got 1 counts, ' +
      '1 probabilities'));
  });
  it('stepSweep in double: 97 steps 1e-13 ... 0.1, at h = 0.1 the truncation errors of exp', () => {
    const s = stepSweep();
    expect(s.h).toHaveLength(97);
    expect(s.forward).toHaveLength(97);
    expect(s.central).toHaveLength(97);
    expect(s.h[0]).toBeCloseTo(1e-13, 25);
    expect(s.h[96]).toBeCloseTo(0.1, 15);
    // exp' = exp: forward (e^h - 1)/h - 1 and central sinh(h)/h - 1 at
    // every x, so their means are these
    expect(relativeError(s.forward[96], (Math.exp(0.1) - 1) / 0.1 - 1))
      .toBeLessThan(1e-8);
    expect(relativeError(s.central[96], Math.sinh(0.1) / 0.1 - 1))
      .toBeLessThan(1e-6);
  });

  it('stepSweep32: 57 steps 1e-7 ... 1; at h = 1 the errors are e - 2 and sinh 1 - 1', () => {
    const s = stepSweep32();
    expect(s.h).toHaveLength(57);
    expect(s.forward).toHaveLength(57);
    expect(s.central).toHaveLength(57);
    expect(s.h[56]).toBe(1);
    // single precision: about 7 digits
    expect(relativeError(s.forward[56], Math.E - 2)).toBeLessThan(1e-6);
    expect(relativeError(s.central[56], Math.sinh(1) - 1)).toBeLessThan(1e-5);
  });

  it('forwardDifference of x^2 at 1 with h = 0.5 is (2.25 - 1) / 0.5 = 2.5', () => {
    expect(forwardDifference((x) => x * x, 1, 0.5)).toBe(2.5);
    expect(centralDifference((x) => x * x, 1, 0.5)).toBe(2);
  });

  it('a step h that moves x down but not up does not move x: 1 + 1e-16 = 1', () => {
    expect(() => forwardDifference(Math.exp, 1, 1e-16)).toThrow(new Error(
      'forwardDifference: h = 1e-16 does not move x = 1'));
  });

  it('the optimal steps are cbrt(3 eps |f| / |f\'\'\'|) and 2 sqrt(eps |f| / |f\'\'|)', () => {
    const eps = Number.EPSILON;
    expect(relativeError(optimalCentralStep(4, 0.5), Math.cbrt(24 * eps)))
      .toBeLessThan(1e-15);
    expect(relativeError(optimalForwardStep(4, 0.25), 8 * Math.sqrt(eps)))
      .toBeLessThan(1e-15);
  });

  it('numericalGradient evaluates f at x_i +- h max(1, |x_i|)', () => {
    const seen: number[] = [];
    const f = (x: Float64Array) => {
      seen.push(x[0]);
      return x[0];
    };
    numericalGradient(f, Float64Array.of(1000), 1e-3);
    expect(seen).toEqual([1000 + 1, 1000 - 1]);
    seen.length = 0;
    numericalGradient(f, Float64Array.of(0.5), 1e-3);
    expect(seen).toEqual([0.5 + 1e-3, 0.5 - 1e-3]);
  });

  it('allClose: empty arrays are close; exact equality passes with zero tolerances', () => {
    expect(allClose([], [])).toBe(true);
    expect(allClose([1, -2], [1, -2], { rtol: 0, atol: 0 })).toBe(true);
    expect(allClose(0, 0, { rtol: 0, atol: 0 })).toBe(true);
    // |diff| = atol exactly: allowed
    expect(() => assertAllClose(1.5, 1, { rtol: 0, atol: 0.5 })).not.toThrow();
    expect(() => assertAllClose([1], [2], { rtol: 0, atol: 0.5 })).toThrow(
      new Error('assertAllClose: values differ at index 0: actual 1, ' +
        'expected 2, |diff| 1 > atol + rtol*|expected| (rtol 0, atol 0.5)'));
  });

  it('gradientCheck reports the first worst component, and ok at maxError exactly 1', () => {
    // f = 2 x0: central differences of a doubling are exact (2, then
    // 0 along x1, where f does not change)
    const lin = (x: Float64Array) => 2 * x[0];
    const exact = gradientCheck(lin, () => Float64Array.of(2, 0),
      Float64Array.of(1, 3));
    expect(Array.from(exact.numeric)).toEqual([2, 0]);
    expect(exact.maxError).toBe(0);
    expect(exact.index).toBe(0);
    // component 0 is off, component 1 is right: index 0
    const first = gradientCheck(lin, () => Float64Array.of(2.5, 0),
      Float64Array.of(1, 3));
    expect(first.index).toBe(0);
    // off by 0.5 with atol 0.5: ratio 1, still ok
    const edge = gradientCheck(lin, () => Float64Array.of(2.5, 0),
      Float64Array.of(1, 3), { rtol: 0, atol: 0.5 });
    expect(edge.maxError).toBe(1);
    expect(edge.ok).toBe(true);
  });

  it('numericalGradient and allClose refuse a string and null in full', () => {
    const sq = (x: Float64Array) => x[0] * x[0];
    expect(() => numericalGradient(sq, 'ab' as never)).toThrow(new Error(
      'numericalGradient: x must be a non-empty array, got ab'));
    expect(() => numericalGradient(sq, null as never)).toThrow(new Error(
      'numericalGradient: x must be a non-empty array, got null'));
    expect(() => allClose(null as never, 1)).toThrow(new Error(
      'allClose: actual must be a number or an array'));
  });

  it('bestStep returns the first of equal minima', () => {
    expect(bestStep([1, 2, 3], [5, 1, 1])).toBe(2);
  });

  it('logLogSlope keeps points exactly at lo and hi: slope 1.5 on (0,0), (1,1), (2,3)', () => {
    expect(logLogSlope([1, 10, 100], [1, 10, 1000], 1, 100)).toBeCloseTo(1.5, 14);
  });

  it('logLogSlope gives its errors in full', () => {
    const h = [1, 10, 100];
    const e = [1, 10, 100];
    expect(() => logLogSlope(h, e, NaN, 1)).toThrow(new Error(
      'logLogSlope: lo must be a finite number, got NaN'));
    expect(() => logLogSlope(h, e, 10, 10)).toThrow(new Error(
      'logLogSlope: expected 0 < lo < hi, got lo=10, hi=10'));
    expect(() => logLogSlope([1, -1, 2], e, 1, 10)).toThrow(new Error(
      'logLogSlope: h must be > 0 (a log is taken), got h[1] = -1'));
    expect(() => logLogSlope(h, e, 2, 50)).toThrow(new Error(
      'logLogSlope: need two h in [lo, hi] = [2, 50], got 1'));
  });

  it('momentTable: names, standard errors sqrt(1/12n), sqrt(1/180n), ... and z', () => {
    const n = 1000;
    const t = momentTable(1, n);
    expect(t.map((r) => r.name)).toEqual(['uniform mean', 'uniform variance',
      'normal mean', 'normal variance', 'normal skewness',
      'normal excess kurtosis']);
    const se = [1 / 12 / n, 1 / 180 / n, 1 / n, 2 / n, 6 / n, 24 / n]
      .map(Math.sqrt);
    t.forEach((r, k) => {
      expect(r.se).toBeCloseTo(se[k], 15);
      expect(r.z).toBeCloseTo((r.measured - r.exact) / r.se, 12);
    });
  });

  it('moduloInt and naivePathCounts name n in their errors', () => {
    expect(() => moduloInt(createRng(1), 0)).toThrow(new Error(
      'moduloInt: n must be an integer in [1, 4294967296], got 0'));
    expect(() => naivePathCounts(11)).toThrow(new Error(
      'naivePathCounts: n must be an integer in [1, 10], got 11'));
  });

  it('thirdsChiSquare and shuffleChiSquare count exactly `trials` draws', () => {
    // all 3 draws in the first third: (3 - 1)^2 + 1 + 1 = 6
    expect(thirdsChiSquare(() => 0, 4, 3).statistic).toBeCloseTo(6, 12);
    // 6 identity shuffles, all '012': (6 - 1)^2 + 5 * 1 = 30
    expect(shuffleChiSquare((_rng, items) => items, 5, 6).statistic)
      .toBeCloseTo(30, 12);
  });

  it('roundUpRate on [1e15, 1e15 + 1): 4000 draws, 8 values, about 1/16 round up', () => {
    const r = roundUpRate(1e15, 1e15 + 1, 4000);
    expect(r.draws).toBe(4000);
    expect(r.distinct).toBe(8);
    const p = 1 / 16;
    const se = Math.sqrt((p * (1 - p)) / 4000);
    expect(Math.abs(r.rate - p) / se).toBeLessThan(Z_BOUND);
  });

  it('mulMod and toWords take the zero polynomial', () => {
    expect(mulMod(0n, 5n)).toBe(0n);
    expect(toWords(0n)).toEqual(new Uint32Array(4));
  });

  it('splitmix64 takes 2^64 - 1: the next state wraps to gamma - 1', () => {
    const [next] = splitmix64((1n << 64n) - 1n);
    expect(next).toBe(0x9e3779b97f4a7c14n);
  });

  it('Rng, uniform and split give their errors in full', () => {
    expect(() => new Rng([1, 2, 3])).toThrow(new Error(
      'Rng: state must be 4 integers in [0, 2^32), got [1, 2, 3]'));
    expect(() => createRng(1).uniform(-1e308, 1e308)).toThrow(new Error(
      'Rng.uniform: hi - lo must be a finite number, got Infinity'));
    const grandchild = createRng(2).split().split();
    expect(() => grandchild.split()).toThrow(new Error(
      'Rng.split: this stream is two splits from its root; splitting ' +
        'it would overlap its siblings. Split an ancestor instead.'));
  });

  it('normal gives r cos(theta), then r sin(theta), from one pair of uniforms', () => {
    const rng = createRng(30);
    const twin = createRng(30);
    const u1 = twin.uniform();
    const u2 = twin.uniform();
    const r = Math.sqrt(-2 * Math.log(1 - u1));
    const theta = 2 * Math.PI * u2;
    expect(rng.normal(3, 2)).toBe(3 + 2 * r * Math.cos(theta));
    expect(rng.normal(3, 2)).toBe(3 + 2 * (r * Math.sin(theta)));
    expect(rng.getState()).toEqual(twin.getState());
  });

  it('int rejects a draw equal to its limit: 2^32 - 1 for a width of 3', () => {
    const rng = new Rng(maxOutputState());
    const twin = new Rng(maxOutputState());
    twin.nextUint32(); // 2^32 - 1, rejected
    twin.nextUint32(); // 2^32 - 1, rejected
    const x = twin.nextUint32();
    expect(rng.int(0, 3)).toBe(x % 3);
    expect(rng.getState()).toEqual(twin.getState());
  });

  it('shuffle, normalArray and uniformArray draw no more than they need', () => {
    const rng = createRng(31);
    const twin = createRng(31);
    rng.shuffle([0, 1, 2]);
    twin.int(0, 3);
    twin.int(0, 2);
    expect(rng.getState()).toEqual(twin.getState());
    rng.uniformArray(3);
    for (let i = 0; i < 3; i++) twin.uniform();
    expect(rng.getState()).toEqual(twin.getState());
    rng.normalArray(3); // the third leaves a spare for the next call
    for (let i = 0; i < 3; i++) twin.normal();
    expect(rng.normal()).toBe(twin.normal());
  });

  it('naivePathCounts keys are the six orders; naiveStatistic sd is sqrt(2(nu + 2 lambda))', () => {
    expect([...naivePathCounts(3).keys()]).toEqual(
      ['012', '021', '102', '120', '201', '210']);
    // counts 4, 5, 5, 5, 4, 4: sum (c/27 - 1/6)^2 / (1/6) = 1/81, so
    // 162 trials give lambda = 2: mean 5 + 2, sd sqrt(2 (5 + 4))
    const s = naiveStatistic(162);
    expect(s.mean).toBeCloseTo(7, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(18), 12);
  });

  it('moments takes n = 2; histogram and normalProbability give errors in full', () => {
    const m = moments([1, 2]);
    expect(m.mean).toBe(1.5);
    expect(m.variance).toBe(0.5);
    expect(() => histogram([0.5], 1, 1, 2)).toThrow(new Error(
      'histogram: need lo < hi and an integer bins >= 1, got lo=1, ' +
        'hi=1, bins=2'));
    expect(() => normalProbability(1, 0)).toThrow(new Error(
      'normalProbability: expected a < b, got 1 and 0'));
    expect(() => chiSquare([1, 2], [0, 1])).toThrow(new Error(
      'chiSquare: probs[0] = 0; every bin needs a probability > 0'));
  });
});

