"""Reference values for the probability chapter.

Evaluates SciPy's densities, log-gamma, entropies and the multivariate
normal at fixed inputs, computes Gaussian conditionals and KL divergences
with NumPy's dense linear algebra (np.linalg.inv, slogdet), fits a
normal to each iris species' petals in data/iris/iris.csv, and measures
the approximation error of the book's Lanczos formula for log Gamma (its
double coefficients, evaluated in 40-digit arithmetic with mpmath, so
that only the formula's own error remains). Writes
tests/fixtures/probability/scipy.json; the tests and the chapter read
only that JSON. Run by hand with Debian's Python:

    /usr/bin/python3 scripts/reference/probability.py

It imports the helpers shared by all the reference scripts from
common.py, next to it.
"""

import mpmath
import numpy as np
import sklearn
from scipy import special, stats

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data" / "iris" / "iris.csv"
OUT = ROOT / "tests" / "fixtures" / "probability" / "scipy.json"


def fl(a):
    """as_list with dtype=float: this script has always converted the
    whole array to float before its entries (the others do not)."""
    return as_list(a, dtype=float)


def conditional(mu, S, b, xb):
    """N(mu, S) conditioned on x_b = xb, by the textbook formula."""
    a = [i for i in range(len(mu)) if i not in b]
    Sab = S[np.ix_(a, b)]
    Sbb_inv = np.linalg.inv(S[np.ix_(b, b)])
    mean = mu[a] + Sab @ Sbb_inv @ (xb - mu[b])
    cov = S[np.ix_(a, a)] - Sab @ Sbb_inv @ Sab.T
    return mean, cov


def kl_mvn(m1, S1, m2, S2):
    """KL(N(m1, S1) || N(m2, S2)) with an explicit inverse."""
    d = len(m1)
    S2_inv = np.linalg.inv(S2)
    diff = m2 - m1
    _, ld1 = np.linalg.slogdet(S1)
    _, ld2 = np.linalg.slogdet(S2)
    return 0.5 * (np.trace(S2_inv @ S1) + diff @ S2_inv @ diff - d
                  + ld2 - ld1)


# code/probability/special.ts: Godfrey's g = 7, n = 9 coefficients.
LANCZOS_G = 7
LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]


def lanczos_error(x):
    """log Gamma(x) by the book's formula minus the true value, both in
    40-digit arithmetic: the approximation error alone, no rounding."""
    with mpmath.workdps(40):
        x = mpmath.mpf(x)
        a = mpmath.mpf(LANCZOS[0])
        for k in range(1, len(LANCZOS)):
            a += mpmath.mpf(LANCZOS[k]) / (x - 1 + k)
        t = x + LANCZOS_G - mpmath.mpf(0.5)
        ours = (mpmath.log(mpmath.sqrt(2 * mpmath.pi))
                + (x - mpmath.mpf(0.5)) * mpmath.log(t) - t + mpmath.log(a))
        return float(ours - mpmath.loggamma(x))


