/**
 * The audit log: who did what, in which tenant, when, and with what outcome. Append-only:
 * an event is written once and never updated; a client_admin reads its own tenant's log.
 */
import type { Role, TenantContext } from './tenant.ts';

/** How an audited operation ended. */
export type AuditOutcome = 'success' | 'denied' | 'failed';

/** One audited operation (API mutation, denial, agent tool call, approval, override). */
export interface AuditEvent {
  /** Unique, time-sortable within the tenant. */
  readonly eventId: string;
  readonly clientAccountId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
  /** What was done, e.g. `POST /flows/{flowId}/approve`, `flow.approve`, `tool.lookup_field`. */
  readonly action: string;
  /** What it was done to (ids from the path, a flow id, a tool's agent). */
  readonly target?: Readonly<Record<string, string>>;
  readonly outcome: AuditOutcome;
  /** HTTP status or error code when there is one. */
  readonly status?: number;
  readonly reason?: string;
  readonly at: string;
}

/** What a caller records: the store adds the id and the tenant. */
export type AuditEntry = Omit<AuditEvent, 'eventId' | 'clientAccountId' | 'userId' | 'roles' | 'at'> & {
  readonly at?: string;
};

/** Filter of the audit log; `from`/`to` are ISO timestamps (inclusive), `action` a prefix. */
export interface AuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly action?: string;
  readonly limit?: number;
}

export interface AuditStore {
  /** Appends one event for `tenant` (the actor); never overwrites an existing event. */
  record(tenant: TenantContext, entry: AuditEntry): Promise<AuditEvent>;
  /** The tenant's events in time order, oldest first. */
  list(tenant: TenantContext, query?: AuditQuery): Promise<AuditEvent[]>;
}
