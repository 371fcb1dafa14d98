"""Reference values for the transformers chapter.

Writes tests/fixtures/transformers/torch.json, read only by
tests/transformers.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64 on one thread:

    /usr/bin/python3 scripts/reference/transformers.py

Three cases, every weight drawn here from a normal distribution (not
torch's initialization) and written in torch's own layout and names:

- encoder: torch.nn.TransformerEncoderLayer (batch_first=True,
  activation='gelu', dropout=0), once with norm_first=False (the paper's
  post-LN block) and once with norm_first=True (pre-LN), on a batch
  x [B, T, E] with a causal mask. Output y and the gradients of
  loss = sum(y * G) (G drawn here) for x and every parameter.
- decoder_only: a whole tiny decoder-only model made of torch modules:
  token embedding, learned positions [C, E], LAYERS pre-LN encoder
  layers with the causal mask, a final LayerNorm and a Linear head.
  Logits for a batch of token ids, the mean cross-entropy against
  targets, and its gradient for every parameter.
- decoder_layer: torch.nn.TransformerDecoderLayer (the same options,
  both norm_first) on tgt [B, Tt, E] with a causal mask and memory
  [B, Ts, E] (cross-attention): output and gradients of sum(y * G) for
  tgt, memory and every parameter.
"""

import numpy as np
import torch

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "transformers" / "torch.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(21)
B, T, E, HEADS, M = 2, 5, 8, 2, 16
V, C, LAYERS = 7, 6, 2
TS = 4  # source length for cross-attention


def t(a, grad=False):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def causal(n):
    # True above the diagonal: position i may not look at j > i.
    return torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)


def fill(module, scale=0.3):
    with torch.no_grad():
        for name, p in module.named_parameters():
            if name.endswith("norm1.weight") or name.endswith(
                    "norm2.weight") or name.endswith("norm3.weight") \
                    or name == "ln_f.weight":
                p.copy_(t(1 + rng.normal(0, 0.1, size=tuple(p.shape))))
            else:
                p.copy_(t(rng.normal(0, scale, size=tuple(p.shape))))


def state(module):
    named = dict(module.named_parameters())
    return {
        "names": list(named),
        "shapes": {n: list(p.shape) for n, p in named.items()},
        "weights": {n: as_list(p.detach().numpy()) for n, p in named.items()},
    }


def grads(module):
    return {n: as_list(p.grad.numpy()) for n, p in module.named_parameters()}


def encoder(norm_first):
    layer = torch.nn.TransformerEncoderLayer(
        E, HEADS, M, dropout=0.0, activation="gelu", batch_first=True,
        norm_first=norm_first)
    fill(layer)
    x = t(rng.normal(size=(B, T, E)), grad=True)
    y = layer(x, src_mask=causal(T))
    G = rng.normal(size=tuple(y.shape))
    (y * t(G)).sum().backward()
    return {**state(layer), "x": as_list(x.detach().numpy()),
            "G": as_list(G), "y": as_list(y.detach().numpy()),
            "grads": grads(layer), "dx": as_list(x.grad.numpy())}


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = torch.nn.Embedding(V, E)
        self.pos = torch.nn.Parameter(torch.zeros(C, E))
        self.blocks = torch.nn.ModuleList([
            torch.nn.TransformerEncoderLayer(
                E, HEADS, M, dropout=0.0, activation="gelu",
                batch_first=True, norm_first=True)
            for _ in range(LAYERS)])
        self.ln_f = torch.nn.LayerNorm(E)
        self.head = torch.nn.Linear(E, V)

    def forward(self, ids):
        n = ids.shape[1]
        h = self.tok(ids) + self.pos[:n]
        for b in self.blocks:
            h = b(h, src_mask=causal(n))
        return self.head(self.ln_f(h))


def decoder_only():
    model = Tiny()
    fill(model, 0.3)
    ids = rng.integers(0, V, size=(B, T))
    targets = rng.integers(0, V, size=(B, T))
    logits = model(torch.tensor(ids))
    loss = torch.nn.functional.cross_entropy(
        logits.reshape(-1, V), torch.tensor(targets).reshape(-1))
    loss.backward()
    return {**state(model), "ids": ids.ravel().tolist(),
            "targets": targets.ravel().tolist(),
            "logits": as_list(logits.detach().numpy()),
            "loss": float(loss), "grads": grads(model)}


def decoder_layer(norm_first):
    layer = torch.nn.TransformerDecoderLayer(
        E, HEADS, M, dropout=0.0, activation="gelu", batch_first=True,
        norm_first=norm_first)
    fill(layer)
    tgt = t(rng.normal(size=(B, T, E)), grad=True)
    memory = t(rng.normal(size=(B, TS, E)), grad=True)
    y = layer(tgt, memory, tgt_mask=causal(T))
    G = rng.normal(size=tuple(y.shape))
    (y * t(G)).sum().backward()
    return {**state(layer), "tgt": as_list(tgt.detach().numpy()),
            "memory": as_list(memory.detach().numpy()),
            "G": as_list(G), "y": as_list(y.detach().numpy()),
            "grads": grads(layer), "dtgt": as_list(tgt.grad.numpy()),
            "dmemory": as_list(memory.grad.numpy())}


write_json(OUT, {
    "versions": versions(torch),
    "sizes": {"B": B, "T": T, "E": E, "heads": HEADS, "M": M, "V": V,
              "C": C, "layers": LAYERS, "Ts": TS},
    "postLN": encoder(False),
    "preLN": encoder(True),
    "decoderOnly": decoder_only(),
    "decoderPostLN": decoder_layer(False),
    "decoderPreLN": decoder_layer(True),
}, indent=1)
