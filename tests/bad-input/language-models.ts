// Bad-input specs for chapter "language-models" (tests/bad-input.ts).
// Models, caches, generators and callbacks cannot be corrupted by the
// generator: they are `any()`, and their checks have their own tests in
// tests/language-models.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { elman } from '../../code/recurrent-networks/cell.ts';
import { charModel } from '../../code/recurrent-networks/charlm.ts';
import {
  decodeBpe, encodeBpe, mergePair, pairCounts, trainBpe,
} from '../../code/language-models/bpe.ts';
import {
  checkLogits, decodingDistribution, drawIndex, generate, logLikelihood,
  nucleus, topK,
} from '../../code/language-models/sampling.ts';
import {
  fitTokenBigram, scoreTokens,
} from '../../code/language-models/token-lm.ts';
import { elmanNext } from '../../code/language-models/rnn-next.ts';
import { loadDictionary } from '../../code/language-models/dictionary.ts';
import {
  checkIds, decoder, decoderLogits, forwardMacs,
} from '../../code/language-models/decoder.ts';
import { KVCache, cachedStep } from '../../code/language-models/kv-cache.ts';
import {
  LayerCache, decoderStep,
} from '../../code/language-models/tf-cache.ts';
import { Decoder as TfDecoder } from '../../code/transformers/decoder.ts';
import {
  checkCorpus, checkInt, checkMerges, checkProbs, checkRng, checkToken,
} from '../../code/language-models/checks.ts';
import {
  disagreements, longestMatch,
} from '../../code/language-models/solutions/longest-match.ts';
import {
  keptSets,
} from '../../code/language-models/solutions/temperature-order.ts';
import {
  any, callback, int, list, num, opts, spec, str, vec, groups,
} from '../bad-input.ts';

const words = list(str({ as: 'words' }), { as: 'words' });
const merges = (): [string, string][] => [['a', 'b']];
const p = () => [0.5, 0.3, 0.2];
const next = () => (_: readonly number[]) => [0, 1, 2];
const dec = () => decoder(5, 3, 4, createRng(1));

export const badInput = groups({
  bpe: [
    spec(pairCounts, () => [[{ symbols: ['a', 'b'], count: 1 }]], [any()]),
    spec(trainBpe, () => [['ab', 'abc'], 2],
      [words, int(0, {}, 'numMerges')]),
    spec(mergePair, () => [['a', 'b'], 'a', 'b'], [any(), any(), any()]),
    spec(encodeBpe, () => ['abc', merges()], [str({ as: 'word' }), any()]),
    spec(decodeBpe, () => [['ab', 'c</w>']], [any()]),
    spec(longestMatch, () => ['abc', merges()],
      [str({ as: 'word' }), any()]),
    spec(disagreements, () => [['abc'], merges()], [any(), any()]),
    spec(fitTokenBigram, () => [['ab', 'c'], merges(), 0.1],
      [words, any(), num({ gt: 0 }, 'alpha')]),
    spec(scoreTokens, () => [fitTokenBigram(['ab'], [], 1), ['ab']],
      [any(), words]),
    spec(loadDictionary, () => ['data/english-dictionary/words.txt'],
      [str({ as: 'file' })]),
  ],
  sampling: [
    spec(topK, () => [p(), 2], [vec('k', { as: 'p' }), int(1, {}, 'k')]),
    spec(nucleus, () => [p(), 0.6],
      [vec('k', { as: 'p' }), num({ gt: 0, max: 1 }, 'topP')]),
    spec(drawIndex, () => [p(), createRng(1)],
      [vec('k', { as: 'p' }), any()]),
    spec(decodingDistribution, () => [[1, 2, 3], { tau: 1, k: 2,
      topP: 0.9 }], [vec('k', { as: 'z' }), opts({ tau: num({ min: 0 }),
      k: int(1), topP: num({ gt: 0, max: 1 }) }, ['tau'])]),
    spec(generate, () => [next(), { tau: 1 }, 0, 3, createRng(1)],
      [callback(), opts({ tau: num({ min: 0 }) }, ['tau']),
        int(0, {}, 'end'), int(1, {}, 'maxLength'), any()]),
    spec(logLikelihood, () => [next(), [1, 2], 0],
      [callback(), any(), int(0, {}, 'end')]),
    spec(elmanNext, () => [charModel(elman(28, 3, createRng(1)),
      createRng(2))], [any()]),
    spec(keptSets, () => [[1, 2, 3], 0.5, { k: 2 }],
      [vec('k', { as: 'z' }), num({ gt: 0 }, 'tau'), any()]),
  ],
  decoder: [
    spec(decoder, () => [5, 3, 4, createRng(1)],
      [int(2, {}, 'V'), int(1, {}, 'd'), int(1, {}, 'maxLen'), any()]),
    spec(decoderLogits, () => [dec(), [1, 2]], [any(), any()]),
    spec(forwardMacs, () => [dec(), 3], [any(), int(1, {}, 'T')]),
    // KVCache and LayerCache take no arguments; their steps check them
    spec(cachedStep, () => [dec(), new KVCache(), 2],
      [any(), any(), any()], { covers: [cachedStep, KVCache] }),
    spec(decoderStep, () => [new TfDecoder({ vocab: 5, context: 4,
      embed: 4, heads: 2, layers: 1, mlp: 4 }, 1), new LayerCache(), 2],
    [any(), any(), int(0, {}, 'id')],
    { covers: [decoderStep, LayerCache] }),
  ],
  checks: [
    spec(checkToken, () => ['caller', 'ab'], [any(), str({ as: 'word' })],
      { name: 'caller' }),
    spec(checkMerges, () => ['caller', merges()], [any(), any()],
      { name: 'caller' }),
    spec(checkCorpus, () => ['caller', [{ symbols: ['a'], count: 1 }]],
      [any(), any()], { name: 'caller' }),
    spec(checkProbs, () => ['caller', p()], [any(), vec('k', { as: 'p' })],
      { name: 'caller' }),
    spec(checkInt, () => ['caller', 'k', 2, 1],
      [any(), any(), int(1, {}, 'k'), any()], { name: 'caller' }),
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkLogits, () => ['caller', [1, 2]],
      [any(), vec('k', { as: 'z' })], { name: 'caller' }),
    spec(checkIds, () => ['caller', dec(), [1]], [any(), any(), any()],
      { name: 'caller' }),
  ],
});
