"""Reference values for the decompositions chapter.

Builds a handful of test matrices with NumPy's seeded generator, factors
them with NumPy and SciPy (LAPACK underneath) and writes inputs and
outputs to tests/fixtures/decompositions/reference.json. The tests read
only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/decompositions.py

Run it with Debian's Python (python3-numpy, python3-scipy), not the
python3 first on PATH. It imports the helpers shared by all the
reference scripts from common.py, next to it.
"""

import numpy as np
import scipy.linalg

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "decompositions" / "reference.json"
EPS = np.finfo(float).eps


def mat(a):
    return [[float(v) for v in row] for row in np.asarray(a)]


def svd_entry(what, A):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return {"what": what, "A": mat(A), "U": mat(U), "s": as_list(s),
            "V": mat(Vt.T)}


def main():
    rng = np.random.default_rng(20240611)

    # Cholesky of a symmetric positive definite matrix.
    B = rng.standard_normal((6, 6))
    spd = B @ B.T + np.eye(6)
    spd = (spd + spd.T) / 2

    # QR of a tall and of a wide matrix (R only: Q's sign convention is
    # LAPACK's, alpha = -sign(x_0) ||x||, the same as the chapter's).
    tall = rng.standard_normal((8, 5))
    wide = rng.standard_normal((3, 5))

    # Least squares: a random design, and a polynomial fit whose design
    # has condition number about 3e3 (the chapter's monomials(20, 6)).
    X = rng.standard_normal((30, 6))
    y = rng.standard_normal(30)
    t = np.arange(20) / 19
    P = np.column_stack([t ** j for j in range(6)])
    yp = np.sin(2 * np.pi * t)

    # Symmetric eigenproblems: distinct eigenvalues, and a repeated one.
    C = rng.standard_normal((6, 6))
    sym = (C + C.T) / 2
    Q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
    rep = Q @ np.diag([3.0, 3.0, 3.0, 1.0, 1.0]) @ Q.T
    rep = (rep + rep.T) / 2
    near = np.array([[44.6667, -392.0, -66.0],
                     [-392.0, 3488.0, 504.0001],
                     [-66.0, 504.0001, 216.0001]])

    # SVDs: tall, wide, rank 2, a Hilbert matrix, the lalolab matrix.
    low = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 5))
    hilb = scipy.linalg.hilbert(8)
    lalolab = np.array([[-0.5, -0.5, 1, -1.5, 1.5, 0],
                        [0.5, 0.5, -1, 1.5, -1.5, 0]])
    sv_tall = rng.standard_normal((7, 4))
    sv_wide = rng.standard_normal((3, 6))

    # The tridiagonal QR route: LAPACK's dsyev (driver="ev") is
    # Householder tridiagonalization + implicit QL/QR, the chapter's
    # symmetricEigenQR. Drawn last, so the matrices above are unchanged.
    E = rng.standard_normal((12, 12))
    sym12 = (E + E.T) / 2

    def eig_entry(what, A):
        w, V = np.linalg.eigh(A)
        order = np.argsort(w)[::-1]  # largest first, as in the chapter
        return {"what": what, "A": mat(A), "values": as_list(w[order]),
                "vectors": mat(V[:, order])}

    def scipy_eig_entry(what, A):
        w, V = scipy.linalg.eigh(A, driver="ev")
        order = np.argsort(w)[::-1]
        return {"what": what, "A": mat(A), "values": as_list(w[order]),
                "vectors": mat(V[:, order])}

    def pinv_entry(what, A):
        m, n = A.shape
        rcond = max(m, n) * EPS
        return {"what": what, "rcond": float(rcond), "A": mat(A),
                "pinv": mat(np.linalg.pinv(A, rcond=rcond)),
                "rank": int(np.linalg.matrix_rank(A))}

    U, s, Vt = np.linalg.svd(sv_tall, full_matrices=False)
    A2 = (U[:, :2] * s[:2]) @ Vt[:2]
    result = {
        "generated_by": "scripts/reference/decompositions.py",
        "versions": versions(),
        "cholesky": {"what": "scipy.linalg.cholesky(A, lower=True)",
                     "A": mat(spd),
                     "L": mat(scipy.linalg.cholesky(spd, lower=True))},
        "qr": [
            {"what": "numpy.linalg.qr(A), reduced, tall",
             "A": mat(tall), "R": mat(np.linalg.qr(tall)[1])},
            {"what": "numpy.linalg.qr(A), reduced, wide",
             "A": mat(wide), "R": mat(np.linalg.qr(wide)[1])},
        ],
        "lstsq": [
            {"what": "numpy.linalg.lstsq, random 30 x 6", "X": mat(X),
             "y": as_list(y),
             "w": as_list(np.linalg.lstsq(X, y, rcond=None)[0]),
             "cond": float(np.linalg.cond(X))},
            {"what": "numpy.linalg.lstsq, monomials t^j, 20 x 6",
             "X": mat(P), "y": as_list(yp),
             "w": as_list(np.linalg.lstsq(P, yp, rcond=None)[0]),
             "cond": float(np.linalg.cond(P))},
        ],
        "eigh": [
            eig_entry("numpy.linalg.eigh, random symmetric 6 x 6", sym),
            eig_entry("numpy.linalg.eigh, eigenvalues 3,3,3,1,1", rep),
            eig_entry("numpy.linalg.eigh, Meta.Numerics issue 56", near),
        ],
        "eigh_qr": scipy_eig_entry(
            "scipy.linalg.eigh(A, driver='ev'), random symmetric 12 x 12",
            sym12),
        "svd": [
            svd_entry("numpy.linalg.svd, tall 7 x 4", sv_tall),
            svd_entry("numpy.linalg.svd, wide 3 x 6", sv_wide),
            svd_entry("numpy.linalg.svd, rank 2, 6 x 5", low),
            svd_entry("numpy.linalg.svd, Hilbert 8 x 8", hilb),
            svd_entry("numpy.linalg.svd, MLweb issue 5, 2 x 6", lalolab),
        ],
        "pinv": [
            pinv_entry("numpy.linalg.pinv, rank 2, 6 x 5", low),
            pinv_entry("numpy.linalg.pinv, wide 3 x 6", sv_wide),
            pinv_entry("numpy.linalg.pinv, MLweb issue 5", lalolab),
        ],
        "low_rank": {
            "what": "rank-2 truncation of the tall 7 x 4 SVD matrix",
            "A": mat(sv_tall), "k": 2, "Ak": mat(A2),
            "spectral_error": float(np.linalg.norm(sv_tall - A2, 2)),
            "frobenius_error": float(np.linalg.norm(sv_tall - A2, "fro")),
        },
    }
    write_json(OUT, result, indent=1)


if __name__ == "__main__":
    main()
