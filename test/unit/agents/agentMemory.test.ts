import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EmbeddedVectorIndex } from '#adapters/local/embeddedVectorIndex.ts';
import { estimateTokens, fitToBudget, tenantAgentMemory } from '#agents/agentMemory.ts';
import { AgentSession } from '#agents/agentSession.ts';
import type { Task } from '#agents/crew.ts';
import { InMemoryAgentMetricsStore } from '#agents/inMemoryAgentMetricsStore.ts';
import { loadConfig } from '#config/config.ts';
import { LocalHashEmbedder } from '#memory/embeddings.ts';
import { InMemoryMemoryStore } from '#memory/inMemoryMemoryStore.ts';
import { rememberStrategyOverride } from '#memory/learningHooks.ts';
import { AgentMemoryManager } from '#memory/memoryManager.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import {
  json,
  type ScriptedLlmServer,
  startScriptedLlmServer,
  status,
} from '../../support/scriptedLlmServer.ts';

const tenant = (id: string): TenantContext => ({
  clientAccountId: id,
  userId: `${id}-u`,
  roles: ['client_admin'],
});
const acme = tenant('acme');
const globex = tenant('globex');

const mappingTask: Task<{ answer: string }> = {
  name: 'propose_mappings',
  description: 'Propose canonical fields for the server columns Srv_Moniker and Box Label.',
  expectedOutput: 'One sentence.',
  agent: 'field_mapping_specialist',
  output: z.object({ answer: z.string() }),
  rules: async () => ({ answer: 'by rules' }),
};

/** The memory block of the task prompt, parsed, or undefined. */
function memoryBlock(content: string | null | undefined): { raw: string; items: unknown[] } | undefined {
  const match = /<data id="([0-9a-f]+)" label="memories">\n([\s\S]*?)\n<\/data id="\1">/.exec(content ?? '');
  if (!match) return undefined;
  return { raw: match[2] as string, items: JSON.parse(match[2] as string) };
}

