"""Reference values for the support-vector-machines chapter.

Fits scikit-learn's SVC (libsvm inside) on the iris data (two classes
and three) and on the first 200 rows of the breast cancer data
(standardized), with linear and RBF kernels, and writes
tests/fixtures/support-vector-machines/sklearn.json. The tests and the
chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/support_vector_machines.py

Both sides use tol=1e-8 and shrinking=False, so libsvm stops when its
maximal KKT violation m(alpha) - M(alpha) is below 1e-8, as the
chapter's solver does. Recorded per fit: support_ (indices, grouped by
class as libsvm stores them), dual_coef_ (shape (K-1, nSV)),
intercept_, n_support_, and decision_function on the training rows
(ovo shape for three classes).

Platt scaling: libsvm fits its sigmoid on decision values from an
internal 5-fold cross-validation with its own random stream, which the
chapter does not reproduce. Recorded instead: decision values of the
breast-cancer fit, the sigmoid (A, B) that Lin, Lin and Weng's
algorithm (a line-by-line port of libsvm's sigmoid_train, below) fits
to them, and, as a second opinion, scikit-learn's
calibration._sigmoid_calibration (BFGS on the same objective). For the
record, also SVC(probability=True)'s own probA_/probB_ and on how many
training rows, and how many of the other 369 rows, its predict_proba
and predict disagree, with its decision values and predict_proba on
those rows (probA_ and probB_ are in libsvm's orientation: the
probability of classes_[0] given libsvm's decision value, which is
minus decision_function for two classes).
"""

import math

import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from common import ROOT, as_list, load_csv, versions, write_json

IRIS = ROOT / "data" / "iris" / "iris.csv"
CANCER = ROOT / "data" / "breast-cancer" / "breast_cancer.csv"
OUT = ROOT / "tests" / "fixtures" / "support-vector-machines" / "sklearn.json"
TOL = 1e-8
N_CANCER = 200


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def fit(X, y, kernel, C, gamma=None):
    kw = {"gamma": gamma} if kernel == "rbf" else {}
    m = SVC(kernel=kernel, C=C, tol=TOL, shrinking=False,
            decision_function_shape="ovo", **kw).fit(X, y)
    return m, {
        "kernel": kernel,
        "C": C,
        "gamma": gamma,
        "support": ints(m.support_),
        "n_support": ints(m.n_support_),
        "dual_coef": as_list(m.dual_coef_),
        "intercept": as_list(m.intercept_),
        "decision": as_list(m.decision_function(X)),
        "predict": ints(m.predict(X)),
    }


def sigmoid_train(f, labels):
    """libsvm's sigmoid_train (Lin, Lin & Weng 2007), line by line."""
    prior1 = float(np.sum(labels > 0))
    prior0 = float(len(labels)) - prior1
    max_iter, min_step, sigma, eps = 100, 1e-10, 1e-12, 1e-5
    hi = (prior1 + 1.0) / (prior1 + 2.0)
    lo = 1 / (prior0 + 2.0)
    t = np.where(labels > 0, hi, lo)
    A, B = 0.0, math.log((prior0 + 1.0) / (prior1 + 1.0))

    def value(A, B):
        v = 0.0
        for fi, ti in zip(f, t):
            z = fi * A + B
            if z >= 0:
                v += ti * z + math.log(1 + math.exp(-z))
            else:
                v += (ti - 1) * z + math.log(1 + math.exp(z))
        return v

    fval = value(A, B)
    it = 0
    for it in range(max_iter):
        h11, h22, h21, g1, g2 = sigma, sigma, 0.0, 0.0, 0.0
        for fi, ti in zip(f, t):
            z = fi * A + B
            if z >= 0:
                p = math.exp(-z) / (1.0 + math.exp(-z))
                q = 1.0 / (1.0 + math.exp(-z))
            else:
                p = 1.0 / (1.0 + math.exp(z))
                q = math.exp(z) / (1.0 + math.exp(z))
            d2 = p * q
            h11 += fi * fi * d2
            h22 += d2
            h21 += fi * d2
            d1 = ti - p
            g1 += fi * d1
            g2 += d1
        if abs(g1) < eps and abs(g2) < eps:
            break
        det = h11 * h22 - h21 * h21
        dA = -(h22 * g1 - h21 * g2) / det
        dB = -(-h21 * g1 + h11 * g2) / det
        gd = g1 * dA + g2 * dB
        step = 1.0
        while step >= min_step:
            nA, nB = A + step * dA, B + step * dB
            nf = value(nA, nB)
            if nf < fval + 0.0001 * step * gd:
                A, B, fval = nA, nB, nf
                break
            step /= 2.0
        if step < min_step:
            break
    return A, B, it


def main():
    iris = load_csv(IRIS)
    Xi, yi = iris.table[:, :4], iris.table[:, 4].astype(int)
    two = yi > 0  # versicolor (1) against virginica (2)
    X2, y2 = Xi[two], yi[two] - 1

    cancer = load_csv(CANCER)  # first line: counts and class names
    Xc = cancer.table[:N_CANCER, :30]
    yc = 1 - cancer.table[:N_CANCER, 30].astype(int)  # 1 = malignant
    scaler = StandardScaler().fit(Xc)
    Zc = scaler.transform(Xc)
    Zrest = scaler.transform(cancer.table[N_CANCER:, :30])

    fits = {}
    _, fits["iris2_linear"] = fit(X2, y2, "linear", 1.0)
    _, fits["iris2_rbf"] = fit(X2, y2, "rbf", 1.0, 0.5)
    _, fits["iris3_linear"] = fit(Xi, yi, "linear", 0.5)
    _, fits["iris3_rbf"] = fit(Xi, yi, "rbf", 10.0, 0.2)
    cm, fits["cancer_rbf"] = fit(Zc, yc, "rbf", 1.0, 1.0 / 30)
    _, fits["cancer_linear"] = fit(Zc, yc, "linear", 0.1)

    f = cm.decision_function(Zc)
    A, B, iters = sigmoid_train(f, yc)
    a2, b2 = _sigmoid_calibration(f, yc)
    pm = SVC(kernel="rbf", C=1.0, gamma=1.0 / 30, tol=TOL,
             shrinking=False, probability=True, random_state=0).fit(Zc, yc)
    proba = pm.predict_proba(Zc)[:, 1]
    disagree = int(np.sum((proba > 0.5) != (pm.predict(Zc) == 1)))
    rest = pm.predict_proba(Zrest)[:, 1]
    rest_disagree = int(np.sum((rest > 0.5) != (pm.predict(Zrest) == 1)))
    # probA_/probB_ are libsvm's: P(classes_[0] | libsvm's value), and
    # libsvm's value is -decision_function for two classes. Recorded so
    # that a test can check the orientation the chapter prints.
    rest_f = pm.decision_function(Zrest)
    platt = {
        "decision": as_list(f),
        "y": ints(yc),
        "A": A, "B": B, "iterations": iters,
        "sklearn_calibration": [float(a2), float(b2)],
        "svc_probA": as_list(pm.probA_), "svc_probB": as_list(pm.probB_),
        "svc_disagreements": disagree,
        "svc_rest_rows": int(len(Zrest)),
        "svc_rest_disagreements": rest_disagree,
        "svc_rest_decision": as_list(rest_f),
        "svc_rest_proba": as_list(rest),
    }

    write_json(OUT, {
        "versions": versions(sklearn),
        "tol": TOL,
        "iris_sha256": iris.sha256,
        "cancer_sha256": cancer.sha256,
        "n_cancer": N_CANCER,
        "fits": fits,
        "platt": platt,
    }, indent=1)


if __name__ == "__main__":
    main()
