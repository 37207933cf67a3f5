/**
 * The audit log in the single table: one item per event under `T#{tenant}#AUDIT`, written with a
 * conditional put (never overwriting) and read by time range with one key-condition query. The
 * platform's log of refused requests (401s: no tenant proven) lives under `PLATFORM#AUDIT`, beside
 * the client registry's `PLATFORM` partition and outside every tenant's leading keys.
 *
 * Every event carries the table's TTL attribute (`expiresAt`, epoch seconds) unless retention is 0.
 */
import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditRetentionDays } from '#config/config.ts';
import type {
  AuditEntry,
  AuditEvent,
  AuditQuery,
  AuditStore,
  PlatformAuditEntry,
  PlatformAuditEvent,
  PlatformAuditLog,
} from '#ports/auditStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { DynamoTable } from './dynamoTable.ts';
import { auditKeys, platformKeys, TTL_ATTRIBUTE } from './tableDesign.ts';

const MAX_LIST = 10_000;
/** Idempotency markers sort outside the `AU#` range the log is read from. */
const KEY_PREFIX = 'AUK#';
const PLATFORM_AUDIT_PARTITION = `${platformKeys.partition}#AUDIT`;
const DAY_SECONDS = 86_400;

/** Options of the audit stores (the clock for tests, retention from configuration). */
export interface DynamoAuditStoreOptions {
  readonly now?: () => Date;
  /**
   * Days before DynamoDB's TTL removes an event; 0 keeps events forever. Default: the configured
   * MODERNIZE_AUDIT_RETENTION_DAYS (the composition root should pass `config.auditRetentionDays`).
   */
  readonly retentionDays?: number;
}

/** The TTL attribute of an event at `at`, or nothing when events are kept forever. */
export function auditExpiry(at: string, retentionDays: number): Record<string, number> {
  if (!(retentionDays > 0)) return {};
  const seconds = Math.floor(Date.parse(at) / 1000);
  return Number.isFinite(seconds)
    ? { [TTL_ATTRIBUTE]: seconds + Math.round(retentionDays * DAY_SECONDS) }
    : {};
}

/** DynamoDB adapter of the AuditStore port (append-only). */
export class DynamoAuditStore implements AuditStore {
  private readonly table: DynamoTable;
  private readonly now: () => Date;
  private readonly retentionDays: number;

  constructor(table: DynamoTable, options: DynamoAuditStoreOptions = {}) {
    this.table = table;
    this.now = options.now ?? (() => new Date());
    this.retentionDays = options.retentionDays ?? auditRetentionDays();
  }

  async record(tenant: TenantContext, entry: AuditEntry): Promise<AuditEvent> {
    const { idempotencyKey, ...rest } = entry;
    let at = rest.at ?? this.now().toISOString();
    let eventId: string = randomUUID();
    if (idempotencyKey) ({ at, eventId } = await this.claim(tenant, idempotencyKey, at, eventId));
    const event: AuditEvent = {
      ...rest,
      eventId,
      clientAccountId: tenant.clientAccountId,
      userId: tenant.userId,
      roles: [...tenant.roles],
      at,
    };
    await putOnce(this.table, {
      ...auditKeys.event(tenant.clientAccountId, event.at, event.eventId),
      kind: 'audit',
      data: event,
      ...auditExpiry(event.at, this.retentionDays),
    });
    return event;
  }

  /**
   * The event identity of `key`: the first recording claims it with a marker; a later one (a re-run
   * after a fault) reads the marker back and so rewrites the same event instead of adding one.
   */
  private async claim(
    tenant: TenantContext,
    key: string,
    at: string,
    eventId: string,
  ): Promise<{ at: string; eventId: string }> {
    const marker = {
      pk: auditKeys.partition(tenant.clientAccountId),
      sk: `${KEY_PREFIX}${createHash('sha256').update(key).digest('base64url')}`,
    };
    const claimed = await putOnce(this.table, {
      ...marker,
      kind: 'audit_key',
      at,
      eventId,
      ...auditExpiry(at, this.retentionDays),
    });
    if (claimed) return { at, eventId };
    const out = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: marker, ConsistentRead: true }),
    );
    const item = out.Item as { at?: unknown; eventId?: unknown } | undefined;
    if (typeof item?.at !== 'string' || typeof item.eventId !== 'string') return { at, eventId };
    return { at: item.at, eventId: item.eventId };
  }

  async list(tenant: TenantContext, query: AuditQuery = {}): Promise<AuditEvent[]> {
    return queryAuditPartition<AuditEvent>(this.table, auditKeys.partition(tenant.clientAccountId), query);
  }
}

