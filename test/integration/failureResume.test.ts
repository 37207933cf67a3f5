import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { FaultProxy } from '../support/faultProxy.ts';
import { EXAMPLES, startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

describe('a failing phase marks the flow failed; resume finishes it without duplicates', () => {
  const proxy = new FaultProxy();
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({
      wrapEndpoints: async ({ dynamo, s3 }) => ({ dynamo: await proxy.start(dynamo), s3 }),
    });
  });
  afterAll(async () => {
    await t.stop();
    await proxy.stop();
  });

  it('records the failing phase and error, then resumes from that phase', async () => {
    // Prepare: DynamoDB refuses batch writes (asset_inventory's writes)
    const acme = tenant('acme');
    const { services, workflow } = t.platform;
    proxy.rule = (req) => (req.operation === 'BatchWriteItem' ? 500 : undefined);
    const upload = await storeUpload(services, acme, {
      engagementId: 'e1',
      fileName: 'cmdb.csv',
      body: readFileSync(join(EXAMPLES, 'cmdb-export.csv')),
    });
    // Act
    const flow = await startDiscovery(services, acme, upload, { autoApprove: true });
    await workflow.settled(flow.executionArns.at(-1) as string);
    const failed = await services.flows.get(acme, flow.flowId);
    // Assess
    expect(failed?.status).toBe('failed');
    expect(failed?.error?.phase).toBe('asset_inventory');
    expect(failed?.error?.message).toMatch(/\S/);
    expect(failed?.phases.find((p) => p.name === 'field_mapping')?.status).toBe('completed');
    expect(failed?.phases.find((p) => p.name === 'asset_inventory')?.attempts).toBeGreaterThan(1);
    expect(proxy.failures).toBeGreaterThan(0);

    // Act: the store recovers; resume
    proxy.rule = () => undefined;
    const resumed = await new FlowOrchestrator(services).resume(acme, flow.flowId);
    await workflow.settled(resumed.executionArns.at(-1) as string);
    const done = await services.flows.get(acme, flow.flowId);

    // Assess: completed, earlier phases not re-run, no duplicate assets
    expect(done?.status).toBe('completed');
    expect(done?.phases.find((p) => p.name === 'data_import')?.attempts).toBe(1);
    const assets = await services.assets.list(acme, 'e1');
    expect(new Set(assets.map((a) => a.assetId)).size).toBe(assets.length);
    expect(assets.length).toBe(done?.phases.find((p) => p.name === 'asset_inventory')?.result?.assets);
  });
});
