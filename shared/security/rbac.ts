/**
 * Role-based access: which roles may perform which operation (API routes and agent tool
 * calls), and the engagement check applied to every request that names an engagement.
 */
import { ForbiddenError, NotFoundError } from '#errors/errors.ts';
import type { Role } from '#ports/tenant.ts';
import type { Caller } from './authenticate.ts';

/**
 * Operations the API and agents perform: a viewer reads; an analyst uploads, runs flows and
 * corrects mappings; an engagement manager approves and overrides; a client admin manages the
 * engagements and users of its client (manage_users) and reads its audit log; a platform admin administers clients.
 */
export const PERMISSIONS = {
  read: ['viewer', 'analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  upload: ['analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  run_flow: ['analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  correct_mapping: ['analyst', 'engagement_manager', 'client_admin', 'platform_admin'],
  approve: ['engagement_manager', 'client_admin', 'platform_admin'],
  override: ['engagement_manager', 'client_admin', 'platform_admin'],
  manage_engagements: ['client_admin', 'platform_admin'],
  manage_users: ['client_admin', 'platform_admin'],
  view_audit: ['client_admin', 'platform_admin'],
  administer_clients: ['platform_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/**
 * What an agent's tool call needs, by tool capability: a tool that can teach the tenant a rule
 * needs `correct_mapping`; every other tool runs as part of a flow and needs `run_flow`.
 */
export const AGENT_OPERATION_PERMISSIONS: Readonly<Record<string, Permission>> = {
  learning: 'correct_mapping',
};

/** A denial the API records in the audit log (403, or a 404 that hides an engagement). */
export class AccessDeniedError extends ForbiddenError {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** An engagement the caller is not assigned to: answered exactly like a missing one (404). */
export class EngagementAccessDeniedError extends NotFoundError {
  constructor(engagementId: string) {
    super(`engagement ${engagementId}`);
    this.name = 'EngagementAccessDeniedError';
  }
}

/** True when one of `roles` grants `permission`. */
export function allows(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** Throws AccessDeniedError (403) unless one of the caller's roles grants `permission`. */
export function authorize(caller: Pick<Caller, 'roles'>, permission: Permission): void {
  if (!allows(caller.roles, permission)) {
    throw new AccessDeniedError(`your role does not allow ${permission.replaceAll('_', ' ')}`);
  }
}

/** The permissions a tool with `capabilities` needs (always at least `run_flow`). */
export function agentOperationPermissions(capabilities: readonly string[]): Permission[] {
  const needed = new Set<Permission>(['run_flow']);
  for (const c of capabilities) {
    const p = AGENT_OPERATION_PERMISSIONS[c];
    if (p) needed.add(p);
  }
  return [...needed];
}

/** Throws AccessDeniedError unless the acting identity may call a tool with `capabilities`. */
export function authorizeAgentOperation(
  actor: Pick<Caller, 'roles'>,
  tool: { readonly name: string; readonly capabilities: readonly string[] },
): void {
  for (const permission of agentOperationPermissions(tool.capabilities)) {
    if (!allows(actor.roles, permission))
      throw new AccessDeniedError(`your role does not allow the agent tool ${tool.name}`);
  }
}

/** An engagement the caller is not assigned to looks like one that does not exist. */
export function checkEngagementAccess(caller: Caller, engagementId: string): void {
  if (caller.roles.includes('platform_admin') || caller.roles.includes('client_admin')) return;
  if (caller.engagements && !caller.engagements.includes(engagementId)) {
    throw new EngagementAccessDeniedError(engagementId);
  }
}
