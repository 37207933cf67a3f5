import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { correctFlowMapping, flowMappings } from '#flows/engagementQueries.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

/** A client export whose server-name column the rules cannot know. */
function csv(nameHeader: string): Buffer {
  const rows = Array.from(
    { length: 40 },
    (_, i) => `zq-${100 + i},10.1.0.${i + 1},Windows Server 2019,8,ops`,
  );
  return Buffer.from(`${nameHeader},IP Address,Operating System,vCPU,Team\n${rows.join('\n')}\n`);
}

describe('review when unsure, approval, and per-tenant learning', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => t.stop());

  async function discover(tenantId: string, header: string, autoApprove = false) {
    const who = tenant(tenantId);
    const upload = await storeUpload(t.platform.services, who, {
      engagementId: 'e1',
      fileName: 'x.csv',
      body: csv(header),
    });
    const flow = await startDiscovery(t.platform.services, who, upload, autoApprove ? { autoApprove } : {});
    await t.platform.workflow.settled(flow.executionArns.at(-1) as string);
    const done = await t.platform.services.flows.get(who, flow.flowId);
    if (!done) throw new Error(`flow ${flow.flowId} vanished`);
    return done;
  }

  it('stops in awaiting_review when no column maps to a name, and continues once approved', async () => {
    const acme = tenant('acme');
    const flow = await discover('acme', 'Srv_Moniker');
    expect(flow.status).toBe('awaiting_review');
    expect(flow.phases.find((p) => p.name === 'data_cleansing')?.status).toBe('pending');

    await correctFlowMapping(t.platform.services, acme, flow.flowId, {
      source: 'Srv_Moniker',
      target: 'name',
    });
    const approved = await new FlowOrchestrator(t.platform.services).approve(acme, flow.flowId);
    await t.platform.workflow.settled(approved.executionArns.at(-1) as string);

    const done = await t.platform.services.flows.get(acme, flow.flowId);
    expect(done?.status).toBe('completed');
    const assets = await t.platform.services.assets.list(acme, 'e1');
    expect(assets.map((a) => a.name)).toContain('zq-100');
  });

  it('maps normalised variants of a corrected header as learned, for that tenant only', async () => {
    const acme = tenant('acme');
    for (const variant of ['SRV MONIKER', 'srv-moniker']) {
      const flow = await discover('acme', variant);
      const mappings = await flowMappings(t.platform.services, acme, flow);
      const m = mappings.mappings.find((x) => x.source === variant);
      expect(m?.target).toBe('name');
      expect(m?.method).toBe('learned');
      expect(flow.status).toBe('completed');
    }
    const other = await discover('globex', 'Srv_Moniker');
    const otherMapping = (await flowMappings(t.platform.services, tenant('globex'), other)).mappings.find(
      (x) => x.source === 'Srv_Moniker',
    );
    expect(otherMapping?.method).not.toBe('learned');
    expect(other.status).toBe('awaiting_review');
  });

  it('cancels a flow waiting for review; it cannot be approved afterwards', async () => {
    const globex = tenant('globex');
    const flow = await discover('globex', 'Srv_Moniker');
    expect(flow.status).toBe('awaiting_review');
    const orchestrator = new FlowOrchestrator(t.platform.services);

    const cancelled = await orchestrator.cancel(globex, flow.flowId);

    expect(cancelled.status).toBe('cancelled');
    await expect(orchestrator.approve(globex, flow.flowId)).rejects.toThrow(/cancelled/);
    await expect(orchestrator.cancel(globex, flow.flowId)).rejects.toThrow(/cannot be cancelled/);
  });

  it('does not propose a rejected pair again', async () => {
    const acme = tenant('acme');
    const first = await discover('acme', 'Host Name', true);
    const proposed = (await flowMappings(t.platform.services, acme, first)).mappings.find(
      (m) => m.source === 'Team',
    );
    const rejectedTarget = proposed?.target;
    if (!rejectedTarget) return expect(proposed?.target).toBeNull();
    const second = await discover('acme', 'Host Name');
    await correctFlowMapping(t.platform.services, acme, second.flowId, {
      source: 'Team',
      target: null,
      reject: true,
    });
    const third = await discover('acme', 'Host Name', true);
    const again = (await flowMappings(t.platform.services, acme, third)).mappings.find(
      (m) => m.source === 'Team',
    );
    expect(again?.target).not.toBe(rejectedTarget);
  });
});
