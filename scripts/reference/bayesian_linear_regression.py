"""Reference values for the Bayesian linear regression chapter.

Fits scikit-learn's BayesianRidge and Ridge to the standardized diabetes
data shipped in data/diabetes/diabetes.csv and writes
tests/fixtures/bayesian-linear-regression/sklearn.json. The tests and the
chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/bayesian_linear_regression.py

Run it with Debian's Python (python3-sklearn, python3-scipy), not the
python3 first on PATH. It imports the helpers shared by all the
reference scripts from common.py, next to it.

Conventions, matched by the chapter's code:
- features standardized with StandardScaler (population std, ddof=0);
- BayesianRidge(fit_intercept=True) centres X and y and puts no prior on
  the intercept; alpha is the noise precision 1/sigma^2, lambda the weight
  precision 1/tau^2;
- its Gamma hyperpriors are switched off (alpha_1 = alpha_2 = lambda_1 =
  lambda_2 = 0), so that it maximizes the evidence itself, as MacKay's
  fixed-point iteration does; tol is tightened from 1e-3 to 1e-12 so that
  the iteration runs to its fixed point.
"""

import numpy as np
import sklearn
from scipy.stats import multivariate_normal
from sklearn.linear_model import BayesianRidge, Ridge
from sklearn.preprocessing import StandardScaler

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = ROOT / "tests" / "fixtures" / "bayesian-linear-regression" / "sklearn.json"


def main():
    table, sha256, _ = load_csv(DATA)
    X, y = table[:, :-1], table[:, -1]
    n, d = X.shape
    Z = StandardScaler().fit_transform(X)

    # Evidence maximization without hyperpriors, run to its fixed point.
    evidence = dict(
        n_iter=1000, tol=1e-12, alpha_1=0.0, alpha_2=0.0,
        lambda_1=0.0, lambda_2=0.0, compute_score=True, fit_intercept=True,
    )
    br = BayesianRidge(**evidence).fit(Z, y)
    mean5, std5 = br.predict(Z[:5], return_std=True)

    # scikit-learn's defaults: Gamma(1e-6, 1e-6) hyperpriors, tol 1e-3.
    br_default = BayesianRidge().fit(Z, y)

    # Ridge at lambda = sigma^2 / tau^2 = BayesianRidge's lambda_/alpha_:
    # its weights must be the posterior mean.
    lam = br.lambda_ / br.alpha_
    ridge = Ridge(alpha=lam).fit(Z, y)
    ridge10 = Ridge(alpha=10.0).fit(Z, y)

    # The evidence at the fitted hyperparameters, computed a second way:
    # the centred targets are N(0, sigma^2 I + tau^2 Zc Zc^T).
    Zc = Z - Z.mean(axis=0)
    yc = y - y.mean()
    cov = np.eye(n) / br.alpha_ + Zc @ Zc.T / br.lambda_
    log_evidence = multivariate_normal(np.zeros(n), cov).logpdf(yc)

    result = {
        "generated_by": "scripts/reference/bayesian_linear_regression.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/diabetes/diabetes.csv",
            "sha256": sha256,
            "n": int(n),
            "d": int(d),
            "features": "StandardScaler().fit_transform(X)",
        },
        "bayesian_ridge": {
            "estimator": "BayesianRidge(" + ", ".join(
                f"{k}={v}" for k, v in evidence.items()) + ")",
            "alpha": float(br.alpha_),
            "lambda": float(br.lambda_),
            "n_iter": int(br.n_iter_),
            "coef": as_list(br.coef_),
            "intercept": float(br.intercept_),
            "sigma": [as_list(row) for row in br.sigma_],
            "scores": as_list(br.scores_),
            "predict_first5_mean": as_list(mean5),
            "predict_first5_std": as_list(std5),
        },
        "bayesian_ridge_default": {
            "estimator": "BayesianRidge()",
            "alpha": float(br_default.alpha_),
            "lambda": float(br_default.lambda_),
            "n_iter": int(br_default.n_iter_),
            "coef": as_list(br_default.coef_),
        },
        "ridge_at_evidence_lambda": {
            "estimator": "Ridge(alpha=lambda_/alpha_ of bayesian_ridge)",
            "alpha": float(lam),
            "coef": as_list(ridge.coef_),
            "intercept": float(ridge.intercept_),
        },
        "ridge_10": {
            "estimator": "Ridge(alpha=10)",
            "alpha": 10.0,
            "coef": as_list(ridge10.coef_),
            "intercept": float(ridge10.intercept_),
        },
        "log_evidence_scipy": {
            "what": "scipy multivariate_normal.logpdf of y - mean(y) under "
                    "N(0, I/alpha_ + Zc Zc^T/lambda_)",
            "value": float(log_evidence),
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
