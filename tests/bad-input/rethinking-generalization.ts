// Bad-input specs for chapter "rethinking-generalization"
// (tests/bad-input.ts). Generators and networks are `any()`: their
// checks have their own tests in tests/rethinking-generalization.test.ts.
import { createRng } from '../../code/introduction/random.ts';
import { Matrix } from '../../code/linear-algebra/matrix.ts';
import {
  corruptLabels, gaussianInputs, permutePixels, randomPermutation,
  randomPixels,
} from '../../code/rethinking-generalization/randomize.ts';
import {
  constructionSize, fitConstruction, fitConstructionAlong,
  predictConstruction,
} from '../../code/rethinking-generalization/construction.ts';
import { memorize } from '../../code/rethinking-generalization/memorize.ts';
import { checkMemorize } from '../../code/rethinking-generalization/memorize-checks.ts';
import {
  checkCorrupt, checkCount, checkLabels, checkMatrix, checkPerm,
  checkRng, checkTargets,
} from '../../code/rethinking-generalization/checks.ts';
import { expectedAgreement } from '../../code/rethinking-generalization/solutions/agreement.ts';
import { permuteRows } from '../../code/rethinking-generalization/solutions/shuffled.ts';
import {
  any, groups, int, labels, mat, num, opts, spec, vec,
} from '../bad-input.ts';

const X = () => new Matrix(4, 3, Float64Array.of(1, 0, 2, 0, 1, 3,
  1, 1, 0, 2, 0, 1));
const Y = () => new Matrix(4, 1, Float64Array.of(1, 0, 1, 2));
const y = () => Int32Array.of(0, 1, 1, 0);
const CLASSES = [0, 1];
const perm = () => Int32Array.of(2, 0, 1);
const net = () => fitConstruction(X(), Y(), createRng(1));
const OPTS = opts({ hidden: int(1), classes: int(2), maxEpochs: int(1),
  batchSize: int(1), eta: num({ gt: 0 }), seed: int(0),
  weightDecay: num({ min: 0 }), dropout: num({ min: 0, lt: 1 }) },
['hidden', 'classes', 'maxEpochs', 'batchSize', 'eta', 'seed']);
const options = () => ({ hidden: 4, classes: 2, maxEpochs: 1,
  batchSize: 2, eta: 0.01, seed: 1 });

export const badInput = groups({
  randomize: [
    spec(corruptLabels, () => [y(), 0.5, 2, createRng(1)],
      [labels('n', CLASSES, 'y'), num({ min: 0, max: 1 }, 'p'),
        int(2, {}, 'classes'), any()]),
    spec(randomPermutation, () => [5, createRng(1)],
      [int(1, {}, 'd'), any()]),
    spec(permutePixels, () => [X(), perm()],
      [mat('n', 'd', 'X'), vec('d', { integer: true, min: 0, max: 2,
        as: 'perm' })]),
    spec(randomPixels, () => [X(), createRng(1)],
      [mat('n', 'd', 'X'), any()]),
    spec(gaussianInputs, () => [X(), createRng(1)],
      [mat('n', 'd', 'X'), any()]),
  ],
  construction: [
    spec(fitConstruction, () => [X(), Y(), createRng(1)],
      [mat('n', 'd', 'X'), mat('n', 'k', 'Y'), any()]),
    spec(fitConstructionAlong, () => [X(), Y(),
      Float64Array.of(0.3, -1.2, 0.7)],
    [mat('n', 'd', 'X'), mat('n', 'k', 'Y'), vec('d', { as: 'a' })]),
    spec(predictConstruction, () => [net(), X()],
      [any(), mat('n', 3, 'X')]),
    spec(constructionSize, () => [net()], [any()]),
  ],
  training: [
    spec(memorize, () => [X(), y(), options()],
      [mat('n', 'd', 'X'), labels('n', CLASSES, 'y'), OPTS]),
  ],
  solutions: [
    spec(expectedAgreement, () => [0.5, 10],
      [num({ min: 0, max: 1 }, 'p'), int(2, {}, 'classes')]),
    spec(permuteRows, () => [new Matrix(3, 2,
      Float64Array.of(1, 2, 3, 4, 5, 6)), perm()],
    [mat('d', 'k', 'W'), vec('d', { integer: true, min: 0, max: 2,
      as: 'perm' })]),
  ],
  checks: [
    spec(checkRng, () => ['caller', createRng(1)], [any(), any()],
      { name: 'caller' }),
    spec(checkCount, () => ['caller', 'm', 3, 1],
      [any(), any(), int(1, {}, 'm'), any()], { name: 'caller' }),
    spec(checkMatrix, () => ['caller', 'X', X()],
      [any(), any(), mat('n', 'd', 'X')], { name: 'caller' }),
    spec(checkLabels, () => ['caller', y(), 2],
      [any(), labels('n', CLASSES, 'y'), any()], { name: 'caller' }),
    spec(checkCorrupt, () => [y(), 0.5, 2, createRng(1)],
      [labels('n', CLASSES, 'y'), num({ min: 0, max: 1 }, 'p'),
        int(2, {}, 'classes'), any()], { name: 'corruptLabels' }),
    spec(checkPerm, () => ['caller', perm(), 3],
      [any(), vec(3, { integer: true, min: 0, max: 2, as: 'perm' }),
        any()], { name: 'caller' }),
    spec(checkTargets, () => ['caller', X(), Y()],
      [any(), mat('n', 'd', 'X'), mat('n', 'k', 'Y')],
      { name: 'caller' }),
    spec(checkMemorize, () => [X(), y(), options()],
      [mat('n', 'd', 'X'), labels('n', CLASSES, 'y'), OPTS],
      { name: 'memorize' }),
  ],
});
