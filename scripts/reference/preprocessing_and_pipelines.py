"""Reference values for the preprocessing-and-pipelines chapter.

Runs scikit-learn's StandardScaler, MinMaxScaler, RobustScaler,
SimpleImputer, OneHotEncoder, OrdinalEncoder, ColumnTransformer,
Pipeline, StratifiedKFold and GridSearchCV on the Palmer penguins in
data/penguins/penguins.csv and writes
tests/fixtures/preprocessing-and-pipelines/sklearn.json. The tests and
the chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/preprocessing_and_pipelines.py

Run it with Debian's Python (python3-sklearn, python3-pandas), not the
python3 first on PATH. It imports the helpers shared by all the
reference scripts from common.py, next to it.

Conventions, the same as the chapter's code:
- y is the species, 0 = Adelie, 1 = Chinstrap, 2 = Gentoo (sorted).
- "Training rows" are the training rows of the first of the five
  unshuffled StratifiedKFold folds; transformers are fitted on them and
  applied to the rows listed in "rows" (that fold's test rows and every
  row with a missing value), so that gaps and held-out rows are both
  covered.
- The model is the multinomial LogisticRegression with solver
  newton-cg at a tight tolerance: it minimizes
  C * sum_i loss_i + ||W||^2 / 2, the chapter's
  sum_i loss_i + (lambda/2) ||W||_F^2 with lambda = 1/C.
- Grid search scores by neg_log_loss; the chapter reports the log-loss
  itself (the same numbers with the sign flipped).
"""

import warnings

import numpy as np
import pandas as pd
import sklearn
import sklearn.base
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    MinMaxScaler,
    OneHotEncoder,
    OrdinalEncoder,
    RobustScaler,
    StandardScaler,
)

from common import ROOT, as_list, sha256_file, versions, write_json

DATA = ROOT / "data" / "penguins" / "penguins.csv"
OUT = ROOT / "tests" / "fixtures" / "preprocessing-and-pipelines" / "sklearn.json"

SPECIES = ["Adelie", "Chinstrap", "Gentoo"]
NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
CATEGORICAL = ["island", "sex"]
K = 5  # folds
SOLVER = "newton-cg"
TOL = 1e-8  # newton-cg stops when max |gradient entry| <= TOL
CS = [0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]
SCALERS = {"minmax": MinMaxScaler, "robust": RobustScaler,
           "standard": StandardScaler}
IMPUTES = ["mean", "median"]


def model(C=1.0):
    return LogisticRegression(C=C, solver=SOLVER, tol=TOL, max_iter=1000)


def preprocess(impute="mean", scale="standard"):
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy=impute)),
        ("scale", SCALERS[scale]()),
    ])
    # The 0/1 missing indicators in a branch of their own, unscaled; new
    # gaps in a column without gaps in training are not flagged (as
    # SimpleImputer(add_indicator=True) does internally).
    indicators = MissingIndicator(error_on_new=False)
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("encode", OneHotEncoder(handle_unknown="ignore",
                                 sparse_output=False)),
    ])
    return ColumnTransformer([("num", numeric, NUMERIC),
                              ("ind", indicators, NUMERIC),
                              ("cat", categorical, CATEGORICAL)])


def objective_gradient(A, y, W, b, lam):
    """Gradient of sum_i loss_i + lam/2 ||W||^2 in (b, W), as one vector."""
    Z = A @ W.T + b
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    R = P - np.eye(W.shape[0])[y]
    return np.concatenate([R.sum(axis=0), (R.T @ A + lam * W).ravel()])


def fold_gradients(pipe, X, y, folds):
    """The norm of the gradient of the chapter's objective at the
    library's solution, on each training fold: how far from the exact
    minimizer newton-cg stopped. GridSearchCV fits the same (clone,
    deterministic) models; it only does not keep them."""
    norms = []
    for train, _ in folds:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # as in the search, recorded
            fitted = sklearn.base.clone(pipe).fit(X.iloc[train], y[train])
        A = fitted.named_steps["preprocess"].transform(X.iloc[train])
        m = fitted.named_steps["model"]
        g = objective_gradient(A, y[train], m.coef_, m.intercept_, 1 / m.C)
        norms.append(float(np.linalg.norm(g)))
    return norms


def matrix(M):
    return [as_list(row) for row in np.asarray(M, dtype=float)]


def short_names(names):
    """num__bill_length_mm -> bill_length_mm: the chapter's names."""
    return [str(n).split("__", 1)[1] for n in names]


