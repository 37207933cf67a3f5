import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentPerformanceTrackerFor } from '#agents/agentStatus.ts';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { correctFlowMapping, flowMappings, recordRejection } from '#flows/engagementQueries.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

/** A client export whose server-name column the rules cannot know. */
function csv(nameHeader: string): Buffer {
  const rows = Array.from(
    { length: 30 },
    (_, i) => `zq-${100 + i},10.2.0.${i + 1},Windows Server 2019,8,ops`,
  );
  return Buffer.from(`${nameHeader},IP Address,Operating System,vCPU,Team\n${rows.join('\n')}\n`);
}

describe('learning through memory (embedded platform)', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => t.stop());

  async function discover(tenantId: string, header: string) {
    const who = tenant(tenantId);
    const upload = await storeUpload(t.platform.services, who, {
      engagementId: 'e1',
      fileName: 'servers.csv',
      body: csv(header),
    });
    const flow = await startDiscovery(t.platform.services, who, upload, {});
    await t.platform.workflow.settled(flow.executionArns.at(-1) as string);
    const done = await t.platform.services.flows.get(who, flow.flowId);
    if (!done) throw new Error(`flow ${flow.flowId} vanished`);
    const mapping = (await flowMappings(t.platform.services, who, done)).mappings.find(
      (m) => m.source === header,
    );
    return { flow: done, mapping };
  }

  it('maps a header resembling a corrected one with the learned target for that tenant only, and stops after a rejection', async () => {
    // Prepare: acme teaches "Srv_Moniker" -> name on a flow waiting for review.
    const acme = tenant('acme');
    const first = await discover('acme', 'Srv_Moniker');
    expect(first.flow.status).toBe('awaiting_review');
    await correctFlowMapping(t.platform.services, acme, first.flow.flowId, {
      source: 'Srv_Moniker',
      target: 'name',
    });
    const approved = await new FlowOrchestrator(t.platform.services).approve(acme, first.flow.flowId);
    await t.platform.workflow.settled(approved.executionArns.at(-1) as string);

    // Act
    const similar = await discover('acme', 'Srv Moniker Primary');
    const glued = await discover('acme', 'SrvMonikerName');
    const otherTenant = await discover('globex', 'Srv Moniker Primary');

    // Assess: a learned, lower-confidence proposal naming the remembered correction.
    for (const { mapping } of [similar, glued]) {
      expect(mapping).toMatchObject({ target: 'name', method: 'learned' });
      expect(mapping?.confidence).toBeLessThan(0.99);
      expect(mapping?.reason).toContain('"Srv_Moniker"');
    }
    expect(similar.flow.status).toBe('completed');
    expect(otherTenant.mapping?.method).not.toBe('learned');
    expect(otherTenant.mapping?.target).not.toBe('name');
    expect(otherTenant.flow.status).toBe('awaiting_review');

    // Act: acme rejects the proposal for one spelling (modernize correct --reject); it is not proposed again.
    const review = await discover('acme', 'Srv Moniker Backup');
    expect(review.mapping).toMatchObject({ target: 'name', method: 'learned' });
    await recordRejection(t.platform.services, acme, 'Srv Moniker Backup', 'name');
    const again = await discover('acme', 'Srv Moniker Backup');

    // Assess
    expect(again.mapping?.target).not.toBe('name');
    const memories = await memoryManagerFor(t.platform.services).retrieveMemories(acme, {
      query: 'Srv Moniker Backup',
      agentType: 'field_mapping_specialist',
      memoryType: 'feedback',
      attributes: { kind: 'header_rejection' },
      touch: false,
    });
    expect(memories[0]?.record.content).toMatchObject({ header: 'Srv Moniker Backup', target: 'name' });
  });

  it('reports learning progress from the mapping corrections of the flows', async () => {
    // Act
    const report = await agentPerformanceTrackerFor(t.platform.services).report(tenant('acme'));

    // Assess: the first flow had its name column corrected; the learned ones were accepted as mapped.
    const flows = report.learning.flows;
    expect(flows.length).toBeGreaterThanOrEqual(4);
    expect(flows[0]?.corrected).toBe(1);
    expect(flows[1]?.corrected).toBe(0);
    expect(report.learning.acceptedShare).toBeGreaterThan(0.5);
    const globex = await agentPerformanceTrackerFor(t.platform.services).report(tenant('globex'));
    expect(globex.learning.flows.every((f) => f.corrected === 0)).toBe(true);
  });
});
