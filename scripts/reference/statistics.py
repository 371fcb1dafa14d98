"""Reference values for the statistics chapter.

Writes tests/fixtures/statistics/reference.json with
- normal quantiles from SciPy (norm.ppf), from CPython's
  statistics.NormalDist (the same algorithm as ours, Wichura's AS 241)
  and, as the exact answer, from mpmath at 40 significant digits;
- Student t quantiles (t.ppf), CDF values (t.cdf) and densities (t.pdf)
  from SciPy, and exact t quantiles from mpmath, also far in the lower
  tail (p down to 1e-300), with exact lower-tail CDF values;
- NumPy's default (linear) quantiles of two fixed data sets;
- the Gaussian MLE (scipy.stats.norm.fit) and the 95% t interval
  (scipy.stats.t.interval) on Newcomb's data, all 66 values and the 64
  without the two outliers.
Everything here is deterministic; bootstrap results are not compared
with SciPy's, whose resampling uses a different random generator.

Run by hand with Debian's Python (python3-scipy, python3-numpy,
python3-mpmath), not the python3 first on PATH:

    /usr/bin/python3 scripts/reference/statistics.py

It imports the helpers shared by all the reference scripts from
common.py, next to it (see the note on sys.path below).
"""

import sys
from pathlib import Path

# This file is named statistics.py, which would shadow the standard
# library's module of that name: drop its folder from the import path.
HERE = Path(__file__).resolve().parent
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import statistics  # noqa: E402

import mpmath  # noqa: E402
import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402

# The standard library's statistics is now in sys.modules, so this file
# can no longer shadow it: put the folder back (first) for common.py.
sys.path.insert(0, str(HERE))

from common import ROOT, load_csv, versions, write_json  # noqa: E402

DATA = ROOT / "data" / "newcomb" / "newcomb.csv"
OUT = ROOT / "tests" / "fixtures" / "statistics" / "reference.json"

mpmath.mp.dps = 40

NORMAL_P = [1e-300, 1e-100, 1e-20, 1e-11, 1e-10, 1e-5, 0.001, 0.01,
            0.025, 0.05, 0.074, 0.075, 0.1, 0.2, 0.3, 0.4, 0.45, 0.5,
            0.55, 0.6, 0.7, 0.8, 0.9, 0.925, 0.926, 0.95, 0.975, 0.99,
            0.999, 0.99999, 1 - 1e-10]
T_DOF = [1, 2, 3, 4, 5, 7, 10, 19, 29, 30, 49, 65, 100, 1000, 100000]
T_P = [0.55, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995]
# above 1e5, where tQuantile switches to the expansion in 1/nu
T_DOF_LARGE = [100001, 1000000, 10000000]
T_POINTS = [-30.0, -4.0, -2.5, -1.0, -0.1, 0.0, 0.3, 1.3, 2.0, 3.5, 12.0]
# the lower tail, where 1 - p or 1/2 - J/2 would lose the digits
T_TAIL_DOF = [1, 2, 3, 5, 10, 30, 100, 1000, 100000]
T_TAIL_P = [1e-300, 1e-100, 1e-17, 1e-12, 1e-10, 1e-5, 0.001, 0.025,
            0.1, 0.3, 0.45]
T_TAIL_POINTS = [-3.0, -10.0, -100.0, -1e4, -1e10]


def exact_normal_ppf(p):
    """z with Phi(z) = p for the double p, to 40 digits."""
    p = mpmath.mpf(p)  # the double exactly
    z0 = mpmath.mpf(stats.norm.ppf(float(p)))
    return mpmath.findroot(lambda z: mpmath.ncdf(z) - p, z0)


def exact_t_cdf_upper(t, nu):
    """P(T > t) for t >= 0: I_{nu/(nu+t^2)}(nu/2, 1/2) / 2."""
    x = nu / (nu + t * t)
    return mpmath.betainc(mpmath.mpf(nu) / 2, mpmath.mpf(1) / 2, 0, x,
                          regularized=True) / 2


def exact_t_ppf(p, nu):
    """t with P(T <= t) = p for the double p >= 1/2, to 40 digits."""
    q = 1 - mpmath.mpf(p)
    t0 = mpmath.mpf(stats.t.ppf(p, nu))
    return mpmath.findroot(lambda t: exact_t_cdf_upper(t, nu) - q, t0)


def exact_t_ppf_lower(p, nu):
    """t with P(T <= t) = p for the double p < 1/2, to 40 digits:
    minus the t > 0 with P(T > t) = p, solved in log t and log P."""
    p = mpmath.mpf(p)
    t0 = -float(stats.t.ppf(float(p), nu))
    if not (t0 > 0 and t0 < 1e300):
        t0 = 1.0
    log_t = mpmath.findroot(
        lambda lt: mpmath.log(exact_t_cdf_upper(mpmath.exp(lt), nu))
        - mpmath.log(p), mpmath.log(t0))
    return -mpmath.exp(log_t)


