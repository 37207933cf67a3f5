import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '#ports/auditStore.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { EXAMPLES, startTestPlatform, type TestPlatform } from '../support/platform.ts';

const reviewCsv = (): Buffer => {
  const rows = Array.from(
    { length: 40 },
    (_, i) => `zq-${100 + i},10.1.0.${i + 1},Windows Server 2019,8,ops`,
  );
  return Buffer.from(`Srv_Moniker,IP Address,Operating System,vCPU,Team\n${rows.join('\n')}\n`);
};

describe('the audit log records every mutation, denial, approval and override', () => {
  let t: TestPlatform;
  let api: TestApi;
  let admin: string;
  let events: AuditEvent[];
  let startedAt: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
    startedAt = new Date().toISOString();
    admin = await api.token('acme', ['client_admin'], {});
    const analyst = await api.token('acme', ['analyst'], { engagements: ['dc1'] });
    const viewer = await api.token('acme', ['viewer']);
    const manager = await api.token('acme', ['engagement_manager']);

    await api.call(
      'PUT',
      '/engagements/dc1/files/cmdb.csv?autoApprove=true',
      analyst,
      readFileSync(join(EXAMPLES, 'cmdb-export.csv')),
    );
    await api.call('PUT', '/engagements/dc1/files/x.csv', viewer, Buffer.from('a,b\n1,2\n'));
    await api.call('GET', '/engagements/dc2/assets', analyst);
    await api.call('GET', '/audit', analyst);
    const review = await api.call('PUT', '/engagements/dc3/files/review.csv', manager, reviewCsv());
    await t.platform.idle();
    await api.call('POST', `/flows/${review.body.flow.flowId}/approve`, manager, {});
    await t.platform.idle();
    await api.call('POST', '/engagements/dc1/assessments', manager);
    await t.platform.idle();
    const recs = await api.call('GET', '/engagements/dc1/recommendations', manager);
    await api.call(
      'PUT',
      `/engagements/dc1/recommendations/${encodeURIComponent(recs.body.recommendations[0].application)}/override`,
      manager,
      { strategy: 'retain', reason: 'contract until 2028' },
    );
    await t.platform.idle();
    events = (await api.call('GET', '/audit', admin)).body.events;
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('records an upload with who, tenant, what, when and outcome', () => {
    const upload = events.find(
      (e) => e.action === 'PUT /engagements/{engagementId}/files/{fileName}' && e.outcome === 'success',
    );

    expect(upload).toMatchObject({
      clientAccountId: 'acme',
      userId: 'acme-user',
      roles: ['analyst'],
      target: { engagementId: 'dc1', fileName: 'cmdb.csv' },
      status: 202,
    });
    expect((upload?.at ?? '') >= startedAt).toBe(true);
  });

  it('records denials: a role without the permission, an unassigned engagement, the audit log itself', () => {
    const denied = events.filter((e) => e.outcome === 'denied');

    expect(denied).toContainEqual(
      expect.objectContaining({ roles: ['viewer'], status: 403, reason: 'your role does not allow upload' }),
    );
    expect(denied).toContainEqual(
      expect.objectContaining({
        action: 'GET /engagements/{engagementId}/assets',
        status: 404,
        target: { engagementId: 'dc2' },
      }),
    );
    expect(denied).toContainEqual(expect.objectContaining({ action: 'GET /audit', status: 403 }));
  });

  it('records the approval (API call and flow approval) and the override', () => {
    const actions = events
      .filter((e) => e.roles.includes('engagement_manager'))
      .map((e) => `${e.action} ${e.outcome}`);

    expect(actions).toContain('POST /flows/{flowId}/approve success');
    expect(actions).toContain('flow.approve success');
    expect(actions).toContain(
      'PUT /engagements/{engagementId}/recommendations/{application}/override success',
    );
  });

  it('does not record plain reads', () => {
    expect(events.filter((e) => e.action.startsWith('GET ') && e.outcome === 'success')).toEqual([]);
  });

  it('filters by time range and action, oldest first', async () => {
    const all = events.map((e) => e.at);
    const middle = events[Math.floor(events.length / 2)] as AuditEvent;

    const byAction = await api.call('GET', '/audit?action=flow.approve', admin);
    const fromMiddle = await api.call('GET', `/audit?from=${encodeURIComponent(middle.at)}`, admin);
    const future = await api.call('GET', '/audit?from=2999-01-01', admin);
    const bad = await api.call('GET', '/audit?from=yesterday', admin);

    expect(all).toEqual([...all].sort());
    expect(byAction.body.events.map((e: AuditEvent) => e.action)).toEqual(['flow.approve']);
    expect(fromMiddle.body.events.length).toBeLessThan(events.length);
    expect(fromMiddle.body.events[0].at >= middle.at).toBe(true);
    expect(future.body.events).toEqual([]);
    expect(bad.status).toBe(400);
  });

  it("shows a client_admin only its own tenant's log", async () => {
    const other = await api.token('globex', ['client_admin']);

    const theirs = await api.call('GET', '/audit', other);

    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toMatch(/acme|dc1/);
  });
});
