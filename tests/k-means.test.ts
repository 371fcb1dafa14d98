// Tests for the k-means chapter. Each `it` is one claim of the chapter;
// equation labels refer to chapters/unsupervised/k-means.mdx. Reference
// values come from scripts/reference/k_means.py (scikit-learn 1.2.1).
// Monte-Carlo claims are checked within four standard errors computed
// from the simulation itself, with fixed seeds.
import { describe, expect, it } from 'vitest';
import { loadIris } from '../code/calculus/iris.ts';
import { createRng } from '../code/introduction/random.ts';
import { moments } from '../code/introduction/stats.ts';
import { Matrix } from '../code/linear-algebra/matrix.ts';
import { loadWine } from '../code/k-nearest-neighbors/wine.ts';
import { loadDigits } from '../code/softmax-regression/digits.ts';
import { blobs, twoMoons } from '../code/k-means/data.ts';
import {
  bestOf,
  chooseK,
  gridBlobs,
  hardLimit,
  seedingStudy,
} from '../code/k-means/experiments.ts';
import {
  assign,
  inertia,
  lloyd,
  meanVariance,
  update,
} from '../code/k-means/lloyd.ts';
import { miniBatchKMeans } from '../code/k-means/minibatch.ts';
import { responsibilities } from '../code/k-means/mixture.ts';
import { purity, wineScaling } from '../code/k-means/real-data.ts';
import {
  kMeansPlusPlus,
  randomSeeding,
  rowsOf,
} from '../code/k-means/seeding.ts';
import {
  silhouetteSamples,
  silhouetteScore,
} from '../code/k-means/silhouette.ts';
import { medianUpdate } from '../code/k-means/solutions/median.ts';
import { sequentialMeans } from '../code/k-means/solutions/running-mean.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/k-means.ts';
import { fixture } from './helpers.ts';

const sk = fixture('k-means', 'sklearn.json');
const f64 = (xs: number[]) => Float64Array.from(xs);
const BLOBS = new Matrix(sk.n, 2, f64(sk.blobs));
const DATA: Record<string, () => Matrix> = {
  blobs_tol0: () => BLOBS,
  blobs_tol: () => BLOBS,
  iris: () => loadIris().X,
  iris_tol0: () => loadIris().X,
  wine: () => loadWine().X,
  digits: () => loadDigits().X,
  digits_tol: () => loadDigits().X,
};

/** Our Lloyd run from scikit-learn's initial centres, beside its. */
function against(ref: any, X: Matrix) {
  const C0 = new Matrix(ref.k, X.cols, f64(ref.init));
  return { ours: lloyd(X, C0, { tol: ref.tol }), ref };
}

/** Identical labels, centres to 1e-10, inertia to 1e-12 relative, the
 *  same number of iterations. */
function expectSame({ ours, ref }: ReturnType<typeof against>) {
  expect(Array.from(ours.labels)).toEqual(ref.labels);
  let worst = 0;
  ours.centers.data.forEach((v, t) => {
    worst = Math.max(worst, Math.abs(v - ref.centers[t]));
  });
  expect(worst).toBeLessThan(1e-10);
  expect(Math.abs(ours.inertia - ref.inertia) / ref.inertia)
    .toBeLessThan(1e-12);
  expect(ours.nIter).toBe(ref.n_iter);
}

const rng0 = () => createRng(11);
const small = () => blobs([[0, 0], [4, 0], [0, 4]], [20, 15, 10],
  [1, 0.7, 0.5], rng0());

