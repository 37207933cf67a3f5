/**
 * One batch of a very large connection log, as the ingestion state machine's Distributed Map hands
 * it over (S3 CSV ItemReader -> ItemSelector -> ItemBatcher): map and cleanse the rows with the same
 * domain code as discovery's field_mapping and data_cleansing, and write them as one NDJSON part
 * under the flow's prefix. The part name derives from the first row number, so a retried batch
 * overwrites its own part instead of duplicating rows.
 */

import { compileCleanser } from '#domain/cleansing/index.ts';
import { mapColumns, profileFromSamples } from '#domain/mapping/index.ts';
import type { ColumnProfile, FieldMapping } from '#domain/tableTypes.ts';
import { BadInputError } from '#errors/errors.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { isSafeId } from '#ports/tenant.ts';
import { toJsonLines } from '../discovery/jsonLines.ts';
import { flowTenant } from '../orchestrator.ts';
import type { Services } from '../services.ts';

/** One CSV row as the ItemSelector shapes it: its 0-based index in the file and its cells by header. */
export interface ConnectionBatchItem {
  readonly index: number;
  readonly row: Readonly<Record<string, string>>;
}

/** What the ItemBatcher's BatchInput carries for every batch. */
export interface ConnectionBatchInput {
  readonly flow: { readonly clientAccountId: string; readonly engagementId: string; readonly flowId: string };
  /** The upload the rows come from (recorded on each cleansed record). */
  readonly uploadId: string;
  /** Mappings decided once for the whole file (e.g. from a reviewed field_mapping); mapped per batch when absent. */
  readonly mappings?: readonly FieldMapping[];
}

/** The Distributed Map's batch event: `{ Items, BatchInput }`. */
export interface ConnectionBatchEvent {
  readonly Items: readonly ConnectionBatchItem[];
  readonly BatchInput: ConnectionBatchInput;
}

/** The small summary each child execution returns to the map's result writer. */
export interface ConnectionBatchSummary {
  readonly partKey: string;
  readonly rows: number;
  readonly firstRow: number;
  readonly rowsWithIssues: number;
  readonly averageQuality: number | null;
}

const SAMPLES_PER_COLUMN = 200;

/** The S3 key of the part holding rows starting at `firstRow` (zero-padded so parts list in file order). */
export function connectionPartKey(input: ConnectionBatchInput, firstRow: number): string {
  const { clientAccountId, engagementId, flowId } = input.flow;
  const name = `ingestion/part-${String(firstRow).padStart(10, '0')}`;
  return objectKeys.phaseOutput(clientAccountId, engagementId, flowId, name, 'ndjson');
}

/** Headers in first-seen order across the batch (CSV rows all share them; JSON rows may not). */
function headersOf(items: readonly ConnectionBatchItem[]): string[] {
  const headers = new Set<string>();
  for (const item of items) for (const header of Object.keys(item.row)) headers.add(header);
  return [...headers];
}

function checkInput(event: ConnectionBatchEvent): void {
  const flow = event?.BatchInput?.flow;
  if (!Array.isArray(event?.Items)) throw new BadInputError('batch has no Items array', 'bad_batch');
  if (!flow || ![flow.clientAccountId, flow.engagementId, flow.flowId].every((id) => isSafeId(String(id)))) {
    throw new BadInputError('batch input names no valid flow', 'bad_batch');
  }
}

/**
 * Maps, cleanses and stores one batch of connection rows.
 * @throws BadInputError when the batch is malformed or its columns are not a connection log.
 */
export async function ingestConnectionBatch(
  services: Services,
  event: ConnectionBatchEvent,
): Promise<ConnectionBatchSummary> {
  checkInput(event);
  const input = event.BatchInput;
  const items = [...event.Items].sort((a, b) => a.index - b.index);
  const headers = headersOf(items);
  const columns: ColumnProfile[] = headers.map((header, index) =>
    profileFromSamples(
      header,
      items.slice(0, SAMPLES_PER_COLUMN).map((item) => item.row[header] ?? ''),
      index,
    ),
  );
  const mapping = input.mappings
    ? { kind: 'connections' as const, mappings: input.mappings }
    : mapColumns(columns);
  if (mapping.kind !== 'connections') {
    throw new BadInputError(
      `columns ${headers.slice(0, 5).join(', ')} are not a connection log`,
      'not_connections',
    );
  }
  const cleanse = compileCleanser(columns, mapping.mappings, { uploadId: input.uploadId });
  const stats = { rows: 0, qualitySum: 0, withIssues: 0 };
  const records = items.map((item) => {
    const record = cleanse(
      headers.map((h) => item.row[h] ?? ''),
      item.index + 1,
    );
    stats.rows++;
    stats.qualitySum += record.qualityScore;
    if (record.qualityIssues.length > 0) stats.withIssues++;
    return record;
  });
  const firstRow = (items[0]?.index ?? 0) + 1;
  const partKey = connectionPartKey(input, firstRow);
  const tenant = flowTenant(input.flow);
  await services.objects.put(tenant, partKey, toJsonLines(records), 'application/x-ndjson');
  return {
    partKey,
    rows: stats.rows,
    firstRow,
    rowsWithIssues: stats.withIssues,
    averageQuality: stats.rows ? Math.round((stats.qualitySum / stats.rows) * 1000) / 1000 : null,
  };
}
