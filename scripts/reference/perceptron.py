"""Reference values for the perceptron chapter.

Runs scikit-learn's Perceptron (shuffling off, no penalty, eta0 = 1,
tol = None) and SGDClassifier(loss="perceptron", average=True) on pairs
of iris species from data/iris/iris.csv, and finds the largest margin a
unit vector (b, w) achieves on the separable pair with SciPy's SLSQP.
Writes tests/fixtures/perceptron/sklearn.json; the tests and the
chapter read only that JSON. Run by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/perceptron.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.
"""

import warnings

import numpy as np
import sklearn
from scipy.optimize import minimize, nnls
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron, SGDClassifier

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "iris" / "iris.csv"
OUT = ROOT / "tests" / "fixtures" / "perceptron" / "sklearn.json"

# tol=None runs exactly max_iter passes and warns that it did not
# "converge"; that is what we want here.
warnings.simplefilter("ignore", ConvergenceWarning)


def pair(X, species, negative, positive, columns):
    """Rows of two species, chosen columns, labels as in the file."""
    keep = np.isin(species, (negative, positive))
    return X[keep][:, columns], species[keep]


def max_margin(A, s):
    """max over unit v of min_i s_i v.a_i: min |v|^2 s.t. s_i v.a_i >= 1.

    A holds the augmented rows (1, x_i); s the signs. Started from a
    feasible point: a separator found by the perceptron rule in NumPy."""
    v0 = np.zeros(A.shape[1])
    for _ in range(10_000):
        wrong = np.flatnonzero(s * (A @ v0) <= 0)
        if wrong.size == 0:
            break
        v0 += s[wrong[0]] * A[wrong[0]]
    m0 = (s * (A @ v0)).min()
    assert m0 > 0, "no separator found for the start"
    cons = {
        "type": "ineq",
        "fun": lambda v: s * (A @ v) - 1.0,
        "jac": lambda v: s[:, None] * A,
    }
    res = minimize(lambda v: v @ v, v0 / m0, jac=lambda v: 2 * v,
                   constraints=[cons], method="SLSQP",
                   options={"ftol": 1e-15, "maxiter": 1000})
    u = res.x / np.linalg.norm(res.x)
    gamma = float((s * (A @ u)).min())
    # the active constraints: the examples that fix the margin
    support = np.flatnonzero(s * (A @ u) <= gamma * (1 + 1e-9))
    # Optimality (KKT): v = sum_i alpha_i s_i a_i over the active
    # examples with alpha_i >= 0. SLSQP's own message can be a false
    # alarm at a degenerate vertex; this residual is the real check.
    v = u / gamma
    alpha, resid = nnls((s[support, None] * A[support]).T, v)
    return {"u": as_list(u), "gamma": gamma,
            "support": [int(i) for i in support],
            "kkt_relative_residual": float(resid / np.linalg.norm(v)),
            "slsqp_message": res.message}


def main():
    table, sha256, _ = load_csv(DATA)
    X, species = table[:, :4], table[:, 4].astype(int)

    # Setosa (0) against versicolor (1) by sepal length and width.
    Xs, ys = pair(X, species, 0, 1, [0, 1])
    sepal_runs = []
    for epochs in [1, 2, 5, 50, 720, 721, 1000]:
        p = Perceptron(penalty=None, eta0=1.0, fit_intercept=True,
                       max_iter=epochs, tol=None, shuffle=False)
        p.fit(Xs, ys)
        sepal_runs.append({
            "epochs": epochs,
            "coef": as_list(p.coef_),
            "intercept": float(p.intercept_[0]),
            "n_iter": int(p.n_iter_),
            "train_accuracy": float(p.score(Xs, ys)),
        })
    defaults = {}
    for name, est in [
        ("no_shuffle", Perceptron(shuffle=False)),
        ("shuffle_seed_0", Perceptron(random_state=0)),
    ]:
        est.fit(Xs, ys)
        defaults[name] = {
            "n_iter": int(est.n_iter_),
            "coef": as_list(est.coef_),
            "intercept": float(est.intercept_[0]),
            "train_accuracy": float(est.score(Xs, ys)),
        }

    # Largest margin in the augmented space x~ = (1, x), raw and
    # standardized (population std, as the chapter's standardize()).
    s = np.where(ys == 1, 1.0, -1.0)
    Zs = (Xs - Xs.mean(axis=0)) / Xs.std(axis=0)
    margins = {
        name: max_margin(np.column_stack([np.ones(len(M)), M]), s)
        for name, M in [("raw", Xs), ("standardized", Zs)]
    }

    # Versicolor (1) against virginica (2) by the petals: overlapping.
    Xp, yp = pair(X, species, 1, 2, [2, 3])
    averaged_runs = []
    for epochs in [1, 10, 100]:
        a = SGDClassifier(loss="perceptron", penalty=None,
                          learning_rate="constant", eta0=1.0,
                          fit_intercept=True, max_iter=epochs, tol=None,
                          shuffle=False, average=True)
        a.fit(Xp, yp)
        averaged_runs.append({
            "epochs": epochs,
            "coef": as_list(a.coef_),
            "intercept": float(a.intercept_[0]),
        })

    result = {
        "generated_by": "scripts/reference/perceptron.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/iris/iris.csv",
            "sha256": sha256,
        },
        "sepal_setosa_versicolor": {
            "columns": [0, 1],
            "runs": sepal_runs,
            "defaults": defaults,
            "max_margin": margins,
        },
        "petal_versicolor_virginica_averaged": {
            "columns": [2, 3],
            "runs": averaged_runs,
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
