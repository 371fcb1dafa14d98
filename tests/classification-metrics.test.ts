// Tests for the classification-metrics chapter. Each `it` is one claim
// of the chapter; equation labels refer to chapters/linear-models/
// classification-metrics.mdx. Reference values come from scikit-learn
// 1.2.1 via scripts/reference/classification_metrics.py.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STEP,
  assertAllClose,
  centralDifference,
} from '../code/introduction/check.ts';
import { createRng } from '../code/introduction/random.ts';
import { normalProbability } from '../code/introduction/stats.ts';
import {
  BREAST_CANCER_SHA256,
  fitBreastCancer,
} from '../code/logistic-regression/breast-cancer.ts';
import { sigmoid } from '../code/logistic-regression/sigmoid.ts';
import { klDivergence } from '../code/probability/information.ts';
import { accuracyOf } from '../code/softmax-regression/metrics.ts';
import {
  COST_FN,
  COST_FP,
  aucInterval,
  evaluateBreastCancer,
} from '../code/classification-metrics/breast-cancer.ts';
import { requireBothClasses } from
  '../code/classification-metrics/checks.ts';
import {
  binEdges,
  calibrationCurve,
} from '../code/classification-metrics/calibration.ts';
import {
  accuracyOfCounts,
  confusionCounts,
  fBetaOf,
  precisionOf,
  predictAt,
  recallOf,
  specificityOf,
} from '../code/classification-metrics/confusion.ts';
import {
  TOY_S,
  TOY_Y,
  costTerms,
  imbalanceStudy,
  logLossTerms,
  pairedAucInterval,
  pairedDifference,
  pairedStudy,
  penaltyStudy,
  replicateNegatives,
  toyStudy,
} from '../code/classification-metrics/experiments.ts';
import {
  costThreshold,
  meanCost,
  precisionAtPrevalence,
} from '../code/classification-metrics/imbalance.ts';
import {
  LOG_LOSS_EPS,
  brierScore,
  logLoss,
  logLossFromLogits,
} from '../code/classification-metrics/log-loss.ts';
import {
  aucByPairs,
  aucByRanks,
  midranks,
} from '../code/classification-metrics/mann-whitney.ts';
import {
  averagePrecision,
  prTrapezoid,
  precisionRecallCurve,
} from '../code/classification-metrics/precision-recall.ts';
import {
  rankedCounts,
  rocAuc,
  rocCurve,
  trapezoid,
} from '../code/classification-metrics/roc.ts';
import { prAchievableArea } from
  '../code/classification-metrics/solutions/pr-hyperbola.ts';
import { hanleyMcNeilSE } from
  '../code/classification-metrics/solutions/hanley-mcneil.ts';
import { eceOfCalibrated, expectedCalibrationError } from
  '../code/classification-metrics/solutions/ece.ts';
import { fixture } from './helpers.ts';
import { rejectsBadInput } from './bad-input.ts';
import { badInput } from './bad-input/classification-metrics.ts';

const sk = fixture('classification-metrics', 'sklearn.json');

interface Case {
  y: number[];
  scores: number[];
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] };
  roc_all: { fpr: number[]; tpr: number[]; thresholds: number[] };
  roc_auc: number;
  pr: { precision: number[]; recall: number[]; thresholds: number[] };
  average_precision: number;
  pr_trapezoid: number;
  mann_whitney_u: number;
  midranks: number[];
  at_half: {
    confusion: number[][];
    accuracy: number;
    precision: number;
    recall: number;
    f1: number;
    f2: number;
  };
  log_loss?: number;
  'log_loss_eps_1e-3'?: number;
  log_loss_eps?: number;
  brier?: number;
  calibration_uniform?: Calibration;
  calibration_quantile?: Calibration;
}
interface Calibration {
  n_bins: number;
  prob_true: number[];
  prob_pred: number[];
}

/** Every fixture case: two synthetic, seven edge cases, breast cancer. */
const CASES: [string, Case][] = [
  ['tied', sk.tied],
  ['continuous', sk.continuous],
  ['breast cancer', sk.breast_cancer],
  ...(Object.entries(sk.edge) as [string, Case][]),
];
/** The cases with probabilities, for log-loss and calibration. */
const PROBABILISTIC = CASES.filter(([, c]) => c.log_loss !== undefined);

const EPS = Number.EPSILON;

/**
 * A sum of m terms of size at most 1 computed in another order (NumPy
 * sums pairwise) differs by at most (m − 1)ε times the sum of the
 * absolute terms (Higham, Accuracy and Stability, §4.2): the tolerance
 * for scalar metrics that are sums over the m points of a curve.
 */
function sumTolerance(m: number) {
  return { rtol: m * EPS, atol: m * EPS };
}

/**
 * fn's value, computed in the first test that asks and shared by the
 * rest of the file (never in a describe body: Stryker would take every
 * mutant it reaches as static, and one that throws would break
 * collecting the file). Stryker's coverage run records which test runs
 * which code and later runs a mutant against those tests only; there
 * the value is recomputed once per test (Stryker names the running test
 * in globalThis.__stryker__.currentTestId), so that every test reading
 * it is run against the mutants of the code it depends on, not only
 * the test that happened to ask first.
 */
function shared<T>(fn: () => T): () => T {
  let value: { of: unknown; v: T } | undefined;
  return () => {
    const of = (globalThis as { __stryker__?: { currentTestId?: string } })
      .__stryker__?.currentTestId;
    if (value === undefined || value.of !== of) value = { of, v: fn() };
    return value.v;
  };
}

/** The evaluation of the held-out breast cancer masses. */
const heldOut = shared(() => evaluateBreastCancer());

/** The replicated-negatives study. */
const imbalanceResults = shared(() => imbalanceStudy());

/** The three penalties' evaluations. */
const penaltyResults = shared(() => penaltyStudy());

/** The paired comparisons of the penalties (two bootstraps of 2000). */
const pairedResults = shared(() => pairedStudy());

/** Every named array of `ours` equals the same-named list of `theirs`. */
function expectSameArrays(
  name: string,
  ours: Record<string, Float64Array>,
  theirs: Record<string, number[]>,
  keys: string[],
) {
  for (const k of keys) {
    expect(Array.from(ours[k]), `${name}: ${k}`).toEqual(theirs[k]);
  }
}

/** Seeded scores from two normals Δ apart, P positives and N negatives. */
function binormal(seed: number, P: number, N: number, delta: number) {
  const rng = createRng(seed);
  const y = [...Array(P).fill(1), ...Array(N).fill(0)];
  const s = y.map((yi) => rng.normal(yi * delta, 1));
  return { y, s };
}

