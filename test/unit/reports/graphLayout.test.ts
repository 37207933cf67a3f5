import { describe, expect, it } from 'vitest';
import { buildDependencyPicture } from '../../../shared/reports/dependencyPicture.ts';
import { layoutGraph } from '../../../shared/reports/graphLayout.ts';

function ring(prefix: string, n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, group: prefix }));
  const edges = nodes.map((node, i) => ({ from: node.id, to: `${prefix}${(i + 1) % n}` }));
  return { nodes, edges };
}

describe('graph layout', () => {
  it('places every node inside the box, deterministically', () => {
    const a = ring('a', 12);
    const b = ring('b', 7);
    const nodes = [...a.nodes, ...b.nodes, { id: 'alone' }];
    const edges = [...a.edges, ...b.edges];

    const first = layoutGraph(nodes, edges, { width: 500, height: 300, margin: 10 });
    const second = layoutGraph(nodes, edges, { width: 500, height: 300, margin: 10 });

    expect(first).toEqual(second);
    expect(first).toHaveLength(nodes.length);
    for (const p of first) {
      expect(p.x).toBeGreaterThanOrEqual(10);
      expect(p.x).toBeLessThanOrEqual(490);
      expect(p.y).toBeGreaterThanOrEqual(10);
      expect(p.y).toBeLessThanOrEqual(290);
    }
  });

  it('keeps connected nodes closer together than nodes of different components', () => {
    const a = ring('a', 10);
    const b = ring('b', 10);
    const placed = layoutGraph([...a.nodes, ...b.nodes], [...a.edges, ...b.edges]);
    const at = new Map(placed.map((p) => [p.id, p]));
    const dist = (x: string, y: string) => {
      const p = at.get(x) as { x: number; y: number };
      const q = at.get(y) as { x: number; y: number };
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    const mean = (pairs: [string, string][]) => pairs.reduce((s, [x, y]) => s + dist(x, y), 0) / pairs.length;

    const linked = mean(a.edges.map((e) => [e.from, e.to]));
    const apart = mean(a.nodes.map((n, i) => [n.id, `b${i}`]));

    expect(linked).toBeLessThan(apart / 2);
  });
});

describe('dependency picture', () => {
  it('colours move groups, greys external endpoints and can leave shared services out', () => {
    const spokes = Array.from({ length: 20 }, (_, i) => `app${i}`);
    const view = {
      edges: [
        ...spokes.map((s) => ({ from: s, to: 'dns01', count: 5, external: false })),
        { from: 'app0', to: 'app1', count: 50, external: false },
        { from: 'app2', to: '198.51.100.7', count: 2, external: true },
      ],
      moveGroups: [{ id: 'mg-1', members: ['app0', 'app1'] }],
      externalNodes: ['198.51.100.7'],
    };

    const all = buildDependencyPicture(view);
    const withoutHubs = buildDependencyPicture(view, { hubShare: 0.3 });

    const colour = new Map(all.nodes.map((n) => [n.id, n.colour]));
    expect(colour.get('app0')).toBe(colour.get('app1'));
    expect(colour.get('app0')).not.toBe(colour.get('app5'));
    expect(all.nodes.find((n) => n.id === '198.51.100.7')?.external).toBe(true);
    expect(all.hubs).toEqual([]);
    expect(withoutHubs.hubs).toEqual(['dns01']);
    expect(withoutHubs.nodes.some((n) => n.id === 'dns01')).toBe(false);
    expect(withoutHubs.groups[0]?.label).toBe('app0 +1');
  });
});
