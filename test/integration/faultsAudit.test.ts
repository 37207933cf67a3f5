import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import type { AuditEvent } from '#ports/auditStore.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import { startTestApi } from '../support/api.ts';
import { FaultProxy, type FaultRule } from '../support/faultProxy.ts';
import { resumeToEnd, startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';
import {
  hang,
  type ScriptedLlmServer,
  type ScriptStep,
  startScriptedLlmServer,
  status,
  text,
  toolCalls,
} from '../support/scriptedLlmServer.ts';

const ROWS = 30;
const LLM_ENV = [
  'MODERNIZE_LLM_BASE_URL',
  'MODERNIZE_LLM_API_KEY',
  'MODERNIZE_LLM_TIMEOUT_MS',
  'MODERNIZE_LLM_MAX_RETRIES',
] as const;

/** An export whose server-name column the rules are unsure of, so discovery hands it to the agents. */
const reviewCsv = (): Buffer => {
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `fx-${100 + i},10.2.0.${i + 1},Windows Server 2016,4,ops`,
  );
  return Buffer.from(`Srv_Moniker,IP Address,Operating System,vCPU,Team\n${rows.join('\n')}\n`);
};

/** A model that never gives a usable answer: 500s, timeouts, malformed and unknown tool calls, broken JSON. */
const BROKEN_MODEL: readonly ScriptStep[] = [
  status(500),
  hang(),
  toolCalls([{ name: 'data_analysis_tool', arguments: '{"headers": [oops' }]),
  toolCalls([{ name: 'drop_every_table', arguments: {} }]),
  text('{"mappings": [oops'),
];

/** Identity of a tool-call event apart from its id and time. */
const callOf = (e: AuditEvent) => `${e.action}|${e.target?.agent}|${e.mode}|${e.outcome}`;

