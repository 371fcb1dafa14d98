"""Reference values for the softmax-regression chapter.

Fits scikit-learn's multinomial LogisticRegression to the iris data in
data/iris/iris.csv and the handwritten digits in data/digits/digits.csv
and writes tests/fixtures/softmax-regression/sklearn.json. The tests and
the chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/softmax_regression.py

Run it with Debian's Python (python3-sklearn, python3-numpy,
python3-scipy), not the python3 first on PATH. It imports the helpers
shared by all the reference scripts from common.py, next to it.

Conventions, the same as the chapter's code:
- scikit-learn minimizes C * sum_i loss_i + ||W||^2 / 2 with the
  intercepts unpenalized; dividing by C gives the chapter's
  sum_i loss_i + (lambda/2) ||W||_F^2 with lambda = 1/C.
- Digits: pixels divided by 16, so every feature lies in [0, 1]; the
  training set is every row i with i % 4 != 3, the test set the others.
- For every fit we also record the norm of the gradient of the chapter's
  objective at scikit-learn's solution (computed here with NumPy): it
  says how far from the exact minimizer the library stopped, and the
  tests derive their tolerances from it.
"""

import warnings

import numpy as np
import sklearn
from scipy.special import logsumexp, softmax
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from common import ROOT, as_list, sha256_file, versions, write_json

IRIS = ROOT / "data" / "iris" / "iris.csv"
DIGITS = ROOT / "data" / "digits" / "digits.csv"
OUT = ROOT / "tests" / "fixtures" / "softmax-regression" / "sklearn.json"

SOLVER = "newton-cg"  # lbfgs stops at |grad| ~ 1e-2 (its ftol)
TOL = 1e-8  # newton-cg stops when max |gradient entry| <= TOL
LAMBDA = 1.0  # C = 1, scikit-learn's default
PETALS = [2, 3]  # petal length and width, the decision-region figure
SMALL_DIGITS = [0, 1, 2]  # the test suite's small digits problem
SMALL_ROWS = 360  # ... taken from the first SMALL_ROWS images


def objective_gradient(X, y, W, b, lam):
    """Gradient of sum_i loss_i + lam/2 ||W||^2 in (b, W), as one vector."""
    Z = X @ W.T + b
    P = softmax(Z, axis=1)
    Y = np.eye(W.shape[0])[y]
    R = P - Y
    gW = R.T @ X + lam * W
    gb = R.sum(axis=0)
    return np.concatenate([gb, gW.ravel()])


def loss(X, y, W, b, lam):
    Z = X @ W.T + b
    nll = np.sum(logsumexp(Z, axis=1) - Z[np.arange(len(y)), y])
    return float(nll + lam / 2 * np.sum(W * W))


def fit(X, y, lam=LAMBDA):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = LogisticRegression(
            multi_class="multinomial", solver=SOLVER, C=1 / lam,
            tol=TOL, max_iter=1000,
        ).fit(X, y)
    converged = not any(
        issubclass(w.category, ConvergenceWarning) for w in caught
    )
    W, b = model.coef_, model.intercept_
    g = objective_gradient(X, y, W, b, lam)
    g0 = objective_gradient(X, y, 0 * W, 0 * b, lam)
    return model, {
        "lambda": lam,
        "n": int(X.shape[0]),
        "classes": [int(c) for c in model.classes_],
        # coef[k] is class k's weight vector, as scikit-learn's coef_
        "coef": [as_list(row) for row in W],
        "intercept": as_list(b),
        "intercept_sum": float(b.sum()),
        "loss": loss(X, y, W, b, lam),
        "grad_norm": float(np.linalg.norm(g)),
        "grad_norm_at_zero": float(np.linalg.norm(g0)),
        "n_iter": int(model.n_iter_[0]),
        "converged": converged,
        "train_accuracy": float(model.score(X, y)),
    }


def main():
    iris = np.loadtxt(IRIS, delimiter=",", skiprows=1)
    Xi, yi = iris[:, :4], iris[:, 4].astype(int)
    _, iris_full = fit(Xi, yi)
    petal_model, iris_petals = fit(Xi[:, PETALS], yi)
    # probabilities at three flowers, one per species
    rows = [0, 50, 100]
    iris_petals["proba_rows"] = rows
    iris_petals["proba"] = [
        as_list(p) for p in petal_model.predict_proba(Xi[rows][:, PETALS])
    ]

    digits = np.loadtxt(DIGITS, delimiter=",")
    Xd, yd = digits[:, :64] / 16, digits[:, 64].astype(int)
    idx = np.arange(len(yd))
    train, test = idx % 4 != 3, idx % 4 == 3
    model, digits_fit = fit(Xd[train], yd[train])
    pred = model.predict(Xd[test])
    digits_fit["test_n"] = int(test.sum())
    digits_fit["test_accuracy"] = float(np.mean(pred == yd[test]))
    digits_fit["test_predictions"] = [int(v) for v in pred]

    first = idx < SMALL_ROWS
    keep = first & np.isin(yd, SMALL_DIGITS)
    _, small = fit(Xd[keep], yd[keep])
    small["rows"] = [int(i) for i in idx[keep]]

    out = {
        "versions": versions(sklearn),
        "settings": {
            "multi_class": "multinomial",
            "solver": SOLVER,
            "tol": TOL,
            "objective": "sum_i -log p_i,y_i + lambda/2 ||W||_F^2",
        },
        "sha256": {"iris": sha256_file(IRIS), "digits": sha256_file(DIGITS)},
        "iris": {"features": [0, 1, 2, 3], **iris_full},
        "iris_petals": {"features": PETALS, **iris_petals},
        "digits": {
            "scale": 16,
            "split": "train: i % 4 != 3, test: i % 4 == 3",
            **digits_fit,
        },
        "digits_small": {
            "scale": 16,
            "digits": SMALL_DIGITS,
            "first_rows": SMALL_ROWS,
            **small,
        },
    }
    write_json(OUT, out, indent=1)
    for name in ["iris", "iris_petals", "digits", "digits_small"]:
        r = out[name]
        print(name, r["n"], "iter", r["n_iter"], "conv", r["converged"],
              "grad", r["grad_norm"], "/", r["grad_norm_at_zero"],
              "sum b", r["intercept_sum"], "acc", r["train_accuracy"])
    print("digits test accuracy", digits_fit["test_accuracy"])


if __name__ == "__main__":
    main()
