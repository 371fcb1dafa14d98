// Tests for the random-forests chapter. Each `it` is one claim of the
// chapter; equation labels refer to chapters/trees-and-ensembles/
// random-forests.mdx. Comparisons with scikit-learn are statistical
// (the random streams differ): means over seeds on each side, within
// four standard errors of their difference. Forests here are small
// (10 to 20 trees) on small data; the big runs are on the page.
import { describe, expect, it } from 'vitest';
import { penguinMeasurements } from '../code/decision-trees/data.ts';
import { featureImportances } from '../code/decision-trees/importance.ts';
import { predictProba, predictTree } from '../code/decision-trees/predict.ts';
import { fitTree } from '../code/decision-trees/tree.ts';
import { createRng } from '../code/introduction/random.ts';
import { moments } from '../code/introduction/stats.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { loadWine } from '../code/k-nearest-neighbors/wine.ts';
import { loadDiabetes } from '../code/linear-regression/diabetes.ts';
import { r2Score } from '../code/linear-regression/metrics.ts';
import {
  bootstrapCounts,
  inBagFraction,
} from '../code/random-forests/bootstrap.ts';
import {
  splitEveryKth,
  withNoiseFeatures,
} from '../code/random-forests/data.ts';
import { fitExtraTree } from '../code/random-forests/extra-trees.ts';
import { type Forest, fitForest } from '../code/random-forests/forest.ts';
import {
  forestImportances,
  permutationImportance,
} from '../code/random-forests/importance.ts';
import { oobPredict, oobScore } from '../code/random-forests/oob.ts';
import {
  predictForest,
  predictForestProba,
} from '../code/random-forests/predict.ts';
import {
  averageVariance,
  treeCorrelation,
} from '../code/random-forests/variance.ts';
import { predictByVote } from '../code/random-forests/solutions/majority-vote.ts';
import { oobCurve } from '../code/random-forests/solutions/oob-curve.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/random-forests.ts';
import { fixture } from './helpers.ts';

const sk = fixture('random-forests', 'sklearn.json');
const SEEDS = 20; // the book's side; scikit-learn's has sk.seeds (30)
const Z = 4; // standard errors allowed between two means

const wine = loadWine();
const wineSplit = splitEveryKth(wine.X, wine.y, 3);
const diabetes = loadDiabetes();
const diabetesSplit = splitEveryKth(diabetes.X, diabetes.y, 4);

/** Mean and standard error of the mean. */
function meanSe(xs: number[]): [number, number] {
  const m = moments(xs);
  return [m.mean, Math.sqrt(m.variance / xs.length)];
}

/** (our mean − scikit-learn's mean) / the SE of the difference. */
function zScore(ours: number[], theirs: number[]): number {
  const [a, sa] = meanSe(ours);
  const [b, sb] = meanSe(theirs);
  return (a - b) / Math.hypot(sa, sb);
}

const accuracy = (y: ArrayLike<number>, yHat: ArrayLike<number>) => {
  let right = 0;
  for (let i = 0; i < y.length; i++) right += y[i] === yHat[i] ? 1 : 0;
  return right / y.length;
};

interface SeedRuns { test: number[]; oob: number[]; imp: Float64Array[] }

/** SEEDS forests on a split, with the settings of the fixture. */
function runs(
  split: ReturnType<typeof splitEveryKth>, options: object,
  regression: boolean,
): () => SeedRuns {
  let memo: SeedRuns | undefined;
  return () => memo ??= (() => {
    const out: SeedRuns = { test: [], oob: [], imp: [] };
    for (let seed = 0; seed < SEEDS; seed++) {
      const f = fitForest(split.train.X, split.train.y, {
        task: regression ? 'regression' : 'classification',
        nTrees: sk.trees, seed, ...options });
      const p = predictForest(f, split.test.X);
      out.test.push(regression ? r2Score(split.test.y, p)
        : accuracy(split.test.y, p));
      if (f.inBag[0].some((c) => c === 0)) {
        out.oob.push(oobScore(f, split.train.X, split.train.y).score);
      }
      out.imp.push(forestImportances(f));
    }
    return out;
  })();
}

