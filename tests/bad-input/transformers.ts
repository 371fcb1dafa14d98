// Bad-input specs for chapter "transformers" (tests/bad-input.ts).
// Models, tensors, masks and generators cannot be corrupted by the
// generator: they are `any()`; the models' own checks of shapes and
// tokens have their own tests in tests/transformers.test.ts.
import torchRef from '../fixtures/transformers/torch.json' with {
  type: 'json',
};
import { createRng } from '../../code/introduction/random.ts';
import { Tensor } from '../../code/autodiff/tensor.ts';
import { LayerNorm } from
  '../../code/initialization-and-normalization/layernorm.ts';
import { linear } from '../../code/multilayer-perceptron/layers.ts';
import { FeedForward, feedForward } from '../../code/transformers/mlp.ts';
import {
  Block, block, checkNorm, normLast,
} from '../../code/transformers/block.ts';
import { Decoder } from '../../code/transformers/decoder.ts';
import { CrossBlock } from '../../code/transformers/cross.ts';
import {
  padBatch, sequenceLoss, trainDecoder,
} from '../../code/transformers/train.ts';
import {
  decoderWordLosses, sampleDecoderWord, wordExamples,
} from '../../code/transformers/words.ts';
import {
  Seq2Seq, crossAttentionMap, greedyDecode, reverseAccuracy,
  reverseTask, seq2seqLoss, trainSeq2Seq,
} from '../../code/transformers/seq2seq.ts';
import {
  loadAttention, loadBlock, loadCrossBlock, loadDecoder, torchLayout,
} from '../../code/transformers/torch.ts';
import { blockParams, decoderParams } from '../../code/transformers/count.ts';
import { blockGradNorms } from '../../code/transformers/depth.ts';
import { randomSequences } from '../../code/transformers/pitfalls.ts';
import {
  tiedForward, tiedParameters,
} from '../../code/transformers/solutions/tied.ts';
import { forwardMacs } from '../../code/transformers/solutions/flops.ts';
import {
  checkBTE, checkConfig, checkDecoder, checkExamples, checkLastAxis,
  checkRng, checkSizes, checkTokens, checkTrainOptions,
} from '../../code/transformers/checks.ts';
import {
  any, choice, groups, int, num, opts, spec, str,
} from '../bad-input.ts';

const size = (as: string) => int(1, {}, as);
const cfg = () => ({ vocab: 6, context: 4, embed: 4, heads: 2,
  layers: 1, mlp: 8 });
const cfgArg = opts({ vocab: size('vocab'), context: size('context'),
  embed: size('embed'), heads: size('heads'), layers: size('layers'),
  mlp: size('mlp') },
['vocab', 'context', 'embed', 'heads', 'layers', 'mlp']);
const dec = () => new Decoder(cfg(), 1);
const wordDec = () => new Decoder({ ...cfg(), vocab: 28, context: 6 }, 1);
const s2sCfg = () => ({ length: 3, embed: 4, heads: 2, layers: 1,
  mlp: 8 });
const s2s = () => new Seq2Seq(s2sCfg(), 1);
const ex = () => [{ inputs: [0, 1], targets: [1, 2] }];
const trainOpts = opts({ steps: size('steps'),
  batchSize: size('batchSize'), eta: num({ gt: 0 }, 'eta'),
  seed: int(0, {}, 'seed') }, ['steps', 'batchSize', 'eta', 'seed']);
const x3 = () => new Tensor(new Float64Array(2 * 3 * 4), [2, 3, 4]);
const torchBlock = () => {
  const b = block(4, 2, 8, createRng(1));
  const s: Record<string, Float64Array> = {};
  const put = (k: string, t: Tensor) => { s[k] = t.data.slice(); };
  put('self_attn.in_proj_weight', b.attn.inProjWeight);
  put('self_attn.in_proj_bias', b.attn.inProjBias);
  put('self_attn.out_proj.weight', b.attn.outProjWeight);
  put('self_attn.out_proj.bias', b.attn.outProjBias);
  put('linear1.weight', b.mlp.fc1.W); put('linear1.bias', b.mlp.fc1.b);
  put('linear2.weight', b.mlp.fc2.W); put('linear2.bias', b.mlp.fc2.b);
  put('norm1.weight', b.ln1.gamma); put('norm1.bias', b.ln1.beta);
  put('norm2.weight', b.ln2.gamma); put('norm2.bias', b.ln2.beta);
  return s;
};

