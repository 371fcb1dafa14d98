"""Reference values for the calculus chapter.

Writes tests/fixtures/calculus/reference.json with
- exact derivatives (SymPy, evaluated with mpmath at 50 digits and then
  rounded once to double) of the chapter's test functions,
- SciPy's logsumexp and softmax on ordinary and overflowing inputs,
- scikit-learn's multinomial cross-entropy loss and gradient on the iris
  data (scikit-learn's copy, from which data/iris/iris.csv was made) at
  a random weight matrix.

The tests and the chapter read only that JSON; this script is run by
hand with Debian's Python (python3-sklearn, python3-sympy), not the
python3 first on PATH:

    /usr/bin/python3 scripts/reference/calculus.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.
"""

import mpmath
import numpy as np
import scipy.special
import sklearn
import sympy as sp
from sklearn._loss.loss import HalfMultinomialLoss
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.linear_model._linear_loss import LinearModelLoss

from common import ROOT, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "calculus" / "reference.json"
DIGITS = 50


def to_float(expr):
    """A SymPy number evaluated to DIGITS digits, rounded once to double."""
    return float(sp.N(expr, DIGITS))


def wiggle_reference():
    # The chapter's test function, Eq. (calc-wiggle-derivative) in the
    # chapter differentiates it by hand; here SymPy does.
    x = sp.Symbol("x", real=True)
    q = 1 + x**2
    f = (
        sp.log(q) / (1 + sp.exp(-x))
        + sp.sin(x) * sp.tanh(x)
        + q ** sp.Rational(3, 2) * sp.exp(-x**2 / 2)
    )
    df = sp.diff(f, x)
    xs = [float(v) for v in np.linspace(-3.0, 3.0, 120)]
    # an even count keeps x = 0, where df = 0, out of the grid (the
    # relative error is undefined there); Rational(v) is v exactly
    values = [to_float(f.subs(x, sp.Rational(v))) for v in xs]
    derivs = [to_float(df.subs(x, sp.Rational(v))) for v in xs]
    return {"x": xs, "f": values, "df": derivs}


def three_variable_reference():
    a, b, c = sp.symbols("a b c", real=True)
    g = sp.exp(a * b) + a**2 * sp.sin(c) + sp.tanh(a) * sp.log(
        1 + b**2 + c**2
    )
    vars_ = [a, b, c]
    grad = [sp.diff(g, v) for v in vars_]
    hess = [[sp.diff(g, u, v) for v in vars_] for u in vars_]
    points = [[0.3, -0.7, 1.1], [-1.2, 0.4, -0.5], [0.9, 1.3, 2.0]]
    out = []
    for p in points:
        sub = {v: sp.Rational(pv) for v, pv in zip(vars_, p)}
        out.append(
            {
                "x": p,
                "value": to_float(g.subs(sub)),
                "gradient": [to_float(e.subs(sub)) for e in grad],
                "hessian": [[to_float(e.subs(sub)) for e in row] for row in hess],
            }
        )
    return out


def softmax_reference():
    rng = np.random.default_rng(20240611)
    cases = {
        "ordinary": rng.normal(size=10),
        "large": 1000.0 + 300.0 * rng.normal(size=10),
        "very_negative": -1000.0 + rng.normal(size=5),
        "long": 5.0 * rng.normal(size=1000),
        "single": np.array([3.7]),
        "ties": np.array([1000.0, 1000.0, 1000.0]),
        "spread": np.array([-800.0, 0.0, 800.0, 799.0]),
    }
    return [
        {
            "name": name,
            "z": [float(v) for v in z],
            "logsumexp": float(scipy.special.logsumexp(z)),
            "softmax": [float(v) for v in scipy.special.softmax(z)],
        }
        for name, z in cases.items()
    ]


def iris_reference():
    # scikit-learn's own copy, from which data/iris/iris.csv was made;
    # the tests check that our loader returns the same numbers.
    X, y = load_iris(return_X_y=True)
    X, y = X.astype(np.float64), y.astype(np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(7)
    W = 0.5 * rng.normal(size=(3, 5))  # 3 classes x (4 weights + bias)
    model = LinearModelLoss(
        base_loss=HalfMultinomialLoss(n_classes=3), fit_intercept=True
    )
    out = {
        "X_sum": float(X.sum()),
        "y_sum": float(y.sum()),
        "W": W.tolist(),
    }
    for name, s in [("at_W", 1.0), ("at_1000W", 1000.0)]:
        # Coefficients in Fortran order, as LinearModelLoss expects; it
        # returns the summed loss and gradient, we compare their means.
        coef = np.asfortranarray(s * W)
        loss, grad = model.loss_gradient(coef, X, y)
        out[name] = {
            "scale": s,
            "loss": float(loss) / n,
            "gradient": (np.asarray(grad) / n).tolist(),
        }
    # How large unpenalized training makes the weights: setosa is
    # separable, so the optimum does not exist, and the fit stops where
    # its tolerance says. The chapter quotes the largest weight and the
    # largest score.
    fit = LogisticRegression(penalty=None, tol=1e-12, max_iter=100_000)
    fit.fit(X, y)
    scores = X @ fit.coef_.T + fit.intercept_
    out["unpenalized"] = {
        "what": "LogisticRegression(penalty=None, tol=1e-12, "
                "max_iter=100000)",
        "iterations": int(fit.n_iter_[0]),
        "max_abs_weight": float(np.abs(fit.coef_).max()),
        "max_abs_score": float(np.abs(scores).max()),
    }
    return out


def main():
    data = {
        "versions": versions(sklearn, sp, mpmath),
        "digits": DIGITS,
        "wiggle": wiggle_reference(),
        "three_variables": three_variable_reference(),
        "softmax": softmax_reference(),
        "iris": iris_reference(),
    }
    write_json(OUT, data, indent=1)


if __name__ == "__main__":
    main()
