"""Reference values for the multilayer-perceptron chapter.

Writes tests/fixtures/multilayer-perceptron/torch.json, read only by
tests/multilayer-perceptron.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/multilayer_perceptron.py

Two parts:

1. activations: ReLU, Leaky ReLU (slope 0.01), sigmoid, tanh, GELU
   (exact, approximate='none', PyTorch's default) and GELU with
   approximate='tanh', evaluated with their derivatives (autograd) at
   fixed points that avoid the kink of the ReLUs at 0.
2. sgd: a 5-8-6-3 network (Linear, ReLU, Linear, tanh, Linear) with
   weights drawn here and written to the fixture, trained by plain SGD
   (torch.optim.SGD, lr 0.1, no momentum) on 20 fixed minibatches of 4
   rows each, with nn.CrossEntropyLoss (mean over the batch). Records
   the loss of every step (computed before that step's update) and the
   final weights. Weights are stored as [inputs, outputs], the
   transpose of nn.Linear.weight, as the book's Linear layer holds them.
"""

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "multilayer-perceptron" / "torch.json"
torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(36)


def activations():
    x = np.array([-4.0, -2.5, -1.0, -0.3, 0.2, 0.7, 1.5, 3.0, 5.0])
    fns = {
        "relu": F.relu,
        "leakyRelu": lambda t: F.leaky_relu(t, 0.01),
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "gelu": F.gelu,
        "geluTanh": lambda t: F.gelu(t, approximate="tanh"),
    }
    out = {"x": as_list(x)}
    for name, f in fns.items():
        t = torch.tensor(x, requires_grad=True)
        y = f(t)
        y.sum().backward()
        out[name] = {"f": as_list(y.detach().numpy()),
                     "df": as_list(t.grad.numpy())}
    return out


def sgd():
    sizes = [5, 8, 6, 3]
    model = torch.nn.Sequential(
        torch.nn.Linear(5, 8), torch.nn.ReLU(),
        torch.nn.Linear(8, 6), torch.nn.Tanh(),
        torch.nn.Linear(6, 3))
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    init = []
    with torch.no_grad():
        for m, (a, b) in zip(linears, zip(sizes, sizes[1:])):
            W = rng.normal(0, np.sqrt(2 / a), size=(a, b))
            bias = rng.uniform(-0.1, 0.1, size=b)
            m.weight.copy_(torch.tensor(W.T))
            m.bias.copy_(torch.tensor(bias))
            init.append({"W": as_list(W), "b": as_list(bias)})
    X = rng.normal(size=(32, 5))
    y = rng.integers(0, 3, size=32)
    batches = [rng.choice(32, size=4, replace=False) for _ in range(20)]
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for idx in batches:
        opt.zero_grad()
        loss = F.cross_entropy(model(torch.tensor(X[idx])),
                               torch.tensor(y[idx]))
        loss.backward()
        opt.step()
        losses.append(loss.item())
    final = [{"W": as_list(m.weight.detach().numpy().T),
              "b": as_list(m.bias.detach().numpy())} for m in linears]
    return {
        "sizes": sizes, "activations": ["relu", "tanh"], "eta": 0.1,
        "X": as_list(X), "y": [int(v) for v in y],
        "batches": [[int(v) for v in b] for b in batches],
        "init": init, "losses": losses, "final": final,
    }


write_json(OUT, {
    "versions": versions(torch),
    "activations": activations(),
    "sgd": sgd(),
}, indent=1)
