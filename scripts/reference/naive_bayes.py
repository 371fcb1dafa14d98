"""Reference values for the naive Bayes chapter.

Runs scikit-learn's GaussianNB, MultinomialNB and BernoulliNB on the
iris file of data/iris, on the word sample of data/words (character
n-gram counts from CountVectorizer(analyzer="char_wb")) and on small
data made here (stored in the fixture, so the tests use exactly the
same numbers), and writes tests/fixtures/naive-bayes/sklearn.json. The
tests and the chapter read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/naive_bayes.py

Run it with Debian's Python (python3-sklearn, python3-numpy), not the
python3 first on PATH.

What is recorded, and why:
- iris: GaussianNB on all 150 flowers and four features, for
  var_smoothing 1e-9 (the default), 1e-2 and 1, and with fixed priors:
  class counts and priors, theta_, var_, epsilon_, and for every flower
  predict_log_proba and (for the default and for 1) the joint
  log-likelihood (predict_joint_log_proba, the J of the chapter; like
  predict, it binarizes a BernoulliNB's input first).
- words: the train/test split of the chapter (word i of each language
  is a test word when i % 4 == 3), the vocabulary of n-grams n = 1..3
  (its size and the SHA-256 of its terms joined by newlines), the
  class totals of the count matrix, and for MultinomialNB (alpha 1 and
  0.1) and BernoulliNB (alpha 1): class_log_prior_, feature_count_ and
  feature_log_prob_ of every 100th column (j % 100 == 0), and the joint
  log-likelihoods and predict_log_proba of every 25th test word. The
  full arrays would make a file of megabytes; every test word's J
  involves all the columns its n-grams touch, and per class the sums
  of feature_log_prob_ over all columns and of the joint
  log-likelihoods and log-probabilities over all 1250 test words are
  recorded too (all terms of one sign: no cancellation).
- small: a 24 x 5 count matrix and labels drawn here, with every
  option of the chapter's code: alpha 0.5, fit_prior=False,
  class_prior, binarize=1; all arrays in full.
"""

import hashlib

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import BernoulliNB, GaussianNB, MultinomialNB

from common import ROOT, as_list, load_csv, sha256_file, versions, write_json

IRIS = ROOT / "data" / "iris" / "iris.csv"
WORDS = ROOT / "data" / "words"
LANGUAGES = ["english", "french", "german", "spanish", "italian"]
OUT = ROOT / "tests" / "fixtures" / "naive-bayes" / "sklearn.json"
COLUMN_STEP = 100
TEST_STEP = 25


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def gaussian(X, y, jll=True, **kw):
    m = GaussianNB(**kw).fit(X, y)
    out = {
        "options": {k: (list(v) if isinstance(v, (list, tuple)) else v)
                    for k, v in kw.items()},
        "class_count": as_list(m.class_count_),
        "class_prior": as_list(m.class_prior_),
        "theta": as_list(m.theta_),
        "var": as_list(m.var_),
        "epsilon": float(m.epsilon_),
        "log_proba": as_list(m.predict_log_proba(X)),
    }
    if jll:
        out["jll"] = as_list(m.predict_joint_log_proba(X))
    return out


def iris():
    csv = load_csv(IRIS)
    X, y = csv.table[:, :4], csv.table[:, 4].astype(int)
    return {
        "sha256": csv.sha256,
        "fits": [
            gaussian(X, y),
            gaussian(X, y, jll=False, var_smoothing=1e-2),
            gaussian(X, y, var_smoothing=1.0),
            gaussian(X, y, jll=False, priors=[0.5, 0.3, 0.2]),
        ],
    }


def text_model(model, X, Xt, cols, rows):
    flp = model.feature_log_prob_
    return {
        "class_log_prior": as_list(model.class_log_prior_),
        "feature_count": as_list(model.feature_count_[:, cols]),
        "feature_log_prob": as_list(flp[:, cols]),
        "jll": as_list(model.predict_joint_log_proba(Xt[rows])),
        "log_proba": as_list(model.predict_log_proba(Xt[rows])),
        "feature_log_prob_sum": as_list(flp.sum(axis=1)),
        "jll_sum": as_list(model.predict_joint_log_proba(Xt).sum(axis=0)),
        "log_proba_sum": as_list(model.predict_log_proba(Xt).sum(axis=0)),
        "accuracy": float((model.predict(Xt) == model._y_test).mean()),
    }


