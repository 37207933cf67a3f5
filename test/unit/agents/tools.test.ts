import { describe, expect, it } from 'vitest';
import { ToolRegistryError } from '#agents/errors.ts';
import { AGENT_SPECS, FALLBACK_AGENTS } from '#agents/specs.ts';
import { ToolRegistry } from '#agents/toolRegistry.ts';
import { createSeedToolRegistry, SEED_TOOLS } from '#agents/tools/index.ts';
import type { ToolContext } from '#agents/tools/toolTypes.ts';
import { groupApplications, recommendEngagement } from '#domain/assessment/index.ts';
import { buildDependencyGraph } from '#domain/dependencies/index.ts';
import { mapColumns } from '#domain/mapping/index.ts';
import type { ColumnProfile } from '#domain/tableTypes.ts';
import { asset } from '../../support/assetFactory.ts';

const columns: ColumnProfile[] = [
  {
    header: 'Host Name',
    index: 0,
    inferredType: 'text',
    fillRate: 1,
    nonEmpty: 2,
    distinct: 2,
    samples: ['web01', 'db01'],
  },
  {
    header: 'RAM (MB)',
    index: 1,
    inferredType: 'integer',
    fillRate: 1,
    nonEmpty: 2,
    distinct: 2,
    samples: ['8192', '16384'],
  },
];

function context(workspace: ToolContext['workspace']): ToolContext {
  return {
    tenant: { clientAccountId: 'acme', userId: 'u', roles: ['analyst'] },
    agent: 'test',
    workspace,
    proposals: [],
    allowLearning: false,
    now: () => new Date('2026-11-26T00:00:00Z'),
  };
}

describe('tool registry and the seed tools', () => {
  it('gives each specialist the tools of its spec, and a fallback the tools matching its capabilities', () => {
    const registry = createSeedToolRegistry();
    expect(registry.toolsFor(AGENT_SPECS.sixr_strategist).map((t) => t.name)).toEqual([
      'sixr_analysis_tool',
      'cost_estimation_tool',
      'risk_assessment_tool',
    ]);
    const general = registry.toolsFor(AGENT_SPECS.general_analyst).map((t) => t.name);
    expect(general).toContain('data_analysis_tool');
    expect(general).toContain('field_mapping_tool');
    expect(FALLBACK_AGENTS).toEqual({
      cmdb_analyst: 'general_analyst',
      field_mapping_specialist: 'data_mapper',
      dependency_analyst: 'system_analyst',
    });
    expect(() =>
      new ToolRegistry().register(SEED_TOOLS[0] as never).register(SEED_TOOLS[0] as never),
    ).toThrow(ToolRegistryError);
    expect(() => new ToolRegistry().toolsFor(AGENT_SPECS.cmdb_analyst)).toThrow(ToolRegistryError);
  });

  it('answers field-mapping queries from the rule engine and refuses arguments that fail validation', async () => {
    const tool = createSeedToolRegistry().get('field_mapping_tool');
    if (!tool) throw new Error('missing tool');
    const ctx = context({ columns, mapping: mapColumns(columns) });
    const answer = (await tool.run(
      tool.parameters.parse({ action: 'query_field_mapping', headers: ['RAM (MB)'] }) as never,
      ctx,
    )) as {
      mappings: { target: string }[];
    };
    expect(answer.mappings[0]?.target).toBe('memoryGb');
    expect(tool.parameters.safeParse({ action: 'run_shell', headers: ['x'] }).success).toBe(false);
    expect(tool.parameters.safeParse({ action: 'query_field_mapping', headers: [] }).success).toBe(false);
  });

  it('backs the dependency and assessment tools with the engines', async () => {
    const assets = [
      asset({ name: 'web01', application: 'Shop', ipAddress: ['10.0.0.1'] }),
      asset({ name: 'db01', application: 'Shop', ipAddress: ['10.0.0.2'] }),
    ];
    const graph = buildDependencyGraph(assets, [
      {
        sourceIp: '10.0.0.1',
        destinationIp: '10.0.0.2',
        destinationPort: 5432,
        protocol: 'tcp',
        connectionCount: 5,
      },
    ]);
    const registry = createSeedToolRegistry();
    const dep = registry.get('dependency_analysis_tool');
    const summary = (await dep?.run({ query: 'summary' } as never, context({ graph }))) as {
      stats: { edges: number };
    };
    expect(summary.stats.edges).toBe(graph.stats.edges);

    const recommended = recommendEngagement(assets, graph.edges, graph.moveGroups);
    const applications = groupApplications(assets, graph.edges, graph.moveGroups);
    const ctx = context({ recommendations: recommended, applications });
    const sixr = (await registry.get('sixr_analysis_tool')?.run({ application: 'Shop' } as never, ctx)) as {
      primary_recommendation: string;
    };
    expect(sixr.primary_recommendation).toBe(recommended.applications[0]?.primary_recommendation);
    const cost = (await registry
      .get('cost_estimation_tool')
      ?.run({ application: 'Shop', strategy: 'rehost' } as never, ctx)) as { cost: { expected: number } };
    expect(cost.cost.expected).toBeGreaterThan(0);
    const unknown = (await registry
      .get('compliance_checker_tool')
      ?.run({ application: 'Nope' } as never, ctx)) as { error: string };
    expect(unknown.error).toContain('no application');
  });
});
