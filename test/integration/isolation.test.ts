import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import {
  type IdSet,
  isolationMatrix,
  missingIds,
  normalise,
  RECORD_PARAMS,
} from '../support/isolationMatrix.ts';
import { EXAMPLES, startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

/** A call that keeps non-JSON answers (reports, exports) as text. */
async function rawCall(api: TestApi, method: string, path: string, token: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(body)) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${api.url}${path}`, { method, headers, body: payload });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
  return { status: res.status, body: json as unknown, text };
}

describe('tenant isolation, for every route of the route table', () => {
  let t: TestPlatform;
  let api: TestApi;
  let acme: string;
  let globex: string;
  const victim: IdSet = { engagementId: 'dc1', fileName: 'cmdb.csv' };
  let secrets: string[];
  let objectKey: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
    acme = await api.token('acme', ['client_admin'], {});
    globex = await api.token('globex', ['client_admin']);
    const put = await api.call(
      'PUT',
      '/engagements/dc1/files/cmdb.csv?autoApprove=true&asOf=2026-11-26',
      acme,
      readFileSync(join(EXAMPLES, 'cmdb-export.csv')),
    );
    expect(put.status).toBe(202);
    victim.flowId = put.body.flow.flowId;
    victim.uploadId = put.body.upload.uploadId;
    objectKey = put.body.upload.objectKey;
    await t.platform.idle();
    await api.call('POST', '/engagements/dc1/assessments', acme);
    await t.platform.idle();
    const assets = (await api.call('GET', '/engagements/dc1/assets', acme)).body.assets;
    victim.assetId = assets[0].assetId;
    const recs = (await api.call('GET', '/engagements/dc1/recommendations', acme)).body.recommendations;
    victim.application = recs[0].application;
    const learned = await api.call('POST', '/feedback', acme, {
      agentType: 'cmdb_analyst',
      type: 'correction',
      corrections: [{ source: 'Acme Secret Column', target: 'costCenter' }],
    });
    victim.memoryId = learned.body.stored[0].memoryId;
    secrets = [
      'acme',
      'Acme Secret Column',
      victim.flowId,
      victim.uploadId,
      victim.assetId,
      victim.memoryId,
      assets[0].name,
    ] as string[];
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('the matrix covers every authenticated route', () => {
    const cases = isolationMatrix(routes, victim, missingIds());

    expect(cases.length).toBe(routes.filter((r) => r.permission !== 'public').length);
    expect(cases.length).toBeGreaterThan(20);
  });

  it("answers tenant B with A's ids exactly as with ids that exist nowhere, and reveals nothing of A", async () => {
    const missing = missingIds();
    const failures: string[] = [];
    for (const c of isolationMatrix(routes, victim, missing)) {
      const label = `${c.route.method} ${c.route.path}`;
      const absent = await rawCall(api, c.route.method, c.missingPath, globex, c.missingBody);
      await t.platform.idle();
      const probed = await rawCall(api, c.route.method, c.victimPath, globex, c.victimBody);
      await t.platform.idle();
      const namesRecord = RECORD_PARAMS.some((p) => c.route.path.includes(`{${p}}`));
      if (namesRecord && probed.status !== 404) failures.push(`${label}: ${probed.status}, not 404`);
      if (probed.status >= 500) failures.push(`${label}: ${probed.status}`);
      if (probed.status !== absent.status)
        failures.push(`${label}: ${probed.status} for A's ids, ${absent.status} for missing ids`);
      const seen = normalise(probed.body, victim, missing);
      if (seen !== normalise(absent.body, missing, victim))
        failures.push(
          `${label}: answer differs from a missing id's:\n${seen}\n${normalise(absent.body, missing, victim)}`,
        );
      // Ids B sent itself (and may find echoed, e.g. in its own audit log) are no leak; anything else is.
      for (const secret of secrets) if (seen.includes(secret)) failures.push(`${label}: leaks ${secret}`);
    }

    expect(failures).toEqual([]);
  });

  it("left tenant A's records as they were", async () => {
    const flow = await api.call('GET', `/flows/${victim.flowId}`, acme);
    const memories = await api.call('GET', '/memories?q=Acme%20Secret%20Column', acme);

    expect(flow.body.status).toBe('completed');
    expect(memories.body.memories.map((m: { memoryId: string }) => m.memoryId)).toContain(victim.memoryId);
    expect(
      memories.body.memories.find((m: { memoryId: string }) => m.memoryId === victim.memoryId).validation,
    ).not.toBe('invalidated');
  });

  it('every store refuses or hides the other tenant’s keys', async () => {
    const s = t.platform.services;
    const b = tenant('globex');

    expect(await s.flows.get(b, victim.flowId as string)).toBeNull();
    expect(await s.uploads.get(b, 'dc1', victim.uploadId as string)).toBeNull();
    expect(await s.assets.get(b, 'dc1', victim.assetId as string)).toBeNull();
    expect(await s.memoryStore.get(b, victim.memoryId as string)).toBeNull();
    expect(JSON.stringify(await s.mappings.list(b))).not.toMatch(/Acme Secret Column|acme/);
    expect(JSON.stringify(await s.overrides.listAll(b))).not.toMatch(/acme/);
    expect(await s.audit.list(b)).not.toContainEqual(expect.objectContaining({ clientAccountId: 'acme' }));
    expect(await s.agentMetrics.listUsage(b)).toEqual([]);
  });

  it('the object store refuses keys outside the tenant prefix, however they are spelled', async () => {
    const objects = t.platform.services.objects;
    const b = tenant('globex');
    const tricks = [
      objectKey,
      objectKeys.tenantPrefix('acme'),
      `t/globex/../acme/${objectKey.slice('t/acme/'.length)}`,
      't/globex/..\\..\\acme/x',
      't/globex//t/acme/x',
      `/t/acme/x`,
      `t/globex`,
      `t/globexx/x`,
    ];

    for (const key of tricks) {
      expect(await objects.getText(b, key), key).toBeNull();
      await expect(objects.getStream(b, key), key).rejects.toMatchObject({ status: 404 });
      await expect(objects.head(b, key), key).rejects.toMatchObject({ status: 404 });
      await expect(objects.put(b, key, 'x'), key).rejects.toMatchObject({ status: 404 });
      await expect(
        Promise.resolve().then(() => objects.presignPut(b, key, 60)),
        key,
      ).rejects.toMatchObject({ status: 404 });
    }
    await expect(objects.list(b, 't/acme/')).rejects.toMatchObject({ status: 404 });
  });

  it("the vector index never returns another tenant's vectors", async () => {
    const s = t.platform.services;
    const record = await s.memoryStore.get(tenant('acme'), victim.memoryId as string);
    expect(record).not.toBeNull();
    const batch = await s.embedder.embed(['Acme Secret Column costCenter']);
    const space = { model: batch.model, dimensions: batch.dimensions };
    const vector = batch.vectors[0] as Float32Array;

    const own = await s.vectorIndex.search(tenant('acme'), space, vector, { k: 50 });
    const foreign = await s.vectorIndex.search(tenant('globex'), space, vector, { k: 50 });

    expect(own.map((m) => m.id)).toContain(victim.memoryId);
    expect(foreign.map((m) => m.id)).not.toContain(victim.memoryId);
  });
});
