// Tests for the language-models chapter. Each `it` is one claim of the
// chapter; equation labels refer to
// chapters/neural-networks/language-models.mdx. Reference values come
// from tests/fixtures/language-models/reference.json, written by
// scripts/reference/language_models.py (Algorithm 1 of Sennrich et al.
// 2016 run as printed; torch.nn.MultiheadAttention in float64; scipy's
// chi-square quantiles).
import { describe, expect, it } from 'vitest';
import { createRng } from '../code/introduction/random.ts';
import { Tensor } from '../code/autodiff/tensor.ts';
import { elman } from '../code/recurrent-networks/cell.ts';
import { charModel, wordLosses } from '../code/recurrent-networks/charlm.ts';
import { softmaxT } from '../code/recurrent-networks/sample.ts';
import { END, VOCAB } from '../code/recurrent-networks/vocab.ts';
import { loadEnglish } from '../code/recurrent-networks/words.ts';
import {
  EOW, decodeBpe, encodeBpe, mergePair, pairCounts, trainBpe,
} from '../code/language-models/bpe.ts';
import {
  decodingDistribution, drawIndex, generate, logLikelihood, nucleus, topK,
} from '../code/language-models/sampling.ts';
import {
  fitTokenBigram, scoreTokens,
} from '../code/language-models/token-lm.ts';
import { elmanNext } from '../code/language-models/rnn-next.ts';
import { loadDictionary } from '../code/language-models/dictionary.ts';
import {
  decoder, decoderLogits, forwardMacs, type Decoder,
} from '../code/language-models/decoder.ts';
import { KVCache, cachedStep } from '../code/language-models/kv-cache.ts';
import {
  LayerCache, decoderStep,
} from '../code/language-models/tf-cache.ts';
import { Decoder as TfDecoder } from '../code/transformers/decoder.ts';
import {
  disagreements, longestMatch,
} from '../code/language-models/solutions/longest-match.ts';
import {
  keptSets,
} from '../code/language-models/solutions/temperature-order.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/language-models.ts';
import { fixture } from './helpers.ts';

const ref = fixture('language-models', 'reference.json');
const english = loadEnglish();
const repeat = (pairs: [string, number][]) =>
  pairs.flatMap(([w, c]) => Array<string>(c).fill(w));
const PAPER = repeat([['low', 5], ['lower', 2], ['newest', 6],
  ['widest', 3]]);
// BPE is greedy, so the first M merges of a longer run are the merges of
// a run of M: the tests train once, on first use, and take prefixes
// (the review block checks the prefix property)
let trained: ReturnType<typeof trainBpe> | undefined;
const mergesOf = (M: number) =>
  (trained ??= trainBpe(english.train, 400)).merges.slice(0, M);

