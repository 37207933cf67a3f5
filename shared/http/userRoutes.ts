/**
 * Routes of user and client administration: a client admin keeps its tenant's users and their
 * engagement assignments; a platform admin keeps the registry of client accounts. Appended to
 * the route table (routes.ts), so the isolation matrix and the audit cover them like every route.
 */
import * as z from 'zod/v4';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import { isSafeId, ROLES, type Role } from '#ports/tenant.ts';
import type { ClientLimits, UserRecord } from '#ports/userStore.ts';
import { monthlyTokenUsage } from '#security/quotas.ts';
import { clientLimitsSchema, describeLimits, forgetLimits } from '#security/tenantLimits.ts';
import { checkRoleGrant, isUserId } from '#security/userAdministration.ts';
import type { Route, RouteContext } from './apiTypes.ts';
import { checkEngagementId } from './baseRoutes.ts';

const MAX_ASSIGNMENTS = 500;

const userBody = z.object({
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  engagements: z.array(z.string().min(1).max(64)).max(MAX_ASSIGNMENTS).default([]),
});

const clientBody = z.object({
  name: z.string().min(1).max(200),
  limits: clientLimitsSchema.optional(),
});

/** The user id named in the path (400 when it could not name a user). */
function userParam(ctx: RouteContext): string {
  const id = ctx.params.userId ?? '';
  if (!isUserId(id)) throw new BadInputError(`invalid user id "${id.slice(0, 40)}"`);
  return id;
}

/** Adds or removes the path's engagement from the path's user (404 when the user is unknown). */
async function assignment(ctx: RouteContext, assigned: boolean) {
  const engagementId = checkEngagementId(ctx.params.engagementId ?? '');
  const userId = userParam(ctx);
  const user = await ctx.services.users.setAssignment(ctx.caller, userId, engagementId, assigned);
  if (!user) throw new NotFoundError(`user ${userId}`);
  return { status: 200, body: user };
}

/** User administration (client_admin, platform_admin) and client administration (platform_admin). */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users',
    permission: 'manage_users',
    summary: "The tenant's users with their roles and assigned engagements.",
    handler: async (ctx) => ({ status: 200, body: { users: await ctx.services.users.list(ctx.caller) } }),
  },
  {
    method: 'PUT',
    path: '/users/{userId}',
    permission: 'manage_users',
    summary:
      "Creates or replaces a user's roles and assigned engagements (only a platform admin grants platform_admin).",
    body: userBody,
    handler: async (ctx) => {
      const userId = userParam(ctx);
      const body = ctx.body as { roles: Role[]; engagements: string[] };
      const engagements = [...new Set(body.engagements.map(checkEngagementId))].sort();
      const current = await ctx.services.users.get(ctx.caller, userId);
      checkRoleGrant(ctx.caller, body.roles, current?.roles);
      const now = ctx.services.clock.now().toISOString();
      const user: UserRecord = {
        userId,
        roles: [...new Set(body.roles)],
        engagements,
        createdAt: current?.createdAt ?? now,
        createdBy: current?.createdBy ?? ctx.caller.userId,
        ...(current ? { updatedAt: now, updatedBy: ctx.caller.userId } : {}),
      };
      return { status: current ? 200 : 201, body: await ctx.services.users.put(ctx.caller, user) };
    },
  },
  {
    method: 'DELETE',
    path: '/users/{userId}',
    permission: 'manage_users',
    summary: 'Removes a user (its token then falls back to its own claims).',
    handler: async (ctx) => {
      const userId = userParam(ctx);
      const current = await ctx.services.users.get(ctx.caller, userId);
      if (!current) throw new NotFoundError(`user ${userId}`);
      checkRoleGrant(ctx.caller, [], current.roles);
      await ctx.services.users.remove(ctx.caller, userId);
      return { status: 200, body: { userId, removed: true } };
    },
  },
  {
    method: 'PUT',
    path: '/engagements/{engagementId}/users/{userId}',
    permission: 'manage_users',
    summary: 'Assigns a user to the engagement.',
    handler: (ctx) => assignment(ctx, true),
  },
  {
    method: 'DELETE',
    path: '/engagements/{engagementId}/users/{userId}',
    permission: 'manage_users',
    summary: 'Unassigns a user from the engagement (it answers 404 for the user from then on).',
    handler: (ctx) => assignment(ctx, false),
  },
  {
    method: 'GET',
    path: '/clients',
    permission: 'administer_clients',
    summary: 'The client accounts of the platform (platform admins only).',
    handler: async (ctx) => ({ status: 200, body: { clients: await ctx.services.clients.list(ctx.caller) } }),
  },
  {
    method: 'PUT',
    path: '/clients/{clientId}',
    permission: 'administer_clients',
    summary: 'Registers or updates a client account: its name and limits (platform admins only).',
    body: clientBody,
    handler: async (ctx) => {
      const clientId = ctx.params.clientId ?? '';
      if (!isSafeId(clientId)) throw new BadInputError(`invalid client id "${clientId.slice(0, 40)}"`);
      const body = ctx.body as { name: string; limits?: ClientLimits };
      const existing = await ctx.services.clients.get(ctx.caller, clientId);
      const record = await ctx.services.clients.put(ctx.caller, {
        clientId,
        name: body.name,
        ...(body.limits ? { limits: body.limits } : {}),
        updatedAt: ctx.services.clock.now().toISOString(),
        updatedBy: ctx.caller.userId,
      });
      // This container applies the new limits at once; the others within LIMITS_CACHE_TTL_MS.
      forgetLimits(ctx.services, clientId);
      return { status: existing ? 200 : 201, body: record };
    },
  },
  {
    method: 'GET',
    path: '/limits',
    permission: 'read',
    summary:
      "The tenant's effective limits (client record, else configuration, else platform defaults) and this month's LLM token usage.",
    handler: async (ctx) => ({ status: 200, body: await limitsView(ctx) }),
  },
];

/** The caller's tenant's limits, where each comes from, and its token use this calendar month (UTC). */
async function limitsView(ctx: RouteContext) {
  const tenantId = ctx.caller.clientAccountId;
  const [{ limits, sources }, usage] = await Promise.all([
    describeLimits(ctx.services, tenantId),
    monthlyTokenUsage(ctx.services.agentMetrics, ctx.caller, ctx.services.clock.now()),
  ]);
  const budget = limits.llmTokenBudget;
  return {
    clientAccountId: tenantId,
    limits,
    sources,
    tokenUsage: {
      month: usage.month,
      used: usage.used,
      calls: usage.calls,
      budget,
      remaining: budget ? Math.max(0, budget - usage.used) : null,
      exhausted: budget > 0 && usage.used >= budget,
    },
  };
}
