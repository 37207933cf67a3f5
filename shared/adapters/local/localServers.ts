/**
 * The local AWS stand-ins, started in-process on loopback: dynalite (DynamoDB API) and
 * s3rver (S3 API). Data lives under $MODERNIZE_HOME unless `inMemory` is set.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { TABLE_INDEXES, TABLE_KEYS } from '#adapters/aws/tableDesign.ts';

/** Credentials s3rver requires; dynalite accepts any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LocalServers {
  readonly dynamoEndpoint: string;
  readonly s3Endpoint: string;
  readonly s3: S3rver;
  close(): Promise<void>;
}

export async function startLocalServers(options: {
  home: string;
  bucket: string;
  inMemory?: boolean;
}): Promise<LocalServers> {
  const dynamoPath = join(options.home, 'dynamodb');
  const s3Path = join(options.home, 's3');
  mkdirSync(s3Path, { recursive: true });
  if (!options.inMemory) mkdirSync(dynamoPath, { recursive: true });
  const dynamo: Server = dynalite({ createTableMs: 0, ...(options.inMemory ? {} : { path: dynamoPath }) });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  const s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: s3Path,
    configureBuckets: [{ name: options.bucket, configs: [] }],
  });
  const s3Address = (await s3.run()) as AddressInfo;
  const dynamoAddress = dynamo.address() as AddressInfo;
  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamoAddress.port}`,
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    s3,
    async close() {
      await s3.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}

/** How long `ensureTable` waits for a table to turn ACTIVE (dynalite flips it a moment after creating it). */
const TABLE_ACTIVE_TIMEOUT_MS = 10_000;

/** The table's status, or undefined when it does not exist. */
async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/**
 * Creates the single table with its GSIs, as the CDK data stack defines it, if it does not exist, and
 * resolves once it is ACTIVE: dynalite answers CreateTable while the table is still CREATING and
 * refuses every read and write of it ("Requested resource not found") until then, so the platform's
 * first request (the client-record read of `resolveLimits`) would race the table's creation.
 */
export async function ensureTable(endpoint: string, tableName: string, region: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS });
  try {
    let status = await tableStatus(client, tableName);
    if (status === undefined) {
      await createTable(client, tableName);
      status = await tableStatus(client, tableName);
    }
    const deadline = Date.now() + TABLE_ACTIVE_TIMEOUT_MS;
    while (status !== 'ACTIVE') {
      if (Date.now() > deadline) {
        throw new Error(
          `local table ${tableName} is still ${status ?? 'missing'} after ${TABLE_ACTIVE_TIMEOUT_MS} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      status = await tableStatus(client, tableName);
    }
  } finally {
    client.destroy();
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const gsis = Object.values(TABLE_INDEXES);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: TABLE_KEYS.pk, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.sk, AttributeType: 'S' },
        ...gsis.flatMap((g) => [
          { AttributeName: g.pk, AttributeType: 'S' as const },
          { AttributeName: g.sk, AttributeType: 'S' as const },
        ]),
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.pk, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sk, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: gsis.map((g) => ({
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.pk, KeyType: 'HASH' },
          { AttributeName: g.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
}