describe('Lloyd’s algorithm', () => {
  it('the assignment step gives each point its nearest centre, the first on a tie (Eq. km-assign)', () => {
    const { X } = small();
    const C = new Matrix(3, 2, f64([0, 0, 2, 0, 2, 0])); // 1 and 2 tie
    const { labels, dist2 } = assign(X, C);
    for (let i = 0; i < X.rows; i++) {
      const d = [0, 1, 2].map((m) => (X.get(i, 0) - C.get(m, 0)) ** 2 +
        (X.get(i, 1) - C.get(m, 1)) ** 2);
      expect(dist2[i]).toBe(Math.min(...d));
      expect(labels[i]).toBe(d.indexOf(Math.min(...d)));
    }
    expect(Array.from(labels)).not.toContain(2);
  });

  it('at the mean, moving a centre by δ adds exactly n_m ‖δ‖² to the inertia (Eq. km-update)', () => {
    const { X } = small();
    const { labels } = assign(X, rowsOf(X, [0, 20, 40]));
    const { centers, counts } = update(X, rowsOf(X, [0, 20, 40]), labels);
    const base = inertia(X, centers, labels);
    const moved = new Matrix(3, 2, centers.data.slice());
    moved.data[2] += 0.3; // centre 1 by δ = (0.3, -0.2)
    moved.data[3] -= 0.2;
    const gain = inertia(X, moved, labels) - base;
    expect(gain).toBeCloseTo(counts[1] * (0.09 + 0.04), 10);
  });

  it('the inertia never increases, at every half-step, on blobs, iris and digits', () => {
    const runs = [
      lloyd(BLOBS, rowsOf(BLOBS, sk.init_rows), { tol: 0, trace: true }),
      lloyd(loadIris().X, rowsOf(loadIris().X, [0, 1, 2]),
        { tol: 0, trace: true }),
      lloyd(loadDigits().X, rowsOf(loadDigits().X,
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), { tol: 0, trace: true }),
    ];
    for (const r of runs) {
      expect(r.trace.length).toBe(2 * r.nIter);
      for (let t = 1; t < r.trace.length; t++) {
        expect(r.trace[t]).toBeLessThanOrEqual(r.trace[t - 1]);
      }
    }
  });

  it('the inertia never increases when an empty cluster is relocated', () => {
    const C0 = new Matrix(3, 2, f64(sk.empty.two.init));
    const r = lloyd(BLOBS, C0, { tol: 0, trace: true });
    expect(r.trace[1]).toBeLessThan(r.trace[0]);
    for (let t = 1; t < r.trace.length; t++) {
      expect(r.trace[t]).toBeLessThanOrEqual(r.trace[t - 1]);
    }
  });

  it('stops when no label changes; at maxIter it reassigns to the last centres', () => {
    const C0 = rowsOf(BLOBS, sk.init_rows);
    const full = lloyd(BLOBS, C0, { tol: 0 });
    expect(full.stop).toBe('labels');
    const cut = lloyd(BLOBS, C0, { tol: 0, maxIter: 2 });
    expect(cut.nIter).toBe(2);
    expect(cut.stop).toBe('max-iter');
    expect(Array.from(cut.labels))
      .toEqual(Array.from(assign(BLOBS, cut.centers).labels));
  });

  it('scales tol by the mean of the features’ variances, as scikit-learn', () => {
    const X = new Matrix(3, 2, f64([0, 0, 1, 2, 2, 4]));
    expect(meanVariance(X)).toBeCloseTo((2 / 3 + 8 / 3) / 2, 14);
  });

  it('the empty cluster takes the point farthest from its centre', () => {
    const X = new Matrix(4, 1, f64([0, 1, 3, 10]));
    const C = new Matrix(3, 1, f64([1, 100, 200]));
    const { labels } = assign(X, C); // all four go to centre 0
    const { centers, labels: moved } = update(X, C, labels);
    // 10 (81 from its centre) fills cluster 1, 3 (4 away) cluster 2
    expect(Array.from(centers.data)).toEqual([0.5, 10, 3]);
    expect(Array.from(moved)).toEqual([0, 0, 2, 1]);
  });

  it('runs on 100,000 points without a stack overflow', () => {
    const rng = createRng(5);
    const X = new Matrix(100_000, 2, rng.normalArray(200_000));
    const r = lloyd(X, rowsOf(X, [0, 1, 2]), { maxIter: 3 });
    expect(r.labels.length).toBe(100_000);
    expect(Number.isFinite(r.inertia)).toBe(true);
  });
});