describe('agents using memory', () => {
  let server: ScriptedLlmServer;
  let dir: string;
  let memoryStore: InMemoryMemoryStore;
  let manager: AgentMemoryManager;
  const embedder = new LocalHashEmbedder();
  let vectorIndex: EmbeddedVectorIndex;
  beforeAll(async () => {
    server = await startScriptedLlmServer();
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'modernize-agent-memory-'));
    memoryStore = new InMemoryMemoryStore();
    vectorIndex = new EmbeddedVectorIndex({ directory: dir });
    manager = new AgentMemoryManager({ store: memoryStore, index: vectorIndex, embedder });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function open(who: TenantContext, budget?: number) {
    const config = loadConfig({
      MODERNIZE_LLM_BASE_URL: server.baseUrl,
      MODERNIZE_LLM_API_KEY: 'test-key',
      MODERNIZE_LLM_MAX_RETRIES: '0',
      MODERNIZE_LLM_MAX_TURNS: '3',
    });
    return AgentSession.open({
      services: { config, agentMetrics: new InMemoryAgentMetricsStore(), memoryStore, vectorIndex, embedder },
      tenant: who,
      engagementId: 'e1',
      flowId: 'f1',
      workspace: {},
      breakers: new CircuitBreakerRegistry(),
      ...(budget !== undefined ? { memoryTokenBudget: budget } : {}),
    });
  }

  it("puts the tenant's memories in a delimited block within the token budget, never another tenant's", async () => {
    // Prepare
    for (let i = 0; i < 12; i++)
      await manager.learnFromFeedback(acme, 'field_mapping_specialist', {
        type: 'correction',
        corrections: [
          {
            source: `Srv_Moniker ${i}`,
            target: 'name',
            reason: `acme-marker ${'server naming '.repeat(12)}`,
          },
        ],
      });
    await manager.learnFromFeedback(globex, 'field_mapping_specialist', {
      type: 'correction',
      corrections: [{ source: 'Srv_Moniker', target: 'hostname', reason: 'globex-secret' }],
    });
    server.script([json({ answer: 'names' })]);

    // Act
    const result = await (await open(acme, 200)).run([mappingTask], {});

    // Assess
    expect(result.tasks[0]).toMatchObject({ method: 'llm', output: { answer: 'names' } });
    const user = server.requests[0]?.body.messages?.find((m) => m.role === 'user')?.content;
    const block = memoryBlock(user);
    expect(block, 'memory block in the prompt').toBeDefined();
    expect(block?.raw).toContain('acme-marker');
    expect(estimateTokens(block?.raw ?? '')).toBeLessThanOrEqual(200);
    expect(block?.items.length).toBeGreaterThan(0);
    expect(block?.items.length).toBeLessThan(12);
    expect(JSON.stringify(server.requests)).not.toContain('globex-secret');
  });

  it('gives no memory block to an agent whose spec keeps no memory, and none when the tenant has none', async () => {
    // Prepare
    await manager.learnFromFeedback(acme, 'data_mapper', {
      type: 'correction',
      corrections: [{ source: 'Srv_Moniker', target: 'name' }],
    });
    server.script([json({ answer: 'x' }), json({ answer: 'y' })]);

    // Act
    await (await open(acme)).run([{ ...mappingTask, agent: 'data_mapper' }], {});
    await (await open(globex)).run([mappingTask], {});

    // Assess
    for (const request of server.requests)
      expect(memoryBlock(request.body.messages?.find((m) => m.role === 'user')?.content)).toBeUndefined();
  });

  it("stores a learning agent's decision and outcome, and an error outcome when it had to fall back to rules", async () => {
    // Prepare
    server.script([json({ answer: 'names' }), status(500), status(500)]);

    // Act
    await (await open(acme)).run([mappingTask], {});
    await (await open(globex)).run([mappingTask], {});
    await (await open(acme)).run([{ ...mappingTask, name: 'explain', agent: 'dependency_analyst' }], {});

    // Assess
    const acmeMemories = await memoryStore.list(acme);
    expect(acmeMemories.map((m) => m.memoryType).sort()).toEqual(['decision', 'success']);
    expect(acmeMemories.find((m) => m.memoryType === 'success')?.content).toMatchObject({
      kind: 'task_outcome',
      task: 'propose_mappings',
      outcome: 'succeeded',
      method: 'llm',
    });
    const globexMemories = await memoryStore.list(globex);
    expect(globexMemories).toHaveLength(1);
    expect(globexMemories[0]).toMatchObject({ memoryType: 'error', agentType: 'field_mapping_specialist' });
    expect(globexMemories[0]?.content).toMatchObject({ outcome: 'escalated', method: 'rules' });
    expect(JSON.stringify(globexMemories[0]?.content.problems)).toContain('500');
  });

  it("recalls a user's strategy override as a decision for the strategist of that tenant only", async () => {
    // Prepare
    await rememberStrategyOverride(manager, acme, {
      engagementId: 'e1',
      application: 'Payroll',
      strategy: 'retain',
      reason: 'mainframe payroll stays until the 2027 HR programme',
      traits: { criticality: 'high', platform: 'mainframe' },
    });
    const hooks = (who: TenantContext) =>
      tenantAgentMemory({ manager, tenant: who, engagementId: 'e2', flowId: null, sessionId: 's' });
    const task = {
      name: 'explain_strategies',
      description: 'Explain the strategy of the payroll mainframe application',
    };

    // Act
    const forAcme = await hooks(acme).recall('sixr_strategist', task);
    const forGlobex = await hooks(globex).recall('sixr_strategist', task);
    const forRisk = await hooks(acme).recall('risk_assessor', task);

    // Assess
    expect(JSON.stringify(forAcme?.items)).toContain('mainframe payroll stays');
    expect(forAcme?.items.some((i) => i.type === 'decision' && i.validated)).toBe(true);
    expect(forGlobex).toBeNull();
    expect(forRisk).toBeNull();
  });

  it('cuts an oversized best memory to the budget instead of dropping it', () => {
    // Prepare
    const record = (id: string, text: string) => ({
      record: {
        memoryId: id,
        memoryType: 'pattern' as const,
        content: { text },
        metadata: { confidenceScore: 0.9, validationStatus: 'validated' as const },
      },
      similarity: 1,
      rank: 1,
    });

    // Act
    const fitted = fitToBudget([record('a', 'x'.repeat(2000)), record('b', 'short')] as never, 100);

    // Assess
    expect(fitted.memoryIds).toEqual(['a']);
    expect(fitted.items[0]?.memory).toHaveProperty('excerpt');
    expect(fitted.tokens).toBeLessThanOrEqual(100);
    expect(estimateTokens(JSON.stringify(fitted.items))).toBeLessThanOrEqual(100);
    expect(fitted.omitted).toBe(1);
  });
});
