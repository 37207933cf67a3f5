/**
 * Agent usage records and cached agent answers in the single table, under the tenant's own
 * partition (`T#{tenant}#AGENT`), so `dynamodb:LeadingKeys` confines them like every other item.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgentMetricsStore, AgentUsageRecord, CachedAgentAnswer } from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type DynamoTable, queryAll } from './dynamoTable.ts';
import { keys, TTL_ATTRIBUTE } from './tableDesign.ts';

/** Key builders of the agent items (tenant-first, like tableDesign.ts). */
export const agentKeys = {
  partition: (tenant: string) => `${keys.tenantPartition(tenant)}#AGENT`,
  usage: (tenant: string, record: Pick<AgentUsageRecord, 'flowId' | 'at' | 'callId'>) => ({
    pk: agentKeys.partition(tenant),
    sk: `USE#${record.flowId ?? '-'}#${record.at}#${record.callId}`,
  }),
  usagePrefix: (flowId?: string) => (flowId ? `USE#${flowId}#` : 'USE#'),
  cache: (tenant: string, key: string) => ({ pk: agentKeys.partition(tenant), sk: `AC#${key}` }),
};

export class DynamoAgentMetricsStore implements AgentMetricsStore {
  private readonly table: DynamoTable;
  constructor(table: DynamoTable) {
    this.table = table;
  }

  async recordUsage(tenant: TenantContext, record: AgentUsageRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...agentKeys.usage(tenant.clientAccountId, record), kind: 'agent_usage', data: record },
      }),
    );
  }

  async listUsage(tenant: TenantContext, filter: { flowId?: string } = {}): Promise<AgentUsageRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: {
        ':pk': agentKeys.partition(tenant.clientAccountId),
        ':sk': agentKeys.usagePrefix(filter.flowId),
      },
    });
    return items.map((item) => item.data as AgentUsageRecord);
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
