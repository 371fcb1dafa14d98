"""Reference values for the kernels chapter.

Writes tests/fixtures/kernels/sklearn.json from scikit-learn on small
data drawn here (NumPy's RandomState(0)) and recorded in the fixture,
so that the tests feed the very same numbers to the chapter's code:

- pairwise_kernels for the polynomial, Laplacian and sigmoid kernels
  (scikit-learn's parameter conventions: gamma, coef0, degree);
- KernelRidge (alpha = lambda, no intercept) with linear, polynomial and
  RBF kernels: dual_coef_ and predict on new rows;
- KernelPCA(eigen_solver="dense") with an RBF kernel on two circles:
  eigenvalues_, eigenvectors_, fit_transform and transform of new rows
  (eigenvectors are defined up to sign);
- Nystroem(random_state=0): the landmark rows it drew
  (component_indices_), normalization_ and transform; the tests give
  our nystromFeatures the same landmark rows;
- RBFSampler(random_state=0): random_weights_, random_offset_ and
  transform; the tests give our rffFeatures the same W and b.

Run by hand:

    /usr/bin/python3 scripts/reference/kernels.py
"""

import numpy as np
import sklearn
from sklearn.datasets import make_circles
from sklearn.decomposition import KernelPCA
from sklearn.kernel_approximation import Nystroem, RBFSampler
from sklearn.kernel_ridge import KernelRidge
from sklearn.metrics.pairwise import pairwise_kernels

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "kernels" / "sklearn.json"


def matrix(a):
    a = np.asarray(a, dtype=float)
    return {"rows": int(a.shape[0]), "cols": int(a.shape[1]),
            "data": as_list(a)}


def main():
    rng = np.random.RandomState(0)
    X = rng.normal(size=(30, 3))
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] ** 2 - X[:, 2] \
        + 0.1 * rng.normal(size=30)
    Xq = rng.normal(size=(10, 3))

    pair = {}
    for name, kw in [
        ("polynomial", dict(gamma=0.5, coef0=1.0, degree=3)),
        ("laplacian", dict(gamma=0.7)),
        ("sigmoid", dict(gamma=0.5, coef0=-1.0)),
    ]:
        pair[name] = {"params": kw, "K": matrix(
            pairwise_kernels(X, Xq, metric=name, **kw))}

    krr = {}
    for name, lam, kw in [
        ("linear", 0.5, {}),
        ("polynomial", 0.1, dict(gamma=0.5, coef0=1.0, degree=3)),
        ("rbf", 0.1, dict(gamma=0.7)),
    ]:
        m = KernelRidge(alpha=lam, kernel=name, **kw).fit(X, y)
        krr[name] = {"lambda": lam, "params": kw,
                     "dual_coef": as_list(m.dual_coef_),
                     "predict": as_list(m.predict(Xq))}

    Xc, _ = make_circles(n_samples=60, noise=0.05, factor=0.4,
                         random_state=0)
    Xcq = rng.uniform(-1.2, 1.2, size=(8, 2))
    kp = KernelPCA(n_components=4, kernel="rbf", gamma=2.0,
                   eigen_solver="dense")
    scores = kp.fit_transform(Xc)
    kpca = {"gamma": 2.0, "k": 4, "X": matrix(Xc), "Xq": matrix(Xcq),
            "eigenvalues": as_list(kp.eigenvalues_),
            "eigenvectors": matrix(kp.eigenvectors_),
            "scores": matrix(scores),
            "transform": matrix(kp.transform(Xcq))}

    ny = Nystroem(kernel="rbf", gamma=0.5, n_components=12,
                  random_state=0).fit(X)
    nystroem = {"gamma": 0.5,
                "indices": [int(i) for i in ny.component_indices_],
                "normalization": matrix(ny.normalization_),
                "features": matrix(ny.transform(X))}

    rs = RBFSampler(gamma=0.5, n_components=20, random_state=0).fit(X)
    rff = {"gamma": 0.5, "W": matrix(rs.random_weights_),
           "b": as_list(rs.random_offset_),
           "features": matrix(rs.transform(X))}

    write_json(OUT, {
        "versions": versions(sklearn),
        "X": matrix(X), "y": as_list(y), "Xq": matrix(Xq),
        "pairwise": pair, "krr": krr, "kpca": kpca,
        "nystroem": nystroem, "rff": rff,
    }, indent=1)


if __name__ == "__main__":
    main()
