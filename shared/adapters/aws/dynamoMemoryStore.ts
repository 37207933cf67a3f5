/**
 * Agent memory records in the single table, under the tenant's memory partition
 * (`T#{tenant}#MEM`, sort key `M#{memoryId}`), each stored whole under `data`.
 * Changes use optimistic locking on `data.version`; usage counts are atomic increments
 * that also bump the version, so a concurrent update never loses a use.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MemoryListFilter, MemoryRecord, MemoryStore } from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type DynamoTable, queryAll, retryOnConflict } from './dynamoTable.ts';
import { memoryKeys } from './tableDesign.ts';

const MAX_UPDATE_ATTEMPTS = 6;
const BATCH_GET_SIZE = 100;

export class DynamoMemoryStore implements MemoryStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async create(tenant: TenantContext, record: MemoryRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...memoryKeys.memory(tenant.clientAccountId, record.memoryId),
            kind: 'memory',
            data: record,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(tenant: TenantContext, memoryId: string): Promise<MemoryRecord | null> {
    const out = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: memoryKeys.memory(tenant.clientAccountId, memoryId),
        ConsistentRead: true,
      }),
    );
    return (out.Item?.data as MemoryRecord | undefined) ?? null;
  }

  async getMany(tenant: TenantContext, memoryIds: readonly string[]): Promise<MemoryRecord[]> {
    const keys = [...new Set(memoryIds)].map((id) => memoryKeys.memory(tenant.clientAccountId, id));
    const found: MemoryRecord[] = [];
    for (let start = 0; start < keys.length; start += BATCH_GET_SIZE) {
      let pending: Record<string, unknown>[] = keys.slice(start, start + BATCH_GET_SIZE);
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) await new Promise((r) => setTimeout(r, Math.min(500, 20 * 2 ** round)));
        const out = await this.table.doc.send(
          new BatchGetCommand({ RequestItems: { [this.table.tableName]: { Keys: pending } } }),
        );
        for (const item of out.Responses?.[this.table.tableName] ?? []) found.push(item.data as MemoryRecord);
        pending = (out.UnprocessedKeys?.[this.table.tableName]?.Keys ?? []) as Record<string, unknown>[];
        if (round > 10 && pending.length > 0)
          throw new Error(`${pending.length} memory reads left unprocessed`);
      }
    }
    return found;
  }

  async list(tenant: TenantContext, filter: MemoryListFilter = {}): Promise<MemoryRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: {
        ':pk': memoryKeys.partition(tenant.clientAccountId),
        ':sk': memoryKeys.memoryPrefix,
      },
    });
    return items
      .map((item) => item.data as MemoryRecord)
      .filter(
        (r) =>
          (!filter.agentType || r.agentType === filter.agentType) &&
          (!filter.memoryType || r.memoryType === filter.memoryType),
      );
  }

  async update(
    tenant: TenantContext,
    memoryId: string,
    mutate: (record: MemoryRecord) => void,
  ): Promise<MemoryRecord | null> {
    return retryOnConflict(`memory ${memoryId}`, MAX_UPDATE_ATTEMPTS, async () => {
      const current = await this.get(tenant, memoryId);
      if (!current) return null;
      const next = structuredClone(current);
      mutate(next);
      next.version = current.version + 1;
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...memoryKeys.memory(tenant.clientAccountId, memoryId), kind: 'memory', data: next },
          ConditionExpression: '#d.#v = :v',
          ExpressionAttributeNames: { '#d': 'data', '#v': 'version' },
          ExpressionAttributeValues: { ':v': current.version },
        }),
      );
      return next;
    });
  }

  async recordUsage(tenant: TenantContext, memoryIds: readonly string[], at: string): Promise<void> {
    await Promise.all(
      [...new Set(memoryIds)].map(async (id) => {
        try {
          await this.table.doc.send(
            new UpdateCommand({
              TableName: this.table.tableName,
              Key: memoryKeys.memory(tenant.clientAccountId, id),
              UpdateExpression: 'SET #d.#m.#uc = #d.#m.#uc + :one, #d.#m.#la = :at, #d.#v = #d.#v + :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: {
                '#d': 'data',
                '#m': 'metadata',
                '#uc': 'usageCount',
                '#la': 'lastAccessed',
                '#v': 'version',
              },
              ExpressionAttributeValues: { ':one': 1, ':at': at },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }),
    );
  }
}
