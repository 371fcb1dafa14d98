"""Reference values for the logistic-regression chapter.

Fits scikit-learn's LogisticRegression to the breast cancer data shipped
in data/breast-cancer/breast_cancer.csv and writes
tests/fixtures/logistic-regression/sklearn.json. The tests and the
chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/logistic_regression.py

Run it with Debian's Python (python3-sklearn, python3-numpy,
python3-scipy), not the python3 first on PATH. It imports the helpers
shared by all the reference scripts from common.py, next to it.

Conventions, the same as the chapter's code:
- y = 1 for a malignant mass, 0 for a benign one: 1 minus the file's
  last column (scikit-learn's load_breast_cancer().target is the file's
  column, 1 = benign).
- Features standardized with the population standard deviation (ddof=0),
  as StandardScaler does.
- scikit-learn minimizes C * sum_i loss_i + ||w||^2 / 2 with the
  intercept unpenalized; dividing by C gives the chapter's
  sum_i loss_i + (lambda/2) ||w||^2 with lambda = 1/C.
"""

import warnings

import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
from scipy.optimize import linprog
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "breast-cancer" / "breast_cancer.csv"
OUT = ROOT / "tests" / "fixtures" / "logistic-regression" / "sklearn.json"

# scikit-learn's inverse penalties C, i.e. lambda = 1/C = 1, 10, 0.01
CS = [1.0, 0.1, 100.0]
# the two features of the chapter's decision-boundary figure and the one
# feature of its loss-surface figure (column indices into the 30)
PAIR = [0, 1]  # mean radius, mean texture
SINGLE = [0]  # mean radius


def fit(Z, y, **kw):
    """LogisticRegression by Newton-Cholesky, run to a tiny tolerance."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = LogisticRegression(
            solver="newton-cholesky", tol=1e-14, max_iter=100, **kw
        ).fit(Z, y)
    converged = not any(
        issubclass(w.category, ConvergenceWarning) for w in caught
    )
    return model, converged


def summary(model, converged, Z, y, with_proba=True):
    p = model.predict_proba(Z)[:, 1]
    out = {
        "coef": as_list(model.coef_[0]),
        "intercept": float(model.intercept_[0]),
        "n_iter": int(model.n_iter_[0]),
        "converged": converged,
        "accuracy": float(np.mean((p >= 0.5) == (y == 1))),
    }
    if with_proba:
        out["proba"] = as_list(p)
    return out


def main():
    table, sha256, _ = load_csv(DATA)
    X, y = table[:, :-1], 1.0 - table[:, -1]
    n, d = X.shape
    mean, scale = X.mean(axis=0), X.std(axis=0)  # ddof=0
    Z = (X - mean) / scale

    penalized = {}
    for C in CS:
        model, ok = fit(Z, y, C=C)
        penalized[f"C={C:g}"] = {"C": C, "lambda": 1.0 / C,
                                 **summary(model, ok, Z, y)}

    # No penalty on all 30 features: the data are separable (the linear
    # program below finds a separating hyperplane), so the maximum-
    # likelihood weights are infinite. scikit-learn stops at max_iter
    # with a ConvergenceWarning and returns large finite weights.
    model, ok = fit(Z, y, penalty=None)
    unpenalized = summary(model, ok, Z, y, with_proba=False)
    unpenalized["coef_norm"] = float(np.linalg.norm(model.coef_))
    s = 2 * y - 1
    A = -s[:, None] * np.column_stack([np.ones(n), Z])
    lp = linprog(np.zeros(d + 1), A_ub=A, b_ub=-np.ones(n),
                 bounds=[(None, None)] * (d + 1), method="highs")
    unpenalized["separable_by_linprog"] = bool(lp.status == 0)

    # Exercise 3: class_weight='balanced' gives sample i the weight
    # n / (2 n_c), c its class; C = 1 as in the chapter's main fit.
    balanced_model, balanced_ok = fit(Z, y, C=1.0, class_weight="balanced")
    counts = np.bincount(y.astype(int))

    # Exercise 4: standard errors of the unpenalized two-feature model
    # in the units of the data, from the inverse Hessian (statsmodels'
    # Logit computes them from the observed information).
    logit = sm.Logit(y, sm.add_constant(X[:, PAIR])).fit(
        method="newton", tol=1e-14, maxiter=100, disp=0)

    pair_model, pair_ok = fit(Z[:, PAIR], y, penalty=None)
    single_model, single_ok = fit(Z[:, SINGLE], y, penalty=None)

    result = {
        "generated_by": "scripts/reference/logistic_regression.py",
        "versions": versions(sklearn, statsmodels),
        "data": {
            "file": "data/breast-cancer/breast_cancer.csv",
            "sha256": sha256,
            "n": int(n),
            "d": int(d),
            "malignant": int(y.sum()),
            "labels": "y = 1 malignant, 0 benign (1 - file's last column)",
        },
        "estimator": "LogisticRegression(solver='newton-cholesky', "
                     "tol=1e-14, max_iter=100) on standardized features",
        "standard_scaler": {"mean": as_list(mean), "scale": as_list(scale)},
        "penalized": penalized,
        "unpenalized_all_features": unpenalized,
        "pair": {
            "features": [int(j) for j in PAIR],
            "penalty": None,
            **summary(pair_model, pair_ok, Z[:, PAIR], y,
                      with_proba=False),
        },
        "balanced": {
            "C": 1.0,
            "class_weight": "balanced",
            "weights": {"benign": float(n / (2 * counts[0])),
                        "malignant": float(n / (2 * counts[1]))},
            **summary(balanced_model, balanced_ok, Z, y, with_proba=False),
        },
        "pair_raw_logit": {
            "what": "statsmodels Logit, no penalty, raw mean radius and "
                    "mean texture with a constant",
            "features": [int(j) for j in PAIR],
            "params": as_list(logit.params),
            "bse": as_list(logit.bse),
        },
        "single": {
            "features": [int(j) for j in SINGLE],
            "penalty": None,
            **summary(single_model, single_ok, Z[:, SINGLE], y,
                      with_proba=False),
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
