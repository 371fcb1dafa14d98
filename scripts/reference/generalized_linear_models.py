"""Reference values for the generalized-linear-models chapter.

Fits statsmodels' GLM to the three datasets of the chapter and writes
tests/fixtures/generalized-linear-models/statsmodels.json. The tests and
the chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/generalized_linear_models.py

Run it with Debian's Python (python3-statsmodels, python3-sklearn,
python3-numpy, python3-scipy), not the python3 first on PATH. It imports
the helpers shared by all the reference scripts from common.py, next to
it.

The three fits, with the same designs as the chapter's code:
- Poisson, log link: the Prussian horse-kick deaths of
  data/horse-kicks/horse_kicks.csv, 20 years x 14 corps = 280 counts,
  rows year by year and, within a year, corps in the file's column
  order. Design: intercept, (year - 1884.5) / 10 (decades from the
  middle of the period), then one indicator for each corps but the
  first (G, the Guard, is the reference).
- Bernoulli (binomial), logit link: the breast cancer data, y = 1 for
  malignant (1 - the file's last column), the two features mean radius
  and mean texture standardized with the population standard deviation,
  plus an intercept: the logistic chapter's two-feature model.
- Gaussian, identity link: the diabetes data, all ten features
  standardized the same way, plus an intercept.

Also scikit-learn's PoissonRegressor(alpha=0) on the horse kicks, for
the page's remark on L-BFGS (it fits the intercept itself, so its
design has no column of ones).
"""

import csv
import warnings

import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.linear_model import PoissonRegressor

from common import ROOT, as_list, sha256_file, versions, write_json

HORSE = ROOT / "data" / "horse-kicks" / "horse_kicks.csv"
CANCER = ROOT / "data" / "breast-cancer" / "breast_cancer.csv"
DIABETES = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = (ROOT / "tests" / "fixtures" / "generalized-linear-models"
       / "statsmodels.json")

# statsmodels stops IRLS when the deviance changes by less than tol
# relative; 1e-8 is its default, far looser than the chapter's fits
TOL = 1e-14
MID_YEAR = 1884.5
PAIR = [0, 1]  # mean radius, mean texture


def standardize(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)  # ddof = 0


def horse_kicks():
    with HORSE.open() as f:
        rows = list(csv.reader(f))
    corps = rows[0][1:]
    X, y = [], []
    for row in rows[1:]:
        year = float(row[0])
        for j, count in enumerate(row[1:]):
            dummies = [1.0 if j == k else 0.0 for k in range(1, len(corps))]
            X.append([1.0, (year - MID_YEAR) / 10] + dummies)
            y.append(float(count))
    names = ["intercept", "decade"] + corps[1:]
    return np.array(X), np.array(y), names


def breast_cancer_pair():
    raw = np.loadtxt(CANCER, delimiter=",", skiprows=1)
    Z = standardize(raw[:, PAIR])
    y = 1.0 - raw[:, 30]
    return sm.add_constant(Z, prepend=True), y


def diabetes():
    raw = np.loadtxt(DIABETES, delimiter=",", skiprows=1)
    Z = standardize(raw[:, :10])
    return sm.add_constant(Z, prepend=True), raw[:, 10]


def glm(X, y, family):
    res = sm.GLM(y, X, family=family).fit(tol=TOL, maxiter=100)
    # statsmodels takes the covariance from the weights of its last WLS
    # step, i.e. of the iterate before the last; one more pass started at
    # its own solution evaluates (X^T W X)^-1 at the optimum, as we do
    again = sm.GLM(y, X, family=family).fit(
        start_params=res.params, tol=TOL, maxiter=100)
    return {
        "params": as_list(res.params),
        "bse": as_list(again.bse),
        "bse_last_but_one": as_list(res.bse),
        "deviance": float(res.deviance),
        "null_deviance": float(res.null_deviance),
        "pearson_chi2": float(res.pearson_chi2),
        "scale": float(res.scale),
        "df_resid": float(res.df_resid),
        "llf": float(res.llf),
        "iterations": int(res.fit_history["iteration"]),
        "fitted_sum": float(np.sum(res.fittedvalues)),
    }


def sklearn_poisson(X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = PoissonRegressor(alpha=0, tol=1e-12, max_iter=10_000)
        model.fit(X[:, 1:], y)
    return {
        "estimator": "PoissonRegressor(alpha=0, tol=1e-12, "
        "max_iter=10000), solver lbfgs",
        "tol": 1e-12,
        "intercept": float(model.intercept_),
        "coef": as_list(model.coef_),
        "n_iter": int(model.n_iter_),
    }


def main():
    Xh, yh, names = horse_kicks()
    Xb, yb = breast_cancer_pair()
    Xd, yd = diabetes()
    out = {
        "generated_by": "scripts/reference/generalized_linear_models.py",
        "versions": versions(statsmodels, sklearn),
        "fit": f"sm.GLM(y, X, family).fit(tol={TOL}, maxiter=100)",
        "data": {
            "horse_kicks": {"file": "data/horse-kicks/horse_kicks.csv",
                            "sha256": sha256_file(HORSE), "n": len(yh),
                            "total": float(yh.sum())},
            "breast_cancer": {"file": "data/breast-cancer/breast_cancer.csv",
                              "sha256": sha256_file(CANCER), "n": len(yb)},
            "diabetes": {"file": "data/diabetes/diabetes.csv",
                         "sha256": sha256_file(DIABETES), "n": len(yd)},
        },
        "poisson": {"names": names,
                    **glm(Xh, yh, sm.families.Poisson())},
        "bernoulli": glm(Xb, yb, sm.families.Binomial()),
        "gaussian": glm(Xd, yd, sm.families.Gaussian()),
        "sklearn_poisson": sklearn_poisson(Xh, yh),
    }
    write_json(OUT, out, indent=2)


if __name__ == "__main__":
    main()
