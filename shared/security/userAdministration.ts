/**
 * Rules of user administration: who may grant which role, and how a user's stored roles and
 * engagement assignments replace the token's claims for each request.
 */
import { ROLES, type Role } from '#ports/tenant.ts';
import type { UserRecord, UserStore } from '#ports/userStore.ts';
import type { Caller } from './authenticate.ts';
import { AccessDeniedError, authorize, type Permission } from './rbac.ts';

/** Roles only a platform admin may grant, change or revoke. */
export const PLATFORM_ONLY_ROLES: readonly Role[] = ['platform_admin'];

/** A role grant above what the caller may give (a client admin granting platform_admin). */
export class RoleEscalationError extends AccessDeniedError {
  constructor(role: Role) {
    super(`your role may not grant or change ${role}`);
    this.name = 'RoleEscalationError';
  }
}

/**
 * Throws RoleEscalationError unless `caller` may give `roles` to a user who holds `currentRoles`
 * now: only a platform admin grants, keeps or takes away platform_admin, so a client admin can
 * neither escalate anyone nor demote or delete a platform admin.
 */
export function checkRoleGrant(
  caller: Pick<Caller, 'roles'>,
  roles: readonly Role[],
  currentRoles: readonly Role[] = [],
): void {
  if (caller.roles.includes('platform_admin')) return;
  for (const role of [...roles, ...currentRoles]) {
    if (PLATFORM_ONLY_ROLES.includes(role)) throw new RoleEscalationError(role);
  }
}

/**
 * The roles a caller holds when the tenant keeps a record of it: the record's roles (a client
 * admin's demotion or promotion applies at the next request), except that platform-only roles
 * never come from a record (a record cannot raise a token beyond what a client admin may grant)
 * and a token's platform-only roles are never taken away by one. Unknown role names are ignored.
 */
export function effectiveRoles(tokenRoles: readonly Role[], storedRoles: readonly Role[]): Role[] {
  const platformOnly = (role: Role) => PLATFORM_ONLY_ROLES.includes(role);
  const stored = storedRoles.filter((role) => ROLES.includes(role) && !platformOnly(role));
  return [...new Set([...stored, ...tokenRoles.filter(platformOnly)])];
}

/**
 * The caller as this request sees it: when the tenant keeps a record of the caller, its roles
 * (effectiveRoles) and its assigned engagements decide, replacing the token's claims; otherwise
 * the token stands. Admins see every engagement of their tenant either way (checkEngagementAccess).
 */
export function withStoredRecord(caller: Caller, record: UserRecord | null): Caller {
  if (!record) return caller;
  return {
    ...caller,
    roles: effectiveRoles(caller.roles, record.roles),
    engagements: [...record.engagements],
  };
}

/**
 * Looks the caller up once (one GetItem) and applies its stored record. With `permission`, the
 * resulting caller is authorised too (AccessDeniedError, 403), so a demoted user is refused even
 * when its token still claims the old role: the API calls this before acting on the request.
 */
export async function resolveCaller(
  caller: Caller,
  users: Pick<UserStore, 'get'>,
  permission?: Permission | 'public',
): Promise<Caller> {
  const resolved = withStoredRecord(caller, await users.get(caller, caller.userId));
  if (permission && permission !== 'public') authorize(resolved, permission);
  return resolved;
}

/** User ids are token subjects: UUIDs, user names or e-mail addresses, never key separators. */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,127}$/;

/** True when `userId` may name a user (a key segment without `#` or `/`). */
export function isUserId(userId: string): boolean {
  return USER_ID.test(userId);
}
