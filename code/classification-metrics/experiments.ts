// @unshown: harness for the tables and figures; it runs shown code
// The chapter's worked examples, each a plain function of fixed inputs,
// so that the page, the figures and the tests share them.
// Node only: the breast cancer studies load the data file.
import { requireInteger } from '../introduction/checks.ts';
import { requireLabelsScores } from './checks.ts';
import { evaluateBreastCancer } from './breast-cancer.ts';
import { confusionCounts, predictAt, recallOf, specificityOf }
  from './confusion.ts';
import { precisionAtPrevalence } from './imbalance.ts';
import { averagePrecision, precisionRecallCurve }
  from './precision-recall.ts';
import { rankedCounts, rocAuc, rocCurve } from './roc.ts';
import { aucByPairs } from './mann-whitney.ts';

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
