import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectKeys } from '#ports/objectStore.ts';
import { handler as s3Upload } from '../../functions/s3Upload.ts';
import { EXAMPLES, startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

describe('S3 upload trigger starts discovery', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => t.stop());

  it('an object PUT to a presigned URL under the upload prefix runs discovery', async () => {
    // Prepare
    const acme = tenant('acme');
    const key = objectKeys.upload('acme', 'dc-move', 'u-1', 'cmdb-export.csv');
    const url = await t.platform.services.objects.presignPut(acme, key, 300);
    // Act: upload as a browser would, then let the event and the flow finish
    const put = await fetch(url, { method: 'PUT', body: readFileSync(join(EXAMPLES, 'cmdb-export.csv')) });
    expect(put.status).toBe(200);
    await t.platform.idle();
    // Assess
    expect(t.platform.s3EventErrors).toEqual([]);
    const flows = await t.platform.services.flows.list(acme, { engagementId: 'dc-move' });
    expect(flows).toHaveLength(1);
    expect(['completed', 'awaiting_review']).toContain(flows[0]?.status);
    expect(flows[0]?.phases[0]?.status).toBe('completed');
    const upload = await t.platform.services.uploads.get(acme, 'dc-move', 'u-1');
    expect(upload?.objectKey).toBe(key);
  });

  it('a duplicate delivery of the same event starts no second flow', async () => {
    const acme = tenant('acme');
    const key = objectKeys.upload('acme', 'dup', 'u-2', 'cmdb-export.csv');
    await t.platform.services.objects.put(acme, key, readFileSync(join(EXAMPLES, 'cmdb-export.csv')));
    await t.platform.idle();
    const record = {
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: t.platform.services.config.bucket },
        object: { key, size: 1, eTag: 'abc', sequencer: '01' },
      },
    };

    const first = await s3Upload({ Records: [record] } as never);
    const second = await s3Upload({ Records: [record] } as never);
    await t.platform.idle();

    expect(first.started).toHaveLength(1);
    expect(second.started).toEqual([]);
  });

  it('ignores objects outside an upload prefix', async () => {
    const result = await s3Upload({
      Records: [
        { eventName: 'ObjectCreated:Put', s3: { object: { key: 't/acme/e/x/flows/f/data_import.json' } } },
      ],
    } as never);
    expect(result.started).toEqual([]);
  });
});
