"""Reference values for the gradient-descent chapter.

Runs scikit-learn's SGDRegressor with a constant learning rate and
shuffle=False (plain stochastic gradient descent, one sample per step,
the rows in file order) on the standardized diabetes data shipped in
data/diabetes/diabetes.csv, records its weights after selected epochs,
and records LinearRegression, the point SGD wanders around, and the
eigenvalues of X^T X / n for three designs. Writes
tests/fixtures/gradient-descent/sklearn.json; the tests and the chapter
read only that JSON. Run by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/gradient_descent.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.
"""

import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression, SGDRegressor
from sklearn.preprocessing import StandardScaler

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = ROOT / "tests" / "fixtures" / "gradient-descent" / "sklearn.json"

ETA0 = 0.01  # constant step, below the per-sample bound 2 / max ||x_i||^2
EPOCHS = 30
RECORD = [1, 2, 5, 10, 20, 30]


def sgd(max_iter):
    return SGDRegressor(
        loss="squared_error",
        penalty=None,
        learning_rate="constant",
        eta0=ETA0,
        max_iter=max_iter,
        tol=None,
        shuffle=False,
        fit_intercept=True,
        average=False,
        early_stopping=False,
    )


def main():
    table, sha256, _ = load_csv(DATA)
    X, y = table[:, :-1], table[:, -1]
    n, d = X.shape
    Z = StandardScaler().fit_transform(X)  # population std, as ours

    # One epoch per partial_fit call: with a constant rate and no
    # shuffling this is the same run as fit(max_iter=EPOCHS).
    stepwise = sgd(1)
    epochs = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # max_iter=1 warns every call
        for e in range(1, EPOCHS + 1):
            stepwise.partial_fit(Z, y)
            if e in RECORD:
                epochs.append({
                    "epoch": e,
                    "coef": as_list(stepwise.coef_),
                    "intercept": float(stepwise.intercept_[0]),
                })
    full = sgd(EPOCHS).fit(Z, y)
    ols = LinearRegression().fit(Z, y)

    def spectrum(A):
        return as_list(np.linalg.eigvalsh(A.T @ A / n)[::-1])

    ones = np.ones((n, 1))
    designs = {
        "raw": spectrum(np.hstack([ones, X])),
        "centred": spectrum(np.hstack([ones, X - X.mean(axis=0)])),
        "standardized": spectrum(np.hstack([ones, Z])),
    }

    result = {
        "generated_by": "scripts/reference/gradient_descent.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/diabetes/diabetes.csv",
            "sha256": sha256,
            "n": int(n),
            "d": int(d),
        },
        "sgd": {
            "estimator": (
                "SGDRegressor(loss='squared_error', penalty=None, "
                "learning_rate='constant', eta0=%g, tol=None, "
                "shuffle=False) on StandardScaler() output" % ETA0
            ),
            "eta0": ETA0,
            "epochs": EPOCHS,
            "n_iter": int(full.n_iter_),
            "t": float(full.t_),
            "by_epoch": epochs,
            "fit_coef": as_list(full.coef_),
            "fit_intercept": float(full.intercept_[0]),
        },
        "ols_standardized": {
            "estimator": "LinearRegression() on StandardScaler() output",
            "coef": as_list(ols.coef_),
            "intercept": float(ols.intercept_),
        },
        "hessian_eigenvalues": {
            "what": "eigvalsh of A^T A / n, largest first, A = [1, X]",
            **designs,
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
