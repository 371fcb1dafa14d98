"""Reference values for the classification-metrics chapter.

Runs scikit-learn's metrics (and SciPy's Mann-Whitney test) on a few
seeded score vectors, most of them full of tied scores, on hand-made
edge cases, and on the probabilities of scikit-learn's logistic model of
the breast cancer data shipped in data/breast-cancer/breast_cancer.csv.
Writes tests/fixtures/classification-metrics/sklearn.json; the tests
and the chapter read only that JSON. Run by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/classification_metrics.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.

Labels: y = 1 is the positive class (malignant for the breast cancer
data, the reverse of scikit-learn's target). A prediction is positive
when its score is >= the threshold, as in roc_curve.
"""

import warnings

import numpy as np
import sklearn
from scipy.stats import mannwhitneyu, rankdata
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    auc,
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    fbeta_score,
    log_loss,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "breast-cancer" / "breast_cancer.csv"
OUT = ROOT / "tests" / "fixtures" / "classification-metrics" / "sklearn.json"


def curves(y, s):
    """The ranking metrics: they depend on the order of the scores."""
    fpr, tpr, thr = roc_curve(y, s)
    fpr_all, tpr_all, thr_all = roc_curve(y, s, drop_intermediate=False)
    precision, recall, pr_thr = precision_recall_curve(y, s)
    pos, neg = s[y == 1], s[y == 0]
    u = mannwhitneyu(pos, neg, alternative="two-sided").statistic
    return {
        "roc": {"fpr": as_list(fpr), "tpr": as_list(tpr),
                "thresholds": as_list(thr)},
        "roc_all": {"fpr": as_list(fpr_all), "tpr": as_list(tpr_all),
                    "thresholds": as_list(thr_all)},
        "roc_auc": float(roc_auc_score(y, s)),
        "pr": {"precision": as_list(precision), "recall": as_list(recall),
               "thresholds": as_list(pr_thr)},
        "average_precision": float(average_precision_score(y, s)),
        # the trapezoid under the PR points, which the chapter warns about
        "pr_trapezoid": float(auc(recall, precision)),
        "mann_whitney_u": float(u),
        "midranks": as_list(rankdata(s)),
    }


def at_threshold(y, s, t=0.5):
    """The counting metrics of the predictions s >= t."""
    yhat = (s >= t).astype(int)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zero_division: set to 0, as ours
        return {
            "threshold": t,
            "confusion": [[int(v) for v in r]
                          for r in confusion_matrix(y, yhat, labels=[0, 1])],
            "accuracy": float(accuracy_score(y, yhat)),
            "precision": float(precision_score(y, yhat, zero_division=0)),
            "recall": float(recall_score(y, yhat, zero_division=0)),
            "f1": float(f1_score(y, yhat, zero_division=0)),
            "f2": float(fbeta_score(y, yhat, beta=2, zero_division=0)),
        }


def probabilistic(y, p, bins_uniform=5, bins_quantile=4):
    """The metrics of probabilities: log-loss, Brier, calibration."""
    mean_true, mean_pred = calibration_curve(y, p, n_bins=bins_uniform)
    q_true, q_pred = calibration_curve(y, p, n_bins=bins_quantile,
                                       strategy="quantile")
    return {
        "log_loss": float(log_loss(y, p)),
        "log_loss_eps": float(np.finfo(np.float64).eps),
        "log_loss_eps_1e-3": float(log_loss(y, p, eps=1e-3)),
        "brier": float(brier_score_loss(y, p)),
        "calibration_uniform": {"n_bins": bins_uniform,
                                "prob_true": as_list(mean_true),
                                "prob_pred": as_list(mean_pred)},
        "calibration_quantile": {"n_bins": bins_quantile,
                                 "prob_true": as_list(q_true),
                                 "prob_pred": as_list(q_pred)},
    }


def case(y, s, probabilities=True, **kw):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    out = {"y": [int(v) for v in y], "scores": as_list(s),
           **curves(y, s), "at_half": at_threshold(y, s)}
    if probabilities:
        out.update(probabilistic(y, s, **kw))
    return out


def synthetic():
    rng = np.random.default_rng(20240601)
    # Scores rounded to one decimal: eleven possible values, many ties,
    # including values on the calibration bin edges 0.2, 0.4, 0.6, 0.8.
    n = 60
    y = (rng.random(n) < 0.4).astype(int)
    s = np.clip(np.round(0.35 + 0.3 * y + 0.2 * rng.standard_normal(n), 1),
                0.0, 1.0)
    tied = case(y, s)
    # Continuous scores, no ties, 20% positives.
    n = 200
    y = (rng.random(n) < 0.2).astype(int)
    z = 1.5 * y - 1.0 + rng.standard_normal(n)
    s = 1.0 / (1.0 + np.exp(-z))
    continuous = case(y, s, bins_uniform=10, bins_quantile=5)
    return tied, continuous


def edge_cases():
    return {
        # every score equal: one threshold, the diagonal, AUC = 1/2
        "all_tied": case([0, 1, 0, 1, 1], [0.5] * 5, probabilities=False),
        "perfect": case([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9],
                        probabilities=False),
        "reversed": case([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9],
                         probabilities=False),
        # equally spaced collinear points: drop_intermediate removes them
        "collinear": case([1, 1, 1, 0, 0, 0],
                          [0.9, 0.8, 0.7, 0.6, 0.5, 0.4],
                          probabilities=False),
        # collinear but unequally spaced, fps = [1, 3, 7], tps = [1, 2, 4]:
        # scikit-learn keeps the middle point
        "collinear_uneven": case(
            [1, 0] + [1, 0, 0] + [1, 1, 0, 0, 0, 0],
            [0.9, 0.9] + [0.5] * 3 + [0.1] * 6,
            probabilities=False),
        # no positive prediction at 1/2: precision is 0/0, set to 0
        "no_positive_prediction": case([0, 1, 0, 1], [0.1, 0.4, 0.2, 0.3],
                                       probabilities=False),
        # probabilities 0 and 1 on the wrong side: log-loss clips them
        "confident_mistakes": case([1, 0, 1, 0, 1], [0.0, 1.0, 1.0, 0.0, 0.7],
                                   bins_uniform=5, bins_quantile=2),
    }


def breast_cancer():
    table, sha256, _ = load_csv(DATA)
    X, y = table[:, :-1], (1.0 - table[:, -1]).astype(int)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)  # ddof = 0, as the book's
    model = LogisticRegression(solver="newton-cholesky", tol=1e-14,
                               max_iter=100, C=1.0).fit(Z, y)
    p = model.predict_proba(Z)[:, 1]
    return {"file": "data/breast-cancer/breast_cancer.csv",
            "sha256": sha256,
            "estimator": "LogisticRegression(solver='newton-cholesky', "
                         "tol=1e-14, C=1) on standardized features, "
                         "in-sample probabilities",
            **case(y, p, bins_uniform=10, bins_quantile=10)}


def main():
    tied, continuous = synthetic()
    result = {
        "generated_by": "scripts/reference/classification_metrics.py",
        "versions": versions(sklearn),
        "tied": tied,
        "continuous": continuous,
        "edge": edge_cases(),
        "breast_cancer": breast_cancer(),
    }
    write_json(OUT, result, indent=1)


if __name__ == "__main__":
    main()