def main():
    out = {
        "generated_by": "scripts/reference/probability.py",
        "versions": versions(sklearn, mpmath),
    }

    # Univariate normal log-density, including far in the tail.
    xs = np.array([-3.0, -0.5, 0.0, 1.7, 12.0, 40.0])
    out["normal"] = {"x": fl(xs), "mean": 0.3, "sd": 1.9,
                     "logpdf": fl(stats.norm.logpdf(xs, 0.3, 1.9))}

    # Bernoulli: log-pmf at tiny and moderate p.
    ps = np.array([1e-20, 1e-6, 0.3, 0.999])
    out["bernoulli"] = {"p": fl(ps),
                        "logpmf1": fl(stats.bernoulli.logpmf(1, ps)),
                        "logpmf0": fl(stats.bernoulli.logpmf(0, ps))}

    # log Gamma across many orders of magnitude, and log B.
    gx = np.array([1e-8, 0.01, 0.3, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 57.3,
                   171.6, 1000.0, 1e6])
    out["gammaln"] = {"x": fl(gx), "value": fl(special.gammaln(gx))}
    ba = np.array([0.5, 1.0, 2.5, 30.0, 0.1])
    bb = np.array([0.5, 1.0, 4.0, 70.0, 200.0])
    out["betaln"] = {"a": fl(ba), "b": fl(bb),
                     "value": fl(special.betaln(ba, bb))}

    # Gamma (shape a, rate b: scipy's scale is 1/b), Beta, Dirichlet.
    g = [(0.3, 2.0, 0.05), (1.0, 1.0, 2.0), (4.5, 0.5, 7.0),
         (50.0, 10.0, 5.2)]
    out["gamma"] = [{"a": a, "b": b, "x": x,
                     "logpdf": float(stats.gamma.logpdf(x, a, scale=1 / b))}
                    for a, b, x in g]
    bt = [(0.5, 0.5, 0.01), (2.0, 5.0, 0.3), (30.0, 70.0, 0.25),
          (1.0, 1.0, 0.7)]
    out["beta"] = [{"a": a, "b": b, "x": x,
                    "logpdf": float(stats.beta.logpdf(x, a, b))}
                   for a, b, x in bt]
    dal = np.array([0.5, 2.0, 7.0])
    dx = np.array([0.1, 0.3, 0.6])
    out["dirichlet"] = {"alpha": fl(dal), "x": fl(dx),
                        "logpdf": float(stats.dirichlet.logpdf(dx, dal))}

    # Discrete entropy and KL (scipy.stats.entropy: nats by default).
    p = np.array([0.5, 0.25, 0.125, 0.125])
    q = np.array([0.1, 0.2, 0.3, 0.4])
    out["discrete"] = {"p": fl(p), "q": fl(q),
                       "entropy_p": float(stats.entropy(p)),
                       "kl_pq": float(stats.entropy(p, q)),
                       "kl_qp": float(stats.entropy(q, p))}

    # A 3-D normal: log-density, entropy, a conditional, a KL.
    mu = np.array([1.0, -2.0, 0.5])
    S = np.array([[2.0, 0.6, -0.4], [0.6, 1.0, 0.3], [-0.4, 0.3, 0.8]])
    pts = np.array([[1.0, -2.0, 0.5], [0.0, 0.0, 0.0], [3.0, -1.0, -1.0],
                    [-4.0, 5.0, 6.0]])
    mvn = stats.multivariate_normal(mu, S)
    cmean, ccov = conditional(mu, S, [2], np.array([1.5]))
    cmean2, ccov2 = conditional(mu, S, [0, 2], np.array([0.0, 1.5]))
    mu2 = np.array([0.0, -1.0, 1.0])
    S2 = np.array([[1.0, 0.2, 0.0], [0.2, 1.5, -0.5], [0.0, -0.5, 1.2]])
    out["mvn"] = {
        "mean": fl(mu), "cov": fl(S), "points": pts.tolist(),
        "logpdf": fl(mvn.logpdf(pts)), "entropy": float(mvn.entropy()),
        "cond_b": [2], "cond_xb": [1.5],
        "cond_mean": fl(cmean), "cond_cov": fl(ccov),
        "cond2_b": [0, 2], "cond2_xb": [0.0, 1.5],
        "cond2_mean": fl(cmean2), "cond2_cov": fl(ccov2),
        "mean2": fl(mu2), "cov2": fl(S2),
        "kl_12": float(kl_mvn(mu, S, mu2, S2)),
        "kl_21": float(kl_mvn(mu2, S2, mu, S)),
    }

    # Iris petals: one normal per species (np.cov: divisor n - 1).
    table, sha256, _ = load_csv(DATA)
    petals = table[:, 2:4]
    species = table[:, 4].astype(int)
    fits = []
    for s in range(3):
        P = petals[species == s]
        m, C = P.mean(axis=0), np.cov(P, rowvar=False)
        fits.append(stats.multivariate_normal(m, C))
        own = fits[-1].logpdf(P)
        fits[-1].own_logpdf = own
    query = np.array([4.9, 1.6])
    loglik = np.array([f.logpdf(query) for f in fits])
    post = np.exp(loglik - special.logsumexp(loglik))
    all_loglik = np.column_stack([f.logpdf(petals) for f in fits])
    predicted = all_loglik.argmax(axis=1)
    vers = fits[1]
    vc = [conditional(vers.mean, vers.cov, [0], np.array([l]))
          for l in (3.5, 4.5, 5.0)]
    out["iris"] = {
        "sha256": sha256,
        "means": [fl(f.mean) for f in fits],
        "covs": [fl(f.cov) for f in fits],
        "own_logpdf": [fl(f.own_logpdf) for f in fits],
        "query": fl(query), "posterior": fl(post),
        "predicted": [int(k) for k in predicted],
        "accuracy": float(np.mean(predicted == species)),
        "versicolor_given_length": {
            "length": [3.5, 4.5, 5.0],
            "mean": [float(c[0][0]) for c in vc],
            "var": [float(c[1][0, 0]) for c in vc],
        },
    }

    # The Lanczos formula's approximation error (x >= 1/2, where it is
    # used; below, the reflection formula calls it at 1 - x).
    lx = np.concatenate([np.linspace(0.5, 20.0, 40), np.geomspace(20.0, 1e8, 15)[1:]])
    out["lanczos"] = {"x": fl(lx), "error": [lanczos_error(x) for x in lx]}

    write_json(OUT, out, indent=1)


if __name__ == "__main__":
    main()
