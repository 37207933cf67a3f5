/**
 * The audit log: who did what, in which tenant, when, and with what outcome. Append-only:
 * an event is written once and never updated; a client_admin reads its own tenant's log.
 * Requests that never proved a tenant (401s) go to the platform's own log, which only a
 * platform_admin reads.
 */
import type { Role, TenantContext } from './tenant.ts';

/** How an audited operation ended (`unauthenticated` only in the platform log). */
export type AuditOutcome = 'success' | 'denied' | 'failed' | 'unauthenticated';

/** The outcomes a caller may filter by. */
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed', 'unauthenticated'] as const;

/** One audited operation (API mutation, denial, agent tool call, approval, override, CLI command). */
export interface AuditEvent {
  /** Unique, time-sortable within the tenant. */
  readonly eventId: string;
  readonly clientAccountId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
  /** What was done, e.g. `POST /flows/{flowId}/approve`, `flow.approve`, `tool.lookup_field`, `cli.override`. */
  readonly action: string;
  /** What it was done to (ids from the path, a flow id, a tool's agent). */
  readonly target?: Readonly<Record<string, string>>;
  readonly outcome: AuditOutcome;
  /** HTTP status or error code when there is one. */
  readonly status?: number;
  readonly reason?: string;
  /** Agent tool calls: driven by the model (`llm`) or run directly in degraded mode (`rules`). */
  readonly mode?: 'llm' | 'rules';
  readonly at: string;
}

/** What a caller records: the store adds the id and the tenant. */
export type AuditEntry = Omit<AuditEvent, 'eventId' | 'clientAccountId' | 'userId' | 'roles' | 'at'> & {
  readonly at?: string;
  /**
   * Names the operation across retries: an entry recorded again with the same key (a phase re-run
   * after a fault, a resumed flow) stays one event. Without a key every call appends an event.
   */
  readonly idempotencyKey?: string;
};

/** Filter of the audit log; `from`/`to` are ISO timestamps (inclusive), `action` a prefix. */
export interface AuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly action?: string;
  /** Only events of this user id (e.g. `cli:alice`, a token's subject). */
  readonly actor?: string;
  readonly outcome?: AuditOutcome;
  /** Continue after this event (paging: the last event of the previous page). */
  readonly after?: { readonly at: string; readonly eventId: string };
  readonly limit?: number;
}

export interface AuditStore {
  /** Appends one event for `tenant` (the actor); never overwrites an existing event. */
  record(tenant: TenantContext, entry: AuditEntry): Promise<AuditEvent>;
  /** The tenant's events in time order, oldest first. */
  list(tenant: TenantContext, query?: AuditQuery): Promise<AuditEvent[]>;
}

/** A request refused before any tenant was proven (missing, expired, tampered or foreign token). */
export interface PlatformAuditEvent {
  readonly eventId: string;
  /** `METHOD /route/{template}` the request matched. */
  readonly action: string;
  readonly outcome: 'unauthenticated';
  readonly status: number;
  /** A stable reason code (`missing_token`, `expired_token`, `bad_signature`, `wrong_audience`...). */
  readonly reason: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly at: string;
}

/** What the API records for a 401: never the token, never anything the token claims. */
export type PlatformAuditEntry = Omit<PlatformAuditEvent, 'eventId' | 'at' | 'outcome'>;

/**
 * The platform's audit log, outside every tenant's keys: one write per refused request (so a flood
 * of bad tokens costs one PutItem each and nothing else), read by platform admins.
 */
export interface PlatformAuditLog {
  recordUnauthenticated(entry: PlatformAuditEntry): Promise<PlatformAuditEvent>;
  /** Events in time order, oldest first (`actor` does not apply: nobody was identified). */
  list(query?: Omit<AuditQuery, 'actor'>): Promise<PlatformAuditEvent[]>;
}
