"""Reference values for the optimization chapter.

Writes tests/fixtures/optimization/scipy.json with SciPy's answers to the
chapter's problems: Rosenbrock's function, gradient and Hessian at a few
points and scipy.optimize.minimize's runs on it; an equality-constrained
quadratic program, solved by minimize(method="trust-constr") with its
Lagrange multipliers, and a projection onto a half-space by SLSQP; and the
logistic model of the iris petals, fitted by minimize(method="trust-exact")
and by scikit-learn's LogisticRegression without a penalty. The tests and
the chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/optimization.py

Run it with Debian's Python (python3-scipy, python3-sklearn), not the
python3 first on PATH. It imports the helpers shared by all the
reference scripts from common.py, next to it.
"""

import numpy as np
import sklearn
from scipy.optimize import (
    LinearConstraint,
    minimize,
    rosen,
    rosen_der,
    rosen_hess,
)
from sklearn.linear_model import LogisticRegression

from common import ROOT, as_list, load_csv, versions, write_json

IRIS = ROOT / "data" / "iris" / "iris.csv"
OUT = ROOT / "tests" / "fixtures" / "optimization" / "scipy.json"


def rosenbrock():
    points = [[-1.2, 1.0], [0.0, 0.0], [1.0, 1.0], [0.5, -0.3]]
    runs = {}
    for method in ["BFGS", "Newton-CG"]:
        kwargs = {"jac": rosen_der}
        if method == "Newton-CG":
            kwargs["hess"] = rosen_hess
        res = minimize(rosen, [-1.2, 1.0], method=method,
                       options={"gtol": 1e-8} if method == "BFGS"
                       else {"xtol": 1e-12}, **kwargs)
        runs[method] = {
            "x": as_list(res.x),
            "fun": float(res.fun),
            "nit": int(res.nit),
            "nfev": int(res.nfev),
            "success": bool(res.success),
        }
    return {
        "points": points,
        "f": [float(rosen(np.array(p))) for p in points],
        "grad": [as_list(rosen_der(np.array(p))) for p in points],
        "hess": [as_list(rosen_hess(np.array(p))) for p in points],
        "minimize": runs,
    }


def equality_qp():
    # min 1/2 x^T Q x + c^T x  subject to  G x = h
    Q = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]])
    c = np.array([-1.0, 2.0, -3.0])
    G = np.array([[1.0, 1.0, 1.0], [1.0, -1.0, 2.0]])
    h = np.array([1.0, 0.5])
    res = minimize(
        lambda x: 0.5 * x @ Q @ x + c @ x,
        np.zeros(3),
        jac=lambda x: Q @ x + c,
        hess=lambda x: Q,
        method="trust-constr",
        constraints=[LinearConstraint(G, h, h)],
        options={"gtol": 1e-12, "xtol": 1e-14, "maxiter": 10000},
    )
    # SciPy's multipliers v satisfy grad f + G^T v = 0 at the solution,
    # the convention of the chapter's nu.
    return {
        "Q": Q.tolist(),
        "c": c.tolist(),
        "G": G.tolist(),
        "h": h.tolist(),
        "x": as_list(res.x),
        "scipy_v": as_list(res.v[0]),
        "fun": float(res.fun),
        "optimality": float(res.optimality),
    }


def halfspace():
    # min 1/2 ||x - y||^2  subject to  a^T x <= b
    y = np.array([2.0, 1.5, -0.5])
    a = np.array([1.0, 2.0, -1.0])
    b = 1.0
    # SLSQP, an active-set method, lands on the constraint exactly;
    # trust-constr's barrier keeps it about 1e-5 inside.
    res = minimize(
        lambda x: 0.5 * (x - y) @ (x - y),
        np.zeros(3),
        jac=lambda x: x - y,
        method="SLSQP",
        constraints=[{"type": "ineq", "fun": lambda x: b - a @ x,
                      "jac": lambda x: -a[None, :]}],
        options={"ftol": 1e-15, "maxiter": 1000},
    )
    return {
        "y": y.tolist(),
        "a": a.tolist(),
        "b": b,
        "x": as_list(res.x),
        "nit": int(res.nit),
    }


def iris():
    table, sha256, _ = load_csv(IRIS)
    keep = table[:, 4] != 0
    X = np.column_stack([np.ones(keep.sum()), table[keep, 2:4]])
    y = (table[keep, 4] == 2).astype(float)
    n = len(y)

    def f(t):
        z = X @ t
        return np.mean(np.logaddexp(0.0, z) - y * z)

    def grad(t):
        p = 1.0 / (1.0 + np.exp(-(X @ t)))
        return X.T @ (p - y) / n

    def hess(t):
        p = 1.0 / (1.0 + np.exp(-(X @ t)))
        return (X.T * (p * (1 - p))) @ X / n

    res = minimize(f, np.zeros(3), jac=grad, hess=hess,
                   method="trust-exact", options={"gtol": 1e-12})
    sk = LogisticRegression(penalty=None, tol=1e-12, max_iter=100000,
                            solver="newton-cholesky").fit(X[:, 1:], y)
    return {
        "file": "data/iris/iris.csv",
        "sha256": sha256,
        "n": int(n),
        "scipy_trust_exact": {
            "theta": as_list(res.x),
            "fun": float(res.fun),
            "nit": int(res.nit),
            "grad_norm": float(np.linalg.norm(grad(res.x))),
        },
        "sklearn": {
            "theta": [float(sk.intercept_[0])] + as_list(sk.coef_),
            "fun": float(f(np.concatenate([sk.intercept_, sk.coef_[0]]))),
            "grad_norm": float(np.linalg.norm(
                grad(np.concatenate([sk.intercept_, sk.coef_[0]])))),
        },
        "hessian_eigenvalues": as_list(np.linalg.eigvalsh(hess(res.x))),
    }


def main():
    result = {
        "generated_by": "scripts/reference/optimization.py",
        "versions": versions(sklearn),
        "rosenbrock": rosenbrock(),
        "equality_qp": equality_qp(),
        "halfspace": halfspace(),
        "iris": iris(),
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
