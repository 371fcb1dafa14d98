// A random forest: B trees, each grown on its own bootstrap sample and
// trying a random subset of maxFeatures features at every node.
import type { CriterionName } from '../decision-trees/criterion.ts';
import { type Tree, fitTree } from '../decision-trees/tree.ts';
import { createRng } from '../introduction/random.ts';
import { Matrix } from '../linear-algebra/matrix.ts';
import { bootstrapCounts } from './bootstrap.ts';
import {
  checkForestOptions,
  checkMatrix,
  checkTargets,
} from './checks.ts';
import { fitExtraTree } from './extra-trees.ts';

// #region options
export interface ForestOptions {
  task: 'classification' | 'regression';
  nTrees?: number; // B; default 100
  /** m, the features tried per node; default ⌊√d⌋ (classification)
   *  or d (regression), as scikit-learn 1.2. */
  maxFeatures?: number;
  bootstrap?: boolean; // default true
  /** 'random': extremely randomized trees; default 'best'. */
  splitter?: 'best' | 'random';
  criterion?: CriterionName; // default gini or squared_error
  maxDepth?: number; // default Infinity
  minSamplesLeaf?: number; // default 1
  seed?: number; // default 0
}

export interface Forest {
  task: 'classification' | 'regression';
  nClasses: number; // K; 1 for regression
  nFeatures: number;
  trees: Tree[];
  /** inBag[b][i]: how often tree b drew sample i. */
  inBag: Float64Array[];
}
// #endregion

// #region fit
/** Grows B trees, tree b from its own random stream. */
export function fitForest(
  X: Matrix, y: ArrayLike<number>, options: ForestOptions,
): Forest {
  const o = withDefaults(X, y, options);
  const K = o.task === 'regression' ? 1 : 1 + largest(y);
  const root = createRng(o.seed);
  const trees: Tree[] = [];
  const inBag: Float64Array[] = [];
  for (let b = 0; b < o.nTrees; b++) {
    const rng = root.split(); // tree b's stream: seed and b fix it
    const count = o.bootstrap ? bootstrapCounts(X.rows, rng)
      : new Float64Array(X.rows).fill(1);
    const fit = o.splitter === 'random' ? fitExtraTree : fitTree;
    const drawn = rowsDrawn(X, y, count); // the rows with count > 0
    trees.push(fit(drawn.X, drawn.y, {
      criterion: o.criterion, maxDepth: o.maxDepth,
      minSamplesLeaf: o.minSamplesLeaf, maxFeatures: o.maxFeatures,
      seed: rng.int(0, 2 ** 32), // the feature (and threshold) draws
      sampleWeight: drawn.weight,
      ...(o.task === 'classification' ? { nClasses: K } : {}),
    }));
    inBag.push(count);
  }
  return { task: o.task, nClasses: K, nFeatures: X.cols, trees, inBag };
}
// #endregion

/** The rows a tree drew, each once, weighted by its count: the tree
 *  never sees a row it did not draw (fitTree, like scikit-learn's
 *  trees, would drop a row of weight 0; this also skips copying it). */
function rowsDrawn(X: Matrix, y: ArrayLike<number>, count: Float64Array) {
  const rows: number[] = [];
  for (let i = 0; i < X.rows; i++) if (count[i] > 0) rows.push(i);
  const Xb = new Matrix(rows.length, X.cols);
  rows.forEach((i, r) => Xb.data.set(X.data.subarray(i * X.cols,
    (i + 1) * X.cols), r * X.cols));
  return { X: Xb, y: Float64Array.from(rows, (i) => y[i]),
    weight: Float64Array.from(rows, (i) => count[i]) };
}

function largest(y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) if (y[i] > m) m = y[i];
  return m;
}

function withDefaults(
  X: Matrix, y: ArrayLike<number>, options: ForestOptions,
): Required<ForestOptions> {
  checkMatrix('fitForest', X);
  checkForestOptions('fitForest', options, X.cols);
  const task = options.task;
  checkTargets('fitForest', y, X.rows, task === 'classification');
  const d = X.cols;
  return {
    task,
    nTrees: options.nTrees ?? 100,
    maxFeatures: options.maxFeatures ??
      (task === 'classification' ? Math.max(1, Math.floor(Math.sqrt(d)))
        : d),
    bootstrap: options.bootstrap ?? true,
    splitter: options.splitter ?? 'best',
    criterion: options.criterion ??
      (task === 'classification' ? 'gini' : 'squared_error'),
    maxDepth: options.maxDepth ?? Infinity,
    minSamplesLeaf: options.minSamplesLeaf ?? 1,
    seed: options.seed ?? 0,
  };
}