describe('byte-pair encoding', () => {
  it('reproduces the merges of Algorithm 1 of Sennrich et al. on the ' +
    'paper\'s dictionary, counts included', () => {
    const got = trainBpe(PAPER, 10);
    expect(got.merges.map((m, i) => [m[0], m[1], got.counts[i]]))
      .toEqual(ref.bpe.paper.merges);
  });

  it('reproduces Algorithm 1 on 200 English training words, 60 merges ' +
    '(ties included)', () => {
    expect(ref.bpe.english.sha256).toBe(
      '54a1b652ed6413e5c0dfb83c95d3a4d44ea7e1ac286c5721e38ddc1b6875ad44');
    const got = trainBpe(english.train.slice(0, 200), 60);
    expect(got.merges.map((m, i) => [m[0], m[1], got.counts[i]]))
      .toEqual(ref.bpe.english.merges);
  });

  it('breaks a tie by the pair that occurs first (e s before s t, both 9)',
    () => {
      const c = pairCounts(PAPER.map((w) => ({ symbols: [...w, EOW],
        count: 1 })));
      expect(c.get('e s')).toBe(9);
      expect(c.get('s t')).toBe(9);
      expect(trainBpe(PAPER, 1).merges[0]).toEqual(['e', 's']);
      // the same counts in another order: s t now occurs first
      expect(trainBpe(repeat([['st', 9], ['es', 9]]), 1).merges[0])
        .toEqual(['s', 't']);
      expect(trainBpe(repeat([['es', 9], ['st', 9]]), 1).merges[0])
        .toEqual(['e', 's']);
    });

  it('learns Figure 1\'s merges as a set, and segments "lower" as the ' +
    'paper does: low er</w>', () => {
    const { merges } = trainBpe(['low', 'lowest', 'newer', 'wider'], 4);
    const paper: [string, string][] = [['r', EOW], ['l', 'o'], ['lo', 'w'],
      ['e', 'r' + EOW]];
    expect(encodeBpe('lower', merges)).toEqual(['low', 'er' + EOW]);
    expect(encodeBpe('lower', paper)).toEqual(['low', 'er' + EOW]);
  });

  it('counts pairs weighted by frequency, Eq. (lm-pair-count)', () => {
    const c = pairCounts([{ symbols: ['a', 'b', 'a', 'b'], count: 3 },
      { symbols: ['b', 'a'], count: 2 }]);
    expect([...c.entries()]).toEqual([['a b', 6], ['b a', 5]]);
  });

  it('merges left to right without overlap: a a a with (a, a) is aa a',
    () => {
      expect(mergePair(['a', 'a', 'a'], 'a', 'a')).toEqual(['aa', 'a']);
      expect(mergePair(['a', 'a', 'a', 'a'], 'a', 'a'))
        .toEqual(['aa', 'aa']);
    });

  it('round-trips every one of the 1000 words at 0, 100 and 400 merges',
    () => {
      for (const M of [0, 100, 400]) {
        const ms = mergesOf(M);
        for (const w of english.words) {
          expect(decodeBpe(encodeBpe(w, ms))).toBe(w);
        }
      }
    });

  it('applies merges in learned order, not by frequency or length', () => {
    // (b, c) was learned first: abc becomes a bc, though ab is also a
    // merge and longest match would take ab first
    const merges: [string, string][] = [['b', 'c'], ['a', 'b']];
    expect(encodeBpe('abc', merges)).toEqual(['a', 'bc', EOW]);
    expect(longestMatch('abc', merges)).toEqual(['ab', 'c', EOW]);
  });

  it('stops when every word is one symbol', () => {
    const r = trainBpe(['ab', 'ab'], 10);
    expect(r.merges).toEqual([['a', 'b'], ['ab', EOW]]);
    expect(r.counts).toEqual([2, 2]);
  });

  it('decodeBpe refuses </w> anywhere but at the end', () => {
    expect(() => decodeBpe(['a' + EOW, 'b' + EOW]))
      .toThrow(/^decodeBpe: /);
    expect(() => decodeBpe(['ab'])).toThrow(/^decodeBpe: /);
  });

  it('every merge adds at most one symbol: V ≤ 27 + M, and training ' +
    'words shrink monotonically', () => {
    let prev = Infinity;
    for (const M of [0, 50, 100, 200]) {
      const m = fitTokenBigram(english.train, mergesOf(M), 0.1);
      expect(m.V).toBeLessThanOrEqual(27 + M);
      let n = 0;
      for (const w of english.train) {
        n += encodeBpe(w, mergesOf(M)).length;
      }
      expect(n).toBeLessThan(prev);
      prev = n;
    }
  });
});

describe('perplexity across tokenizers', () => {
  it('with no merges a token is a character: both perplexities agree',
    () => {
      const m = fitTokenBigram(english.train, [], 0.1);
      const s = scoreTokens(m, english.valid);
      expect(s.tokens).toBe(s.chars);
      expect(s.perToken).toBeCloseTo(s.perChar, 12);
    });

  it('Eq. (lm-ppl-convert): PP_char = PP_token^(N_token / N_char)', () => {
    const s = scoreTokens(fitTokenBigram(english.train, mergesOf(100), 0.1),
      english.valid);
    expect(s.perChar).toBeCloseTo(
      s.perToken ** (s.tokens / s.chars), 10);
    expect(s.perToken).toBeGreaterThan(s.perChar);
  });

  it('the token bigram is a distribution: each row sums to 1 over the ' +
    'V tokens that can follow (the start ^, id 0, never does)', () => {
    const m = fitTokenBigram(english.train, mergesOf(50), 0.3);
    const P = (a: number, b: number) =>
      ((m.pair.get(a * (m.V + 1) + b) ?? 0) + m.alpha) /
      (m.from[a] + m.alpha * m.V);
    for (const a of [0, 3, 40]) {
      let s = 0;
      for (let b = 1; b <= m.V; b++) s += P(a, b);
      expect(s).toBeCloseTo(1, 12);
    }
    // scoreTokens uses the same P: one word's −log P by hand
    const w = english.valid[0], toks = encodeBpe(w, mergesOf(50));
    let nll = 0, a = 0;
    for (const t of toks) {
      const b = m.ids.get(t) as number;
      nll -= Math.log(P(a, b));
      a = b;
    }
    expect(scoreTokens(m, [w]).nll).toBeCloseTo(nll, 12);
  });

  it('scoreTokens names a character never seen in training', () => {
    const m = fitTokenBigram(['ab'], [], 1);
    expect(() => scoreTokens(m, ['az'])).toThrow(/^scoreTokens: token z/);
  });
});

