/**
 * dependency_analysis_tool and network_analysis_tool: read the dependency engine's graph
 * (buildDependencyGraph's result) for an agent, in bounded slices.
 */
import * as z from 'zod/v4';
import type { DependencyGraph } from '#domain/dependencies/index.ts';
import { isInfrastructureService } from '#domain/dependencies/index.ts';
import { defineTool, type ToolContext } from './toolTypes.ts';

const LIMIT = 50;

function graphOf(ctx: ToolContext): DependencyGraph {
  const graph = ctx.workspace.graph;
  if (!graph) throw new Error('no dependency graph in this task');
  return graph;
}

export const dependencyAnalysisTool = defineTool({
  name: 'dependency_analysis_tool',
  description:
    'Dependency graph. query=summary: counts, largest move groups and cycles. query=asset: edges from and to one ' +
    'asset (name). query=move_group: members and applications of a move group (id).',
  capabilities: ['dependency_analysis'],
  parameters: z.object({
    query: z.enum(['summary', 'asset', 'move_group']),
    name: z.string().max(200).nullable().optional(),
  }),
  run: (args, ctx) => {
    const graph = graphOf(ctx);
    if (args.query === 'summary') {
      return {
        stats: graph.stats,
        largestMoveGroups: [...graph.moveGroups]
          .sort((a, b) => b.members.length - a.members.length)
          .slice(0, 10)
          .map((g) => ({ id: g.id, members: g.members.length, applications: g.applications.slice(0, 10) })),
        cycles: graph.cycles.slice(0, 10),
        externalNodes: graph.externalNodes.slice(0, 20),
      };
    }
    if (args.query === 'asset') {
      const name = args.name ?? '';
      const edges = graph.edges.filter((e) => e.from === name || e.to === name);
      return { asset: name, edges: edges.slice(0, LIMIT), more: Math.max(0, edges.length - LIMIT) };
    }
    const group = graph.moveGroups.find((g) => g.id === args.name);
    return group ?? { error: `no move group ${args.name}` };
  },
});

export const networkAnalysisTool = defineTool({
  name: 'network_analysis_tool',
  description:
    'Traffic by destination port: connections, whether the port is a shared infrastructure service ' +
    '(DNS, NTP, directory, backup, monitoring), and which edges bind assets into move groups.',
  capabilities: ['network_analysis'],
  parameters: z.object({ port: z.number().int().min(0).max(65535).nullable().optional() }),
  run: (args, ctx) => {
    const graph = graphOf(ctx);
    const byPort = new Map<
      string,
      { port: number | null; protocol: string | null; edges: number; connections: number; strong: number }
    >();
    for (const e of graph.edges) {
      if (args.port !== undefined && args.port !== null && e.port !== args.port) continue;
      const key = `${e.port}/${e.protocol}`;
      const entry = byPort.get(key) ?? {
        port: e.port,
        protocol: e.protocol,
        edges: 0,
        connections: 0,
        strong: 0,
      };
      entry.edges += 1;
      entry.connections += e.count;
      if (e.strong) entry.strong += 1;
      byPort.set(key, entry);
    }
    return [...byPort.values()]
      .sort((a, b) => b.connections - a.connections)
      .slice(0, LIMIT)
      .map((p) => ({ ...p, infrastructureService: p.port !== null && isInfrastructureService(p.port) }));
  },
});
