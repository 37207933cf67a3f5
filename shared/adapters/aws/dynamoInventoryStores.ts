/**
 * Engagement, upload, asset, edge and learned-mapping records in the single table.
 * Each record is stored whole under `data`, next to its keys.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Asset } from '#domain/assetSchema.ts';
import type {
  AssetStore,
  EdgeStore,
  EngagementRecord,
  EngagementStore,
  OverrideStore,
  StoredEdge,
  StoredOverride,
  UploadRecord,
  UploadStore,
} from '#ports/inventoryStore.ts';
import type { MappingStore, StoredLearnedRule } from '#ports/mappingStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { batchWrite, type DynamoTable, queryAll } from './dynamoTable.ts';
import { keys, TABLE_INDEXES } from './tableDesign.ts';

async function getData<T>(table: DynamoTable, key: { pk: string; sk: string }): Promise<T | null> {
  const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key }));
  return out.Item ? (out.Item.data as T) : null;
}

async function queryData<T>(table: DynamoTable, pk: string, skPrefix: string): Promise<T[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
  });
  return items.map((item) => item.data as T);
}

export class DynamoEngagementStore implements EngagementStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async ensure(tenant: TenantContext, engagement: EngagementRecord): Promise<EngagementRecord> {
    const key = keys.engagement(tenant.clientAccountId, engagement.engagementId);
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...key, kind: 'engagement', data: engagement },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return engagement;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await getData<EngagementRecord>(this.table, key)) ?? engagement;
    }
  }

  get(tenant: TenantContext, engagementId: string): Promise<EngagementRecord | null> {
    return getData(this.table, keys.engagement(tenant.clientAccountId, engagementId));
  }

  list(tenant: TenantContext): Promise<EngagementRecord[]> {
    return queryData(this.table, keys.tenantPartition(tenant.clientAccountId), keys.engagementPrefix);
  }

  async put(tenant: TenantContext, engagement: EngagementRecord): Promise<EngagementRecord> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...keys.engagement(tenant.clientAccountId, engagement.engagementId),
          kind: 'engagement',
          data: engagement,
        },
      }),
    );
    return engagement;
  }
}

export class DynamoUploadStore implements UploadStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async put(tenant: TenantContext, upload: UploadRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...keys.upload(tenant.clientAccountId, upload.engagementId, upload.uploadId),
          kind: 'upload',
          data: upload,
        },
      }),
    );
  }

  get(tenant: TenantContext, engagementId: string, uploadId: string): Promise<UploadRecord | null> {
    return getData(this.table, keys.upload(tenant.clientAccountId, engagementId, uploadId));
  }

  list(tenant: TenantContext, engagementId: string): Promise<UploadRecord[]> {
    return queryData(
      this.table,
      keys.engagementPartition(tenant.clientAccountId, engagementId),
      keys.uploadPrefix,
    );
  }
}

export class DynamoAssetStore implements AssetStore {
  private readonly table: DynamoTable;
  private readonly concurrency: number;
  constructor(table: DynamoTable, options: { writeConcurrency?: number } = {}) {
    this.table = table;
    this.concurrency = options.writeConcurrency ?? 4;
  }

  async putMany(tenant: TenantContext, engagementId: string, assets: readonly Asset[]): Promise<void> {
    const t = tenant.clientAccountId;
    const requests = assets.map((asset) => ({
      PutRequest: {
        Item: {
          ...keys.asset(t, engagementId, asset.assetId),
          ...(asset.application ? keys.assetIndex(t, engagementId, asset.application, asset.assetId) : {}),
          kind: 'asset',
          data: asset,
        },
      },
    }));
    await batchWrite(this.table, requests, this.concurrency);
  }

  get(tenant: TenantContext, engagementId: string, assetId: string): Promise<Asset | null> {
    return getData(this.table, keys.asset(tenant.clientAccountId, engagementId, assetId));
  }

  list(tenant: TenantContext, engagementId: string): Promise<Asset[]> {
    return queryData(
      this.table,
      keys.engagementPartition(tenant.clientAccountId, engagementId),
      keys.assetPrefix,
    );
  }

  async listByApplication(
    tenant: TenantContext,
    engagementId: string,
    application: string,
  ): Promise<Asset[]> {
    const index = TABLE_INDEXES.assetsByApplication;
    const items = await queryAll(this.table, {
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.pk },
      ExpressionAttributeValues: {
        ':pk': keys.assetIndexPk(tenant.clientAccountId, engagementId, application),
      },
    });
    return items.map((item) => item.data as Asset);
  }
}

/** Deterministic edge id: one record per (from, to, port, protocol). */
export function edgeId(edge: Pick<StoredEdge, 'from' | 'to' | 'port' | 'protocol'>): string {
  return createHash('sha256')
    .update(`${edge.from}\u0000${edge.to}\u0000${edge.port ?? ''}\u0000${edge.protocol ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
}

export class DynamoEdgeStore implements EdgeStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async replaceAll(tenant: TenantContext, engagementId: string, edges: readonly StoredEdge[]): Promise<void> {
    const t = tenant.clientAccountId;
    const wanted = new Map(edges.map((edge) => [edgeId(edge), edge]));
    const existing = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.engagementPartition(t, engagementId), ':sk': keys.edgePrefix },
      ProjectionExpression: 'pk, sk',
    });
    const stale = existing.filter((item) => !wanted.has(String(item.sk).slice(keys.edgePrefix.length)));
    await batchWrite(this.table, [
      ...[...wanted].map(([id, edge]) => ({
        PutRequest: { Item: { ...keys.edge(t, engagementId, id), kind: 'edge', data: edge } },
      })),
      ...stale.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
    ]);
  }

  list(tenant: TenantContext, engagementId: string): Promise<StoredEdge[]> {
    return queryData(
      this.table,
      keys.engagementPartition(tenant.clientAccountId, engagementId),
      keys.edgePrefix,
    );
  }
}

export class DynamoMappingStore implements MappingStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async put(tenant: TenantContext, rule: StoredLearnedRule): Promise<void> {
    const id = createHash('sha256')
      .update(
        `${rule.kind}\u0000${rule.header.trim().toLowerCase()}\u0000${rule.kind === 'rejection' ? rule.target : ''}`,
      )
      .digest('base64url')
      .slice(0, 22);
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...keys.learnedRule(tenant.clientAccountId, id), kind: 'learned_rule', data: rule },
      }),
    );
  }

  async list(tenant: TenantContext): Promise<StoredLearnedRule[]> {
    const rules = await queryData<StoredLearnedRule>(
      this.table,
      keys.tenantPartition(tenant.clientAccountId),
      keys.learnedRulePrefix,
    );
    return rules.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

export class DynamoOverrideStore implements OverrideStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async put(tenant: TenantContext, override: StoredOverride): Promise<void> {
    const appKey = createHash('sha256')
      .update(override.application.trim().toLowerCase())
      .digest('base64url')
      .slice(0, 22);
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...keys.override(tenant.clientAccountId, override.engagementId, appKey),
          kind: 'override',
          data: override,
        },
      }),
    );
  }

  list(tenant: TenantContext, engagementId: string): Promise<StoredOverride[]> {
    return queryData(
      this.table,
      keys.tenantPartition(tenant.clientAccountId),
      keys.overridePrefix(engagementId),
    );
  }

  listAll(tenant: TenantContext): Promise<StoredOverride[]> {
    return queryData(this.table, keys.tenantPartition(tenant.clientAccountId), keys.overridePrefix());
  }
}
