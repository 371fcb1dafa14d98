"""Reference values for the recurrent-networks chapter.

Writes tests/fixtures/recurrent-networks/torch.json, read only by
tests/recurrent-networks.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/recurrent_networks.py

A 2-layer torch.nn.RNN (tanh, both biases, batch_first=False) with
input size 3 and hidden size 4, on a batch of 2 sequences of 5 steps,
from a nonzero initial state h0 (both layers). Its weights are drawn
here (uniform on +-0.6) and written to the fixture in torch's shapes:
weight_ih_l{k} [hidden, input], weight_hh_l{k} [hidden, hidden],
bias_ih_l{k} and bias_hh_l{k} [hidden]. Written: the input x
[steps, batch, input], h0 [layers, batch, hidden], the outputs
[steps, batch, hidden] (the top layer's h_t), h_n [layers, batch,
hidden], and the gradients of the loss

    L = sum(output * G) + sum(h_n * Gn)

(G and Gn drawn here) with respect to every weight and bias, the input
x and h0.
"""

import numpy as np
import torch

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "recurrent-networks" / "torch.json"
torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(40)

STEPS, BATCH, INPUT, HIDDEN, LAYERS = 5, 2, 3, 4, 2

rnn = torch.nn.RNN(INPUT, HIDDEN, num_layers=LAYERS, nonlinearity="tanh",
                   bias=True, batch_first=False)
weights = {}
with torch.no_grad():
    for name, p in rnn.named_parameters():
        w = rng.uniform(-0.6, 0.6, size=tuple(p.shape))
        p.copy_(torch.tensor(w))
        weights[name] = as_list(w)

X = rng.normal(size=(STEPS, BATCH, INPUT))
H0 = rng.normal(scale=0.5, size=(LAYERS, BATCH, HIDDEN))
G = rng.normal(size=(STEPS, BATCH, HIDDEN))
Gn = rng.normal(size=(LAYERS, BATCH, HIDDEN))

x = torch.tensor(X, requires_grad=True)
h0 = torch.tensor(H0, requires_grad=True)
out, hn = rnn(x, h0)
loss = (out * torch.tensor(G)).sum() + (hn * torch.tensor(Gn)).sum()
loss.backward()

write_json(OUT, {
    "versions": versions(torch),
    "steps": STEPS, "batch": BATCH, "input": INPUT, "hidden": HIDDEN,
    "layers": LAYERS,
    "weights": weights,
    "x": as_list(X), "h0": as_list(H0), "G": as_list(G), "Gn": as_list(Gn),
    "output": as_list(out.detach().numpy()),
    "hn": as_list(hn.detach().numpy()),
    "loss": float(loss.item()),
    "grads": {name: as_list(p.grad.numpy())
              for name, p in rnn.named_parameters()},
    "dx": as_list(x.grad.numpy()),
    "dh0": as_list(h0.grad.numpy()),
}, indent=1)
