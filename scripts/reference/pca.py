"""Reference values for the PCA chapter.

Runs scikit-learn's PCA (svd_solver="full") on data made here (stored in
the fixture, so the tests use exactly the same numbers) and on the first
100 Fashion-MNIST test images of data/fashion-mnist/ (read here from
the idx files; the fixture stores their count and the files' SHA-256,
not the pixels), and writes tests/fixtures/pca/sklearn.json. The tests
and the chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/pca.py

Run it with Debian's Python (python3-sklearn, python3-numpy).

What is recorded, and why:
- small: 40 x 5 correlated Gaussian data (n > d), k = 2, plain and
  whitened: components_, explained_variance_, explained_variance_ratio_,
  singular_values_, noise_variance_, transform and inverse_transform of
  the first 6 rows, and score (the mean PPCA log-likelihood).
- fashion: 100 images x 784 pixels (n < d), k = 20: the 20 components,
  their variances, ratios, singular values, noise_variance_, the first
  2 rows' scores and reconstructions, and score. With n < d
  scikit-learn divides the dropped variance by min(n, d) - k, not by
  d - k as Tipping & Bishop's maximum-likelihood estimate does; the
  chapter's test checks that difference and uses scikit-learn's value
  for its score.
"""

import gzip

import numpy as np
import sklearn
from sklearn.decomposition import PCA

from common import ROOT, as_list, sha256_file, versions, write_json

IMAGES = ROOT / "data" / "fashion-mnist" / "t10k-images-idx3-ubyte.gz"
OUT = ROOT / "tests" / "fixtures" / "pca" / "sklearn.json"
N_FASHION = 100
K_FASHION = 20
ROWS = 2


def fashion(count):
    raw = gzip.decompress(IMAGES.read_bytes())
    assert int.from_bytes(raw[:4], "big") == 0x803
    data = np.frombuffer(raw, dtype=np.uint8, offset=16)
    return data[: count * 784].reshape(count, 784).astype(float) / 255


def record(pca, X, rows):
    Z = pca.transform(X[:rows])
    return {
        "components": as_list(pca.components_),
        "explained_variance": as_list(pca.explained_variance_),
        "explained_variance_ratio": as_list(pca.explained_variance_ratio_),
        "singular_values": as_list(pca.singular_values_),
        "noise_variance": float(pca.noise_variance_),
        "mean": as_list(pca.mean_),
        "transform": as_list(Z),
        "inverse_transform": as_list(pca.inverse_transform(Z)),
    }


def main():
    rng = np.random.default_rng(2024)
    A = rng.normal(size=(5, 5))
    X = rng.normal(size=(40, 5)) @ A + np.array([1, -2, 3, 0.5, 10])
    small = {"n": 40, "d": 5, "k": 2, "X": as_list(X)}
    plain = PCA(n_components=2, svd_solver="full").fit(X)
    small["plain"] = record(plain, X, 6)
    small["plain"]["score"] = float(plain.score(X))
    white = PCA(n_components=2, svd_solver="full", whiten=True).fit(X)
    small["whitened"] = record(white, X, 6)

    F = fashion(N_FASHION)
    pca = PCA(n_components=K_FASHION, svd_solver="full").fit(F)
    fash = {"n": N_FASHION, "d": 784, "k": K_FASHION, "rows": ROWS,
            "images_sha256": sha256_file(IMAGES)}
    fash.update(record(pca, F, ROWS))
    fash["score"] = float(pca.score(F))
    del fash["mean"]

    write_json(OUT, {
        "versions": versions(sklearn),
        "small": small,
        "fashion": fash,
    }, indent=1)


if __name__ == "__main__":
    main()