describe('against scikit-learn 1.2.1 KMeans(algorithm="lloyd")', () => {
  it('blobs, tol = 0: the same labels, centres, inertia and iterations', () => {
    expectSame(against(sk.lloyd.blobs_tol0, BLOBS));
  });

  it('blobs, tol = 1e-2: stops on the centre shift at the same iteration', () => {
    const run = against(sk.lloyd.blobs_tol, BLOBS);
    expect(run.ours.stop).toBe('tol');
    expectSame(run);
  });

  it('iris (tol 1e-4 and 0), wine and digits: the same results', () => {
    for (const name of ['iris', 'iris_tol0', 'wine', 'digits',
      'digits_tol']) {
      expectSame(against(sk.lloyd[name], DATA[name]()));
    }
  });

  it('one and two empty clusters: relocated as scikit-learn does', () => {
    expectSame(against(sk.empty.one, BLOBS));
    expectSame(against(sk.empty.two, BLOBS));
  });

  it('the silhouette equals silhouette_score and silhouette_samples', () => {
    const iris = loadIris().X;
    expect(silhouetteScore(iris, Int32Array.from(sk.silhouette.iris_labels),
      3)).toBeCloseTo(sk.silhouette.iris, 12);
    const lab = Int32Array.from(sk.silhouette.blobs_labels);
    expect(silhouetteScore(BLOBS, lab, 4)).toBeCloseTo(sk.silhouette.blobs,
      12);
    const s = silhouetteSamples(BLOBS, lab, 4);
    s.forEach((v, i) => {
      expect(v).toBeCloseTo(sk.silhouette.blobs_samples[i], 12);
    });
  });

  it('mini-batch: our mean final inertia is within 4 standard errors of MiniBatchKMeans’s', () => {
    const mb = sk.minibatch;
    const ours: number[] = [];
    for (let s = 0; s < mb.seeds; s++) {
      const C = miniBatchKMeans(BLOBS, rowsOf(BLOBS, sk.init_rows),
        { batchSize: mb.batch_size, steps: mb.n_steps }, createRng(100 + s));
      ours.push(assign(BLOBS, C).dist2.reduce((a, b) => a + b, 0));
    }
    const a = moments(ours);
    const b = moments(mb.inertias);
    const se = Math.sqrt(a.variance / mb.seeds + b.variance / mb.seeds);
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * se);
  });
});

describe('seeding', () => {
  it('k-means++ picks k distinct points and never a copy of a centre', () => {
    const X = new Matrix(6, 1, f64([0, 0, 0, 5, 5, 9]));
    for (let s = 0; s < 20; s++) {
      const ids = kMeansPlusPlus(X, 3, createRng(s));
      const values = ids.map((i) => X.data[i]).sort((a, b) => a - b);
      expect(values).toEqual([0, 5, 9]);
    }
  });

  it('draws the second centre with probability D² / Σ D² (Eq. km-dsquared)', () => {
    const X = new Matrix(4, 1, f64([0, 1, 2, 3]));
    const rng = createRng(3);
    const reps = 20_000;
    let farHits = 0;
    let firstIsZero = 0;
    for (let r = 0; r < reps; r++) {
      const [a, b] = kMeansPlusPlus(X, 2, rng, 1);
      if (a !== 0) continue;
      firstIsZero++;
      if (b === 3) farHits++;
    }
    const p = 9 / 14; // D² = 1, 4, 9 from the point 0
    const se = Math.sqrt(p * (1 - p) / firstIsZero);
    expect(Math.abs(farHits / firstIsZero - p)).toBeLessThan(4 * se);
  });

  it('uniform seeding picks k distinct rows', () => {
    const ids = randomSeeding(BLOBS, 10, createRng(2));
    expect(new Set(ids).size).toBe(10);
  });

  it('k-means++ seeds far better than uniform seeds, below 8(ln k + 2)', () => {
    const [row] = seedingStudy([8], 20, 30, 5);
    expect(row.plusplus.mean).toBeLessThan(row.bound);
    expect(row.greedy.mean + 4 * Math.hypot(row.greedy.se,
      row.plusplus.se)).toBeLessThan(row.plusplus.mean);
    expect(row.plusplus.mean + 4 * Math.hypot(row.plusplus.se,
      row.random.se)).toBeLessThan(row.random.mean);
  });
});

describe('choosing k', () => {
  it('the best inertia falls as k grows: inertia alone always asks for more clusters', () => {
    const rows = chooseK(BLOBS, [2, 3, 4, 5, 6], 3, 1);
    for (let t = 1; t < rows.length; t++) {
      expect(rows[t].inertia).toBeLessThan(rows[t - 1].inertia);
    }
  });

  it('the silhouette is highest at the four blobs the data were drawn from', () => {
    const rows = chooseK(BLOBS, [2, 3, 4, 5, 6], 3, 1);
    const best = rows.reduce((a, b) => (b.silhouette > a.silhouette ? b
      : a));
    expect(best.k).toBe(4);
  });

  it('a point alone in its cluster has silhouette 0', () => {
    const X = new Matrix(4, 1, f64([0, 1, 2, 9]));
    const s = silhouetteSamples(X, Int32Array.of(0, 0, 0, 1), 2);
    expect(s[3]).toBe(0);
    expect(s[0]).toBeCloseTo((9 - 1.5) / 9, 14);
  });

  it('purity is 1 for a perfect clustering under any relabelling', () => {
    expect(purity(Int32Array.of(2, 2, 0, 1), Int32Array.of(0, 0, 1, 2),
      3, 3)).toBe(1);
    expect(purity(Int32Array.of(0, 0, 0, 0), Int32Array.of(0, 0, 1, 2),
      1, 3)).toBe(0.5);
  });

  it('on wine, standardizing raises the clusters’ purity', () => {
    const w = wineScaling();
    expect(w.scaled).toBeGreaterThan(w.raw + 0.2);
  });
});