describe('decoding rules', () => {
  const p = [0.1, 0.4, 0.2, 0.3];
  /** Equal to within rounding (1e-15), entry by entry. */
  const near = (a: ArrayLike<number>, b: number[]) => {
    expect(a.length).toBe(b.length);
    for (let j = 0; j < b.length; j++) {
      expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-15);
    }
  };

  it('top-k keeps the k largest and renormalizes, Eq. (lm-top-k)', () => {
    near(topK(p, 2), [0, 4 / 7, 0, 3 / 7]);
    near(topK(p, 4), p);
  });

  it('top-k breaks a tie at the boundary by index', () => {
    expect(Array.from(topK([0.25, 0.25, 0.25, 0.25], 2)))
      .toEqual([0.5, 0.5, 0, 0]);
  });

  it('the nucleus keeps the token that crosses p, Eq. (lm-top-p)', () => {
    // sorted 0.4, 0.3, 0.2, 0.1: 0.4 < 0.5, 0.4 + 0.3 ≥ 0.5
    near(nucleus(p, 0.5), [0, 4 / 7, 0, 3 / 7]);
    near(nucleus(p, 0.7 + 1e-9), [0, 0.4 / 0.9, 0.2 / 0.9, 0.3 / 0.9]);
    expect(Array.from(nucleus(p, 0.3))).toEqual([0, 1, 0, 0]);
  });

  it('top-p = 1 keeps every token and top-p → 0 is greedy', () => {
    near(nucleus(p, 1), p);
    expect(Array.from(nucleus(p, 1e-9))).toEqual([0, 1, 0, 0]);
  });

  it('τ = 0 is greedy: all mass on the largest logit', () => {
    const q = decodingDistribution([0.3, 2, -1, 1.9], { tau: 0 });
    expect(Array.from(q)).toEqual([0, 1, 0, 0]);
  });

  it('temperature, then top-k, then the nucleus, by hand', () => {
    const z = [Math.log(1), Math.log(2), Math.log(3), Math.log(4)];
    // τ = 0.5 squares the odds: 1, 4, 9, 16 over 30; top-3 drops 1;
    // the nucleus at 0.6 then keeps 16 and 9 (16/29 < 0.6)
    const q = decodingDistribution(z, { tau: 0.5, k: 3, topP: 0.6 });
    expect(q[0]).toBe(0);
    expect(q[1]).toBe(0);
    expect(q[2]).toBeCloseTo(9 / 25, 14);
    expect(q[3]).toBeCloseTo(16 / 25, 14);
  });

  it('a seeded sampler matches the truncated distribution: chi-square ' +
    'below the 0.999 quantile, cut tokens never drawn', () => {
      const q = nucleus([0.05, 0.35, 0.1, 0.3, 0.2], 0.8);
      // kept: 0.35, 0.3, 0.2 (0.85 ≥ 0.8); cut: 0.05 and 0.1
      const rng = createRng(11), n = 20000;
      const hits = new Float64Array(5);
      for (let i = 0; i < n; i++) hits[drawIndex(q, rng)]++;
      expect(hits[0]).toBe(0);
      expect(hits[2]).toBe(0);
      let chi2 = 0;
      for (const j of [1, 3, 4]) chi2 += (hits[j] - n * q[j]) ** 2 / (n * q[j]);
      expect(chi2).toBeLessThan(ref.chi2.q999['2']);
    });

  it('a seeded sampler matches softmax at τ = 1 over 28 tokens: ' +
    'chi-square below the 0.999 quantile (27 df)', () => {
      const z = createRng(3).normalArray(28);
      const q = softmaxT(z, 1), rng = createRng(12), n = 40000;
      const hits = new Float64Array(28);
      for (let i = 0; i < n; i++) hits[drawIndex(q, rng)]++;
      let chi2 = 0;
      for (let j = 0; j < 28; j++) chi2 += (hits[j] - n * q[j]) ** 2 / (n * q[j]);
      expect(chi2).toBeLessThan(ref.chi2.q999['27']);
    });

  it('generate stops at the end token and at maxLength', () => {
    const always = (id: number) => () => Array.from({ length: 4 },
      (_, j) => (j === id ? 10 : 0));
    expect(generate(always(0), { tau: 0 }, 0, 5, createRng(1)))
      .toEqual([]);
    expect(generate(always(2), { tau: 0 }, 0, 5, createRng(1)))
      .toEqual([2, 2, 2, 2, 2]);
  });

  it('logLikelihood sums log softmax of each next token and the end', () => {
    const z = [0, Math.log(3)]; // P = 1/4, 3/4, whatever the prefix
    expect(logLikelihood(() => z, [1, 1], 0))
      .toBeCloseTo(2 * Math.log(3 / 4) + Math.log(1 / 4), 14);
  });

  it('keptSets: top-k keeps the same tokens at any τ; the nucleus ' +
    'does not (Exercise solution)', () => {
    const z = [2, 1.5, 0.2, -1, 0.1];
    for (const tau of [0.3, 1, 3]) {
      const k = keptSets(z, tau, { k: 2 });
      expect(k.after).toEqual(k.before);
    }
    const cold = keptSets(z, 0.3, { topP: 0.9 });
    const hot = keptSets(z, 3, { topP: 0.9 });
    expect(cold.after.length).toBeLessThan(cold.before.length);
    expect(hot.after.length).toBeGreaterThan(hot.before.length);
  });
});

