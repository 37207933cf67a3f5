/**
 * The audit log in the single table: one item per event under `T#{tenant}#AUDIT`, written with a
 * conditional put (never overwriting) and read by time range with one key-condition query.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditEvent, AuditQuery, AuditStore } from '#ports/auditStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type DynamoTable, queryAll } from './dynamoTable.ts';
import { auditKeys } from './tableDesign.ts';

const MAX_LIST = 1000;

/** DynamoDB adapter of the AuditStore port (append-only). */
export class DynamoAuditStore implements AuditStore {
  private readonly table: DynamoTable;
  private readonly now: () => Date;

  constructor(table: DynamoTable, now: () => Date = () => new Date()) {
    this.table = table;
    this.now = now;
  }

  async record(tenant: TenantContext, entry: AuditEntry): Promise<AuditEvent> {
    const event: AuditEvent = {
      ...entry,
      eventId: randomUUID(),
      clientAccountId: tenant.clientAccountId,
      userId: tenant.userId,
      roles: [...tenant.roles],
      at: entry.at ?? this.now().toISOString(),
    };
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...auditKeys.event(tenant.clientAccountId, event.at, event.eventId),
          kind: 'audit',
          data: event,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return event;
  }

  async list(tenant: TenantContext, query: AuditQuery = {}): Promise<AuditEvent[]> {
    const low = `${auditKeys.sortPrefix}${query.from ?? ''}`;
    // '~' sorts after every character of an ISO timestamp and an event id.
    const high = `${auditKeys.sortPrefix}${query.to ?? ''}~`;
    const items = await queryAll<{ data: AuditEvent }>(this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
      ExpressionAttributeValues: {
        ':pk': auditKeys.partition(tenant.clientAccountId),
        ':low': low,
        ':high': high,
      },
    });
    const limit = Math.min(query.limit ?? MAX_LIST, MAX_LIST);
    return items
      .map((item) => item.data)
      .filter((e) => !query.action || e.action.startsWith(query.action))
      .slice(0, limit);
  }
}
