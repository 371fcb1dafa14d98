"""Reference values for the attention chapter.

Writes tests/fixtures/attention/torch.json, read only by
tests/attention.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64, one thread:

    /usr/bin/python3 scripts/reference/attention.py

Three cases, every input drawn here from a normal distribution:

- sdpa: scaled dot-product attention softmax(q k^T / sqrt(d) + mask) v
  written with torch ops (torch 1.13 has no public
  F.scaled_dot_product_attention), for q [2, 3, 4], k [2, 5, 4],
  v [2, 5, 3] and a boolean mask [3, 5] (True = blocked, -inf before
  the softmax). The private torch.nn.functional
  ._scaled_dot_product_attention of 1.13 is run too and its largest
  difference from the composed one recorded. Outputs, weights and the
  gradients of loss = sum(out * G) with respect to q, k and v.
- mha_self: torch.nn.MultiheadAttention(E=6, H=2, batch_first=True)
  with every weight and bias drawn here, self-attention on x [2, 4, 6]
  with a causal attn_mask [4, 4] and a key_padding_mask from lengths
  (4, 3). Outputs, head-averaged weights and the gradients of
  loss = sum(out * G) with respect to x and every parameter.
- mha_cross: the same layer's weights, query [2, 3, 6], key and value
  [2, 5, 6] (separate tensors), key_padding_mask from lengths (5, 2),
  no attn_mask; gradients with respect to query, key, value and every
  parameter.
"""

import numpy as np
import torch
import torch.nn.functional as F

from common import ROOT, as_list, versions, write_json

OUT = ROOT / "tests" / "fixtures" / "attention" / "torch.json"
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(42)


def t(a, grad=False):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def sdpa_case():
    q = t(rng.normal(size=(2, 3, 4)), True)
    k = t(rng.normal(size=(2, 5, 4)), True)
    v = t(rng.normal(size=(2, 5, 3)), True)
    mask = np.zeros((3, 5), dtype=bool)
    mask[0, 3:] = True
    mask[1, 0] = True
    mask[2, 1:3] = True
    scores = q @ k.transpose(-2, -1) / np.sqrt(4.0)
    scores = scores.masked_fill(torch.tensor(mask), float("-inf"))
    w = torch.softmax(scores, dim=-1)
    out = w @ v
    G = rng.normal(size=tuple(out.shape))
    (out * t(G)).sum().backward()
    private = None
    if hasattr(F, "_scaled_dot_product_attention"):
        add = torch.zeros(3, 5).masked_fill(torch.tensor(mask),
                                             float("-inf"))
        o2, w2 = F._scaled_dot_product_attention(
            q.detach(), k.detach(), v.detach(), add.expand(2, 3, 5),
            0.0, True, False)
        private = max(float((o2 - out).abs().max()),
                      float((w2 - w).abs().max()))
    return {
        "q": as_list(q.detach()), "k": as_list(k.detach()),
        "v": as_list(v.detach()), "mask": as_list(mask.astype(float)),
        "G": as_list(G), "out": as_list(out.detach()),
        "weights": as_list(w.detach()),
        "dq": as_list(q.grad), "dk": as_list(k.grad),
        "dv": as_list(v.grad), "privateDiff": private,
    }


E, HEADS = 6, 2
mha = torch.nn.MultiheadAttention(E, HEADS, batch_first=True)
with torch.no_grad():
    for p in mha.parameters():
        p.copy_(t(rng.normal(0, 0.5, size=tuple(p.shape))))
STATE = {n: as_list(p.detach()) for n, p in mha.state_dict().items()}


def padding(lengths, T):
    return torch.tensor([[j >= n for j in range(T)] for n in lengths])


def mha_case(query, key, value, lengths, causal):
    mha.zero_grad()
    Tq, Tk = query.shape[1], key.shape[1]
    attn_mask = None
    if causal:
        attn_mask = torch.triu(torch.ones(Tq, Tk, dtype=torch.bool), 1)
    out, w = mha(query, key, value, key_padding_mask=padding(lengths, Tk),
                 attn_mask=attn_mask, need_weights=True,
                 average_attn_weights=True)
    G = rng.normal(size=tuple(out.shape))
    (out * t(G)).sum().backward()
    return {"lengths": list(lengths), "G": as_list(G),
            "out": as_list(out.detach()), "weights": as_list(w.detach()),
            "grads": {n: as_list(p.grad)
                      for n, p in mha.named_parameters()}}


x = t(rng.normal(size=(2, 4, E)), True)
self_case = mha_case(x, x, x, (4, 3), True)
self_case.update({"x": as_list(x.detach()), "dx": as_list(x.grad)})

qc = t(rng.normal(size=(2, 3, E)), True)
kc = t(rng.normal(size=(2, 5, E)), True)
vc = t(rng.normal(size=(2, 5, E)), True)
cross = mha_case(qc, kc, vc, (5, 2), False)
cross.update({"query": as_list(qc.detach()), "key": as_list(kc.detach()),
              "value": as_list(vc.detach()), "dquery": as_list(qc.grad),
              "dkey": as_list(kc.grad), "dvalue": as_list(vc.grad)})

write_json(OUT, {
    "versions": versions(torch),
    "sdpa": sdpa_case(),
    "mha": {"embed": E, "heads": HEADS, "state": STATE,
            "self": self_case, "cross": cross},
}, indent=1)