describe('the word model as a next-token function', () => {
  const rng = createRng(4);
  const model = charModel(elman(28, 6, rng), rng);

  it('elmanNext gives the engine\'s logits after any prefix (1e-12)',
    () => {
      const next = elmanNext(model);
      const word = 'cab';
      // the engine's loss of "cab" and the sum of -log softmax of next
      const ids = [...word].map((c) => VOCAB.indexOf(c));
      const ll = logLikelihood(next, ids, END);
      expect(-ll).toBeCloseTo(wordLosses(model, [word])[0].loss, 12);
    });

  it('elmanNext\'s kept state gives the same logits as starting again',
    () => {
      // a reads the prefixes one token longer each time, so every call
      // after the first steps from its kept state; each is compared with
      // a new function that starts from ^
      const a = elmanNext(model);
      const ids = [5, 9, 2, 14, 7, 0, 3];
      for (let t = 0; t <= ids.length; t++) {
        const kept = a(ids.slice(0, t));
        const fresh = elmanNext(model)(ids.slice(0, t));
        expect(Array.from(kept)).toEqual(Array.from(fresh));
      }
      // and a prefix that does not extend the last one starts again
      expect(Array.from(a([1, 2]))).toEqual(
        Array.from(elmanNext(model)([1, 2])));
    });

  it('elmanNext refuses a model whose cell is not Elman', () => {
    const m = charModel(elman(28, 3, createRng(1)), createRng(2));
    Object.defineProperty(m, 'cell', { value: { ...m.cell } });
    expect(() => elmanNext(m)).toThrow(/^elmanNext: /);
  });
});