describe('the confusion matrix and its rates', () => {
  it('confusionCounts matches confusion_matrix at threshold 1/2', () => {
    for (const [name, c] of CASES) {
      const k = confusionCounts(c.y, predictAt(c.scores, 0.5));
      expect([[k.tn, k.fp], [k.fn, k.tp]], name).toEqual(c.at_half.confusion);
    }
  });

  it('accuracy is the trace over n, as accuracyOf and scikit-learn', () => {
    for (const [name, c] of CASES) {
      const yHat = predictAt(c.scores, 0.5);
      const k = confusionCounts(c.y, yHat);
      // one division of two integers: correctly rounded in both
      expect(accuracyOfCounts(k), name).toBe(c.at_half.accuracy);
      expect(accuracyOf(Int32Array.from(c.y), yHat), name)
        .toBe(accuracyOfCounts(k));
    }
  });

  it('precision, recall, F1 and F2 match scikit-learn (Eq. cm-fbeta)', () => {
    // scikit-learn computes F from P and R, (1+β²)PR/(β²P + R): a few
    // roundings more than our count formula, hence 4ε relative
    for (const [name, c] of CASES) {
      const k = confusionCounts(c.y, predictAt(c.scores, 0.5));
      const a = c.at_half;
      assertAllClose(
        [precisionOf(k), recallOf(k), fBetaOf(k), fBetaOf(k, 2)],
        [a.precision, a.recall, a.f1, a.f2],
        { rtol: 4 * EPS, atol: 0 }, name,
      );
    }
  });

  it('from the counts F1 is exact where scikit-learn rounds', () => {
    // precision 3/5, recall 1: F1 = 6/8 = 0.75 exactly
    const c = sk.edge.all_tied as Case;
    const k = confusionCounts(c.y, predictAt(c.scores, 0.5));
    expect(fBetaOf(k)).toBe(0.75);
    expect(c.at_half.f1).toBe(0.7499999999999999);
  });

  it('F1 is the harmonic mean of precision and recall (Eq. cm-f1)', () => {
    const { y, s } = binormal(3, 40, 60, 1);
    for (const t of [-1, 0, 0.5, 1, 2]) {
      const k = confusionCounts(y, predictAt(s, t));
      const p = precisionOf(k);
      const r = recallOf(k);
      assertAllClose(fBetaOf(k), 2 / (1 / p + 1 / r), { rtol: 8 * EPS });
    }
  });

  it('F_β tends to precision as β → 0 and to recall as β → ∞', () => {
    const k = confusionCounts(TOY_Y, predictAt(TOY_S, 0.5));
    // the β² terms are 1e-16 and 1e16: their effect is below 1e-15
    assertAllClose(fBetaOf(k, 1e-8), precisionOf(k), { rtol: 1e-14 });
    assertAllClose(fBetaOf(k, 1e8), recallOf(k), { rtol: 1e-14 });
    expect(precisionOf(k)).not.toBe(recallOf(k)); // the test can fail
  });

  it('precision is 0, not NaN, when nothing is predicted positive', () => {
    const c = sk.edge.no_positive_prediction as Case;
    const k = confusionCounts(c.y, predictAt(c.scores, 0.5));
    expect(k.tp + k.fp).toBe(0);
    expect(precisionOf(k)).toBe(c.at_half.precision);
    expect(precisionOf(k)).toBe(0);
    expect(fBetaOf(k)).toBe(0);
  });

  it('always predicting the majority class scores 1 − π accuracy', () => {
    const { e } = imbalanceResults();
    const yHat = new Int32Array(e.y.length); // all negative
    const k = confusionCounts(e.y, yHat);
    const pi = Array.from(e.y).reduce((a, b) => a + b, 0) / e.y.length;
    assertAllClose(accuracyOfCounts(k), 1 - pi, { rtol: 2 * EPS });
    expect(recallOf(k)).toBe(0);
    expect(specificityOf(k)).toBe(1);
  });

  it('the counting functions reject bad labels, NaN and bad β', () => {
    expect(() => confusionCounts([0, 2], [0, 1])).toThrow(
      /confusionCounts: y must hold labels 0 or 1, got y\[1\] = 2/,
    );
    expect(() => confusionCounts([0, 1], [0, 1, 1])).toThrow(
      /confusionCounts: expected y and yHat of one length, got 2 and 3/,
    );
    expect(() => predictAt([0.1, NaN], 0.5)).toThrow(/predictAt: s/);
    expect(() => predictAt([0.1], Infinity)).toThrow(/predictAt: t/);
    const k = confusionCounts([0, 1], [0, 1]);
    expect(() => fBetaOf(k, 0)).toThrow(/fBetaOf: beta must be/);
  });
});

describe('the ROC curve and its area', () => {
  it('rocCurve reproduces roc_curve exactly, ties included', () => {
    // counts are integers and each rate is one division: no tolerance
    for (const [name, c] of CASES) {
      expectSameArrays(name, { ...rocCurve(c.y, c.scores) }, c.roc,
        ['fpr', 'tpr', 'thresholds']);
    }
  });

  it('without dropping, it has one point per distinct score', () => {
    for (const [name, c] of CASES) {
      const r = rocCurve(c.y, c.scores, false);
      expectSameArrays(name, { ...r }, c.roc_all,
        ['fpr', 'tpr', 'thresholds']);
      expect(r.fpr.length, name).toBe(new Set(c.scores).size + 1);
    }
  });

  it('each point is (FPR, TPR) of the rule s ≥ t (Eq. cm-roc-point)', () => {
    const c = sk.tied as Case;
    const r = rocCurve(c.y, c.scores, false);
    r.thresholds.forEach((t, k) => {
      const n = confusionCounts(c.y, predictAt(c.scores, t));
      expect(r.tpr[k]).toBe(recallOf(n));
      expect(r.fpr[k]).toBe(n.fp / (n.fp + n.tn));
    });
  });

  it('dropping removes mid-points of equal steps, keeps uneven ones', () => {
    const even = sk.edge.collinear as Case;
    const uneven = sk.edge.collinear_uneven as Case;
    expect(rocCurve(even.y, even.scores).fpr.length)
      .toBeLessThan(rocCurve(even.y, even.scores, false).fpr.length);
    // fps = [1, 3, 7], tps = [1, 2, 4]: collinear, yet all kept
    expect(rocCurve(uneven.y, uneven.scores).fpr.length)
      .toBe(rocCurve(uneven.y, uneven.scores, false).fpr.length);
  });

  it('dropping intermediate points does not change the area', () => {
    for (const [name, c] of CASES) {
      const all = rocCurve(c.y, c.scores, false);
      const some = rocCurve(c.y, c.scores);
      assertAllClose(trapezoid(some.fpr, some.tpr),
        trapezoid(all.fpr, all.tpr), sumTolerance(all.fpr.length), name);
    }
  });

  it('rocAuc matches roc_auc_score (Eq. cm-auc)', () => {
    for (const [name, c] of CASES) {
      const m = c.roc.fpr.length; // trapezoids summed in another order
      assertAllClose(rocAuc(c.y, c.scores), c.roc_auc, sumTolerance(m),
        name);
    }
  });

  it('all scores tied give the diagonal, AUC 1/2; perfect 1, reversed 0',
    () => {
      const tied = sk.edge.all_tied as Case;
      expect(Array.from(rocCurve(tied.y, tied.scores).tpr)).toEqual([0, 1]);
      expect(rocAuc(tied.y, tied.scores)).toBe(0.5);
      const perfect = sk.edge.perfect as Case;
      const reversed = sk.edge.reversed as Case;
      expect(rocAuc(perfect.y, perfect.scores)).toBe(1);
      expect(rocAuc(reversed.y, reversed.scores)).toBe(0);
    });

  it('the AUC depends on the scores only through their order', () => {
    const c = sk.continuous as Case;
    const logit = c.scores.map((p) => Math.log(p / (1 - p)));
    const cubed = c.scores.map((p) => (p - 0.3) ** 3);
    // the same order gives the same counts: bit for bit the same area
    expect(rocAuc(c.y, logit)).toBe(rocAuc(c.y, c.scores));
    expect(rocAuc(c.y, cubed)).toBe(rocAuc(c.y, c.scores));
    const flipped = c.scores.map((p) => -p); // reversing order: 1 − AUC
    assertAllClose(rocAuc(c.y, flipped), 1 - rocAuc(c.y, c.scores),
      sumTolerance(c.roc_all.fpr.length));
  });

  it('rocCurve refuses one class, NaN scores and unsorted x', () => {
    expect(() => rocCurve([1, 1], [0.2, 0.4])).toThrow(
      /rocCurve: needs both classes in y, got 2 positives and 0 negatives/,
    );
    expect(() => rocCurve([0, 1], [0.2, NaN])).toThrow(
      /rocCurve: s must hold finite numbers, got s\[1\] = NaN/,
    );
    expect(() => rankedCounts([0, 1], [0.2])).toThrow(
      /rankedCounts: expected y and s of one length, got 2 and 1/,
    );
    expect(() => trapezoid([0, 1, 0.5], [0, 1, 1])).toThrow(
      /trapezoid: x must be non-decreasing/,
    );
  });
});

