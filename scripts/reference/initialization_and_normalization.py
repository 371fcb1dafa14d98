"""Reference values for the initialization-and-normalization chapter.

Writes tests/fixtures/initialization-and-normalization/torch.json, read
only by tests/initialization-and-normalization.test.ts. Run by hand with
Debian's Python (python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/initialization_and_normalization.py

Four parts:

1. linear_default: nn.Linear's default weight bound, computed by torch's
   own functions (calculate_gain('leaky_relu', sqrt(5)) * sqrt(3/fan_in),
   kaiming_uniform_'s formula), and the largest |w| and the variance of
   a freshly made nn.Linear(fan_in, 300), for three fan_in.
2. batchnorm: nn.BatchNorm1d(d) (eps 1e-5, momentum 0.1) on three
   batches in training mode, with gamma and beta drawn here. For the
   first batch: the output, and the gradients of sum(out * G) with
   respect to the input, gamma and beta (G drawn here). After each
   batch: running_mean and running_var. Then the eval-mode output on a
   fourth batch.
3. layernorm: nn.LayerNorm(d) (eps 1e-5) with gamma and beta drawn here:
   output and the gradients of sum(out * G).
4. dropout: F.dropout(x, p=0.3, training=True) under a fixed torch seed;
   the mask (out != 0, x has no zeros) is written to the fixture with
   the output and the gradient of sum(out * G); and F.dropout with
   training=False (the identity).
"""

import math

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "initialization-and-normalization" / \
    "torch.json"
torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(38)


def t(a, grad=False):
    return torch.tensor(np.asarray(a), requires_grad=grad)


def linear_default():
    torch.manual_seed(0)
    out = []
    for fan_in in [16, 100, 784]:
        gain = torch.nn.init.calculate_gain("leaky_relu", math.sqrt(5))
        bound = gain * math.sqrt(3 / fan_in)
        w = torch.nn.Linear(fan_in, 300).weight.detach().numpy()
        out.append({"fanIn": fan_in, "gain": gain, "bound": bound,
                    "maxAbs": float(np.abs(w).max()),
                    "var": float(w.var()), "count": int(w.size)})
    return out


def affine(d):
    return rng.normal(1, 0.3, size=d), rng.normal(0, 0.3, size=d)


def batchnorm():
    n, d = 8, 5
    gamma, beta = affine(d)
    bn = torch.nn.BatchNorm1d(d)  # eps 1e-5, momentum 0.1
    with torch.no_grad():
        bn.weight.copy_(t(gamma))
        bn.bias.copy_(t(beta))
    batches = [rng.normal(2, 3, size=(n, d)) for _ in range(3)]
    G = rng.normal(size=(n, d))
    bn.train()
    x = t(batches[0], grad=True)
    y = bn(x)
    (y * t(G)).sum().backward()
    first = {"out": as_list(y.detach().numpy()),
             "dx": as_list(x.grad.numpy()),
             "dgamma": as_list(bn.weight.grad.numpy()),
             "dbeta": as_list(bn.bias.grad.numpy())}
    running = [{"mean": as_list(bn.running_mean.numpy()),
                "var": as_list(bn.running_var.numpy())}]
    with torch.no_grad():
        for b in batches[1:]:
            bn(t(b))
            running.append({"mean": as_list(bn.running_mean.numpy()),
                            "var": as_list(bn.running_var.numpy())})
    bn.eval()
    x_eval = rng.normal(2, 3, size=(4, d))
    with torch.no_grad():
        out_eval = bn(t(x_eval))
    return {"n": n, "d": d, "eps": bn.eps, "momentum": bn.momentum,
            "gamma": as_list(gamma), "beta": as_list(beta),
            "batches": [as_list(b) for b in batches], "G": as_list(G),
            **first, "running": running,
            "xEval": as_list(x_eval), "outEval": as_list(out_eval.numpy())}


def layernorm():
    n, d = 4, 6
    gamma, beta = affine(d)
    ln = torch.nn.LayerNorm(d)  # eps 1e-5
    with torch.no_grad():
        ln.weight.copy_(t(gamma))
        ln.bias.copy_(t(beta))
    X = rng.normal(-1, 2, size=(n, d))
    G = rng.normal(size=(n, d))
    x = t(X, grad=True)
    y = ln(x)
    (y * t(G)).sum().backward()
    return {"n": n, "d": d, "eps": ln.eps, "gamma": as_list(gamma),
            "beta": as_list(beta), "x": as_list(X), "G": as_list(G),
            "out": as_list(y.detach().numpy()),
            "dx": as_list(x.grad.numpy()),
            "dgamma": as_list(ln.weight.grad.numpy()),
            "dbeta": as_list(ln.bias.grad.numpy())}


def dropout():
    n, d, p = 6, 5, 0.3
    X = rng.uniform(0.5, 2, size=(n, d)) * rng.choice([-1, 1], size=(n, d))
    G = rng.normal(size=(n, d))
    torch.manual_seed(7)
    x = t(X, grad=True)
    y = F.dropout(x, p=p, training=True)
    (y * t(G)).sum().backward()
    mask = (y.detach().numpy() != 0).astype(float)
    y_eval = F.dropout(t(X), p=p, training=False)
    return {"n": n, "d": d, "p": p, "x": as_list(X), "G": as_list(G),
            "mask": as_list(mask), "out": as_list(y.detach().numpy()),
            "dx": as_list(x.grad.numpy()),
            "outEval": as_list(y_eval.numpy())}


write_json(OUT, {
    "versions": versions(torch),
    "linearDefault": linear_default(),
    "batchnorm": batchnorm(),
    "layernorm": layernorm(),
    "dropout": dropout(),
}, indent=1)
