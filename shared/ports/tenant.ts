/**
 * Tenant context: an explicit argument of every port method and part of every key.
 */

/** Roles, least to most privileged (RBAC details live in shared/security). */
export const ROLES = ['viewer', 'analyst', 'engagement_manager', 'client_admin', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, for which client account. */
export interface TenantContext {
  readonly clientAccountId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}

/** Tenant ids and engagement ids are path and key segments: keep them to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** True when `id` is safe to use as a key or path segment. */
export function isSafeId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('..');
}
