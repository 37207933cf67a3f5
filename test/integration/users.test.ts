import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#config/config.ts';
import type { AuditEvent } from '#ports/auditStore.ts';
import type { Role } from '#ports/tenant.ts';
import { mintLocalToken } from '#security/localKeys.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/** A token for a named user (the subject the API looks the user up by). */
function tokenFor(tenant: string, userId: string, roles: Role[], engagements?: string[]): Promise<string> {
  const config = loadConfig();
  return mintLocalToken({
    home: config.home,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    tenant,
    userId,
    roles,
    ...(engagements ? { engagements } : {}),
  });
}

const engagementIds = (body: { engagements: { engagementId: string }[] }) =>
  body.engagements.map((e) => e.engagementId).sort();

describe('users assigned to engagements, and client administration', () => {
  let t: TestPlatform;
  let api: TestApi;
  let admin: string;
  let ana: string;
  let platformAdmin: string;
  let globexAdmin: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
    admin = await tokenFor('acme', 'carla', ['client_admin']);
    ana = await tokenFor('acme', 'ana', ['analyst']);
    platformAdmin = await tokenFor('acme', 'pat', ['platform_admin']);
    globexAdmin = await tokenFor('globex', 'gus', ['client_admin']);
    for (const engagementId of ['dc1', 'dc2', 'dc3'])
      expect((await api.call('POST', '/engagements', admin, { engagementId })).status).toBe(201);
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('an analyst unassigned from an engagement gets 404 on it, and sees it again once reassigned', async () => {
    const created = await api.call('PUT', '/users/ana', admin, {
      roles: ['analyst'],
      engagements: ['dc2', 'dc1'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userId: 'ana', roles: ['analyst'], engagements: ['dc1', 'dc2'] });
    expect(engagementIds((await api.call('GET', '/engagements', ana)).body)).toEqual(['dc1', 'dc2']);
    expect((await api.call('GET', '/engagements/dc3/uploads', ana)).status).toBe(404);

    const unassigned = await api.call('DELETE', '/engagements/dc1/users/ana', admin);
    expect(unassigned.body.engagements).toEqual(['dc2']);
    expect((await api.call('GET', '/engagements/dc1/uploads', ana)).status).toBe(404);
    expect(engagementIds((await api.call('GET', '/engagements', ana)).body)).toEqual(['dc2']);

    expect((await api.call('PUT', '/engagements/dc1/users/ana', admin)).status).toBe(200);
    expect((await api.call('GET', '/engagements/dc1/uploads', ana)).status).toBe(200);
    expect((await api.call('GET', '/users', admin)).body.users).toContainEqual(
      expect.objectContaining({ userId: 'ana', engagements: ['dc1', 'dc2'], createdBy: 'carla' }),
    );
  });

  it('concurrent assignments of one user are all kept', async () => {
    await api.call('PUT', '/users/zoe', admin, { roles: ['viewer'] });
    const ids = Array.from({ length: 8 }, (_, i) => `eng-${i}`);

    const answers = await Promise.all(
      ids.map((id) => api.call('PUT', `/engagements/${id}/users/zoe`, admin)),
    );

    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const users = (await api.call('GET', '/users', admin)).body.users;
    expect(users.find((u: { userId: string }) => u.userId === 'zoe').engagements).toEqual(ids);
  });

  it("the stored assignments replace the token's claim; without a record the claim stands", async () => {
    const claimsDc1 = await tokenFor('acme', 'bob', ['analyst'], ['dc1']);
    expect((await api.call('GET', '/engagements/dc1/uploads', claimsDc1)).status).toBe(200);
    expect((await api.call('GET', '/engagements/dc3/uploads', claimsDc1)).status).toBe(404);

    await api.call('PUT', '/users/bob', admin, { roles: ['analyst'], engagements: ['dc3'] });
    expect((await api.call('GET', '/engagements/dc1/uploads', claimsDc1)).status).toBe(404);
    expect((await api.call('GET', '/engagements/dc3/uploads', claimsDc1)).status).toBe(200);

    expect((await api.call('DELETE', '/users/bob', admin)).status).toBe(200);
    expect((await api.call('GET', '/engagements/dc1/uploads', claimsDc1)).status).toBe(200);
    expect((await api.call('DELETE', '/users/bob', admin)).status).toBe(404);
  });

  it('a client admin can never grant platform_admin, nor change or remove a platform admin', async () => {
    const escalate = await api.call('PUT', '/users/mallory', admin, { roles: ['analyst', 'platform_admin'] });
    expect(escalate.status).toBe(403);
    expect((await api.call('GET', '/users', admin)).body.users).not.toContainEqual(
      expect.objectContaining({ userId: 'mallory' }),
    );

    expect((await api.call('PUT', '/users/olga', platformAdmin, { roles: ['platform_admin'] })).status).toBe(
      201,
    );
    expect((await api.call('PUT', '/users/olga', admin, { roles: ['viewer'] })).status).toBe(403);
    expect((await api.call('DELETE', '/users/olga', admin)).status).toBe(403);
    expect((await api.call('GET', '/users', admin)).body.users).toContainEqual(
      expect.objectContaining({ userId: 'olga', roles: ['platform_admin'] }),
    );
    expect((await api.call('PUT', '/users/x', ana, { roles: ['viewer'] })).status).toBe(403);
    expect((await api.call('GET', '/users', ana)).status).toBe(403);
  });

  it("another tenant's users are invisible and out of reach", async () => {
    const listed = await api.call('GET', '/users', globexAdmin);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toMatch(/ana|carla|acme/);
    expect((await api.call('DELETE', '/users/ana', globexAdmin)).status).toBe(404);
    expect((await api.call('DELETE', '/engagements/dc1/users/ana', globexAdmin)).status).toBe(404);
    expect((await api.call('GET', '/engagements/dc1/uploads', ana)).status).toBe(200);
  });

  it('only a platform admin lists and registers clients, kept outside every tenant', async () => {
    const body = { name: 'Acme Corp', limits: { maxRows: 100000, llmTokenBudget: 0 } };
    expect((await api.call('GET', '/clients', admin)).status).toBe(403);
    expect((await api.call('PUT', '/clients/acme', admin, body)).status).toBe(403);

    expect((await api.call('PUT', '/clients/acme', platformAdmin, body)).status).toBe(201);
    const renamed = await api.call('PUT', '/clients/acme', platformAdmin, { name: 'Acme Inc' });
    expect(renamed.status).toBe(200);
    expect((await api.call('PUT', '/clients/bad%23id', platformAdmin, body)).status).toBe(400);
    const clients = (await api.call('GET', '/clients', platformAdmin)).body.clients;
    expect(clients).toEqual([
      expect.objectContaining({ clientId: 'acme', name: 'Acme Inc', updatedBy: 'pat' }),
    ]);
    expect(JSON.stringify((await api.call('GET', '/users', admin)).body)).not.toMatch(/Acme Inc/);
  });

  it("stored roles decide: a demoted analyst's upload is refused 403 and audited; re-promoted it works", async () => {
    const dan = await tokenFor('acme', 'dan', ['analyst']);
    const upload = () =>
      api.call('PUT', '/engagements/dc1/files/servers.csv', dan, Buffer.from('Name,IP\nweb-1,10.0.0.1\n'));
    await api.call('PUT', '/users/dan', admin, { roles: ['analyst'], engagements: ['dc1'] });
    expect((await upload()).status).toBe(202);

    await api.call('PUT', '/users/dan', admin, { roles: ['viewer'], engagements: ['dc1'] });
    const refused = await upload();
    const stillReads = await api.call('GET', '/engagements/dc1/uploads', dan);
    await api.call('PUT', '/users/dan', admin, { roles: ['analyst'], engagements: ['dc1'] });
    const restored = await upload();

    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('your role does not allow upload');
    expect(stillReads.status).toBe(200);
    expect(restored.status).toBe(202);
    const events: AuditEvent[] = (await api.call('GET', '/audit', admin)).body.events;
    const uploads = events.filter((e) => e.userId === 'dan' && e.action.startsWith('PUT /engagements/'));
    expect(uploads.map((e) => e.outcome)).toEqual(expect.arrayContaining(['success', 'denied']));
    expect(uploads.filter((e) => e.outcome === 'denied')).toHaveLength(1);
    await t.platform.idle();
  });

  it('a stored record never makes a platform admin, nor takes the role from a platform token', async () => {
    await api.call('PUT', '/users/olga', platformAdmin, { roles: ['platform_admin'] });
    const olgaAnalyst = await tokenFor('acme', 'olga', ['analyst']);
    const olgaPlatform = await tokenFor('acme', 'olga', ['platform_admin']);

    expect((await api.call('GET', '/clients', olgaAnalyst)).status).toBe(403);
    expect((await api.call('GET', '/engagements', olgaAnalyst)).status).toBe(403);
    expect((await api.call('GET', '/clients', olgaPlatform)).status).toBe(200);
  });

  it('the audit log records the user administration and the refused escalation', async () => {
    const events: AuditEvent[] = (await api.call('GET', '/audit', admin)).body.events;
    const summary = events.map((e) => [e.action, e.target?.userId, e.outcome].filter(Boolean).join(' '));

    expect(summary).toContain('PUT /users/{userId} ana success');
    expect(summary).toContain('DELETE /engagements/{engagementId}/users/{userId} ana success');
    expect(summary).toContain('PUT /engagements/{engagementId}/users/{userId} ana success');
    expect(summary).toContain('PUT /users/{userId} mallory denied');
    expect(summary).toContain('DELETE /users/{userId} olga denied');
    expect(summary).toContain('PUT /clients/{clientId} denied');
  });
});
