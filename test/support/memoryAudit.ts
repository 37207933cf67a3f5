/**
 * An audit log in memory for unit tests of code that records audit events (the AuditStore port's
 * contract without DynamoDB): keyed entries are kept once, as the DynamoDB store does, and `failing`
 * makes every write fail like an unavailable table.
 */
import type { AuditEntry, AuditEvent, AuditStore } from '#ports/auditStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

export class MemoryAudit implements AuditStore {
  readonly events: (AuditEvent & { key?: string })[] = [];
  failing = false;

  async record(tenant: TenantContext, entry: AuditEntry): Promise<AuditEvent> {
    if (this.failing) throw new Error('audit table unavailable');
    const { idempotencyKey, ...rest } = entry;
    const existing = idempotencyKey ? this.events.find((e) => e.key === idempotencyKey) : undefined;
    if (existing) return existing;
    const event = {
      ...rest,
      eventId: String(this.events.length),
      clientAccountId: tenant.clientAccountId,
      userId: tenant.userId,
      roles: [...tenant.roles],
      at: new Date().toISOString(),
      ...(idempotencyKey ? { key: idempotencyKey } : {}),
    };
    this.events.push(event);
    return event;
  }

  async list(): Promise<AuditEvent[]> {
    return this.events;
  }
}