describe('k-means as a hard Gaussian mixture', () => {
  it('responsibilities are probabilities, uniform as σ → ∞', () => {
    const { X } = small();
    const mu = rowsOf(X, [0, 20, 40]);
    const R = responsibilities(X, mu, 1);
    for (let i = 0; i < X.rows; i++) {
      expect(R.get(i, 0) + R.get(i, 1) + R.get(i, 2)).toBeCloseTo(1, 14);
    }
    const far = responsibilities(X, mu, 1e4);
    for (const r of far.data) expect(r).toBeCloseTo(1 / 3, 5);
  });

  it('as σ → 0 the responsibilities become the hard labels (Eq. km-hard-limit)', () => {
    const { X } = small();
    const gaps = hardLimit(X, rowsOf(X, [0, 20, 40]), [1, 0.3, 0.1, 0.03]);
    for (let t = 1; t < gaps.length; t++) {
      expect(gaps[t].gap).toBeLessThan(gaps[t - 1].gap);
    }
    expect(gaps[3].gap).toBeLessThan(1e-6);
  });

  it('mini-batch with one centre keeps the running mean of every point drawn (Eq. km-batch)', () => {
    const X = new Matrix(5, 1, f64([1, 2, 6, 7, 30]));
    const C = miniBatchKMeans(X, new Matrix(1, 1, f64([0])),
      { batchSize: 3, steps: 4 }, createRng(1));
    const rng = createRng(1); // the same draws, replayed
    let sum = 0;
    for (let t = 0; t < 12; t++) sum += X.data[rng.int(0, 5)];
    expect(C.data[0]).toBeCloseTo(sum / 12, 12);
  });
});

describe('exercises', () => {
  it('MacQueen’s sequential update with η = 1/v ends at the cluster means', () => {
    const { X } = small();
    const C0 = rowsOf(X, [0, 20, 40]);
    const { labels } = assign(X, C0);
    const seq = sequentialMeans(X, labels, C0);
    const batch = update(X, C0, labels).centers;
    seq.data.forEach((v, t) => expect(v).toBeCloseTo(batch.data[t], 12));
  });

  it('the median update does not raise the sum of absolute deviations', () => {
    const { X } = small();
    const C0 = rowsOf(X, [0, 20, 40]);
    const { labels } = assign(X, C0);
    const M = medianUpdate(X, labels, C0);
    const l1 = (C: Matrix) => {
      let s = 0;
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < 2; j++) {
          s += Math.abs(X.get(i, j) - C.get(labels[i], j));
        }
      }
      return s;
    };
    const means = update(X, C0, labels).centers;
    expect(l1(M)).toBeLessThanOrEqual(l1(means));
    for (const delta of [-0.05, 0.05]) {
      const P = new Matrix(3, 2, M.data.slice());
      P.data[0] += delta;
      expect(l1(M)).toBeLessThanOrEqual(l1(P));
    }
  });
});

describe('bad input', () => {
  it('Lloyd, seeding, silhouette and mini-batch reject bad input', () => {
    rejectsBadInput(badInput.core);
  });

  it('the data, experiment and exercise functions reject bad input', () => {
    rejectsBadInput(badInput.experiments);
  });
});

describe('data and restarts', () => {
  it('two moons: n points per moon, labelled by moon', () => {
    const { X, y } = twoMoons(50, 0.05, createRng(1));
    expect(X.rows).toBe(100);
    expect(y.filter((v) => v === 1).length).toBe(50);
  });

  it('grid blobs: k blobs of per points, 10 apart', () => {
    const { X, y } = gridBlobs(5, 30, createRng(2));
    expect(X.rows).toBe(150);
    const ys = Array.from(y);
    expect(ys.filter((v) => v === 4).length).toBe(30);
    const m = moments(X.col(0).filter((_, i) => y[i] === 1)).mean;
    expect(Math.abs(m - 10)).toBeLessThan(4 / Math.sqrt(30));
  });

  it('n_init: the best of several runs is never worse than the first', () => {
    const one = bestOf(BLOBS, 4, 1, createRng(9));
    const five = bestOf(BLOBS, 4, 5, createRng(9));
    expect(five.inertia).toBeLessThanOrEqual(one.inertia);
  });
});

