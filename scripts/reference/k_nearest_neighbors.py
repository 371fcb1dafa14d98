"""Reference values for the k-nearest-neighbours chapter.

Runs scikit-learn's NearestNeighbors, KNeighborsClassifier and
KNeighborsRegressor on data made here (stored in the fixture, so the
tests use exactly the same numbers) and on the digits, wine and iris
files of data/, and writes tests/fixtures/k-nearest-neighbors/sklearn.json.
The tests and the chapter read only that JSON; this script is run by
hand:

    /usr/bin/python3 scripts/reference/k_nearest_neighbors.py

Run it with Debian's Python (python3-sklearn, python3-numpy,
python3-scipy, python3-threadpoolctl), not the python3 first on PATH.

What is recorded, and why:
- tie_free: continuous data, so no two distances are equal; neighbours
  from algorithm="brute" and "kd_tree" for p = 1, 2, 3 and infinity.
- classifier, regressor: predictions and class probabilities for k = 1,
  4 (vote ties), 15 and both weightings; the queries include training
  rows, so some distances are exactly 0. algorithm="kd_tree", whose
  distances are sums of squared differences, as the chapter's are.
- ties: small integer coordinates, so many distances are exactly equal.
  scikit-learn does not define which of several equally distant points
  it returns: brute force keeps a bounded max-heap that refuses a point
  as far as its current worst and then sorts with an unstable quicksort;
  the k-d tree visits points in tree order. Recorded: brute force with
  one and with two OpenMP threads, and the k-d tree.
- far: points near (1e7, 1e7, 1e7): brute force computes Euclidean
  distances as |x|^2 - 2 x.q + |q|^2 (with a matrix product), which
  loses the small differences; the k-d tree sums squared differences.
- digits, wine, iris: cross-validated accuracies with fixed folds.
OpenMP threads are limited to one except where two are asked for, so
that the file does not depend on the machine that ran it.
"""

