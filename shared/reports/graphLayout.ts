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

/** Places the nodes; O(n² × iterations), fine for the few hundred nodes a picture can show. */
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
  const springs: [number, number][] = [];
  const degree = new Array<number>(n).fill(0);
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    springs.push([a, b]);
    degree[a] = (degree[a] ?? 0) + 1;
    degree[b] = (degree[b] ?? 0) + 1;
  }
  const order = nodes
    .map((node, i) => ({ i, key: `${node.group ?? '\uffff'}\u0000${node.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  order.forEach(({ i }, k) => {
    const angle = (2 * Math.PI * k) / n;
    const radius = 0.35 * Math.min(width, height) * (0.6 + (0.4 * ((k * 7919) % 13)) / 13);
    xs[i] = width / 2 + radius * Math.cos(angle);
    ys[i] = height / 2 + radius * Math.sin(angle);
  });
  const area = (width - 2 * margin) * (height - 2 * margin);
  const k = Math.sqrt(area / n) * 0.8;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = Math.min(width, height) / 8;
  const cooling = temperature / (iterations + 1);
  for (let iter = 0; iter < iterations; iter++) {
    dx.fill(0);
    dy.fill(0);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        let ddx = (xs[a] as number) - (xs[b] as number);
        let ddy = (ys[a] as number) - (ys[b] as number);
        let dist2 = ddx * ddx + ddy * ddy;
        if (dist2 < 1e-4) {
          ddx = ((a * 31 + b * 17) % 7) - 3 || 1;
          ddy = ((a * 13 + b * 29) % 7) - 3 || 1;
          dist2 = ddx * ddx + ddy * ddy;
        }
        const force = (k * k) / dist2;
        dx[a] = (dx[a] as number) + ddx * force;
        dy[a] = (dy[a] as number) + ddy * force;
        dx[b] = (dx[b] as number) - ddx * force;
        dy[b] = (dy[b] as number) - ddy * force;
      }
    }
    for (const [a, b] of springs) {
      const ddx = (xs[a] as number) - (xs[b] as number);
      const ddy = (ys[a] as number) - (ys[b] as number);
      const dist = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      // Springs of hubs are softened so a few shared services do not collapse the picture.
      const force = dist / k / Math.sqrt(Math.min(degree[a] ?? 1, degree[b] ?? 1));
      dx[a] = (dx[a] as number) - ddx * force;
      dy[a] = (dy[a] as number) - ddy * force;
      dx[b] = (dx[b] as number) + ddx * force;
      dy[b] = (dy[b] as number) + ddy * force;
    }
    for (let a = 0; a < n; a++) {
      // Gravity keeps disconnected components on the canvas.
      dx[a] = (dx[a] as number) - ((xs[a] as number) - width / 2) * 0.05;
      dy[a] = (dy[a] as number) - ((ys[a] as number) - height / 2) * 0.05;
      const len = Math.sqrt((dx[a] as number) ** 2 + (dy[a] as number) ** 2) || 1;
      const step = Math.min(len, temperature);
      xs[a] = clamp((xs[a] as number) + ((dx[a] as number) / len) * step, margin, width - margin);
      ys[a] = clamp((ys[a] as number) + ((dy[a] as number) / len) * step, margin, height - margin);
    }
    temperature = Math.max(temperature - cooling, 0.5);
  }
  fitToBox(xs, ys, width, height, margin);
  return nodes.map((node, i) => ({
    ...node,
    x: round(xs[i] as number),
    y: round(ys[i] as number),
    degree: degree[i] ?? 0,
  }));
}

/** Stretches the placed nodes to fill the box (each axis separately, capped at 3x). */
function fitToBox(xs: Float64Array, ys: Float64Array, width: number, height: number, margin: number): void {
  const stretch = (values: Float64Array, size: number) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const span = hi - lo;
    const target = size - 2 * margin;
    if (!(span > 1)) return;
    const factor = Math.min(3, target / span);
    const offset = margin + (target - span * factor) / 2;
    for (let i = 0; i < values.length; i++) values[i] = offset + ((values[i] as number) - lo) * factor;
  };
  stretch(xs, width);
  stretch(ys, height);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
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
