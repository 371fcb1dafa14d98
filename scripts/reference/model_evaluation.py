"""Reference values for the model-evaluation chapter.

Everything here is deterministic: KFold without shuffling, the sizes
(not the random contents) of train_test_split, cross_val_score and
learning_curve with unshuffled folds, regression metrics on a fixed
hold-out split, and a polynomial fit to fixed points. The diabetes data
are the file shipped in data/diabetes/diabetes.csv. Writes
tests/fixtures/model-evaluation/sklearn.json; the tests and the chapter
read only that JSON. Run it by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/model_evaluation.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.
"""

import math

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression
from sklearn.metrics import (
    mean_absolute_error,
    mean_squared_error,
    r2_score,
)
from sklearn.model_selection import (
    KFold,
    LeaveOneOut,
    cross_val_score,
    learning_curve,
    train_test_split,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = ROOT / "tests" / "fixtures" / "model-evaluation" / "sklearn.json"

HOLDOUT_TRAIN = 342  # first 342 rows to fit, last 100 to test
CV_FOLDS = 10
LC_FOLDS = 5
LC_SIZES = [12, 15, 20, 30, 50, 100, 200, 353]
POLY_N = 20
POLY_DEGREE = 9
POLY_GRID = 41


def kfold_case(n, k):
    tests = [t.tolist() for _, t in KFold(n_splits=k).split(np.zeros(n))]
    return {"n": n, "k": k, "test": tests}


def split_case(n, test_size):
    tr, te = train_test_split(np.arange(n), test_size=test_size,
                              random_state=0)
    assert sorted(np.concatenate([tr, te]).tolist()) == list(range(n))
    return {"n": n, "test_size": test_size,
            "n_train": int(len(tr)), "n_test": int(len(te))}


def polynomial_case():
    # Fixed points and a fixed, noise-like perturbation: no RNG involved,
    # so the TypeScript test can rebuild them from the formulas.
    i = np.arange(POLY_N)
    x = i / (POLY_N - 1)
    y = np.sin(2 * np.pi * x) + 0.3 * np.sin(12.9898 * i)
    grid = np.linspace(0, 1, POLY_GRID)
    model = make_pipeline(
        PolynomialFeatures(POLY_DEGREE, include_bias=False),
        LinearRegression(),
    ).fit(x[:, None], y)
    raw = np.vander(x, POLY_DEGREE + 1, increasing=True)
    scaled = np.vander(2 * x - 1, POLY_DEGREE + 1, increasing=True)
    return {
        "what": "PolynomialFeatures(9) + LinearRegression on x_i = i/19, "
                "y_i = sin(2 pi x_i) + 0.3 sin(12.9898 i), i = 0..19",
        "n": POLY_N,
        "degree": POLY_DEGREE,
        "grid": as_list(grid),
        "predictions": as_list(model.predict(grid[:, None])),
        "cond_raw": float(np.linalg.cond(raw)),
        "cond_scaled": float(np.linalg.cond(scaled)),
    }


def main():
    table, sha256, _ = load_csv(DATA)
    X, y = table[:, :-1], table[:, -1]
    n = X.shape[0]

    fit = LinearRegression().fit(X[:HOLDOUT_TRAIN], y[:HOLDOUT_TRAIN])
    pred = fit.predict(X[HOLDOUT_TRAIN:])
    yt = y[HOLDOUT_TRAIN:]
    full = LinearRegression().fit(X, y)

    cv = KFold(n_splits=CV_FOLDS)
    cv_scores = {
        s: as_list(cross_val_score(LinearRegression(), X, y, cv=cv,
                                   scoring=s))
        for s in ["r2", "neg_mean_squared_error",
                  "neg_mean_absolute_error"]
    }
    loo = cross_val_score(LinearRegression(), X, y, cv=LeaveOneOut(),
                          scoring="neg_mean_squared_error")

    sizes, lc_train, lc_test = learning_curve(
        LinearRegression(), X, y, train_sizes=LC_SIZES,
        cv=KFold(n_splits=LC_FOLDS), scoring="neg_mean_squared_error",
        shuffle=False)

    result = {
        "generated_by": "scripts/reference/model_evaluation.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/diabetes/diabetes.csv",
            "sha256": sha256,
            "n": int(n),
        },
        "kfold": [kfold_case(10, 3), kfold_case(11, 4),
                  kfold_case(n, CV_FOLDS)],
        "train_test_split_sizes": [
            split_case(m, t) for m, t in
            [(10, 0.25), (11, 0.3), (100, 0.2), (n, 0.2), (n, 0.33),
             (7, 0.5)]
        ],
        "holdout": {
            "what": "LinearRegression fitted on rows 0..341, scored on "
                    "rows 342..441",
            "train_rows": HOLDOUT_TRAIN,
            "mae": float(mean_absolute_error(yt, pred)),
            "mse": float(mean_squared_error(yt, pred)),
            "rmse": float(mean_squared_error(yt, pred, squared=False)),
            "r2": float(r2_score(yt, pred)),
            "first_predictions": as_list(pred[:5]),
        },
        "training_mse_full": float(mean_squared_error(y, full.predict(X))),
        "cross_val_score": {
            "what": "cross_val_score(LinearRegression(), X, y, "
                    "cv=KFold(10)); scorers negate losses",
            "k": CV_FOLDS,
            **cv_scores,
        },
        "leave_one_out_mse": float(-loo.mean()),
        "learning_curve": {
            "what": "learning_curve(LinearRegression(), X, y, cv=KFold(5),"
                    " scoring='neg_mean_squared_error', shuffle=False)",
            "k": LC_FOLDS,
            "sizes": [int(s) for s in sizes],
            "train_neg_mse": [as_list(r) for r in lc_train],
            "test_neg_mse": [as_list(r) for r in lc_test],
        },
        "polynomial": polynomial_case(),
        "metrics_small": {
            "y": [3.0, -0.5, 2.0, 7.0],
            "y_pred": [2.5, 0.0, 2.0, 8.0],
            "mae": float(mean_absolute_error([3, -0.5, 2, 7],
                                             [2.5, 0.0, 2, 8])),
            "rmse": float(mean_squared_error([3, -0.5, 2, 7],
                                             [2.5, 0.0, 2, 8],
                                             squared=False)),
            "r2": float(r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])),
        },
    }
    assert math.isclose(result["holdout"]["rmse"] ** 2,
                        result["holdout"]["mse"])
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
