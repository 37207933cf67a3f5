/**
 * Thin helpers over the DynamoDB document client shared by the stores: paged queries and
 * batched writes with retry of unprocessed items.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#errors/errors.ts';

/** The table a store works on: a document client and the table name. */
export interface DynamoTable {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Builds a document client that drops undefined attributes (optional canonical fields). */
export function createDynamoTable(
  tableName: string,
  client: DynamoDBClient = new DynamoDBClient({}),
): DynamoTable {
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName };
}

/** Runs a query to the end, following LastEvaluatedKey. */
export async function queryAll<T = Record<string, unknown>>(
  table: DynamoTable,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({ ...input, TableName: table.tableName, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) items.push(item as T);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

const BATCH_SIZE = 25;
const MAX_UNPROCESSED_ROUNDS = 12;

/**
 * Writes put/delete requests in batches of 25 with `concurrency` batches in flight,
 * retrying unprocessed items with capped exponential backoff. Throws if items remain unwritten.
 */
export async function batchWrite(
  table: DynamoTable,
  requests: readonly WriteRequest[],
  concurrency = 4,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const batch = requests.slice(next, next + BATCH_SIZE);
      next += BATCH_SIZE;
      await writeOneBatch(table, batch);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, Math.ceil(requests.length / BATCH_SIZE)) }, worker),
  );
}

async function writeOneBatch(table: DynamoTable, batch: WriteRequest[]): Promise<void> {
  let pending = batch;
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) {
      if (round > MAX_UNPROCESSED_ROUNDS)
        throw new Error(`${pending.length} items left unprocessed by DynamoDB`);
      await delay(Math.min(1000, 25 * 2 ** round) * (0.5 + Math.random() / 2));
    }
    const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }));
    pending = (out.UnprocessedItems?.[table.tableName] ?? []) as WriteRequest[];
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Optimistic read-modify-write: runs `attempt` (which reads, changes and writes under a
 * condition) until its conditional write succeeds. A conflicting writer costs a retry after a
 * full-jitter backoff doubling up to 200 ms; after `maxAttempts` conflicts it throws
 * ConcurrentUpdateError naming `what`. Any other error propagates at once.
 */
export async function retryOnConflict<T>(
  what: string,
  maxAttempts: number,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let i = 0; i < maxAttempts; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await delay(Math.random() * Math.min(200, 2 * 2 ** i));
    }
  }
  throw new ConcurrentUpdateError(what);
}
