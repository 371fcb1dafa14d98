"""Reference values for the variational-autoencoders chapter.

Writes tests/fixtures/variational-autoencoders/torch.json, read only by
tests/variational-autoencoders.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64, one thread:

    /usr/bin/python3 scripts/reference/variational_autoencoders.py

A small VAE (d = 6 inputs, one hidden layer of 5 tanh units, k = 2
latent dimensions): encoder Linear(6, 5), tanh, then two heads
Linear(5, 2) for mu and log sigma^2; decoder Linear(2, 5), tanh,
Linear(5, 6) giving Bernoulli logits. Weights drawn here (not torch's
initialization), written in the book's layout (W is [inputs, outputs],
the transpose of torch's weight). A batch of n = 4 rows of pixels in
[0, 1] and a fixed eps [4, 2]. Then

    recon = -BCEWithLogits(logits, x, reduction="sum") / n
    kl    = mean over rows of sum_j KL(N(mu_j, exp(lv_j)) || N(0, 1)),
            torch.distributions' own kl_divergence (not our formula)
    loss  = beta * kl - recon,  beta = 1.5

and the gradient of loss with respect to every weight and bias.
"""

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "variational-autoencoders" / "torch.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(21)
N, D, H, K, BETA = 4, 6, 5, 2, 1.5

layers = {"trunk": (D, H), "mu": (H, K), "logVar": (H, K),
          "dec1": (K, H), "dec2": (H, D)}
W = {name: torch.tensor(rng.normal(0, 0.7, size=(i, o)), requires_grad=True)
     for name, (i, o) in layers.items()}
b = {name: torch.tensor(rng.normal(0, 0.3, size=o), requires_grad=True)
     for name, (i, o) in layers.items()}
x = torch.tensor(rng.uniform(0, 1, size=(N, D)))
x[0, 0], x[1, 1] = 0.0, 1.0  # exact 0 and 1 pixels too
eps = torch.tensor(rng.normal(size=(N, K)))


def lin(name, v):
    return v @ W[name] + b[name]


h = torch.tanh(lin("trunk", x))
mu, lv = lin("mu", h), lin("logVar", h)
z = mu + torch.exp(0.5 * lv) * eps
logits = lin("dec2", torch.tanh(lin("dec1", z)))
recon = -F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / N
q = torch.distributions.Normal(mu, torch.exp(0.5 * lv))
prior = torch.distributions.Normal(torch.zeros_like(mu), torch.ones_like(mu))
kl = torch.distributions.kl_divergence(q, prior).sum(1).mean()
loss = BETA * kl - recon
loss.backward()

write_json(OUT, {
    "versions": versions(torch),
    "sizes": {"n": N, "d": D, "h": H, "k": K}, "beta": BETA,
    "W": {n: as_list(W[n].detach().numpy()) for n in layers},
    "b": {n: as_list(b[n].detach().numpy()) for n in layers},
    "x": as_list(x.numpy()), "eps": as_list(eps.numpy()),
    "mu": as_list(mu.detach().numpy()), "logVar": as_list(lv.detach().numpy()),
    "recon": float(recon), "kl": float(kl), "loss": float(loss),
    "gradW": {n: as_list(W[n].grad.numpy()) for n in layers},
    "gradB": {n: as_list(b[n].grad.numpy()) for n in layers},
}, indent=1)