const rfWine = runs(wineSplit, {}, false);
const etWine = runs(wineSplit, { splitter: 'random', bootstrap: false },
  false);
const rfDiabetes = runs(diabetesSplit, { maxFeatures: 3,
  minSamplesLeaf: 5 }, true);
const col = (rows: { [k: string]: unknown }[], key: string) =>
  rows.map((r) => r[key] as number);
const worstImportanceZ = (ours: Float64Array[], rows: any[]) => {
  let worst = 0;
  for (let j = 0; j < ours[0].length; j++) {
    const z = zScore(ours.map((v) => v[j]),
      rows.map((r) => r.importances[j]));
    worst = Math.max(worst, Math.abs(z));
  }
  return worst;
};

describe('the bootstrap', () => {
  it('Eq. (rf-inbag): 1 − (1 − 1/n)^n is 1 at n = 1, 3/4 at n = 2, and falls to 1 − 1/e', () => {
    expect(inBagFraction(1)).toBe(1);
    expect(inBagFraction(2)).toBeCloseTo(0.75, 15);
    expect(inBagFraction(10)).toBeCloseTo(1 - 0.9 ** 10, 14);
    expect(inBagFraction(1e6)).toBeCloseTo(1 - Math.exp(-1), 6);
    for (let n = 1; n < 50; n++) {
      expect(inBagFraction(n + 1)).toBeLessThan(inBagFraction(n));
    }
    expect(inBagFraction(50)).toBeGreaterThan(1 - Math.exp(-1));
  });

  it('bootstrap counts sum to n, and the share drawn at least once matches Eq. (rf-inbag) within 4 SE', () => {
    const rng = createRng(5);
    const n = 200;
    const shares: number[] = [];
    for (let r = 0; r < 200; r++) {
      const c = bootstrapCounts(n, rng);
      expect(c.reduce((a, b) => a + b, 0)).toBe(n);
      shares.push(c.filter((v) => v > 0).length / n);
    }
    const [m, se] = meanSe(shares);
    expect(Math.abs(m - inBagFraction(n))).toBeLessThan(Z * se);
  });

  it('10⁶ samples: counts without a stack overflow, the in-bag share near 1 − 1/e', () => {
    const c = bootstrapCounts(1_000_000, createRng(1));
    let drawn = 0;
    for (const v of c) drawn += v > 0 ? 1 : 0;
    // binomial-like SE of the share: √(0.632·0.368/10⁶) ≈ 4.8e-4
    expect(Math.abs(drawn / 1e6 - inBagFraction(1e6))).toBeLessThan(2e-3);
  });
});

/** Small tree-correlation studies on diabetes, computed once. */
const small = (maxFeatures: number, seed: number) => {
  const { train, test: held } = diabetesSplit;
  const Xt = new Matrix(20, 10, held.X.data.slice(0, 200));
  return treeCorrelation(train.X, train.y, Xt, held.y.slice(0, 20),
    { nTrain: 80, B: 8, reps: 25, maxFeatures, seed });
};
let memo: ReturnType<typeof small>[] | undefined;
const studies = () => memo ??= [small(1, 1), small(10, 2), small(1, 3)];

