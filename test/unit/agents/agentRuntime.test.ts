import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TenantScopeError } from '#agents/agentPool.ts';
import { AgentSession } from '#agents/agentSession.ts';
import type { Task } from '#agents/crew.ts';
import { InMemoryAgentMetricsStore } from '#agents/inMemoryAgentMetricsStore.ts';
import { totalUsage, usageBy } from '#agents/usageLedger.ts';
import { loadConfig } from '#config/config.ts';
import type { ColumnProfile } from '#domain/tableTypes.ts';
import { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import {
  afterToolResult,
  byRole,
  hang,
  json,
  llamaToolCallText,
  type ScriptedLlmServer,
  startScriptedLlmServer,
  status,
  text,
  toolCalls,
} from '../../support/scriptedLlmServer.ts';

const columns: ColumnProfile[] = [
  {
    header: 'Srv_Moniker',
    index: 0,
    inferredType: 'text',
    fillRate: 1,
    nonEmpty: 3,
    distinct: 3,
    samples: ['zq-1', 'zq-2', 'zq-3'],
  },
];
const tenant = (id: string) => ({ clientAccountId: id, userId: `${id}-u`, roles: ['client_admin' as const] });

const answerTask: Task<{ answer: string }> = {
  name: 'describe',
  description: 'Describe the column.',
  expectedOutput: 'One sentence.',
  agent: 'cmdb_analyst',
  output: z.object({ answer: z.string() }),
  rules: async ({ tool }) => ({
    answer: `rules saw ${JSON.stringify(await tool('data_analysis_tool', { headers: ['Srv_Moniker'] })).length} chars`,
  }),
};

describe('agent runtime against a scripted model', () => {
  let server: ScriptedLlmServer;
  let store: InMemoryAgentMetricsStore;
  beforeAll(async () => {
    server = await startScriptedLlmServer();
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    store = new InMemoryAgentMetricsStore();
  });

  async function open(
    options: {
      tenantId?: string;
      engagementId?: string;
      breakers?: CircuitBreakerRegistry;
      key?: string;
      timeoutMs?: number;
    } = {},
  ) {
    const config = loadConfig({
      MODERNIZE_LLM_BASE_URL: server.baseUrl,
      ...(options.key === '' ? {} : { MODERNIZE_LLM_API_KEY: options.key ?? 'test-key' }),
      MODERNIZE_LLM_TIMEOUT_MS: String(options.timeoutMs ?? 5000),
      MODERNIZE_LLM_MAX_RETRIES: '1',
      MODERNIZE_LLM_MAX_TURNS: '4',
    });
    return AgentSession.open({
      services: { config, agentMetrics: store },
      tenant: tenant(options.tenantId ?? 'acme'),
      engagementId: options.engagementId ?? 'e1',
      flowId: 'f1',
      workspace: { columns },
      breakers: options.breakers ?? new CircuitBreakerRegistry(),
    });
  }

  it('runs native tool calls, then validates the JSON answer, counting each call once', async () => {
    server.script([
      toolCalls([{ name: 'data_analysis_tool', arguments: { headers: ['Srv_Moniker'] } }]),
      json({ answer: 'host names' }),
    ]);
    const session = await open();
    const result = await session.run([answerTask], { columns: ['Srv_Moniker'] });
    expect(result.tasks[0]).toMatchObject({
      method: 'llm',
      answeredBy: 'cmdb_analyst',
      output: { answer: 'host names' },
    });
    const toolMessage = server.requests[1]?.body.messages?.find((m) => m.role === 'tool');
    expect(toolMessage?.content).toContain('zq-1');
    expect(totalUsage(await store.listUsage(tenant('acme')))).toMatchObject({
      calls: 2,
      promptTokens: 200,
      completionTokens: 40,
      unknownCalls: 0,
    });
  });

  it('honours tool calls written as text (Llama python tag and JSON object forms)', async () => {
    server.script([
      text(llamaToolCallText('data_analysis_tool', { headers: ['Srv_Moniker'] })),
      text(
        '{"name": "field_mapping_tool", "parameters": {"action": "query_field_mapping", "headers": ["Srv_Moniker"]}}',
      ),
      json({ answer: 'names' }),
    ]);
    const result = await (await open()).run([answerTask], {});
    expect(result.tasks[0]?.output).toEqual({ answer: 'names' });
    const followUps = server.requests.slice(1).map((r) => r.body.messages?.at(-1)?.content ?? '');
    expect(followUps[0]).toContain('"inferredType":"text"');
    expect(followUps[1]).toContain('"allowedTargets"');
  });

  it('repairs a malformed answer with one retry', async () => {
    server.script([text('{"answer": "unterminated'), json({ answer: 'fixed' })]);
    const result = await (await open()).run([answerTask], {});
    expect(result.tasks[0]).toMatchObject({ method: 'llm', output: { answer: 'fixed' } });
    expect(server.requests[1]?.body.messages?.at(-1)?.content).toContain('not valid');
  });

  it('gives the task to the fallback agent when the specialist stays invalid after the repair', async () => {
    server.script(
      byRole({
        'Senior CMDB Data Analyst': () => text('not json at all'),
        'Infrastructure Data Analyst': () => json({ answer: 'from the fallback' }),
      }),
    );
    const result = await (await open()).run([answerTask], {});
    expect(result.tasks[0]).toMatchObject({
      method: 'llm',
      answeredBy: 'general_analyst',
      output: { answer: 'from the fallback' },
    });
    expect(result.notes.join('\n')).toMatch(/cmdb_analyst failed .*general_analyst took the task/);
  });

  it('gives the task to the fallback agent when a tool errors under the specialist', async () => {
    server.script(
      byRole({
        'Application Dependency Expert': () =>
          toolCalls([{ name: 'dependency_analysis_tool', arguments: { query: 'summary' } }]),
        'Systems Analyst': () => json({ answer: 'explained without the graph' }),
      }),
    );
    const depTask: Task<{ answer: string }> = { ...answerTask, name: 'deps', agent: 'dependency_analyst' };
    const result = await (await open()).run([depTask], {});
    expect(result.tasks[0]).toMatchObject({ method: 'llm', answeredBy: 'system_analyst' });
    expect(result.notes.join('\n')).toMatch(
      /dependency_analyst failed .*tool dependency_analysis_tool failed.*system_analyst took the task/,
    );
  });

  it('stops an endless tool loop at the turn limit and ends by rules, saying so', async () => {
    server.script(() => toolCalls([{ name: 'data_analysis_tool', arguments: { headers: ['Srv_Moniker'] } }]));
    const result = await (await open()).run([answerTask], {});
    expect(result.tasks[0]?.method).toBe('rules');
    expect((result.outputs.describe as { answer: string }).answer).toMatch(/^rules saw/);
    expect(server.requests).toHaveLength(8);
    expect(result.notes.join('\n')).toContain('no agent answered, ran by rules');
  });

  it('retries a 429 that says Retry-After and completes', async () => {
    server.script([status(429, '0'), json({ answer: 'after the rate limit' })]);
    const result = await (await open()).run([answerTask], {});
    expect(result.tasks[0]?.output).toEqual({ answer: 'after the rate limit' });
    expect(server.requests).toHaveLength(2);
  });

  it('runs degraded when the model keeps failing, and the open circuit then spares the endpoint', async () => {
    const breakers = new CircuitBreakerRegistry({ failureThreshold: 2 });
    server.script(() => status(500, '0'));
    for (let i = 0; i < 2; i++) {
      const result = await (await open({ breakers })).run([answerTask], {});
      expect(result.method).toBe('rules');
      expect(result.notes.join('\n')).toContain('degraded mode');
    }
    const sent = server.requests.length;
    const third = await (await open({ breakers })).run([answerTask], {});
    expect(third.notes.join('\n')).toContain('circuit open');
    expect(server.requests.length).toBe(sent);
  });

  it('ends a request the model never answers at the client timeout and runs degraded', async () => {
    server.script(() => hang());
    const result = await (await open({ timeoutMs: 200 })).run([answerTask], {});
    expect(result.tasks[0]?.method).toBe('rules');
    expect(result.notes.join('\n')).toMatch(/degraded mode.*(timed out|timeout)/i);
  });

  it('runs by rules without a key and sends nothing', async () => {
    const result = await (await open({ key: '' })).run([answerTask], {});
    expect(result.method).toBe('rules');
    expect(result.notes[0]).toContain('no LLM key');
    expect(server.requests).toHaveLength(0);
  });

  it('records missing usage as unknown, not as zero tokens', async () => {
    server.script([json({ answer: 'x' }, null)]);
    await (await open()).run([answerTask], {});
    const totals = totalUsage(await store.listUsage(tenant('acme')));
    expect(totals).toMatchObject({ calls: 1, unknownCalls: 1, promptTokens: 0 });
    expect((await store.listUsage(tenant('acme')))[0]?.costUsd).toBeNull();
  });

  it('answers a repeated identical request from the tenant cache, never from another tenant’s', async () => {
    server.script(() => json({ answer: 'cached?' }));
    await (await open()).run([answerTask], { columns: ['Srv_Moniker'] });
    const again = await (await open()).run([answerTask], { columns: ['Srv_Moniker'] });
    expect(again.tasks[0]?.source).toBe('cache');
    expect(server.requests).toHaveLength(1);
    const other = await (await open({ tenantId: 'globex' })).run([answerTask], { columns: ['Srv_Moniker'] });
    expect(other.tasks[0]?.source).toBe('llm');
    expect(server.requests).toHaveLength(2);
    expect(usageBy(await store.listUsage(tenant('acme')), 'agent').cmdb_analyst).toMatchObject({
      calls: 1,
      cachedAnswers: 1,
    });
    expect(totalUsage(await store.listUsage(tenant('globex')))).toMatchObject({ calls: 1, cachedAnswers: 0 });
  });

  it('passes each task’s output to the next task’s context', async () => {
    server.script(
      byRole({
        'Senior CMDB Data Analyst': () => json({ answer: 'first says hosts' }),
        'Field Mapping Intelligence Specialist': (req) =>
          afterToolResult(req)
            ? json({ answer: 'x' })
            : json({ answer: String(req.body.messages?.at(-1)?.content?.includes('first says hosts')) }),
      }),
    );
    const second: Task<{ answer: string }> = {
      ...answerTask,
      name: 'second',
      agent: 'field_mapping_specialist',
    };
    const result = await (await open()).run([answerTask, second], {});
    expect(result.outputs.second).toEqual({ answer: 'true' });
  });

  it('keeps one pool per tenant and engagement: agents are reused inside it and other scopes are refused', async () => {
    const session = await open();
    expect(session.pool.agent('cmdb_analyst')).toBe(session.pool.agent('cmdb_analyst'));
    expect(session.pool.size).toBe(1);
    expect(() =>
      session.pool.agent('cmdb_analyst', { clientAccountId: 'globex', engagementId: 'e1' }),
    ).toThrow(TenantScopeError);
    const other = await open({ tenantId: 'globex' });
    expect(other.pool.agent('cmdb_analyst')).not.toBe(session.pool.agent('cmdb_analyst'));
  });
});