import numpy as np
import sklearn
from sklearn.model_selection import (
    KFold, LeaveOneOut, PredefinedSplit, cross_val_score,
)
from sklearn.neighbors import (
    KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from common import ROOT, as_list, load_csv, versions, write_json

DIGITS = ROOT / "data" / "digits" / "digits.csv"
WINE = ROOT / "data" / "wine" / "wine.csv"
IRIS = ROOT / "data" / "iris" / "iris.csv"
OUT = ROOT / "tests" / "fixtures" / "k-nearest-neighbors" / "sklearn.json"

P_VALUES = [1, 2, 3, np.inf]
P_NAMES = ["1", "2", "3", "inf"]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def neighbours(X, Q, k, algorithm, p=2, threads=1):
    with threadpool_limits(limits=threads, user_api="openmp"):
        nn = NearestNeighbors(n_neighbors=k, algorithm=algorithm, p=p)
        dist, ind = nn.fit(X).kneighbors(Q)
    return {"indices": ints(ind), "distances": as_list(dist)}


def tie_free(rng):
    X = rng.normal(size=(120, 3))
    Q = rng.normal(size=(30, 3))
    out = {"X": as_list(X), "Q": as_list(Q), "d": 3, "k": 6}
    for p, name in zip(P_VALUES, P_NAMES):
        out[name] = {
            alg: neighbours(X, Q, 6, alg, p) for alg in ["brute", "kd_tree"]
        }
    return out


def blobs(rng, n):
    centres = np.array([[0.0, 0.0], [1.5, 0.5], [0.5, 1.5]])
    y = np.arange(n) % 3
    X = centres[y] + rng.normal(size=(n, 2))
    return X, y


def classifier(rng):
    X, y = blobs(rng, 150)
    Q = np.vstack([rng.normal(size=(55, 2)) + 0.6, X[:5]])
    out = {"X": as_list(X), "y": ints(y), "Q": as_list(Q), "fits": []}
    for k in [1, 4, 15]:
        for weights in ["uniform", "distance"]:
            model = KNeighborsClassifier(
                n_neighbors=k, weights=weights, algorithm="kd_tree",
            ).fit(X, y)
            out["fits"].append({
                "k": k, "weights": weights,
                "predict": ints(model.predict(Q)),
                "proba": as_list(model.predict_proba(Q)),
            })
    return out


def regressor(rng):
    X, _ = blobs(rng, 150)
    y = np.sin(X[:, 0]) + X[:, 1] + 0.3 * rng.normal(size=150)
    Q = np.vstack([rng.normal(size=(55, 2)) + 0.6, X[:5]])
    out = {"X": as_list(X), "y": as_list(y), "Q": as_list(Q), "fits": []}
    for k in [1, 5, 20]:
        for weights in ["uniform", "distance"]:
            model = KNeighborsRegressor(
                n_neighbors=k, weights=weights, algorithm="kd_tree",
            ).fit(X, y)
            out["fits"].append({
                "k": k, "weights": weights,
                "predict": as_list(model.predict(Q)),
            })
    return out


def ties(rng):
    X = rng.integers(0, 30, size=(1000, 2)).astype(float)
    Q = rng.integers(0, 30, size=(300, 2)).astype(float)
    return {
        "X": as_list(X), "Q": as_list(Q), "k": 5,
        "brute_1_thread": neighbours(X, Q, 5, "brute", threads=1),
        "brute_2_threads": neighbours(X, Q, 5, "brute", threads=2),
        "kd_tree": neighbours(X, Q, 5, "kd_tree"),
    }


def far(rng):
    X = 1e7 + rng.random(size=(100, 3))
    Q = 1e7 + rng.random(size=(5, 3))
    exact = np.sqrt(((Q[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    return {
        "X": as_list(X), "Q": as_list(Q), "k": 3, "offset": 1e7,
        "brute": neighbours(X, Q, 3, "brute"),
        "kd_tree": neighbours(X, Q, 3, "kd_tree"),
        "exact_nearest": as_list(np.sort(exact, axis=1)[:, :3]),
    }


def cv_accuracies(model, X, y, cv):
    with threadpool_limits(limits=1, user_api="openmp"):
        return as_list(cross_val_score(model, X, y, cv=cv))


def digits():
    table = load_csv(DIGITS, header=False).table
    X, y = table[:, :64] / 16, table[:, 64].astype(int)
    train = np.arange(len(y)) % 4 != 3
    Xtr, ytr, Xte = X[train], y[train], X[~train]
    ks = list(range(1, 16))
    out = {"ks": ks, "folds": 10, "cv": {}, "test": {}}
    for k in ks:
        knn = KNeighborsClassifier(n_neighbors=k)
        out["cv"][str(k)] = cv_accuracies(knn, Xtr, ytr, KFold(10))
    for k in [1, 3, 5, 7]:
        knn = KNeighborsClassifier(n_neighbors=k)
        with threadpool_limits(limits=1, user_api="openmp"):
            out["test"][str(k)] = ints(knn.fit(Xtr, ytr).predict(Xte))
    return out


def wine():
    table = load_csv(WINE).table
    X, y = table[:, :13], table[:, 13].astype(int)
    cv = PredefinedSplit(np.arange(len(y)) % 10)  # fold of row i: i % 10
    ks = [1, 3, 5, 7, 9, 11, 15, 21, 31]
    out = {"ks": ks, "raw": {}, "standardized": {}}
    for k in ks:
        knn = KNeighborsClassifier(n_neighbors=k)
        out["raw"][str(k)] = cv_accuracies(knn, X, y, cv)
        pipe = make_pipeline(StandardScaler(), knn)
        out["standardized"][str(k)] = cv_accuracies(pipe, X, y, cv)
    return out


def iris_sepal():
    table = load_csv(IRIS).table
    X, y = table[:, :2], table[:, 4].astype(int)
    ks = [1, 5, 15, 45]
    return {
        "ks": ks,
        "loo_accuracy": {
            str(k): float(np.mean(cv_accuracies(
                KNeighborsClassifier(n_neighbors=k), X, y, LeaveOneOut(),
            )))
            for k in ks
        },
    }


def main():
    rng = np.random.default_rng(20240519)
    write_json(OUT, {
        "versions": versions(sklearn),
        "tie_free": tie_free(rng),
        "classifier": classifier(rng),
        "regressor": regressor(rng),
        "ties": ties(rng),
        "far": far(rng),
        "digits": digits(),
        "wine": wine(),
        "iris_sepal": iris_sepal(),
    }, indent=1)


if __name__ == "__main__":
    main()