def words():
    W, y, files = [], [], {}
    for c, lang in enumerate(LANGUAGES):
        path = WORDS / f"{lang}.txt"
        files[lang] = sha256_file(path)
        ws = path.read_text(encoding="utf-8").split("\n")[:-1]
        W += ws
        y += [c] * len(ws)
    W, y = np.array(W, dtype=object), np.array(y)
    position = np.concatenate([np.arange((y == c).sum())
                               for c in range(len(LANGUAGES))])
    test = position % 4 == 3
    cv = CountVectorizer(analyzer="char_wb", ngram_range=(1, 3),
                         lowercase=False)
    X = cv.fit_transform(W[~test])
    Xt = cv.transform(W[test])
    terms = cv.get_feature_names_out()
    cols = np.arange(0, len(terms), COLUMN_STEP)
    rows = np.arange(0, Xt.shape[0], TEST_STEP)
    out = {
        "files": files,
        "n_train": int(X.shape[0]),
        "n_test": int(Xt.shape[0]),
        "n_features": int(len(terms)),
        "terms_sha256": hashlib.sha256(
            "\n".join(terms).encode("utf-8")).hexdigest(),
        "first_terms": [str(t) for t in terms[:10]],
        "nnz_train": int(X.nnz),
        "count_total_train": float(X.sum()),
        "column_step": COLUMN_STEP,
        "test_step": TEST_STEP,
        "models": {},
    }
    fits = {
        "multinomial_alpha_1": MultinomialNB(alpha=1.0),
        "multinomial_alpha_0.1": MultinomialNB(alpha=0.1),
        "bernoulli_alpha_1": BernoulliNB(alpha=1.0),
    }
    for name, model in fits.items():
        model.fit(X, y[~test])
        model._y_test = y[test]
        out["models"][name] = text_model(model, X, Xt, cols, rows)
    return out


def small():
    rng = np.random.default_rng(20261207)
    y = np.repeat([0, 1, 2], 8)
    rates = np.array([[3, 1, 0.2, 2, 1], [0.5, 2, 3, 1, 0.1],
                      [1, 1, 1, 4, 2]])
    X = rng.poisson(rates[y]).astype(float)
    X[y == 0, 4] = 0  # a feature never seen in class 0
    Q = rng.poisson([1.5, 1.5, 1.5, 1.5, 1.5], size=(6, 5)).astype(float)
    Q[0, 4] = 3  # a query with that feature
    out = {"X": as_list(X), "y": ints(y), "Q": as_list(Q), "d": 5,
           "multinomial": [], "bernoulli": []}
    for kw in [dict(alpha=0.5), dict(alpha=1.0, fit_prior=False),
               dict(alpha=2.0, class_prior=[0.2, 0.3, 0.5])]:
        m = MultinomialNB(**kw).fit(X, y)
        out["multinomial"].append({
            "options": kw,
            "class_count": as_list(m.class_count_),
            "class_log_prior": as_list(m.class_log_prior_),
            "feature_count": as_list(m.feature_count_),
            "feature_log_prob": as_list(m.feature_log_prob_),
            "jll": as_list(m.predict_joint_log_proba(Q)),
            "log_proba": as_list(m.predict_log_proba(Q)),
        })
    for kw in [dict(alpha=1.0), dict(alpha=0.5, binarize=1.0),
               dict(alpha=1.0, fit_prior=False)]:
        m = BernoulliNB(**kw).fit(X, y)
        out["bernoulli"].append({
            "options": kw,
            "class_log_prior": as_list(m.class_log_prior_),
            "feature_count": as_list(m.feature_count_),
            "feature_log_prob": as_list(m.feature_log_prob_),
            "jll": as_list(m.predict_joint_log_proba(Q)),
            "log_proba": as_list(m.predict_log_proba(Q)),
        })
    # Gaussian: feature 2 is constant within class 1; smoothing lifts it
    G = rng.normal(size=(24, 3))
    G[y == 1, 2] = 0.5
    out["gaussian_X"] = as_list(G)
    out["gaussian"] = [gaussian(G, y), gaussian(G, y, var_smoothing=0.1)]
    return out


def main():
    write_json(OUT, {
        "versions": versions(sklearn),
        "iris": iris(),
        "words": words(),
        "small": small(),
    }, indent=1)


if __name__ == "__main__":
    main()