describe('the AUC as the Mann–Whitney statistic', () => {
  it('the pair count equals the ROC area, ties included (Eq. cm-u)', () => {
    for (const [name, c] of CASES) {
      assertAllClose(aucByPairs(c.y, c.scores), rocAuc(c.y, c.scores),
        sumTolerance(c.roc.fpr.length), name);
    }
  });

  it('it equals SciPy’s Mann–Whitney U divided by PN', () => {
    // U is a multiple of ½ up to n²/4: exact in double; one division
    for (const [name, c] of CASES) {
      if (c.mann_whitney_u === undefined) continue;
      const P = c.y.filter((v) => v === 1).length;
      const N = c.y.length - P;
      expect(aucByPairs(c.y, c.scores), name)
        .toBe(c.mann_whitney_u / (P * N));
    }
  });

  it('midranks match scipy.stats.rankdata', () => {
    for (const [name, c] of CASES) {
      expect(Array.from(midranks(c.scores)), name).toEqual(c.midranks);
    }
  });

  it('the rank-sum formula equals the pair count bit for bit', () => {
    // both are exact multiples of ½ divided once by PN
    const rng = createRng(12);
    const y = Array.from({ length: 300 }, () => (rng.uniform() < 0.3 ? 1 : 0));
    const s = y.map((yi) => Math.round(4 * rng.normal(yi, 1)) / 4); // ties
    expect(new Set(s).size).toBeLessThan(40);
    expect(aucByRanks(y, s)).toBe(aucByPairs(y, s));
  });

  it('a tie between a positive and a negative counts exactly ½', () => {
    const toy = toyStudy();
    const P = 4;
    const N = 6;
    expect(toy.pairs).toBe(20 / (P * N));
    // lower the negative tied with a positive at 0.8 just below it: the
    // pair turns from tied to won, and the AUC rises by ½ / (PN)
    const s = TOY_S.slice();
    s[2] = 0.79;
    expect(aucByPairs(TOY_Y, s) - toy.pairs).toBeCloseTo(0.5 / (P * N), 15);
    assertAllClose(rocAuc(TOY_Y, s), aucByPairs(TOY_Y, s), { rtol: 8 * EPS });
  });

  it('for two unit normals Δ apart the AUC is near Φ(Δ/√2)', () => {
    const delta = 1;
    const { y, s } = binormal(7, 2000, 2000, delta);
    const A = normalProbability(-12, delta / Math.SQRT2); // Φ(Δ/√2)
    // Var(AUC) ≤ A(1 − A) / min(P, N) (Birnbaum and Klose 1957): allow
    // four standard deviations
    const sd = Math.sqrt((A * (1 - A)) / 2000);
    expect(Math.abs(rocAuc(y, s) - A)).toBeLessThan(4 * sd);
  });

  it('the pair and rank forms reject one class and bad labels', () => {
    expect(() => aucByPairs([0, 0], [1, 2])).toThrow(
      /aucByPairs: needs both classes in y, got 0 positives/,
    );
    expect(() => aucByRanks([0, 0.5], [1, 2])).toThrow(
      /aucByRanks: y must hold labels 0 or 1, got y\[1\] = 0.5/,
    );
    expect(() => midranks([1, Infinity])).toThrow(/midranks: s must hold/);
  });
});

describe('the precision–recall curve and average precision', () => {
  it('precisionRecallCurve reproduces precision_recall_curve exactly',
    () => {
      for (const [name, c] of CASES) {
        expectSameArrays(name, { ...precisionRecallCurve(c.y, c.scores) },
          c.pr, ['precision', 'recall', 'thresholds']);
      }
    });

  it('averagePrecision matches average_precision_score (Eq. cm-ap)', () => {
    for (const [name, c] of CASES) {
      assertAllClose(averagePrecision(c.y, c.scores), c.average_precision,
        sumTolerance(c.pr.recall.length), name);
    }
  });

  it('without ties AP is the mean precision at the positives’ ranks',
    () => {
      const c = sk.continuous as Case;
      const order = c.scores.map((_, i) => i)
        .sort((i, j) => c.scores[j] - c.scores[i]);
      let tp = 0;
      let sum = 0;
      order.forEach((i, k) => {
        if (c.y[i] === 1) {
          tp += 1;
          sum += tp / (k + 1); // precision among the top k + 1
        }
      });
      assertAllClose(averagePrecision(c.y, c.scores), sum / tp,
        sumTolerance(c.y.length));
    });

  it('the trapezoid is auc(recall, precision), not AP', () => {
    for (const [name, c] of CASES) {
      assertAllClose(prTrapezoid(c.y, c.scores), c.pr_trapezoid,
        sumTolerance(c.pr.recall.length), name);
    }
  });

  it('without mixed ties the trapezoid is below AP; with them above',
    () => {
      // breast cancer: one tie, of two positives at p = 1
      for (const c of [sk.continuous, sk.breast_cancer] as Case[]) {
        expect(prTrapezoid(c.y, c.scores))
          .toBeLessThan(averagePrecision(c.y, c.scores));
      }
      const t = sk.tied as Case;
      expect(prTrapezoid(t.y, t.scores))
        .toBeGreaterThan(averagePrecision(t.y, t.scores));
    });

  it('inside a tie group precision is below the chord (Eq. cm-pr-line)',
    () => {
      // the toy's 0.5 group: TP 3 → 4, FP 2 → 3 as the group is entered
      const toy = toyStudy();
      const { tps, fps } = toy.ranked;
      const k = Array.from(toy.ranked.thresholds).indexOf(0.5);
      const [t0, f0, t1, f1] = [tps[k - 1], fps[k - 1], tps[k], fps[k]];
      const p0 = t0 / (t0 + f0);
      const p1 = t1 / (t1 + f1);
      expect(p1).toBeLessThan(p0); // precision falls along the step
      for (const u of [0.25, 0.5, 0.75]) {
        const tp = t0 + u * (t1 - t0);
        const fp = f0 + u * (f1 - f0);
        expect(tp / (tp + fp)).toBeLessThan((1 - u) * p0 + u * p1);
      }
    });

  it('a classifier with TPR = FPR has precision π at any threshold', () => {
    for (const pi of [0.01, 0.2, 0.5]) {
      for (const t of [0.1, 0.5, 0.9]) {
        assertAllClose(precisionAtPrevalence(t, t, pi), pi,
          { rtol: 4 * EPS });
      }
    }
  });

  it('precisionRecallCurve refuses a test set without positives', () => {
    expect(() => precisionRecallCurve([0, 0], [0.1, 0.2])).toThrow(
      /precisionRecallCurve: needs both classes in y, got 0 positives/,
    );
  });
});

