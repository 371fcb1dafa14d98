"""Reference values for the convolutional-networks chapter.

Writes tests/fixtures/convolutional-networks/torch.json, read only by
tests/convolutional-networks.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/convolutional_networks.py

Five parts:

1. sizes: the output length of F.conv2d along one axis for several
   (n, k, p, s, d), read off the output's shape.
2. conv: F.conv2d(x, w, b, stride, padding, dilation) for four cases
   (several channels; padding, stride and dilation alone and together;
   one non-square kernel); the output and the gradients of
   sum(out * G) with respect to x, w and b (autograd), G drawn here.
3. maxpool: F.max_pool2d on integer-valued x with many ties, windows
   2 (stride 2) and 3 (stride 2, overlapping): output and gradient.
4. avgpool: F.avg_pool2d, windows 2 (stride 2) and 3 (stride 1).
5. batchnorm2d: nn.BatchNorm2d(3) (eps 1e-5, momentum 0.1) on three
   batches in training mode (gamma, beta drawn here): the first
   batch's output and gradients, running stats after each batch, and
   the eval-mode output on a fourth batch.
"""

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "convolutional-networks" / \
    "torch.json"
torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20)


def t(a, grad=False):
    return torch.tensor(np.asarray(a), requires_grad=grad)


def sizes():
    out = []
    for n, k, p, s, d in [(7, 3, 0, 1, 1), (7, 3, 1, 2, 1),
                          (8, 3, 1, 2, 2), (10, 4, 2, 3, 2),
                          (5, 5, 2, 1, 1), (9, 2, 0, 3, 3),
                          (28, 5, 0, 1, 1), (6, 3, 0, 2, 1),
                          (11, 3, 3, 4, 4), (4, 1, 0, 5, 1)]:
        x = torch.zeros(1, 1, n, n)
        w = torch.zeros(1, 1, k, k)
        y = F.conv2d(x, w, stride=s, padding=p, dilation=d)
        out.append({"n": n, "k": k, "p": p, "s": s, "d": d,
                    "out": int(y.shape[-1])})
    return out


def conv():
    cases = []
    for (n, c, h, w_, co, kh, kw, s, p, d) in [
            (2, 3, 7, 6, 4, 3, 3, 1, 0, 1),
            (2, 2, 8, 7, 3, 3, 3, 2, 1, 1),
            (1, 3, 9, 9, 2, 3, 3, 1, 2, 2),
            (2, 2, 10, 8, 3, 2, 3, 3, 1, 2)]:
        X = rng.normal(size=(n, c, h, w_))
        W = rng.normal(size=(co, c, kh, kw))
        B = rng.normal(size=co)
        x, w, b = t(X, True), t(W, True), t(B, True)
        y = F.conv2d(x, w, b, stride=s, padding=p, dilation=d)
        G = rng.normal(size=tuple(y.shape))
        (y * t(G)).sum().backward()
        cases.append({"x": as_list(X.ravel()), "xShape": list(X.shape),
                      "w": as_list(W.ravel()), "wShape": list(W.shape),
                      "b": as_list(B), "stride": s, "padding": p,
                      "dilation": d, "outShape": list(y.shape),
                      "out": as_list(y.detach().numpy().ravel()),
                      "G": as_list(G.ravel()),
                      "dx": as_list(x.grad.numpy().ravel()),
                      "dw": as_list(w.grad.numpy().ravel()),
                      "db": as_list(b.grad.numpy())})
    return cases


def pool(kind):
    cases = []
    for k, s in ([(2, 2), (3, 2)] if kind == "max" else [(2, 2), (3, 1)]):
        if kind == "max":  # values in {0, 1, 2}: many ties in a window
            X = rng.integers(0, 3, size=(2, 2, 7, 7)).astype(float)
        else:
            X = rng.normal(size=(2, 2, 7, 7))
        x = t(X, True)
        f = F.max_pool2d if kind == "max" else F.avg_pool2d
        y = f(x, k, s)
        G = rng.normal(size=tuple(y.shape))
        (y * t(G)).sum().backward()
        cases.append({"k": k, "s": s, "x": as_list(X.ravel()),
                      "xShape": list(X.shape), "outShape": list(y.shape),
                      "out": as_list(y.detach().numpy().ravel()),
                      "G": as_list(G.ravel()),
                      "dx": as_list(x.grad.numpy().ravel())})
    return cases


def batchnorm2d():
    shape = (4, 3, 5, 5)
    gamma, beta = rng.normal(1, 0.3, size=3), rng.normal(0, 0.3, size=3)
    bn = torch.nn.BatchNorm2d(3)  # eps 1e-5, momentum 0.1
    with torch.no_grad():
        bn.weight.copy_(t(gamma))
        bn.bias.copy_(t(beta))
    batches = [rng.normal(2, 3, size=shape) for _ in range(3)]
    G = rng.normal(size=shape)
    bn.train()
    x = t(batches[0], grad=True)
    y = bn(x)
    (y * t(G)).sum().backward()
    first = {"out": as_list(y.detach().numpy().ravel()),
             "dx": as_list(x.grad.numpy().ravel()),
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
    x_eval = rng.normal(2, 3, size=(2, 3, 5, 5))
    with torch.no_grad():
        out_eval = bn(t(x_eval))
    return {"shape": list(shape), "gamma": as_list(gamma),
            "beta": as_list(beta),
            "batches": [as_list(b.ravel()) for b in batches],
            "G": as_list(G.ravel()), **first, "running": running,
            "xEval": as_list(x_eval.ravel()),
            "outEval": as_list(out_eval.numpy().ravel())}


write_json(OUT, {
    "versions": versions(torch),
    "sizes": sizes(),
    "conv": conv(),
    "maxpool": pool("max"),
    "avgpool": pool("avg"),
    "batchnorm2d": batchnorm2d(),
}, indent=1)