describe('claims on real and synthetic data', () => {
  it('on iris the silhouette prefers k = 2, and inertia falls all the way to k = 8', async () => {
    const { irisChooseK } = await import('../code/k-means/real-data.ts');
    const { rows } = irisChooseK();
    const best = rows.reduce((a, b) => (b.silhouette > a.silhouette ? b
      : a));
    expect(best.k).toBe(2);
    for (let t = 1; t < rows.length; t++) {
      expect(rows[t].inertia).toBeLessThan(rows[t - 1].inertia);
    }
  });

  it('k-means with k = 2 does not recover the two moons', () => {
    const rng = createRng(31);
    const moons = twoMoons(150, 0.06, rng);
    const fit = bestOf(moons.X, 2, 10, rng);
    let same = 0;
    for (let i = 0; i < moons.X.rows; i++) {
      same += +(fit.labels[i] === moons.y[i]);
    }
    const agree = Math.max(same, moons.X.rows - same) / moons.X.rows;
    expect(agree).toBeLessThan(0.9);
  });
});

describe('review', () => {
  it('a relocation that empties its source cluster leaves no NaN centre, as scikit-learn', () => {
    const ref = sk.empty.emptied;
    const X = new Matrix(ref.X.length, 1, f64(ref.X));
    const C0 = new Matrix(ref.k, 1, f64(ref.init));
    const { labels } = assign(X, C0);
    const { centers } = update(X, C0, labels);
    for (const v of centers.data) expect(Number.isFinite(v)).toBe(true);
    expectSame(against(ref, X));
    // stopped after one iteration (max_iter=1 in the reference script):
    // the emptied centre sits at the data's mean, as in scikit-learn
    const one = sk.empty.emptied_1;
    expectSame({ ours: lloyd(X, C0, { tol: 0, maxIter: 1 }), ref: one });
  });

  it('meanVariance names itself when X holds NaN', () => {
    const X = new Matrix(2, 1, f64([Number.NaN, 1]));
    expect(() => meanVariance(X)).toThrow(/^meanVariance/);
  });

  it('removing x from a cluster lowers its sum of squares by n/(n−1)‖x − x̄‖² (Exercise hint)', () => {
    const { X } = small();
    const ss = (rows: number[]) => {
      const C = new Matrix(1, 2);
      for (const i of rows) {
        C.data[0] += X.get(i, 0) / rows.length;
        C.data[1] += X.get(i, 1) / rows.length;
      }
      return inertia(rowsOf(X, rows), C, new Int32Array(rows.length));
    };
    const all = Array.from({ length: 20 }, (_, i) => i);
    const mean = [0, 1].map((j) =>
      all.reduce((s, i) => s + X.get(i, j), 0) / 20);
    const x = 7;
    const d2 = (X.get(x, 0) - mean[0]) ** 2 + (X.get(x, 1) - mean[1]) ** 2;
    const drop = ss(all) - ss(all.filter((i) => i !== x));
    expect(drop).toBeCloseTo((20 / 19) * d2, 10);
  });

  it('1 − r_{i z_i} ≤ (k − 1) exp(−Δ_i / 2σ²) for every point and σ (Eq. km-hard-limit)', () => {
    const { X } = small();
    const mu = rowsOf(X, [0, 20, 40]);
    const { labels } = assign(X, mu);
    for (const sigma of [3, 1, 0.5, 0.2]) {
      const R = responsibilities(X, mu, sigma);
      for (let i = 0; i < X.rows; i++) {
        const q = [0, 1, 2].map((m) => (X.get(i, 0) - mu.get(m, 0)) ** 2 +
          (X.get(i, 1) - mu.get(m, 1)) ** 2).sort((a, b) => a - b);
        const bound = 2 * Math.exp(-(q[1] - q[0]) / (2 * sigma ** 2));
        expect(1 - R.get(i, labels[i])).toBeLessThanOrEqual(bound + 1e-15);
      }
    }
  });

  it('the benchmark ratio is ours / scikit-learn, on the same labels and iterations', () => {
    const b = fixture('k-means', 'benchmark.json');
    expect(b.ratio).toBeCloseTo(b.ours_ms / b.sklearn_ms, 12);
    expect(b.same_labels && b.same_iterations).toBe(true);
  });
});
