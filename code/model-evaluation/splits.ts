// Hold-out splits: shuffle the indices once and cut them into a
// training, (optionally) a validation and a test part. The rows of each
// part are taken by takeRows of the gradient-descent chapter.
import type { Rng } from '../introduction/random.ts';

// #region split-sizes
/**
 * How many of n samples a fraction in (0, 1) takes: ⌈fraction · n⌉,
 * rounding up as scikit-learn's train_test_split does for test_size.
 */
function splitSize(fn: string, n: number, fraction: number) {
  if (!Number.isSafeInteger(n) || n < 2) {
    throw new Error(`${fn}: n must be an integer >= 2, got ${n}`);
  }
  if (!(fraction > 0 && fraction < 1)) {
    throw new Error(`${fn}: fractions must be in (0, 1), got ${fraction}`);
  }
  return Math.ceil(fraction * n);
}
// #endregion

// #region train-test-split
export interface Split {
  train: number[];
  test: number[];
}

/** A random split of 0..n−1: ⌈testFraction · n⌉ test indices. */
export function trainTestSplit(
  n: number,
  testFraction: number,
  rng: Rng,
): Split {
  const nTest = splitSize('trainTestSplit', n, testFraction);
  if (nTest >= n) {
    throw new Error(
      `trainTestSplit: testFraction ${testFraction} of n = ${n} leaves ` +
        'no training sample',
    );
  }
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}
// #endregion

// #region three-way-split
/** Train, validation and test indices from one shuffle of 0..n−1. */
export function trainValidationTestSplit(
  n: number,
  validationFraction: number,
  testFraction: number,
  rng: Rng,
): { train: number[]; validation: number[]; test: number[] } {
  const fn = 'trainValidationTestSplit';
  const nTest = splitSize(fn, n, testFraction);
  const nVal = splitSize(fn, n, validationFraction);
  if (nTest + nVal >= n) {
    throw new Error(
      `${fn}: ${nVal} validation and ${nTest} test samples leave ` +
        `no training sample of n = ${n}`,
    );
  }
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  return {
    test: order.slice(0, nTest),
    validation: order.slice(nTest, nTest + nVal),
    train: order.slice(nTest + nVal),
  };
}
// #endregion
