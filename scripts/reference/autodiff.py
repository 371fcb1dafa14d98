"""Reference values for the autodiff chapter.

Runs every primitive of the chapter's tensor engine, and the fused
log-softmax and cross-entropy, in PyTorch's autograd on inputs made here
(stored in the fixture, so the tests use exactly the same numbers) and
writes tests/fixtures/autodiff/torch.json. The tests and the chapter
read only that JSON; this script is run by hand:

    /usr/bin/python3 scripts/reference/autodiff.py

Run it with Debian's Python (python3-torch 1.13.1, python3-numpy), not
the python3 first on PATH. Everything is float64 (torch.double).

For each case: the inputs, an upstream gradient w of the output's shape
(random, so that no op is checked against a gradient of ones only), the
output y of the op and the gradients of L = sum(w * y) with respect to
each input. Inputs avoid the points where an op is not differentiable
(relu at 0, ties in max), except in the last two cases, which record
PyTorch's conventions at those points.
"""

import subprocess

import numpy as np
import torch

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "autodiff" / "torch.json"
rng = np.random.default_rng(35)


def t(shape, lo=-2.0, hi=2.0):
    return rng.uniform(lo, hi, size=shape)


def case(op, inputs, **extra):
    """Runs op on the inputs (numpy arrays) and records y, w, grads."""
    ts = [torch.tensor(x, dtype=torch.float64, requires_grad=True)
          for x in inputs]
    y = op(*ts)
    w = torch.tensor(rng.uniform(-1, 1, size=tuple(y.shape)),
                     dtype=torch.float64)
    (w * y).sum().backward()
    return {
        "inputs": [{"shape": list(x.shape), "data": as_list(x)}
                   for x in inputs],
        "w": {"shape": list(w.shape), "data": as_list(w.numpy())},
        "y": {"shape": list(y.shape), "data": as_list(y.detach().numpy())},
        "grads": [as_list(x.grad.numpy()) for x in ts],
        **extra,
    }


rows = [4, 0, 4, 2]  # a repeated row: its gradients must add up
targets = [2, 0, 4, 1]
cases = {
    "add": case(torch.add, [t((3, 4)), t((4,))]),
    "sub": case(torch.sub, [t((2, 3, 1)), t((1, 4))]),
    "mul": case(torch.mul, [t((3, 4)), t((3, 1))]),
    "div": case(torch.div, [t((3, 4)), t((3, 4), 0.5, 2.0)]),
    "neg": case(torch.neg, [t((5,))]),
    "exp": case(torch.exp, [t((3, 4))]),
    "log": case(torch.log, [t((3, 4), 0.1, 3.0)]),
    "relu": case(torch.relu, [t((3, 4))]),
    "tanh": case(torch.tanh, [t((3, 4), -4, 4)]),
    "sigmoid": case(torch.sigmoid, [np.array([-40.0, -3.0, 0.5, 3.0,
                                              40.0])]),
    "sum_all": case(lambda x: x.sum(), [t((3, 4))]),
    "sum_axis": case(lambda x: x.sum(1), [t((2, 3, 4))]),
    "max_all": case(lambda x: x.max(), [t((3, 4))]),
    "max_axis": case(lambda x: x.max(1).values, [t((3, 4))]),
    "mean_axis": case(lambda x: x.mean(0, keepdim=True), [t((3, 4))]),
    "matmul": case(torch.matmul, [t((5, 3)), t((3, 4))]),
    "reshape": case(lambda x: x.reshape(2, 6), [t((3, 4))]),
    "transpose": case(lambda x: x.t(), [t((3, 4))]),
    "gather": case(lambda x: x.index_select(0, torch.tensor(rows)),
                   [t((5, 3))], rows=rows),
    "pick": case(lambda x: x[torch.arange(4), torch.tensor(targets)],
                 [t((4, 5))], targets=targets),
    "log_softmax": case(lambda x: torch.log_softmax(x, 1),
                        [t((4, 5), -5, 5)]),
    "cross_entropy": case(
        lambda x: torch.nn.functional.cross_entropy(
            x, torch.tensor(targets)),
        [t((4, 5), -5, 5)], targets=targets),
    # the two conventions the chapter claims to share with PyTorch:
    # relu'(0) = 0, and a max over an axis sends a tied row's gradient
    # to the first largest entry (the index torch.max(x, 1) returns)
    "relu_at_zero": case(torch.relu, [np.array([-1.0, 0.0, 2.0])]),
    "max_axis_tie": case(lambda x: x.max(1).values,
                         [np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]])]),
}


def debian_torch():
    """Debian's python3-torch reports __version__ 1.13.0a0; its package
    version (1.13.1+dfsg-4 when this was written) says which release."""
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}",
                          "python3-torch"], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


info = versions(torch)
info["python3-torch (Debian)"] = debian_torch()
info["dtype"] = str(torch.get_default_dtype()) + " default; cases float64"
write_json(OUT, {"versions": info, "cases": cases}, indent=1)
