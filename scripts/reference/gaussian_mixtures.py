"""Reference values for the gaussian-mixtures chapter.

Runs scikit-learn's GaussianMixture on the standardised iris
measurements (population standard deviation, as the book's
standardize) with k = 3, for each covariance type, started from given
parameters (weights_init, means_init, precisions_init: equal weights,
the rows INIT_ROWS of X as means, identity covariances), so that EM is
deterministic and can be matched step for step; and once more with
tol = 0 and max_iter = 7, so that it stops on max_iter unconverged.
Writes tests/fixtures/gaussian-mixtures/sklearn.json; the tests read
only that JSON. Run by hand:

    OMP_NUM_THREADS=1 /usr/bin/python3 scripts/reference/gaussian_mixtures.py

Recorded per run: weights_, means_, covariances_ (in scikit-learn's
shape for the type: full k x d x d, tied d x d, diag k x d, spherical
k), lower_bound_, n_iter_, converged_, predict_proba(X), score(X),
bic(X), aic(X), and _n_parameters().
"""

import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

from common import ROOT, as_list, load_csv, versions, write_json

OUT = ROOT / "tests/fixtures/gaussian-mixtures/sklearn.json"
IRIS = ROOT / "data/iris/iris.csv"
INIT_ROWS = [10, 60, 110]
K = 3


def precisions_init(cov_type, d):
    """Identity covariances (so identity precisions) in the type's shape."""
    return {
        "full": np.array([np.eye(d)] * K),
        "tied": np.eye(d),
        "diag": np.ones((K, d)),
        "spherical": np.ones(K),
    }[cov_type]


def run(X, cov_type, tol, max_iter):
    gm = GaussianMixture(
        n_components=K, covariance_type=cov_type, tol=tol,
        max_iter=max_iter, reg_covar=1e-6, n_init=1,
        weights_init=np.full(K, 1 / K), means_init=X[INIT_ROWS],
        precisions_init=precisions_init(cov_type, X.shape[1]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gm.fit(X)
    return {
        "covariance_type": cov_type,
        "tol": tol,
        "max_iter": max_iter,
        "weights": as_list(gm.weights_),
        "means": as_list(gm.means_),
        "covariances": as_list(gm.covariances_),
        "lower_bound": float(gm.lower_bound_),
        "n_iter": int(gm.n_iter_),
        "converged": bool(gm.converged_),
        "proba": as_list(gm.predict_proba(X)),
        "score": float(gm.score(X)),
        "bic": float(gm.bic(X)),
        "aic": float(gm.aic(X)),
        "n_parameters": int(gm._n_parameters()),
    }


def main():
    iris = load_csv(IRIS)
    raw = iris.table[:, :4]
    X = (raw - raw.mean(axis=0)) / raw.std(axis=0)
    runs = [run(X, t, 1e-3, 100)
            for t in ("full", "tied", "diag", "spherical")]
    runs.append(run(X, "full", 0.0, 7))
    write_json(OUT, {
        "versions": versions(sklearn),
        "data": "data/iris/iris.csv, 4 measurements, standardised",
        "data_sha256": iris.sha256,
        "n": int(X.shape[0]),
        "d": int(X.shape[1]),
        "k": K,
        "init_rows": INIT_ROWS,
        "reg_covar": 1e-6,
        "runs": runs,
    }, indent=1)


if __name__ == "__main__":
    main()
