// Bad-input specs for chapter "recurrent-networks" (tests/bad-input.ts).
// Tensors, cells, models and generators cannot be corrupted by the
// generator: they are `any()`, and their checks have their own tests in
// tests/recurrent-networks.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { sgdStep } from '../../code/multilayer-perceptron/train.ts';
import { ElmanCell, elman } from '../../code/recurrent-networks/cell.ts';
import { unroll, unrollStack } from '../../code/recurrent-networks/unroll.ts';
import {
  decodeWord, encodeWord, oneHot,
} from '../../code/recurrent-networks/vocab.ts';
import {
  CharModel, charModel, checkModelArg, gradNorm, perplexity,
  trainCharModel, wordLosses, wordsLoss, wordsLossSum,
} from '../../code/recurrent-networks/charlm.ts';
import { sampleWord, softmaxT } from '../../code/recurrent-networks/sample.ts';
import {
  elmanBptt, elmanForward,
} from '../../code/recurrent-networks/bptt.ts';
import {
  lagNorms, lagStudy,
} from '../../code/recurrent-networks/vanishing.ts';
import {
  truncatedEpoch, wordStream,
} from '../../code/recurrent-networks/truncated.ts';
import {
  bigramWordLosses, fitBigram,
} from '../../code/recurrent-networks/bigram.ts';
import { loadEnglish } from '../../code/recurrent-networks/words.ts';
import { runTorchCase } from '../../code/recurrent-networks/reference.ts';
import {
  elmanCharModel, elmanWeights,
} from '../../code/recurrent-networks/weights.ts';
import { clipEach } from '../../code/recurrent-networks/solutions/clip-each.ts';
import {
  bidirectional, concatColumns,
} from '../../code/recurrent-networks/solutions/bidirectional.ts';
import {
  checkArrays, checkCell, checkCellArrays, checkRng, checkRows,
  checkSequence, checkSize, checkState, checkTemperature, checkWordList,
} from '../../code/recurrent-networks/checks.ts';
import torch from '../fixtures/recurrent-networks/torch.json' with {
  type: 'json',
};
import {
  any, callback, int, list, num, opts, spec, str, vec, groups,
} from '../bad-input.ts';

const cell = () => elman(28, 3, createRng(1));
const model = () => charModel(cell(), createRng(2));
const words = list(str({ as: 'words' }), { as: 'words' });
const x = (n = 2, d = 2) => new Tensor(new Float64Array(n * d).fill(0.5),
  [n, d]);
const small = () => elman(2, 3, createRng(3));
const arr = (k: number) => new Float64Array(k).fill(0.1);

