"""Reference values for the learning-theory chapter.

There is no scikit-learn for learning theory; what can be computed by an
independent route is computed here, with SciPy and plain enumeration:

- half-plane labellings: for seeded point sets in the plane (random ones
  and a few degenerate ones: collinear, repeated, a point inside a
  triangle), every labelling is tested for strict linear separability
  with SciPy's linear-programming solver (linprog, HiGHS): a labelling
  y in {-1, +1}^m is realized by a half-plane iff some (w, b) has
  y_i (<w, x_i> + b) >= 1 for all i. The chapter's search must find
  exactly these labellings;
- exact Rademacher complexities by brute force over all 2^m sign
  vectors (itertools), for thresholds and intervals on m distinct
  points and for the half-plane labellings found by the LP;
- binomial probabilities and quantiles from scipy.stats.binom (pmf on a
  log scale, cdf, sf, ppf), for the chapter's exact tails;
- Sauer's sums with scipy.special.comb.

Writes tests/fixtures/learning-theory/reference.json; the tests read only
that JSON. Run by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/learning_theory.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.
"""

import itertools

import numpy as np
from scipy.optimize import linprog
from scipy.special import comb
from scipy.stats import binom

from common import ROOT, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "learning-theory" / "reference.json"


def separable(points, labels):
    """True if a half-plane puts the points labelled 1 strictly on one
    side and those labelled 0 strictly on the other."""
    y = np.where(np.asarray(labels) == 1, 1.0, -1.0)
    X = np.asarray(points, dtype=float)
    # variables (w1, w2, b); constraints -y_i (w . x_i + b) <= -1
    A = -y[:, None] * np.hstack([X, np.ones((len(X), 1))])
    res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(X)),
                  bounds=[(None, None)] * 3, method="highs")
    return res.status == 0


def half_plane_labellings(points):
    """Every separable labelling, as a bitmask (bit i = label of point
    i), in increasing order."""
    m = len(points)
    out = []
    for mask in range(2 ** m):
        labels = [(mask >> i) & 1 for i in range(m)]
        if separable(points, labels):
            out.append(mask)
    return out


def point_sets():
    """Seeded random sets of 1 to 7 points (coordinates rounded to three
    decimals, so that JSON holds them exactly) and degenerate ones."""
    rng = np.random.default_rng(20140101)
    sets = {}
    for m in range(1, 8):
        for r in range(3):
            pts = np.round(rng.uniform(-1, 1, size=(m, 2)), 3)
            sets[f"random m={m} #{r}"] = pts.tolist()
    sets["three collinear"] = [[0, 0], [1, 1], [2, 2]]
    sets["four collinear"] = [[0, 0], [1, 2], [2, 4], [3, 6]]
    sets["repeated point"] = [[0, 0], [1, 0], [0, 0], [0, 1]]
    sets["square"] = [[0, 0], [1, 0], [1, 1], [0, 1]]
    sets["inside a triangle"] = [[0, 0], [4, 0], [0, 4], [1, 1]]
    sets["grid 3x2"] = [[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]]
    return sets


def rademacher(vectors, m):
    """(1/m) E_sigma max_a <sigma, a> over all 2^m sign vectors."""
    A = np.asarray(vectors, dtype=float)
    total = 0.0
    for sigma in itertools.product([-1.0, 1.0], repeat=m):
        total += float(np.max(A @ np.asarray(sigma)))
    return total / 2 ** m / m


def line_labellings(m, kind):
    """Labellings of m distinct points on a line: thresholds 1[x < a]
    label a prefix; intervals label a run (or nothing)."""
    out = set()
    for lo in range(m + 1):
        for hi in range(lo, m + 1):
            if kind == "thresholds" and lo > 0:
                continue
            out.add(tuple(1 if lo <= i < hi else 0 for i in range(m)))
    return sorted(out)


def main():
    sets = point_sets()
    planes = []
    for name, pts in sets.items():
        masks = half_plane_labellings(pts)
        m = len(pts)
        entry = {"name": name, "points": pts, "labellings": masks}
        if m <= 6:
            vectors = [[(mask >> i) & 1 for i in range(m)] for mask in masks]
            entry["rademacher"] = rademacher(vectors, m)
        planes.append(entry)

    line = []
    for m in range(1, 13):
        row = {"m": m}
        for kind in ("thresholds", "intervals"):
            labs = line_labellings(m, kind)
            row[kind] = {"count": len(labs), "rademacher": rademacher(labs, m)}
        line.append(row)

    cases = [(10, 0.5), (50, 0.05), (200, 0.5), (400, 0.05), (1000, 0.01),
             (116, 0.3)]
    binomial = []
    for n, p in cases:
        ks = sorted({0, 1, n // 10, n // 4, n // 2, (3 * n) // 4, n - 1, n})
        qs = [1e-6, 0.01, 0.05, 0.5, 0.95, 0.99, 1 - 1e-6]
        binomial.append({
            "n": n, "p": p, "k": ks,
            "logpmf": [float(binom.logpmf(k, n, p)) for k in ks],
            "cdf": [float(binom.cdf(k, n, p)) for k in ks],
            "sf": [float(binom.sf(k, n, p)) for k in ks],
            "q": qs,
            "ppf": [int(binom.ppf(q, n, p)) for q in qs],
        })

    sauer = [{"m": m, "d": d,
              "sum": float(sum(comb(m, i, exact=True)
                               for i in range(min(d, m) + 1)))}
             for m in (1, 2, 3, 5, 10, 100, 1000) for d in (0, 1, 2, 3, 5)]

    write_json(OUT, {
        "versions": versions(),
        "half_planes": planes,
        "line": line,
        "binomial": binomial,
        "sauer": sauer,
    }, indent=1)


if __name__ == "__main__":
    main()
