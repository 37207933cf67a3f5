/**
 * Graph algorithms over dense node numbers 0..n-1, written without recursion so graphs with hundreds of
 * thousands of nodes (long chains included) never overflow the call stack.
 */

/** Connected components of an undirected graph (union-find with path halving and union by size). */
export function connectedComponents(
  nodeCount: number,
  edges: Iterable<readonly [number, number]>,
): number[][] {
  const parent = new Int32Array(nodeCount);
  const size = new Int32Array(nodeCount).fill(1);
  for (let i = 0; i < nodeCount; i += 1) parent[i] = i;
  const find = (node: number): number => {
    let x = node;
    while (parent[x] !== x) {
      const grand = parent[parent[x] as number] as number;
      parent[x] = grand;
      x = grand;
    }
    return x;
  };
  for (const [a, b] of edges) {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] = (size[ra] as number) + (size[rb] as number);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < nodeCount; i += 1) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()];
}

/**
 * Strongly connected components of a directed graph (Tarjan's algorithm with an explicit stack).
 * Returns every component, singletons included; `adjacency[v]` lists v's successors.
 */
export function stronglyConnectedComponents(adjacency: readonly (readonly number[])[]): number[][] {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextChild = new Int32Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start += 1) {
    if (index[start] !== -1) continue;
    work.push(start);
    while (work.length > 0) {
      const v = work[work.length - 1] as number;
      if (index[v] === -1) {
        index[v] = counter;
        low[v] = counter;
        counter += 1;
        stack.push(v);
        onStack[v] = 1;
      }
      const successors = adjacency[v] ?? [];
      const childPosition = nextChild[v] as number;
      if (childPosition < successors.length) {
        nextChild[v] = childPosition + 1;
        const w = successors[childPosition] as number;
        if (index[w] === -1) work.push(w);
        else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
