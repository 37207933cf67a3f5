import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '#flows/registerFlows.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

describe('flow store on dynalite', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => t.stop());

  it('loses no update when two writers race on one flow', async () => {
    // Prepare
    const acme = tenant('acme');
    const orchestrator = new FlowOrchestrator(t.platform.services);
    const flow = await orchestrator.createFlow(acme, { flowType: 'discovery', engagementId: 'e1' });
    // Act: two writers, 25 updates each, racing each other
    const writer = async (name: string) => {
      for (let i = 0; i < 25; i++) {
        await t.platform.services.flows.update(acme, flow.flowId, (f) => {
          f.notes.push(`${name}-${i}`);
        });
      }
    };
    await Promise.all([writer('a'), writer('b')]);
    // Assess
    const stored = await t.platform.services.flows.get(acme, flow.flowId);
    expect(stored?.notes).toHaveLength(50);
    expect(new Set(stored?.notes).size).toBe(50);
    expect(stored?.version).toBe(51);
  });

  it('ten concurrent writers still lose nothing', async () => {
    const acme = tenant('acme');
    const flow = await new FlowOrchestrator(t.platform.services).createFlow(acme, {
      flowType: 'discovery',
      engagementId: 'e9',
    });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.platform.services.flows.update(acme, flow.flowId, (f) => {
          f.notes.push(`w${i}`);
        }),
      ),
    );
    expect((await t.platform.services.flows.get(acme, flow.flowId))?.notes.sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `w${i}`).sort(),
    );
  });

  it('lists flows by engagement and status, and hides them from other tenants', async () => {
    const acme = tenant('acme');
    const orchestrator = new FlowOrchestrator(t.platform.services);
    const a = await orchestrator.createFlow(acme, { flowType: 'discovery', engagementId: 'e2' });
    await t.platform.services.flows.update(acme, a.flowId, (f) => {
      f.status = 'failed';
    });
    await orchestrator.createFlow(acme, { flowType: 'discovery', engagementId: 'e2' });

    const all = await orchestrator.listFlows(acme, { engagementId: 'e2' });
    const failed = await orchestrator.listFlows(acme, { engagementId: 'e2', status: 'failed' });
    const other = await orchestrator.listFlows(tenant('globex'), { engagementId: 'e2' });

    expect(all).toHaveLength(2);
    expect(failed.map((f) => f.flowId)).toEqual([a.flowId]);
    expect(other).toEqual([]);
    expect(await t.platform.services.flows.get(tenant('globex'), a.flowId)).toBeNull();
  });

  it('reports the phases from the state-machine file', async () => {
    const flow = await new FlowOrchestrator(t.platform.services).createFlow(tenant('acme'), {
      flowType: 'discovery',
      engagementId: 'e3',
    });
    expect(flow.phases.map((p) => p.name)).toEqual([
      'data_import',
      'field_mapping',
      'data_cleansing',
      'asset_inventory',
      'dependency_analysis',
      'tech_debt_analysis',
    ]);
  });
});
