/**
 * A MemoryStore in process memory, keyed by tenant like the table: for unit tests and tools
 * that need no DynamoDB. Records are copied in and out, as a real store would.
 */
import type { MemoryListFilter, MemoryRecord, MemoryStore } from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

const copy = (record: MemoryRecord): MemoryRecord => structuredClone(record);

export class InMemoryMemoryStore implements MemoryStore {
  private readonly tenants = new Map<string, Map<string, MemoryRecord>>();

  private of(tenant: TenantContext): Map<string, MemoryRecord> {
    let records = this.tenants.get(tenant.clientAccountId);
    if (!records) {
      records = new Map();
      this.tenants.set(tenant.clientAccountId, records);
    }
    return records;
  }

  async create(tenant: TenantContext, record: MemoryRecord): Promise<boolean> {
    const records = this.of(tenant);
    if (records.has(record.memoryId)) return false;
    records.set(record.memoryId, copy(record));
    return true;
  }

  async get(tenant: TenantContext, memoryId: string): Promise<MemoryRecord | null> {
    const record = this.of(tenant).get(memoryId);
    return record ? copy(record) : null;
  }

  async getMany(tenant: TenantContext, memoryIds: readonly string[]): Promise<MemoryRecord[]> {
    const records = this.of(tenant);
    return [...new Set(memoryIds)].flatMap((id) => {
      const record = records.get(id);
      return record ? [copy(record)] : [];
    });
  }

  async list(tenant: TenantContext, filter: MemoryListFilter = {}): Promise<MemoryRecord[]> {
    return [...this.of(tenant).values()]
      .filter(
        (r) =>
          (!filter.agentType || r.agentType === filter.agentType) &&
          (!filter.memoryType || r.memoryType === filter.memoryType),
      )
      .map(copy);
  }

  async update(
    tenant: TenantContext,
    memoryId: string,
    mutate: (record: MemoryRecord) => void,
  ): Promise<MemoryRecord | null> {
    const records = this.of(tenant);
    const current = records.get(memoryId);
    if (!current) return null;
    const next = copy(current);
    mutate(next);
    next.version = current.version + 1;
    records.set(memoryId, next);
    return copy(next);
  }

  async recordUsage(tenant: TenantContext, memoryIds: readonly string[], at: string): Promise<void> {
    const records = this.of(tenant);
    for (const id of new Set(memoryIds)) {
      const record = records.get(id);
      if (!record) continue;
      record.metadata.usageCount += 1;
      record.metadata.lastAccessed = at;
      record.version += 1;
    }
  }
}
