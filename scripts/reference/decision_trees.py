"""Reference values for the decision-trees chapter.

Fits scikit-learn's DecisionTreeClassifier and DecisionTreeRegressor on
the penguins, wine, diabetes and breast-cancer files of data/ and writes
tests/fixtures/decision-trees/sklearn.json. The tests and the chapter
read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/decision_trees.py

Run it with Debian's Python (python3-sklearn 1.2.1).

What is recorded, and why:
- for each fit: the settings, the tree_ arrays (feature, threshold,
  children, value, impurity, n_node_samples, weighted_n_node_samples),
  feature_importances_, predictions on the training rows and, where
  asked, cost_complexity_pruning_path and a tree pruned with ccp_alpha.
- distinct_trees: scikit-learn visits the features in a random order
  at every node, even with max_features=None, and keeps the first split
  that is strictly better than the best so far; when two features give
  the same impurity decrease (the same partition of the node, say), the
  random order decides. Each fit is repeated with random_state 0..19 and
  the number of distinct trees (feature and threshold of every node) is
  recorded. Where it is 1, no tie decides the tree, and the chapter's
  tree (which visits the features in index order) must be the same
  tree; where it is larger (breast cancer), the chapter compares up to
  ties.
- sample weights are whole numbers 1..3 (see main()).
- X is converted to float32 by scikit-learn; thresholds are midpoints of
  float32 values computed in double.
"""

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data"
OUT = ROOT / "tests" / "fixtures" / "decision-trees" / "sklearn.json"
SEEDS = 20
PENGUIN_FEATURES = ["bill_length_mm", "bill_depth_mm",
                    "flipper_length_mm", "body_mass_g"]
SPECIES = ["Adelie", "Chinstrap", "Gentoo"]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def penguins():
    """The 342 penguins with all four measurements; y = species 0..2."""
    path = DATA / "penguins" / "penguins.csv"
    lines = path.read_text().strip().split("\n")
    names = lines[0].split(",")
    cols = [names.index(f) for f in PENGUIN_FEATURES]
    X, y = [], []
    for line in lines[1:]:
        cells = line.split(",")
        if any(cells[c] == "NA" for c in cols):
            continue
        X.append([float(cells[c]) for c in cols])
        y.append(SPECIES.index(cells[0]))
    return np.array(X), np.array(y)


def load():
    wine = load_csv(DATA / "wine" / "wine.csv").table
    diabetes = load_csv(DATA / "diabetes" / "diabetes.csv").table
    bc = np.loadtxt(DATA / "breast-cancer" / "breast_cancer.csv",
                    delimiter=",", skiprows=1)
    return {
        "penguins": penguins(),
        "wine": (wine[:, :13], wine[:, 13].astype(int)),
        "diabetes": (diabetes[:, :10], diabetes[:, 10]),
        # the book's convention: 1 = malignant (the file's 0)
        "breast-cancer": (bc[:, :30], 1 - bc[:, 30].astype(int)),
    }


def signature(model):
    t = model.tree_
    return (tuple(t.feature), tuple(t.threshold))


def arrays(model):
    t = model.tree_
    return {
        "nodeCount": int(t.node_count),
        "feature": ints(t.feature),
        "threshold": as_list(t.threshold),
        "left": ints(t.children_left),
        "right": ints(t.children_right),
        "value": as_list(t.value),
        "impurity": as_list(t.impurity),
        "nNodeSamples": ints(t.n_node_samples),
        "weightedNNodeSamples": as_list(t.weighted_n_node_samples),
    }


def fit(data, name, dataset, params, path=False, prune_at=None,
        weights=None):
    X, y = data[dataset]
    regression = params.get("criterion") == "squared_error"
    cls = DecisionTreeRegressor if regression else DecisionTreeClassifier

    def make(seed, **extra):
        return cls(random_state=seed, **params, **extra).fit(
            X, y, sample_weight=weights)

    model = make(0)
    distinct = len({signature(make(s)) for s in range(SEEDS)})
    out = {
        "name": name, "dataset": dataset, "params": params,
        "distinctTrees": distinct,
        "tree": arrays(model),
        "importances": as_list(model.feature_importances_),
        "predict": as_list(model.predict(X)),
    }
    if weights is not None:
        out["sampleWeight"] = as_list(weights)
    if path:
        p = model.cost_complexity_pruning_path(X, y, sample_weight=weights)
        out["path"] = {"alphas": as_list(p.ccp_alphas),
                       "impurities": as_list(p.impurities)}
        alpha = p.ccp_alphas[prune_at]
        out["pruned"] = {"alpha": float(alpha),
                         "tree": arrays(make(0, ccp_alpha=alpha))}
    print(f"{name}: {model.tree_.node_count} nodes, "
          f"{distinct} distinct trees over {SEEDS} seeds")
    return out


def main():
    data = load()
    rng = np.random.default_rng(17)
    # whole-number weights: their sums are exact in any order; with
    # fractional weights scikit-learn's running sums (which it updates
    # from either end of a node) round differently for the same
    # partition, and its random feature order then decides the tree
    weights = rng.integers(1, 4, size=len(data["penguins"][1])).astype(float)
    fits = [
        fit(data, "penguins-gini", "penguins",
            {"criterion": "gini", "min_samples_leaf": 10},
            path=True, prune_at=3),
        fit(data, "penguins-entropy", "penguins",
            {"criterion": "entropy", "min_samples_leaf": 10}, path=True,
            prune_at=2),
        fit(data, "penguins-depth3", "penguins",
            {"criterion": "gini", "max_depth": 3, "min_samples_leaf": 5}),
        fit(data, "penguins-weighted", "penguins",
            {"criterion": "gini", "min_samples_leaf": 10}, path=True,
            prune_at=2, weights=weights),
        fit(data, "wine-depth2", "wine", {"criterion": "gini",
                                          "max_depth": 2}),
        fit(data, "wine-entropy-depth2", "wine",
            {"criterion": "entropy", "max_depth": 2}),
        fit(data, "diabetes-leaf5", "diabetes",
            {"criterion": "squared_error", "min_samples_leaf": 5},
            path=True, prune_at=40),
        fit(data, "diabetes-depth3", "diabetes",
            {"criterion": "squared_error", "max_depth": 3}),
        fit(data, "diabetes-decrease", "diabetes",
            {"criterion": "squared_error", "min_impurity_decrease": 20.0,
             "min_samples_leaf": 5}),
        fit(data, "breast-cancer-gini", "breast-cancer",
            {"criterion": "gini"}, path=True, prune_at=5),
    ]
    write_json(OUT, {"versions": versions(sklearn), "seeds": SEEDS,
                     "fits": fits}, indent=1)


if __name__ == "__main__":
    main()
