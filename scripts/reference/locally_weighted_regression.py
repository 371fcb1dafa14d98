"""Reference values for the locally-weighted-regression chapter.

scikit-learn has no locally weighted regression estimator, but each local
fit is a weighted least-squares problem, which LinearRegression solves
when given sample_weight (it rescales the rows by the square roots of the
weights and calls SciPy's SVD-based lstsq). This script fits, on the
diabetes data shipped in data/diabetes/diabetes.csv, the ratio S4 (total
cholesterol / HDL) against HDL (S3):

  * the local line at a few query points for a few bandwidths tau, with
    Gaussian weights exp(-(x_i - x0)^2 / (2 tau^2));
  * leave-one-out errors by brute force: for every point i, a weighted
    fit without row i, evaluated at x_i, for every tau of the chapter's
    grid; also for the straight line (tau = infinity) and for the line
    in 1/x;
  * the effective degrees of freedom tr S with NumPy.

It writes tests/fixtures/locally-weighted-regression/sklearn.json. The
tests and the chapter read only that JSON; run this script by hand:

    /usr/bin/python3 scripts/reference/locally_weighted_regression.py

with Debian's Python (python3-sklearn, python3-numpy), not the python3
first on PATH. It imports the helpers shared by all the reference
scripts from common.py, next to it.
"""

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression

from common import ROOT, load_csv, versions, write_json

DATA = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = ROOT / "tests" / "fixtures" / "locally-weighted-regression" / "sklearn.json"

# The chapter's grid, HDL_TAUS in code/locally-weighted-regression/hdl.ts.
TAUS = [10 ** (k / 10) for k in range(21)]
QUERY_TAUS = [2.0, 5.0, 8.0, 20.0, 100.0]
QUERIES = [22.0, 30.5, 40.0, 51.0, 65.0, 80.0, 99.0, 105.0]


def weights(x, x0, tau):
    return np.exp(-((x - x0) ** 2) / (2 * tau**2))


def local_fit(x, y, x0, tau):
    """Weighted least squares at x0: prediction and slope."""
    model = LinearRegression().fit(x[:, None], y, sample_weight=weights(x, x0, tau))
    return float(model.predict([[x0]])[0]), float(model.coef_[0])


def loo_mse(x, y, tau):
    """Mean squared error of y_i against the fit at x_i without row i."""
    n = len(x)
    errors = np.empty(n)
    for i in range(n):
        keep = np.arange(n) != i
        xs, ys = x[keep], y[keep]
        w = None if tau is None else weights(xs, x[i], tau)
        model = LinearRegression().fit(xs[:, None], ys, sample_weight=w)
        errors[i] = y[i] - model.predict([[x[i]]])[0]
    return float(np.mean(errors**2))


def trace_s(x, tau):
    """tr S = sum_i S_ii, S_ii = k_ii [(X~^T K X~)^-1]_00 centred at x_i."""
    total = 0.0
    for xi in x:
        k = weights(x, xi, tau)
        u = x - xi
        A = np.array([[k.sum(), (k * u).sum()], [(k * u).sum(), (k * u * u).sum()]])
        total += np.linalg.inv(A)[0, 0]  # k_ii = 1 at its own point
    return float(total)


def main():
    table, sha256, header = load_csv(DATA)
    x = table[:, header.index("S3")]
    y = table[:, header.index("S4")]

    local = []
    for tau in QUERY_TAUS:
        for x0 in QUERIES:
            pred, slope = local_fit(x, y, x0, tau)
            local.append({"tau": tau, "x0": x0, "prediction": pred, "slope": slope})

    result = {
        "generated_by": "scripts/reference/locally_weighted_regression.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/diabetes/diabetes.csv",
            "sha256": sha256,
            "x": "S3",
            "y": "S4",
            "n": int(len(x)),
        },
        "local_fits": {
            "what": "LinearRegression().fit(x, y, sample_weight="
            "exp(-(x - x0)^2 / (2 tau^2))): predict(x0) and coef_",
            "fits": local,
        },
        "loo": {
            "what": "brute-force leave-one-out MSE: refit without row i, "
            "predict at x_i; tr S from NumPy's inverse",
            "taus": TAUS,
            "mse": [loo_mse(x, y, t) for t in TAUS],
            "trace": [trace_s(x, t) for t in TAUS],
            "line_mse": loo_mse(x, y, None),
            "reciprocal_mse": loo_mse(1 / x, y, None),
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
