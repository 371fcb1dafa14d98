// A scalar reverse-mode engine: every number remembers where it came
// from, and backward() walks that record in reverse, Eq. (ad-adjoint).
// Forward and backward of each operation sit side by side.

// #region value
/** A number in a computation graph, with the adjoint ∂f/∂(this). */
export class Value {
  readonly data: number;
  grad = 0;
  /** The values this one was computed from, and how it pushes its
   *  adjoint to them; emptied by backward(). */
  inputs: Value[];
  private push: () => void;

  constructor(data: number, inputs: Value[] = [], push = () => {}) {
    if (typeof data !== 'number' || !Number.isFinite(data)) {
      throw new Error(`Value: expected a finite number, got ${data}`);
    }
    this.data = data;
    this.inputs = inputs;
    this.push = push;
  }
  // #endregion

  // #region value-ops
  add(other: Value | number): Value {
    const b = lift('add', other);
    const out = new Value(this.data + b.data, [this, b], () => {
      this.grad += out.grad; // Eq. (ad-vjp-add)
      b.grad += out.grad;
    });
    return out;
  }

  mul(other: Value | number): Value {
    const b = lift('mul', other);
    const out = new Value(this.data * b.data, [this, b], () => {
      this.grad += b.data * out.grad; // Eq. (ad-vjp-mul)
      b.grad += this.data * out.grad;
    });
    return out;
  }

  // #endregion

  // #region value-unary
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], () => {
      this.grad += (1 - t * t) * out.grad; // Eq. (ad-vjp-unary)
    });
    return out;
  }

  exp(): Value {
    const e = Math.exp(this.data);
    if (!Number.isFinite(e)) {
      throw new Error(`exp: overflow at ${this.data}`);
    }
    const out = new Value(e, [this], () => {
      this.grad += e * out.grad;
    });
    return out;
  }
  // #endregion

  // #region value-backward
  /** Adjoints of every value this one depends on, Eq. (ad-adjoint). */
  backward(): void {
    const order = topologicalOrder<Value>(this);
    for (const v of order) v.grad = 0;
    this.grad = 1; // ∂f/∂f
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      v.push(); // sends v.grad to v.inputs, Eq. (ad-adjoint)
      v.push = () => {};
      v.inputs = []; // the graph is freed as it is used
    }
  }
  // #endregion
}

// #region topo
/** Every node `root` depends on, each after all of its inputs.
 *  Iterative depth-first search: no recursion, so no stack limit.
 *  Both engines use it: anything with `inputs` is a graph node. */
export function topologicalOrder<T extends { inputs: readonly T[] }>(
  root: T,
): T[] {
  if (root === null || typeof root !== 'object' ||
    !Array.isArray(root.inputs)) {
    throw new Error('topologicalOrder: expected a node with inputs');
  }
  const order: T[] = [];
  const seen = new Set<T>([root]);
  const stack: [T, number][] = [[root, 0]]; // node, next input
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [v, k] = top;
    if (k < v.inputs.length) {
      top[1] = k + 1;
      const u = v.inputs[k];
      if (!seen.has(u)) {
        seen.add(u);
        stack.push([u, 0]);
      }
    } else {
      stack.pop();
      order.push(v); // all of v's inputs are already in `order`
    }
  }
  return order;
}
// #endregion

function lift(fn: string, x: Value | number): Value {
  if (x instanceof Value) return x;
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new Error(`${fn}: expected a Value or a finite number, got ${x}`);
  }
  return new Value(x);
}
