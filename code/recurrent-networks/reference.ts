// @unshown: reads the PyTorch fixture's weights into our cells and runs
// the same 2-layer RNN and loss; the comparison is in the chapter's
// tests and its "Against PyTorch" section.
import { Tensor } from '../autodiff/tensor.ts';
import { ElmanCell } from './cell.ts';
import { unrollStack } from './unroll.ts';

/** The fixture's case: sizes, torch-shaped weights, inputs, G, Gn. */
export interface TorchCase {
  steps: number; batch: number; input: number; hidden: number;
  layers: number; weights: Record<string, number[]>;
  x: number[]; h0: number[]; G: number[]; Gn: number[];
}

/** Our outputs, h_n and gradients, flattened in torch's orders. */
export function runTorchCase(c: TorchCase) {
  checkCase(c);
  const { steps: T, batch: n, input: d, hidden: H, layers: L } = c;
  const w = (name: string, shape: number[]) =>
    new Tensor(Float64Array.from(c.weights[name]), shape, true);
  const cells = Array.from({ length: L }, (_, l) => new ElmanCell(
    w(`weight_ih_l${l}`, [H, l === 0 ? d : H]), w(`bias_ih_l${l}`, [H]),
    w(`weight_hh_l${l}`, [H, H]), w(`bias_hh_l${l}`, [H])));
  const xs = Array.from({ length: T }, (_, t) => new Tensor(
    c.x.slice(t * n * d, (t + 1) * n * d), [n, d], true));
  const h0 = Array.from({ length: L }, (_, l) => new Tensor(
    c.h0.slice(l * n * H, (l + 1) * n * H), [n, H], true));
  const r = unrollStack(cells, xs, h0.map((h) => [h]));
  const dot = (a: Tensor, g: number[], at: number) =>
    a.mul(new Tensor(g.slice(at, at + n * H), [n, H])).sum();
  let loss = dot(r.outputs[0], c.G, 0);
  for (let t = 1; t < T; t++) {
    loss = loss.add(dot(r.outputs[t], c.G, t * n * H));
  }
  r.states.forEach((s, l) => {
    loss = loss.add(dot(s[0], c.Gn, l * n * H));
  });
  const value = loss.data[0];
  loss.backward();
  const grads: Record<string, Float64Array> = {};
  cells.forEach((cell, l) => {
    grads[`weight_ih_l${l}`] = cell.Wih.grad as Float64Array;
    grads[`weight_hh_l${l}`] = cell.Whh.grad as Float64Array;
    grads[`bias_ih_l${l}`] = cell.bih.grad as Float64Array;
    grads[`bias_hh_l${l}`] = cell.bhh.grad as Float64Array;
  });
  const flat = (ts: Float64Array[]) => {
    const out: number[] = [];
    for (const a of ts) for (const v of a) out.push(v);
    return Float64Array.from(out);
  };
  return { loss: value, output: flat(r.outputs.map((o) => o.data)),
    hn: flat(r.states.map((s) => s[0].data)), grads,
    dx: flat(xs.map((x) => x.grad as Float64Array)),
    dh0: flat(h0.map((h) => h.grad as Float64Array)) };
}

function checkCase(c: TorchCase): void {
  if (c === null || typeof c !== 'object' || typeof c.weights !== 'object'
    || !Array.isArray(c.x) || !Array.isArray(c.h0) || !Array.isArray(c.G)
    || !Array.isArray(c.Gn)) {
    throw new Error('runTorchCase: expected the fixture torch.json of ' +
      'scripts/reference/recurrent_networks.py');
  }
  const { steps: T, batch: n, input: d, hidden: H, layers: L } = c;
  if (![T, n, d, H, L].every((v) => Number.isInteger(v) && v >= 1)) {
    throw new Error('runTorchCase: the fixture\'s sizes must be ' +
      'integers >= 1');
  }
  for (let l = 0; l < L; l++) {
    for (const k of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) {
      if (!Array.isArray(c.weights[`${k}_l${l}`])) {
        throw new Error(`runTorchCase: the fixture has no ${k}_l${l}`);
      }
    }
  }
  if (c.x.length !== T * n * d || c.h0.length !== L * n * H ||
    c.G.length !== T * n * H || c.Gn.length !== L * n * H) {
    throw new Error('runTorchCase: the fixture\'s arrays do not match ' +
      'its sizes');
  }
}
