import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalUsage } from '#agents/usageLedger.ts';
import { startAssessment } from '#flows/assessment/index.ts';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { flowMappings } from '#flows/engagementQueries.ts';
import { EXAMPLES, startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';
import {
  byRole,
  cooperativeModel,
  hang,
  type ScriptedLlmServer,
  startScriptedLlmServer,
  status,
  systemOf,
  text,
} from '../support/scriptedLlmServer.ts';

/** A client export whose server-name column the rules cannot know. */
function csv(prefix: string): Buffer {
  const rows = Array.from(
    { length: 40 },
    (_, i) => `${prefix}-${100 + i},10.1.0.${i + 1},Windows Server 2019,8,ops`,
  );
  return Buffer.from(`Srv_Moniker,IP Address,Operating System,vCPU,Team\n${rows.join('\n')}\n`);
}

const guessName = (header: string, engine: string | null) => (/moniker/i.test(header) ? 'name' : engine);

const LLM_ENV = [
  'MODERNIZE_LLM_BASE_URL',
  'MODERNIZE_LLM_API_KEY',
  'MODERNIZE_LLM_TIMEOUT_MS',
  'MODERNIZE_LLM_MAX_RETRIES',
];

describe('agents in the flows, against a scripted model', () => {
  let t: TestPlatform;
  let model: ScriptedLlmServer;
  const saved = Object.fromEntries(LLM_ENV.map((k) => [k, process.env[k]]));

  function useModel(server: ScriptedLlmServer, timeoutMs = 2000, retries = 1) {
    Object.assign(process.env, {
      MODERNIZE_LLM_BASE_URL: server.baseUrl,
      MODERNIZE_LLM_API_KEY: 'scripted-key',
      MODERNIZE_LLM_TIMEOUT_MS: String(timeoutMs),
      MODERNIZE_LLM_MAX_RETRIES: String(retries),
    });
  }

  beforeAll(async () => {
    model = await startScriptedLlmServer(cooperativeModel(guessName));
    useModel(model);
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
    await model.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  async function discover(tenantId: string, body: Buffer, engagementId = 'e1', autoApprove = false) {
    const who = tenant(tenantId);
    const upload = await storeUpload(t.platform.services, who, { engagementId, fileName: 'x.csv', body });
    const flow = await startDiscovery(t.platform.services, who, upload, autoApprove ? { autoApprove } : {});
    await t.platform.workflow.settled(flow.executionArns.at(-1) as string);
    const done = await t.platform.services.flows.get(who, flow.flowId);
    if (!done) throw new Error(`flow ${flow.flowId} vanished`);
    return done;
  }

  it('maps the column the rules could not through the agents, completes, and counts every call once', async () => {
    const before = model.requests.length;
    const flow = await discover('acme', csv('zq'));
    expect(flow.status).toBe('completed');
    const mapping = (await flowMappings(t.platform.services, tenant('acme'), flow)).mappings.find(
      (m) => m.source === 'Srv_Moniker',
    );
    expect(mapping).toMatchObject({ target: 'name', method: 'llm' });
    const assets = await t.platform.services.assets.list(tenant('acme'), 'e1');
    expect(assets.map((a) => a.name)).toContain('zq-100');

    const sent = model.requests.length - before;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(6);
    const usage = totalUsage(
      await t.platform.services.agentMetrics.listUsage(tenant('acme'), { flowId: flow.flowId }),
    );
    expect(usage).toMatchObject({
      calls: sent,
      unknownCalls: 0,
      promptTokens: 100 * sent,
      completionTokens: 20 * sent,
    });
  });

  it('answers a repeated identical request from the tenant cache, with no LLM call', async () => {
    const before = model.requests.length;
    const flow = await discover('acme', csv('zq'));
    expect(flow.status).toBe('completed');
    const mappingCalls = model.requests.slice(before).filter((r) => systemOf(r).includes('Field Mapping'));
    expect(mappingCalls).toHaveLength(0);
    const records = await t.platform.services.agentMetrics.listUsage(tenant('acme'), { flowId: flow.flowId });
    expect(records.some((r) => r.source === 'cache' && r.agent === 'field_mapping_specialist')).toBe(true);
  });

  it('never lets one tenant’s data or cache reach another tenant’s agents', async () => {
    const before = model.requests.length;
    const flow = await discover('globex', csv('gx'));
    expect(flow.status).toBe('completed');
    const theirs = model.requests.slice(before);
    expect(theirs.some((r) => systemOf(r).includes('Field Mapping'))).toBe(true);
    for (const r of theirs) expect(JSON.stringify(r.body)).not.toContain('zq-1');
    const globexUsage = await t.platform.services.agentMetrics.listUsage(tenant('globex'));
    expect(globexUsage.every((r) => r.flowId === flow.flowId)).toBe(true);
    expect(globexUsage.some((r) => r.source === 'cache')).toBe(false);
  });

  it('gives the mapping to the fallback agent when the specialist keeps answering garbage', async () => {
    model.script(
      byRole(
        { 'Field Mapping Intelligence Specialist': () => text('{"mappings": [oops') },
        cooperativeModel(guessName),
      ),
    );
    try {
      const flow = await discover('initech', csv('in'));
      expect(flow.status).toBe('completed');
      expect(flow.notes.join('\n')).toMatch(/field_mapping_specialist failed .*data_mapper took the task/);
      const mapping = (await flowMappings(t.platform.services, tenant('initech'), flow)).mappings.find(
        (m) => m.source === 'Srv_Moniker',
      );
      expect(mapping?.reason).toContain('data_mapper');
    } finally {
      model.script(cooperativeModel(guessName));
    }
  });

  it('completes by rules when the model fails with 500s past its retries, and says so on the flow', async () => {
    const broken = await startScriptedLlmServer(() => status(500, '0'));
    useModel(broken, 2000, 1);
    try {
      const flow = await discover('umbrella', csv('um'), 'e1', true);
      expect(flow.status).toBe('completed');
      expect(flow.notes.join('\n')).toContain('degraded mode');
      const fm = flow.phases.find((p) => p.name === 'field_mapping');
      expect(JSON.stringify(fm)).toContain('"method":"rules"');
      // One request and one retry per crew: the flow does not hammer a failing endpoint.
      expect(broken.requests.length).toBeLessThanOrEqual(4);
    } finally {
      useModel(model);
      await broken.close();
    }
  });

  it('completes by rules when the model never answers (client timeout)', async () => {
    const silent = await startScriptedLlmServer(() => hang());
    useModel(silent, 150, 0);
    try {
      const flow = await discover('hooli', csv('ho'), 'e1', true);
      expect(flow.status).toBe('completed');
      expect(flow.notes.join('\n')).toMatch(/degraded mode.*time/i);
    } finally {
      useModel(model);
      await silent.close();
    }
  });

  it('reviews dependencies, strategies and risks with their specialists and keeps the engines’ numbers', async () => {
    for (const f of ['cmdb-export.csv', 'connections.csv']) {
      const flow = await discover('stark', readFileSync(join(EXAMPLES, f)), 'e2', true);
      expect(flow.status).toBe('completed');
    }
    const who = tenant('stark');
    const started = await startAssessment(t.platform.services, who, 'e2');
    await t.platform.workflow.settled(started.executionArns.at(-1) as string);
    const flow = await t.platform.services.flows.get(who, started.flowId);
    expect(flow?.status).toBe('completed');
    const sixr = flow?.phases.find((p) => p.name === 'sixr_strategy');
    expect(JSON.stringify(sixr)).toContain('"review":"llm"');
    const risk = flow?.phases.find((p) => p.name === 'risk_assessment');
    expect(JSON.stringify(risk)).toContain('"review":"llm"');
    const waves = flow?.phases.find((p) => p.name === 'wave_planning');
    expect(JSON.stringify(waves)).toContain('"review":"llm"');
  });
});
