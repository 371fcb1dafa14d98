// @unshown: harness for the tables and figures; it runs shown code
// The chapter's worked examples, each a plain function of fixed inputs,
// so that the page, the figures and the tests share them.
// Node only: the breast cancer studies load the data file.
import { calledAs, requireInteger } from '../introduction/checks.ts';
import { createRng } from '../introduction/random.ts';
import {
  bootstrapReplicates, percentileInterval,
} from '../statistics/bootstrap.ts';
import { pairedDifference } from '../statistics/paired.ts';
import { requireLabelsScores, requireProbabilityArray } from './checks.ts';
import { COST_FN, COST_FP, evaluateBreastCancer } from './breast-cancer.ts';
import { confusionCounts, predictAt, recallOf, specificityOf }
  from './confusion.ts';
import { precisionAtPrevalence } from './imbalance.ts';
import { averagePrecision, precisionRecallCurve }
  from './precision-recall.ts';
import { rankedCounts, rocAuc, rocCurve } from './roc.ts';
import { aucByPairs, aucByRanks } from './mann-whitney.ts';
import { LOG_LOSS_EPS } from './log-loss.ts';

// ---------------------------------------------------------------------
// A toy problem small enough to follow by hand: ten samples, two ties
// that mix the classes (0.8 and 0.5) and one that does not (0.3).

export const TOY_S = [0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.5, 0.4, 0.3, 0.3];
export const TOY_Y = [1, 1, 0, 1, 0, 1, 0, 0, 0, 0];

export function toyStudy() {
  const ranked = rankedCounts(TOY_Y, TOY_S);
  return {
    y: TOY_Y, s: TOY_S, ranked,
    roc: rocCurve(TOY_Y, TOY_S, false),
    rocDropped: rocCurve(TOY_Y, TOY_S),
    auc: rocAuc(TOY_Y, TOY_S),
    pairs: aucByPairs(TOY_Y, TOY_S),
    pr: precisionRecallCurve(TOY_Y, TOY_S),
    ap: averagePrecision(TOY_Y, TOY_S),
    atHalf: confusionCounts(TOY_Y, predictAt(TOY_S, 0.5)),
  };
}

// ---------------------------------------------------------------------
// Imbalance: the breast cancer test set with every benign mass counted
// REPLICATE times, and the precision of the cost-based rule at a
// screening prevalence.

export const REPLICATE = 30;
export const SCREENING_PREVALENCE = 0.01;

/** y and p with each negative repeated `times` times. */
export function replicateNegatives(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  times: number,
) {
  requireLabelsScores('replicateNegatives', y, p, 'p');
  requireInteger('replicateNegatives', 'times', times, 1);
  const yy: number[] = [];
  const pp: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const k = y[i] === 1 ? 1 : times;
    for (let r = 0; r < k; r++) {
      yy.push(y[i]);
      pp.push(p[i]);
    }
  }
  return { y: yy, p: pp };
}

export function imbalanceStudy(times = REPLICATE) {
  requireInteger('imbalanceStudy', 'times', times, 1);
  const e = evaluateBreastCancer();
  const rep = replicateNegatives(e.y, e.p, times);
  const counts = confusionCounts(rep.y, predictAt(rep.p, e.tCost));
  const tpr = recallOf(e.atCost);
  const fpr = 1 - specificityOf(e.atCost);
  const prevalence = (a: ArrayLike<number>) =>
    Array.from(a).reduce((s, v) => s + v, 0) / a.length;
  return {
    e, rep, counts, tpr, fpr,
    pi: prevalence(e.y),
    piRep: prevalence(rep.y),
    rocRep: rocCurve(rep.y, rep.p),
    aucRep: rocAuc(rep.y, rep.p),
    prRep: precisionRecallCurve(rep.y, rep.p),
    apRep: averagePrecision(rep.y, rep.p),
    screening: precisionAtPrevalence(tpr, fpr, SCREENING_PREVALENCE),
  };
}

// ---------------------------------------------------------------------
// The penalty: three models, the same test set, every metric.

export const PENALTIES = [0.01, 1, 100] as const;

export function penaltyStudy() {
  return PENALTIES.map((lambda_) => {
    const e = evaluateBreastCancer(lambda_);
    return { lambda_, e, accuracy: e.holdout.testAccuracy };
  });
}

// ---------------------------------------------------------------------
// Paired comparisons on the same test masses: the mean of the per-mass
// differences with its standard error, and a paired bootstrap interval
// for a difference of AUCs.

// Mean and standard error of aᵢ − bᵢ (sample sd over √n): the
// statistics chapter's, exported here as before.
export { pairedDifference };

/** The per-example terms of logLoss (clipped), whose mean it is. */
export function logLossTerms(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
): Float64Array {
  requireLabelsScores('logLossTerms', y, p, 'p');
  requireProbabilityArray('logLossTerms', p);
  return Float64Array.from(y, (yi, i) => {
    const pi = Math.min(Math.max(p[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    return yi === 1 ? -Math.log(pi) : -Math.log1p(-pi);
  });
}

/** The cost of each decision: cFN for a miss, cFP for a false alarm. */
export function costTerms(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  t: number,
): Float64Array {
  requireLabelsScores('costTerms', y, p, 'p');
  const yhat = calledAs('costTerms', () => predictAt(p, t));
  return Float64Array.from(y, (yi, i) =>
    yi === 1 ? (yhat[i] === 0 ? COST_FN : 0) : yhat[i] * COST_FP);
}

/** 95% percentile interval of AUC(p1) − AUC(p2), resampling masses. */
export function pairedAucInterval(
  y: ArrayLike<number>,
  p1: ArrayLike<number>,
  p2: ArrayLike<number>,
  seed = 1,
  B = 2000,
) {
  const fn = 'pairedAucInterval';
  requireLabelsScores(fn, y, p1, 'p1');
  requireLabelsScores(fn, y, p2, 'p2');
  requireInteger(fn, 'seed', seed);
  requireInteger(fn, 'B', B, 2);
  const index = Float64Array.from(y, (_, i) => i);
  const diff = (rows: Float64Array) => {
    const yy = Array.from(rows, (i) => y[i]);
    return aucByRanks(yy, Array.from(rows, (i) => p1[i])) -
      aucByRanks(yy, Array.from(rows, (i) => p2[i]));
  };
  const replicates = calledAs(fn, () =>
    bootstrapReplicates(createRng(seed), index, diff, B));
  return percentileInterval(replicates, 0.95);
}

/** λ = 0.01 and λ = 100 against λ = 1 on the same masses; the two
 *  decision rules of λ = 1 against each other. */
export function pairedStudy() {
  const [lo, mid, hi] = penaltyStudy().map((r) => r.e);
  const { y } = mid;
  const termsLo = logLossTerms(y, lo.p);
  const top = Array.from(termsLo).sort((a, b) => b - a).slice(0, 3);
  let total = 0;
  for (const v of termsLo) total += v;
  let pMin = 1; // the smallest probability λ = 0.01 gives a cancer
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) pMin = Math.min(pMin, lo.p[i]);
  }
  return {
    logLoss: pairedDifference(termsLo, logLossTerms(y, mid.p)),
    top, topShare: (top[0] + top[1] + top[2]) / total, pMin,
    aucLo: { diff: mid.auc - lo.auc,
      ...pairedAucInterval(y, mid.p, lo.p) },
    aucHi: { diff: hi.auc - mid.auc,
      ...pairedAucInterval(y, hi.p, mid.p) },
    cost: pairedDifference(costTerms(y, mid.p, 0.5),
      costTerms(y, mid.p, mid.tCost)),
  };
}
