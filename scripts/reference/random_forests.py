"""Reference values for the random-forests chapter.

Fits scikit-learn's RandomForestClassifier, ExtraTreesClassifier and
RandomForestRegressor with random_state 0..SEEDS-1 and writes
tests/fixtures/random-forests/sklearn.json. The tests and the chapter
read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/random_forests.py

Run it with Debian's Python (python3-sklearn 1.2.1).

scikit-learn's random streams (NumPy's Mersenne Twister) are not the
book's (xoshiro128**), so no single forest can match: what is recorded
is, for each seed, the out-of-bag score, the test score and the
impurity importances, and the tests compare their means over seeds
with the book's, within a stated number of standard errors.

- wine: train on rows i % 3 != 0, test on i % 3 == 0; 10 trees.
- diabetes: train on rows i % 4 != 0, test on i % 4 == 0; 10 trees,
  max_features=3, min_samples_leaf=5.
- The out-of-bag score is recomputed here from estimators_samples_
  (through the private _generate_sample_indices, the same helper
  scikit-learn's own OOB code calls) over the samples that at least
  one tree left out, as the book does:
  with 10 trees about 1 % of the samples are in every bootstrap
  sample, and scikit-learn 1.2 then scores them as if predicted 0 (it
  warns). oob_score_ itself is recorded too.
"""

import numpy as np
import sklearn
from sklearn.ensemble import (ExtraTreesClassifier, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.ensemble._forest import _generate_sample_indices
from sklearn.metrics import r2_score

from common import ROOT, as_list, load_csv, versions, write_json

DATA = ROOT / "data"
OUT = ROOT / "tests" / "fixtures" / "random-forests" / "sklearn.json"
SEEDS = 30
TREES = 10


def split(X, y, k):
    test = np.arange(len(y)) % k == 0
    return X[~test], y[~test], X[test], y[test]


def oob_by_hand(model, X, y, classify):
    """OOB score over the samples some tree left out (book's rule)."""
    n = len(y)
    K = len(model.classes_) if classify else 1
    total = np.zeros((n, K))
    votes = np.zeros(n)
    for tree in model.estimators_:
        # the bootstrap rows scikit-learn drew for this tree (private
        # helper of sklearn/ensemble/_forest.py, 1.2.1)
        rows = _generate_sample_indices(tree.random_state, n, n)
        out = np.ones(n, bool)
        out[rows] = False
        if classify:
            total[out] += tree.predict_proba(X[out])
        else:
            total[out, 0] += tree.predict(X[out])
        votes[out] += 1
    used = votes > 0
    mean = total[used] / votes[used][:, None]
    if classify:
        return float(np.mean(mean.argmax(axis=1) == y[used])), int(used.sum())
    return float(r2_score(y[used], mean[:, 0])), int(used.sum())


def study(make, X, y, k, classify):
    Xtr, ytr, Xte, yte = split(X, y, k)
    rows = []
    for seed in range(SEEDS):
        m = make(seed).fit(Xtr, ytr)
        test = (float(np.mean(m.predict(Xte) == yte)) if classify
                else float(r2_score(yte, m.predict(Xte))))
        row = {"seed": seed, "test": test,
               "importances": as_list(m.feature_importances_)}
        if getattr(m, "oob_score", False):
            row["oob"], row["oob_used"] = oob_by_hand(m, Xtr, ytr, classify)
            row["oob_sklearn"] = float(m.oob_score_)
        rows.append(row)
    return rows


def main():
    wine = load_csv(DATA / "wine" / "wine.csv")
    Xw, yw = wine.table[:, :13], wine.table[:, 13].astype(int)
    diab = load_csv(DATA / "diabetes" / "diabetes.csv")
    Xd, yd = diab.table[:, :10], diab.table[:, 10]
    out = {
        "versions": versions(sklearn),
        "seeds": SEEDS,
        "trees": TREES,
        "sha256": {"wine": wine.sha256, "diabetes": diab.sha256},
        "rf_wine": study(lambda s: RandomForestClassifier(
            n_estimators=TREES, oob_score=True, random_state=s),
            Xw, yw, 3, True),
        "et_wine": study(lambda s: ExtraTreesClassifier(
            n_estimators=TREES, random_state=s), Xw, yw, 3, True),
        "rf_diabetes": study(lambda s: RandomForestRegressor(
            n_estimators=TREES, max_features=3, min_samples_leaf=5,
            oob_score=True, random_state=s), Xd, yd, 4, False),
    }
    write_json(OUT, out, indent=1)


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")  # the OOB warning; see the docstring
    main()