def exact_t_cdf_lower(t, nu):
    """P(T <= t) for t < 0 as a double: 0.0 where it is far below the
    smallest double (there betainc cannot even find its exponent)."""
    # the tail is at most |t| times the density there, and the log10 of
    # the density is below -((nu + 1) / 2) log10(1 + t^2 / nu)
    if 0.5 * (nu + 1) * np.log10(1 + t * t / nu) - np.log10(-t) > 400:
        return 0.0
    return float(exact_t_cdf_upper(mpmath.mpf(-t), nu))


def centre(xs):
    n = len(xs)
    mu, sd = stats.norm.fit(xs)  # the MLE: mean and sqrt(S / n)
    sem = stats.sem(xs)  # s / sqrt(n), divisor n - 1
    lo, hi = stats.t.interval(0.95, n - 1, loc=np.mean(xs), scale=sem)
    return {
        "n": n,
        "norm_fit": {"mu": float(mu), "sigma": float(sd)},
        "median": float(np.median(xs)),
        "sem": float(sem),
        "t_interval_95": [float(lo), float(hi)],
    }


def main():
    # one number a line under a one-word header: whitespace-separated
    newcomb, sha256, _ = load_csv(DATA, delimiter=None)
    kept = newcomb[newcomb >= 0]

    normal = {
        "p": NORMAL_P,
        "scipy_ppf": [float(stats.norm.ppf(p)) for p in NORMAL_P],
        "cpython_inv_cdf": [statistics.NormalDist().inv_cdf(p)
                            for p in NORMAL_P],
        "exact": [float(exact_normal_ppf(p)) for p in NORMAL_P],
    }
    t_ppf = {
        "dof": T_DOF,
        "p": T_P,
        "scipy_ppf": [[float(stats.t.ppf(p, nu)) for p in T_P]
                      for nu in T_DOF],
        "exact": [[float(exact_t_ppf(p, nu)) for p in T_P]
                  for nu in T_DOF],
    }
    t_ppf_large = {
        "dof": T_DOF_LARGE,
        "p": T_P,
        "exact": [[float(exact_t_ppf(p, nu)) for p in T_P]
                  for nu in T_DOF_LARGE],
    }
    t_cdf = {
        "dof": T_DOF,
        "t": T_POINTS,
        "scipy_cdf": [[float(stats.t.cdf(t, nu)) for t in T_POINTS]
                      for nu in T_DOF],
        "scipy_pdf": [[float(stats.t.pdf(t, nu)) for t in T_POINTS]
                      for nu in T_DOF],
    }
    t_ppf_tail = {
        "dof": T_TAIL_DOF,
        "p": T_TAIL_P,
        "scipy_ppf": [[float(stats.t.ppf(p, nu)) for p in T_TAIL_P]
                      for nu in T_TAIL_DOF],
        "exact": [[float(exact_t_ppf_lower(p, nu)) for p in T_TAIL_P]
                  for nu in T_TAIL_DOF],
    }
    t_cdf_tail = {
        "dof": T_TAIL_DOF,
        "t": T_TAIL_POINTS,
        "scipy_cdf": [[float(stats.t.cdf(t, nu)) for t in T_TAIL_POINTS]
                      for nu in T_TAIL_DOF],
        "exact": [[exact_t_cdf_lower(t, nu) for t in T_TAIL_POINTS]
                  for nu in T_TAIL_DOF],
    }
    q_data = [3.5, -1.0, 2.25, 7.0, 0.0, 2.25, 10.5, -4.0, 6.0]
    q_p = [0.0, 0.01, 0.025, 0.1, 0.25, 0.5, 0.6, 0.75, 0.975, 1.0]
    quantiles = {
        "what": "numpy.quantile, default method='linear'",
        "p": q_p,
        "small": {"data": q_data,
                  "quantiles": [float(np.quantile(q_data, p))
                                for p in q_p]},
        "newcomb": [float(np.quantile(newcomb, p)) for p in q_p],
    }
    result = {
        "generated_by": "scripts/reference/statistics.py",
        "versions": versions(mpmath),
        "as241_hash_sums": {
            "what": "sums of the mantissas of each coefficient table, "
                    "as printed in Wichura (1988) and quoted in "
                    "CPython's statistics.py",
            "AB": 55.8831928806149014439,
            "CD": 49.33206503301610289036,
            "EF": 47.52583317549289671629,
        },
        "normal_ppf": normal,
        "t_ppf": t_ppf,
        "t_ppf_large": t_ppf_large,
        "t_cdf": t_cdf,
        "t_ppf_tail": t_ppf_tail,
        "t_cdf_tail": t_cdf_tail,
        "quantiles": quantiles,
        "newcomb": {
            "file": "data/newcomb/newcomb.csv",
            "sha256": sha256,
            "all": centre(newcomb),
            "without_outliers": centre(kept),
        },
    }
    write_json(OUT, result, indent=2)


if __name__ == "__main__":
    main()
