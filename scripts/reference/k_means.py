"""Reference values for the k-means chapter.

Runs scikit-learn's KMeans (algorithm="lloyd", n_init=1, the initial
centres given), silhouette_score / silhouette_samples and MiniBatchKMeans
on data made here (stored in the fixture, so the tests use exactly the
same numbers) and on the iris, wine and digits files of data/, and writes
tests/fixtures/k-means/sklearn.json. The tests and the chapter read only
that JSON; this script is run by hand:

    OMP_NUM_THREADS=1 /usr/bin/python3 scripts/reference/k_means.py

What is recorded, and why:
- lloyd: labels, centres, inertia and n_iter_ for blobs (tol = 0 and
  1e-2, which scikit-learn multiplies by the mean of the features'
  variances), iris, wine (unscaled) and digits, each from
  given initial centres (rows of the data), so that the runs are
  deterministic and can be matched exactly.
- empty: initial centres of which one (or two) lie far from every point,
  so that their clusters are empty after the first assignment and
  scikit-learn relocates them to the points farthest from their centres;
  and a case where the relocated point was alone in its cluster, which
  relocation then leaves empty.
- silhouette: silhouette_score of the iris and blob clusterings and the
  per-sample values for the blobs.
- minibatch: MiniBatchKMeans from the same initial centres with
  reassignment_ratio=0, tol=0 and max_no_improvement=None (so that it
  runs its n_steps = max_iter * n // batch_size steps), over 40 seeds:
  the final inertia on all points. Its random stream is NumPy's, not
  ours: only the distribution can be compared.
"""

import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import silhouette_samples, silhouette_score

from common import ROOT, as_list, load_csv, versions, write_json

OUT = ROOT / "tests/fixtures/k-means/sklearn.json"
IRIS = ROOT / "data/iris/iris.csv"
WINE = ROOT / "data/wine/wine.csv"
DIGITS = ROOT / "data/digits/digits.csv"


def blobs():
    """300 points in the plane around four centres, unequal sizes and
    spreads, rounded to 1e-6 so that the JSON holds them exactly."""
    rng = np.random.default_rng(2026)
    centres = [(0, 0), (5, 1), (2, 6), (7, 7)]
    sizes = [100, 60, 90, 50]
    spreads = [1.0, 0.6, 1.4, 0.8]
    parts = [rng.normal(c, s, size=(m, 2))
             for c, m, s in zip(centres, sizes, spreads)]
    return np.round(np.vstack(parts), 6)


def run(X, init, tol, max_iter=300):
    km = KMeans(n_clusters=len(init), init=init, n_init=1,
                algorithm="lloyd", tol=tol, max_iter=max_iter).fit(X)
    return {
        "init": as_list(init), "k": len(init), "tol": tol,
        "labels": [int(v) for v in km.labels_],
        "centers": as_list(km.cluster_centers_),
        "inertia": float(km.inertia_), "n_iter": int(km.n_iter_),
    }


def main():
    X = blobs()
    init_rows = [0, 1, 2, 3]  # four points of the first blob
    iris = load_csv(IRIS).table[:, :4]
    wine = load_csv(WINE).table[:, :13]
    digits = load_csv(DIGITS, header=False).table[:, :64]

    lloyd = {
        "blobs_tol0": run(X, X[init_rows], 0.0),
        "blobs_tol": run(X, X[init_rows], 1e-2),
        "iris": run(iris, iris[[0, 1, 2]], 1e-4),
        "iris_tol0": run(iris, iris[[0, 1, 2]], 0.0),
        "wine": run(wine, wine[[0, 1, 2]], 1e-4),
        "digits": run(digits, digits[:10], 1e-4),
        "digits_tol": run(digits, digits[:10], 1e-3),
    }
    far1 = np.vstack([X[[0, 150]], [[100.0, 100.0]]])
    far2 = np.vstack([X[[0]], [[100.0, 100.0], [-100.0, 50.0]]])
    empty = {"one": run(X, far1, 0.0), "two": run(X, far2, 0.0)}
    # a relocation that empties the cluster it takes its point from: the
    # point 20 is alone in the cluster of centre 35 and farthest from
    # its centre, so it moves to an empty cluster and leaves one behind
    X5 = np.array([[0.0], [0.1], [0.2], [0.3], [20.0]])
    C5 = np.array([[0.0], [35.0], [100.0], [200.0]])
    empty["emptied"] = {**run(X5, C5, 0.0), "X": as_list(X5)}
    # stopped after that first update: the emptied centre is where
    # scikit-learn leaves it (the data's mean, as it centres the data)
    empty["emptied_1"] = {**run(X5, C5, 0.0, 1), "X": as_list(X5)}

    sil = {
        "iris_labels": lloyd["iris"]["labels"],
        "iris": float(silhouette_score(iris, lloyd["iris"]["labels"])),
        "blobs_labels": lloyd["blobs_tol0"]["labels"],
        "blobs": float(silhouette_score(X, lloyd["blobs_tol0"]["labels"])),
        "blobs_samples": as_list(
            silhouette_samples(X, lloyd["blobs_tol0"]["labels"])),
    }

    batch, epochs, seeds = 32, 3, 40
    inertias = []
    for seed in range(seeds):
        mb = MiniBatchKMeans(
            n_clusters=4, init=X[init_rows], n_init=1, batch_size=batch,
            max_iter=epochs, tol=0.0, max_no_improvement=None,
            reassignment_ratio=0.0, random_state=seed).fit(X)
        d2 = ((X[:, None, :] - mb.cluster_centers_[None]) ** 2).sum(-1)
        inertias.append(float(d2.min(axis=1).sum()))
    minibatch = {
        "batch_size": batch, "epochs": epochs, "seeds": seeds,
        "n_steps": epochs * len(X) // batch, "inertias": inertias,
    }

    write_json(OUT, {
        "script": "scripts/reference/k_means.py",
        "versions": versions(sklearn),
        "blobs": as_list(X), "n": len(X), "init_rows": init_rows,
        "lloyd": lloyd, "empty": empty, "silhouette": sil,
        "minibatch": minibatch,
    }, indent=1)


if __name__ == "__main__":
    main()
