// Exercise: the out-of-bag score of the first b trees, b = 1..B, from
// one fitted forest.
import type { Matrix } from '../../linear-algebra/matrix.ts';
import type { Forest } from '../forest.ts';
import { oobScore } from '../oob.ts';
import { calledAs } from '../../introduction/checks.ts';
import { checkForest } from '../checks.ts';

/** oobScore of the forests made of trees 0..b−1 (NaN while some
 *  sample has no out-of-bag tree yet, as the score would be over
 *  fewer samples). */
export function oobCurve(
  forest: Forest, X: Matrix, y: ArrayLike<number>,
): number[] {
  checkForest('oobCurve', forest);
  return calledAs('oobCurve', () => forest.trees.map((_, b) => {
    const first = { ...forest, trees: forest.trees.slice(0, b + 1),
      inBag: forest.inBag.slice(0, b + 1) };
    const { score, used } = oobScore(first, X, y);
    return used === X.rows ? score : NaN;
  }));
}