describe('combined faults: a failing model while DynamoDB throttles, drops and refuses writes', () => {
  const saved = Object.fromEntries(LLM_ENV.map((k) => [k, process.env[k]]));
  const dynamo = new FaultProxy();
  let model: ScriptedLlmServer;
  let t: TestPlatform;

  beforeAll(async () => {
    model = await startScriptedLlmServer(
      (_request, index) => BROKEN_MODEL[index % BROKEN_MODEL.length] as ScriptStep,
    );
    Object.assign(process.env, {
      MODERNIZE_LLM_BASE_URL: model.baseUrl,
      MODERNIZE_LLM_API_KEY: 'scripted-key',
      MODERNIZE_LLM_TIMEOUT_MS: '300',
      MODERNIZE_LLM_MAX_RETRIES: '0',
    });
    t = await startTestPlatform({
      wrapEndpoints: async (endpoints) => ({ ...endpoints, dynamo: await dynamo.start(endpoints.dynamo) }),
    });
  });
  afterAll(async () => {
    await t.stop();
    await dynamo.stop();
    await model.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** Uploads (faults off), then runs discovery under `rule`; returns the flow as it ended. */
  async function discover(engagementId: string, rule: FaultRule): Promise<FlowRecord> {
    const acme = tenant('acme');
    dynamo.rule = () => undefined;
    const upload = await storeUpload(t.platform.services, acme, {
      engagementId,
      fileName: 'estate.csv',
      body: reviewCsv(),
    });
    const flow = await startDiscovery(t.platform.services, acme, upload, { autoApprove: true });
    dynamo.rule = rule;
    await t.platform.workflow.settled(flow.executionArns.at(-1) as string);
    await t.platform.idle();
    dynamo.rule = () => undefined;
    return (await t.platform.services.flows.get(acme, flow.flowId)) as FlowRecord;
  }

  const toolEvents = async (flowId: string) =>
    (await t.platform.services.audit.list(tenant('acme'), { action: 'tool.' })).filter(
      (e) => e.target?.flowId === flowId,
    );

  /** The tool calls a clean run of the same file makes (DynamoDB healthy, the model still broken). */
  let reference: string[] | undefined;
  async function referenceCalls(): Promise<string[]> {
    if (!reference) {
      const flow = await discover(`reference-${Date.now()}`, () => undefined);
      expect(flow.status).toBe('completed');
      reference = (await toolEvents(flow.flowId)).map(callOf).sort();
    }
    return reference;
  }

  async function expectExactlyOnce(flow: FlowRecord, engagementId: string): Promise<AuditEvent[]> {
    const calls = await toolEvents(flow.flowId);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((e) => e.mode === 'rules')).toBe(true);
    expect(new Set(calls.map((e) => e.eventId)).size).toBe(calls.length);
    expect(calls.map(callOf).sort()).toEqual(await referenceCalls());
    const assets = await t.platform.services.assets.list(tenant('acme'), engagementId);
    expect(new Set(assets.map((a) => a.name)).size).toBe(ROWS);
    expect(assets).toHaveLength(ROWS);
    return calls;
  }

  function expectCleanFailure(flow: FlowRecord): void {
    expect(['completed', 'failed']).toContain(flow.status);
    if (flow.status === 'failed') {
      expect(flow.error?.phase).toBeTruthy();
      expect(flow.error?.message).toMatch(/^\S[^\n]*$/);
    }
  }

  it('throttled, dropped and refused DynamoDB requests: degraded mode finishes or fails cleanly; each call audited once', async () => {
    // Once the agents are at work, every 4th DynamoDB request is throttled, every 9th dropped,
    // and the next 12 PutItems (audit writes among them) are refused outright.
    let refused = 0;
    const faulty = await discover('faulty', (req) => {
      if (model.requests.length === 0) return undefined;
      if (req.operation === 'PutItem' && refused < 12) {
        refused++;
        return 500;
      }
      if (req.seq % 9 === 0) return { kind: 'drop' };
      if (req.seq % 4 === 0) return { kind: 'throttle' };
      return undefined;
    });
    expectCleanFailure(faulty);
    const done = await resumeToEnd(t.platform, tenant('acme'), faulty);

    expect(model.requests.length).toBeGreaterThan(0);
    expect(dynamo.injected.status + dynamo.injected.throttle + dynamo.injected.drop).toBeGreaterThan(0);
    expect(done.status).toBe('completed');
    expect(done.notes.join('\n')).toMatch(/degraded mode|ran by rules/);
    await expectExactlyOnce(done, 'faulty');
  });

  it('a phase that fails after its tool calls were audited re-runs them without a second record', async () => {
    // Right after the first tool call is audited, DynamoDB refuses the next PutItems: the phase
    // fails behind its audited calls, and its retry (or the resume) runs the same calls again.
    const audit = t.platform.services.audit;
    const record = audit.record.bind(audit);
    let armed = true;
    let refuse = 0;
    let toolRecords = 0;
    audit.record = async (who, entry) => {
      const event = await record(who, entry);
      if (entry.action.startsWith('tool.')) toolRecords++;
      if (armed && entry.action.startsWith('tool.')) {
        armed = false;
        refuse = 8;
      }
      return event;
    };
    try {
      const faulty = await discover('rerun', (req) => {
        if (req.operation !== 'PutItem' || refuse === 0) return undefined;
        refuse--;
        return 500;
      });
      expectCleanFailure(faulty);
      const done = await resumeToEnd(t.platform, tenant('acme'), faulty);

      expect(done.status).toBe('completed');
      const calls = await expectExactlyOnce(done, 'rerun');
      // More recordings than events: calls did run again, and their records were kept once.
      expect(toolRecords).toBeGreaterThan(calls.length);
    } finally {
      audit.record = record;
    }
  });

  it('a flood of bad tokens while DynamoDB refuses writes: every answer a 401, one PutItem each', async () => {
    const api = await startTestApi();
    await t.platform.idle();
    let puts = 0;
    try {
      dynamo.rule = (req) => {
        if (req.operation !== 'PutItem') return undefined;
        puts++;
        return 500;
      };
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${api.url}/engagements`, { headers: { authorization: 'Bearer not-a-jwt' } }).then(
            (r) => r.status,
          ),
        ),
      );

      expect(answers).toEqual(Array(20).fill(401));
      expect(puts).toBe(20);
    } finally {
      dynamo.rule = () => undefined;
      api.close();
    }
  });
});