/** Options of the platform log: besides the store's, a bound on each write and its own writer. */
export interface DynamoPlatformAuditLogOptions extends DynamoAuditStoreOptions {
  /** Bounds one write, so a slow or throttled table never slows a 401 down much (default 1000 ms). */
  readonly writeTimeoutMs?: number;
  /** The table as written (e.g. a client making a single attempt); default the table it reads. */
  readonly writeTable?: DynamoTable;
}

/** DynamoDB adapter of the platform's audit log (refused requests; platform admins read it). */
export class DynamoPlatformAuditLog implements PlatformAuditLog {
  private readonly table: DynamoTable;
  private readonly writeTable: DynamoTable;
  private readonly now: () => Date;
  private readonly retentionDays: number;
  private readonly writeTimeoutMs: number;

  constructor(table: DynamoTable, options: DynamoPlatformAuditLogOptions = {}) {
    this.table = table;
    this.writeTable = options.writeTable ?? table;
    this.now = options.now ?? (() => new Date());
    this.retentionDays = options.retentionDays ?? auditRetentionDays();
    this.writeTimeoutMs = options.writeTimeoutMs ?? 1000;
  }

  async recordUnauthenticated(entry: PlatformAuditEntry): Promise<PlatformAuditEvent> {
    const event: PlatformAuditEvent = {
      ...entry,
      eventId: randomUUID(),
      outcome: 'unauthenticated',
      at: this.now().toISOString(),
    };
    // One PutItem, no condition and no read: a fresh random id cannot collide.
    await this.writeTable.doc.send(
      new PutCommand({
        TableName: this.writeTable.tableName,
        Item: {
          pk: PLATFORM_AUDIT_PARTITION,
          sk: auditKeys.eventSort(event.at, event.eventId),
          kind: 'platform_audit',
          data: event,
          ...auditExpiry(event.at, this.retentionDays),
        },
      }),
      { abortSignal: AbortSignal.timeout(this.writeTimeoutMs) },
    );
    return event;
  }

  async list(query: Omit<AuditQuery, 'actor'> = {}): Promise<PlatformAuditEvent[]> {
    return queryAuditPartition<PlatformAuditEvent>(this.table, PLATFORM_AUDIT_PARTITION, query);
  }
}

/** Conditional put that never overwrites; false when the item already exists (a retry of ours). */
async function putOnce(table: DynamoTable, item: Record<string, unknown>): Promise<boolean> {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    // The SDK retries a put whose answer was lost; the second attempt finds the first one's item.
    if ((error as { name?: string })?.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * One time-ordered page of an audit partition: the time range is the key condition, actor /
 * outcome / action are filter expressions, `after` continues behind the previous page's last event.
 */
async function queryAuditPartition<T>(table: DynamoTable, pk: string, query: AuditQuery): Promise<T[]> {
  const limit = Math.min(query.limit ?? MAX_LIST, MAX_LIST);
  let low = `${auditKeys.sortPrefix}${query.from ?? ''}`;
  // '~' sorts after every character of an ISO timestamp and an event id.
  const high = `${auditKeys.sortPrefix}${query.to ?? ''}~`;
  let start: Record<string, unknown> | undefined;
  if (query.after) {
    const afterSk = auditKeys.eventSort(query.after.at, query.after.eventId);
    if (afterSk >= low) {
      low = afterSk;
      start = { pk, sk: afterSk };
    }
  }
  if (low > high) return [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': pk, ':low': low, ':high': high };
  const filters: string[] = [];
  const filterOn = (field: string, value: string | undefined, prefix: boolean) => {
    if (value === undefined) return;
    names['#d'] = 'data';
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    filters.push(prefix ? `begins_with(#d.#${field}, :${field})` : `#d.#${field} = :${field}`);
  };
  filterOn('userId', query.actor, false);
  filterOn('outcome', query.outcome, false);
  filterOn('action', query.action, true);
  const events: T[] = [];
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ...(filters.length
          ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }
          : {}),
        ExpressionAttributeValues: values,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      events.push((item as { data: T }).data);
      if (events.length >= limit) return events;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return events;
}
