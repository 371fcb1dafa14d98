"""Reference values for the language-models chapter.

Writes tests/fixtures/language-models/reference.json, read only by
tests/language-models.test.ts. Run by hand with Debian's Python
(python3-torch 1.13, which reports itself as 1.13.0a0, and
python3-scipy), everything in float64:

    /usr/bin/python3 scripts/reference/language_models.py

1. BPE: Algorithm 1 of Sennrich, Haddow & Birch (2016), "Learn BPE
   operations", copied from the paper (get_stats, merge_vocab, the loop
   printing best), run (a) on the paper's own dictionary with
   num_merges = 10 and (b) on the first 200 training words of
   data/words/english.txt (word i is a training word when i % 5 != 4),
   each word once, with num_merges = 60. Python's dicts keep insertion
   order and max() returns the first maximal key, so ties go to the pair
   that occurs first: the rule the chapter's trainBpe states.
2. Causal self-attention: torch.nn.MultiheadAttention (one head, no
   biases) with a boolean causal mask, inside the chapter's one-block
   decoder (embeddings, residual, linear head), weights drawn here.
   The chapter's cached and uncached decoders must reproduce its logits.
3. Chi-square quantiles (scipy.stats.chi2.ppf) for the sampler tests.
"""

import collections
import re

import numpy as np
import scipy.stats
import torch

from common import ROOT, as_list, sha256_file, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "language-models" / "reference.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)


# --- Algorithm 1 of Sennrich et al. (2016), as printed -----------------
def get_stats(vocab):
    pairs = collections.defaultdict(int)
    for word, freq in vocab.items():
        symbols = word.split()
        for i in range(len(symbols) - 1):
            pairs[symbols[i], symbols[i + 1]] += freq
    return pairs


def merge_vocab(pair, v_in):
    v_out = {}
    bigram = re.escape(' '.join(pair))
    p = re.compile(r'(?<!\S)' + bigram + r'(?!\S)')
    for word in v_in:
        w_out = p.sub(''.join(pair), word)
        v_out[w_out] = v_in[word]
    return v_out


def learn(vocab, num_merges):
    merges = []
    for i in range(num_merges):
        pairs = get_stats(vocab)
        best = max(pairs, key=pairs.get)
        merges.append([best[0], best[1], pairs[best]])
        vocab = merge_vocab(best, vocab)
    return merges


paper = learn({'l o w </w>': 5, 'l o w e r </w>': 2,
               'n e w e s t </w>': 6, 'w i d e s t </w>': 3}, 10)

words_path = ROOT / "data" / "words" / "english.txt"
words = words_path.read_text(encoding="utf-8").rstrip("\n").split("\n")
train = [w for i, w in enumerate(words) if i % 5 != 4][:200]
english = learn({' '.join(w) + ' </w>': 1 for w in train}, 60)

# --- one causal attention head in the chapter's decoder ---------------
rng = np.random.default_rng(44)
V, D, MAXLEN = 7, 5, 12
ids = [int(i) for i in rng.integers(0, V, size=10)]
w = {name: rng.normal(0, 1 / np.sqrt(D), size=shape) for name, shape in [
    ("E", (V, D)), ("P", (MAXLEN, D)), ("Wq", (D, D)), ("Wk", (D, D)),
    ("Wv", (D, D)), ("Wo", (D, D)), ("W", (D, V))]}
w["b"] = rng.normal(0, 0.1, size=V)
T = len(ids)
mha = torch.nn.MultiheadAttention(D, 1, bias=False, batch_first=True)
with torch.no_grad():
    # torch computes x @ in_proj_weight.T: its rows are our columns.
    mha.in_proj_weight.copy_(torch.tensor(np.concatenate(
        [w["Wq"].T, w["Wk"].T, w["Wv"].T])))
    mha.out_proj.weight.copy_(torch.tensor(w["Wo"].T))
    t = lambda a: torch.tensor(a)
    x = t(w["E"])[ids] + t(w["P"])[:T]
    mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    attn, _ = mha(x[None], x[None], x[None], attn_mask=mask,
                  need_weights=False)
    logits = (x + attn[0]) @ t(w["W"]) + t(w["b"])

write_json(OUT, {
    "versions": versions(torch, scipy),
    "bpe": {
        "paper": {"num_merges": 10, "merges": paper},
        "english": {"file": "data/words/english.txt",
                    "sha256": sha256_file(words_path),
                    "words": len(train), "num_merges": 60,
                    "merges": english},
    },
    "attention": {"V": V, "d": D, "maxLen": MAXLEN, "ids": ids,
                  **{k: as_list(v) for k, v in w.items()},
                  "logits": as_list(logits)},
    "chi2": {"q999": {str(df): float(scipy.stats.chi2.ppf(0.999, df))
                      for df in [1, 2, 3, 4, 5, 9, 27]}},
}, indent=1)
print("paper", [m[:2] for m in paper])
