"""Reference values for the rethinking-generalization chapter.

Writes tests/fixtures/rethinking-generalization/torch.json, read only by
tests/rethinking-generalization.test.ts. Run by hand with Debian's
Python (python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/rethinking_generalization.py

The construction of Theorem 1 (Zhang et al., 2017) on 30 random points
in 5 dimensions with random labels 0..9, as reals (k = 1) and one-hot
(k = 10), along a direction a drawn here:

1. numpy: the projections z = X a, sorted; the thresholds b by the
   chapter's rule (b_1 = z_(1) - (z_(2) - z_(1)), then midpoints); the
   matrix A_ij = max(z_(i) - b_j, 0) built in full and the output
   weights W solved by np.linalg.solve (LU with pivoting: not the
   chapter's forward substitution).
2. torch: the same network as nn.Sequential(nn.Linear(5, 30), nn.ReLU(),
   nn.Linear(30, k, bias=False)), first layer's rows all a and biases
   -b, second layer's weight W^T; its outputs at the 30 training points
   and at 10 new points drawn here.
"""

import numpy as np
import torch
from torch import nn

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "rethinking-generalization" / \
    "torch.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(17)

n, d = 30, 5
X = rng.normal(size=(n, d))
labels = rng.integers(0, 10, size=n)
a = rng.normal(size=d)
X_new = rng.normal(size=(10, d))


def construct(Y):
    z = X @ a
    order = np.argsort(z)
    s = z[order]
    b = np.empty(n)
    b[0] = s[0] - (s[1] - s[0])
    b[1:] = (s[:-1] + s[1:]) / 2
    A = np.maximum(s[:, None] - b[None, :], 0.0)
    W = np.linalg.solve(A, Y[order])
    net = nn.Sequential(nn.Linear(d, n), nn.ReLU(),
                        nn.Linear(n, Y.shape[1], bias=False))
    with torch.no_grad():
        net[0].weight.copy_(torch.tensor(np.tile(a, (n, 1))))
        net[0].bias.copy_(torch.tensor(-b))
        net[2].weight.copy_(torch.tensor(W.T))
        out = net(torch.tensor(X)).numpy()
        out_new = net(torch.tensor(X_new)).numpy()
    return {"k": int(Y.shape[1]), "Y": as_list(Y), "b": as_list(b),
            "W": as_list(W), "out": as_list(out),
            "outNew": as_list(out_new)}


Y_real = labels[:, None].astype(float)
Y_hot = np.eye(10)[labels]
write_json(OUT, {
    "versions": versions(torch),
    "n": n, "d": d, "X": as_list(X), "labels": [int(v) for v in labels],
    "a": as_list(a), "XNew": as_list(X_new),
    "real": construct(Y_real), "oneHot": construct(Y_hot),
}, indent=1)
