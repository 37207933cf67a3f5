import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentSession } from '#agents/agentSession.ts';
import type { Task } from '#agents/crew.ts';
import { InMemoryAgentMetricsStore } from '#agents/inMemoryAgentMetricsStore.ts';
import { importLimits, limitsFor, loadConfig, parseTenantLimits } from '#config/config.ts';
import type { Role } from '#ports/tenant.ts';
import { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import { MemoryAudit } from '../../support/memoryAudit.ts';
import {
  json,
  type ScriptedLlmServer,
  startScriptedLlmServer,
  toolCalls,
} from '../../support/scriptedLlmServer.ts';

const columns = [
  {
    header: 'Srv_Moniker',
    index: 0,
    inferredType: 'text' as const,
    fillRate: 1,
    nonEmpty: 3,
    distinct: 3,
    samples: ['zq-1', 'zq-2', 'zq-3'],
  },
];
const task: Task<{ answer: string }> = {
  name: 'describe',
  description: 'Describe the column.',
  expectedOutput: 'One sentence.',
  agent: 'cmdb_analyst',
  output: z.object({ answer: z.string() }),
  rules: async () => ({ answer: 'rules' }),
};

describe('agent tool calls are authorised and audited; the LLM token budget is checked first', () => {
  let server: ScriptedLlmServer;
  let metrics: InMemoryAgentMetricsStore;
  let audit: MemoryAudit;
  beforeAll(async () => {
    server = await startScriptedLlmServer();
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    metrics = new InMemoryAgentMetricsStore();
    audit = new MemoryAudit();
  });

  const open = (tenantId: string, roles: Role[], env: Record<string, string> = {}) =>
    AgentSession.open({
      services: {
        config: loadConfig({
          MODERNIZE_LLM_BASE_URL: server.baseUrl,
          MODERNIZE_LLM_API_KEY: 'k',
          MODERNIZE_LLM_MAX_RETRIES: '0',
          ...env,
        }),
        agentMetrics: metrics,
        audit,
      },
      tenant: { clientAccountId: tenantId, userId: `${tenantId}-u`, roles },
      engagementId: 'e1',
      flowId: 'f1',
      workspace: { columns },
      breakers: new CircuitBreakerRegistry(),
    });

  it('records each tool call with the agent, tenant and outcome', async () => {
    server.script([
      toolCalls([{ name: 'data_analysis_tool', arguments: { headers: ['Srv_Moniker'] } }]),
      json({ answer: 'host names' }),
    ]);
    const session = await open('acme', ['analyst']);

    const result = await session.run([task], {});

    expect(result.tasks[0]?.method).toBe('llm');
    expect(audit.events).toEqual([
      expect.objectContaining({
        clientAccountId: 'acme',
        action: 'tool.data_analysis_tool',
        outcome: 'success',
        target: { agent: 'cmdb_analyst', engagementId: 'e1', flowId: 'f1' },
      }),
    ]);
  });

  it('refuses a tool the acting role may not use and records the denial; the model never sees the data', async () => {
    server.script([
      toolCalls([{ name: 'data_analysis_tool', arguments: { headers: ['Srv_Moniker'] } }]),
      json({ answer: 'x' }),
    ]);
    const session = await open('acme', ['viewer']);

    const result = await session.run([task], {});

    expect(audit.events).toContainEqual(
      expect.objectContaining({ action: 'tool.data_analysis_tool', outcome: 'denied' }),
    );
    const toolMessage = server.requests[1]?.body.messages?.find((m) => m.role === 'tool');
    expect(result.tasks).toHaveLength(1);
    expect(String(toolMessage?.content ?? '')).not.toContain('zq-1');
  });

  it('a tenant past its token budget runs in degraded mode without calling the model', async () => {
    await metrics.recordUsage(
      { clientAccountId: 'acme', userId: 'u', roles: ['analyst'] },
      {
        callId: 'c1',
        engagementId: 'e1',
        flowId: 'f0',
        agent: 'cmdb_analyst',
        model: 'm',
        endpoint: 'e',
        promptTokens: 900,
        completionTokens: 200,
        costUsd: 0,
        source: 'llm',
        at: new Date().toISOString(),
      },
    );
    const env = { MODERNIZE_TENANT_LIMITS: JSON.stringify({ acme: { llmTokenBudget: 1000 } }) };

    const over = await open('acme', ['analyst'], env);
    const other = await open('globex', ['analyst'], env);
    const result = await over.run([task], {});

    expect(over.hasModel).toBe(false);
    expect(other.hasModel).toBe(true);
    expect(result.tasks[0]?.output).toEqual({ answer: 'rules' });
    expect(server.requests).toEqual([]);
    expect(result.notes.join('\n')).toContain(
      `LLM token budget of 1000 tokens for ${new Date().toISOString().slice(0, 7)} exhausted (used 1100); rules used`,
    );
  });
});

describe('per-tenant limits', () => {
  it('a tenant override replaces only the limits it names', () => {
    const config = loadConfig({
      MODERNIZE_MAX_ROWS: '500',
      MODERNIZE_TENANT_LIMITS: '{"acme":{"maxRows":10,"llmTokenBudget":5}}',
    });

    expect(limitsFor(config, 'acme')).toMatchObject({ maxRows: 10, llmTokenBudget: 5, maxColumns: 1000 });
    expect(limitsFor(config, 'globex')).toMatchObject({ maxRows: 500, llmTokenBudget: 0 });
    expect(importLimits(config, 'acme').maxRows).toBe(10);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an unknown limit', '{"acme":{"maxCats":1}}'],
    ['a negative limit', '{"acme":{"maxRows":-1}}'],
    ['a string limit', '{"acme":{"maxRows":"10"}}'],
  ])('refuses %s with a named error', (_label, raw) => {
    expect(() => parseTenantLimits(raw)).toThrowError(
      expect.objectContaining({ name: 'TenantLimitsConfigError' }),
    );
  });
});