describe('log-loss and the Brier score', () => {
  it('logLoss matches log_loss, clipping included (Eq. cm-log-loss)', () => {
    // per sample: scikit-learn renormalizes [1 − p, p] and takes log of
    // the rounded 1 − p, we use log1p: ≤ 2ε apart; then n terms summed
    // in another order: n ε relative
    for (const [name, c] of PROBABILISTIC) {
      const tol = { rtol: c.y.length * EPS, atol: 4 * EPS };
      assertAllClose(logLoss(c.y, c.scores), c.log_loss!, tol, name);
      assertAllClose(logLoss(c.y, c.scores, 1e-3), c['log_loss_eps_1e-3']!,
        tol, name);
    }
  });

  it('scikit-learn 1.2.1 clips at ε = 2⁻⁵²: a sure mistake costs 36', () => {
    const c = sk.edge.confident_mistakes as Case;
    expect(LOG_LOSS_EPS).toBe(c.log_loss_eps);
    // a single p = 0 for y = 1 costs −log ε = 52 log 2 ≈ 36.04
    assertAllClose(logLoss([1], [0]), 52 * Math.LN2, { rtol: 2 * EPS });
    assertAllClose(logLoss([0], [1]), 52 * Math.LN2, { rtol: 2 * EPS });
  });

  it('from logits the loss needs no clipping and stays exact', () => {
    const z = [-3, -0.5, 0, 2, 7];
    const y = [0, 1, 1, 1, 0];
    // σ then log loses at most a few ulps for these moderate z
    assertAllClose(logLossFromLogits(y, z), logLoss(y, z.map(sigmoid)),
      { rtol: 1e-14 });
    // z = 40, y = 0: σ(40) rounds to 1, which clipping turns into a
    // loss of 36.04; the true loss is log(1 + e⁴⁰) = 40 + 4e-18
    expect(sigmoid(40)).toBe(1);
    assertAllClose(logLoss([0], [sigmoid(40)]), 52 * Math.LN2,
      { rtol: 2 * EPS });
    assertAllClose(logLossFromLogits([0], [40]), 40, { rtol: EPS });
  });

  it('the expected log-loss exceeds its minimum by KL(q‖p) (Eq. cm-proper)',
    () => {
      const expected = (q: number, p: number) =>
        -(q * Math.log(p) + (1 - q) * Math.log1p(-p));
      for (const [q, p] of [[0.3, 0.5], [0.9, 0.6], [0.05, 0.2]]) {
        const gap = expected(q, p) - expected(q, q);
        // the gap is a difference of O(1) numbers: 8ε absolute
        assertAllClose(gap, klDivergence([q, 1 - q], [p, 1 - p]),
          { rtol: 0, atol: 8 * EPS });
        expect(gap).toBeGreaterThan(0);
      }
    });

  it('its derivative in p, (p − q)/(p(1 − p)), matches differences', () => {
    const q = 0.3;
    const f = (p: number) => -(q * Math.log(p) + (1 - q) * Math.log1p(-p));
    for (const p of [0.1, 0.3, 0.7]) {
      const exact = (p - q) / (p * (1 - p)); // zero at p = q
      // central differences at the step optimal for O(1) functions,
      // ε^(1/3): error O(h²|f'''|) + O(ε/h) ≈ 1e-10 · |f'''| ≤ 1e-8 here
      const slope = centralDifference(f, p, DEFAULT_STEP);
      expect(Math.abs(slope - exact)).toBeLessThan(1e-8);
    }
  });

  it('brierScore matches brier_score_loss and is proper (Eq. cm-brier)',
    () => {
      for (const [name, c] of PROBABILISTIC) {
        assertAllClose(brierScore(c.y, c.scores), c.brier!,
          { rtol: c.y.length * EPS, atol: 0 }, name);
      }
      // E_q (p − Y)² = (p − q)² + q(1 − q): smallest at p = q
      const q = 0.3;
      for (const p of [0.1, 0.3, 0.8]) {
        const e = q * (p - 1) ** 2 + (1 - q) * p ** 2;
        assertAllClose(e, (p - q) ** 2 + q * (1 - q), { atol: 4 * EPS });
      }
    });

  it('the probability scores reject p outside [0, 1] and a bad eps', () => {
    expect(() => logLoss([0, 1], [0.5, 1.2])).toThrow(
      /logLoss: p must hold probabilities in \[0, 1\], got p\[1\] = 1.2/,
    );
    expect(() => logLoss([0, 1], [0.5, 0.5], 0)).toThrow(
      /logLoss: eps must be in \(0, 1\/2\), got 0/,
    );
    expect(() => brierScore([0, 1], [0.5])).toThrow(
      /brierScore: expected y and p of one length, got 2 and 1/,
    );
    expect(() => logLossFromLogits([1], [NaN])).toThrow(
      /logLossFromLogits: z must hold finite numbers/,
    );
  });
});

describe('calibration', () => {
  it('calibrationCurve matches calibration_curve, uniform bins', () => {
    // bin sums of at most n numbers, one division: the same additions in
    // the same order as np.bincount, so exact
    for (const [name, c] of PROBABILISTIC) {
      const u = c.calibration_uniform!;
      const r = calibrationCurve(c.y, c.scores, u.n_bins);
      expect(Array.from(r.probTrue), name).toEqual(u.prob_true);
      expect(Array.from(r.probPred), name).toEqual(u.prob_pred);
    }
  });

  it('calibrationCurve matches calibration_curve, quantile bins', () => {
    for (const [name, c] of PROBABILISTIC) {
      const q = c.calibration_quantile!;
      const r = calibrationCurve(c.y, c.scores, q.n_bins, 'quantile');
      expect(Array.from(r.probTrue), name).toEqual(q.prob_true);
      expect(Array.from(r.probPred), name).toEqual(q.prob_pred);
    }
  });

  it('a value on a bin edge goes to the lower bin', () => {
    const edges = binEdges([], 5);
    expect(Array.from(edges)).toEqual([0, 0.2, 0.4, 0.6000000000000001,
      0.8, 1]);
    const r = calibrationCurve([0, 1, 1], [0.2, 0.2, 0.21]);
    expect(Array.from(r.counts)).toEqual([2, 1]);
  });

  it('weighted by counts, the bins average to mean p and to π', () => {
    const { calibration: cal, y, p } = heldOut();
    const n = y.length;
    let pred = 0;
    let truth = 0;
    cal.counts.forEach((m, b) => {
      pred += m * cal.probPred[b];
      truth += m * cal.probTrue[b];
    });
    const meanP = Array.from(p).reduce((a, b) => a + b, 0) / n;
    const pi = Array.from(y).reduce((a, b) => a + b, 0) / n;
    assertAllClose([pred / n, truth / n], [meanP, pi], sumTolerance(n));
  });

  it('on its training data the logistic model is right on average', () => {
    // Eq. (logr-calibration): Σ p = Σ y up to the intercept's gradient,
    // which Newton drove below fit.run.gradNorm
    const fit = fitBreastCancer();
    const n = fit.y.length;
    const sumP = fit.probabilities.reduce((a, b) => a + b, 0);
    const sumY = fit.y.reduce((a, b) => a + b, 0);
    expect(Math.abs(sumP - sumY))
      .toBeLessThanOrEqual(fit.fit.run.gradNorm + n * EPS * sumY);
  });

  it('calibrationCurve rejects a bad bin count and strategy', () => {
    expect(() => calibrationCurve([0, 1], [0.1, 0.9], 0)).toThrow(
      /binEdges: nBins must be an integer >= 1, got 0/,
    );
    expect(() => binEdges([0.5], 3, 'even' as 'uniform')).toThrow(
      /binEdges: strategy must be 'uniform' or 'quantile', got even/,
    );
    expect(() => calibrationCurve([0, 1], [-0.1, 0.9])).toThrow(
      /calibrationCurve: p must hold probabilities/,
    );
  });
});

