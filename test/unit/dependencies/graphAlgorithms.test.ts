import { describe, expect, it } from 'vitest';
import { connectedComponents, stronglyConnectedComponents } from '#domain/dependencies/graphAlgorithms.ts';

/** Deterministic pseudo-random graph: `n` nodes, each with up to `degree` successors. */
function randomGraph(n: number, degree: number, seed: number): number[][] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: n }, () =>
    Array.from({ length: Math.floor(next() * degree) }, () => Math.floor(next() * n)),
  );
}

/** Reference SCCs from reachability (quadratic, for small graphs only). */
function naiveScc(adjacency: number[][]): string[] {
  const n = adjacency.length;
  const reach = adjacency.map((_, start) => {
    const seen = new Set([start]);
    const todo = [start];
    while (todo.length > 0) {
      for (const w of adjacency[todo.pop() as number] ?? []) {
        if (seen.has(w)) continue;
        seen.add(w);
        todo.push(w);
      }
    }
    return seen;
  });
  const groups = new Map<string, number[]>();
  for (let v = 0; v < n; v += 1) {
    const members = [...(reach[v] ?? [])].filter((w) => reach[w]?.has(v)).sort((a, b) => a - b);
    groups.set(members.join(','), members);
  }
  return [...groups.keys()].sort();
}

describe('graph algorithms', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('Tarjan matches reachability-based SCCs on random graph %i', (seed) => {
    const adjacency = randomGraph(60, 3, seed);
    const found = stronglyConnectedComponents(adjacency)
      .map((component) => [...component].sort((a, b) => a - b).join(','))
      .sort();
    expect(found).toEqual(naiveScc(adjacency));
  });

  it('connected components cover every node once, singletons included', () => {
    const components = connectedComponents(6, [
      [0, 1],
      [1, 2],
      [4, 5],
    ]);
    expect(components.map((c) => [...c].sort()).sort()).toEqual([[0, 1, 2], [3], [4, 5]]);
  });
});
