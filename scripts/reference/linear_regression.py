"""Reference values for the linear-regression chapter.

Fits scikit-learn's LinearRegression to the diabetes data shipped in
data/diabetes/diabetes.csv (raw units, as in Efron et al. 2004) and
writes tests/fixtures/linear-regression/sklearn.json. The tests and the
chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/linear_regression.py

Run it with Debian's Python (python3-sklearn, python3-numpy), not the
python3 first on PATH. It imports the helpers shared by all the
reference scripts from common.py, next to it.
"""

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.preprocessing import StandardScaler

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "diabetes" / "diabetes.csv"
OUT = ROOT / "tests" / "fixtures" / "linear-regression" / "sklearn.json"


def main():
    table, sha256, header = load_csv(DATA)
    X, y = table[:, :-1], table[:, -1]
    n, d = X.shape

    # Ordinary least squares in the data's own units.
    raw_fit = LinearRegression().fit(X, y)
    raw_pred = raw_fit.predict(X)

    # A rank-deficient design: BMI (column 2) appended a second time.
    # LAPACK's SVD-based gelsd returns the minimum-norm solution, which
    # splits BMI's coefficient equally between the two copies.
    X_dup = np.column_stack([X, X[:, 2]])
    dup_fit = LinearRegression().fit(X_dup, y)

    # The same after standardizing each feature (population std, ddof=0,
    # which is what StandardScaler uses and what the chapter's code does).
    scaler = StandardScaler().fit(X)
    Z = scaler.transform(X)
    std_fit = LinearRegression().fit(Z, y)

    # Spectrum of Z^T Z / n: its largest eigenvalue sets the step-size
    # limit of gradient descent; the chapter estimates it by power
    # iteration and the test compares against LAPACK's eigvalsh.
    gram = Z.T @ Z / n
    eig = np.linalg.eigvalsh(gram)
    corr = np.corrcoef(X, rowvar=False)
    Xc = X - X.mean(axis=0)
    ones = np.column_stack([np.ones(n), X])

    result = {
        "generated_by": "scripts/reference/linear_regression.py",
        "versions": versions(sklearn),
        "data": {
            "file": "data/diabetes/diabetes.csv",
            "sha256": sha256,
            "n": int(n),
            "d": int(d),
            "features": header[:-1],
            "target": header[-1],
        },
        "ols_raw": {
            "estimator": "LinearRegression()",
            "coef": as_list(raw_fit.coef_),
            "intercept": float(raw_fit.intercept_),
            "r2": float(r2_score(y, raw_pred)),
            "mse": float(np.mean((y - raw_pred) ** 2)),
            "first_predictions": as_list(raw_pred[:5]),
            "rank": int(raw_fit.rank_),
            "singular_values_centered": as_list(raw_fit.singular_),
        },
        "duplicated_column": {
            "what": "LinearRegression() on X with column 2 (BMI) appended",
            "coef": as_list(dup_fit.coef_),
            "intercept": float(dup_fit.intercept_),
            "rank": int(dup_fit.rank_),
            "r2": float(dup_fit.score(X_dup, y)),
        },
        "standard_scaler": {
            "mean": as_list(scaler.mean_),
            "scale": as_list(scaler.scale_),
        },
        "ols_standardized": {
            "estimator": "LinearRegression() on StandardScaler() output",
            "coef": as_list(std_fit.coef_),
            "intercept": float(std_fit.intercept_),
            "r2": float(std_fit.score(Z, y)),
        },
        "gram_standardized": {
            "what": "eigenvalues of Z^T Z / n, ascending (numpy eigvalsh)",
            "eigenvalues": as_list(eig),
        },
        "correlation": {
            "what": "numpy.corrcoef of the features; VIF = diag(inv(R))",
            "matrix": [as_list(row) for row in corr],
            "vif": as_list(np.diag(np.linalg.inv(corr))),
        },
        "condition_numbers": {
            "what": "2-norm condition numbers (numpy.linalg.cond)",
            "ones_column_raw": float(np.linalg.cond(ones)),
            "centered_raw": float(np.linalg.cond(Xc)),
            "standardized": float(np.linalg.cond(Z)),
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