describe('the KV cache', () => {
  const a = ref.attention;
  const t = (x: number[], shape: number[]) =>
    new Tensor(Float64Array.from(x), shape, true);
  const fromFixture = (): Decoder => ({ V: a.V, d: a.d, maxLen: a.maxLen,
    E: t(a.E, [a.V, a.d]), P: t(a.P, [a.maxLen, a.d]),
    Wq: t(a.Wq, [a.d, a.d]), Wk: t(a.Wk, [a.d, a.d]),
    Wv: t(a.Wv, [a.d, a.d]), Wo: t(a.Wo, [a.d, a.d]),
    W: t(a.W, [a.d, a.V]), b: t(a.b, [a.V]) });

  it('the uncached forward matches torch.nn.MultiheadAttention with a ' +
    'causal mask (1e-12)', () => {
      const z = decoderLogits(fromFixture(), a.ids).data;
      for (let i = 0; i < z.length; i++) {
        expect(Math.abs(z[i] - a.logits[i])).toBeLessThan(1e-12);
      }
    });

  it('the cached steps match torch too, position by position (1e-12)',
    () => {
      const m = fromFixture(), cache = new KVCache();
      a.ids.forEach((id: number, pos: number) => {
        const z = cachedStep(m, cache, id);
        for (let j = 0; j < a.V; j++) {
          expect(Math.abs(z[j] - a.logits[pos * a.V + j]))
            .toBeLessThan(1e-12);
        }
      });
    });

  it('cached and uncached logits agree to 1e-12 over 40 positions', () => {
    const m = decoder(11, 8, 40, createRng(9));
    const ids = Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    const full = decoderLogits(m, ids).data, cache = new KVCache();
    let worst = 0;
    ids.forEach((id, pos) => {
      const z = cachedStep(m, cache, id);
      for (let j = 0; j < 11; j++) {
        worst = Math.max(worst, Math.abs(z[j] - full[pos * 11 + j]));
      }
    });
    expect(worst).toBeLessThan(1e-12);
  });

  it('a position off by one changes the logits (the pitfall is visible)',
    () => {
      const m = decoder(11, 8, 40, createRng(9));
      const ids = [3, 4, 5];
      const right = decoderLogits(m, ids).data.slice(22);
      const cache = new KVCache();
      cache.keys.push(new Float64Array(8)); // a stale entry: pos + 1
      cache.values.push(new Float64Array(8));
      let z: ArrayLike<number> = new Float64Array(0);
      for (const id of ids) z = cachedStep(m, cache, id);
      let d = 0;
      for (let j = 0; j < 11; j++) d = Math.max(d, Math.abs(z[j] - right[j]));
      expect(d).toBeGreaterThan(1e-3);
    });

  it('forwardMacs counts exactly the engine\'s matrix products', () => {
    const m = decoder(9, 6, 20, createRng(2));
    let macs = 0;
    // count a·b·c for every [a, b] × [b, c] product of one forward
    const orig = Tensor.prototype.matmul;
    Tensor.prototype.matmul = function (this: Tensor, b: Tensor) {
      macs += this.shape[0] * this.shape[1] * b.shape[1];
      return orig.call(this, b);
    };
    try {
      decoderLogits(m, [1, 2, 3, 4, 5, 6, 7]);
    } finally {
      Tensor.prototype.matmul = orig;
    }
    expect(macs).toBe(forwardMacs(m, 7));
  });

  it('a cached step at position t costs 4d² + 2(t+1)d + dV, ' +
    'Eq. (lm-kv-cost)', () => {
    const m = decoder(9, 6, 20, createRng(2)), cache = new KVCache();
    for (let t = 0; t < 20; t++) {
      const before = cache.macs;
      cachedStep(m, cache, t % 9);
      expect(cache.macs - before).toBe(4 * 36 + 2 * (t + 1) * 6 + 6 * 9);
    }
  });

  it('cachedStep refuses a full cache and a foreign one', () => {
    const m = decoder(5, 3, 2, createRng(1)), cache = new KVCache();
    cachedStep(m, cache, 1);
    cachedStep(m, cache, 2);
    expect(() => cachedStep(m, cache, 3)).toThrow(/^cachedStep: the cache/);
    expect(() => cachedStep(m, {} as KVCache, 3))
      .toThrow(/^cachedStep: cache/);
  });
});

describe('the KV cache on the transformers chapter\'s decoder', () => {
  const config = { vocab: 13, context: 24, embed: 12, heads: 3,
    layers: 2, mlp: 20 };
  const ids = Array.from({ length: 24 }, (_, i) => (i * 7 + 2) % 13);

  it('decoderStep gives Decoder.forward\'s logits at every position ' +
    '(1e-12; 2 layers, 3 heads)', () => {
    const m = new TfDecoder(config, 3);
    const full = m.forward([ids]).data, cache = new LayerCache();
    let worst = 0;
    ids.forEach((id, t) => {
      const z = decoderStep(m, cache, id);
      for (let j = 0; j < 13; j++) {
        worst = Math.max(worst, Math.abs(z[j] - full[t * 13 + j]));
      }
    });
    expect(worst).toBeLessThan(1e-12);
    expect(cache.length).toBe(24);
    expect(cache.keys[1].shape).toEqual([1, 3, 24, 4]);
  });

  it('a cache one position behind changes the logits', () => {
    const m = new TfDecoder(config, 3);
    const full = m.forward([ids.slice(0, 3)]).data.slice(26);
    const cache = new LayerCache();
    decoderStep(m, cache, ids[0]);
    decoderStep(m, cache, ids[1]);
    cache.length = 1; // the next token is read at position 1, not 2
    const z = decoderStep(m, cache, ids[2]);
    let d = 0;
    for (let j = 0; j < 13; j++) d = Math.max(d, Math.abs(z[j] - full[j]));
    expect(d).toBeGreaterThan(1e-3);
  });

  it('decoderStep refuses a post-LN model, a full cache and a bad id',
    () => {
      const post = new TfDecoder({ ...config, norm: 'post' }, 3);
      expect(() => decoderStep(post, new LayerCache(), 1))
        .toThrow(/^decoderStep: the model must be/);
      const m = new TfDecoder({ ...config, context: 1 }, 3);
      const c = new LayerCache();
      decoderStep(m, c, 1);
      expect(() => decoderStep(m, c, 1)).toThrow(/^decoderStep: the cache/);
      expect(() => decoderStep(m, new LayerCache(), 13))
        .toThrow(/^decoderStep: id/);
    });
});