export const badInput = groups({
  models: [
    spec(feedForward, () => [4, 8, createRng(1)],
      [size('E'), size('M'), any()]),
    spec((a: unknown, b: unknown) => new FeedForward(a as never,
      b as never), () => [linear(4, 8, createRng(1)),
      linear(8, 4, createRng(2))], [any(), any()],
    { name: 'FeedForward', covers: [FeedForward], names: ['fc1', 'fc2'] }),
    spec(block, () => [4, 2, 8, createRng(1), 'pre'],
      [size('E'), size('heads'), size('M'), any(),
        choice(['pre', 'post'], 'norm')]),
    spec((...a: unknown[]) => new Block(...(a as [never, never, never,
      never, never])), () => {
      const b = block(4, 2, 8, createRng(1));
      return [b.attn, b.ln1, b.mlp, b.ln2, 'pre'];
    }, [any(), any(), any(), any(), choice(['pre', 'post'], 'norm')],
    { name: 'Block', covers: [Block],
      names: ['attn', 'ln1', 'mlp', 'ln2', 'norm'] }),
    spec(normLast, () => [new LayerNorm(4), x3()], [any(), any()]),
    spec((c: never, s: never) => new Decoder(c, s), () => [cfg(), 1],
      [cfgArg, int(0, {}, 'seed')],
    { name: 'Decoder', covers: [Decoder], names: ['config', 'seed'] }),
    spec((...a: unknown[]) => new CrossBlock(...(a as [number, number,
      number, never, never])), () => [4, 2, 8, createRng(1), 'post'],
    [size('E'), size('heads'), size('M'), any(),
      choice(['pre', 'post'], 'norm')],
    { name: 'CrossBlock', covers: [CrossBlock],
      names: ['E', 'heads', 'M', 'rng', 'norm'] }),
    spec((c: never, s: never) => new Seq2Seq(c, s), () => [s2sCfg(), 1],
      [opts({ length: size('length'), embed: size('embed'),
        heads: size('heads'), layers: size('layers'),
        mlp: size('mlp') },
      ['length', 'embed', 'heads', 'layers', 'mlp']),
      int(0, {}, 'seed')],
    { name: 'Seq2Seq', covers: [Seq2Seq], names: ['config', 'seed'] }),
  ],
  training: [
    spec(sequenceLoss, () => [dec(), ex()], [any(), any()]),
    spec(padBatch, () => [ex()], [any()]),
    spec(trainDecoder, () => [dec(), ex(), { steps: 1, batchSize: 1,
      eta: 0.01, seed: 0 }], [any(), any(), trainOpts]),
    spec(wordExamples, () => [['cat']], [any()]),
    spec(decoderWordLosses, () => [wordDec(), ['cat']], [any(), any()]),
    spec(sampleDecoderWord, () => [wordDec(), createRng(1), 1, 3],
      [any(), any(), num({ min: 0 }, 'temperature'),
        size('maxLength')]),
    spec(reverseTask, () => [2, 3, createRng(1)],
      [size('n'), size('length'), any()]),
    spec(seq2seqLoss, () => [s2s(), [[1, 2, 3]], [[3, 2, 1]]],
      [any(), any(), any()]),
    spec(trainSeq2Seq, () => [s2s(), { steps: 1, batchSize: 1,
      eta: 0.01, seed: 0 }], [any(), trainOpts]),
    spec(greedyDecode, () => [s2s(), [[1, 2, 3]]], [any(), any()]),
    spec(crossAttentionMap, () => [s2s(), [1, 2, 3]], [any(), any()]),
    spec(reverseAccuracy, () => [s2s(), 2, 1],
      [any(), size('n'), int(0, {}, 'seed')]),
    spec(randomSequences, () => [2, 3, 4, createRng(1)],
      [size('n'), size('T'), size('V'), any()]),
    spec(blockGradNorms, () => [cfg(), 1, ex()],
      [cfgArg, int(0, {}, 'seed'), any()]),
  ],
  other: [
    spec(loadBlock, () => [block(4, 2, 8, createRng(1)), torchBlock(),
      ''], [any(), any(), any()]),
    spec(loadAttention, () => [block(4, 2, 8, createRng(1)).attn,
      torchBlock(), 'self_attn'], [any(), any(), any()]),
    spec(loadDecoder, () => [new Decoder({ vocab: 7, context: 6,
      embed: 8, heads: 2, layers: 2, mlp: 16 }, 1),
    torchRef.decoderOnly.weights], [any(), any()]),
    spec(loadCrossBlock, () => [new CrossBlock(8, 2, 16, createRng(1)),
      torchRef.decoderPreLN.weights], [any(), any()]),
    spec(torchLayout, () => [new Tensor([1, 2], [1, 2], true)], [any()]),
    spec(blockParams, () => [4, 16], [size('E'), size('M')]),
    spec(decoderParams, () => [cfg()], [cfgArg]),
    spec(tiedForward, () => [dec(), [[1, 2]]], [any(), any()]),
    spec(tiedParameters, () => [dec()], [any()]),
    spec(forwardMacs, () => [cfg(), 3], [cfgArg, size('T')]),
  ],
  checks: [
    spec(checkSizes, () => ['caller', { a: 1 }], [any(), any()],
      { name: 'caller' }),
    spec(checkLastAxis, () => ['caller', x3(), 4], [any(), any(), any()],
      { name: 'caller' }),
    spec(checkBTE, () => ['caller', x3(), 4], [any(), any(), any()],
      { name: 'caller' }),
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkTokens, () => ['caller', [[1, 2]], 3, 4],
      [any(), any(), any(), any()], { name: 'caller' }),
    spec(checkConfig, () => ['caller', cfg(), 1],
      [any(), cfgArg, int(0, {}, 'seed')], { name: 'caller' }),
    spec(checkExamples, () => ['caller', ex()], [any(), any()],
      { name: 'caller' }),
    spec(checkTrainOptions, () => ['caller', { steps: 1, batchSize: 1,
      eta: 0.1, seed: 0 }], [any(), trainOpts], { name: 'caller' }),
    spec(checkDecoder, () => ['caller', dec()], [any(), any()],
      { name: 'caller' }),
    spec(checkNorm, () => ['caller', 'pre'],
      [any(), choice(['pre', 'post'], 'norm')], { name: 'caller' }),
  ],
});
void str;
