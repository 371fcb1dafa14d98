"""Reference values for the regularization chapter.

Fits scikit-learn's Ridge, Lasso, ElasticNet and LassoCV to the diabetes
data shipped in data/diabetes/diabetes.csv and writes
tests/fixtures/regularization/sklearn.json. The tests and the chapter
read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/regularization.py

Run it with Debian's Python (python3-sklearn, python3-numpy), not the
python3 first on PATH. It imports the helpers shared by all the
reference scripts from common.py, next to it.

Conventions (scikit-learn 1.2), with our names in brackets:
  Ridge(alpha)       minimizes ||y - Xw - b||^2 + alpha ||w||^2  [lambda]
  Lasso(alpha)       minimizes ||y - Xw - b||^2 / (2n) + alpha ||w||_1
  ElasticNet(alpha, l1_ratio) minimizes ||y - Xw - b||^2 / (2n)
      + alpha l1_ratio ||w||_1 + alpha (1 - l1_ratio) ||w||^2 / 2
  [lambda1 = alpha l1_ratio, lambda2 = alpha (1 - l1_ratio)]
The intercept b is never penalized: X and y are centred first.
"""

import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, LassoCV, Ridge
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = ROOT / "tests" / "fixtures" / "regularization" / "sklearn.json"

# Coordinate descent stops when its duality gap is below tol * ||y_c||^2
# (in the n-scaled objective). 1e-13 is near the rounding floor for
# these data: the fits then stop on the gap, not on max_iter, and their
# KKT residuals are at rounding level (the tests measure them).
TOL = 1e-13
MAX_ITER = 1_000_000

RIDGE_ALPHAS = [0.1, 10.0, 1000.0]
LASSO_ALPHAS = [0.5, 2.0, 10.0]
ENET_ALPHAS = [0.5, 2.0]
ENET_L1_RATIO = 0.5
CV_FOLDS = 5
CV_ALPHAS = 100
CV_EPS = 1e-3


def fit_record(model, extra=None):
    record = {
        "coef": as_list(model.coef_),
        "intercept": float(model.intercept_),
    }
    if getattr(model, "dual_gap_", None) is not None:
        record["n_iter"] = int(np.max(model.n_iter_))
        record["dual_gap"] = float(model.dual_gap_)
    record.update(extra or {})
    return record


def main():
    warnings.simplefilter("error", ConvergenceWarning)
    table, sha256, header = load_csv(DATA)
    X, y = table[:, :-1], table[:, -1]
    n, d = X.shape
    Z = StandardScaler().fit_transform(X)  # population std, ddof = 0
    Zc = Z - Z.mean(axis=0)

    ridge = [
        fit_record(Ridge(alpha=a).fit(Z, y), {"alpha": a})
        for a in RIDGE_ALPHAS
    ]
    ridge_raw = fit_record(Ridge(alpha=10.0).fit(X, y), {"alpha": 10.0})

    def lasso(a, data):
        m = Lasso(alpha=a, tol=TOL, max_iter=MAX_ITER).fit(data, y)
        return fit_record(m, {"alpha": a})

    def enet(a):
        m = ElasticNet(
            alpha=a, l1_ratio=ENET_L1_RATIO, tol=TOL, max_iter=MAX_ITER
        ).fit(Z, y)
        return fit_record(m, {"alpha": a, "l1_ratio": ENET_L1_RATIO})

    cv = LassoCV(
        n_alphas=CV_ALPHAS,
        eps=CV_EPS,
        cv=KFold(CV_FOLDS),  # contiguous folds, no shuffling
        tol=TOL,
        max_iter=MAX_ITER,
    ).fit(Z, y)

    result = {
        "generated_by": "scripts/reference/regularization.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/diabetes/diabetes.csv",
            "sha256": sha256,
            "n": int(n),
            "d": int(d),
            "features": header[:-1],
            "standardized": "StandardScaler().fit_transform(X)",
        },
        "tol": TOL,
        "max_iter": MAX_ITER,
        "singular_values_centered_standardized": as_list(
            np.linalg.svd(Zc, compute_uv=False)
        ),
        "ridge": ridge,
        "ridge_raw": ridge_raw,
        "lasso": [lasso(a, Z) for a in LASSO_ALPHAS],
        "lasso_raw": lasso(1.0, X),
        "elastic_net": [enet(a) for a in ENET_ALPHAS],
        "lasso_cv": {
            "estimator": "LassoCV(n_alphas=100, eps=1e-3, cv=KFold(5))",
            "alphas": as_list(cv.alphas_),
            "mse_path": [as_list(row) for row in cv.mse_path_],
            "alpha": float(cv.alpha_),
            "coef": as_list(cv.coef_),
            "intercept": float(cv.intercept_),
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
