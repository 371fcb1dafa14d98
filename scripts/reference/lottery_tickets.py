"""Reference values for the lottery-tickets chapter.

Writes tests/fixtures/lottery-tickets/torch.json, read only by
tests/lottery-tickets.test.ts. Run by hand with Debian's Python
(python3-torch 1.13.1), everything in float64, one thread:

    /usr/bin/python3 scripts/reference/lottery_tickets.py

Three parts, all with torch.nn.utils.prune (in torch since 1.4):

1. layer: prune.l1_unstructured(linear, 'weight', amount=0.3) twice on
   a 6 x 5 layer (the second call prunes 30 % of what is left, as IMP
   does; torch's PruningContainer applies it to the kept entries only):
   the weights and both masks.
2. global: prune.global_unstructured over two layers of different scale,
   amount=0.5, L1: the masks (the exercise's global pruning).
3. adam: a 4-3-2 ReLU network, its weights given, masks given by
   prune.custom_from_mask, three Adam steps (lr 0.05) on a fixed batch
   with cross-entropy; torch trains weight_orig and multiplies by the
   mask in the forward pass. The effective weights (weight_orig * mask)
   after each step are what our masked rule must give.
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.utils import prune

from common import ROOT, as_list, versions, write_json

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rng = np.random.default_rng(20190306)


def linear(fan_in, fan_out, scale=1.0):
    m = torch.nn.Linear(fan_in, fan_out)
    with torch.no_grad():
        m.weight.copy_(torch.tensor(
            scale * rng.standard_normal((fan_out, fan_in))))
        m.bias.copy_(torch.tensor(0.1 * rng.standard_normal(fan_out)))
    return m


# torch stores W as [out, in]; the book as [in, out]: transpose.
def book(w):
    return as_list(w.detach().t().contiguous().numpy())


# 1. two rounds of per-layer L1 pruning
lay = linear(5, 6)
w = book(lay.weight)
prune.l1_unstructured(lay, 'weight', amount=0.3)
m1 = book(lay.weight_mask)
prune.l1_unstructured(lay, 'weight', amount=0.3)
m2 = book(lay.weight_mask)

# 2. global L1 pruning over two layers of different scale
a, b = linear(4, 5, 1.0), linear(5, 3, 0.1)
wa, wb = book(a.weight), book(b.weight)
prune.global_unstructured([(a, 'weight'), (b, 'weight')],
                          pruning_method=prune.L1Unstructured, amount=0.5)
ga, gb = book(a.weight_mask), book(b.weight_mask)

# 3. masked Adam
l1, l2 = linear(4, 3, 0.7), linear(3, 2, 0.7)
w0 = [book(l1.weight), as_list(l1.bias.detach().numpy()),
      book(l2.weight), as_list(l2.bias.detach().numpy())]
mask1 = torch.tensor(rng.random((3, 4)) < 0.6, dtype=torch.float64)
mask2 = torch.tensor(rng.random((2, 3)) < 0.6, dtype=torch.float64)
prune.custom_from_mask(l1, 'weight', mask1)
prune.custom_from_mask(l2, 'weight', mask2)
x = torch.tensor(rng.standard_normal((5, 4)))
y = torch.tensor([0, 1, 1, 0, 1])
params = [l1.weight_orig, l1.bias, l2.weight_orig, l2.bias]
opt = torch.optim.Adam(params, lr=0.05)
steps = []
for _ in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(l2(F.relu(l1(x))), y)
    loss.backward()
    opt.step()
    # l1.weight is recomputed only by the next forward: read the
    # product itself
    steps.append([book(l1.weight_orig * l1.weight_mask),
                  book(l2.weight_orig * l2.weight_mask)])

write_json(ROOT / 'tests/fixtures/lottery-tickets/torch.json', {
    'versions': versions(torch),
    'layer': {'w': w, 'shape': [5, 6], 'amount': 0.3, 'mask1': m1,
              'mask2': m2},
    'global': {'wa': wa, 'wb': wb, 'shapes': [[4, 5], [5, 3]],
               'amount': 0.5, 'maskA': ga, 'maskB': gb},
    'adam': {'w0': w0, 'mask1': book(mask1), 'mask2': book(mask2),
             'x': as_list(x.numpy()), 'y': y.tolist(), 'lr': 0.05,
             'steps': steps},
}, indent=1)
