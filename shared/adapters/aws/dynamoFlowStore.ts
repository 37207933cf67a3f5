/**
 * Flow records in the single table, with optimistic locking on `version`.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#errors/errors.ts';
import type { FlowQuery, FlowRecord, FlowStore } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type DynamoTable, queryAll, retryOnConflict } from './dynamoTable.ts';
import { keys, TABLE_INDEXES } from './tableDesign.ts';

/** Conflicting writers back off (see retryOnConflict); this many tries before giving up. */
const MAX_ATTEMPTS = 40;

export class DynamoFlowStore implements FlowStore {
  private readonly table: DynamoTable;

  constructor(table: DynamoTable) {
    this.table = table;
  }

  async create(tenant: TenantContext, flow: FlowRecord): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: this.toItem(tenant, flow),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError(`flow ${flow.flowId} exists`);
      throw error;
    }
  }

  async get(tenant: TenantContext, flowId: string): Promise<FlowRecord | null> {
    const out = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: keys.flow(tenant.clientAccountId, flowId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? (out.Item.data as FlowRecord) : null;
  }

  async list(tenant: TenantContext, query: FlowQuery): Promise<FlowRecord[]> {
    const index = TABLE_INDEXES.flowsByEngagement;
    const items = await queryAll(this.table, {
      IndexName: index.name,
      KeyConditionExpression: query.status ? '#pk = :pk AND begins_with(#sk, :st)' : '#pk = :pk',
      ExpressionAttributeNames: query.status ? { '#pk': index.pk, '#sk': index.sk } : { '#pk': index.pk },
      ExpressionAttributeValues: {
        ':pk': keys.flowIndexPk(tenant.clientAccountId, query.engagementId),
        ...(query.status ? { ':st': `${query.status}#` } : {}),
      },
    });
    const flows = items
      .map((item) => item.data as FlowRecord)
      .filter((f) => !query.flowType || f.flowType === query.flowType)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return query.limit ? flows.slice(0, query.limit) : flows;
  }

  async update(
    tenant: TenantContext,
    flowId: string,
    mutate: (flow: FlowRecord) => void,
  ): Promise<FlowRecord> {
    return retryOnConflict(`flow ${flowId}`, MAX_ATTEMPTS, async () => {
      const current = await this.get(tenant, flowId);
      if (!current) throw new NotFoundError(`flow ${flowId}`);
      const next: FlowRecord = structuredClone(current);
      mutate(next);
      next.version = current.version + 1;
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: this.toItem(tenant, next),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': current.version },
        }),
      );
      return next;
    });
  }

  private toItem(tenant: TenantContext, flow: FlowRecord): Record<string, unknown> {
    if (flow.clientAccountId !== tenant.clientAccountId) throw new NotFoundError(`flow ${flow.flowId}`);
    return {
      ...keys.flow(tenant.clientAccountId, flow.flowId),
      ...keys.flowIndex(tenant.clientAccountId, flow.engagementId, flow.status, flow.createdAt, flow.flowId),
      kind: 'flow',
      version: flow.version,
      data: flow,
    };
  }
}