describe('class imbalance and costs', () => {
  it('replicating negatives leaves the ROC curve unchanged', () => {
    const st = imbalanceResults();
    expect(Array.from(st.rocRep.fpr)).toEqual(Array.from(st.e.roc.fpr));
    expect(Array.from(st.rocRep.tpr)).toEqual(Array.from(st.e.roc.tpr));
    expect(st.aucRep).toBe(st.e.auc);
  });

  it('…but lowers precision as Eq. (cm-precision-prevalence) says', () => {
    const st = imbalanceResults();
    const k = st.counts;
    assertAllClose(precisionOf(k),
      precisionAtPrevalence(st.tpr, st.fpr, st.piRep), { rtol: 8 * EPS });
    expect(precisionOf(k)).toBeLessThan(precisionOf(st.e.atCost));
    expect(st.apRep).toBeLessThan(st.e.ap);
  });

  it('replicating each negative k times takes π = P/n to P/(P + kN)', () => {
    // the test set has P = 52 malignant and N = 91 benign masses
    const st = imbalanceStudy(3);
    expect(st.pi).toBe(52 / 143);
    expect(st.piRep).toBe(52 / (52 + 3 * 91)); // 52/325 = 0.16
    expect(st.rep.y.length).toBe(52 + 3 * 91);
  });

  it('the replicated set has the same points, with more negatives', () => {
    const rep = replicateNegatives([1, 0, 0], [0.9, 0.2, 0.4], 3);
    expect(rep.y).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(rep.p).toEqual([0.9, 0.2, 0.2, 0.2, 0.4, 0.4, 0.4]);
  });

  it('the cost threshold decides for the smaller expected cost', () => {
    const [cFP, cFN] = [1, 10];
    const t = costThreshold(cFP, cFN); // Eq. (cm-cost-threshold)
    for (const p of [0.02, t - 1e-9, t + 1e-9, 0.5, 0.97]) {
      const positiveCost = (1 - p) * cFP; // predict 1: pay if y = 0
      const negativeCost = p * cFN; // predict 0: pay if y = 1
      expect(p >= t).toBe(positiveCost < negativeCost);
    }
  });

  it('on the test masses it costs less than the threshold 1/2', () => {
    const e = heldOut();
    expect(meanCost(e.atCost, 1, 10)).toBeLessThan(meanCost(e.atHalf, 1,
      10));
    expect(e.atCost.fn).toBeLessThan(e.atHalf.fn);
  });

  it('…although its accuracy and F1 are lower', () => {
    const e = heldOut();
    expect(accuracyOfCounts(e.atCost)).toBeLessThan(
      accuracyOfCounts(e.atHalf));
    expect(fBetaOf(e.atCost)).toBeLessThan(fBetaOf(e.atHalf));
  });

  it('costs and rates outside their ranges are refused', () => {
    expect(() => costThreshold(0, 1)).toThrow(
      /costThreshold: costFP must be finite and > 0, got 0/,
    );
    expect(() => precisionAtPrevalence(0.5, 1.5, 0.1)).toThrow(
      /precisionAtPrevalence: fpr must be in \[0, 1\], got 1.5/,
    );
  });
});

