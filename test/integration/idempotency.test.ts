import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_PK_PREFIX } from '#config/powertools.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { handler as s3Upload } from '../../functions/s3Upload.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/** The fields of a presigned-upload answer (or an error) these tests read. */
interface UploadAnswer {
  readonly uploadId?: string;
  readonly objectKey?: string;
  readonly error?: { readonly code: string };
}

describe('idempotency (Powertools, records in the single table)', () => {
  let t: TestPlatform;
  let api: TestApi;
  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  async function post(path: string, token: string, body: unknown, key?: string) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    };
    if (key) headers['Idempotency-Key'] = key;
    const res = await fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as UploadAnswer };
  }

  it('answers a retried POST with the same Idempotency-Key with the first answer', async () => {
    const token = await api.token('acme', ['client_admin']);
    const first = await post('/engagements/e1/uploads', token, { fileName: 'a.csv' }, 'key-1');
    const retry = await post('/engagements/e1/uploads', token, { fileName: 'a.csv' }, 'key-1');
    const fresh = await post('/engagements/e1/uploads', token, { fileName: 'a.csv' });
    expect(first.status).toBe(201);
    expect(retry.body.uploadId).toBe(first.body.uploadId);
    expect(fresh.body.uploadId).not.toBe(first.body.uploadId);
  });

  it('refuses a reused key with a different body, and never shares answers across tenants', async () => {
    const acme = await api.token('acme', ['client_admin']);
    const globex = await api.token('globex', ['client_admin']);
    const first = await post('/engagements/e2/uploads', acme, { fileName: 'a.csv' }, 'key-2');
    const changed = await post('/engagements/e2/uploads', acme, { fileName: 'b.csv' }, 'key-2');
    const other = await post('/engagements/e2/uploads', globex, { fileName: 'a.csv' }, 'key-2');
    expect(changed.status).toBe(422);
    expect(changed.body.error?.code).toBe('idempotency_key_reused');
    expect(other.status).toBe(201);
    expect(other.body.objectKey).toMatch(/^t\/globex\//);
    expect(other.body.uploadId).not.toBe(first.body.uploadId);
  });

  it('records S3 trigger idempotency outside every tenant partition', async () => {
    const key = objectKeys.upload('acme', 'idem', 'u-9', 'none.csv');
    await s3Upload({
      Records: [
        { eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key, sequencer: '0A' } } },
      ],
    } as never);
    const config = t.platform.services.config;
    const dynamo = new DynamoDBClient({
      region: config.region,
      endpoint: config.dynamoEndpoint,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const out = await dynamo.send(
      new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `${IDEMPOTENCY_PK_PREFIX}s3Upload` } },
      }),
    );
    expect(out.Items?.length).toBeGreaterThan(0);
    expect(out.Items?.[0]?.expiresAt?.N).toBeDefined();
  });
});
