"""Reference values for the residual-networks chapter.

Writes tests/fixtures/residual-networks/torch.json, read only by
tests/residual-networks.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64, one thread:

    /usr/bin/python3 scripts/reference/residual_networks.py

One residual block of the chapter, Eq. (res-block), built from torch's
own modules in training mode (batch statistics):

    y = relu(bn2(lin2(relu(bn1(lin1(x))))) + s(x))

twice: with the identity shortcut s(x) = x (d_in = d_out = 5), and with
a projection followed by batch normalization, s(x) = bn_s(x @ Ws)
(d_in = 5, d_out = 7), as the paper's 1 x 1 projection convolutions are. nn.Linear has a bias,
as the book's Linear layer does; nn.BatchNorm1d has eps 1e-5 and
momentum 0.1. Weights, gamma, beta, the input x and the upstream
gradient G are drawn here. Written: the output, the gradients of
sum(y * G) with respect to x and every parameter (weights in the book's
[in, out] layout, i.e. torch's weight transposed), and the batch norms'
running mean and variance after the step.
"""

import numpy as np
import torch
import torch.nn as nn

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "residual-networks" / "torch.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(52)


def case(n, d_in, d_out, projection):
    x_np = rng.normal(size=(n, d_in))
    g_np = rng.normal(size=(n, d_out))
    w1 = rng.normal(0, np.sqrt(2 / d_in), size=(d_in, d_out))
    b1 = rng.normal(0, 0.1, size=d_out)
    w2 = rng.normal(0, np.sqrt(2 / d_out), size=(d_out, d_out))
    b2 = rng.normal(0, 0.1, size=d_out)
    gamma1 = rng.uniform(0.5, 1.5, size=d_out)
    beta1 = rng.normal(0, 0.2, size=d_out)
    gamma2 = rng.uniform(0.5, 1.5, size=d_out)
    beta2 = rng.normal(0, 0.2, size=d_out)
    ws = rng.normal(0, np.sqrt(1 / d_in), size=(d_in, d_out))
    gamma_s = rng.uniform(0.5, 1.5, size=d_out)
    beta_s = rng.normal(0, 0.2, size=d_out)

    lin1, lin2 = nn.Linear(d_in, d_out), nn.Linear(d_out, d_out)
    bn1, bn2 = nn.BatchNorm1d(d_out), nn.BatchNorm1d(d_out)
    bns = nn.BatchNorm1d(d_out)
    with torch.no_grad():
        lin1.weight.copy_(torch.tensor(w1.T))
        lin1.bias.copy_(torch.tensor(b1))
        lin2.weight.copy_(torch.tensor(w2.T))
        lin2.bias.copy_(torch.tensor(b2))
        bn1.weight.copy_(torch.tensor(gamma1))
        bn1.bias.copy_(torch.tensor(beta1))
        bn2.weight.copy_(torch.tensor(gamma2))
        bn2.bias.copy_(torch.tensor(beta2))
        bns.weight.copy_(torch.tensor(gamma_s))
        bns.bias.copy_(torch.tensor(beta_s))
    for m in (lin1, lin2, bn1, bn2, bns):
        m.train()
    Ws = torch.tensor(ws, requires_grad=True)
    x = torch.tensor(x_np, requires_grad=True)

    f = bn2(lin2(torch.relu(bn1(lin1(x)))))
    s = bns(x @ Ws) if projection else x
    y = torch.relu(f + s)
    (y * torch.tensor(g_np)).sum().backward()

    out = {
        "n": n, "dIn": d_in, "dOut": d_out, "projection": projection,
        "x": as_list(x_np), "G": as_list(g_np),
        "W1": as_list(w1), "b1": as_list(b1),
        "W2": as_list(w2), "b2": as_list(b2),
        "gamma1": as_list(gamma1), "beta1": as_list(beta1),
        "gamma2": as_list(gamma2), "beta2": as_list(beta2),
        "y": as_list(y.detach()),
        "gx": as_list(x.grad),
        "gW1": as_list(lin1.weight.grad.T), "gb1": as_list(lin1.bias.grad),
        "gW2": as_list(lin2.weight.grad.T), "gb2": as_list(lin2.bias.grad),
        "ggamma1": as_list(bn1.weight.grad), "gbeta1": as_list(bn1.bias.grad),
        "ggamma2": as_list(bn2.weight.grad), "gbeta2": as_list(bn2.bias.grad),
        "runningMean1": as_list(bn1.running_mean),
        "runningVar1": as_list(bn1.running_var),
        "runningMean2": as_list(bn2.running_mean),
        "runningVar2": as_list(bn2.running_var),
    }
    if projection:
        out["Ws"] = as_list(ws)
        out["gWs"] = as_list(Ws.grad)
        out["gammaS"] = as_list(gamma_s)
        out["betaS"] = as_list(beta_s)
        out["ggammaS"] = as_list(bns.weight.grad)
        out["gbetaS"] = as_list(bns.bias.grad)
        out["runningMeanS"] = as_list(bns.running_mean)
        out["runningVarS"] = as_list(bns.running_var)
    return out


write_json(OUT, {
    "versions": versions(np, torch),
    "identity": case(8, 5, 5, False),
    "projection": case(8, 5, 7, True),
}, indent=1)
