import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import { everyNth, FaultProxy } from '../support/faultProxy.ts';
import { validCsv } from '../support/hostileCorpus.ts';
import { resumeToEnd, startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

const ROWS = 30;

describe('faults in DynamoDB and S3: flows finish, or fail cleanly and resume without duplicates', () => {
  const dynamo = new FaultProxy();
  const s3 = new FaultProxy();
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({
      wrapEndpoints: async (endpoints) => ({
        dynamo: await dynamo.start(endpoints.dynamo),
        s3: await s3.start(endpoints.s3),
      }),
    });
  });
  afterAll(async () => {
    await t.stop();
    await dynamo.stop();
    await s3.stop();
  });

  /** Uploads a small asset file (faults off) and runs discovery with the current rules. */
  async function discover(engagementId: string): Promise<FlowRecord> {
    const acme = tenant('acme');
    const rules = { dynamo: dynamo.rule, s3: s3.rule };
    dynamo.rule = () => undefined;
    s3.rule = () => undefined;
    const upload = await storeUpload(t.platform.services, acme, {
      engagementId,
      fileName: 'assets.csv',
      body: Buffer.from(validCsv(ROWS)),
    });
    dynamo.rule = rules.dynamo;
    s3.rule = rules.s3;
    const flow = await startDiscovery(t.platform.services, acme, upload, { autoApprove: true });
    await t.platform.workflow.settled(flow.executionArns.at(-1) as string);
    dynamo.rule = () => undefined;
    s3.rule = () => undefined;
    return (await t.platform.services.flows.get(acme, flow.flowId)) as FlowRecord;
  }

  async function expectExactlyOneAssetPerRow(engagementId: string): Promise<void> {
    const assets = await t.platform.services.assets.list(tenant('acme'), engagementId);
    expect(new Set(assets.map((a) => a.assetId)).size).toBe(assets.length);
    expect(new Set(assets.map((a) => a.name)).size).toBe(ROWS);
  }

  it('throttling (400 ThrottlingException, 503 SlowDown) is retried and the flow completes', async () => {
    dynamo.rule = everyNth(4, { kind: 'throttle' });
    s3.rule = everyNth(3, { kind: 'throttle' });

    const flow = await discover('throttled');

    expect(dynamo.injected.throttle + s3.injected.throttle).toBeGreaterThan(0);
    expect(flow.status).toBe('completed');
    await expectExactlyOneAssetPerRow('throttled');
  });

  it('latency on every other request slows the flow but changes nothing', async () => {
    dynamo.rule = everyNth(2, { kind: 'delay', ms: 20 });
    s3.rule = everyNth(2, { kind: 'delay', ms: 20 });

    const flow = await discover('slow');

    expect(dynamo.injected.delay).toBeGreaterThan(0);
    expect(flow.status).toBe('completed');
    await expectExactlyOneAssetPerRow('slow');
  });

  it('dropped connections end in a completed flow, or a failed one that resumes without duplicates', async () => {
    dynamo.rule = everyNth(6, { kind: 'drop' });
    s3.rule = everyNth(5, { kind: 'drop' });

    const flow = await discover('dropped');
    if (flow.status === 'failed') expect(flow.error?.phase).toBeTruthy();
    const done = await resumeToEnd(t.platform, tenant('acme'), flow);

    expect(dynamo.injected.drop + s3.injected.drop).toBeGreaterThan(0);
    expect(['completed', 'failed']).toContain(flow.status);
    expect(done.status).toBe('completed');
    await expectExactlyOneAssetPerRow('dropped');
  });

  it('S3 answering 500 to every read fails data_import cleanly; resume completes it once', async () => {
    s3.rule = (req) => (req.method === 'GET' ? 500 : undefined);

    const flow = await discover('s3down');
    const done = await resumeToEnd(t.platform, tenant('acme'), flow);

    expect(flow.status).toBe('failed');
    expect(flow.error?.phase).toBe('data_import');
    expect(flow.error?.message).toMatch(/^\S[^\n]*$/);
    expect(done.status).toBe('completed');
    expect(done.phases.every((p) => p.status === 'completed')).toBe(true);
    await expectExactlyOneAssetPerRow('s3down');
  });

  it('DynamoDB refusing every write: starting the flow fails whole, and a retry later runs it once', async () => {
    dynamo.rule = (req) =>
      req.operation === 'BatchWriteItem' || req.operation === 'PutItem' ? 500 : undefined;

    const refused = await discover('ddbdown').then(
      () => 'started',
      (error: Error) => error.name,
    );
    dynamo.rule = () => undefined;
    const leftBehind = await t.platform.services.flows.list(tenant('acme'), { engagementId: 'ddbdown' });
    const flow = await discover('ddbdown');

    expect(refused).not.toBe('started');
    expect(leftBehind).toEqual([]);
    expect(flow.status).toBe('completed');
    await expectExactlyOneAssetPerRow('ddbdown');
  });
});
