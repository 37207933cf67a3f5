import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { EXAMPLES, startTestPlatform, type TestPlatform } from '../support/platform.ts';

describe('HTTP API on the embedded platform', () => {
  let t: TestPlatform;
  let api: TestApi;
  let flowId: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('uploads a file, runs discovery and serves the inventory', async () => {
    const analyst = await api.token('acme', ['analyst']);
    const put = await api.call(
      'PUT',
      '/engagements/dc1/files/cmdb.csv?autoApprove=true&asOf=2026-11-26',
      analyst,
      readFileSync(join(EXAMPLES, 'cmdb-export.csv')),
    );
    expect(put.status).toBe(202);
    flowId = put.body.flow.flowId;
    await t.platform.idle();

    const flow = await api.call('GET', `/flows/${flowId}`, analyst);
    expect(flow.body.status).toBe('completed');
    const assets = await api.call('GET', '/engagements/dc1/assets', analyst);
    expect(assets.body.assets.length).toBeGreaterThan(200);
    const eol = await api.call('GET', '/engagements/dc1/assets?techDebt=eol', analyst);
    expect(eol.body.assets.length).toBeGreaterThan(0);
    expect(eol.body.assets.length).toBeLessThan(assets.body.assets.length);
    const mappings = await api.call('GET', `/flows/${flowId}/mappings`, analyst);
    expect(mappings.body.mappings.length).toBeGreaterThan(5);
  });

  it('refuses missing, tampered, expired and foreign-audience tokens with 401', async () => {
    const good = await api.token('acme', ['analyst']);
    const tampered = `${good.slice(0, -4)}AAAA`;
    const expired = await api.token('acme', ['analyst'], { expiresIn: '-1m' });

    expect((await api.call('GET', `/flows/${flowId}`)).status).toBe(401);
    expect((await api.call('GET', `/flows/${flowId}`, tampered)).status).toBe(401);
    expect((await api.call('GET', `/flows/${flowId}`, expired)).status).toBe(401);
    expect((await api.call('GET', `/flows/${flowId}`, 'not-a-jwt')).status).toBe(401);
  });

  it("answers another tenant's ids with 404 and leaks nothing", async () => {
    const globex = await api.token('globex', ['client_admin']);

    const flow = await api.call('GET', `/flows/${flowId}`, globex);
    const assets = await api.call('GET', '/engagements/dc1/assets', globex);

    expect(flow.status).toBe(404);
    expect(JSON.stringify(flow.body)).not.toMatch(/acme|cmdb/);
    expect(assets.body.assets).toEqual([]);
  });

  it('a viewer reads but cannot upload (403); an unassigned engagement is 404', async () => {
    const viewer = await api.token('acme', ['viewer'], { engagements: ['dc1'] });

    expect((await api.call('GET', '/engagements/dc1/assets', viewer)).status).toBe(200);
    expect(
      (await api.call('PUT', '/engagements/dc1/files/x.csv', viewer, Buffer.from('a,b\n1,2\n'))).status,
    ).toBe(403);
    expect((await api.call('GET', '/engagements/other/assets', viewer)).status).toBe(404);
  });

  it('bad input gets a 4xx with a one-line reason and starts nothing', async () => {
    const analyst = await api.token('acme', ['analyst']);
    const before = (await api.call('GET', '/engagements/bad/flows', analyst)).body.flows.length;

    const empty = await api.call('PUT', '/engagements/bad/files/empty.csv', analyst, Buffer.alloc(0));
    const headerOnly = await api.call(
      'PUT',
      '/engagements/bad/files/h.csv',
      analyst,
      Buffer.from('name,ip\n'),
    );
    const badJson = await api.call('POST', '/engagements/bad/flows', analyst, { uploadId: 42 });

    for (const res of [empty, headerOnly, badJson]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).not.toMatch(/\n/);
    }
    expect((await api.call('GET', '/engagements/bad/flows', analyst)).body.flows.length).toBe(before);
  });
});