describe('the variance of an average, Eq. (rf-variance)', () => {
  it('matches the variance of the mean of B equicorrelated Gaussians (ρ = 0.3, B = 10) within 4 SE', () => {
    const rng = createRng(3);
    const rho = 0.3, B = 10, reps = 4000;
    const means: number[] = [];
    for (let r = 0; r < reps; r++) {
      const u = rng.normal();
      let s = 0;
      for (let b = 0; b < B; b++) {
        s += Math.sqrt(rho) * u + Math.sqrt(1 - rho) * rng.normal();
      }
      means.push(s / B);
    }
    const v = moments(means).variance;
    // SE of a sample variance of normals: v·√(2/(reps − 1))
    expect(Math.abs(v - averageVariance(rho, 1, B)))
      .toBeLessThan(Z * v * Math.sqrt(2 / (reps - 1)));
  });

  it('is σ² at B = 1 and tends to ρσ² as B grows', () => {
    expect(averageVariance(0.2, 5, 1)).toBeCloseTo(5, 14);
    expect(averageVariance(0.2, 5, 1e9)).toBeCloseTo(1, 7);
    expect(averageVariance(0, 5, 10)).toBeCloseTo(0.5, 14);
  });

  it('real trees (diabetes): ρ and σ² measured on one set of training sets predict the variance of 8-tree forests on another within 15 %', () => {
    const [a, , b] = studies();
    const predicted = averageVariance(a.rho, a.sigma2, 8);
    // review: tightened from 30 %. Repeated with 8 seeds for the second
    // set, the gap has a standard deviation of about 4 % and is at most
    // about 6 % (src/compute/random-forests.ts, smallCheck): 15 % is
    // about four such standard deviations
    expect(Math.abs(b.forestVar[7] / predicted - 1)).toBeLessThan(0.15);
    expect(b.forestVar[7]).toBeLessThan(b.forestVar[0] / 2);
  });

  it('trying fewer features per split lowers ρ (m = 1 against m = d = 10, diabetes)', () => {
    const [one, all] = studies();
    expect(one.rho).toBeLessThan(all.rho);
    expect(one.rho).toBeGreaterThan(0);
  });
});

