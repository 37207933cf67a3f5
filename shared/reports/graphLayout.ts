/**
 * A small deterministic force-directed layout (Fruchterman–Reingold with gravity) for the
 * dependency graph, shared by the HTML report and the browser console. Same input, same
 * picture: nodes start on a circle ordered by move group, so members of a group start together.
 */

/** A node to place; nodes sharing a `group` (move group) start side by side. */
export interface LayoutNode {
  readonly id: string;
  readonly group?: string | null;
}

/** An undirected spring between two node ids (unknown ids are ignored). */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

/** A placed node, in the `width` x `height` box (margins included). */
export interface PlacedNode extends LayoutNode {
  readonly x: number;
  readonly y: number;
  /** Edges touching the node. */
  readonly degree: number;
}

export interface LayoutOptions {
  readonly width?: number;
  readonly height?: number;
  readonly iterations?: number;
  /** Space kept free at the borders, for labels. */
  readonly margin?: number;
}

/**
 * Places the nodes: each connected component gets its own force-directed layout, components are
 * packed in rows (largest first) and the result is scaled to the box. O(m² × iterations) per
 * component, fine for the few hundred nodes a picture can show.
 */
export function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): PlacedNode[] {
  const width = options.width ?? 960;
  const height = options.height ?? 640;
  const margin = options.margin ?? 24;
  const iterations = options.iterations ?? 250;
  const n = nodes.length;
  if (n === 0) return [];
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const neighbours: number[][] = nodes.map(() => []);
  const springs: [number, number][] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    springs.push([a, b]);
    neighbours[a]?.push(b);
    neighbours[b]?.push(a);
  }
  const order = nodes
    .map((node, i) => ({ i, key: `${node.group ?? '\uffff'}\u0000${node.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((o) => o.i);
  const components = connectedComponents(order, neighbours).sort((a, b) => b.length - a.length);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const UNIT = 40;
  const boxes = components.map((members) => {
    const side = Math.max(1, Math.sqrt(members.length)) * UNIT;
    if (members.length > 1) {
      const local = new Set(members);
      forceLayout(
        members,
        springs.filter(([a]) => local.has(a)),
        neighbours,
        side,
        iterations,
        xs,
        ys,
      );
    }
    if (members.length === 1) return { members, w: UNIT * 0.6, h: UNIT * 0.6 };
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const node of members) {
      minX = Math.min(minX, xs[node] as number);
      minY = Math.min(minY, ys[node] as number);
      maxX = Math.max(maxX, xs[node] as number);
      maxY = Math.max(maxY, ys[node] as number);
    }
    for (const node of members) {
      xs[node] = (xs[node] as number) - minX;
      ys[node] = (ys[node] as number) - minY;
    }
    return { members, w: Math.max(UNIT * 0.6, maxX - minX), h: Math.max(UNIT * 0.6, maxY - minY) };
  });
  packRows(boxes, width / height, xs, ys);
  fitToBox(xs, ys, width, height, margin);
  return nodes.map((node, i) => ({
    ...node,
    x: round(xs[i] as number),
    y: round(ys[i] as number),
    degree: neighbours[i]?.length ?? 0,
  }));
}

function connectedComponents(order: readonly number[], neighbours: readonly number[][]): number[][] {
  const done = new Set<number>();
  const components: number[][] = [];
  for (const start of order) {
    if (done.has(start)) continue;
    const members: number[] = [];
    const queue = [start];
    done.add(start);
    while (queue.length > 0) {
      const at = queue.shift() as number;
      members.push(at);
      for (const next of neighbours[at] ?? []) {
        if (done.has(next)) continue;
        done.add(next);
        queue.push(next);
      }
    }
    components.push(members);
  }
  return components;
}

/** Fruchterman–Reingold with gravity inside a `side` x `side` square at the origin. */
function forceLayout(
  members: readonly number[],
  springs: readonly [number, number][],
  neighbours: readonly number[][],
  side: number,
  iterations: number,
  xs: Float64Array,
  ys: Float64Array,
): void {
  const m = members.length;
  const centre = side / 2;
  members.forEach((node, k) => {
    const angle = (2 * Math.PI * k) / m;
    const radius = 0.4 * side * (0.6 + (0.4 * ((k * 7919) % 13)) / 13);
    xs[node] = centre + radius * Math.cos(angle);
    ys[node] = centre + radius * Math.sin(angle);
  });
  const k = Math.sqrt((side * side) / m);
  const dx = new Map<number, number>();
  const dy = new Map<number, number>();
  let temperature = side / 6;
  const cooling = temperature / (iterations + 1);
  for (let iter = 0; iter < iterations; iter++) {
    for (const a of members) {
      dx.set(a, 0);
      dy.set(a, 0);
    }
    for (let i = 0; i < m; i++) {
      const a = members[i] as number;
      for (let j = i + 1; j < m; j++) {
        const b = members[j] as number;
        let ddx = (xs[a] as number) - (xs[b] as number);
        let ddy = (ys[a] as number) - (ys[b] as number);
        let dist2 = ddx * ddx + ddy * ddy;
        if (dist2 < 1e-4) {
          ddx = ((i * 31 + j * 17) % 7) - 3 || 1;
          ddy = ((i * 13 + j * 29) % 7) - 3 || 1;
          dist2 = ddx * ddx + ddy * ddy;
        }
        const force = (k * k) / dist2;
        dx.set(a, (dx.get(a) as number) + ddx * force);
        dy.set(a, (dy.get(a) as number) + ddy * force);
        dx.set(b, (dx.get(b) as number) - ddx * force);
        dy.set(b, (dy.get(b) as number) - ddy * force);
      }
    }
    for (const [a, b] of springs) {
      const ddx = (xs[a] as number) - (xs[b] as number);
      const ddy = (ys[a] as number) - (ys[b] as number);
      const dist = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      // Springs of hubs are softened so a few busy nodes do not collapse the picture.
      const soft = Math.sqrt(Math.min(neighbours[a]?.length ?? 1, neighbours[b]?.length ?? 1));
      const force = dist / k / soft;
      dx.set(a, (dx.get(a) as number) - ddx * force);
      dy.set(a, (dy.get(a) as number) - ddy * force);
      dx.set(b, (dx.get(b) as number) + ddx * force);
      dy.set(b, (dy.get(b) as number) + ddy * force);
    }
    for (const a of members) {
      const gx = (dx.get(a) as number) - ((xs[a] as number) - centre) * 0.1;
      const gy = (dy.get(a) as number) - ((ys[a] as number) - centre) * 0.1;
      const len = Math.sqrt(gx * gx + gy * gy) || 1;
      const step = Math.min(len, temperature);
      xs[a] = (xs[a] as number) + (gx / len) * step;
      ys[a] = (ys[a] as number) + (gy / len) * step;
    }
    temperature = Math.max(temperature - cooling, 0.5);
  }
}

/** Shelf-packs component boxes in rows about as wide as the picture's aspect ratio asks. */
function packRows(
  boxes: readonly { members: readonly number[]; w: number; h: number }[],
  aspect: number,
  xs: Float64Array,
  ys: Float64Array,
): void {
  const gap = 24;
  const area = boxes.reduce((sum, b) => sum + (b.w + gap) * (b.h + gap), 0);
  const rowWidth = Math.max(boxes[0]?.w ?? 0, Math.sqrt(area * aspect));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.w > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    if (box.members.length === 1) {
      const only = box.members[0] as number;
      xs[only] = x + box.w / 2;
      ys[only] = y + box.h / 2;
    } else {
      for (const node of box.members) {
        xs[node] = (xs[node] as number) + x;
        ys[node] = (ys[node] as number) + y;
      }
    }
    x += box.w + gap;
    rowHeight = Math.max(rowHeight, box.h);
  }
}

/** Scales the placed nodes uniformly to fit the box (at most 3x) and centres them. */
function fitToBox(xs: Float64Array, ys: Float64Array, width: number, height: number, margin: number): void {
  const bounds = (values: Float64Array) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return { lo, span: Math.max(1, hi - lo) };
  };
  const bx = bounds(xs);
  const by = bounds(ys);
  const scale = Math.min(3, (width - 2 * margin) / bx.span, (height - 2 * margin) / by.span);
  const ox = margin + (width - 2 * margin - bx.span * scale) / 2;
  const oy = margin + (height - 2 * margin - by.span * scale) / 2;
  for (let i = 0; i < xs.length; i++) {
    xs[i] = ox + ((xs[i] as number) - bx.lo) * scale;
    ys[i] = oy + ((ys[i] as number) - by.lo) * scale;
  }
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A palette of distinguishable colours for move groups (colour-blind friendly first). */
export const GROUP_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#ad494a',
  '#637939',
  '#7b4173',
  '#3182bd',
  '#e6550d',
  '#31a354',
] as const;

/** The colour of the n-th move group (cycles through the palette). */
export function groupColour(index: number): string {
  return GROUP_COLOURS[index % GROUP_COLOURS.length] as string;
}
