/**
 * The limits that apply to a tenant, resolved in one place for every path that enforces them
 * (API upload, the data_import phase behind S3 triggers and flows, the LLM token budget, the CLI):
 * the client record a platform admin keeps (`PUT /clients/{id}`) over the configuration's
 * per-tenant overrides (MODERNIZE_TENANT_LIMITS) over the platform's defaults.
 */
import * as z from 'zod/v4';
import { LIMIT_KEYS, limitsFor, type ModernizeConfig, type TenantLimits } from '#config/config.ts';
import type { Clock } from '#ports/clock.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { ClientLimits, ClientRegistry } from '#ports/userStore.ts';

/** What resolving limits needs (a subset of Services). */
export interface LimitsServices {
  readonly config: ModernizeConfig;
  /** The platform's client registry; without it only configuration applies. */
  readonly clients?: Pick<ClientRegistry, 'get'>;
  /** The injected clock the cache ages by (default: the system clock). */
  readonly clock?: Clock;
}

/** Where one effective limit comes from. */
export type LimitSource = 'client' | 'tenant_config' | 'default';

/** A tenant's effective limits and, per limit, which layer set it (GET /limits shows both). */
export interface ResolvedLimits {
  readonly limits: TenantLimits;
  readonly sources: Readonly<Record<keyof TenantLimits, LimitSource>>;
}

/**
 * How long a container trusts a client record's limits it has read: a platform admin's change
 * reaches every container within this time (the container that saves it applies it at once).
 */
export const LIMITS_CACHE_TTL_MS = 60_000;

/** Schema of the limits a platform admin may save on a client record (known keys, non-negative integers). */
export const clientLimitsSchema = z.strictObject(
  Object.fromEntries(
    LIMIT_KEYS.map((key) => [
      key,
      z
        .number({ error: 'must be a non-negative integer' })
        .int({ error: 'must be a non-negative integer' })
        .min(0, { error: 'must be a non-negative integer' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
        .optional(),
    ]),
  ) as Record<(typeof LIMIT_KEYS)[number], z.ZodOptional<z.ZodNumber>>,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown limit ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${LIMIT_KEYS.join(', ')})`
        : 'must be an object of limits',
  },
);

interface CacheEntry {
  record: Promise<ClientLimits | undefined>;
  readonly readAt: number;
}

/** Client-record limits read per registry (one per container), by tenant. Holds limits only, no tenant data. */
const caches = new WeakMap<object, Map<string, CacheEntry>>();

/** Actor of the registry read: the platform itself, on behalf of the tenant whose limits apply. */
function systemActor(tenantId: string): TenantContext {
  return { clientAccountId: tenantId, userId: 'system:limits', roles: [] };
}

/**
 * The client record's limits of `tenantId`, cached for LIMITS_CACHE_TTL_MS of the injected clock;
 * concurrent lookups share one read. A failed read is not cached and falls back to configuration
 * (logged): limits still apply, only the platform admin's overrides wait for the next read.
 */
async function clientRecordLimits(
  services: LimitsServices,
  tenantId: string,
): Promise<ClientLimits | undefined> {
  const registry = services.clients;
  if (!registry) return undefined;
  const now = (services.clock?.now() ?? new Date()).getTime();
  let cache = caches.get(registry);
  if (!cache) {
    cache = new Map();
    caches.set(registry, cache);
  }
  const cached = cache.get(tenantId);
  if (cached && now - cached.readAt >= 0 && now - cached.readAt < LIMITS_CACHE_TTL_MS) return cached.record;
  const entry: CacheEntry = {
    record: Promise.resolve(undefined),
    readAt: now,
  };
  entry.record = registry
    .get(systemActor(tenantId), tenantId)
    .then((client) => client?.limits)
    .catch((error: unknown) => {
      if (cache.get(tenantId) === entry) cache.delete(tenantId);
      console.warn(
        `client limits of ${tenantId} unreadable, configured limits apply: ${(error as Error).message}`,
      );
      return undefined;
    });
  cache.set(tenantId, entry);
  return entry.record;
}

/** The tenant's effective limits with the layer each came from. */
export async function describeLimits(services: LimitsServices, tenantId: string): Promise<ResolvedLimits> {
  const configured = limitsFor(services.config, tenantId);
  const overrides = services.config.tenantLimits?.[tenantId] ?? {};
  const record = (await clientRecordLimits(services, tenantId)) ?? {};
  const limits = { ...configured } as Record<keyof TenantLimits, number>;
  const sources = {} as Record<keyof TenantLimits, LimitSource>;
  for (const key of LIMIT_KEYS) {
    const own = record[key];
    if (typeof own === 'number' && Number.isFinite(own) && own >= 0) {
      limits[key] = own;
      sources[key] = 'client';
    } else {
      sources[key] = overrides[key] !== undefined ? 'tenant_config' : 'default';
    }
  }
  return { limits, sources };
}

/**
 * The limits that apply to `tenantId`: client record > MODERNIZE_TENANT_LIMITS > defaults.
 *
 * @example
 * const limits = await resolveLimits(ctx.services, ctx.caller.clientAccountId);
 * await openUpload(open, name, importLimitsOf(limits)).profile();
 */
export async function resolveLimits(services: LimitsServices, tenantId: string): Promise<TenantLimits> {
  return (await describeLimits(services, tenantId)).limits;
}

/** Drops this container's cached limits of `tenantId` (after a platform admin saved its record). */
export function forgetLimits(services: Pick<LimitsServices, 'clients'>, tenantId: string): void {
  if (services.clients) caches.get(services.clients)?.delete(tenantId);
}
