/**
 * Rules of user administration: who may grant which role, and how a user's stored engagement
 * assignments replace the token's `engagements` claim for each request.
 */
import type { Role } from '#ports/tenant.ts';
import type { UserRecord, UserStore } from '#ports/userStore.ts';
import type { Caller } from './authenticate.ts';
import { AccessDeniedError } from './rbac.ts';

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
 * The caller as this request sees it: when the tenant keeps a record of the caller, its assigned
 * engagements decide (they replace the token's claim); otherwise the token's claim stands.
 * Admins see every engagement of their tenant either way (checkEngagementAccess).
 */
export function withAssignments(caller: Caller, record: UserRecord | null): Caller {
  if (!record) return caller;
  return { ...caller, engagements: [...record.engagements] };
}

/** Looks the caller up once (one GetItem) and applies its assignments. */
export async function resolveCaller(caller: Caller, users: Pick<UserStore, 'get'>): Promise<Caller> {
  return withAssignments(caller, await users.get(caller, caller.userId));
}

/** User ids are token subjects: UUIDs, user names or e-mail addresses, never key separators. */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,127}$/;

/** True when `userId` may name a user (a key segment without `#` or `/`). */
export function isUserId(userId: string): boolean {
  return USER_ID.test(userId);
}
