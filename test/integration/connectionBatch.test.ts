import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { fromJsonLines } from '#flows/discovery/jsonLines.ts';
import type { ConnectionBatchEvent, ConnectionBatchItem } from '#flows/ingestion/connectionBatch.ts';
import { handler as connectionBatch } from '../../functions/connectionBatch.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Rows of a connection log as the Distributed Map's CSV ItemReader yields them (cells keyed by header). */
function connectionRows(count: number): ConnectionBatchItem[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    row: {
      'Source IP': `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`,
      'Destination IP': '10.1.0.5',
      'Destination Port': index % 3 === 0 ? '443' : '1433',
      Protocol: index % 2 === 0 ? 'TCP' : 'tcp',
      'Bytes Sent': String(1000 + index),
      Process: 'sqlservr.exe',
    },
  }));
}

const flow = { clientAccountId: 'acme', engagementId: 'dc-move', flowId: 'f-ingest-1' };
const batch = (items: ConnectionBatchItem[]): ConnectionBatchEvent => ({
  Items: items,
  BatchInput: { flow, uploadId: 'u-big' },
});

describe('connection batch handler (ingestion state machine, run directly on the embedded platform)', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ s3Events: false });
  });
  afterAll(async () => t.stop());

  it('maps and cleanses each batch into an NDJSON part under the flow prefix', async () => {
    // Prepare: 500 rows handed over as two batches, the way ItemBatcher splits them
    const rows = connectionRows(500);
    // Act
    const first = await connectionBatch(batch(rows.slice(0, 300)));
    const second = await connectionBatch(batch(rows.slice(300)));
    // Assess
    expect(first).toMatchObject({ rows: 300, firstRow: 1 });
    expect(second).toMatchObject({ rows: 200, firstRow: 301 });
    const acme = tenant('acme');
    const parts = await t.platform.services.objects.list(
      acme,
      't/acme/e/dc-move/flows/f-ingest-1/ingestion/',
    );
    expect(parts.map((p) => p.key).sort()).toEqual([first.partKey, second.partKey].sort());
    const records: CleansedRecord[] = [];
    for (const key of [first.partKey, second.partKey]) {
      for await (const r of fromJsonLines<CleansedRecord>(
        await t.platform.services.objects.getStream(acme, key),
      )) {
        records.push(r);
      }
    }
    expect(records).toHaveLength(500);
    expect(records[0]).toMatchObject({ uploadId: 'u-big', row: 1 });
    expect(records[0]?.fields).toMatchObject({
      sourceIp: '10.0.0.1',
      destinationIp: '10.1.0.5',
      destinationPort: 443,
    });
    expect(records[1]?.fields.protocol).toBe(records[0]?.fields.protocol);
    expect(records[499]?.row).toBe(500);
  });

  it('a retried batch overwrites its own part instead of duplicating rows', async () => {
    const rows = connectionRows(50);
    const once = await connectionBatch(batch(rows));
    const twice = await connectionBatch(batch(rows));
    expect(twice.partKey).toBe(once.partKey);
    const text = await t.platform.services.objects.getText(tenant('acme'), once.partKey);
    expect(text?.trim().split('\n')).toHaveLength(50);
  });

  it('refuses a batch that is not a connection log and a batch naming no valid flow', async () => {
    const assets = [
      { index: 0, row: { Hostname: 'web01', 'Operating System': 'Windows Server 2019', RAM: '16' } },
    ];
    await expect(connectionBatch(batch(assets))).rejects.toMatchObject({ code: 'not_connections' });
    await expect(
      connectionBatch({
        Items: [],
        BatchInput: { flow: { ...flow, clientAccountId: '../x' }, uploadId: 'u' },
      }),
    ).rejects.toMatchObject({ code: 'bad_batch' });
  });
});

describe('ingestion state machine definition', () => {
  it('is valid ASL with a Distributed Map reading the CSV through an S3 ItemReader into batches', () => {
    const file = join(ROOT, 'statemachines', 'ingestion.asl.json');
    const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'asl-validator'), ['--json-path', file], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/is valid/);
  });
});
