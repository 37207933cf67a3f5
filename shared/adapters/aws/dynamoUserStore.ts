/**
 * DynamoDB adapters of the UserStore (tenant partition, `USER#{userId}`) and the ClientRegistry
 * (platform partition, `CLIENT#{clientId}`). Changes to a user are read-modify-write guarded by a
 * revision attribute, so two admins assigning engagements at once never lose an assignment.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '#ports/tenant.ts';
import type { ClientRecord, ClientRegistry, UserRecord, UserStore } from '#ports/userStore.ts';
import { type DynamoTable, queryAll, retryOnConflict } from './dynamoTable.ts';
import { platformKeys, userKeys } from './tableDesign.ts';

const MAX_ATTEMPTS = 20;

/** DynamoDB adapter of the UserStore port. */
export class DynamoUserStore implements UserStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async get(tenant: TenantContext, userId: string): Promise<UserRecord | null> {
    return (await this.read(tenant, userId))?.data ?? null;
  }

  async list(tenant: TenantContext): Promise<UserRecord[]> {
    const items = await queryAll<{ data: UserRecord }>(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: {
        ':pk': userKeys.partition(tenant.clientAccountId),
        ':sk': userKeys.sortPrefix,
      },
    });
    return items.map((item) => item.data);
  }

  async put(tenant: TenantContext, user: UserRecord): Promise<UserRecord> {
    return (await this.update(tenant, user.userId, (current) =>
      current ? { ...user, createdAt: current.createdAt, createdBy: current.createdBy } : user,
    )) as UserRecord;
  }

  async remove(tenant: TenantContext, userId: string): Promise<boolean> {
    const out = await this.table.doc.send(
      new DeleteCommand({
        TableName: this.table.tableName,
        Key: userKeys.user(tenant.clientAccountId, userId),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return out.Attributes !== undefined;
  }

  setAssignment(
    tenant: TenantContext,
    userId: string,
    engagementId: string,
    assigned: boolean,
  ): Promise<UserRecord | null> {
    return this.update(tenant, userId, (current) => {
      if (!current) return null;
      const others = current.engagements.filter((e) => e !== engagementId);
      return { ...current, engagements: assigned ? [...others, engagementId].sort() : others };
    });
  }

  private async read(
    tenant: TenantContext,
    userId: string,
  ): Promise<{ data: UserRecord; rev: number } | null> {
    const out = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: userKeys.user(tenant.clientAccountId, userId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? { data: out.Item.data as UserRecord, rev: Number(out.Item.rev ?? 0) } : null;
  }

  /** Applies `change` to the current record (null = none) and writes it if nobody wrote in between. */
  private async update(
    tenant: TenantContext,
    userId: string,
    change: (current: UserRecord | null) => UserRecord | null,
  ): Promise<UserRecord | null> {
    return retryOnConflict(`user ${userId}`, MAX_ATTEMPTS, async () => {
      const current = await this.read(tenant, userId);
      const next = change(current?.data ?? null);
      if (!next) return null;
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...userKeys.user(tenant.clientAccountId, userId),
            kind: 'user',
            rev: (current?.rev ?? 0) + 1,
            data: { ...next, userId },
          },
          ...(current
            ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': current.rev } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      return { ...next, userId };
    });
  }
}

/** DynamoDB adapter of the ClientRegistry port (platform partition). */
export class DynamoClientRegistry implements ClientRegistry {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async get(_actor: TenantContext, clientId: string): Promise<ClientRecord | null> {
    const out = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: platformKeys.client(clientId) }),
    );
    return out.Item ? (out.Item.data as ClientRecord) : null;
  }

  async list(_actor: TenantContext): Promise<ClientRecord[]> {
    const items = await queryAll<{ data: ClientRecord }>(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': platformKeys.partition, ':sk': platformKeys.clientPrefix },
    });
    return items.map((item) => item.data);
  }

  async put(_actor: TenantContext, client: ClientRecord): Promise<ClientRecord> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...platformKeys.client(client.clientId), kind: 'client', data: client },
      }),
    );
    return client;
  }
}