describe('longest match (exercise solution)', () => {
  it('disagrees with BPE on some validation words, and both decode',
    () => {
      const merges = mergesOf(200);
      const d = disagreements(english.valid, merges);
      expect(d.length).toBeGreaterThan(0);
      expect(d).toContain('advertised');
      for (const w of d) {
        expect(decodeBpe(longestMatch(w, merges))).toBe(w);
      }
    });
});

describe('bad input', () => {
  it('BPE, token models and the dictionary reject bad input', () => {
    rejectsBadInput(badInput.bpe);
  });
  it('the decoding rules reject bad input', () => {
    rejectsBadInput(badInput.sampling);
  });
  it('the decoder and the KV cache reject bad input', () => {
    rejectsBadInput(badInput.decoder);
  });
  it('the shared checks name their caller', () => {
    rejectsBadInput(badInput.checks);
  });
});

describe('the dictionary', () => {
  it('holds 63849 lower-case words, the chapter\'s training words among ' +
    'them mostly', () => {
    const dict = loadDictionary();
    expect(dict.size).toBe(63849);
    expect(dict.has('comprehensive')).toBe(true);
    expect(dict.has('Comprehensive')).toBe(false);
  });
});

describe('review', () => {
  it('the first M merges of a longer run are the merges of a run of M',
    () => {
      expect(trainBpe(english.train, 20).merges).toEqual(mergesOf(20));
    });

  it('Eq. (lm-kv-cost), second line: C_full(t) = (t+1)(4d² + dV) + ' +
    '2(t+1)²d is forwardMacs on t + 1 tokens', () => {
    const m = decoder(9, 6, 20, createRng(2));
    for (let t = 0; t < 20; t++) {
      expect(forwardMacs(m, t + 1))
        .toBe((t + 1) * (4 * 36 + 6 * 9) + 2 * (t + 1) ** 2 * 6);
    }
  });

  it('Exercise "The ties of the paper\'s Figure 1": exactly five pairs ' +
    'tie at count 2 at the first step', () => {
    const c = pairCounts(['low', 'lowest', 'newer', 'wider']
      .map((w) => ({ symbols: [...w, EOW], count: 1 })));
    const top = [...c].filter(([, n]) => n === 2).map(([k]) => k);
    expect(top).toEqual(['l o', 'o w', 'w e', 'e r', 'r ' + EOW]);
    expect(Math.max(...c.values())).toBe(2);
  });

  it('Exercise "Converting perplexities": 40^(1000/2300) ≈ 4.97 < 5',
    () => {
      const pp = Math.exp(1000 * Math.log(40) / 2300);
      expect(pp).toBeCloseTo(4.97, 2);
      expect(pp).toBeLessThan(5);
    });

  it('Exercise "Longest match is not BPE": "advertised" as printed, ' +
    'and the merges e d and ed · come before s e', () => {
    const merges = mergesOf(200);
    const show = (t: string[]) => t.join(' ').replaceAll(EOW, '·');
    expect(show(encodeBpe('advertised', merges))).toBe('ad v er ti s ed·');
    expect(show(longestMatch('advertised', merges)))
      .toBe('ad v er ti se d·');
    const at = (a: string, b: string) =>
      merges.findIndex((m) => m[0] === a && m[1] === b);
    expect(at('e', 'd')).toBeGreaterThanOrEqual(0);
    expect(at('ed', EOW)).toBeGreaterThan(at('e', 'd'));
    expect(at('s', 'e')).toBeGreaterThan(at('ed', EOW));
  });

  it('the dictionary is lower case, and holds most training words', () => {
    const dict = loadDictionary();
    let bad = 0;
    for (const w of dict) if (!/^[a-z]+$/.test(w)) bad++;
    expect(bad).toBe(0);
    const inDict = english.train.filter((w) => dict.has(w)).length;
    expect(inDict / english.train.length).toBeGreaterThan(0.5);
  });
});
