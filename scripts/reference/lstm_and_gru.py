"""Reference values for the lstm-and-gru chapter.

Writes tests/fixtures/lstm-and-gru/torch.json, read only by
tests/lstm-and-gru.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/lstm_and_gru.py

For each of torch.nn.LSTM and torch.nn.GRU (2 layers, input size 3,
hidden size 4, sequence-first): every weight and bias drawn here from a
normal distribution (not torch's initialization) and written to the
fixture in torch's own layout and gate order (LSTM i, f, g, o; GRU
r, z, n); a batch of 3 sequences of length 5 and nonzero initial states.
Then the outputs (the top layer's h at every step), the final states
(h, and c for the LSTM), and the gradients of

    loss = sum(out * G) + sum(h_n * Gh) [+ sum(c_n * Gc)]

(G, Gh, Gc drawn here) with respect to every weight and bias, the input
and the initial states.
"""

import numpy as np
import torch

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "lstm-and-gru" / "torch.json"
torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20)
T, B, D, H, LAYERS = 5, 3, 3, 4, 2


def t(a, grad=False):
    return torch.tensor(np.asarray(a), requires_grad=grad)


def run(kind):
    cls = torch.nn.LSTM if kind == "lstm" else torch.nn.GRU
    net = cls(D, H, num_layers=LAYERS)
    names = [n for n, _ in net.named_parameters()]
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(t(rng.normal(0, 0.5, size=tuple(p.shape))))
    x = t(rng.normal(size=(T, B, D)), grad=True)
    h0 = t(rng.normal(0, 0.5, size=(LAYERS, B, H)), grad=True)
    states = [h0]
    if kind == "lstm":
        c0 = t(rng.normal(0, 0.5, size=(LAYERS, B, H)), grad=True)
        states.append(c0)
        out, (hn, cn) = net(x, (h0, c0))
        finals = [hn, cn]
    else:
        out, hn = net(x, h0)
        finals = [hn]
    G = rng.normal(size=tuple(out.shape))
    loss = (out * t(G)).sum()
    Gs = []
    for f in finals:
        g = rng.normal(size=tuple(f.shape))
        Gs.append(as_list(g))
        loss = loss + (f * t(g)).sum()
    loss.backward()
    params = dict(net.named_parameters())
    return {
        "names": names,
        "weights": {n: as_list(params[n].detach().numpy()) for n in names},
        "shapes": {n: list(params[n].shape) for n in names},
        "x": as_list(x.detach().numpy()),
        "states0": [as_list(s.detach().numpy()) for s in states],
        "G": as_list(G),
        "Gfinal": Gs,
        "out": as_list(out.detach().numpy()),
        "final": [as_list(f.detach().numpy()) for f in finals],
        "loss": float(loss),
        "grads": {n: as_list(params[n].grad.numpy()) for n in names},
        "dx": as_list(x.grad.numpy()),
        "dstates0": [as_list(s.grad.numpy()) for s in states],
    }


write_json(OUT, {
    "versions": versions(torch),
    "sizes": {"T": T, "B": B, "D": D, "H": H, "layers": LAYERS},
    "lstm": run("lstm"),
    "gru": run("gru"),
}, indent=1)