def scalers(num, train, rows):
    out = {}
    complete = [i for i in train if not np.isnan(num[i]).any()]
    keep = [i for i in rows if not np.isnan(num[i]).any()]
    for name, cls in SCALERS.items():
        s = cls().fit(num[complete])
        if name == "standard":
            center, scale = s.mean_, s.scale_
        elif name == "minmax":
            center, scale = s.data_min_, s.data_range_
        else:
            center, scale = s.center_, s.scale_
        out[name] = {"center": as_list(center), "scale": as_list(scale),
                     "transformed": matrix(s.transform(num[keep]))}
    out["fit_rows"] = complete
    out["rows"] = keep
    # A constant column is centred, not scaled: scale 1. (MinMaxScaler
    # stores the reciprocal, scale_ = 1/range, with range 0 taken as 1.)
    const = np.array([[2.5, 1.0], [2.5, 2.0], [2.5, 4.0]])
    out["constant"] = {}
    for name, cls in SCALERS.items():
        s = cls().fit(const)
        scale = 1 / s.scale_ if name == "minmax" else s.scale_
        out["constant"][name] = {"scale": as_list(scale)}
    return out


def imputers(df, train, rows):
    num = df[NUMERIC].to_numpy(dtype=float)
    out = {}
    for strategy in ["mean", "median", "most_frequent", "constant"]:
        imp = SimpleImputer(strategy=strategy, add_indicator=True)
        imp.fit(num[train])
        out[strategy] = {
            "statistics": as_list(imp.statistics_),
            "names": [str(n) for n in imp.get_feature_names_out(NUMERIC)],
            "transformed": matrix(imp.transform(num[rows])),
        }
    sex = df[["sex"]].to_numpy(dtype=object)
    for strategy in ["most_frequent", "constant"]:
        imp = SimpleImputer(strategy=strategy).fit(sex[train])
        out["sex_" + strategy] = {
            "statistics": [str(v) for v in imp.statistics_],
            "transformed": [str(v) for v in imp.transform(sex[rows])[:, 0]],
        }
    # Ties: the smallest of the most frequent values.
    tie = np.array([[3.0], [1.0], [3.0], [1.0], [np.nan], [2.0]])
    out["tie"] = {"x": [3, 1, 3, 1, None, 2],
                  "statistic": float(SimpleImputer(
                      strategy="most_frequent").fit(tie).statistics_[0])}
    return out


def encoders(df, train):
    cats = SimpleImputer(strategy="most_frequent").fit(
        df[CATEGORICAL].iloc[train]).transform(df[CATEGORICAL])
    cats = pd.DataFrame(cats, columns=CATEGORICAL)
    onehot = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
    onehot.fit(cats.iloc[train])
    # New data with an island the training rows never showed.
    new = pd.DataFrame({"island": ["Dream", "Anvers", "Biscoe"],
                        "sex": ["male", "female", "female"]})
    dropped = OneHotEncoder(drop="first", sparse_output=False)
    dropped.fit(cats.iloc[train])
    ordinal = OrdinalEncoder(handle_unknown="use_encoded_value",
                             unknown_value=-1).fit(cats.iloc[train])
    # drop="first" with handle_unknown="ignore": allowed, but the library
    # warns when it meets an unknown category (encoded as the dropped one).
    both = OneHotEncoder(drop="first", handle_unknown="ignore",
                         sparse_output=False).fit(cats.iloc[train])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        both.transform(new)
    drop_ignore_warnings = [str(w.message) for w in caught]
    try:
        OneHotEncoder(handle_unknown="error").fit(cats.iloc[train]) \
            .transform(new)
        error = None
    except ValueError as e:
        error = str(e)
    return {
        "categories": [[str(c) for c in cs] for cs in onehot.categories_],
        "names": [str(n) for n in onehot.get_feature_names_out()],
        "new": {c: list(new[c]) for c in CATEGORICAL},
        "onehot_ignore": matrix(onehot.transform(new)),
        "onehot_error_message": error,
        "drop_first_names": [str(n) for n in dropped.get_feature_names_out()],
        "drop_first": matrix(dropped.transform(new.iloc[[0, 2]])),
        "ordinal": matrix(ordinal.transform(new)),
        "drop_first_ignore_warnings": drop_ignore_warnings,
    }


def column_transformers(df, train, rows):
    out = []
    for impute, scale in [("mean", "standard"), ("median", "robust"),
                          ("most_frequent", "minmax")]:
        pre = preprocess(impute, scale).fit(df.iloc[train])
        out.append({
            "impute": impute, "scale": scale,
            "names": short_names(pre.get_feature_names_out()),
            "transformed": matrix(pre.transform(df.iloc[rows])),
        })
    return out


