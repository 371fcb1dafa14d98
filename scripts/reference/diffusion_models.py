"""Reference values for the diffusion-models chapter.

Writes tests/fixtures/diffusion-models/torch.json, read only by
tests/diffusion-models.test.ts. Run with Debian's Python
(python3-torch 1.13.1), everything in float64, one thread:

    /usr/bin/python3 scripts/reference/diffusion_models.py

Four parts, each computed the way a PyTorch diffusion code base does
(improved-diffusion's gaussian_diffusion.py conventions, written out
here in torch so that no extra package is needed):

1. Schedules: Ho et al.'s linear betas and Nichol and Dhariwal's cosine
   betas (clipped at 0.999), alphas_cumprod by torch.cumprod, for T = 10.
2. q(x_t | x_0) and posterior q(x_{t-1} | x_t, x_0) coefficients:
   sqrt(alphas_cumprod), sqrt(1 - alphas_cumprod), posterior_mean_coef1,
   posterior_mean_coef2 and posterior_variance for every t.
3. The epsilon loss (mean squared error over all entries) of a fixed
   tiny time-conditioned MLP and its gradients with respect to every
   parameter, by autograd.
4. The guidance gradient: d/dx of sum_i log softmax(f(x_i, t))[y_i] for
   a fixed tiny classifier, by autograd.
"""

import math

import numpy as np
import torch

from common import ROOT, as_list, versions, write_json

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(50)


def linear_betas(T, b1=1e-4, bT=0.02):
    return torch.linspace(b1, bT, T)


def cosine_betas(T, s=0.008, max_beta=0.999):
    f = lambda t: math.cos((t / T + s) / (1 + s) * math.pi / 2) ** 2
    return torch.tensor([min(1 - f(t) / f(t - 1), max_beta)
                         for t in range(1, T + 1)])


def coefficients(betas):
    alphas = 1 - betas
    ab = torch.cumprod(alphas, 0)
    ab_prev = torch.cat([torch.ones(1), ab[:-1]])
    return {
        "beta": as_list(betas),
        "alphaBar": as_list(ab),
        "sqrtAlphaBar": as_list(torch.sqrt(ab)),
        "sqrtOneMinusAlphaBar": as_list(torch.sqrt(1 - ab)),
        "c0": as_list(betas * torch.sqrt(ab_prev) / (1 - ab)),
        "ct": as_list((1 - ab_prev) * torch.sqrt(alphas) / (1 - ab)),
        "variance": as_list(betas * (1 - ab_prev) / (1 - ab)),
    }


def embedding(t, e):
    h = e // 2
    w = torch.pow(torch.tensor(10000.0), -torch.arange(h) / h)
    a = t.double()[:, None] * w[None, :]
    return torch.cat([torch.sin(a), torch.cos(a)], 1)


def tiny_net(d, e, hidden, out):
    """Wx [d, h], Wt [e, h], b [h], then Linear h -> out (book layout)."""
    p = {
        "Wx": torch.tensor(0.5 * rng.standard_normal((d, hidden)),
                           requires_grad=True),
        "Wt": torch.tensor(0.5 * rng.standard_normal((e, hidden)),
                           requires_grad=True),
        "b": torch.tensor(0.1 * rng.standard_normal(hidden),
                          requires_grad=True),
        "W2": torch.tensor(0.5 * rng.standard_normal((hidden, out)),
                           requires_grad=True),
        "b2": torch.tensor(0.1 * rng.standard_normal(out),
                           requires_grad=True),
    }
    return p


def forward(p, x, t, e):
    h = torch.relu(x @ p["Wx"] + embedding(t, e) @ p["Wt"] + p["b"])
    return h @ p["W2"] + p["b2"]


def as_dict(p):
    return {k: as_list(v.detach()) for k, v in p.items()}


T = 10
betas_lin = linear_betas(T)
betas_cos = cosine_betas(T)

# 3. the epsilon loss and its gradients
d, e, hidden = 3, 4, 5
p = tiny_net(d, e, hidden, d)
x0 = torch.tensor(rng.standard_normal((4, d)))
eps = torch.tensor(rng.standard_normal((4, d)))
t = torch.tensor([1, 4, 7, 10])
ab = torch.cumprod(1 - betas_cos, 0)[t - 1][:, None]
xt = torch.sqrt(ab) * x0 + torch.sqrt(1 - ab) * eps
loss = ((eps - forward(p, xt, t, e)) ** 2).mean()
loss.backward()
eps_part = {
    "d": d, "e": e, "hidden": hidden, "T": T, "schedule": "cosine",
    "params": as_dict(p), "x0": as_list(x0), "eps": as_list(eps),
    "t": [int(v) for v in t], "loss": float(loss),
    "grads": {k: as_list(v.grad) for k, v in p.items()},
}

# 4. the guidance gradient
c = 3
q = tiny_net(d, e, hidden, c)
x = torch.tensor(rng.standard_normal((4, d)), requires_grad=True)
y = torch.tensor([0, 2, 1, 2])
tg = 6
logp = torch.log_softmax(forward(q, x, torch.full((4,), tg), e), 1)
logp[torch.arange(4), y].sum().backward()
guide_part = {
    "c": c, "params": as_dict(q), "x": as_list(x.detach()),
    "y": [int(v) for v in y], "t": tg, "logp": as_list(logp.detach()),
    "grad": as_list(x.grad),
}

write_json(ROOT / "tests/fixtures/diffusion-models/torch.json", {
    "versions": versions(torch),
    "T": T,
    "linear": coefficients(betas_lin),
    "cosine": coefficients(betas_cos),
    "epsLoss": eps_part,
    "guidance": guide_part,
}, indent=1)
