"""Reference values for the hierarchical-clustering chapter.

Runs scipy.cluster.hierarchy (linkage with each of the seven methods,
metric="euclidean"; leaves_list, fcluster, cophenet, dendrogram) and
scikit-learn's AgglomerativeClustering on data made or read here, and
writes tests/fixtures/hierarchical-clustering/scipy.json. The data are
stored in the fixture, so the tests run on exactly the same numbers.
The tests and the chapter read only that JSON; the script is run by hand:

    /usr/bin/python3 scripts/reference/hierarchical_clustering.py

What is recorded, and why:
- blobs: 60 points in the plane around three centres, rounded to 1e-6
  (no two distances equal, so every merge is determined); for each
  method the linkage matrix, leaves_list, fcluster with 'maxclust'
  (k = 3) and with 'distance' (t halfway between the heights of the
  merges that leave 3 and 2 clusters, rows n - 4 and n - 3), the
  cophenetic correlation (and the
  cophenetic distances for single, centroid and Ward);
  and dendrogram(no_plot=True)'s icoord, dcoord and leaves for Ward.
- iris: the four measurements standardised here (population standard
  deviation), stored; the same quantities for each method. Iris has
  repeated values, so many distances are exactly equal: the ties show
  whether our algorithms break them as SciPy's do.
- triangle: three points on which centroid linkage inverts.
- sklearn: AgglomerativeClustering(n_clusters=3, linkage=...) labels on
  the standardised iris for ward and average.
"""

import numpy as np
import sklearn
from scipy.cluster.hierarchy import (cophenet, dendrogram, fcluster,
                                     leaves_list, linkage)
from scipy.spatial.distance import pdist
from sklearn.cluster import AgglomerativeClustering

from common import ROOT, as_list, load_csv, versions, write_json

OUT = ROOT / "tests/fixtures/hierarchical-clustering/scipy.json"
IRIS = ROOT / "data/iris/iris.csv"
METHODS = ["single", "complete", "average", "weighted", "centroid",
           "median", "ward"]


def blobs():
    rng = np.random.default_rng(2026)
    centres = [(0, 0), (4, 1), (1, 4)]
    parts = [rng.normal(c, 0.8, size=(20, 2)) for c in centres]
    return np.round(np.vstack(parts), 6)


def study(X, k=3):
    y = pdist(X)
    out = {}
    for method in METHODS:
        Z = linkage(X, method=method, metric="euclidean")
        n = len(X)
        # the cut between the merges that leave k and k - 1 clusters
        t = 0.5 * (Z[n - k - 1, 2] + Z[n - k, 2])
        c, coph = cophenet(Z, y)
        out[method] = {
            "Z": as_list(Z),
            "leaves": [int(v) for v in leaves_list(Z)],
            "maxclust": [int(v) for v in fcluster(Z, k, "maxclust")],
            "t": float(t),
            "distance": [int(v) for v in fcluster(Z, t, "distance")],
            "cophenetic": (as_list(coph) if n <= 60 and method in
                           ("single", "centroid", "ward") else None),
            "cophenet": float(c),
        }
    return out


def main():
    X = blobs()
    iris_raw = load_csv(IRIS).table[:, :4]
    iris = (iris_raw - iris_raw.mean(0)) / iris_raw.std(0)

    Zw = linkage(X, method="ward")
    dn = dendrogram(Zw, no_plot=True)
    triangle = np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 1.8]])

    sk = {}
    for method in ["ward", "average"]:
        model = AgglomerativeClustering(n_clusters=3, linkage=method)
        sk[method] = [int(v) for v in model.fit_predict(iris)]

    write_json(OUT, {
        "script": "scripts/reference/hierarchical_clustering.py",
        "versions": versions(sklearn),
        "blobs": {"X": as_list(X), "n": len(X), "d": 2,
                  "methods": study(X)},
        "dendrogram": {"icoord": [list(map(float, r)) for r in dn["icoord"]],
                       "dcoord": [list(map(float, r)) for r in dn["dcoord"]],
                       "leaves": [int(v) for v in dn["leaves"]]},
        "iris": {"X": as_list(iris), "n": len(iris), "d": 4,
                 "methods": study(iris)},
        "triangle": {"X": as_list(triangle),
                     "Z": as_list(linkage(triangle, method="centroid"))},
        "sklearn": sk,
    }, indent=1)


if __name__ == "__main__":
    main()
