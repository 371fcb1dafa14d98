// Exercise: the forest by majority vote instead of mean probability.
import { predictTree } from '../../decision-trees/predict.ts';
import type { Matrix } from '../../linear-algebra/matrix.ts';
import { checkForest, checkMatrix } from '../checks.ts';
import type { Forest } from '../forest.ts';

/** Each tree votes for its class; the most votes win (the smallest
 *  class among ties). */
export function predictByVote(forest: Forest, X: Matrix): Float64Array {
  checkForest('predictByVote', forest);
  checkMatrix('predictByVote', X, forest.nFeatures);
  if (forest.task !== 'classification') {
    throw new Error('predictByVote: needs a classification forest');
  }
  const K = forest.nClasses;
  const votes = new Int32Array(X.rows * K);
  for (const tree of forest.trees) {
    predictTree(tree, X).forEach((k, i) => votes[i * K + k]++);
  }
  return Float64Array.from({ length: X.rows }, (_, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) {
      if (votes[i * K + k] > votes[i * K + best]) best = k;
    }
    return best;
  });
}