export const badInput = groups({
  model: [
    spec((a: Tensor, b: Tensor, c: Tensor, d: Tensor) =>
      new ElmanCell(a, b, c, d), () => small().parameters(),
    [any(), any(), any(), any()], { name: 'ElmanCell',
      covers: [ElmanCell], names: ['Wih', 'bih', 'Whh', 'bhh'] }),
    spec(elman, () => [2, 3, createRng(1)],
      [int(1, {}, 'inputSize'), int(1, {}, 'hiddenSize'), any()]),
    spec(unroll, () => [small(), [x(), x()]], [any(), any()]),
    spec(unrollStack, () => [[small()], [x()]], [any(), any()]),
    spec(encodeWord, () => ['cat'], [str({ as: 'word' })]),
    spec(decodeWord, () => [[2, 3, 1]],
      [vec('k', { integer: true, min: 0, max: 27, as: 'id',
        minLength: 0 })]),
    spec(oneHot, () => [[0, 5]],
      [vec('k', { integer: true, min: 0, max: 27, as: 'id' })]),
    spec((c: ElmanCell, h: never) => new CharModel(c, h),
      () => [cell(), model().head], [any(), any()],
    { name: 'CharModel', covers: [CharModel], names: ['cell', 'head'] }),
    spec(charModel, () => [cell(), createRng(1)], [any(), any()]),
    spec(wordsLossSum, () => [model(), ['ab', 'c']], [any(), words]),
    spec(wordsLoss, () => [model(), ['ab', 'c']], [any(), words],
      { name: 'wordsLossSum' }),
    spec(wordLosses, () => [model(), ['ab', 'c']], [any(), words]),
    spec(perplexity, () => [model(), ['ab', 'c']], [any(), words]),
    spec(trainCharModel, () => [model(), ['ab', 'c'], { epochs: 1,
      batchSize: 2, eta: 0.1, seed: 1, clip: 1, step: sgdStep,
      valid: ['ab'] }],
    [any(), words, opts({ epochs: int(1), batchSize: int(1),
      eta: num({ gt: 0 }), seed: int(0), clip: num({ gt: 0 }),
      step: callback(), valid: words },
    ['epochs', 'batchSize', 'eta', 'seed'])]),
    spec(gradNorm, () => [model().parameters()], [any()]),
    spec(checkModelArg, () => ['caller', model()], [any(), any()],
      { name: 'caller' }),
    spec(softmaxT, () => [[1, 2, 3], 0.5],
      [vec('k', { as: 'z' }), num({ min: 0 }, 'temperature')]),
    spec(sampleWord, () => [model(), createRng(1), 1, 5],
      [any(), any(), num({ min: 0 }, 'temperature'),
        int(1, {}, 'maxLength')]),
    spec(elmanWeights, () => [model()], [any()]),
    spec(elmanCharModel, () => [elmanWeights(model())], [any()]),
  ],
  analysis: [
    spec(elmanForward, () => [small(), [arr(4), arr(4)], arr(6)],
      [any(), any(), any()]),
    spec(elmanBptt, () => [small(), [arr(4)], arr(6), [arr(6)]],
      [any(), any(), any(), any()]),
    spec(lagNorms, () => [arr(4), [arr(2), arr(2)], 2],
      [any(), any(), int(1, {}, 'K')]),
    spec(lagStudy, () => [{ hidden: 3, input: 2, rho: 0.9, steps: 4,
      lags: 3, inputScale: 1 }, createRng(1)],
    [opts({ hidden: int(1), input: int(1), rho: num({ gt: 0 }),
      steps: int(1), inputScale: num({ gt: 0 }) },
    ['hidden', 'input', 'rho', 'steps', 'lags', 'inputScale']), any()]),
    spec(wordStream, () => [['ab', 'c']], [words]),
    spec(truncatedEpoch, () => [model(), wordStream(['abc', 'cab']),
      { batch: 2, chunk: 2, eta: 0.1, step: sgdStep, clip: 1 }],
    [any(), any(), opts({ batch: int(1), chunk: int(1),
      eta: num({ gt: 0 }), step: callback(), clip: num({ gt: 0 }) },
    ['batch', 'chunk', 'eta', 'step'])]),
    spec(fitBigram, () => [['ab', 'c'], 1],
      [words, num({ gt: 0 }, 'alpha')]),
    spec(bigramWordLosses, () => [fitBigram(['ab'], 1), ['ab']],
      [any(), words]),
    spec(loadEnglish, () => ['data/words'], [str({ as: 'dir' })]),
    spec(runTorchCase, () => [torch], [any()]),
    spec(clipEach, () => [model().parameters(), 1],
      [any(), num({ gt: 0 }, 'maxNorm')]),
    spec(bidirectional, () => [small(), small(), [x(), x()]],
      [any(), any(), any()]),
    spec(concatColumns, () => [x(), x(2, 1)], [any(), any()]),
  ],
  checks: [
    spec(checkSize, () => ['caller', 'n', 2],
      [any(), any(), int(1, {}, 'n')], { name: 'caller' }),
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkRows, () => ['caller', 'x', x(), 2],
      [any(), any(), any(), any()], { name: 'caller' }),
    spec(checkCell, () => ['caller', small()], [any(), any()],
      { name: 'caller' }),
    spec(checkState, () => ['caller', [x(2, 3)], 2, 3],
      [any(), any(), any(), any()], { name: 'caller' }),
    spec(checkSequence, () => ['caller', [x()], 2],
      [any(), any(), any()], { name: 'caller' }),
    spec(checkTemperature, () => ['caller', 1],
      [any(), num({ min: 0 }, 'temperature')], { name: 'caller' }),
    spec(checkArrays, () => ['caller', 'a', [arr(2)], 1, 2],
      [any(), any(), any(), any(), any()], { name: 'caller' }),
    spec(checkCellArrays, () => ['caller', small(), [arr(4)], arr(6)],
      [any(), any(), any(), any()], { name: 'caller' }),
    spec(checkWordList, () => ['caller', ['ab']], [any(), words],
      { name: 'caller' }),
  ],
});