def grid_search(X, y, folds):
    pipe = Pipeline([("preprocess", preprocess()), ("model", model())])
    grid = {
        "model__C": CS,
        "preprocess__num__impute__strategy": IMPUTES,
        "preprocess__num__scale": [cls() for cls in SCALERS.values()],
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # recorded, not printed
        search = GridSearchCV(pipe, grid, cv=folds, scoring="neg_log_loss",
                              refit=True).fit(X, y)
    converged = not any(
        issubclass(w.category, ConvergenceWarning) for w in caught)
    res = search.cv_results_
    names = {cls: name for name, cls in SCALERS.items()}
    params = [{
        "C": float(p["model__C"]),
        "impute": p["preprocess__num__impute__strategy"],
        "scaler": names[type(p["preprocess__num__scale"])],
    } for p in res["params"]]
    best = search.best_estimator_
    grads = [fold_gradients(pipe.set_params(**p), X, y, folds)
             for p in res["params"]]
    return {
        "scoring": "neg_log_loss",
        "grid": {"C": CS, "impute": IMPUTES, "scaler": list(SCALERS)},
        "params": params,
        "split_scores": [
            [float(res[f"split{f}_test_score"][c]) for f in range(K)]
            for c in range(len(params))],
        "mean_test_score": as_list(res["mean_test_score"]),
        "std_test_score": as_list(res["std_test_score"]),
        "rank_test_score": [int(r) for r in res["rank_test_score"]],
        "best_index": int(search.best_index_),
        "best_params": params[search.best_index_],
        "best_score": float(search.best_score_),
        "converged": converged,
        "grad_norms": grads,
        "refit_proba_rows": [0, 3, 200, 300],
        "refit_proba": matrix(best.predict_proba(X.iloc[[0, 3, 200, 300]])),
        "refit_n_iter": int(best.named_steps["model"].n_iter_[0]),
    }


def unseen_island(df, y):
    """Fit without Torgersen, predict the Torgersen penguins."""
    seen = np.flatnonzero(df["island"] != "Torgersen")
    new = np.flatnonzero(df["island"] == "Torgersen")
    pipe = Pipeline([("preprocess", preprocess()), ("model", model())])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # newton-cg at TOL, see above
        pipe.fit(df.iloc[seen], y[seen])
    P = pipe.predict_proba(df.iloc[new])
    return {"rows": [int(i) for i in new],
            "proba": matrix(P),
            "accuracy": float(np.mean(P.argmax(axis=1) == y[new]))}


def main():
    df = pd.read_csv(DATA)  # "NA" becomes NaN
    y = np.array([SPECIES.index(s) for s in df["species"]])
    X = df.drop(columns=["species"])
    folds = list(StratifiedKFold(K).split(X, y))
    train = [int(i) for i in folds[0][0]]
    test = [int(i) for i in folds[0][1]]
    gaps = [int(i) for i in np.flatnonzero(df.isna().any(axis=1))]
    rows = sorted(set(test) | set(gaps))
    num = df[NUMERIC].to_numpy(dtype=float)

    out = {
        "versions": versions(sklearn, pd),
        "sha256": sha256_file(DATA),
        "data": {
            "n": int(len(df)),
            "species_counts": [int(np.sum(y == k)) for k in range(3)],
            "missing": {c: int(df[c].isna().sum()) for c in df.columns},
        },
        "settings": {
            "solver": SOLVER, "tol": TOL, "multi_class": "multinomial",
            "objective": "sum_i -log p_i,y_i + lambda/2 ||W||_F^2, C = 1/lambda",
            "folds": "StratifiedKFold(5), unshuffled",
        },
        "folds": [[int(i) for i in te] for _, te in folds],
        "train": train,
        "rows": rows,
        "scalers": scalers(num, train, rows),
        "imputers": imputers(df, train, rows),
        "encoders": encoders(df, train),
        "column_transformer": column_transformers(df, train, rows),
        "grid_search": grid_search(X, y, folds),
        "unseen_island": unseen_island(X, y),
    }
    write_json(OUT, out, indent=1)
    g = out["grid_search"]
    print("best", g["best_params"], -g["best_score"], "converged",
          g["converged"])
    order = np.argsort(g["mean_test_score"])[::-1]
    for c in order[:4]:
        print(g["params"][c], -g["mean_test_score"][c])
    print("unseen island accuracy", out["unseen_island"]["accuracy"])


if __name__ == "__main__":
    main()
