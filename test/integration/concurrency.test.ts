import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { validCsv } from '../support/hostileCorpus.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

const TENANTS = 10;
const FLOWS_PER_TENANT = 5;
const ROWS = 15;

describe('50 concurrent flows across 10 tenants on the embedded platform', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => t.stop());

  it('every flow finishes, no update is lost, no record lands in the wrong tenant', {
    timeout: 300_000,
  }, async () => {
    const { services } = t.platform;
    const jobs = Array.from({ length: TENANTS * FLOWS_PER_TENANT }, (_, i) => ({
      who: tenant(`tenant${i % TENANTS}`),
      engagementId: `e${Math.floor(i / TENANTS)}`,
    }));

    const flows = await Promise.all(
      jobs.map(async ({ who, engagementId }) => {
        const body = validCsv(ROWS).replaceAll('srv-', `${who.clientAccountId}-${engagementId}-`);
        const upload = await storeUpload(services, who, {
          engagementId,
          fileName: 'a.csv',
          body: Buffer.from(body),
        });
        return startDiscovery(services, who, upload, { autoApprove: true });
      }),
    );
    await t.platform.idle();

    for (const [i, { who, engagementId }] of jobs.entries()) {
      const flow = await services.flows.get(who, flows[i]?.flowId as string);
      expect(flow?.status, `${who.clientAccountId}/${engagementId}`).toBe('completed');
      expect(flow?.phases.every((p) => p.status === 'completed')).toBe(true);
      const assets = await services.assets.list(who, engagementId);
      expect(assets.length).toBe(ROWS);
      expect(assets.every((a) => a.name.startsWith(`${who.clientAccountId}-${engagementId}-`))).toBe(true);
    }
    for (let k = 0; k < TENANTS; k++) {
      const who = tenant(`tenant${k}`);
      const listed = await Promise.all(
        Array.from({ length: FLOWS_PER_TENANT }, (_, e) =>
          services.flows.list(who, { engagementId: `e${e}` }),
        ),
      );
      expect(listed.flat().length).toBe(FLOWS_PER_TENANT);
      expect(listed.flat().every((f) => f.clientAccountId === who.clientAccountId)).toBe(true);
    }
  });
});
