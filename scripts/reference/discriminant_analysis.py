"""Reference values for the discriminant-analysis chapter.

Runs scikit-learn's LinearDiscriminantAnalysis (solvers "svd" and
"eigen", the latter without shrinkage, with shrinkage="auto" (Ledoit and
Wolf) and with a fixed shrinkage) and QuadraticDiscriminantAnalysis
(reg_param 0 and 0.1) on the wine data of data/wine, and on two small
cases made here: the wine cultivars 0 and 1 only (scikit-learn's binary
special case) and a QDA class with fewer samples than features. Writes
tests/fixtures/discriminant-analysis/sklearn.json; the tests and the
chapter read only that JSON. Run by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/discriminant_analysis.py

Every model is fitted with store_covariance=True so that covariance_ is
recorded. The queries are the training rows themselves.
"""

import warnings

import numpy as np
import sklearn
from sklearn.covariance import ledoit_wolf_shrinkage
from sklearn.discriminant_analysis import (
    LinearDiscriminantAnalysis, QuadraticDiscriminantAnalysis,
)

from common import ROOT, as_list, load_csv, versions, write_json

WINE = ROOT / "data" / "wine" / "wine.csv"
OUT = ROOT / "tests" / "fixtures" / "discriminant-analysis" / "sklearn.json"
SHRINK = 0.3
REG = 0.1


def lda_record(X, y, solver, shrinkage=None):
    m = LinearDiscriminantAnalysis(
        solver=solver, shrinkage=shrinkage, store_covariance=True,
    ).fit(X, y)
    k = len(m.classes_)
    out = {
        "solver": solver,
        "shrinkage": shrinkage,
        "priors": as_list(m.priors_),
        "means": as_list(m.means_),
        "covariance": as_list(m.covariance_),
        "coef": as_list(m.coef_),
        "coef_rows": int(m.coef_.shape[0]),
        "intercept": as_list(m.intercept_),
        # the K - 1 discriminant directions (eigen keeps all d columns)
        "scalings": as_list(m.scalings_[:, : k - 1]),
        "explained_variance_ratio": as_list(m.explained_variance_ratio_),
        "decision_function": as_list(m.decision_function(X)),
        "predict_proba": as_list(m.predict_proba(X)),
        "predict": [int(v) for v in m.predict(X)],
    }
    if k > 2:
        out["transform"] = as_list(m.transform(X))
    if solver == "svd":
        out["xbar"] = as_list(m.xbar_)
    return out


def qda_record(X, y, reg_param):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = QuadraticDiscriminantAnalysis(
            reg_param=reg_param, store_covariance=True,
        ).fit(X, y)
    return {
        "reg_param": reg_param,
        "warnings": [str(w.message) for w in caught],
        "priors": as_list(m.priors_),
        "means": as_list(m.means_),
        "covariance": [as_list(c) for c in m.covariance_],
        "decision_function": as_list(m.decision_function(X)),
        "predict_proba": as_list(m.predict_proba(X)),
        "predict": [int(v) for v in m.predict(X)],
    }


def main():
    csv = load_csv(WINE)
    X, y = csv.table[:, :13], csv.table[:, 13].astype(int)
    # Ledoit-Wolf intensity of each class, standardised as shrinkage="auto"
    lw = []
    for k in range(3):
        Xg = X[y == k]
        Z = (Xg - Xg.mean(0)) / Xg.std(0)
        lw.append(float(ledoit_wolf_shrinkage(Z)))
    binary = y < 2
    # a QDA class with fewer samples (8) than features (13)
    rng = np.random.default_rng(0)
    keep = np.concatenate([
        np.flatnonzero(y == 0), np.flatnonzero(y == 1),
        np.sort(rng.choice(np.flatnonzero(y == 2), 8, replace=False)),
    ])
    small = {
        "rows": [int(i) for i in keep],
        "qda": qda_record(X[keep], y[keep], REG),
    }
    data = {
        "versions": versions(sklearn),
        "wine_sha256": csv.sha256,
        "shrink": SHRINK,
        "reg": REG,
        "ledoit_wolf_per_class": lw,
        "lda": [
            lda_record(X, y, "svd"),
            lda_record(X, y, "eigen"),
            lda_record(X, y, "eigen", "auto"),
            lda_record(X, y, "eigen", SHRINK),
        ],
        "lda_binary": [
            lda_record(X[binary], y[binary], "svd"),
            lda_record(X[binary], y[binary], "eigen"),
        ],
        "qda": [qda_record(X, y, 0.0), qda_record(X, y, REG)],
        "qda_small": small,
    }
    write_json(OUT, data, indent=1)


if __name__ == "__main__":
    main()
