import { describe, expect, it } from 'vitest';
import type { UserRecord } from '#ports/userStore.ts';
import type { Caller } from '#security/authenticate.ts';
import {
  AccessDeniedError,
  allows,
  checkEngagementAccess,
  EngagementAccessDeniedError,
} from '#security/rbac.ts';
import {
  checkRoleGrant,
  effectiveRoles,
  isUserId,
  RoleEscalationError,
  resolveCaller,
  withStoredRecord,
} from '#security/userAdministration.ts';

const record = (engagements: string[]): UserRecord => ({
  userId: 'ana',
  roles: ['analyst'],
  engagements,
  createdAt: '2026-11-26T00:00:00.000Z',
  createdBy: 'carla',
});

describe('who may grant which role', () => {
  it('a client admin grants every role but platform_admin', () => {
    const clientAdmin = { roles: ['client_admin'] } as const;

    expect(() =>
      checkRoleGrant(clientAdmin, ['viewer', 'analyst', 'engagement_manager', 'client_admin']),
    ).not.toThrow();
    expect(() => checkRoleGrant(clientAdmin, ['analyst', 'platform_admin'])).toThrow(RoleEscalationError);
  });

  it('a client admin cannot demote or remove a platform admin; a platform admin can', () => {
    expect(() => checkRoleGrant({ roles: ['client_admin'] }, ['viewer'], ['platform_admin'])).toThrow(
      /platform_admin/,
    );
    expect(() => checkRoleGrant({ roles: ['platform_admin'] }, ['viewer'], ['platform_admin'])).not.toThrow();
  });

  it('only admins manage users, only platform admins administer clients', () => {
    expect(allows(['client_admin'], 'manage_users')).toBe(true);
    expect(allows(['engagement_manager'], 'manage_users')).toBe(false);
    expect(allows(['client_admin'], 'administer_clients')).toBe(false);
    expect(allows(['platform_admin'], 'administer_clients')).toBe(true);
  });
});

describe('engagement access follows the stored assignments', () => {
  const analyst: Caller = {
    clientAccountId: 'acme',
    userId: 'ana',
    roles: ['analyst'],
    engagements: ['dc1'],
  };

  it('a stored record replaces the token claim', () => {
    const caller = withStoredRecord(analyst, record(['dc2']));

    expect(() => checkEngagementAccess(caller, 'dc2')).not.toThrow();
    expect(() => checkEngagementAccess(caller, 'dc1')).toThrow(EngagementAccessDeniedError);
  });

  it('an empty assignment list opens no engagement; no record keeps the claim', () => {
    expect(() => checkEngagementAccess(withStoredRecord(analyst, record([])), 'dc1')).toThrow(
      EngagementAccessDeniedError,
    );
    expect(withStoredRecord(analyst, null)).toBe(analyst);
  });

  it('admins still see every engagement of their tenant', () => {
    const admin = withStoredRecord(analyst, { ...record([]), roles: ['client_admin'] });

    expect(() => checkEngagementAccess(admin, 'dc9')).not.toThrow();
  });

  it('looks the caller up by tenant and token subject, once', async () => {
    const asked: string[] = [];
    const users = {
      get: async (tenant: { clientAccountId: string }, userId: string) => {
        asked.push(`${tenant.clientAccountId}/${userId}`);
        return record(['dc3']);
      },
    };

    const caller = await resolveCaller(analyst, users);

    expect(asked).toEqual(['acme/ana']);
    expect(caller.engagements).toEqual(['dc3']);
  });
});

describe('stored roles decide, within what a client admin may grant', () => {
  const token: Caller = { clientAccountId: 'acme', userId: 'ana', roles: ['analyst'] };
  const stored = (roles: UserRecord['roles']) => ({ get: async () => ({ ...record(['dc1']), roles }) });

  it("a demoted user is refused what its token's old role allowed, at the next request", async () => {
    const caller = await resolveCaller(token, stored(['viewer']), 'read');

    expect(caller.roles).toEqual(['viewer']);
    await expect(resolveCaller(token, stored(['viewer']), 'upload')).rejects.toThrow(AccessDeniedError);
    await expect(resolveCaller(token, stored(['analyst']), 'upload')).resolves.toMatchObject({
      roles: ['analyst'],
    });
  });

  it('a record never yields platform_admin, and never takes it from a platform token', () => {
    expect(effectiveRoles(['analyst'], ['platform_admin', 'viewer'])).toEqual(['viewer']);
    expect(effectiveRoles(['analyst'], ['platform_admin'])).toEqual([]);
    expect(effectiveRoles(['platform_admin'], ['viewer'])).toEqual(['viewer', 'platform_admin']);
    expect(effectiveRoles(['viewer'], ['client_admin'])).toEqual(['client_admin']);
  });

  it('a record that leaves no role refuses everything; no record keeps the token', async () => {
    await expect(resolveCaller(token, stored(['platform_admin']), 'read')).rejects.toThrow(AccessDeniedError);
    await expect(resolveCaller(token, { get: async () => null }, 'upload')).resolves.toBe(token);
  });
});

describe('user ids', () => {
  it('accepts subjects, names and e-mail addresses, refuses key separators', () => {
    expect(['ana', 'ana.lopez@acme.example', '3f2c9a10-1b2c-4d5e-8f90-123456789abc'].every(isUserId)).toBe(
      true,
    );
    expect(['', 'a#b', 'a/b', '../x', ' ana'].some(isUserId)).toBe(false);
  });
});