describe('the breast cancer data', () => {
  it('the fixture was made from the data file the book ships', () => {
    expect(sk.breast_cancer.sha256).toBe(BREAST_CANCER_SHA256);
    expect(sk.versions.sklearn).toBe('1.2.1');
  });

  it('our fitted model ranks the masses as scikit-learn’s does', () => {
    // the probabilities agree to ~1e-10 (logistic-regression chapter);
    // no two masses are closer than that unless both are exactly equal,
    // so the orders, and with them the ROC curves, are the same
    const fit = fitBreastCancer();
    const r = rocCurve(fit.y, fit.probabilities);
    expect(Array.from(r.fpr)).toEqual(sk.breast_cancer.roc.fpr);
    expect(Array.from(r.tpr)).toEqual(sk.breast_cancer.roc.tpr);
  });

  it('the held-out AUC by ranks equals the ROC area', () => {
    const e = heldOut();
    assertAllClose(aucByRanks(e.y, e.p), e.auc,
      sumTolerance(e.roc.fpr.length));
    expect(e.auc).toBeGreaterThan(0.95);
  });

  it('the bootstrap interval for the AUC holds the estimate', () => {
    const e = heldOut();
    const ci = aucInterval(e.y, e.p, 1, 400);
    expect(ci.lo).toBeLessThan(e.auc);
    expect(ci.hi).toBeGreaterThan(e.auc);
    expect(ci.hi).toBeLessThanOrEqual(1);
  });

  it('at ½ the model raises no false alarm and finds 90% of cancers',
    () => {
      const e = heldOut();
      expect(e.atHalf.fp).toBe(0);
      expect(recallOf(e.atHalf)).toBeGreaterThan(0.9);
    });

  it('a weak penalty ranks as well but has a far larger log-loss', () => {
    const [weak, usual, strong] = penaltyResults();
    for (const other of [weak, strong]) {
      expect(Math.abs(other.e.auc - usual.e.auc)).toBeLessThan(0.05);
    }
    expect(weak.e.logLoss).toBeGreaterThan(3 * usual.e.logLoss);
  });

  it('a strong penalty is underconfident: bins pulled towards ½', () => {
    const strong = penaltyResults()[2].e.calibration;
    let checked = 0;
    strong.probPred.forEach((pb, b) => {
      if (pb < 0.4) expect(strong.probTrue[b]).toBeLessThan(pb);
      if (pb > 0.45) expect(strong.probTrue[b]).toBeGreaterThan(pb);
      checked += 1;
    });
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

describe('large input', () => {
  it('counts, log-loss and Brier score take 10^6 predictions', () => {
    // n = 10^6 alternating labels, every p = 1/4: the exact values
    // below, up to the rounding of 10^6 terms (n eps relative).
    const n = 1_000_000;
    const y = Float64Array.from({ length: n }, (_, i) => i % 2);
    const p = new Float64Array(n).fill(0.25);
    expect(confusionCounts(y, predictAt(p, 0.5)))
      .toEqual({ tp: 0, fp: 0, tn: n / 2, fn: n / 2 });
    const tol = { rtol: n * Number.EPSILON, atol: 0 };
    assertAllClose(brierScore(y, p), (0.25 ** 2 + 0.75 ** 2) / 2, tol);
    assertAllClose(logLoss(y, p), -(Math.log(0.25) + Math.log(0.75)) / 2,
      tol);
  });
});

describe('bad input, generated (tests/bad-input.ts): errors name the function', () => {
  it("the chapter's shared checks", () => {
    rejectsBadInput(badInput.checks);
  });

  it('confusion counts, the rates read off them, prevalence and costs', () => {
    rejectsBadInput(badInput.confusion);
  });

  it('ranked counts, ROC, AUC, Mann–Whitney and precision–recall', () => {
    rejectsBadInput(badInput.curves);
  });

  it('log-loss, Brier score and calibration', () => {
    rejectsBadInput(badInput.probabilities);
  });

  it('the breast cancer evaluation and the imbalance study', () => {
    rejectsBadInput(badInput.studies);
  });

  it("the exercises' solutions", () => {
    rejectsBadInput(badInput.solutions);
  });
});

// Tests that kill mutants the chapter's other tests let through
// (`npm run mutate -- classification-metrics`; see tests/mutation/).
describe('mutation gaps', () => {
  it('a point straight above its neighbour is kept: AUC 11/12 with a tie', () => {
    // counts (TP, FP) at thresholds 3, 2, 1, 0: (1,0), (2,0), (3,1), (3,2).
    // (2,0) is evenly spaced in TP but not in FP, so it stays; dropping
    // it by the TP rule alone would give AUC 10/12. Mann–Whitney: of 6
    // pairs 5 are ordered and one tied, (5 + 1/2)/6 = 11/12.
    const y = [1, 1, 1, 0, 0];
    const s = [3, 2, 1, 1, 0];
    const r = rocCurve(y, s);
    expect(Array.from(r.tpr)).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(Array.from(r.fpr)).toEqual([0, 0, 0, 1 / 2, 1]);
    expect(Array.from(r.thresholds)).toEqual([4, 3, 2, 1, 0]);
    expect(rocAuc(y, s)).toBeCloseTo(11 / 12, 15);
  });

  it('requireBothClasses refuses a negative count before asking for both classes', () => {
    expect(() => requireBothClasses('f', -1, 3)).toThrow(
      /^f: P must be a count, got -1$/);
    expect(() => requireBothClasses('f', 2, -2)).toThrow(
      /^f: N must be a count, got -2$/);
    expect(() => requireBothClasses('f', 2, 3)).not.toThrow();
  });

  it('trapezoid refuses x and y of different lengths or fewer than two', () => {
    expect(() => trapezoid([0, 1], [0])).toThrow(
      /^trapezoid: expected x and y of one length, got 2 and 1$/,
    );
    expect(() => trapezoid([0], [0])).toThrow(/got 1 and 1$/);
    expect(() => trapezoid([0, 1, 0.5], [0, 1, 1])).toThrow(
      /^trapezoid: x must be non-decreasing, got x\[1\] = 1 > x\[2\] = 0.5$/,
    );
    expect(() => trapezoid([0, NaN], [0, 1])).toThrow(
      /^trapezoid: x must hold finite numbers, got x\[1\] = NaN$/,
    );
    expect(trapezoid([0, 0, 1], [0, 1, 1])).toBe(1); // a vertical step
  });
});

// Claims added or corrected after the technical review
// (/work/reviews/classification-metrics.md).
describe('review', () => {
  const sk = fixture('classification-metrics', 'sklearn.json');

  it('without ties the PR trapezoid never exceeds the achievable area', () => {
    const rng = createRng(18);
    let worst = -Infinity;
    for (let rep = 0; rep < 200; rep++) {
      const n = 30;
      const s = Array.from({ length: n }, (_, i) => n - i); // untied
      const y = Array.from({ length: n }, () => (rng.uniform() < 0.4 ? 1 : 0));
      if (y.every((v) => v === y[0])) continue;
      worst = Math.max(worst, prTrapezoid(y, s) - prAchievableArea(y, s));
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it('the achievable PR area of an untied ranking has the closed form of Exercise 3', () => {
    // top negative: three positive steps from (T, FP) = (0,1), (1,1), (2,2)
    const y = [0, 1, 1, 0, 1, 0];
    const s = [6, 5, 4, 3, 2, 1];
    const exact = ((1 - Math.log(2)) + (1 - Math.log(1.5)) +
      (1 - 2 * Math.log(1.25))) / 3;
    expect(prAchievableArea(y, s)).toBeCloseTo(exact, 14);
    expect(prTrapezoid(y, s)).toBeCloseTo(0.4611111111111111, 14);
  });

  it('on the tied fixture the trapezoid is above the achievable area, AP below it', () => {
    const { y, scores } = sk.tied;
    const area = prAchievableArea(y, scores);
    expect(area).toBeCloseTo(0.6353240939694764, 12);
    expect(area).toBeLessThan(sk.tied.pr_trapezoid);
    expect(area).toBeGreaterThan(sk.tied.average_precision);
  });

  it('the achievable area equals a fine Riemann sum of Eq. (cm-pr-line)', () => {
    const { y, scores } = sk.tied;
    const { tps, fps, P } = rankedCounts(y, scores);
    const M = 20000; // midpoint rule per tie group
    let sum = 0;
    for (let k = 0; k < tps.length; k++) {
      const T = k === 0 ? 0 : tps[k - 1];
      const F = k === 0 ? 0 : fps[k - 1];
      const a = tps[k] - T;
      const b = fps[k] - F;
      for (let i = 0; i < M; i++) {
        const u = (i + 0.5) / M;
        sum += (a / P / M) * (T + u * a) / (T + F + u * (a + b));
      }
    }
    expect(Math.abs(prAchievableArea(y, scores) - sum)).toBeLessThan(1e-9);
  });

  it('recall does not fall as the threshold is lowered', () => {
    const { recall } = precisionRecallCurve(sk.tied.y, sk.tied.scores);
    // listed lowest threshold first: recall is non-increasing
    for (let k = 1; k < recall.length; k++) {
      expect(recall[k]).toBeLessThanOrEqual(recall[k - 1]);
    }
  });

  it('three malignant masses carry over 80% of the log-loss of λ = 0.01', () => {
    const paired = pairedResults();
    expect(paired.topShare).toBeGreaterThan(0.8);
    expect(paired.top[0]).toBe(-Math.log(LOG_LOSS_EPS)); // clipped
    expect(paired.pMin).toBeLessThan(LOG_LOSS_EPS);
    expect(paired.top[2]).toBeGreaterThan(-Math.log(1e-3));
  });

  it('the three are the largest of the 143 terms, whose sum is 143 times the log-loss of λ = 0.01', () => {
    const paired = pairedResults();
    const lo = penaltyResults()[0].e;
    const n = lo.y.length;
    expect(n).toBe(143);
    expect(paired.top.length).toBe(3);
    const three = paired.top[0] + paired.top[1] + paired.top[2];
    assertAllClose(paired.topShare, three / (n * lo.logLoss),
      { rtol: n * EPS });
    expect(paired.topShare).toBeLessThan(1);
  });

  it('the first of them had p = pMin: the malignant mass λ = 0.01 finds least likely', () => {
    const { pMin } = pairedResults();
    const lo = penaltyResults()[0].e;
    const cancers = Array.from(lo.p).filter((_, i) => lo.y[i] === 1);
    expect(cancers.length).toBe(52);
    expect(cancers).toContain(pMin);
    for (const p of cancers) expect(pMin).toBeLessThanOrEqual(p);
  });

  it('the log-loss gap of λ = 0.01 over λ = 1 is under two paired SEs', () => {
    const paired = pairedResults();
    expect(paired.logLoss.mean).toBeCloseTo(0.4855, 3);
    expect(paired.logLoss.se).toBeCloseTo(0.3001, 3);
    expect(paired.logLoss.mean / paired.logLoss.se).toBeLessThan(2);
  });

  it('the paired AUC intervals of the penalties contain zero', () => {
    const paired = pairedResults();
    expect(paired.aucLo.diff).toBeGreaterThan(0);
    expect(paired.aucLo.lo).toBeLessThan(0);
    expect(paired.aucLo.hi).toBeGreaterThan(0);
    expect(paired.aucHi.lo).toBeLessThan(0);
    expect(paired.aucHi.hi).toBeGreaterThan(0);
  });

  it('t* saves 14/143 per mass, with the paired SE of 3 × 10 against 16 × −1', () => {
    const paired = pairedResults();
    const n = 143;
    const ss = 3 * 100 + 16 - n * (14 / n) ** 2;
    expect(paired.cost.mean).toBeCloseTo(14 / n, 15);
    expect(paired.cost.se).toBeCloseTo(Math.sqrt(ss / (n - 1) / n), 15);
    expect(paired.cost.mean).toBeLessThan(paired.cost.se);
  });

  it('pairedDifference: mean and standard error of a hand example', () => {
    // differences 1, 2, 3: mean 2, sample sd 1, SE 1/√3
    const r = pairedDifference([2, 4, 6], [1, 2, 3]);
    expect(r.mean).toBe(2);
    expect(r.se).toBeCloseTo(1 / Math.sqrt(3), 15);
  });

  it('logLossTerms average to logLoss; costTerms to meanCost', () => {
    const { y, scores } = sk.tied;
    const terms = logLossTerms(y, scores);
    const mean = terms.reduce((a, b) => a + b, 0) / terms.length;
    expect(mean).toBeCloseTo(logLoss(y, scores), 14);
    const c = confusionCounts(y, predictAt(scores, 0.3));
    const costs = costTerms(y, scores, 0.3);
    expect(costs.reduce((a, b) => a + b, 0) / costs.length)
      .toBeCloseTo(meanCost(c, COST_FP, COST_FN), 14);
  });

  it('at p = t* the two decisions cost the same', () => {
    const t = costThreshold(COST_FP, COST_FN);
    expect((1 - t) * COST_FP).toBeCloseTo(t * COST_FN, 15);
  });

  it('Hanley–McNeil: ½ for one pair at A = ½, and near the bootstrap SE', () => {
    expect(hanleyMcNeilSE(0.5, 1, 1)).toBeCloseTo(0.5, 15);
    const e = heldOut();
    let P = 0;
    for (const v of e.y) P += v;
    const N = e.y.length - P;
    const hm = hanleyMcNeilSE(e.auc, P, N);
    const boot = aucInterval(e.y, e.p);
    let m = 0;
    for (const v of boot.replicates) m += v / boot.replicates.length;
    let ss = 0;
    for (const v of boot.replicates) ss += (v - m) ** 2;
    const se = Math.sqrt(ss / (boot.replicates.length - 1));
    expect(hm / se).toBeGreaterThan(0.5);
    expect(hm / se).toBeLessThan(2);
    expect(hm).toBeLessThan(Math.sqrt(e.auc * (1 - e.auc) / Math.min(P, N)));
  });

  it('Exercise 1: equal F₁, accuracies 0.5 and 0.99', () => {
    const a = { tp: 1, fp: 1, fn: 0, tn: 0 };
    const b = { tp: 1, fp: 1, fn: 0, tn: 98 };
    expect(fBetaOf(a)).toBe(fBetaOf(b));
    expect(fBetaOf(a)).toBeCloseTo(2 / 3, 15);
    expect(accuracyOfCounts(a)).toBe(0.5);
    expect(accuracyOfCounts(b)).toBe(0.99);
  });

  it('ECE of a calibrated model is positive and falls like 1/√n', () => {
    const mean = (n: number) => {
      const v = eceOfCalibrated(n, 40);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    const small = mean(50);
    const large = mean(5000);
    expect(large).toBeGreaterThan(0);
    expect(small / large).toBeGreaterThan(5);
    expect(small / large).toBeLessThan(20);
  });

  it('expectedCalibrationError of a hand example', () => {
    // two bins of [0, ½] and (½, 1]: (0.2, 0.4 | y 0, 1) and (0.9 | 1)
    const ece = expectedCalibrationError([0, 1, 1], [0.2, 0.4, 0.9], 2);
    expect(ece).toBeCloseTo((2 / 3) * Math.abs(0.5 - 0.3) +
      (1 / 3) * 0.1, 15);
  });

  it('the paired AUC differences are 139 and 7 of the 52 × 91 pairs', () => {
    const paired = pairedResults();
    expect(paired.aucLo.diff).toBeCloseTo(139 / (52 * 91), 14);
    expect(paired.aucHi.diff).toBeCloseTo(7 / (52 * 91), 14);
  });

  it('pairedAucInterval of a model against itself is [0, 0]; a better one is above 0', () => {
    const y = [1, 0, 1, 0, 1, 0, 1, 0];
    const good = [8, 1, 7, 2, 6, 3, 5, 4];
    const poor = [1, 8, 2, 7, 6, 3, 5, 4];
    expect(pairedAucInterval(y, good, good, 3, 20)).toEqual({ lo: 0, hi: 0 });
    const r = pairedAucInterval(y, good, poor, 3, 50);
    expect(r.lo).toBeGreaterThan(0);
    expect(r.hi).toBeLessThanOrEqual(1);
  });

  it('logLossTerms clips both ends at ε and is exact inside', () => {
    const t = logLossTerms([1, 0, 1, 0], [0, 1, 0.5, 0.25]);
    expect(t[0]).toBe(-Math.log(LOG_LOSS_EPS));
    expect(t[1]).toBe(-Math.log1p(-(1 - LOG_LOSS_EPS)));
    expect(t[2]).toBe(Math.log(2));
    expect(t[3]).toBe(-Math.log1p(-0.25));
  });

  it('costTerms: 10 per miss, 1 per false alarm, 0 for right decisions', () => {
    expect(Array.from(costTerms([1, 1, 0, 0], [0.9, 0.2, 0.7, 0.1], 0.5)))
      .toEqual([0, COST_FN, COST_FP, 0]);
  });

  it('hanleyMcNeilSE at A = 0.8, P = 3, N = 4 by hand', () => {
    // Q1 = 0.8/1.2, Q2 = 1.28/1.8
    const v = 0.8 * 0.2 + 2 * (0.8 / 1.2 - 0.64) + 3 * (1.28 / 1.8 - 0.64);
    expect(hanleyMcNeilSE(0.8, 3, 4)).toBeCloseTo(Math.sqrt(v / 12), 15);
  });

  it('eceOfCalibrated gives one ECE per seed, each the ECE of its draw', () => {
    const v = eceOfCalibrated(30, 3, 4);
    expect(v.length).toBe(3);
    const rng = createRng(2); // the second seed
    const p: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 30; i++) {
      p.push(rng.uniform());
      y.push(rng.uniform() < p[i] ? 1 : 0);
    }
    expect(v[1]).toBe(expectedCalibrationError(y, p, 4));
    expect(v[0]).not.toBe(v[1]);
  });

  it('the λ = 1 reliability bins hold 84, 9, 4, 1 and 45 masses', () => {
    const e = heldOut();
    expect(Array.from(e.calibration.counts)).toEqual([84, 9, 4, 1, 45]);
  });
});

describe('edge cases by hand', () => {
  it('rates of exactly 0 and 1 are allowed, and precision is 0 when '
    + 'nothing is predicted positive', () => {
    expect(precisionAtPrevalence(0, 0, 0.3)).toBe(0); // 0/0 is taken as 0
    expect(precisionAtPrevalence(1, 0, 0.5)).toBe(1);
    expect(precisionAtPrevalence(1, 1, 1)).toBe(1);
    expect(precisionAtPrevalence(0.5, 1, 0)).toBe(0);
  });

  it('meanCost divides by all four counts: (1·2 + 5·4)/10', () => {
    expect(meanCost({ tp: 1, fp: 2, tn: 3, fn: 4 }, 1, 5)).toBeCloseTo(2.2,
      15);
  });

  it('the last uniform edge is exactly 1 (49 · (1/49) is not); '
    + 'quantile edges by hand, the last the largest p', () => {
    expect(49 * (1 / 49)).toBeLessThan(1);
    expect(binEdges([], 49)[49]).toBe(1);
    // type-7 quantiles of 0.1, 0.2, 0.4, 0.9 at 0, ½, 1
    assertAllClose(binEdges([0.9, 0.1, 0.4, 0.2], 2, 'quantile'),
      [0.1, 0.3, 0.9], { rtol: 1e-15, atol: 0 });
  });

  it('one bin is allowed: its point is the overall share of positives '
    + 'and mean p', () => {
    const c = calibrationCurve([1, 0, 0, 1], [0.9, 0.2, 0.4, 0.5], 1);
    expect(Array.from(c.counts)).toEqual([4]);
    expect(Array.from(c.probTrue)).toEqual([0.5]);
    expect(c.probPred[0]).toBeCloseTo(0.5, 15);
  });

  it('midranks returns n ranks and nothing else', () => {
    const r = midranks([3, 1, 3, 2]);
    expect(Array.from(r)).toEqual([3.5, 1, 3.5, 2]);
    expect(Object.keys(r)).toEqual(['0', '1', '2', '3']);
  });
});

describe('messages', () => {
  it('each message names the function, the argument and what it got',
    () => {
      const c = { tp: 1, fp: 1, tn: 1, fn: 1 };
      const cases: [() => unknown, string][] = [
        [() => calibrationCurve([0, 1], [0.1, NaN]), 'calibrationCurve: p ' +
          'must hold finite numbers, got p[1] = NaN'],
        [() => calibrationCurve([0, 1], [0.1]), 'calibrationCurve: ' +
          'expected y and p of one length, got 2 and 1'],
        [() => binEdges([0.2, NaN], 2, 'quantile'), 'binEdges: p must hold ' +
          'finite numbers, got p[1] = NaN'],
        [() => confusionCounts([0, NaN], [0, 1]), 'confusionCounts: y must ' +
          'hold finite numbers, got y[1] = NaN'],
        [() => confusionCounts([0, 1], [0, 2]), 'confusionCounts: yHat ' +
          'must hold labels 0 or 1, got yHat[1] = 2'],
        [() => precisionAtPrevalence(2, 0, 0), 'precisionAtPrevalence: tpr ' +
          'must be in [0, 1], got 2'],
        [() => precisionAtPrevalence(0, 0, -1), 'precisionAtPrevalence: pi ' +
          'must be in [0, 1], got -1'],
        [() => costThreshold(1, 0), 'costThreshold: costFN must be finite ' +
          'and > 0, got 0'],
        [() => meanCost(c, 0, 1), 'meanCost: costFP must be finite and > 0, ' +
          'got 0'],
        [() => meanCost(c, 1, 0), 'meanCost: costFN must be finite and > 0, ' +
          'got 0'],
        [() => logLoss([0, 1], [0.5, NaN]), 'logLoss: p must hold finite ' +
          'numbers, got p[1] = NaN'],
        [() => logLoss([0, 1], [0.5, 0.5], 0.5), 'logLoss: eps must be in ' +
          '(0, 1/2), got 0.5'],
        [() => brierScore([0, 1], [0.5, 2]), 'brierScore: p must hold ' +
          'probabilities in [0, 1], got p[1] = 2'],
        [() => aucByPairs([0, 1], [0.1]), 'aucByPairs: expected y and s of ' +
          'one length, got 2 and 1'],
        [() => aucByRanks([0, 0], [1, 2]), 'aucByRanks: needs both classes ' +
          'in y, got 0 positives and 2 negatives'],
      ];
      for (const [f, msg] of cases) expect(f).toThrow(msg);
    });

  it('counts, intervals, the exercises and trapezoid name what is wrong',
    () => {
      const y = [0, 1, 0, 1], p = [0.2, 0.7, 0.4, 0.6];
      const zero = { tp: 0, fp: 0, tn: 0, fn: 0 };
      const cases: [() => unknown, string][] = [
        [() => meanCost(null as never, 1, 1), 'meanCost: c.tp must be a ' +
          'count (an integer >= 0), got undefined'],
        [() => meanCost(zero, 1, 1), 'meanCost: the counts c are all 0: ' +
          'no samples'],
        [() => prAchievableArea([0, 0], [1, 2]), 'prAchievableArea: needs ' +
          'both classes in y, got 0 positives and 2 negatives'],
        [() => eceOfCalibrated(0, 1), 'eceOfCalibrated: n must be an ' +
          'integer >= 1, got 0'],
        [() => replicateNegatives(y, [0.2, NaN, 0.4, 0.6], 2),
          'replicateNegatives: p must hold finite numbers'],
        [() => aucInterval(y, p, 1, 1), 'aucInterval: B must be an ' +
          'integer >= 2, got 1'],
        [() => pairedAucInterval(y, p, p, 1, 1), 'pairedAucInterval: B ' +
          'must be an integer >= 2, got 1'],
        [() => trapezoid([0], [0]), 'trapezoid: expected x and y of one ' +
          'length >= 2, got 1 and 1'],
      ];
      for (const [f, msg] of cases) expect(f).toThrow(msg);
    });
});
