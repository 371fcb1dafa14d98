"""Reference values for the neural-optimizers chapter.

Writes tests/fixtures/neural-optimizers/torch.json, read only by
tests/neural-optimizers.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64:

    /usr/bin/python3 scripts/reference/neural_optimizers.py

Three parts:

1. optimizers: a 4-6-3 network (Linear, tanh, Linear) with weights drawn
   here and written to the fixture, trained for 50 steps on 50 fixed
   minibatches of 8 rows with nn.CrossEntropyLoss (mean), once per
   optimizer configuration of torch.optim (SGD with momentum, dampening,
   weight decay and Nesterov; Adagrad; RMSprop plain and centered with
   momentum; Adam, Adam with weight_decay (L2), AdamW; Adam with
   amsgrad; Adam with clip_grad_norm_ and CosineAnnealingLR). Records
   the final weights, stored as [inputs, outputs] (the transpose of
   nn.Linear.weight), as the book's Linear layer holds them.
2. schedules: the learning rate of each of 60 steps under StepLR,
   CosineAnnealingLR and SequentialLR(LinearLR, CosineAnnealingLR).
3. clipping: clip_grad_norm_ on three fixed gradients, once above and
   once below max_norm: the returned total norm and the clipped grads.
"""

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "neural-optimizers" / "torch.json"
torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(37)

SIZES = [4, 6, 3]
INIT = []
for a, b in zip(SIZES, SIZES[1:]):
    INIT.append({"W": rng.normal(0, np.sqrt(1 / a), size=(a, b)),
                 "b": rng.uniform(-0.1, 0.1, size=b)})
X = rng.normal(size=(40, 4))
Y = rng.integers(0, 3, size=40)
BATCHES = [rng.choice(40, size=8, replace=False) for _ in range(50)]

CONFIGS = {
    "momentum": (torch.optim.SGD, 0.1, {"momentum": 0.9}),
    "dampened": (torch.optim.SGD, 0.1,
                 {"momentum": 0.9, "dampening": 0.5, "weight_decay": 0.01}),
    "nesterov": (torch.optim.SGD, 0.1, {"momentum": 0.9, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad, 0.1, {}),
    "rmsprop": (torch.optim.RMSprop, 0.01, {}),
    "rmspropCentered": (torch.optim.RMSprop, 0.01,
                        {"centered": True, "momentum": 0.5}),
    "adam": (torch.optim.Adam, 0.01, {}),
    "adamL2": (torch.optim.Adam, 0.01, {"weight_decay": 0.1}),
    "adamw": (torch.optim.AdamW, 0.01, {"weight_decay": 0.1}),
    "amsgrad": (torch.optim.Adam, 0.01, {"amsgrad": True}),
}


def model():
    m = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Tanh(),
                            torch.nn.Linear(6, 3))
    with torch.no_grad():
        for lin, p in zip([m[0], m[2]], INIT):
            lin.weight.copy_(torch.tensor(p["W"].T))
            lin.bias.copy_(torch.tensor(p["b"]))
    return m


def train(cls, lr, kw, clip=None, cosine=None):
    m = model()
    opt = cls(m.parameters(), lr=lr, **kw)
    sched = (torch.optim.lr_scheduler.CosineAnnealingLR(opt, cosine)
             if cosine else None)
    for idx in BATCHES:
        opt.zero_grad()
        loss = F.cross_entropy(m(torch.tensor(X[idx])),
                               torch.tensor(Y[idx]))
        loss.backward()
        if clip:
            torch.nn.utils.clip_grad_norm_(m.parameters(), clip)
        opt.step()
        if sched:
            sched.step()
    return [{"W": as_list(lin.weight.detach().numpy().T),
             "b": as_list(lin.bias.detach().numpy())}
            for lin in [m[0], m[2]]]


def optimizers():
    out = {name: {"lr": lr, "final": train(cls, lr, kw)}
           for name, (cls, lr, kw) in CONFIGS.items()}
    out["adamClipCosine"] = {
        "lr": 0.05, "maxNorm": 0.5, "T": 50,
        "final": train(torch.optim.Adam, 0.05, {}, clip=0.5, cosine=50)}
    return out


def rates(make, steps=60):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=0.1)
    sched = make(opt)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


def schedules():
    S = torch.optim.lr_scheduler
    return {
        "eta": 0.1,
        "step": {"stepSize": 10, "gamma": 0.5,
                 "lr": rates(lambda o: S.StepLR(o, 10, 0.5))},
        "cosine": {"T": 50, "etaMin": 0.01,
                   "lr": rates(lambda o: S.CosineAnnealingLR(o, 50, 0.01))},
        "warmupCosine": {
            "w": 5, "T": 50, "start": 0.1, "etaMin": 0.0,
            "lr": rates(lambda o: S.SequentialLR(o, [
                S.LinearLR(o, start_factor=0.1, total_iters=5),
                S.CosineAnnealingLR(o, 45)], milestones=[5]))},
    }


def clipping():
    shapes = [(3, 2), (2,), (4,)]
    grads = [rng.normal(size=s) for s in shapes]
    out = {"grads": [as_list(g.ravel()) for g in grads],
           "shapes": [list(s) for s in shapes]}
    for name, max_norm in [("above", 1.0), ("below", 100.0)]:
        ps = [torch.nn.Parameter(torch.zeros(s)) for s in shapes]
        for p, g in zip(ps, grads):
            p.grad = torch.tensor(g)
        total = torch.nn.utils.clip_grad_norm_(ps, max_norm)
        out[name] = {"maxNorm": max_norm, "total": float(total),
                     "clipped": [as_list(p.grad.numpy().ravel())
                                 for p in ps]}
    return out


write_json(OUT, {
    "versions": versions(torch),
    "sizes": SIZES,
    "init": [{"W": as_list(p["W"]), "b": as_list(p["b"])} for p in INIT],
    "X": as_list(X), "y": [int(v) for v in Y],
    "batches": [[int(v) for v in b] for b in BATCHES],
    "optimizers": optimizers(),
    "schedules": schedules(),
    "clipping": clipping(),
}, indent=1)
