"""Reference values for the boosting chapter.

Fits scikit-learn's GradientBoostingRegressor, GradientBoostingClassifier
and AdaBoostClassifier(algorithm="SAMME") on the diabetes, breast-cancer
and wine files of data/ and writes tests/fixtures/boosting/sklearn.json.
The tests read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/boosting.py

Run it with Debian's Python (python3-sklearn 1.2.1).

What is recorded, and why:
- gradient boosting: the staged predictions (staged_predict for the
  regressor, staged_decision_function for the classifier: the raw
  scores F_m) on every row of the file after every round, for a model
  fitted on the training rows (see SPLITS), with subsample=1.0,
  max_features=None and criterion="squared_error" (the chapter's tree
  ranks splits by the squared error; see friedman_mse below).
- friedman_mse: the largest difference between those staged
  predictions and the ones of the default criterion "friedman_mse".
  Both criteria rank the splits of one node in the same order (the
  chapter shows why), so the difference is 0 up to rounding.
- seeds: the largest difference between the staged predictions for
  random_state 0 and for random_state 1..9. scikit-learn visits the
  features in a random order at each node and keeps the first best
  split; a nonzero value would mean that a tie between features
  decides a tree and that the random order matters.
- AdaBoost (SAMME, stumps): estimator_weights_, estimator_errors_ and
  the predictions after every round, binary (breast cancer) and
  three-class (wine), with the same seed check.
- the breast-cancer labels follow the book: y = 1 for malignant.
"""

import numpy as np
import sklearn
from sklearn.ensemble import (AdaBoostClassifier,
                              GradientBoostingClassifier,
                              GradientBoostingRegressor)
from sklearn.tree import DecisionTreeClassifier

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data"
OUT = ROOT / "tests" / "fixtures" / "boosting" / "sklearn.json"
SEEDS = 10
# training rows: the first 300 of diabetes, the first 400 of breast
# cancer, and the rows i with i % 3 != 2 of wine (sorted by class)
GB = {"n_estimators": 5, "learning_rate": 0.5, "subsample": 1.0,
      "max_features": None}
# tree settings per fit: chosen so that no tie between features decides
# a split (the "seeds" check is 0); deeper trees on the +-1 residuals of
# the absolute error, or on the wine data, have such ties
TREES = {
    "squared_error": {"max_depth": 3, "min_samples_leaf": 5},
    "absolute_error": {"max_depth": 3, "min_samples_leaf": 20},
    "huber": {"max_depth": 3, "min_samples_leaf": 5},
    "binary": {"max_depth": 2, "min_samples_leaf": 5},
    "multiclass": {"max_depth": 1, "min_samples_leaf": 5},
}


def diabetes():
    csv = load_csv(DATA / "diabetes" / "diabetes.csv")
    return csv.table[:, :10], csv.table[:, 10], csv.sha256


def breast_cancer():
    csv = load_csv(DATA / "breast-cancer" / "breast_cancer.csv")
    return csv.table[:, :30], 1 - csv.table[:, 30], csv.sha256


def wine():
    csv = load_csv(DATA / "wine" / "wine.csv")
    return csv.table[:, :13], csv.table[:, 13], csv.sha256


def staged(model, X):
    if isinstance(model, GradientBoostingRegressor):
        return [s.copy() for s in model.staged_predict(X)]
    return [s.copy() for s in model.staged_decision_function(X)]


def max_diff(a, b):
    return float(max(np.max(np.abs(u - v)) for u, v in zip(a, b)))


def gradient_boosting(cls, X, y, train, name, **kw):
    kw = {**TREES[name], **kw}
    fit = lambda seed, criterion: cls(
        random_state=seed, criterion=criterion, **GB, **kw).fit(
            X[train], y[train])
    model = fit(0, "squared_error")
    ref = staged(model, X)
    seeds = max(max_diff(ref, staged(fit(s, "squared_error"), X))
                for s in range(1, SEEDS))
    friedman = max_diff(ref, staged(fit(0, "friedman_mse"), X))
    return {
        "settings": {**GB, **kw, "criterion": "squared_error"},
        "init": as_list(model._raw_predict_init(X[:1])),
        "staged": [as_list(s) for s in ref],
        "train_score": as_list(model.train_score_),
        "friedman_mse": friedman,
        "seeds": seeds,
    }


def adaboost(X, y, train, n_estimators=10):
    def fit(seed):
        return AdaBoostClassifier(
            estimator=DecisionTreeClassifier(max_depth=1),
            algorithm="SAMME", n_estimators=n_estimators,
            learning_rate=1.0, random_state=seed).fit(X[train], y[train])
    model = fit(0)
    others = [fit(s) for s in range(1, SEEDS)]
    seeds = max(float(np.max(np.abs(model.estimator_weights_ -
                                    m.estimator_weights_)))
                for m in others)
    return {
        "n_estimators": n_estimators,
        "weights": as_list(model.estimator_weights_),
        "errors": as_list(model.estimator_errors_),
        "staged_predict": [as_list(p) for p in model.staged_predict(X)],
        "decision": as_list(model.decision_function(X)),
        "features": [int(e.tree_.feature[0]) for e in model.estimators_],
        "thresholds": [float(e.tree_.threshold[0])
                       for e in model.estimators_],
        "seeds": seeds,
    }


def main():
    Xd, yd, shad = diabetes()
    Xb, yb, shab = breast_cancer()
    Xw, yw, shaw = wine()
    td = np.arange(len(yd)) < 300
    tb = np.arange(len(yb)) < 400
    tw = np.arange(len(yw)) % 3 != 2
    out = {
        "versions": versions(sklearn),
        "sha256": {"diabetes": shad, "breast_cancer": shab, "wine": shaw},
        "regression": {
            loss: gradient_boosting(GradientBoostingRegressor, Xd, yd, td,
                                    loss, loss=loss,
                                    **({"alpha": 0.9} if loss == "huber"
                                       else {}))
            for loss in ["squared_error", "absolute_error", "huber"]
        },
        "binary": gradient_boosting(GradientBoostingClassifier, Xb, yb, tb,
                                    "binary", loss="log_loss"),
        "multiclass": gradient_boosting(GradientBoostingClassifier, Xw,
                                        yw, tw, "multiclass",
                                        loss="log_loss"),
        "adaboost_binary": adaboost(Xb, yb, tb),
        "adaboost_wine": adaboost(Xw, yw, tw),
    }
    write_json(OUT, out, indent=1)


if __name__ == "__main__":
    main()
