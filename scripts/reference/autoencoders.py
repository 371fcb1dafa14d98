"""Reference values for the autoencoders chapter.

Writes tests/fixtures/autoencoders/torch.json, read only by
tests/autoencoders.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64, one thread:

    /usr/bin/python3 scripts/reference/autoencoders.py

A small autoencoder 6 -> 5 -> 2 -> 5 -> 6 (ReLU between hidden layers,
a linear code, a linear output: logits for BCE, the reconstruction for
squared error), its weights drawn here and written to the fixture in
the book's layout (W is [inputs, outputs], a layer is x W + b). On a
batch of n = 4 rows x in [0, 1], the fixture holds, for each case, the
loss and the gradient of every weight and bias:

1. mse: ((out - x)^2).sum() / n, the book's squaredError;
2. bce: F.binary_cross_entropy_with_logits(out, x, reduction='sum') / n,
   the book's bceWithLogits;
3. sparse: bce + lam * h.abs().sum() / n, lam = 0.1 (h the code);
4. denoising: bce of the model run on x with a fixed mask of zeros
   (the mask is in the fixture), the target being the clean x.
"""

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "autoencoders" / "torch.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(21)

SIZES = [6, 5, 2, 5, 6]
N = 4
LAM = 0.1


def draw():
    layers = []
    for a, b in zip(SIZES[:-1], SIZES[1:]):
        layers.append((rng.normal(0, 0.7, size=(a, b)),
                       rng.normal(0, 0.3, size=b)))
    return layers


def forward(params, x):
    """Encoder Linear, ReLU, Linear (code h); decoder Linear, ReLU,
    Linear (out)."""
    (W1, b1), (W2, b2), (W3, b3), (W4, b4) = params
    h = torch.relu(x @ W1 + b1) @ W2 + b2
    out = torch.relu(h @ W3 + b3) @ W4 + b4
    return h, out


def case(layers, x_in, x, kind):
    params = [(torch.tensor(W, requires_grad=True),
               torch.tensor(b, requires_grad=True)) for W, b in layers]
    h, out = forward(params, torch.tensor(x_in))
    target = torch.tensor(x)
    if kind == "mse":
        loss = ((out - target) ** 2).sum() / N
    else:
        loss = F.binary_cross_entropy_with_logits(
            out, target, reduction="sum") / N
        if kind == "sparse":
            loss = loss + LAM * h.abs().sum() / N
    loss.backward()
    return {
        "loss": float(loss),
        "grads": [{"W": as_list(W.grad.numpy()), "b": as_list(b.grad.numpy())}
                  for W, b in params],
        "out": as_list(out.detach().numpy()),
        "code": as_list(h.detach().numpy()),
    }


def main():
    layers = draw()
    x = rng.uniform(0, 1, size=(N, SIZES[0]))
    x[0, :2] = [0.0, 1.0]  # the ends of [0, 1] are allowed targets
    mask = rng.uniform(size=x.shape) < 0.3
    x_noisy = np.where(mask, 0.0, x)
    write_json(OUT, {
        "versions": versions(torch),
        "sizes": SIZES, "n": N, "lambda": LAM,
        "layers": [{"W": as_list(W), "b": as_list(b)} for W, b in layers],
        "x": as_list(x), "xNoisy": as_list(x_noisy),
        "mse": case(layers, x, x, "mse"),
        "bce": case(layers, x, x, "bce"),
        "sparse": case(layers, x, x, "sparse"),
        "denoising": case(layers, x_noisy, x, "bce"),
    }, indent=1)


if __name__ == "__main__":
    main()
