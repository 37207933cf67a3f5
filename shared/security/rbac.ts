/**
 * Role-based access: which roles may perform which operation, and the engagement check
 * applied to every request that names an engagement.
 */
import { ForbiddenError, NotFoundError } from '#errors/errors.ts';
import type { Role } from '#ports/tenant.ts';
import type { Caller } from './authenticate.ts';

/** Operations the API and agents perform. */
export const PERMISSIONS = {
  read: ['viewer', 'analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  upload: ['analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  run_flow: ['analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  correct_mapping: ['analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  approve: ['engagement_manager', 'client_admin', 'platform_admin'],
  override: ['engagement_manager', 'client_admin', 'platform_admin'],
  manage_engagements: ['client_admin', 'platform_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Throws ForbiddenError unless one of the caller's roles grants `permission`. */
export function authorize(caller: Caller, permission: Permission): void {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  if (!caller.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`your role does not allow ${permission.replace('_', ' ')}`);
  }
}

/** An engagement the caller is not assigned to looks like one that does not exist. */
export function checkEngagementAccess(caller: Caller, engagementId: string): void {
  if (caller.roles.includes('platform_admin') || caller.roles.includes('client_admin')) return;
  if (caller.engagements && !caller.engagements.includes(engagementId)) {
    throw new NotFoundError(`engagement ${engagementId}`);
  }
}
