import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import type { AgentUsageRecord } from '#ports/agentMetricsStore.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';
import {
  cooperativeModel,
  type ScriptedLlmServer,
  startScriptedLlmServer,
} from '../support/scriptedLlmServer.ts';

/** A CSV of `rows` servers whose name column the rules cannot know (the agents would be asked). */
function csv(rows: number, prefix = 'srv'): Buffer {
  const lines = Array.from(
    { length: rows },
    (_, i) => `${prefix}-${100 + i},10.1.0.${i + 1},Windows Server 2019,8`,
  );
  return Buffer.from(`Srv_Moniker,IP Address,Operating System,vCPU\n${lines.join('\n')}\n`);
}

function usage(callId: string, at: Date, tokens: number): AgentUsageRecord {
  return {
    callId,
    engagementId: 'e1',
    flowId: `f-${callId}`,
    agent: 'cmdb_analyst',
    model: 'm',
    endpoint: 'scripted',
    promptTokens: tokens - 50,
    completionTokens: 50,
    costUsd: 0,
    source: 'llm',
    at: at.toISOString(),
  };
}

const LLM_ENV = ['MODERNIZE_LLM_BASE_URL', 'MODERNIZE_LLM_API_KEY', 'MODERNIZE_LLM_MAX_RETRIES'];

describe('tenant limits from the client record, and the monthly LLM token budget', () => {
  let t: TestPlatform;
  let api: TestApi;
  let model: ScriptedLlmServer;
  let platformAdmin: string;
  const saved = Object.fromEntries(LLM_ENV.map((k) => [k, process.env[k]]));
  const monthStart = () => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  };

  beforeAll(async () => {
    model = await startScriptedLlmServer(cooperativeModel((h, e) => (/moniker/i.test(h) ? 'name' : e)));
    Object.assign(process.env, {
      MODERNIZE_LLM_BASE_URL: model.baseUrl,
      MODERNIZE_LLM_API_KEY: 'scripted-key',
      MODERNIZE_LLM_MAX_RETRIES: '0',
    });
    t = await startTestPlatform();
    api = await startTestApi();
    platformAdmin = await api.token('ops', ['platform_admin']);
  });
  afterAll(async () => {
    await t.platform.idle();
    api.close();
    await t.stop();
    await model.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("a platform admin's limits bind that tenant's uploads at once, and no other tenant's", async () => {
    const acme = await api.token('acme', ['analyst']);
    const globex = await api.token('globex', ['analyst']);
    const saved = await api.call('PUT', '/clients/acme', platformAdmin, {
      name: 'Acme',
      limits: { maxRows: 2 },
    });
    expect(saved.status).toBe(201);

    const refused = await api.call('PUT', '/engagements/dc1/files/servers.csv', acme, csv(3));
    const other = await api.call('PUT', '/engagements/dc1/files/servers.csv', globex, csv(3));
    await api.call('PUT', '/clients/acme', platformAdmin, { name: 'Acme', limits: { maxRows: 1000 } });
    const raised = await api.call('PUT', '/engagements/dc1/files/servers.csv', acme, csv(3));

    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/more than 2 data rows/);
    expect(other.status).toBe(202);
    expect(raised.status).toBe(202);
  });

  it.each([
    [
      { maxCats: 5 },
      /^limits: unknown limit "maxCats" \(known: maxUploadBytes, maxRows, maxColumns, llmTokenBudget\)$/,
    ],
    [{ maxRows: -1 }, /^limits\.maxRows: must be a non-negative integer$/],
    [{ llmTokenBudget: 2.5 }, /^limits\.llmTokenBudget: must be a non-negative integer$/],
  ])('refuses client limits %j with a one-line 400 and keeps the record', async (limits, reason) => {
    const answer = await api.call('PUT', '/clients/acme', platformAdmin, { name: 'Acme', limits });

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(reason);
    const clients = (await api.call('GET', '/clients', platformAdmin)).body.clients;
    expect(clients).toContainEqual(expect.objectContaining({ clientId: 'acme', limits: { maxRows: 1000 } }));
  });

  it("GET /limits shows any role the effective limits and only this month's tokens", async () => {
    const who = tenant('initech');
    await t.platform.services.agentMetrics.recordUsage(who, usage('now', new Date(), 300));
    await t.platform.services.agentMetrics.recordUsage(
      who,
      usage('last-month', new Date(monthStart().getTime() - 1), 5000),
    );
    await api.call('PUT', '/clients/initech', platformAdmin, {
      name: 'Initech',
      limits: { llmTokenBudget: 1000, maxColumns: 40 },
    });

    const answer = await api.call('GET', '/limits', await api.token('initech', ['viewer']));

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      clientAccountId: 'initech',
      limits: { llmTokenBudget: 1000, maxColumns: 40, maxRows: 5_000_000 },
      sources: { llmTokenBudget: 'client', maxColumns: 'client', maxRows: 'default' },
      tokenUsage: {
        month: monthStart().toISOString().slice(0, 7),
        used: 300,
        calls: 1,
        budget: 1000,
        remaining: 700,
        exhausted: false,
      },
    });
    expect((await api.call('GET', '/limits')).status).toBe(401);
  });

  it('a tenant past its monthly budget makes no LLM call: the flow completes by rules and says why', async () => {
    const who = tenant('hooli');
    await t.platform.services.agentMetrics.recordUsage(who, usage('spent', new Date(), 500));
    await api.call('PUT', '/clients/hooli', platformAdmin, {
      name: 'Hooli',
      limits: { llmTokenBudget: 100 },
    });
    await t.platform.idle(); // flows of the earlier uploads may still be asking the model
    const before = model.requests.length;

    const upload = await storeUpload(t.platform.services, who, {
      engagementId: 'e1',
      fileName: 'x.csv',
      body: csv(20, 'ho'),
    });
    const started = await startDiscovery(t.platform.services, who, upload, { autoApprove: true });
    await t.platform.workflow.settled(started.executionArns.at(-1) as string);
    const flow = await t.platform.services.flows.get(who, started.flowId);

    expect(flow?.status).toBe('completed');
    expect(model.requests.length).toBe(before);
    const month = monthStart().toISOString().slice(0, 7);
    expect(flow?.notes.join('\n')).toContain(
      `LLM token budget of 100 tokens for ${month} exhausted (used 500); rules used`,
    );
  });

  it('an upload the S3 trigger starts is held to the client-record limits in data_import', async () => {
    const who = tenant('umbrella');
    await api.call('PUT', '/clients/umbrella', platformAdmin, { name: 'Umbrella', limits: { maxRows: 2 } });

    await t.platform.services.objects.put(who, objectKeys.upload('umbrella', 'dc', 'u-1', 'big.csv'), csv(3));
    await t.platform.idle();

    const flows = await t.platform.services.flows.list(who, { engagementId: 'dc' });
    expect(flows).toHaveLength(1);
    expect(flows[0]?.status).toBe('failed');
    expect(flows[0]?.error).toMatchObject({ phase: 'data_import' });
    expect(flows[0]?.error?.message).toMatch(/more than 2 data rows/);
  });
});
