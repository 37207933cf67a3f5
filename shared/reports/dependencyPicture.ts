/**
 * Turns the dependency view (edges by asset name, move groups) into a placed picture: nodes
 * coloured by move group, undirected edges with their connection counts. Pure; the report
 * renders it as SVG text and the console as SVG elements.
 */
import { groupColour, layoutGraph, type PlacedNode } from './graphLayout.ts';

/** The parts of the dependency view the picture needs. */
export interface DependencyInput {
  readonly edges: readonly { from: string; to: string; count: number; external: boolean }[];
  readonly moveGroups: readonly { id: string; members: readonly string[] }[];
  readonly externalNodes?: readonly string[];
}

export interface PictureNode extends PlacedNode {
  readonly external: boolean;
  /** Fill colour: the move group's colour, grey for external endpoints and ungrouped nodes. */
  readonly colour: string;
}

export interface DependencyPicture {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PictureNode[];
  readonly edges: readonly { from: string; to: string; count: number; external: boolean }[];
  /** Move groups with their colour and a readable label (the group's most connected member). */
  readonly groups: readonly { id: string; colour: string; size: number; label: string }[];
  /** Nodes left out to keep the picture legible (the least connected). */
  readonly omitted: number;
  /** Shared services left out (connected to more than `hubShare` of all nodes), most connected first. */
  readonly hubs: readonly string[];
}

const EXTERNAL_COLOUR = '#9aa5b1';
const UNGROUPED_COLOUR = '#52606d';

/** Lays out the graph; keeps at most `maxNodes` nodes, preferring the most connected. */
export function buildDependencyPicture(
  view: DependencyInput,
  options: {
    width?: number;
    height?: number;
    maxNodes?: number;
    iterations?: number;
    hubShare?: number;
  } = {},
): DependencyPicture {
  const width = options.width ?? 960;
  const height = options.height ?? 600;
  const maxNodes = options.maxNodes ?? 250;
  const external = new Set(view.externalNodes ?? []);
  const groupOf = new Map<string, string>();
  for (const g of view.moveGroups) for (const m of g.members) groupOf.set(m, g.id);
  const pairs = new Map<string, { from: string; to: string; count: number; external: boolean }>();
  const degree = new Map<string, number>();
  for (const e of view.edges) {
    if (e.from === e.to) continue;
    const [a, b] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
    const key = `${a}\u0000${b}`;
    const prev = pairs.get(key);
    pairs.set(key, { from: a, to: b, count: (prev?.count ?? 0) + e.count, external: e.external });
    if (!prev) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      degree.set(b, (degree.get(b) ?? 0) + 1);
    }
    if (e.external) {
      if (!groupOf.has(e.from)) external.add(e.from);
      if (!groupOf.has(e.to)) external.add(e.to);
    }
  }
  for (const id of groupOf.keys()) if (!degree.has(id)) degree.set(id, 0);
  const groups = view.moveGroups
    .filter((g) => g.members.length > 0)
    .map((g, i) => {
      const hub = [...g.members].sort(
        (a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || a.localeCompare(b),
      )[0];
      const label = g.members.length > 1 ? `${hub} +${g.members.length - 1}` : (hub ?? g.id);
      return { id: g.id, colour: groupColour(i), size: g.members.length, label };
    });
  const colourOf = new Map(groups.map((g) => [g.id, g.colour]));
  const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // Shared services (directory, backup, monitoring) talk to nearly everything and hide the structure.
  const hubLimit = options.hubShare ? Math.max(8, options.hubShare * degree.size) : Number.POSITIVE_INFINITY;
  const hubs = ranked.filter(([, d]) => d > hubLimit).map(([id]) => id);
  const hubSet = new Set(hubs);
  const kept = new Set(
    ranked
      .filter(([id]) => !hubSet.has(id))
      .slice(0, maxNodes)
      .map(([id]) => id),
  );
  const edges = [...pairs.values()].filter((e) => kept.has(e.from) && kept.has(e.to));
  const placed = layoutGraph(
    [...kept].sort().map((id) => ({ id, group: groupOf.get(id) ?? null })),
    edges,
    { width, height, ...(options.iterations ? { iterations: options.iterations } : {}) },
  );
  const nodes = placed.map((p) => {
    const isExternal = external.has(p.id) && !groupOf.has(p.id);
    const group = groupOf.get(p.id);
    return {
      ...p,
      external: isExternal,
      colour: isExternal
        ? EXTERNAL_COLOUR
        : group
          ? (colourOf.get(group) ?? UNGROUPED_COLOUR)
          : UNGROUPED_COLOUR,
    };
  });
  return { width, height, nodes, edges, groups, omitted: degree.size - kept.size - hubs.length, hubs };
}
