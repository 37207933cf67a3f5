import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedVectorIndex } from '#adapters/local/embeddedVectorIndex.ts';
import { AgentHealthMonitor } from '#agents/healthMonitor.ts';
import { ToolRegistry } from '#agents/toolRegistry.ts';
import { createSeedToolRegistry } from '#agents/tools/index.ts';
import { loadConfig } from '#config/config.ts';
import { LocalHashEmbedder } from '#memory/embeddings.ts';
import { InMemoryMemoryStore } from '#memory/inMemoryMemoryStore.ts';
import { AgentMemoryManager } from '#memory/memoryManager.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { VectorIndex } from '#ports/vectorIndex.ts';
import { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import {
  json,
  type ScriptedLlmServer,
  startScriptedLlmServer,
  status,
} from '../../support/scriptedLlmServer.ts';

const acme: TenantContext = { clientAccountId: 'acme', userId: 'ana', roles: ['client_admin'] };

describe('agent health monitor', () => {
  let server: ScriptedLlmServer;
  let dir: string;
  let store: InMemoryMemoryStore;
  let index: VectorIndex;
  beforeAll(async () => {
    server = await startScriptedLlmServer();
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'modernize-health-'));
    store = new InMemoryMemoryStore();
    index = new EmbeddedVectorIndex({ directory: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = (key: string | undefined) =>
    loadConfig({
      MODERNIZE_LLM_BASE_URL: server.baseUrl,
      MODERNIZE_LLM_MAX_RETRIES: '0',
      ...(key ? { MODERNIZE_LLM_API_KEY: key } : {}),
    });
  const monitor = (key: string | undefined, options: { index?: VectorIndex; registry?: ToolRegistry } = {}) =>
    new AgentHealthMonitor({
      config: config(key),
      memory: {
        manager: new AgentMemoryManager({
          store,
          index: options.index ?? index,
          embedder: new LocalHashEmbedder(),
        }),
        store,
      },
      breakers: new CircuitBreakerRegistry(),
      ...(options.registry ? { registry: options.registry } : {}),
    });

  it('reports every agent healthy when the model answers, memory is reachable and tools are registered', async () => {
    // Prepare
    server.script([json({ ok: true })]);

    // Act
    const report = await monitor('k').check(acme);

    // Assess
    expect(report.status).toBe('healthy');
    expect(report.model).toMatchObject({ status: 'healthy', keyConfigured: true, circuit: 'closed' });
    expect(report.agents.map((a) => a.agent)).toContain('sixr_strategist');
    expect(report.agents.every((a) => a.status === 'healthy')).toBe(true);
    expect(report.recommendations).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a model answering 500 as unhealthy, with the reason and a recommendation', async () => {
    // Prepare
    server.script(() => status(500));

    // Act
    const report = await monitor('k').check(acme);

    // Assess
    expect(report.status).toBe('unhealthy');
    expect(report.model.status).toBe('unhealthy');
    expect(report.model.reason).toMatch(/500/);
    expect(report.agents.find((a) => a.agent === 'cmdb_analyst')).toMatchObject({
      status: 'unhealthy',
      model: 'unhealthy',
    });
    expect(report.recommendations.join(' ')).toContain(server.baseUrl);
  });

  it('reports degraded, not unhealthy, when no key is configured, without calling the model', async () => {
    // Act
    const report = await monitor(undefined).check(acme);

    // Assess
    expect(report.status).toBe('degraded');
    expect(report.model).toMatchObject({ status: 'degraded', keyConfigured: false });
    expect(report.model.reason).toContain('no LLM key');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a failing memory store as unhealthy for the agents that keep memory', async () => {
    // Prepare
    server.script(() => json({ ok: true }));
    const broken: VectorIndex = {
      upsert: async () => undefined,
      remove: async () => undefined,
      search: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9200');
      },
    };

    // Act
    const report = await monitor('k', { index: broken }).check(acme);

    // Assess
    expect(report.status).toBe('unhealthy');
    expect(report.memory.status).toBe('unhealthy');
    expect(report.memory.reason).toContain('ECONNREFUSED');
    expect(report.agents.find((a) => a.agent === 'risk_assessor')?.memory).toBe('unhealthy');
    expect(report.recommendations.join(' ')).toMatch(/memory store/);
  });

  it('reports an agent whose tools are not registered as unhealthy, naming them', async () => {
    // Prepare
    server.script(() => json({ ok: true }));
    const seed = createSeedToolRegistry();
    const partial = new ToolRegistry();
    for (const name of ['field_mapping_tool', 'data_analysis_tool'])
      partial.register(seed.get(name) as never);

    // Act
    const report = await monitor('k', { registry: partial }).check(acme, ['cmdb_analyst', 'sixr_strategist']);

    // Assess
    expect(report.agents.find((a) => a.agent === 'cmdb_analyst')?.status).toBe('healthy');
    const strategist = report.agents.find((a) => a.agent === 'sixr_strategist');
    expect(strategist?.status).toBe('unhealthy');
    expect(strategist?.tools.missing).toContain('sixr_analysis_tool');
    expect(report.status).toBe('unhealthy');
  });
});
