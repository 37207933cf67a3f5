/**
 * Agent usage records and cached agent answers in the single table, under the tenant's own
 * partition (`T#{tenant}#AGENT`), so `dynamodb:LeadingKeys` confines them like every other item.
 *
 * Each usage record is written twice: under `USE#{flow}#{at}#{call}` (a flow's usage is one key
 * range) and under `UAT#{at}#{call}` (usage since an instant, e.g. this month's for the token
 * budget, is one key range too, never a scan of the tenant's whole history). Both puts are
 * idempotent, so a retried write never counts a call twice.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AgentMetricsStore,
  AgentUsageRecord,
  CachedAgentAnswer,
  UsageFilter,
} from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { batchWrite, type DynamoTable, queryAll } from './dynamoTable.ts';
import { keys, TTL_ATTRIBUTE } from './tableDesign.ts';

const USAGE_BY_TIME = 'UAT#';
/** Sorts after every `UAT#...` key ('$' follows '#'): the open upper end of a time range. */
const USAGE_BY_TIME_END = 'UAT$';

/** Key builders of the agent items (tenant-first, like tableDesign.ts). */
export const agentKeys = {
  partition: (tenant: string) => `${keys.tenantPartition(tenant)}#AGENT`,
  usage: (tenant: string, record: Pick<AgentUsageRecord, 'flowId' | 'at' | 'callId'>) => ({
    pk: agentKeys.partition(tenant),
    sk: `USE#${record.flowId ?? '-'}#${record.at}#${record.callId}`,
  }),
  usagePrefix: (flowId?: string) => (flowId ? `USE#${flowId}#` : 'USE#'),
  /** The same record in time order (records before this index existed have no such item). */
  usageByTime: (tenant: string, record: Pick<AgentUsageRecord, 'at' | 'callId'>) => ({
    pk: agentKeys.partition(tenant),
    sk: `${USAGE_BY_TIME}${record.at}#${record.callId}`,
  }),
  cache: (tenant: string, key: string) => ({ pk: agentKeys.partition(tenant), sk: `AC#${key}` }),
};

export class DynamoAgentMetricsStore implements AgentMetricsStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async recordUsage(tenant: TenantContext, record: AgentUsageRecord): Promise<void> {
    const item = { kind: 'agent_usage', data: record };
    await batchWrite(this.table, [
      { PutRequest: { Item: { ...agentKeys.usage(tenant.clientAccountId, record), ...item } } },
      { PutRequest: { Item: { ...agentKeys.usageByTime(tenant.clientAccountId, record), ...item } } },
    ]);
  }

  async listUsage(tenant: TenantContext, filter: UsageFilter = {}): Promise<AgentUsageRecord[]> {
    const pk = agentKeys.partition(tenant.clientAccountId);
    const from = filter.from ? new Date(filter.from).toISOString() : undefined;
    if (from && !filter.flowId) {
      const items = await queryAll(this.table, {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :end',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':from': `${USAGE_BY_TIME}${from}`,
          ':end': USAGE_BY_TIME_END,
        },
      });
      return items.map((item) => item.data as AgentUsageRecord);
    }
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': pk, ':sk': agentKeys.usagePrefix(filter.flowId) },
    });
    const records = items.map((item) => item.data as AgentUsageRecord);
    return from ? records.filter((r) => r.at >= from) : records;
  }

  async getCachedAnswer(tenant: TenantContext, key: string): Promise<CachedAgentAnswer | null> {
    const out = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: agentKeys.cache(tenant.clientAccountId, key) }),
    );
    const answer = out.Item?.data as CachedAgentAnswer | undefined;
    // The local stand-in never expires items, and DynamoDB's TTL deletion lags: check the expiry here.
    if (!answer || answer.expiresAt * 1000 < Date.now()) return null;
    return answer;
  }

  async putCachedAnswer(tenant: TenantContext, answer: CachedAgentAnswer): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...agentKeys.cache(tenant.clientAccountId, answer.key),
          kind: 'agent_cache',
          [TTL_ATTRIBUTE]: answer.expiresAt,
          data: answer,
        },
      }),
    );
  }
}
