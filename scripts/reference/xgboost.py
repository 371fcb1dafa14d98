"""Reference values for the xgboost chapter.

Trains XGBoost 1.7.4 (Debian's python3-xgboost) on small slices of the
diabetes and breast-cancer files of data/ and writes
tests/fixtures/xgboost/xgboost.json. The tests read only that JSON; this
script is run by hand:

    /usr/bin/python3 scripts/reference/xgboost.py

What is recorded, per case:
- the parameters (tree_method exact or hist, nthread 1, objective,
  max_depth, eta, lambda, alpha, gamma, min_child_weight, max_bin,
  base_score), the rows used and the rule that blanks entries (NaN);
- every tree from booster.get_dump(dump_format="json"), parsed: split
  feature, split_condition (XGBoost's float32 split value, printed with
  9 significant digits, so it reads back to the same float32), yes/no/
  missing children, leaf values, and the gain each split recorded;
- the raw scores (output_margin=True) on the training rows and on the
  held-out rows after the last round.

The NaN rule is arithmetic, (7 i + 3 j) mod 5 == 0 on the columns listed
in the case, so that the chapter's code blanks the same entries without
a random stream.
"""

import json
import sys
from pathlib import Path

# This file is named xgboost.py, which would shadow the xgboost package
# (as statistics.py does the standard library's): drop its folder from
# the import path, import the package, then put the folder back.
HERE = Path(__file__).resolve().parent
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import numpy as np  # noqa: E402
import xgboost as xgb  # noqa: E402

sys.path.insert(0, str(HERE))

from common import ROOT, load_csv, versions, write_json  # noqa: E402

DATA = ROOT / "data"
OUT = ROOT / "tests" / "fixtures" / "xgboost" / "xgboost.json"


def diabetes():
    csv = load_csv(DATA / "diabetes" / "diabetes.csv")
    return csv.table[:, :-1], csv.table[:, -1], csv.sha256


def breast_cancer():
    # the book's labels: y = 1 for malignant (the file has 0)
    csv = load_csv(DATA / "breast-cancer" / "breast_cancer.csv")
    return csv.table[:, :-1], 1.0 - csv.table[:, -1], csv.sha256


def xor():
    """40 rows: y = 10 (x0 xor x1) + x0, a split worth little at the
    root and much one level down (the gamma-pruning case)."""
    i = np.arange(40)
    X = np.c_[i % 2, (i // 2) % 2].astype(float)
    y = ((i % 2) ^ ((i // 2) % 2)) * 10.0 + (i % 2) * 1.0
    return X, y, None


def blank(X, cols):
    X = X.copy()
    for i in range(X.shape[0]):
        for j in cols:
            if (7 * i + 3 * j) % 5 == 0:
                X[i, j] = np.nan
    return X


def walk(node, out):
    """Pre-order list of the dumped nodes (left child first)."""
    if "leaf" in node:
        out.append({"leaf": node["leaf"]})
        return
    out.append({"feature": int(node["split"][1:]),
                "split": node["split_condition"],
                "missingLeft": node["missing"] == node["yes"],
                "gain": node["gain"]})
    kids = {c["nodeid"]: c for c in node["children"]}
    walk(kids[node["yes"]], out)
    walk(kids[node["no"]], out)


BASE = {"nthread": 1, "eta": 0.3, "lambda": 1.0, "alpha": 0.0,
        "gamma": 0.0, "min_child_weight": 1.0, "max_bin": 256}

CASES = [
    {"name": "diabetes-exact", "data": "diabetes", "train": 120,
     "test": 60, "rounds": 4, "nan": [],
     "params": {"tree_method": "exact", "objective": "reg:squarederror",
                "max_depth": 3, "base_score": 150.0}},
    {"name": "xor-exact-gamma", "data": "xor", "train": 40, "test": 0,
     "rounds": 1, "nan": [],
     "params": {"tree_method": "exact", "objective": "reg:squarederror",
                "max_depth": 2, "base_score": 5.5, "gamma": 20.0,
                "eta": 1.0}},
    {"name": "xor-hist-gamma", "data": "xor", "train": 40, "test": 0,
     "rounds": 1, "nan": [],
     "params": {"tree_method": "hist", "objective": "reg:squarederror",
                "max_depth": 2, "base_score": 5.5, "gamma": 20.0,
                "eta": 1.0}},
    {"name": "diabetes-exact-gamma", "data": "diabetes", "train": 120,
     "test": 60, "rounds": 3, "nan": [],
     "params": {"tree_method": "exact", "objective": "reg:squarederror",
                "max_depth": 4, "base_score": 150.0, "gamma": 60000.0,
                "alpha": 50.0, "lambda": 5.0}},
    {"name": "diabetes-hist-gamma", "data": "diabetes", "train": 120,
     "test": 60, "rounds": 3, "nan": [],
     "params": {"tree_method": "hist", "objective": "reg:squarederror",
                "max_depth": 4, "base_score": 150.0, "gamma": 60000.0,
                "alpha": 50.0, "lambda": 5.0}},
    {"name": "diabetes-hist", "data": "diabetes", "train": 200,
     "test": 60, "rounds": 4, "nan": [],
     "params": {"tree_method": "hist", "objective": "reg:squarederror",
                "max_depth": 3, "max_bin": 16}},
    {"name": "cancer-exact", "data": "breast_cancer", "train": 150,
     "test": 60, "rounds": 4, "nan": [],
     "params": {"tree_method": "exact", "objective": "binary:logistic",
                "max_depth": 3}},
    {"name": "cancer-hist", "data": "breast_cancer", "train": 200,
     "test": 60, "rounds": 4, "nan": [],
     "params": {"tree_method": "hist", "objective": "binary:logistic",
                "max_depth": 3, "max_bin": 32, "lambda": 0.5}},
    {"name": "cancer-exact-nan", "data": "breast_cancer", "train": 150,
     "test": 60, "rounds": 4, "nan": [0, 1, 6, 7, 20, 22, 27],
     "params": {"tree_method": "exact", "objective": "binary:logistic",
                "max_depth": 3}},
    {"name": "cancer-hist-nan", "data": "breast_cancer", "train": 150,
     "test": 60, "rounds": 4, "nan": [0, 1, 6, 7, 20, 22, 27],
     "params": {"tree_method": "hist", "objective": "binary:logistic",
                "max_depth": 3, "max_bin": 24}},
]


def run(case, data):
    X, y, sha = data[case["data"]]
    X = blank(X, case["nan"])
    n, m = case["train"], case["test"]
    params = {**BASE, **case["params"]}
    dtrain = xgb.DMatrix(X[:n], y[:n], missing=np.nan)
    booster = xgb.train(params, dtrain, case["rounds"])
    trees = []
    for text in booster.get_dump(dump_format="json", with_stats=True):
        nodes = []
        walk(json.loads(text), nodes)
        trees.append(nodes)
    dtest = xgb.DMatrix(X[n:n + m].reshape(m, X.shape[1]), missing=np.nan)
    return {**case, "params": params, "sha256": sha, "trees": trees,
            "trainMargin": [float(v) for v in
                            booster.predict(dtrain, output_margin=True)],
            "testMargin": [float(v) for v in
                           booster.predict(dtest, output_margin=True)]}


def main():
    data = {"diabetes": diabetes(), "breast_cancer": breast_cancer(),
            "xor": xor()}
    write_json(OUT, {"versions": versions(xgb),
                     "cases": [run(c, data) for c in CASES]}, indent=1)


if __name__ == "__main__":
    main()
