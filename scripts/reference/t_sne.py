"""Reference values for the t-SNE chapter.

Runs scikit-learn's exact t-SNE on the first N rows of data/digits/
(raw pixels 0..16) and writes tests/fixtures/t-sne/sklearn.json. The
tests read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/t_sne.py

What is recorded, and why:
- P: sklearn's _joint_probabilities (condensed, i < j). sklearn casts
  the squared distances to float32 (exact here: they are integers below
  2^24); the binary search fills a float64 P, so the entries carry only
  float64 rounding (measured against the book: about 2e-17).
- init: the PCA start (full SVD, column 1 scaled to std 1e-4), passed
  to TSNE as init=<array> so that both runs start from the same map.
- runs: two learning rates. "stable" (5): the first phase stops at
  its first check (the gradient norm falls below min_grad_norm) and
  the whole run is smooth. "unstable" (100): with early exaggeration
  12 on 100 points the first phase oscillates and the trajectory is
  chaotic. For each: after10, the map after 10 iterations of sklearn's
  _gradient_descent (momentum 0.5, exaggeration 12) on P converted to
  float64, so that only summation order separates it from the book's
  optimiser; TSNE(method="exact") run to n_iter: its map,
  kl_divergence_, n_iter_ and trustworthiness (k = 5); spread, the same
  run repeated from the init multiplied entrywise by 1 + 1e-12 z
  (z standard normal, seeded): the KL and trustworthiness of each run.
  The spread, not float precision, sets the end-of-run tolerance.
- trust_tiefree: the pixel data are integers, so some distances tie
  exactly and sklearn's (unstable) argsort orders ties its own way. On
  X + noise (noise rounded to 1e-5, stored here) no distance ties, and
  trustworthiness(X + noise, map) is recorded for k = 5 and k = 10.
"""

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness
from sklearn.manifold._t_sne import (
    _gradient_descent,
    _joint_probabilities,
    _kl_divergence,
)
from sklearn.metrics import pairwise_distances

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "digits" / "digits.csv"
OUT = ROOT / "tests" / "fixtures" / "t-sne" / "sklearn.json"
N = 100
PERPLEXITY = 20.0
LEARNING_RATES = {"stable": 5.0, "unstable": 100.0}
N_ITER = 1000
SPREAD_RUNS = 10


def main():
    csv = load_csv(DATA, header=False)
    X = csv.table[:N, :64].astype(float)
    D = pairwise_distances(X, metric="euclidean", squared=True)
    P = _joint_probabilities(D, PERPLEXITY, 0)

    Z = PCA(n_components=2, svd_solver="full").fit_transform(X)
    init = Z / np.std(Z[:, 0]) * 1e-4
    P64 = P.astype(np.float64) * 12.0
    rng = np.random.default_rng(0)

    def descend(t, lr):
        p, _, _ = _gradient_descent(
            _kl_divergence, init.ravel(), 0, t, n_iter_check=50,
            n_iter_without_progress=250, momentum=0.5,
            learning_rate=lr, min_grad_norm=1e-7,
            args=[P64, 1, N, 2])
        return as_list(p)

    def run(start, lr):
        tsne = TSNE(n_components=2, perplexity=PERPLEXITY,
                    method="exact", init=start, learning_rate=lr,
                    n_iter=N_ITER, random_state=0)
        return tsne, tsne.fit_transform(X)

    def study(lr):
        tsne, Y = run(init.copy(), lr)
        spread = {"kl": [], "trust": []}
        for _ in range(SPREAD_RUNS):
            z = rng.standard_normal(init.shape)
            t, Yr = run(init * (1 + 1e-12 * z), lr)
            spread["kl"].append(float(t.kl_divergence_))
            spread["trust"].append(float(trustworthiness(X, Yr)))
        return {"learning_rate": lr, "after10": descend(10, lr),
                "Y": as_list(Y), "kl": float(tsne.kl_divergence_),
                "n_iter": int(tsne.n_iter_),
                "trust": float(trustworthiness(X, Y, n_neighbors=5)),
                "spread": spread}

    runs = {name: study(lr) for name, lr in LEARNING_RATES.items()}
    noise = np.round(rng.normal(0, 0.01, X.shape), 5)
    Y = np.array(runs["stable"]["Y"]).reshape(N, 2)

    write_json(OUT, {
        "versions": versions(sklearn),
        "data": {"file": "data/digits/digits.csv", "sha256": csv.sha256,
                 "rows": N},
        "perplexity": PERPLEXITY,
        "n_iter": N_ITER,
        "P": as_list(P, dtype=np.float64),
        "init": as_list(init),
        "runs": runs,
        "noise": as_list(noise),
        "trust_tiefree": {
            "k5": float(trustworthiness(X + noise, Y, n_neighbors=5)),
            "k10": float(trustworthiness(X + noise, Y, n_neighbors=10))},
    }, indent=1)


if __name__ == "__main__":
    main()