describe('the forest', () => {
  it('one tree, no bootstrap, all features: the forest is the decision tree (node for node, penguins)', () => {
    const { X, y } = penguinMeasurements();
    const f = fitForest(X, y, { task: 'classification', nTrees: 1,
      bootstrap: false, maxFeatures: 4, seed: 9 });
    const t = fitTree(X, y);
    expect(f.trees[0]).toEqual(t);
    expect(predictForest(f, X)).toEqual(predictTree(t, X));
    expect(predictForestProba(f, X)).toEqual(predictProba(t, X));
  });

  it('regression: one tree, no bootstrap, all features is the regression tree', () => {
    const { X, y } = diabetesSplit.train;
    const f = fitForest(X, y, { task: 'regression', nTrees: 1,
      bootstrap: false, minSamplesLeaf: 5 });
    const t = fitTree(X, y, { criterion: 'squared_error',
      minSamplesLeaf: 5 });
    expect(f.trees[0]).toEqual(t);
    expect(predictForest(f, X)).toEqual(predictTree(t, X));
  });

  it('tree b depends only on the seed and b: the first 3 trees of a 5-tree forest are the trees of a 3-tree forest', () => {
    const { X, y } = wineSplit.train;
    const a = fitForest(X, y, { task: 'classification', nTrees: 5,
      seed: 4 });
    const b = fitForest(X, y, { task: 'classification', nTrees: 3,
      seed: 4 });
    expect(a.trees.slice(0, 3)).toEqual(b.trees);
    expect(a.inBag.slice(0, 3)).toEqual(b.inBag);
    expect(a.trees[3]).not.toEqual(a.trees[0]);
  });

  it('a tree sees only the rows it drew, weighted by their counts', () => {
    const { X, y } = wineSplit.train;
    const f = fitForest(X, y, { task: 'classification', nTrees: 2,
      seed: 1 });
    const counts = f.inBag[0];
    const drawn = counts.filter((c) => c > 0).length;
    expect(f.trees[0].nNodeSamples[0]).toBe(drawn);
    expect(f.trees[0].weightedNNodeSamples[0]).toBe(X.rows);
  });

  it('Eq. (rf-proba): classification averages the tree probabilities and takes the largest', () => {
    const { train, test } = wineSplit;
    const f = fitForest(train.X, train.y, { task: 'classification',
      nTrees: 7, seed: 2 });
    const P = predictForestProba(f, test.X);
    const mean = new Float64Array(P.length);
    for (const t of f.trees) {
      predictProba(t, test.X).forEach((p, k) => { mean[k] += p / 7; });
    }
    P.forEach((p, k) => expect(p).toBeCloseTo(mean[k], 14));
    const yHat = predictForest(f, test.X);
    for (let i = 0; i < test.X.rows; i++) {
      const row = Array.from(P.subarray(i * 3, i * 3 + 3));
      expect(yHat[i]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('Eq. (rf-average): regression predicts the mean of the trees, so never beyond the range of the targets', () => {
    const n = 60;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const f = fitForest(new Matrix(n, 1, x), x, { task: 'regression',
      nTrees: 10, seed: 3 });
    const far = new Matrix(3, 1, Float64Array.of(-1, 2, 10));
    const p = predictForest(f, far);
    for (const v of p) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(p[2]).toBe(p[1]); // flat beyond the data: no extrapolation
    const m = f.trees.reduce((s, t) => s + predictTree(t, far)[1], 0);
    expect(p[1]).toBeCloseTo(m / 10, 14);
  });
});

describe('out of bag', () => {
  it('each sample is predicted only by trees that did not draw it, about B/e of them', () => {
    const { X, y } = wineSplit.train;
    const f = fitForest(X, y, { task: 'classification', nTrees: 20,
      seed: 6 });
    const { votes } = oobPredict(f, X);
    let total = 0;
    for (let i = 0; i < X.rows; i++) {
      const expected = f.inBag.filter((c) => c[i] === 0).length;
      expect(votes[i]).toBe(expected);
      total += votes[i];
    }
    // mean of 119 binomial(20, 0.36) counts: SE ≈ √(20·0.23/119)
    expect(Math.abs(total / X.rows - 20 * (1 - inBagFraction(X.rows))))
      .toBeLessThan(Z * Math.sqrt(20 * 0.233 / X.rows));
  });

  it('an out-of-bag prediction equals the mean over the trees that left the sample out', () => {
    const { X, y } = diabetesSplit.train;
    const f = fitForest(X, y, { task: 'regression', nTrees: 6, seed: 8,
      maxFeatures: 3, minSamplesLeaf: 5 });
    const { value, votes } = oobPredict(f, X);
    const i = votes.findIndex((v) => v >= 2);
    let s = 0;
    f.trees.forEach((t, b) => {
      if (f.inBag[b][i] === 0) s += predictTree(t, X)[i];
    });
    expect(value[i]).toBeCloseTo(s / votes[i], 10);
  });

  it('with few trees the out-of-bag accuracy is pessimistic: 3 trees score below 20 on wine (mean of 8 seeds)', () => {
    const { X, y } = wineSplit.train;
    let few = 0, many = 0;
    for (let seed = 0; seed < 8; seed++) {
      const f = fitForest(X, y, { task: 'classification', nTrees: 20,
        seed });
      const curve = oobCurve(f, X, y);
      const f3 = { ...f, trees: f.trees.slice(0, 3),
        inBag: f.inBag.slice(0, 3) };
      few += oobScore(f3, X, y).score / 8;
      many += curve[19] / 8;
      expect(curve[19]).toBe(oobScore(f, X, y).score);
    }
    expect(few).toBeLessThan(many - 0.03);
  });
});

describe('importance', () => {
  it('Eq. (rf-mdi): the forest MDI is the mean of the tree MDIs and sums to 1', () => {
    const { X, y } = wineSplit.train;
    const f = fitForest(X, y, { task: 'classification', nTrees: 5,
      seed: 1 });
    const imp = forestImportances(f);
    const mean = new Float64Array(13);
    for (const t of f.trees) {
      featureImportances(t).forEach((v, j) => { mean[j] += v / 5; });
    }
    imp.forEach((v, j) => expect(v).toBeCloseTo(mean[j], 12));
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('Strobl et al.: MDI ranks a continuous noise feature above a binary one and above SEX; permutation gives both about 0 (diabetes)', () => {
    const { train, test } = diabetesSplit;
    const f = fitForest(withNoiseFeatures(train.X, 1), train.y, {
      task: 'regression', nTrees: 20, seed: 0, maxFeatures: 4 });
    const mdi = forestImportances(f);
    expect(mdi[10]).toBeGreaterThan(3 * mdi[11]);
    expect(mdi[10]).toBeGreaterThan(2 * mdi[1]); // SEX, a real feature
    const perm = permutationImportance((X) => predictForest(f, X),
      withNoiseFeatures(test.X, 2), test.y, (a, b) =>
        r2Score(Float64Array.from(a), Float64Array.from(b)), 5, 3);
    expect(Math.abs(perm.mean[10])).toBeLessThan(0.02);
    expect(Math.abs(perm.mean[11])).toBeLessThan(0.02);
    expect(perm.mean[2]).toBeGreaterThan(0.1); // BMI
  });

  it('permutation importance: a feature the model ignores scores exactly 0; the base score is the score of the model', () => {
    const X = new Matrix(4, 2, Float64Array.of(0, 5, 1, 6, 2, 7, 3, 8));
    const y = Float64Array.of(0, 1, 2, 3);
    const predict = (M: Matrix) => Float64Array.from({ length: M.rows },
      (_, i) => M.data[i * 2]);
    const neg = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      -Array.from(a).reduce((s, v, i) => s + (v - b[i]) ** 2, 0);
    const r = permutationImportance(predict, X, y, neg, 4, 0);
    expect(Math.abs(r.base)).toBe(0);
    expect(r.mean[1]).toBe(0);
    expect(r.std[1]).toBe(0);
    expect(r.mean[0]).toBeGreaterThan(0);
  });

  it('correlated features share MDI: a copy of flavanoids takes part of its importance', () => {
    const { X, y } = wineSplit.train;
    const j = 6; // flavanoids
    const Xc = new Matrix(X.rows, 14);
    for (let i = 0; i < X.rows; i++) {
      Xc.data.set(X.data.subarray(i * 13, i * 13 + 13), i * 14);
      Xc.data[i * 14 + 13] = X.data[i * 13 + j];
    }
    const opts = { task: 'classification' as const, nTrees: 20, seed: 2,
      maxFeatures: 3 };
    const alone = forestImportances(fitForest(X, y, opts))[j];
    const twin = forestImportances(fitForest(Xc, y, opts));
    expect(twin[j]).toBeLessThan(0.8 * alone);
    expect(twin[13]).toBeGreaterThan(0.2 * alone);
  });
});

describe('extremely randomized trees', () => {
  it('a root threshold is uniform between the smallest and largest value in the node (mean within 4 SE, range inside)', () => {
    const x = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    const y = Float64Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const X = new Matrix(10, 1, x);
    const cuts: number[] = [];
    for (let seed = 0; seed < 400; seed++) {
      const t = fitExtraTree(X, y, { maxDepth: 1, seed });
      expect(t.threshold[0]).toBeGreaterThanOrEqual(0);
      expect(t.threshold[0]).toBeLessThan(10);
      cuts.push(t.threshold[0]);
    }
    const [m, se] = meanSe(cuts);
    expect(Math.abs(m - 5)).toBeLessThan(Z * se);
    expect(Math.abs(se - 10 / Math.sqrt(12 * 400))).toBeLessThan(0.02);
  });

  it('keeps the best of the random cuts: with all features tried, an informative feature is chosen over noise', () => {
    const rng = createRng(2);
    const n = 200;
    const X = new Matrix(n, 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 3; j++) X.data[i * 3 + j] = rng.uniform();
      y[i] = X.data[i * 3 + 1] > 0.5 ? 1 : 0;
    }
    let picked = 0;
    for (let seed = 0; seed < 50; seed++) {
      const t = fitExtraTree(X, y, { maxDepth: 1, seed });
      picked += t.feature[0] === 1 ? 1 : 0;
    }
    expect(picked).toBeGreaterThan(40);
  });

  it('grown fully, the leaves are pure and the training labels are fitted', () => {
    const { X, y } = wineSplit.train;
    const t = fitExtraTree(X, y, { seed: 5, maxFeatures: 3 });
    expect(predictTree(t, X)).toEqual(Float64Array.from(y));
    for (let node = 0; node < t.nodeCount; node++) {
      if (t.left[node] === -1) expect(t.impurity[node]).toBeLessThan(1e-12);
    }
  });
});

describe('against scikit-learn 1.2.1 (means over seeds within 4 SE)', () => {
  it('random forest, wine: test accuracy and out-of-bag accuracy', () => {
    const r = rfWine();
    expect(Math.abs(zScore(r.test, col(sk.rf_wine, 'test'))))
      .toBeLessThan(Z);
    expect(Math.abs(zScore(r.oob, col(sk.rf_wine, 'oob'))))
      .toBeLessThan(Z);
  });

  it('random forest, wine: the MDI importance of every feature', () => {
    expect(worstImportanceZ(rfWine().imp, sk.rf_wine)).toBeLessThan(Z);
  });

  it('extra trees, wine: test accuracy and every MDI importance', () => {
    const r = etWine();
    expect(Math.abs(zScore(r.test, col(sk.et_wine, 'test'))))
      .toBeLessThan(Z);
    expect(worstImportanceZ(r.imp, sk.et_wine)).toBeLessThan(Z);
  });

  it('random forest regressor, diabetes: test R², out-of-bag R², every MDI importance', () => {
    const r = rfDiabetes();
    const rows = sk.rf_diabetes;
    expect(Math.abs(zScore(r.test, col(rows, 'test')))).toBeLessThan(Z);
    expect(Math.abs(zScore(r.oob, col(rows, 'oob')))).toBeLessThan(Z);
    expect(worstImportanceZ(r.imp, rows)).toBeLessThan(Z);
  });

  it('the fixture is scikit-learn 1.2.1 with 30 seeds of 10 trees', () => {
    expect(sk.versions.sklearn).toBe('1.2.1');
    expect(sk.rf_wine.length).toBe(30);
    expect(sk.trees).toBe(10);
  });
});

describe('exercises', () => {
  it('majority vote agrees with probability averaging on most wine test rows; one tree votes as it predicts', () => {
    const { train, test } = wineSplit;
    const f = fitForest(train.X, train.y, { task: 'classification',
      nTrees: 9, seed: 1 });
    const vote = predictByVote(f, test.X);
    expect(accuracy(vote, predictForest(f, test.X))).toBeGreaterThan(0.9);
    const one: Forest = { ...f, trees: f.trees.slice(0, 1),
      inBag: f.inBag.slice(0, 1) };
    expect(predictByVote(one, test.X)).toEqual(predictTree(f.trees[0],
      test.X));
  });

  it('the OOB curve is NaN until every sample is out of bag somewhere, then the OOB score of the first b trees', () => {
    const { X, y } = wineSplit.train;
    const f = fitForest(X, y, { task: 'classification', nTrees: 12,
      seed: 3 });
    const curve = oobCurve(f, X, y);
    expect(curve[0]).toBeNaN();
    const first = { ...f, trees: f.trees.slice(0, 12),
      inBag: f.inBag.slice(0, 12) };
    expect(curve[11]).toBe(oobScore(first, X, y).score);
  });
});

describe('bad input', () => {
  it('the bootstrap, the forest, extra trees and prediction', () => {
    rejectsBadInput(badInput.core);
  });
  it('out of bag, importance, variance and the helpers', () => {
    rejectsBadInput(badInput.more);
  });
});

describe('review', () => {
  it('the scikit-learn comparison can fail: forests trying all 13 wine features per split (bagging) instead of 3 are rejected', () => {
    const bagging = runs(wineSplit, { maxFeatures: 13 }, false)();
    expect(worstImportanceZ(bagging.imp, sk.rf_wine)).toBeGreaterThan(Z);
  });

  it('exercise (how negative can ρ be): at ρ = −1/(B − 1) the variance of the average is 0, below it negative', () => {
    const B = 5;
    expect(averageVariance(-1 / (B - 1), 2, B)).toBeCloseTo(0, 14);
    expect(averageVariance(-0.3, 2, B)).toBeLessThan(0);
  });

  it('a bootstrap sample that misses row i is n draws from the other n − 1 rows: each is drawn n/(n − 1) times on average (within 4 SE)', () => {
    const n = 5;
    const rng = createRng(12);
    const other: number[] = [];
    for (let r = 0; r < 4000; r++) {
      const c = bootstrapCounts(n, rng);
      if (c[0] === 0) other.push(c[1]);
    }
    const [m, se] = meanSe(other);
    expect(Math.abs(m - n / (n - 1))).toBeLessThan(Z * se);
    expect(Math.abs(m - 1)).toBeGreaterThan(Z * se); // not 1, as without
  });
});
